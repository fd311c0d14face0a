// dict: the compact ordered hash table, its methods, views and iterators.
//
// Layout (see dict.h): `entries` is a dense array in insertion order; `index` is an open-
// addressing table of entry numbers (-1 empty, -2 dummy left by a deletion). Entries are
// append-only between resizes: a deletion nulls the entry's key and leaves a dummy in the
// index, so iteration order is insertion order and iterators can detect mutation. At most
// 2/3 of the index slots are ever used, so probing always reaches an empty slot.
// An empty dict owns no tables until its first insertion (most instance and kwargs dicts are
// small or empty).
#include "objects/dict.h"

#include <cstring>
#include <string>

#include "objects/container_util.h"
#include "objects/generic_alias.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type dict_type;
Type dict_keys_type, dict_values_type, dict_items_type;
Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
Type dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

namespace {

constexpr int64_t kEmpty = -1, kDummy = -2;
constexpr int64_t kMinIndexCap = 8;
constexpr int64_t kLookupError = -2;

// One counter for all dicts, so a version identifies a (dict, state) pair uniquely: an inline
// cache that saw version v can never be fooled by another dict that reached the same count.
// Mutation happens under the GIL, so a plain increment suffices.
uint64_t g_dict_version = 0;
inline void bump(Dict* d) { d->version = ++g_dict_version; }

inline int64_t usable(int64_t index_cap) { return index_cap * 2 / 3; }

int64_t index_cap_for(int64_t n) {
  int64_t cap = kMinIndexCap;
  while (usable(cap) < n) cap <<= 1;
  return cap;
}

inline bool exact_str(Value v) { return v.is_object() && v.as_object()->type == &str_type; }

// Installs fresh, empty tables of the given index capacity.
void alloc_tables(Dict* d, int64_t index_cap) {
  d->index = static_cast<int64_t*>(gc_malloc_atomic(static_cast<size_t>(index_cap) * sizeof(int64_t)));
  std::memset(d->index, 0xff, static_cast<size_t>(index_cap) * sizeof(int64_t));  // all kEmpty
  d->index_cap = index_cap;
  d->entries_cap = usable(index_cap);
  d->entries = static_cast<DictEntry*>(gc_malloc(static_cast<size_t>(d->entries_cap) * sizeof(DictEntry)));
  d->entries_len = 0;
}

// The first empty or dummy slot on `hash`'s probe sequence (the key is known to be absent).
inline int64_t find_free_slot(const Dict* d, int64_t hash) {
  uint64_t mask = static_cast<uint64_t>(d->index_cap) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (d->index[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return static_cast<int64_t>(i);
}

// Rebuilds the tables with room for at least `n` live entries, dropping deleted ones.
void resize(Dict* d, int64_t n) {
  DictEntry* old = d->entries;
  int64_t old_len = d->entries_len;
  alloc_tables(d, index_cap_for(n));
  int64_t j = 0;
  for (int64_t i = 0; i < old_len; i++) {
    if (!old[i].key) continue;
    d->entries[j] = old[i];
    d->index[find_free_slot(d, old[i].hash)] = j;
    j++;
  }
  d->entries_len = j;
}

// Finds `key`: its entry number, -1 if absent, kLookupError if comparing raised. *slot_out gets
// the index slot of a found entry. A user __eq__ may mutate the dict; the probe then restarts.
int64_t lookup(Dict* d, Value key, int64_t hash, int64_t* slot_out) {
restart:
  if (!d->index) return -1;
  uint64_t mask = static_cast<uint64_t>(d->index_cap) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int64_t ix = d->index[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      Value ek = e->key;
      if (ek.is(key)) {
        *slot_out = static_cast<int64_t>(i);
        return ix;
      }
      if (e->hash == hash && !(ek.is_small_int() && key.is_small_int())) {
        if (exact_str(ek) && exact_str(key)) {
          if (str_equal(ek.as<Str>(), key.as<Str>())) {
            *slot_out = static_cast<int64_t>(i);
            return ix;
          }
        } else {
          DictEntry* entries = d->entries;
          int eq = equals(ek, key);
          if (eq < 0) return kLookupError;
          if (d->entries != entries || !d->entries[ix].key.is(ek)) goto restart;
          if (eq) {
            *slot_out = static_cast<int64_t>(i);
            return ix;
          }
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Appends a key known to be absent.
void insert_new(Dict* d, Value key, int64_t hash, Value value) {
  if (d->entries_len >= d->entries_cap) resize(d, d->used * 3 > d->used + 1 ? d->used * 3 : d->used + 1);
  int64_t n = d->entries_len++;
  d->index[find_free_slot(d, hash)] = n;
  d->entries[n].hash = hash;
  d->entries[n].key = key;
  d->entries[n].value = value;
  d->used++;
  bump(d);
}

int insert(Dict* d, Value key, int64_t hash, Value value) {
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  if (ix == kLookupError) return -1;
  if (ix >= 0) {
    d->entries[ix].value = value;
    bump(d);
    return 0;
  }
  insert_new(d, key, hash, value);
  return 0;
}

void remove_at(Dict* d, int64_t slot, int64_t ix) {
  d->index[slot] = kDummy;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->used--;
  bump(d);
}

Value raise_key_error(Value key) { return raise_with_args(&exc_KeyError, tuple_of({key})); }

Dict* dict_alloc(Type* type) {
  Dict* d = type == &dict_type ? alloc<Dict>(type) : static_cast<Dict*>(alloc_object(type, type->basicsize));
  bump(d);
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API

Dict* dict_new() { return dict_alloc(&dict_type); }

Dict* dict_new_presized(int64_t n) {
  Dict* d = dict_new();
  if (n > 0) alloc_tables(d, index_cap_for(n));
  return d;
}

Value dict_get_hashed(Dict* d, Value key, int64_t hash) {
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  return ix >= 0 ? d->entries[ix].value : Value();
}

Value dict_get(Dict* d, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return Value();
  return dict_get_hashed(d, key, h);
}

Value dict_get_str(Dict* d, Str* key) {
  int64_t h = key->hash != -1 ? key->hash : str_hash(key);
  return dict_get_hashed(d, key, h);
}

Value dict_get_cstr(Dict* d, const char* key) { return dict_get_str(d, intern(key)); }

int dict_set_hashed(Dict* d, Value key, int64_t hash, Value value) { return insert(d, key, hash, value); }

int dict_set(Dict* d, Value key, Value value) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return insert(d, key, h, value);
}

int dict_set_str(Dict* d, Str* key, Value value) {
  int64_t h = key->hash != -1 ? key->hash : str_hash(key);
  return insert(d, key, h, value);
}

int dict_set_cstr(Dict* d, const char* key, Value value) { return dict_set_str(d, intern(key), value); }

int64_t dict_find_str(Dict* d, Str* key) {
  int64_t h = key->hash != -1 ? key->hash : str_hash(key);
  int64_t slot;
  return lookup(d, key, h, &slot);
}

int dict_set_str_indexed(Dict* d, Str* key, Value value, int64_t* index) {
  int64_t h = key->hash != -1 ? key->hash : str_hash(key);
  int64_t slot;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == kLookupError) return -1;
  if (ix >= 0) {
    d->entries[ix].value = value;
    bump(d);
  } else {
    insert_new(d, key, h, value);
    ix = d->entries_len - 1;
  }
  *index = ix;
  return 0;
}

bool dict_set_str_hinted(Dict* d, Str* key, int64_t hint, Value value) {
  if (hint < 0 || hint >= d->entries_len || !d->entries[hint].key.is(key)) return false;
  d->entries[hint].value = value;
  bump(d);
  return true;
}

int dict_del(Dict* d, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t slot;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == kLookupError) return -1;
  if (ix < 0) return 0;
  remove_at(d, slot, ix);
  return 1;
}

int64_t dict_size(Dict* d) { return d->used; }

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
  while (*pos < d->entries_len) {
    DictEntry* e = &d->entries[(*pos)++];
    if (e->key) {
      *key = e->key;
      *value = e->value;
      return true;
    }
  }
  return false;
}

bool dict_next_hashed(Dict* d, int64_t* pos, Value* key, Value* value, int64_t* hash) {
  while (*pos < d->entries_len) {
    DictEntry* e = &d->entries[(*pos)++];
    if (e->key) {
      *key = e->key;
      *value = e->value;
      *hash = e->hash;
      return true;
    }
  }
  return false;
}

Dict* dict_copy(Dict* d) {
  Dict* r = dict_new();
  if (d->used == 0) return r;
  if (d->used == d->entries_len) {
    // No deletions: both tables can be copied as they are.
    r->index = static_cast<int64_t*>(gc_malloc_atomic(static_cast<size_t>(d->index_cap) * sizeof(int64_t)));
    std::memcpy(r->index, d->index, static_cast<size_t>(d->index_cap) * sizeof(int64_t));
    r->index_cap = d->index_cap;
    r->entries_cap = d->entries_cap;
    r->entries = static_cast<DictEntry*>(gc_malloc(static_cast<size_t>(d->entries_cap) * sizeof(DictEntry)));
    std::memcpy(static_cast<void*>(r->entries), d->entries, static_cast<size_t>(d->entries_len) * sizeof(DictEntry));
    r->entries_len = d->entries_len;
    r->used = d->used;
    return r;
  }
  dict_merge_dict(r, d);  // cannot fail: r is empty, so no key comparisons happen
  return r;
}

int dict_merge_dict(Dict* d, Dict* other) {
  if (other->used == 0 || d == other) return 0;
  int64_t pos = 0, h;
  Value k, v;
  if (d->used == 0) {
    // The keys of a dict are distinct, so they can be appended without any comparison.
    if (d->entries_cap - d->entries_len < other->used) alloc_tables(d, index_cap_for(other->used));
    while (dict_next_hashed(other, &pos, &k, &v, &h)) insert_new(d, k, h, v);
    return 0;
  }
  while (dict_next_hashed(other, &pos, &k, &v, &h)) {
    if (insert(d, k, h, v) < 0) return -1;
  }
  return 0;
}

void dict_clear(Dict* d) {
  d->index = nullptr;
  d->entries = nullptr;
  d->index_cap = 0;
  d->entries_cap = 0;
  d->entries_len = 0;
  d->used = 0;
  bump(d);
}

bool dict_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &dict_type || (t->flags & kTypeDictSubclass);
}

bool dict_check_exact(Value v) { return v.is_object() && v.as_object()->type == &dict_type; }

namespace {

Value dict_iter(Value self);

// Adds the pairs of an iterable ([(k, v), ...]) to d, with CPython's messages.
int merge_pairs(Dict* d, Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return -1;
  for (int64_t n = 0;; n++) {
    Value item = iter_next(it);
    if (!item) return error_pending() ? -1 : 0;
    const Value* kv;
    int64_t len;
    Value seq = item;
    if (!list_check_exact(item) && !tuple_check_exact(item)) {
      Value inner = get_iter(item);
      if (!inner) {
        if (error_matches(&exc_TypeError)) {
          raise(&exc_TypeError,
                "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
        }
        return -1;
      }
      seq = list_from_iterable(inner);
      if (!seq) return -1;
    }
    sequence_items(seq, &kv, &len);
    if (len != 2) {
      raise(&exc_ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length " +
                                 std::to_string(len) + "; 2 is required");
      return -1;
    }
    Value k = kv[0], v = kv[1];
    if (dict_set(d, k, v) < 0) return -1;
  }
}

}  // namespace

int dict_update(Dict* d, Value other) {
  if (dict_check(other) && type_of(other)->tp_iter == dict_iter) return dict_merge_dict(d, other.as<Dict>());
  static Str* keys_name = intern("keys");
  Value keys_attr = getattr_optional(other, keys_name);
  if (!keys_attr) {
    if (error_pending()) return -1;
    return merge_pairs(d, other);
  }
  Value keys = call(keys_attr, nullptr, 0);
  if (!keys) return -1;
  Value it = get_iter(keys);
  if (!it) return -1;
  for (;;) {
    Value k = iter_next(it);
    if (!k) return error_pending() ? -1 : 0;
    Value v = getitem(other, k);
    if (!v) return -1;
    if (dict_set(d, k, v) < 0) return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// Slots

namespace {

inline Dict* as_dict(Value v) { return v.as<Dict>(); }

Value dict_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) { return dict_alloc(type); }

// dict(...) and d.update(...): one optional positional (mapping or pairs), then keywords.
int update_from_args(Dict* d, const char* name, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) {
    raise(&exc_TypeError, std::string(name) + " expected at most 1 argument, got " + std::to_string(nargs));
    return -1;
  }
  if (nargs == 1 && dict_update(d, args[0]) < 0) return -1;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; i++) {
      if (dict_set_str(d, kwnames->items()[i].as<Str>(), args[nargs + i]) < 0) return -1;
    }
  }
  return 0;
}

int dict_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return update_from_args(as_dict(self), "dict", args, nargs, kwnames);
}

Value dict_repr(Value self) {
  Dict* d = as_dict(self);
  if (d->used == 0) return str_new("{}");
  if (repr_enter(d)) return str_new("{...}");
  std::string out = "{";
  bool first = true;
  // Entries are re-read every step: a key's or value's __repr__ may mutate the dict.
  for (int64_t pos = 0; pos < d->entries_len; pos++) {
    Value k = d->entries[pos].key, v = d->entries[pos].value;
    if (!k) continue;
    if (!first) out += ", ";
    first = false;
    if (!append_repr(out, k)) {
      repr_leave(d);
      return Value();
    }
    out += ": ";
    if (!append_repr(out, v)) {
      repr_leave(d);
      return Value();
    }
  }
  out += '}';
  repr_leave(d);
  return str_new(out);
}

// 1 if a and b hold equal items, 0 if not, -1 on error.
int dict_equal(Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  for (int64_t pos = 0; pos < a->entries_len; pos++) {
    DictEntry e = a->entries[pos];
    if (!e.key) continue;
    Value bv = dict_get_hashed(b, e.key, e.hash);
    if (!bv) return error_pending() ? -1 : 0;
    int eq = equals(e.value, bv);
    if (eq <= 0) return eq;
  }
  return 1;
}

Value dict_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !dict_check(a) || !dict_check(b)) {
    return not_implemented_value();
  }
  int eq = dict_equal(as_dict(a), as_dict(b));
  if (eq < 0) return Value();
  return bool_value((op == CompareOp::Eq) == (eq == 1));
}

