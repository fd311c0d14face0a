// The hashlib module over OpenSSL's EVP digests: md5, sha1, the sha2 and sha3 families, the
// shake XOFs and blake2b/blake2s (their default digest sizes), plus pbkdf2_hmac.
//
// A hash object owns an EVP_MD_CTX (OpenSSL memory, freed by a finalizer). Large updates run
// with the GIL released, so each object has a mutex that serialises updates and digests.
#include <openssl/evp.h>
#include <pthread.h>

#include <cctype>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/gil.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

// Updates at least this large release the GIL (hashing them takes tens of microseconds).
constexpr size_t kReleaseGilBytes = 64 * 1024;

struct Algorithm {
  const char* name;        // Python's name
  const char* evp_name;    // OpenSSL's
  bool xof;                // shake: the caller picks the digest length
  Type* type;
};

Type hash_type, hashxof_type, blake2b_type, blake2s_type;

constexpr Algorithm kAlgorithms[] = {
    {"md5", "MD5", false, &hash_type},
    {"sha1", "SHA1", false, &hash_type},
    {"sha224", "SHA224", false, &hash_type},
    {"sha256", "SHA256", false, &hash_type},
    {"sha384", "SHA384", false, &hash_type},
    {"sha512", "SHA512", false, &hash_type},
    {"sha512_224", "SHA512-224", false, &hash_type},
    {"sha512_256", "SHA512-256", false, &hash_type},
    {"sha3_224", "SHA3-224", false, &hash_type},
    {"sha3_256", "SHA3-256", false, &hash_type},
    {"sha3_384", "SHA3-384", false, &hash_type},
    {"sha3_512", "SHA3-512", false, &hash_type},
    {"shake_128", "SHAKE128", true, &hashxof_type},
    {"shake_256", "SHAKE256", true, &hashxof_type},
    {"blake2b", "BLAKE2B-512", false, &blake2b_type},
    {"blake2s", "BLAKE2S-256", false, &blake2s_type},
    {"ripemd160", "RIPEMD160", false, &hash_type},
    {"sm3", "SM3", false, &hash_type},
    {"md5-sha1", "MD5-SHA1", false, &hash_type},
};
constexpr const char* kGuaranteed[] = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
                                       "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"};

struct HashObject : Object {
  const Algorithm* algo;
  EVP_MD_CTX* ctx;        // OpenSSL memory
  pthread_mutex_t lock;   // serialises use of ctx across GIL releases
};

HashObject* as_hash(Value v) { return v.as<HashObject>(); }

const Algorithm* find_algorithm(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Algorithm& a : kAlgorithms) {
    if (lower == a.name) return &a;
  }
  return nullptr;
}

void hash_finalize(Object* o) {
  auto* h = static_cast<HashObject*>(o);
  EVP_MD_CTX_free(h->ctx);
  pthread_mutex_destroy(&h->lock);
}

HashObject* hash_alloc(const Algorithm* algo) {
  auto* h = alloc<HashObject>(algo->type);
  h->algo = algo;
  h->ctx = EVP_MD_CTX_new();
  pthread_mutex_init(&h->lock, nullptr);
  register_finalizer(h, hash_finalize);
  return h;
}

// Takes the object's lock; waits for it with the GIL released when another thread holds it
// (that thread may itself be hashing without the GIL).
void lock_hash(HashObject* h) {
  if (pthread_mutex_trylock(&h->lock) == 0) return;
  ScopedGilRelease unlocked;
  pthread_mutex_lock(&h->lock);
}

Value openssl_error() { return raise(&exc_ValueError, "OpenSSL digest operation failed"); }

