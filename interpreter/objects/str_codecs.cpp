// The codecs built into str and bytes: UTF-8 (also with a signature), ASCII, Latin-1, UTF-16
// and UTF-32 with the standard error handlers. Errors are raised as UnicodeDecodeError / UnicodeEncodeError built from
// (encoding, object, start, end, reason), whose __str__ (objects/exceptions.cpp) words the
// message as CPython does.
//
// Decoding UTF-8 is validation plus a copy, since str stores UTF-8: a valid ASCII or UTF-8
// input is copied once with no per-character work beyond the validating scan.

#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_internal.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace minipy {

using namespace text;

namespace {

enum class Codec { Utf8, Utf8Sig, Ascii, Latin1, Utf16, Utf16Le, Utf16Be, Utf32, Utf32Le, Utf32Be, Unknown };

Codec lookup_codec(const char* name) {
  if (!name) return Codec::Utf8;
  std::string n;
  for (const char* p = name; *p; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == '_' || c == ' ') c = '-';
    n += c;
  }
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") return Codec::Utf8;
  if (n == "utf-8-sig") return Codec::Utf8Sig;
  if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") return Codec::Ascii;
  if (n == "latin-1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso-8859-1" ||
      n == "iso8859-1" || n == "8859" || n == "cp819" || n == "iso-ir-100" || n == "csisolatin1")
    return Codec::Latin1;
  if (n == "utf-16" || n == "utf16" || n == "u16") return Codec::Utf16;
  if (n == "utf-16-le" || n == "utf-16le") return Codec::Utf16Le;
  if (n == "utf-16-be" || n == "utf-16be") return Codec::Utf16Be;
  if (n == "utf-32" || n == "utf32" || n == "u32") return Codec::Utf32;
  if (n == "utf-32-le" || n == "utf-32le") return Codec::Utf32Le;
  if (n == "utf-32-be" || n == "utf-32be") return Codec::Utf32Be;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Utf16: return "utf-16";
    case Codec::Utf16Le: return "utf-16-le";
    case Codec::Utf16Be: return "utf-16-be";
    case Codec::Utf32: return "utf-32";
    case Codec::Utf32Le: return "utf-32-le";
    case Codec::Utf32Be: return "utf-32-be";
    default: return "latin-1";
  }
}

enum class Handler { Strict, Ignore, Replace, BackslashReplace, SurrogateEscape, SurrogatePass,
                     XmlCharRefReplace, Unknown };

Handler lookup_handler(const char* name) {
  if (!name || std::strcmp(name, "strict") == 0) return Handler::Strict;
  if (std::strcmp(name, "ignore") == 0) return Handler::Ignore;
  if (std::strcmp(name, "replace") == 0) return Handler::Replace;
  if (std::strcmp(name, "backslashreplace") == 0) return Handler::BackslashReplace;
  if (std::strcmp(name, "surrogateescape") == 0) return Handler::SurrogateEscape;
  if (std::strcmp(name, "surrogatepass") == 0) return Handler::SurrogatePass;
  if (std::strcmp(name, "xmlcharrefreplace") == 0) return Handler::XmlCharRefReplace;
  return Handler::Unknown;
}

Value unknown_handler(const char* name) {
  return raise(&exc_LookupError, std::string("unknown error handler name '") + name + "'");
}

Value unknown_encoding(const char* name) {
  return raise(&exc_LookupError, std::string("unknown encoding: ") + name);
}

Value raise_decode_error(Codec codec, std::string_view input, int64_t start, int64_t end, const char* reason) {
  return raise_with_args(&exc_UnicodeDecodeError,
                         tuple_of({str_from_ascii(codec_name(codec)), bytes_new(input), Value::small_int(start),
                                   Value::small_int(end), str_from_ascii(reason)}));
}

void append_hex_escape(std::string& out, uint32_t v, int digits, char letter) {
  static const char kHex[] = "0123456789abcdef";
  out += '\\';
  out += letter;
  for (int i = digits - 1; i >= 0; i--) out += kHex[(v >> (4 * i)) & 15];
}

// Applies a decode error handler to input[start, end): false if it cannot (then the caller
// raises). Surrogate escapes only apply to bytes >= 0x80, as in CPython.
bool handle_decode_error(Handler h, std::string_view input, int64_t start, int64_t end, std::string& out,
                         int64_t* length) {
  switch (h) {
    case Handler::Ignore: return true;
    case Handler::Replace:
      append_cp(out, 0xFFFD);
      (*length)++;
      return true;
    case Handler::BackslashReplace:
      for (int64_t i = start; i < end; i++) {
        append_hex_escape(out, static_cast<unsigned char>(input[i]), 2, 'x');
        *length += 4;
      }
      return true;
    case Handler::SurrogateEscape:
      for (int64_t i = start; i < end; i++)
        if (static_cast<unsigned char>(input[i]) < 0x80) return false;
      for (int64_t i = start; i < end; i++) {
        append_cp(out, 0xDC00 + static_cast<unsigned char>(input[i]));
        (*length)++;
      }
      return true;
    default: return false;
  }
}