int64_t dict_length(Value self) { return as_dict(self)->used; }

Value dict_subscript(Value self, Value key) {
  Dict* d = as_dict(self);
  Value v = dict_get(d, key);
  if (v || error_pending()) return v;
  if (d->type != &dict_type) {
    static Str* missing = intern("__missing__");
    Value r = call_special_optional(self, missing, &key, 1);
    if (r || error_pending()) return r;
  }
  return raise_key_error(key);
}

int dict_ass_subscript(Value self, Value key, Value value) {
  Dict* d = as_dict(self);
  if (value) return dict_set(d, key, value);
  int r = dict_del(d, key);
  if (r == 0) {
    raise_key_error(key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int dict_contains(Value self, Value key) {
  Dict* d = as_dict(self);
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t slot;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == kLookupError) return -1;
  return ix >= 0;
}

int dict_bool(Value self) { return as_dict(self)->used != 0; }

Value dict_or(Value a, Value b) {
  if (!dict_check(a) || !dict_check(b)) return not_implemented_value();
  Dict* r = dict_copy(as_dict(a));
  if (dict_merge_dict(r, as_dict(b)) < 0) return Value();
  return r;
}

Value dict_inplace_or(Value a, Value b) {
  if (!dict_check(a)) return not_implemented_value();
  if (dict_update(as_dict(a), b) < 0) return Value();
  return a;
}

// ---------------------------------------------------------------------------------------------
// Iterators

enum class IterKind { Keys, Values, Items };

Value make_iter(Dict* d, Type* type, bool reversed) {
  DictIterator* it = alloc<DictIterator>(type);
  it->dict = d;
  it->pos = reversed ? d->entries_len - 1 : 0;
  it->used = d->used;
  it->remaining = d->used;
  return it;
}

// The next live entry, or null: exhausted (no exception) or mutated (RuntimeError pending).
DictEntry* iter_advance(DictIterator* it, bool reversed) {
  Dict* d = it->dict;
  if (!d) return nullptr;
  if (it->used != d->used) {
    it->used = -1;  // keep failing, as CPython does
    raise(&exc_RuntimeError, "dictionary changed size during iteration");
    return nullptr;
  }
  if (reversed) {
    // Reversed iteration never sees appended entries, only deletions shrink it.
    if (it->pos >= d->entries_len) it->pos = d->entries_len - 1;
    while (it->pos >= 0) {
      DictEntry* e = &d->entries[it->pos--];
      if (e->key) {
        it->remaining--;
        return e;
      }
    }
  } else {
    while (it->pos < d->entries_len) {
      DictEntry* e = &d->entries[it->pos++];
      if (e->key) {
        if (it->remaining <= 0) {
          raise(&exc_RuntimeError, "dictionary keys changed during iteration");
          it->dict = nullptr;
          return nullptr;
        }
        it->remaining--;
        return e;
      }
    }
  }
  it->dict = nullptr;
  return nullptr;
}

template <IterKind kind, bool reversed>
Value dict_iter_next(Value self) {
  DictEntry* e = iter_advance(self.as<DictIterator>(), reversed);
  if (!e) return Value();
  if constexpr (kind == IterKind::Keys) return e->key;
  if constexpr (kind == IterKind::Values) return e->value;
  return tuple_of({e->key, e->value});
}

Value dict_iter(Value self) { return make_iter(as_dict(self), &dict_keyiterator_type, false); }

Value iter_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  DictIterator* it = self.as<DictIterator>();
  return Value::small_int(it->dict && it->used == it->dict->used ? it->remaining : 0);
}

const MethodDef dict_iter_methods[] = {
    {"__length_hint__", iter_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Views

Value make_view(Value self, Type* type) {
  DictView* v = alloc<DictView>(type);
  v->dict = as_dict(self);
  return v;
}

inline Dict* view_dict(Value v) { return v.as<DictView>()->dict; }

bool setlike_view(Value v) {
  Type* t = type_of(v);
  return t == &dict_keys_type || t == &dict_items_type;
}

int64_t view_length(Value self) { return view_dict(self)->used; }

Value view_repr(Value self) {
  if (repr_enter(self.as_object())) return str_new("...");
  Value lst = list_from_iterable(self);
  std::string out = type_of(self)->name;
  out += '(';
  bool ok = lst && append_repr(out, lst);
  repr_leave(self.as_object());
  if (!ok) return Value();
  out += ')';
  return str_new(out);
}

Value keys_iter(Value self) { return make_iter(view_dict(self), &dict_keyiterator_type, false); }
Value values_iter(Value self) { return make_iter(view_dict(self), &dict_valueiterator_type, false); }
Value items_iter(Value self) { return make_iter(view_dict(self), &dict_itemiterator_type, false); }

int keys_contains(Value self, Value key) { return dict_contains(view_dict(self), key); }

int items_contains(Value self, Value item) {
  if (!tuple_check(item) || item.as<Tuple>()->size != 2) return 0;
  Tuple* t = item.as<Tuple>();
  Value v = dict_get(view_dict(self), t->items()[0]);
  if (!v) return error_pending() ? -1 : 0;
  return equals(v, t->items()[1]);
}

// Every item of a is in b (both sized iterables). -1 on error.
int all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  if (!it) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? -1 : 1;
    int c = contains(b, x);
    if (c <= 0) return c;
  }
}

Value view_richcompare(Value a, Value b, CompareOp op) {
  if (!setlike_view(a) || (!setlike_view(b) && !anyset_check(b))) return not_implemented_value();
  int64_t la = length(a), lb = length(b);
  if (la < 0 || lb < 0) return Value();
  int r = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      r = la == lb ? all_contained_in(a, b) : 0;
      if (r >= 0 && op == CompareOp::Ne) r = !r;
      break;
    case CompareOp::Lt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Le: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::Gt: r = la > lb ? all_contained_in(b, a) : 0; break;
    case CompareOp::Ge: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (r < 0) return Value();
  return bool_value(r);
}

// view OP other and other OP view: a new set of the left operand's items, updated in place
// with the right operand (any iterable).
template <int (*update)(Set*, Value)>
Value view_setop(Value a, Value b) {
  Value s = set_from_iterable(&set_type, a);
  if (!s) return Value();
  if (update(s.as<Set>(), b) < 0) return Value();
  return s;
}

Value view_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("isdisjoint", nargs, kwnames)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? Value() : true_value();
    int c = contains(self, x);
    if (c < 0) return Value();
    if (c) return false_value();
  }
}

