// The _random module: the Mersenne Twister core (MT19937) under random.Random, producing the
// same sequences as CPython for the same seed: seeding goes through init_by_array with the
// seed's absolute value split into 32-bit words (least significant first), str/bytes seeds
// are first extended with their SHA-512 digest (CPython's version-2 seeding), and random()
// combines 27 and 26 bits into a double exactly as CPython does.
#include <errno.h>
#include <openssl/evp.h>
#include <sys/random.h>

#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObject : Object {
  int index;  // next word of state to temper; kN means "regenerate first"
  uint32_t state[kN];
};

Type random_type;

RandomObject* as_random(Value v) { return v.as<RandomObject>(); }

void init_genrand(RandomObject* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < kN; ++i) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kN;
}

void init_by_array(RandomObject* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = kN > key_length ? kN : key_length; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kN - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;  // the most significant bit is 1: a non-zero initial state
}

uint32_t genrand_uint32(RandomObject* r) {
  uint32_t* mt = r->state;
  if (r->index >= kN) {
    int k = 0;
    for (; k < kN - kM; ++k) {
      uint32_t y = (mt[k] & kUpperMask) | (mt[k + 1] & kLowerMask);
      mt[k] = mt[k + kM] ^ (y >> 1) ^ ((y & 1) ? kMatrixA : 0);
    }
    for (; k < kN - 1; ++k) {
      uint32_t y = (mt[k] & kUpperMask) | (mt[k + 1] & kLowerMask);
      mt[k] = mt[k + (kM - kN)] ^ (y >> 1) ^ ((y & 1) ? kMatrixA : 0);
    }
    uint32_t y = (mt[kN - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ ((y & 1) ? kMatrixA : 0);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= y >> 18;
  return y;
}

// Seeds from the magnitude of an int: its 32-bit words, least significant first, without
// high zero words (at least one word).
void seed_from_int(RandomObject* r, Value n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t bits = mpz_sizeinbase(z, 2);
  size_t words = mpz_sgn(z) == 0 ? 1 : (bits + 31) / 32;
  std::vector<uint32_t> key(words, 0);
  size_t written = 0;
  mpz_export(key.data(), &written, -1, sizeof(uint32_t), 0, 0, z);
  init_by_array(r, key.data(), words);
}

// The seed an int makes of bytes: int.from_bytes(data + sha512(data).digest(), 'big').
Value int_from_seed_bytes(std::string_view data) {
  std::string all(data);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha512(), nullptr)) {
    return raise(&exc_ValueError, "sha512 is unavailable");
  }
  all.append(reinterpret_cast<const char*>(digest), len);
  mpz_t z;
  mpz_init(z);
  mpz_import(z, all.size(), 1, 1, 0, 0, all.data());
  return int_steal_mpz(z);
}

int random_seed(RandomObject* r, Value arg) {
  if (!arg || is_none(arg)) {
    uint32_t key[kN];
    size_t done = 0;
    while (done < sizeof key) {
      ssize_t n = getrandom(reinterpret_cast<char*>(key) + done, sizeof key - done, 0);
      if (n < 0) {
        if (errno == EINTR) continue;
        raise_os_error(errno);
        return -1;
      }
      done += static_cast<size_t>(n);
    }
    init_by_array(r, key, kN);
    return 0;
  }
  Value n;
  std::string_view raw;
  if (int_check(arg)) {
    n = arg;
  } else if (str_check(arg)) {
    // str.encode(): strict UTF-8, so a lone surrogate raises as it does in CPython.
    Str* s = arg.as<Str>();
    Value encoded = s->is_ascii() ? Value(s) : str_encode(s, "utf-8", "strict");
    if (!encoded) return -1;
    n = int_from_seed_bytes(s->is_ascii() ? s->view() : encoded.as<Bytes>()->view());
  } else if (bytes_like_view(arg, &raw)) {
    n = int_from_seed_bytes(raw);
  } else {
    int64_t h = hash(arg);
    if (h == -1) return -1;
    n = int_from_i64(h);
  }
  if (!n) return -1;
  seed_from_int(r, n);
  return 0;
}

Value random_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &random_type && !check_no_kwargs("Random", kwnames)) return Value();
  if (nargs > 1) return raise(&exc_TypeError, "Random() requires 0 or 1 argument");
  auto* r = static_cast<RandomObject*>(alloc_instance(type));
  if (random_seed(r, nargs ? args[0] : Value()) < 0) return Value();
  return Value(r);
}