// Length of the valid UTF-8 sequence at p[0..n), or 0 with *bad_end / *reason describing the
// maximal invalid prefix (CPython reports that range).
int utf8_sequence(const unsigned char* p, int64_t n, int64_t* bad_len, const char** reason,
                  bool allow_surrogates) {
  unsigned char c = p[0];
  int need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED && !allow_surrogates) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad_len = 1;
    *reason = "invalid start byte";
    return 0;
  }
  for (int k = 1; k <= need; k++) {
    if (k >= n) {
      *bad_len = k;
      *reason = "unexpected end of data";
      return 0;
    }
    unsigned char b = p[k];
    bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      *bad_len = k;
      *reason = "invalid continuation byte";
      return 0;
    }
  }
  return need + 1;
}

Value decode_utf8(std::string_view input, Handler h, const char* errors) {
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  int64_t n = input.size();
  // Fast path: scan; if everything is valid, copy once.
  int64_t i = 0, cps = 0;
  bool ascii = true;
  int64_t bad_len = 0;
  const char* reason = nullptr;
  bool surrogates_ok = h == Handler::SurrogatePass;
  while (i < n) {
    if (p[i] < 0x80) {
      i++;
      cps++;
      continue;
    }
    int len = utf8_sequence(p + i, n - i, &bad_len, &reason, surrogates_ok);
    if (len == 0) break;
    ascii = false;
    i += len;
    cps++;
  }
  if (i == n) {
    if (ascii) return str_from_ascii(input);
    return str_new(input);
  }
  std::string out(input.substr(0, i));
  int64_t length = cps;
  while (i < n) {
    int len = p[i] < 0x80 ? 1 : utf8_sequence(p + i, n - i, &bad_len, &reason, surrogates_ok);
    if (len > 0) {
      out.append(input.substr(i, len));
      length++;
      i += len;
      continue;
    }
    if (h == Handler::Unknown) return unknown_handler(errors);
    if (!handle_decode_error(h, input, i, i + bad_len, out, &length))
      return raise_decode_error(Codec::Utf8, input, i, i + bad_len, reason);
    i += bad_len;
  }
  return str_new(out);
}

Value decode_ascii_latin1(Codec codec, std::string_view input, Handler h, const char* errors) {
  if (all_ascii(input.data(), input.size())) return str_from_ascii(input);
  std::string out;
  out.reserve(input.size() + 16);
  int64_t length = 0;
  for (size_t i = 0; i < input.size(); i++) {
    auto c = static_cast<unsigned char>(input[i]);
    if (c < 0x80 || codec == Codec::Latin1) {
      append_cp(out, c);
      length++;
      continue;
    }
    if (h == Handler::Unknown) return unknown_handler(errors);
    if (!handle_decode_error(h, input, i, i + 1, out, &length))
      return raise_decode_error(codec, input, i, i + 1, "ordinal not in range(128)");
  }
  return str_new(out);
}

// ---- Encoding ----

Value raise_encode_error(Codec codec, Str* s, int64_t start, int64_t end, const char* reason) {
  return raise_with_args(&exc_UnicodeEncodeError,
                         tuple_of({str_from_ascii(codec_name(codec)), s, Value::small_int(start),
                                   Value::small_int(end), str_from_ascii(reason)}));
}

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

// ---- UTF-16 and UTF-32 ----
// The plain "utf-16"/"utf-32" codecs write a byte-order mark and little-endian units (the
// machine order, as CPython on x86); decoding honours a leading mark and otherwise assumes
// little-endian. Errors then name the endianness actually used ("utf-16-le"), like CPython.

bool is_wide(Codec c) { return c >= Codec::Utf16 && c <= Codec::Utf32Be; }
int wide_unit(Codec c) { return c >= Codec::Utf32 ? 4 : 2; }
bool wide_big_endian(Codec c) { return c == Codec::Utf16Be || c == Codec::Utf32Be; }
bool wide_with_bom(Codec c) { return c == Codec::Utf16 || c == Codec::Utf32; }

void put_unit(std::string& out, uint32_t v, int size, bool big) {
  for (int i = 0; i < size; i++) out += static_cast<char>(v >> (8 * (big ? size - 1 - i : i)));
}