template <Type* type>
Value view_reversed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__reversed__", nargs, kwnames)) return Value();
  return make_iter(view_dict(self), type, true);
}

const MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed<&dict_reversekeyiterator_type>},
    {nullptr, nullptr},
};
const MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed<&dict_reverseitemiterator_type>},
    {nullptr, nullptr},
};
const MethodDef values_methods[] = {
    {"__reversed__", view_reversed<&dict_reversevalueiterator_type>},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Methods

Value dict_m_keys(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.keys", nargs, kwnames)) return Value();
  return make_view(self, &dict_keys_type);
}

Value dict_m_values(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.values", nargs, kwnames)) return Value();
  return make_view(self, &dict_values_type);
}

Value dict_m_items(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.items", nargs, kwnames)) return Value();
  return make_view(self, &dict_items_type);
}

Value dict_m_get(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("get", "dict.get", nargs, kwnames, 1, 2)) return Value();
  Value v = dict_get(as_dict(self), args[0]);
  if (v || error_pending()) return v;
  return nargs == 2 ? args[1] : none_value();
}

Value dict_m_setdefault(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("setdefault", "dict.setdefault", nargs, kwnames, 1, 2)) return Value();
  Dict* d = as_dict(self);
  int64_t h = key_hash(args[0]);
  if (h == -1) return Value();
  Value v = dict_get_hashed(d, args[0], h);
  if (v || error_pending()) return v;
  Value dflt = nargs == 2 ? args[1] : none_value();
  if (insert(d, args[0], h, dflt) < 0) return Value();
  return dflt;
}