Value m_seed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("seed", kwnames) || !check_nargs("seed", nargs, 0, 1)) return Value();
  if (random_seed(as_random(self), nargs ? args[0] : Value()) < 0) return Value();
  return none_value();
}

Value m_random(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("random", kwnames) || !check_nargs("random", nargs, 0, 0)) return Value();
  RandomObject* r = as_random(self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value m_getrandbits(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getrandbits", kwnames) || !check_nargs("getrandbits", nargs, 1, 1)) return Value();
  int64_t k;
  if (!index_to_i64(args[0], &k)) return Value();
  if (k < 0) return raise(&exc_ValueError, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (k == 0) return Value::small_int(0);
  if (k <= 32) return Value::small_int(genrand_uint32(r) >> (32 - k));
  // Words fill from the least significant end; the last one keeps only its top bits.
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t x = genrand_uint32(r);
    if (k < 32) x >>= (32 - k);
    w[i] = x;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  return int_steal_mpz(z);
}

Value m_getstate(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getstate", kwnames) || !check_nargs("getstate", nargs, 0, 0)) return Value();
  RandomObject* r = as_random(self);
  Tuple* t = tuple_new(kN + 1);
  for (int i = 0; i < kN; ++i) (*t)[i] = Value::small_int(r->state[i]);
  (*t)[kN] = Value::small_int(r->index);
  return Value(t);
}

Value m_setstate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setstate", kwnames) || !check_nargs("setstate", nargs, 1, 1)) return Value();
  if (!tuple_check(args[0])) return raise(&exc_TypeError, "state vector must be a tuple");
  Tuple* t = args[0].as<Tuple>();
  if (t->size != kN + 1) return raise(&exc_ValueError, "state vector is the wrong size");
  uint32_t state[kN];
  for (int i = 0; i < kN; ++i) {
    Value v = (*t)[i];
    if (!int_check(v)) {
      return raise(&exc_TypeError, std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    }
    // Like C's conversion to unsigned long: the value modulo 2**32 (negative ints wrap).
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    if (mpz_sizeinbase(z, 2) > 64) return raise(&exc_OverflowError, "Python int too large to convert to C unsigned long");
    mpz_fdiv_r_2exp(z, z, 32);
    state[i] = static_cast<uint32_t>(mpz_get_ui(z));
  }
  int64_t index;
  if (!int_check((*t)[kN])) {
    return raise(&exc_TypeError,
                 std::string("'") + type_name((*t)[kN]) + "' object cannot be interpreted as an integer");
  }
  if (!int_to_i64((*t)[kN], &index)) return raise(&exc_OverflowError, "Python int too large to convert to C long");
  if (index < 0 || index > kN) return raise(&exc_ValueError, "invalid state");
  RandomObject* r = as_random(self);
  std::memcpy(r->state, state, sizeof state);
  r->index = static_cast<int>(index);
  return none_value();
}

const MethodDef kRandomMethods[] = {
    {"seed", m_seed},
    {"random", m_random},
    {"getrandbits", m_getrandbits},
    {"getstate", m_getstate},
    {"setstate", m_setstate},
    {nullptr, nullptr},
};

}  // namespace

Value random_module_create() {
  if (!random_type.name) {
    random_type.basicsize = sizeof(RandomObject);
    random_type.flags |= kTypeBaseType | kTypePointerFree;
    random_type.tp_new = random_new;
    type_ready(&random_type, "_random.Random", nullptr, kRandomMethods);
  }
  Module* m = module_new(intern("_random"));
  module_add(m, "Random", Value(&random_type));
  return Value(m);
}

}  // namespace minipy