bool data_arg(Value v, std::string_view* out) {
  if (str_check(v)) {
    raise(&exc_TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!bytes_like_view(v, out)) {
    raise(&exc_TypeError, "object supporting the buffer API required");
    return false;
  }
  return true;
}

bool hash_update(HashObject* h, std::string_view data) {
  int ok;
  lock_hash(h);
  if (data.size() >= kReleaseGilBytes) {
    ScopedGilRelease unlocked;
    ok = EVP_DigestUpdate(h->ctx, data.data(), data.size());
  } else {
    ok = EVP_DigestUpdate(h->ctx, data.data(), data.size());
  }
  pthread_mutex_unlock(&h->lock);
  if (!ok) {
    openssl_error();
    return false;
  }
  return true;
}

// The digest so far, without disturbing the running state (finalises a copy).
bool compute_digest(HashObject* h, size_t xof_length, std::string* out) {
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  lock_hash(h);
  int ok = EVP_MD_CTX_copy_ex(copy, h->ctx);
  pthread_mutex_unlock(&h->lock);
  if (ok) {
    if (h->algo->xof) {
      out->assign(xof_length, '\0');
      ok = xof_length == 0 || EVP_DigestFinalXOF(copy, reinterpret_cast<unsigned char*>(out->data()), xof_length);
    } else {
      unsigned char md[EVP_MAX_MD_SIZE];
      unsigned int len = 0;
      ok = EVP_DigestFinal_ex(copy, md, &len);
      out->assign(reinterpret_cast<char*>(md), len);
    }
  }
  EVP_MD_CTX_free(copy);
  if (!ok) openssl_error();
  return ok;
}

std::string to_hex(std::string_view raw) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex(raw.size() * 2, '\0');
  for (size_t i = 0; i < raw.size(); ++i) {
    hex[2 * i] = kDigits[static_cast<unsigned char>(raw[i]) >> 4];
    hex[2 * i + 1] = kDigits[static_cast<unsigned char>(raw[i]) & 15];
  }
  return hex;
}

// Creates a hash of `algo` fed with `data` (null: none).
Value make_hash(const Algorithm* algo, Value data) {
  std::string_view view;
  if (data && !data_arg(data, &view)) return Value();
  const EVP_MD* md = EVP_get_digestbyname(algo->evp_name);
  if (!md) return raise(&exc_ValueError, std::string("unsupported hash type ") + algo->name);
  HashObject* h = hash_alloc(algo);
  if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) return openssl_error();
  if (data && !hash_update(h, view)) return Value();
  return Value(h);
}

// ---------------------------------------------------------------------------------------------
// Methods

Value h_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("update", kwnames) || !check_nargs("update", nargs, 1, 1)) return Value();
  std::string_view data;
  if (!data_arg(args[0], &data) || !hash_update(as_hash(self), data)) return Value();
  return none_value();
}

Value h_digest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("digest", kwnames) || !check_nargs("digest", nargs, 0, 0)) return Value();
  std::string d;
  if (!compute_digest(as_hash(self), 0, &d)) return Value();
  return Value(bytes_new(d));
}

Value h_hexdigest(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("hexdigest", kwnames) || !check_nargs("hexdigest", nargs, 0, 0)) return Value();
  std::string d;
  if (!compute_digest(as_hash(self), 0, &d)) return Value();
  return Value(str_from_ascii(to_hex(d)));
}

bool xof_length_arg(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, size_t* out) {
  Signature sig{fname, {"length"}, 1, 1};
  Value a[1];
  if (!bind_args(sig, args, nargs, kwnames, a)) return false;
  int64_t n;
  if (!index_to_i64(a[0], &n)) return false;
  if (n < 0) {
    raise(&exc_ValueError, "negative digest length");
    return false;
  }
  if (n >= (int64_t{1} << 29)) {
    raise(&exc_ValueError, "digest length is too large");
    return false;
  }
  *out = static_cast<size_t>(n);
  return true;
}

Value xof_digest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t n;
  std::string d;
  if (!xof_length_arg("digest", args, nargs, kwnames, &n) || !compute_digest(as_hash(self), n, &d)) return Value();
  return Value(bytes_new(d));
}

Value xof_hexdigest(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t n;
  std::string d;
  if (!xof_length_arg("hexdigest", args, nargs, kwnames, &n) || !compute_digest(as_hash(self), n, &d)) return Value();
  return Value(str_from_ascii(to_hex(d)));
}

Value h_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("copy", kwnames) || !check_nargs("copy", nargs, 0, 0)) return Value();
  HashObject* h = as_hash(self);
  HashObject* c = hash_alloc(h->algo);
  lock_hash(h);
  int ok = c->ctx && EVP_MD_CTX_copy_ex(c->ctx, h->ctx);
  pthread_mutex_unlock(&h->lock);
  if (!ok) return openssl_error();
  return Value(c);
}

Value h_name(Value self) { return Value(str_from_ascii(as_hash(self)->algo->name)); }