Value dict_m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("pop", "dict.pop", nargs, kwnames, 1, 2)) return Value();
  Dict* d = as_dict(self);
  int64_t h = key_hash(args[0]);
  if (h == -1) return Value();
  int64_t slot;
  int64_t ix = lookup(d, args[0], h, &slot);
  if (ix == kLookupError) return Value();
  if (ix < 0) return nargs == 2 ? args[1] : raise_key_error(args[0]);
  Value v = d->entries[ix].value;
  remove_at(d, slot, ix);
  return v;
}

Value dict_m_popitem(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.popitem", nargs, kwnames)) return Value();
  Dict* d = as_dict(self);
  if (d->used == 0) return raise(&exc_KeyError, "popitem(): dictionary is empty");
  int64_t ix = d->entries_len - 1;
  while (!d->entries[ix].key) ix--;
  DictEntry e = d->entries[ix];
  // Find the index slot pointing at entry ix along its probe sequence.
  uint64_t mask = static_cast<uint64_t>(d->index_cap) - 1;
  uint64_t perturb = static_cast<uint64_t>(e.hash);
  uint64_t i = perturb & mask;
  while (d->index[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  remove_at(d, static_cast<int64_t>(i), ix);
  // The entries after ix are all deleted: reuse their room.
  d->entries_len = ix;
  return tuple_of({e.key, e.value});
}

Value dict_m_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (update_from_args(as_dict(self), "update", args, nargs, kwnames) < 0) return Value();
  return none_value();
}

Value dict_m_clear(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.clear", nargs, kwnames)) return Value();
  dict_clear(as_dict(self));
  return none_value();
}

Value dict_m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.copy", nargs, kwnames)) return Value();
  return dict_copy(as_dict(self));
}

