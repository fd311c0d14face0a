#include "vm/attr_cache.h"

#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

enum AttrCacheKind : uint32_t {
  kAttrEmpty = 0,
  kAttrInstanceValue,
  kAttrNonData,
  kAttrData,
  kAttrModule,
  kAttrMethod,
  kAttrStoreDict,
};

// The instance dict without creating one.
inline Dict* existing_instance_dict(Value obj, Type* t) {
  if (t->dict_offset > 0) {
    return *reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.as_object()) + t->dict_offset);
  }
  if (t->dict_offset == 0) return nullptr;
  return instance_dict(obj, false);
}

// Method-like descriptors LOAD_METHOD may call unbound with obj as the first argument.
inline bool is_method_descriptor(Value descr) {
  if (!descr.is_object()) return false;
  Type* dt = descr.as_object()->type;
  return dt == &function_type || dt == &method_descriptor_type;
}

inline bool cache_hit(InlineCache* c, Type* t) {
  return c->key == t && c->version1 == t->version && t->version != 0;
}

// Fills the cache for a generic-getattr type and returns the kind, or kAttrEmpty if the
// lookup is not cacheable.
uint32_t classify(InlineCache* c, Type* t, Str* name) {
  if (t->tp_getattr != object_generic_getattr || t->version == 0) return kAttrEmpty;
  Value descr = type_lookup(t, name);
  uint32_t kind = kAttrInstanceValue;
  if (descr) {
    Type* dt = type_of(descr);
    if (dt->tp_descr_get && dt->tp_descr_set) kind = kAttrData;
    else if (dt->tp_descr_get) kind = kAttrNonData;
  }
  c->key = t;
  c->version1 = t->version;
  c->value = descr;
  c->kind = kind;
  return kind;
}

}  // namespace

Value load_attr_cached(InlineCache* c, Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t == &module_type) {
    Dict* d = obj.as<Module>()->dict;
    if (c->kind == kAttrModule && c->key == d && c->version1 == d->version) return c->value;
    Value v = dict_get_str(d, name);
    if (!v) return error_pending() ? Value() : getattr(obj, name);
    c->kind = kAttrModule;
    c->key = d;
    c->version1 = d->version;
    c->value = v;
    return v;
  }
  uint32_t kind = cache_hit(c, t) ? c->kind : classify(c, t, name);
  switch (kind) {
    case kAttrInstanceValue:
    case kAttrNonData: {
      if (Dict* d = existing_instance_dict(obj, t)) {
        Value v = dict_get_str_hinted(d, name, static_cast<int64_t>(c->version2));
        if (v) return v;
        int64_t ix = dict_find_str(d, name);
        if (ix >= 0) {
          c->version2 = static_cast<uint64_t>(ix);
          return d->entries[ix].value;
        }
        if (ix != -1) return Value();
      }
      Value descr = c->value;
      if (!descr) break;  // missing: the generic path raises or consults __getattr__
      if (kind == kAttrInstanceValue) return descr;
      return type_of(descr)->tp_descr_get(descr, obj, Value(t));
    }
    case kAttrData:
      return type_of(c->value)->tp_descr_get(c->value, obj, Value(t));
    default:
      break;
  }
  return getattr(obj, name);
}

Value load_method_cached(InlineCache* c, Value obj, Str* name, Value* self) {
  *self = Value();
  Type* t = type_of(obj);
  if (t == &module_type) return load_attr_cached(c, obj, name);
  if (cache_hit(c, t)) {
    if (c->kind != kAttrMethod) return load_attr_cached(c, obj, name);
  } else {
    if (t->tp_getattr != object_generic_getattr || t->version == 0) return getattr(obj, name);
    Value descr = type_lookup(t, name);
    if (!descr || !is_method_descriptor(descr)) return load_attr_cached(c, obj, name);
    c->key = t;
    c->version1 = t->version;
    c->value = descr;
    c->kind = kAttrMethod;
  }
  Dict* d = existing_instance_dict(obj, t);
  if (d) {
    Value shadow = dict_get_str(d, name);
    if (shadow || error_pending()) return shadow;
  }
  *self = obj;
  return c->value;
}

int store_attr_cached(InlineCache* c, Value obj, Str* name, Value v) {
  Type* t = type_of(obj);
  if (cache_hit(c, t)) {
    Dict** slot = reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.as_object()) + t->dict_offset);
    if (!*slot) *slot = dict_new();
    if (dict_set_str_hinted(*slot, name, static_cast<int64_t>(c->version2), v)) return 0;
    int64_t ix;
    if (dict_set_str_indexed(*slot, name, v, &ix) < 0) return -1;
    c->version2 = static_cast<uint64_t>(ix);
    return 0;
  }
  // Cacheable: the generic setattr on a type with an inline __dict__ slot, and no data
  // descriptor for the name anywhere in the MRO (that one would have to be called instead).
  SetAttrFn f = t->tp_setattr;
  if ((!f || f == object_generic_setattr) && t->version != 0 && t->dict_offset > 0) {
    Value descr = type_lookup(t, name);
    if (!descr && error_pending()) return -1;
    if (!descr || !type_of(descr)->tp_descr_set) {
      c->key = t;
      c->version1 = t->version;
      c->value = Value();
      c->kind = kAttrStoreDict;
    }
  }
  return setattr(obj, name, v);
}

}  // namespace minipy