Value h_digest_size(Value self) {
  HashObject* h = as_hash(self);
  return Value::small_int(h->algo->xof ? 0 : EVP_MD_get_size(EVP_MD_CTX_get0_md(h->ctx)));
}

Value h_block_size(Value self) { return Value::small_int(EVP_MD_get_block_size(EVP_MD_CTX_get0_md(as_hash(self)->ctx))); }

Value h_repr(Value self) {
  HashObject* h = as_hash(self);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(h));
  Type* t = type_of(self);
  if (t == &blake2b_type || t == &blake2s_type) return Value(str_new(std::string("<") + t->name + " object at " + addr + ">"));
  return Value(str_new(std::string("<") + h->algo->name + " " + t->name + " object @ " + addr + ">"));
}

const MethodDef kHashMethods[] = {
    {"update", h_update},
    {"digest", h_digest},
    {"hexdigest", h_hexdigest},
    {"copy", h_copy},
    {nullptr, nullptr},
};

const MethodDef kXofMethods[] = {
    {"update", h_update},
    {"digest", xof_digest},
    {"hexdigest", xof_hexdigest},
    {"copy", h_copy},
    {nullptr, nullptr},
};

const GetSetDef kHashGetSets[] = {
    {"name", h_name, nullptr},
    {"digest_size", h_digest_size, nullptr},
    {"block_size", h_block_size, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Constructors

// md5(data=b'', *, usedforsecurity=True) and friends; `string` is the old keyword for data.
template <int kIndex>
Value named_constructor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const Algorithm* algo = &kAlgorithms[kIndex];
  Signature sig{algo->name, {"data", "usedforsecurity", "string"}, 1, 0};
  Value a[3];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (a[0] && a[2]) {
    return raise(&exc_TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword "
                                 "parameter is slated for removal in a future version.");
  }
  return make_hash(algo, a[0] ? a[0] : a[2]);
}

// blake2b/blake2s with only their default parameters (OpenSSL 3.0 fixes the digest size).
template <int kIndex, int kMaxDigest>
Value blake2_constructor(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const Algorithm* algo = &kAlgorithms[kIndex];
  Signature sig{algo->name,
                {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
                 "node_depth", "inner_size", "last_node", "usedforsecurity"},
                1, 0};
  Value a[13];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (a[1]) {
    int64_t size;
    if (!index_to_i64(a[1], &size)) return Value();
    if (size < 1 || size > kMaxDigest) {
      return raise(&exc_ValueError, "digest_size must be between 1 and " + std::to_string(kMaxDigest) + " bytes");
    }
    if (size != kMaxDigest) {
      return raise(&exc_ValueError, std::string(algo->name) + ": only digest_size=" + std::to_string(kMaxDigest) +
                                        " is supported by this build");
    }
  }
  for (int i = 2; i <= 4; ++i) {
    std::string_view v;
    if (a[i] && (!bytes_like_view(a[i], &v) || !v.empty())) {
      return raise(&exc_ValueError, std::string(algo->name) + ": key, salt and person are not supported by this build");
    }
  }
  return make_hash(algo, a[0]);
}

Value hashlib_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"new", {"name", "data", "usedforsecurity", "string"}, 2, 1};
  Value a[4];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (!str_check(a[0])) {
    return raise(&exc_TypeError, "name must be a string");
  }
  const Algorithm* algo = find_algorithm(a[0].as<Str>()->view());
  if (!algo) return raise(&exc_ValueError, "unsupported hash type " + std::string(a[0].as<Str>()->view()));
  return make_hash(algo, a[1] ? a[1] : a[3]);
}