Value dict_m_fromkeys(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("fromkeys", "dict.fromkeys", nargs, kwnames, 1, 2)) return Value();
  Value value = nargs == 2 ? args[1] : none_value();
  Value dv = call(cls, nullptr, 0);
  if (!dv) return Value();
  bool fast = dict_check_exact(dv);
  if (fast && dict_check_exact(args[0])) {
    // The keys of a dict come with their hashes.
    Dict* src = as_dict(args[0]);
    int64_t pos = 0, h;
    Value k, v;
    while (dict_next_hashed(src, &pos, &k, &v, &h)) {
      if (insert(as_dict(dv), k, h, value) < 0) return Value();
    }
    return dv;
  }
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value k = iter_next(it);
    if (!k) return error_pending() ? Value() : dv;
    if (fast ? dict_set(as_dict(dv), k, value) < 0 : setitem(dv, k, value) < 0) return Value();
  }
}

Value dict_m_reversed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("dict.__reversed__", nargs, kwnames)) return Value();
  return make_iter(as_dict(self), &dict_reversekeyiterator_type, true);
}

const MethodDef dict_methods[] = {
    {"keys", dict_m_keys},
    {"values", dict_m_values},
    {"items", dict_m_items},
    {"get", dict_m_get},
    {"setdefault", dict_m_setdefault},
    {"pop", dict_m_pop},
    {"popitem", dict_m_popitem},
    {"update", dict_m_update},
    {"clear", dict_m_clear},
    {"copy", dict_m_copy},
    {"fromkeys", dict_m_fromkeys, kMethodClass},
    {"__reversed__", dict_m_reversed},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

void init_iter_type(Type* t, const char* name, UnaryFn next) {
  t->basicsize = sizeof(DictIterator);
  t->tp_iter = iter_self;
  t->tp_iternext = next;
  type_ready(t, name, &object_type, dict_iter_methods);
}

void init_view_type(Type* t, const char* name, UnaryFn iter, ContainsFn contains_fn, const MethodDef* methods,
                    bool setlike) {
  t->basicsize = sizeof(DictView);
  t->tp_iter = iter;
  t->tp_repr = view_repr;
  t->mp_length = view_length;
  t->sq_contains = contains_fn;
  // Set-like views compare by contents, so they are unhashable; dict_values keeps identity.
  if (setlike) {
    t->tp_hash = hash_not_implemented;
    t->tp_richcompare = view_richcompare;
    t->nb.binary[static_cast<int>(BinaryOp::And)] = view_setop<set_intersection_update>;
    t->nb.binary[static_cast<int>(BinaryOp::Or)] = view_setop<set_update>;
    t->nb.binary[static_cast<int>(BinaryOp::Sub)] = view_setop<set_difference_update>;
    t->nb.binary[static_cast<int>(BinaryOp::Xor)] = view_setop<set_symmetric_difference_update>;
  }
  type_ready(t, name, &object_type, methods);
}

}  // namespace

