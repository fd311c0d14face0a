// Unicode character database for str: the per-code-point properties behind str.isalpha(),
// isdigit(), isprintable(), ... and the case mappings behind upper()/lower()/title()/casefold().
// Tables are generated from CPython by tools/gen_unicode_tables.py (str_unicode_data.inc).
#pragma once

#include <cstdint>

namespace minipy::unicode {

enum CharFlag : uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kSpace = 1 << 4,
  kPrintable = 1 << 5,
  kLower = 1 << 6,
  kUpper = 1 << 7,
  kTitle = 1 << 8,
  kCased = 1 << 9,
  kCaseIgnorable = 1 << 10,
  kIdStart = 1 << 11,
  kIdContinue = 1 << 12,
};

uint16_t flags(uint32_t cp);
inline bool has(uint32_t cp, uint16_t f) { return flags(cp) & f; }

// Decimal digit value of a character with the Numeric_Type Decimal or Digit (0-9), else -1.
// Used by int() and float() to accept non-ASCII digits ('٣').
int digit_value(uint32_t cp);

// Line boundaries as str.splitlines() and the tokenizer of text files see them.
inline bool is_linebreak(uint32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || cp == 0x1C || cp == 0x1D || cp == 0x1E || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

enum class CaseKind : uint8_t { Upper = 0, Lower = 1, Title = 2, Fold = 3 };
// Full case mapping of one code point: writes 1..3 code points to out, returns the count.
int map_case(uint32_t cp, CaseKind kind, uint32_t out[3]);

}  // namespace minipy::unicode
