#include "lex/literals.h"

#include <cstdlib>
#include <vector>

#include "lex/unicode.h"

namespace minipy {

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decimal digits of the number written in `digits` (no prefix, no underscores) in `base`.
// Schoolbook conversion over base-10^9 limbs: literals are short, so quadratic is fine.
std::string to_decimal(std::string_view digits, int base) {
  constexpr std::uint32_t kLimb = 1000000000;
  std::vector<std::uint32_t> limbs;  // little endian
  for (char c : digits) {
    std::uint64_t carry = static_cast<std::uint64_t>(digit_value(c));
    for (std::uint32_t& limb : limbs) {
      std::uint64_t v = static_cast<std::uint64_t>(limb) * static_cast<std::uint64_t>(base) + carry;
      limb = static_cast<std::uint32_t>(v % kLimb);
      carry = v / kLimb;
    }
    while (carry) {
      limbs.push_back(static_cast<std::uint32_t>(carry % kLimb));
      carry /= kLimb;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

}  // namespace

NumberValue parse_number(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean += c;
  }
  NumberValue v;
  char last = clean.back();
  if (last == 'j' || last == 'J') {
    clean.pop_back();
    v.kind = NumberValue::Kind::Imag;
    v.float_value = std::strtod(clean.c_str(), nullptr);
    return v;
  }
  int base = 10;
  std::string_view digits = clean;
  if (clean.size() > 1 && clean[0] == '0') {
    char p = static_cast<char>(clean[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) digits.remove_prefix(2);
  }
  if (base == 10 && clean.find_first_of(".eE") != std::string::npos) {
    v.kind = NumberValue::Kind::Float;
    v.float_value = std::strtod(clean.c_str(), nullptr);
    return v;
  }
  v.kind = NumberValue::Kind::Int;
  std::uint64_t acc = 0;
  constexpr std::uint64_t kMax = static_cast<std::uint64_t>(INT64_MAX);
  for (char c : digits) {
    std::uint64_t d = static_cast<std::uint64_t>(digit_value(c));
    if (acc > (kMax - d) / static_cast<std::uint64_t>(base)) {
      v.big_digits = to_decimal(digits, base);
      return v;
    }
    acc = acc * static_cast<std::uint64_t>(base) + d;
  }
  v.int_value = static_cast<std::int64_t>(acc);
  return v;
}

// ---------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------

StringPrefix parse_string_prefix(std::string_view token_text) {
  StringPrefix p;
  std::size_t i = 0;
  for (; i < token_text.size() && token_text[i] != '\'' && token_text[i] != '"'; ++i) {
    switch (token_text[i] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'f': p.fstring = true; break;
      case 'u': p.u = true; break;
      default: break;
    }
  }
  p.prefix_len = i;
  char q = token_text[i];
  bool triple = token_text.size() >= i + 6 && token_text[i + 1] == q && token_text[i + 2] == q;
  p.quote_len = triple ? 3 : 1;
  return p;
}

std::string_view string_body(std::string_view token_text, const StringPrefix& prefix) {
  std::size_t skip = prefix.prefix_len + prefix.quote_len;
  return token_text.substr(skip, token_text.size() - skip - prefix.quote_len);
}

namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// CPython decodes str escapes by first rewriting the literal so the unicode-escape codec can
// read it: every non-ASCII character becomes a 10-byte \UXXXXXXXX and a backslash before one
// becomes 6 bytes.  Error positions count in that rewritten text.
std::size_t rewritten_position(std::string_view body, std::size_t byte_pos) {
  std::size_t pos = 0;
  std::size_t i = 0;
  while (i < byte_pos) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '\\' && (i + 1 >= body.size() || (static_cast<unsigned char>(body[i + 1]) & 0x80))) {
      pos += 6;
      ++i;
    } else if (c & 0x80) {
      unicode::decode_utf8_lenient(body, i);
      pos += 10;
    } else {
      ++pos;
      ++i;
    }
  }
  return pos;
}

std::string codec_error(std::string_view body, std::size_t start, std::size_t end,
                        const char* message) {
  std::size_t s = rewritten_position(body, start);
  std::size_t e = rewritten_position(body, end);
  std::string msg = "(unicode error) 'unicodeescape' codec can't decode ";
  if (e - s == 1) {
    msg += "byte 0x5c in position " + std::to_string(s);
  } else {
    msg += "bytes in position " + std::to_string(s) + "-" + std::to_string(e - 1);
  }
  return msg + ": " + message;
}

// The escapes str and bytes share; returns false when `c` is none of them.
bool simple_escape(char c, char& out) {
  switch (c) {
    case '\\': out = '\\'; return true;
    case '\'': out = '\''; return true;
    case '"': out = '"'; return true;
    case 'a': out = '\a'; return true;
    case 'b': out = '\b'; return true;
    case 'f': out = '\f'; return true;
    case 'n': out = '\n'; return true;
    case 'r': out = '\r'; return true;
    case 't': out = '\t'; return true;
    case 'v': out = '\v'; return true;
    default: return false;
  }
}

}  // namespace