Value hashlib_pbkdf2_hmac(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const Signature sig{"pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 5, 4};
  Value a[5];
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  if (!str_check(a[0])) {
    return raise(&exc_TypeError, std::string("pbkdf2_hmac() argument 'hash_name' must be str, not ") + type_name(a[0]));
  }
  const Algorithm* algo = find_algorithm(a[0].as<Str>()->view());
  const EVP_MD* md = algo && !algo->xof ? EVP_get_digestbyname(algo->evp_name) : nullptr;
  if (!md) return raise(&exc_ValueError, "unsupported hash type " + std::string(a[0].as<Str>()->view()));
  std::string_view password, salt;
  if (!bytes_like_view(a[1], &password)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(a[1]) + "'");
  }
  if (!bytes_like_view(a[2], &salt)) {
    return raise(&exc_TypeError, std::string("a bytes-like object is required, not '") + type_name(a[2]) + "'");
  }
  int64_t iterations, dklen = EVP_MD_get_size(md);
  if (!index_to_i64(a[3], &iterations)) return Value();
  if (iterations < 1) return raise(&exc_ValueError, "iteration value must be greater than 0.");
  if (iterations > INT32_MAX) return raise(&exc_OverflowError, "iteration value is too great.");
  if (a[4] && !is_none(a[4])) {
    if (!index_to_i64(a[4], &dklen)) return Value();
    if (dklen < 1) return raise(&exc_ValueError, "key length must be greater than 0.");
    if (dklen > INT32_MAX) return raise(&exc_OverflowError, "key length is too great.");
  }
  std::string key(static_cast<size_t>(dklen), '\0');
  std::string pw(password), sl(salt);
  int ok;
  {
    ScopedGilRelease unlocked;
    ok = PKCS5_PBKDF2_HMAC(pw.data(), static_cast<int>(pw.size()), reinterpret_cast<const unsigned char*>(sl.data()),
                           static_cast<int>(sl.size()), static_cast<int>(iterations), md, static_cast<int>(dklen),
                           reinterpret_cast<unsigned char*>(key.data()));
  }
  if (!ok) return openssl_error();
  return Value(bytes_new(key));
}

constexpr int algo_index(std::string_view name) {
  for (size_t i = 0; i < sizeof kAlgorithms / sizeof kAlgorithms[0]; ++i) {
    if (name == kAlgorithms[i].name) return static_cast<int>(i);
  }
  return -1;
}

const MethodDef kHashlibFunctions[] = {
    {"new", hashlib_new},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac},
    {"md5", named_constructor<algo_index("md5")>},
    {"sha1", named_constructor<algo_index("sha1")>},
    {"sha224", named_constructor<algo_index("sha224")>},
    {"sha256", named_constructor<algo_index("sha256")>},
    {"sha384", named_constructor<algo_index("sha384")>},
    {"sha512", named_constructor<algo_index("sha512")>},
    {"sha3_224", named_constructor<algo_index("sha3_224")>},
    {"sha3_256", named_constructor<algo_index("sha3_256")>},
    {"sha3_384", named_constructor<algo_index("sha3_384")>},
    {"sha3_512", named_constructor<algo_index("sha3_512")>},
    {"shake_128", named_constructor<algo_index("shake_128")>},
    {"shake_256", named_constructor<algo_index("shake_256")>},
    {"blake2b", blake2_constructor<algo_index("blake2b"), 64>},
    {"blake2s", blake2_constructor<algo_index("blake2s"), 32>},
    {nullptr, nullptr},
};

void hash_types_init() {
  if (hash_type.name) return;
  for (Type* t : {&hash_type, &hashxof_type, &blake2b_type, &blake2s_type}) {
    t->basicsize = sizeof(HashObject);
    t->tp_repr = h_repr;
  }
  type_ready(&hash_type, "_hashlib.HASH", nullptr, kHashMethods, kHashGetSets);
  type_ready(&hashxof_type, "_hashlib.HASHXOF", &hash_type, kXofMethods);
  type_ready(&blake2b_type, "_blake2.blake2b", nullptr, kHashMethods, kHashGetSets);
  type_ready(&blake2s_type, "_blake2.blake2s", nullptr, kHashMethods, kHashGetSets);
}

}  // namespace

Value hashlib_module_create() {
  hash_types_init();
  Module* m = module_new(intern("hashlib"));
  module_add_functions(m, kHashlibFunctions);
  Set* guaranteed = frozenset_new();
  for (const char* name : kGuaranteed) set_add(guaranteed, Value(intern(name)));
  Set* available = set_new();
  for (const Algorithm& a : kAlgorithms) {
    if (EVP_get_digestbyname(a.evp_name)) set_add(available, Value(intern(a.name)));
  }
  module_add(m, "algorithms_guaranteed", Value(guaranteed));
  module_add(m, "algorithms_available", Value(available));
  return Value(m);
}

}  // namespace minipy