void dict_type_init() {
  dict_type.flags |= kTypeBaseType | kTypeDictSubclass;
  dict_type.basicsize = sizeof(Dict);
  dict_type.tp_new = dict_tp_new;
  dict_type.tp_init = dict_tp_init;
  dict_type.tp_repr = dict_repr;
  dict_type.tp_hash = hash_not_implemented;
  dict_type.tp_richcompare = dict_richcompare;
  dict_type.tp_iter = dict_iter;
  dict_type.mp_length = dict_length;
  dict_type.mp_subscript = dict_subscript;
  dict_type.mp_ass_subscript = dict_ass_subscript;
  dict_type.sq_contains = dict_contains;
  dict_type.nb.boolean = dict_bool;
  dict_type.nb.binary[static_cast<int>(BinaryOp::Or)] = dict_or;
  dict_type.nb.inplace[static_cast<int>(BinaryOp::Or)] = dict_inplace_or;
  type_ready(&dict_type, "dict", &object_type, dict_methods);

  init_view_type(&dict_keys_type, "dict_keys", keys_iter, keys_contains, keys_methods, true);
  init_view_type(&dict_items_type, "dict_items", items_iter, items_contains, items_methods, true);
  // dict_values has no containment shortcut: `in` falls back to iterating.
  init_view_type(&dict_values_type, "dict_values", values_iter, nullptr, values_methods, false);

  init_iter_type(&dict_keyiterator_type, "dict_keyiterator", dict_iter_next<IterKind::Keys, false>);
  init_iter_type(&dict_valueiterator_type, "dict_valueiterator", dict_iter_next<IterKind::Values, false>);
  init_iter_type(&dict_itemiterator_type, "dict_itemiterator", dict_iter_next<IterKind::Items, false>);
  init_iter_type(&dict_reversekeyiterator_type, "dict_reversekeyiterator", dict_iter_next<IterKind::Keys, true>);
  init_iter_type(&dict_reversevalueiterator_type, "dict_reversevalueiterator",
                 dict_iter_next<IterKind::Values, true>);
  init_iter_type(&dict_reverseitemiterator_type, "dict_reverseitemiterator", dict_iter_next<IterKind::Items, true>);
}

}  // namespace minipy