std::optional<std::string> decode_str_escapes(std::string_view body, std::string& out) {
  out.clear();
  out.reserve(body.size());
  std::size_t n = body.size();
  std::size_t i = 0;
  while (i < n) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    std::size_t start = i++;
    if (i >= n) return codec_error(body, start, i, "\\ at end of string");
    c = body[i++];
    char simple;
    if (c == '\n') continue;  // backslash-newline joins lines
    if (simple_escape(c, simple)) {
      out += simple;
      continue;
    }
    if (is_octal(c)) {
      unsigned value = static_cast<unsigned>(c - '0');
      for (int k = 0; k < 2 && i < n && is_octal(body[i]); ++k) {
        value = value * 8 + static_cast<unsigned>(body[i++] - '0');
      }
      unicode::append_utf8(out, value);
      continue;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
      int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      const char* message = c == 'x'   ? "truncated \\xXX escape"
                            : c == 'u' ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
      std::uint32_t value = 0;
      for (; count > 0; --count, ++i) {
        int d = i < n ? digit_value(body[i]) : -1;
        if (d < 0) return codec_error(body, start, i, message);
        value = value * 16 + static_cast<std::uint32_t>(d);
      }
      if (value > 0x10FFFF) return codec_error(body, start, i, "illegal Unicode character");
      unicode::append_utf8(out, value);
      continue;
    }
    if (c == 'N') {
      const char* malformed = "malformed \\N character escape";
      if (i >= n || body[i] != '{') return codec_error(body, start, i, malformed);
      std::size_t name_start = ++i;
      while (i < n && body[i] != '}') ++i;
      if (i >= n || i == name_start) return codec_error(body, start, i, malformed);
      std::string_view name = body.substr(name_start, i - name_start);
      ++i;
      auto cp = unicode::lookup_name(name);
      if (!cp) return codec_error(body, start, i, "unknown Unicode character name");
      unicode::append_utf8(out, *cp);
      continue;
    }
    // Not an escape: both characters stay (CPython only warns).
    out += '\\';
    --i;
  }
  return std::nullopt;
}

std::optional<std::string> decode_bytes_escapes(std::string_view body, std::string& out) {
  out.clear();
  out.reserve(body.size());
  std::size_t n = body.size();
  std::size_t i = 0;
  while (i < n) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    std::size_t start = i++;
    if (i >= n) {
      out += '\\';
      break;
    }
    c = body[i++];
    char simple;
    if (c == '\n') continue;
    if (simple_escape(c, simple)) {
      out += simple;
      continue;
    }
    if (is_octal(c)) {
      unsigned value = static_cast<unsigned>(c - '0');
      for (int k = 0; k < 2 && i < n && is_octal(body[i]); ++k) {
        value = value * 8 + static_cast<unsigned>(body[i++] - '0');
      }
      out += static_cast<char>(value & 0xFF);  // \777 wraps, as in CPython 3.11
      continue;
    }
    if (c == 'x') {
      int hi = i < n ? digit_value(body[i]) : -1;
      int lo = i + 1 < n ? digit_value(body[i + 1]) : -1;
      if (hi < 0 || lo < 0) {
        return "(value error) invalid \\x escape at position " + std::to_string(start);
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
      continue;
    }
    out += '\\';
    --i;
  }
  return std::nullopt;
}

}  // namespace minipy
