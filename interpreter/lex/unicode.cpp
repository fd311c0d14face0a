// Lookups over the generated tables in unicode_tables.cpp, and UTF-8 coding.
#include "lex/unicode.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "lex/syntax_error.h"

namespace minipy::unicode {

using detail::CodeRange;

namespace {

bool in_ranges(const CodeRange* begin, const CodeRange* end, char32_t cp) {
  const CodeRange* it =
      std::upper_bound(begin, end, cp, [](char32_t c, const CodeRange& r) { return c < r.first; });
  return it != begin && cp <= (it - 1)->last;
}

// Length of the maximal ill-formed subpart at s[pos] (Unicode ch. 3.9): what one U+FFFD
// replaces when decoding with errors="replace".
std::size_t invalid_sequence_length(std::string_view s, std::size_t pos) {
  unsigned char b0 = static_cast<unsigned char>(s[pos]);
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t i = 1;
  for (; i < len && pos + i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[pos + i]);
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
  }
  return i;
}

// Jamo short names used by the algorithmic "HANGUL SYLLABLE xxx" names (Unicode ch. 3.12).
constexpr std::array<std::string_view, 19> kJamoL = {"G", "GG", "N", "D", "DD", "R", "M",
                                                     "B", "BB", "S", "SS", "",  "J", "JJ",
                                                     "C", "K",  "T", "P",  "H"};
constexpr std::array<std::string_view, 21> kJamoV = {
    "A", "AE", "YA", "YAE", "EO", "E",  "YEO", "YE", "O",  "WA", "WAE",
    "OE", "YO", "U", "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::array<std::string_view, 28> kJamoT = {
    "",  "G", "GG", "GS", "N",  "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M", "B",  "BS", "S",  "SS", "NG", "J", "C", "K", "T",  "P",  "H"};
constexpr char32_t kHangulBase = 0xAC00;

std::optional<char32_t> lookup_hangul(std::string_view rest) {
  for (std::size_t l = 0; l < kJamoL.size(); ++l) {
    if (rest.substr(0, kJamoL[l].size()) != kJamoL[l]) continue;
    std::string_view after_l = rest.substr(kJamoL[l].size());
    for (std::size_t v = 0; v < kJamoV.size(); ++v) {
      if (after_l.substr(0, kJamoV[v].size()) != kJamoV[v]) continue;
      std::string_view after_v = after_l.substr(kJamoV[v].size());
      for (std::size_t t = 0; t < kJamoT.size(); ++t) {
        if (after_v == kJamoT[t]) {
          return kHangulBase + static_cast<char32_t>((l * kJamoV.size() + v) * kJamoT.size() + t);
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<char32_t> lookup_cjk(std::string_view hex) {
  if (hex.size() < 4 || hex.size() > 5) return std::nullopt;
  char32_t cp = 0;
  for (char c : hex) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return std::nullopt;
    cp = cp * 16 + static_cast<char32_t>(d);
  }
  if (!in_ranges(detail::kCjkIdeographsBegin, detail::kCjkIdeographsEnd, cp)) return std::nullopt;
  return cp;
}

const std::unordered_map<std::string_view, char32_t>& name_map() {
  // Built on first use (a \N escape is rare); static initialization is thread-safe.
  static const std::unordered_map<std::string_view, char32_t> map = [] {
    std::unordered_map<std::string_view, char32_t> m;
    m.reserve(detail::kNameCount);
    const char* p = detail::kNamesBegin;
    for (std::size_t i = 0; i < detail::kNameCount; ++i) {
      std::string_view name(p);
      m.emplace(name, detail::kNameCodesBegin[i]);
      p += name.size() + 1;
    }
    return m;
  }();
  return map;
}

}  // namespace

std::optional<char32_t> decode_utf8(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  std::size_t n = s.size();
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return std::nullopt;
  }
  if (pos + len > n) return std::nullopt;
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += len;
  return cp;
}

char32_t decode_utf8_lenient(std::string_view s, std::size_t& pos) {
  unsigned char b0 = static_cast<unsigned char>(s[pos]);
  if (b0 == 0xED && pos + 2 < s.size()) {
    unsigned char b1 = static_cast<unsigned char>(s[pos + 1]);
    unsigned char b2 = static_cast<unsigned char>(s[pos + 2]);
    if (b1 >= 0xA0 && b1 <= 0xBF && b2 >= 0x80 && b2 <= 0xBF) {
      pos += 3;
      return 0xD000 | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
  }
  if (auto cp = decode_utf8(s, pos)) return *cp;
  ++pos;
  return b0;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_chars(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < s.size(); ++count) {
    if (!decode_utf8(s, pos)) pos += invalid_sequence_length(s, pos);
  }
  return count;
}

bool is_xid_start(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return in_ranges(detail::kXidStartBegin, detail::kXidStartEnd, cp);
}

bool is_xid_continue(char32_t cp) {
  if (cp < 0x80) return is_xid_start(cp) || (cp >= '0' && cp <= '9');
  return in_ranges(detail::kXidContinueBegin, detail::kXidContinueEnd, cp);
}

bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return in_ranges(detail::kPrintableBegin, detail::kPrintableEnd, cp);
}

std::optional<char32_t> lookup_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::string_view u = upper;
  constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  if (u.substr(0, kCjk.size()) == kCjk) return lookup_cjk(u.substr(kCjk.size()));
  if (u.substr(0, kHangul.size()) == kHangul) return lookup_hangul(u.substr(kHangul.size()));
  const auto& map = name_map();
  auto it = map.find(u);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace minipy::unicode

namespace minipy {

int error_column(std::string_view line, int byte_col) {
  if (byte_col <= 0) return 0;
  std::size_t n = static_cast<std::size_t>(byte_col);
  if (n > line.size() + 1) n = line.size() + 1;
  std::size_t count = unicode::count_chars(line.substr(0, std::min(n, line.size())));
  if (n == line.size() + 1) ++count;
  return static_cast<int>(count);
}

}  // namespace minipy