void put_wide_cp(std::string& out, uint32_t cp, int size, bool big) {
  if (size == 2 && cp >= 0x10000) {
    cp -= 0x10000;
    put_unit(out, 0xD800 + (cp >> 10), 2, big);
    put_unit(out, 0xDC00 + (cp & 0x3FF), 2, big);
  } else {
    put_unit(out, cp, size, big);
  }
}

uint32_t get_unit(std::string_view in, size_t pos, int size, bool big) {
  uint32_t v = 0;
  for (int i = 0; i < size; i++) {
    v |= static_cast<uint32_t>(static_cast<unsigned char>(in[pos + i])) << (8 * (big ? size - 1 - i : i));
  }
  return v;
}

Value encode_wide(Str* s, Codec codec, const char* errors) {
  const int size = wide_unit(codec);
  const bool big = wide_big_endian(codec);
  std::string out;
  out.reserve(s->size * size + 4);
  if (wide_with_bom(codec)) put_unit(out, 0xFEFF, size, big);
  const char* p = s->data();
  int64_t index = 0;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    int len = decode_cp(p + off, &cp);
    if (!is_surrogate(cp)) {
      put_wide_cp(out, cp, size, big);
      off += len;
      index++;
      continue;
    }
    // Unlike UTF-8's, these encoders report each lone surrogate on its own (as CPython's do).
    int64_t start = index++;
    off += len;
    std::string text;  // ASCII replacement text, encoded below
    switch (lookup_handler(errors)) {
      case Handler::Unknown: return unknown_handler(errors);
      case Handler::Ignore: break;
      case Handler::Replace: text = "?"; break;
      case Handler::BackslashReplace: append_hex_escape(text, cp, 4, 'u'); break;
      case Handler::XmlCharRefReplace: text = "&#" + std::to_string(cp) + ";"; break;
      case Handler::SurrogatePass: put_unit(out, cp, size, big); break;
      default: return raise_encode_error(codec, s, start, index, "surrogates not allowed");
    }
    for (char c : text) put_unit(out, static_cast<unsigned char>(c), size, big);
  }
  return bytes_new(out);
}

Value decode_wide(std::string_view in, Codec codec, Handler h, const char* errors) {
  const int size = wide_unit(codec);
  bool big = wide_big_endian(codec);
  size_t pos = 0;
  const size_t n = in.size();
  if (wide_with_bom(codec)) {
    if (n >= static_cast<size_t>(size) && get_unit(in, 0, size, false) == 0xFEFF) {
      pos = size;
    } else if (n >= static_cast<size_t>(size) && get_unit(in, 0, size, true) == 0xFEFF) {
      pos = size;
      big = true;
    }
  }
  const Codec report = size == 2 ? (big ? Codec::Utf16Be : Codec::Utf16Le) : (big ? Codec::Utf32Be : Codec::Utf32Le);
  const bool pass = h == Handler::SurrogatePass;
  std::string out;
  out.reserve(n);
  int64_t length = 0;
  // Applies the error handler to in[start, end); false when an exception is pending.
  auto recover = [&](size_t start, size_t end, const char* reason) {
    if (h == Handler::Unknown) {
      unknown_handler(errors);
      return false;
    }
    if (handle_decode_error(h, in, start, end, out, &length)) return true;
    raise_decode_error(report, in, start, end, reason);
    return false;
  };
  while (pos < n) {
    if (n - pos < static_cast<size_t>(size)) {
      if (!recover(pos, n, "truncated data")) return Value();
      break;
    }
    uint32_t v = get_unit(in, pos, size, big);
    if (size == 4) {
      if (v > 0x10FFFF) {
        if (!recover(pos, pos + 4, "code point not in range(0x110000)")) return Value();
      } else if (is_surrogate(v) && !pass) {
        if (!recover(pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)")) return Value();
      } else {
        append_cp(out, v);
      }
      pos += 4;
      continue;
    }
    // surrogatepass keeps a surrogate that does not start a valid pair as it is.
    if (!is_surrogate(v) || (pass && (v >= 0xDC00 || n - pos < 4 || (get_unit(in, pos + 2, 2, big) & 0xFC00) != 0xDC00))) {
      append_cp(out, v);
      pos += 2;
      continue;
    }
    if (v >= 0xDC00) {
      if (!recover(pos, pos + 2, "illegal encoding")) return Value();
      pos += 2;
      continue;
    }
    if (n - pos < 4) {
      if (!recover(pos, n, "unexpected end of data")) return Value();
      break;
    }
    uint32_t low = get_unit(in, pos + 2, 2, big);
    if ((low & 0xFC00) != 0xDC00) {
      if (!recover(pos, pos + 2, "illegal UTF-16 surrogate")) return Value();
      pos += 2;
      continue;
    }
    append_cp(out, 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00));
    pos += 4;
  }
  return str_new(out);
}

}  // namespace

