#include "objects/str_unicode.h"

namespace minipy::unicode {

namespace {

struct CharRecord {
  uint16_t flags;
  uint8_t special;  // bit k set: mapping k is an index into kSpecials, not a delta
  int32_t mapping[4];  // upper, lower, title, casefold
  int8_t digit;
};

struct SpecialCase {
  uint8_t length;
  uint32_t cps[3];
};

#include "objects/str_unicode_data.inc"

const CharRecord& record(uint32_t cp) {
  if (cp >= 0x110000) return kRecords[kBlocks[kBlockIndex[0xD800 >> 8]][0]];  // no properties
  return kRecords[kBlocks[kBlockIndex[cp >> 8]][cp & 0xFF]];
}

}  // namespace

uint16_t flags(uint32_t cp) { return record(cp).flags; }

int digit_value(uint32_t cp) { return record(cp).digit; }

int map_case(uint32_t cp, CaseKind kind, uint32_t out[3]) {
  const CharRecord& r = record(cp);
  int k = static_cast<int>(kind);
  if (r.special & (1 << k)) {
    const SpecialCase& s = kSpecials[r.mapping[k]];
    for (int i = 0; i < s.length; i++) out[i] = s.cps[i];
    return s.length;
  }
  out[0] = static_cast<uint32_t>(static_cast<int32_t>(cp) + r.mapping[k]);
  return 1;
}

}  // namespace minipy::unicode
