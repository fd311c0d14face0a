// The binascii module: hex and base64 codecs and CRCs over bytes (what base64 and friends
// build on). Decoders accept bytes-like objects or ASCII-only str.
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

Value g_error;       // binascii.Error (a ValueError)
Value g_incomplete;  // binascii.Incomplete

Value binascii_error(const std::string& msg) {
  Value exc = call(g_error, {Value(str_new(msg))});
  if (!exc) return Value();
  return raise_value(exc);
}

bool encode_input(Value v, std::string_view* out) {
  if (bytes_like_view(v, out)) return true;
  raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(v) + "'");
  return false;
}

bool decode_input(Value v, std::string_view* out) {
  if (str_check(v)) {
    Str* s = v.as<Str>();
    if (!s->is_ascii()) {
      raise(&exc_ValueError, "string argument should contain only ASCII characters");
      return false;
    }
    *out = s->view();
    return true;
  }
  if (bytes_like_view(v, out)) return true;
  raise(&exc_TypeError, std::string("argument should be bytes, buffer or ASCII string, not '") + type_name(v) + "'");
  return false;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// hexlify(data, sep=None, bytes_per_sep=1): a separator every |bytes_per_sep| bytes,
// counted from the right when positive, from the left when negative.
Value b2a_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"hexlify", {"data", "sep", "bytes_per_sep"}, 3, 1};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  if (!encode_input(a[0], &data)) return Value();
  char sep = 0;
  int64_t per = 1;
  if (a[1] && !is_none(a[1])) {
    std::string_view s;
    if (str_check(a[1])) {
      Str* str = a[1].as<Str>();
      if (str->length != 1) return raise(&exc_ValueError, "sep must be length 1.");
      if (!str->is_ascii()) return raise(&exc_ValueError, "sep must be ASCII.");
      s = str->view();
    } else if (!bytes_like_view(a[1], &s)) {
      return raise(&exc_TypeError, std::string("sep must be str or bytes."));
    } else if (s.size() != 1) {
      return raise(&exc_ValueError, "sep must be length 1.");
    }
    sep = s[0];
    if (a[2] && !index_to_i64(a[2], &per)) return Value();
  }
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  int64_t n = static_cast<int64_t>(data.size());
  int64_t group = per < 0 ? -per : per;
  out.reserve(data.size() * 3);
  for (int64_t i = 0; i < n; ++i) {
    if (sep && group > 0 && i > 0) {
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return Value(bytes_new(out));
}

Value a2b_hex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"unhexlify", {"hexstr"}, 1, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string_view text;
  if (!decode_input(a[0], &text)) return Value();
  if (text.size() % 2) return binascii_error("Odd-length string");
  std::string out(text.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(text[2 * i]), lo = hex_value(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return binascii_error("Non-hexadecimal digit found");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return Value(bytes_new(out));
}

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value b2a_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"b2a_base64", {"data", "newline"}, 1, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  if (!encode_input(a[0], &data)) return Value();
  bool newline = true;
  if (a[1]) {
    int t = is_true(a[1]);
    if (t < 0) return Value();
    newline = t;
  }
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4 + 1);
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out += kBase64Alphabet[v >> 18];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += kBase64Alphabet[(v >> 6) & 63];
    out += kBase64Alphabet[v & 63];
  }
  size_t rest = data.size() - i;
  if (rest) {
    uint32_t v = static_cast<unsigned char>(data[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kBase64Alphabet[v >> 18];
    out += kBase64Alphabet[(v >> 12) & 63];
    out += rest == 2 ? kBase64Alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  if (newline) out += '\n';
  return Value(bytes_new(out));
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Non-strict decoding skips characters outside the alphabet and stops at the padding that
// completes a quad; strict mode rejects anything else, as CPython's a2b_base64 does.
Value a2b_base64(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"a2b_base64", {"data", "strict_mode"}, 1, 1, 1};
  Value a[2];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  std::string_view text;
  if (!decode_input(a[0], &text)) return Value();
  bool strict = false;
  if (a[1]) {
    int t = is_true(a[1]);
    if (t < 0) return Value();
    strict = t;
  }
  std::string out;
  out.reserve(text.size() / 4 * 3 + 3);
  int quad_pos = 0, pads = 0;
  uint32_t left = 0;
  bool padding_started = false;
  int64_t data_chars = 0;
  size_t i = 0;
  if (strict && !text.empty() && text[0] == '=') return binascii_error("Leading padding not allowed");
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '=') {
      padding_started = true;
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        if (strict && i + 1 < text.size()) return binascii_error("Excess data after padding");
        quad_pos = 0;
        break;
      }
      continue;
    }
    int v = base64_value(c);
    if (v < 0) {
      if (strict) return binascii_error("Only base64 data is allowed");
      continue;
    }
    if (strict && padding_started) return binascii_error("Discontinuous padding not allowed");
    pads = 0;
    ++data_chars;
    switch (quad_pos) {
      case 0: left = static_cast<uint32_t>(v); quad_pos = 1; break;
      case 1: out += static_cast<char>((left << 2) | (v >> 4)); left = v & 0x0f; quad_pos = 2; break;
      case 2: out += static_cast<char>((left << 4) | (v >> 2)); left = v & 0x03; quad_pos = 3; break;
      default: out += static_cast<char>((left << 6) | v); left = 0; quad_pos = 0; break;
    }
  }
  if (quad_pos == 1) {
    return binascii_error("Invalid base64-encoded string: number of data characters (" + std::to_string(data_chars) +
                          ") cannot be 1 more than a multiple of 4");
  }
  if (quad_pos != 0) return binascii_error("Incorrect padding");
  return Value(bytes_new(out));
}