Value str_decode(std::string_view bytes, const char* encoding, const char* errors) {
  Codec codec = lookup_codec(encoding);
  if (codec == Codec::Unknown) return unknown_encoding(encoding);
  Handler h = lookup_handler(errors);
  // utf-8-sig drops one leading byte-order mark; errors are reported as UTF-8's, after it.
  if (codec == Codec::Utf8Sig && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (codec == Codec::Utf8 || codec == Codec::Utf8Sig) return decode_utf8(bytes, h, errors);
  if (is_wide(codec)) return decode_wide(bytes, codec, h, errors);
  return decode_ascii_latin1(codec, bytes, h, errors);
}

Value str_decode_utf8(std::string_view bytes, const char* errors) {
  return decode_utf8(bytes, lookup_handler(errors), errors);
}

Value str_encode(Str* s, const char* encoding, const char* errors) {
  Codec codec = lookup_codec(encoding);
  if (codec == Codec::Unknown) return unknown_encoding(encoding);
  if (is_wide(codec)) return encode_wide(s, codec, errors);
  if (codec == Codec::Utf8Sig) {
    Value body = str_encode(s, "utf-8", errors);
    if (!body) return body;
    return bytes_new("\xEF\xBB\xBF" + std::string(body.as<Bytes>()->view()));
  }
  if (s->is_ascii()) return bytes_new(s->view());
  uint32_t limit = codec == Codec::Utf8 ? 0x110000 : codec == Codec::Ascii ? 0x80 : 0x100;
  auto encodable = [&](uint32_t cp) { return codec == Codec::Utf8 ? !is_surrogate(cp) : cp < limit; };
  if (codec == Codec::Utf8 && s->view().find("\xED") == std::string_view::npos) return bytes_new(s->view());
  Handler h = lookup_handler(errors);
  if (codec == Codec::Utf8 && h == Handler::SurrogatePass) return bytes_new(s->view());
  std::string out;
  out.reserve(s->size);
  const char* p = s->data();
  int64_t index = 0;
  for (int64_t off = 0; off < s->size;) {
    uint32_t cp;
    int len = decode_cp(p + off, &cp);
    if (encodable(cp)) {
      if (codec == Codec::Utf8) out.append(p + off, len);
      else out += static_cast<char>(cp);
      off += len;
      index++;
      continue;
    }
    // A run of unencodable characters is reported (and handled) as one range.
    int64_t start = index, run_end_off = off;
    std::u32string run;
    while (run_end_off < s->size) {
      uint32_t c;
      int l = decode_cp(p + run_end_off, &c);
      if (encodable(c)) break;
      run.push_back(c);
      run_end_off += l;
    }
    int64_t end = start + run.size();
    const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                         : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                 : "ordinal not in range(256)";
    switch (h) {
      case Handler::Strict: return raise_encode_error(codec, s, start, end, reason);
      case Handler::Unknown: return unknown_handler(errors);
      case Handler::Ignore: break;
      case Handler::Replace: out.append(run.size(), '?'); break;
      case Handler::BackslashReplace:
        for (uint32_t c : run)
          append_hex_escape(out, c, c < 0x100 ? 2 : c < 0x10000 ? 4 : 8, c < 0x100 ? 'x' : c < 0x10000 ? 'u' : 'U');
        break;
      case Handler::XmlCharRefReplace:
        for (uint32_t c : run) out += "&#" + std::to_string(c) + ";";
        break;
      case Handler::SurrogateEscape:
        for (size_t k = 0; k < run.size(); k++) {
          if (run[k] < 0xDC80 || run[k] > 0xDCFF)
            return raise_encode_error(codec, s, start + k, start + k + 1, reason);
          out += static_cast<char>(run[k] - 0xDC00);
        }
        break;
      case Handler::SurrogatePass:
        for (size_t k = 0; k < run.size(); k++) {
          if (codec != Codec::Utf8 || !is_surrogate(run[k]))
            return raise_encode_error(codec, s, start + k, start + k + 1, reason);
          append_cp(out, run[k]);
        }
        break;
    }
    off = run_end_off;
    index = end;
  }
  return bytes_new(out);
}

Value str_method_encode(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[] = {"encoding", "errors"};
  Value a[2];
  if (!parse_args("encode", kNames, 2, 0, args, nargs, kwnames, a)) return Value();
  Str *encoding = nullptr, *errors = nullptr;
  if (a[0] && !str_arg(a[0], "encode", "'encoding'", &encoding)) return Value();
  if (a[1] && !str_arg(a[1], "encode", "'errors'", &errors)) return Value();
  return str_encode(self.as<Str>(), encoding ? encoding->data() : nullptr, errors ? errors->data() : nullptr);
}

}  // namespace minipy