uint32_t crc32_update(uint32_t crc, std::string_view data) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
      table[n] = c;
    }
    ready = true;
  }
  crc = ~crc;
  for (char ch : data) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

// The starting value of a CRC argument, reduced modulo 2**bits like CPython's unsigned mask.
bool crc_arg(Value v, int bits, uint32_t* out) {
  if (!int_check(v)) {
    v = number_index(v);
    if (!v) return false;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  mpz_fdiv_r_2exp(z, z, bits);
  *out = static_cast<uint32_t>(mpz_get_ui(z));
  return true;
}

Value binascii_crc32(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("crc32", kwnames) || !check_nargs("crc32", nargs, 1, 2)) return Value();
  std::string_view data;
  uint32_t crc = 0;
  if (!encode_input(args[0], &data) || (nargs == 2 && !crc_arg(args[1], 32, &crc))) return Value();
  return int_from_u64(crc32_update(crc, data));
}

Value binascii_crc_hqx(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("crc_hqx", kwnames) || !check_nargs("crc_hqx", nargs, 2, 2)) return Value();
  std::string_view data;
  uint32_t crc;
  if (!encode_input(args[0], &data) || !crc_arg(args[1], 16, &crc)) return Value();
  for (char ch : data) {
    crc ^= static_cast<uint32_t>(static_cast<unsigned char>(ch)) << 8;
    for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) : (crc << 1);
    crc &= 0xFFFF;
  }
  return Value::small_int(crc);
}

const MethodDef kBinasciiFunctions[] = {
    {"hexlify", b2a_hex},
    {"b2a_hex", b2a_hex},
    {"unhexlify", a2b_hex},
    {"a2b_hex", a2b_hex},
    {"b2a_base64", b2a_base64},
    {"a2b_base64", a2b_base64},
    {"crc32", binascii_crc32},
    {"crc_hqx", binascii_crc_hqx},
    {nullptr, nullptr},
};

Value new_exception_class(const char* name, Type* base) {
  Dict* ns = dict_new();
  dict_set_cstr(ns, "__module__", Value(intern("binascii")));
  return call(Value(&type_type), {Value(intern(name)), Value(tuple_of({Value(base)})), Value(ns)});
}

}  // namespace

Value binascii_module_create() {
  if (!g_error) {
    g_error = new_exception_class("Error", &exc_ValueError);
    if (!g_error) return Value();
    g_incomplete = new_exception_class("Incomplete", &exc_Exception);
    if (!g_incomplete) return Value();
  }
  Module* m = module_new(intern("binascii"));
  module_add_functions(m, kBinasciiFunctions);
  module_add(m, "Error", g_error);
  module_add(m, "Incomplete", g_incomplete);
  return Value(m);
}

}  // namespace minipy
