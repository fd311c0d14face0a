// set and frozenset: open-addressing hash tables of keys with their hashes.
//
// The table size is a power of two and is kept at most 60% full (counting the dummies left by
// deletions), so probing always ends at an empty slot. The probe sequence is the dict's
// (i = 5i + perturb + 1), which mixes in the high bits of the hash.
#include "objects/set.h"

#include <cstring>
#include <string>

#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/generic_alias.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type set_type, frozenset_type, set_iterator_type;

namespace {

// The key of a deleted slot: keeps probe chains intact. Never visible to Python code.
Object g_dummy;
inline bool is_dummy(Value k) { return k.is(Value(&g_dummy)); }
inline bool is_live(Value k) { return k && !is_dummy(k); }

constexpr int64_t kMinTable = 8;
constexpr int64_t kLookupError = -2;

inline Set* as_set(Value v) { return v.as<Set>(); }
inline bool exact_str(Value v) { return v.is_object() && v.as_object()->type == &str_type; }

bool frozen(Value v) {
  Type* t = type_of(v);
  return t == &frozenset_type || (t != &set_type && is_subtype(t, &frozenset_type));
}

Set* set_alloc(Type* type) {
  Set* s = type == &set_type || type == &frozenset_type ? alloc<Set>(type)
                                                       : static_cast<Set*>(alloc_object(type, type->basicsize));
  s->hash = -1;
  return s;
}

void table_alloc(Set* s, int64_t size) {
  s->table = static_cast<SetEntry*>(gc_malloc(static_cast<size_t>(size) * sizeof(SetEntry)));
  s->mask = size - 1;
  s->fill = 0;
  s->used = 0;
  s->finger = 0;
}

// Adds a key known to be absent into a table without dummies (resize, copy).
void insert_clean(Set* s, Value key, int64_t hash) {
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (s->table[i].key) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  s->table[i].key = key;
  s->table[i].hash = hash;
  s->fill++;
  s->used++;
}

// Rebuilds the table big enough for `minused` keys, dropping dummies.
void resize(Set* s, int64_t minused) {
  int64_t size = kMinTable;
  while (size <= minused) size <<= 1;
  SetEntry* old = s->table;
  int64_t old_size = old ? s->mask + 1 : 0;
  table_alloc(s, size);
  for (int64_t i = 0; i < old_size; i++) {
    if (is_live(old[i].key)) insert_clean(s, old[i].key, old[i].hash);
  }
}

// The slot holding key, -1 if absent (then *free_slot is where to insert it), kLookupError if
// comparing raised. A user __eq__ that mutates the set makes the probe restart.
int64_t lookup(Set* s, Value key, int64_t hash, int64_t* free_slot) {
restart:
  if (!s->table) {
    *free_slot = -1;
    return -1;
  }
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  int64_t first_dummy = -1;
  for (;;) {
    SetEntry* e = &s->table[i];
    Value ek = e->key;
    if (!ek) {
      *free_slot = first_dummy >= 0 ? first_dummy : static_cast<int64_t>(i);
      return -1;
    }
    if (is_dummy(ek)) {
      if (first_dummy < 0) first_dummy = static_cast<int64_t>(i);
    } else if (ek.is(key)) {
      return static_cast<int64_t>(i);
    } else if (e->hash == hash && !(ek.is_small_int() && key.is_small_int())) {
      if (exact_str(ek) && exact_str(key)) {
        if (str_equal(ek.as<Str>(), key.as<Str>())) return static_cast<int64_t>(i);
      } else {
        SetEntry* table = s->table;
        int eq = equals(ek, key);
        if (eq < 0) return kLookupError;
        if (s->table != table || !s->table[i].key.is(ek)) goto restart;
        if (eq) return static_cast<int64_t>(i);
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// 1 added, 0 already present, -1 error.
int insert_hashed(Set* s, Value key, int64_t hash) {
  if (!s->table) table_alloc(s, kMinTable);
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  if (ix >= 0) return 0;
  SetEntry* e = &s->table[free_slot];
  if (!e->key) s->fill++;
  e->key = key;
  e->hash = hash;
  s->used++;
  if (s->fill * 5 >= s->mask * 3) resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 1;
}

// 1 removed, 0 absent, -1 error.
int discard_hashed(Set* s, Value key, int64_t hash) {
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  if (ix < 0) return 0;
  s->table[ix].key = Value(&g_dummy);
  s->used--;
  return 1;
}

int contains_hashed(Set* s, Value key, int64_t hash) {
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  return ix >= 0;
}

void set_clear_table(Set* s) {
  s->table = nullptr;
  s->mask = 0;
  s->fill = 0;
  s->used = 0;
  s->finger = 0;
}

// A copy of s as an instance of `type` (set or frozenset).
Set* copy_as(Type* type, Set* src) {
  Set* r = set_alloc(type);
  if (src->used == 0) return r;
  int64_t size = kMinTable;
  while (size * 3 <= src->used * 5) size <<= 1;
  table_alloc(r, size);
  for (int64_t i = 0; i <= src->mask; i++) {
    if (is_live(src->table[i].key)) insert_clean(r, src->table[i].key, src->table[i].hash);
  }
  return r;
}

// set or frozenset: the built-in base whose instances set operations return.
Type* base_type(Value v) { return frozen(v) ? &frozenset_type : &set_type; }

// A set holding the items of any iterable; a set or frozenset is returned as is.
Value as_anyset(Value iterable) {
  if (anyset_check(iterable)) return iterable;
  return set_from_iterable(&set_type, iterable);
}

// key in s, where an unhashable set key is looked up as the equal frozenset (CPython's rule,
// so `{1} in {frozenset({1})}` works).
int contains_key(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) {
    if (!anyset_check(key) || !error_matches(&exc_TypeError)) return -1;
    error_clear();
    key = copy_as(&frozenset_type, as_set(key));
    h = hash(key);
    if (h == -1) return -1;
  }
  return contains_hashed(s, key, h);
}

int discard_key(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) {
    if (!anyset_check(key) || !error_matches(&exc_TypeError)) return -1;
    error_clear();
    key = copy_as(&frozenset_type, as_set(key));
    h = hash(key);
    if (h == -1) return -1;
  }
  return discard_hashed(s, key, h);
}

// Every key of a is in b. -1 on error.
int is_subset(Set* a, Set* b) {
  if (a->used > b->used) return 0;
  for (int64_t i = 0; a->table && i <= a->mask; i++) {
    SetEntry e = a->table[i];
    if (!is_live(e.key)) continue;
    int c = contains_hashed(b, e.key, e.hash);
    if (c <= 0) return c;
  }
  return 1;
}

// A new set (of `type`) with the keys of s that are (or, with keep_common false, are not) in
// `other` (any iterable when keep_common, a set otherwise).
Value intersection(Type* type, Set* s, Value other) {
  Set* r = set_alloc(type);
  if (anyset_check(other)) {
    Set* a = s;
    Set* b = as_set(other);
    if (a->used > b->used) std::swap(a, b);  // iterate the smaller one
    for (int64_t i = 0; a->table && i <= a->mask; i++) {
      SetEntry e = a->table[i];
      if (!is_live(e.key)) continue;
      int c = contains_hashed(b, e.key, e.hash);
      if (c < 0) return Value();
      if (c && insert_hashed(r, e.key, e.hash) < 0) return Value();
    }
    return r;
  }
  Value it = get_iter(other);
  if (!it) return Value();
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? Value() : Value(r);
    int64_t h = key_hash(x);
    if (h == -1) return Value();
    int c = contains_hashed(s, x, h);
    if (c < 0) return Value();
    if (c && insert_hashed(r, x, h) < 0) return Value();
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API

Set* set_new() { return set_alloc(&set_type); }
Set* frozenset_new() { return set_alloc(&frozenset_type); }

int set_add(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return insert_hashed(s, key, h) < 0 ? -1 : 0;
}

int set_contains(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return contains_hashed(s, key, h);
}

int set_discard(Set* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return discard_hashed(s, key, h);
}

int64_t set_size(Set* s) { return s->used; }

bool set_next(Set* s, int64_t* pos, Value* key) {
  while (s->table && *pos <= s->mask) {
    Value k = s->table[(*pos)++].key;
    if (is_live(k)) {
      *key = k;
      return true;
    }
  }
  return false;
}

bool anyset_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &set_type || t == &frozenset_type || is_subtype(t, &set_type) || is_subtype(t, &frozenset_type);
}

int set_update(Set* s, Value iterable) {
  if (anyset_check(iterable)) {
    Set* o = as_set(iterable);
    if (o == s) return 0;
    if (s->used == 0 && o->used > 0) resize(s, o->used);
    for (int64_t i = 0; o->table && i <= o->mask; i++) {
      SetEntry e = o->table[i];
      if (is_live(e.key) && insert_hashed(s, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  if (dict_check_exact(iterable)) {
    Dict* d = iterable.as<Dict>();
    int64_t pos = 0, h;
    Value k, v;
    while (dict_next_hashed(d, &pos, &k, &v, &h)) {
      if (insert_hashed(s, k, h) < 0) return -1;
    }
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? -1 : 0;
    if (set_add(s, x) < 0) return -1;
  }
}

int set_intersection_update(Set* s, Value iterable) {
  Value r = intersection(&set_type, s, iterable);
  if (!r) return -1;
  // Adopt the result's table: s keeps its identity.
  Set* t = as_set(r);
  s->table = t->table;
  s->mask = t->mask;
  s->fill = t->fill;
  s->used = t->used;
  s->finger = 0;
  return 0;
}

int set_difference_update(Set* s, Value iterable) {
  if (iterable.is(s)) {
    set_clear_table(s);
    return 0;
  }
  if (anyset_check(iterable)) {
    Set* o = as_set(iterable);
    for (int64_t i = 0; o->table && i <= o->mask; i++) {
      SetEntry e = o->table[i];
      if (is_live(e.key) && discard_hashed(s, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? -1 : 0;
    if (set_discard(s, x) < 0) return -1;
  }
}

int set_symmetric_difference_update(Set* s, Value iterable) {
  if (iterable.is(s)) {
    set_clear_table(s);
    return 0;
  }
  // Duplicates in a plain iterable must count once, so it becomes a set first.
  Value ov = as_anyset(iterable);
  if (!ov) return -1;
  Set* o = as_set(ov);
  for (int64_t i = 0; o->table && i <= o->mask; i++) {
    SetEntry e = o->table[i];
    if (!is_live(e.key)) continue;
    int r = discard_hashed(s, e.key, e.hash);
    if (r < 0) return -1;
    if (r == 0 && insert_hashed(s, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

Value set_from_iterable(Type* type, Value iterable) {
  Set* s = set_alloc(type);
  if (set_update(s, iterable) < 0) return Value();
  return s;
}

// ---------------------------------------------------------------------------------------------
// Slots

namespace {

Value set_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) { return set_alloc(type); }

int set_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set", kwnames)) return -1;
  if (nargs > 1) {
    raise(&exc_TypeError, "set expected at most 1 argument, got " + std::to_string(nargs));
    return -1;
  }
  Set* s = as_set(self);
  set_clear_table(s);
  return nargs == 1 ? set_update(s, args[0]) : 0;
}

Value frozenset_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &frozenset_type && !check_no_kwargs("frozenset", kwnames)) return Value();
  if (nargs > 1) {
    return raise(&exc_TypeError, "frozenset expected at most 1 argument, got " + std::to_string(nargs));
  }
  if (nargs == 0) return set_alloc(type);
  if (type == &frozenset_type && type_of(args[0]) == &frozenset_type) return args[0];
  return set_from_iterable(type, args[0]);
}

Value set_repr(Value self) {
  Set* s = as_set(self);
  Type* t = type_of(self);
  std::string name = t->name;
  if (s->used == 0) return str_new(name + "()");
  if (repr_enter(s)) return str_new(name + "(...)");
  // Plain sets print as {1, 2}; frozensets and subclasses wrap that in their name.
  bool plain = t == &set_type;
  std::string out = plain ? "{" : name + "({";
  bool first = true;
  Value lst = list_from_iterable(self);  // a snapshot: a key's __repr__ cannot disturb the walk
  if (!lst) {
    repr_leave(s);
    return Value();
  }
  List* l = lst.as<List>();
  for (int64_t i = 0; i < l->size; i++) {
    if (!first) out += ", ";
    first = false;
    if (!append_repr(out, l->items[i])) {
      repr_leave(s);
      return Value();
    }
  }
  out += plain ? "}" : "})";
  repr_leave(s);
  return str_new(out);
}

// Order-independent: each entry's hash is scrambled, then all are xor-ed, so equal frozensets
// hash equal whatever their table layout, and similar sets still spread.
int64_t frozenset_hash(Value self) {
  Set* s = as_set(self);
  if (s->hash != -1) return s->hash;
  uint64_t h = 0;
  for (int64_t i = 0; s->table && i <= s->mask; i++) {
    SetEntry e = s->table[i];
    if (!is_live(e.key)) continue;
    uint64_t x = static_cast<uint64_t>(e.hash);
    h ^= ((x ^ 89869747ULL) ^ (x << 16)) * 3644798167ULL;
  }
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923ULL;
  int64_t r = static_cast<int64_t>(h);
  if (r == -1) r = 590923713;
  s->hash = r;
  return r;
}

Value set_richcompare(Value a, Value b, CompareOp op) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  Set* x = as_set(a);
  Set* y = as_set(b);
  int r = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      r = x->used == y->used ? is_subset(x, y) : 0;
      if (r >= 0 && op == CompareOp::Ne) r = !r;
      break;
    case CompareOp::Le: r = is_subset(x, y); break;
    case CompareOp::Lt: r = x->used < y->used ? is_subset(x, y) : 0; break;
    case CompareOp::Ge: r = is_subset(y, x); break;
    case CompareOp::Gt: r = x->used > y->used ? is_subset(y, x) : 0; break;
  }
  if (r < 0) return Value();
  return bool_value(r);
}

int64_t set_length(Value self) { return as_set(self)->used; }
int set_contains_slot(Value self, Value key) { return contains_key(as_set(self), key); }
int set_bool(Value self) { return as_set(self)->used != 0; }

Value set_or(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  Set* r = copy_as(base_type(a), as_set(a));
  if (set_update(r, b) < 0) return Value();
  return r;
}

Value set_and(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  return intersection(base_type(a), as_set(a), b);
}

Value set_sub(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  Set* s = as_set(a);
  Set* o = as_set(b);
  Set* r = set_alloc(base_type(a));
  for (int64_t i = 0; s->table && i <= s->mask; i++) {
    SetEntry e = s->table[i];
    if (!is_live(e.key)) continue;
    int c = contains_hashed(o, e.key, e.hash);
    if (c < 0) return Value();
    if (!c && insert_hashed(r, e.key, e.hash) < 0) return Value();
  }
  return r;
}

Value set_xor(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  Set* r = copy_as(base_type(a), as_set(a));
  if (set_symmetric_difference_update(r, b) < 0) return Value();
  return r;
}

template <int (*update)(Set*, Value)>
Value set_inplace(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  if (update(as_set(a), b) < 0) return Value();
  return a;
}

Value set_iter(Value self) {
  Set* s = as_set(self);
  SetIterator* it = alloc<SetIterator>(&set_iterator_type);
  it->set = s;
  it->used = s->used;
  it->remaining = s->used;
  return it;
}

Value set_iter_next(Value self) {
  SetIterator* it = self.as<SetIterator>();
  Set* s = it->set;
  if (!s) return Value();
  if (it->used != s->used) {
    it->used = -1;  // keep failing
    return raise(&exc_RuntimeError, "Set changed size during iteration");
  }
  while (s->table && it->pos <= s->mask) {
    Value k = s->table[it->pos++].key;
    if (is_live(k)) {
      it->remaining--;
      return k;
    }
  }
  it->set = nullptr;
  return Value();
}

Value set_iter_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  SetIterator* it = self.as<SetIterator>();
  return Value::small_int(it->set && it->used == it->set->used ? it->remaining : 0);
}

// ---------------------------------------------------------------------------------------------
// Methods

std::string qual(Value self, const char* method) {
  return std::string(frozen(self) ? "frozenset." : "set.") + method;
}

Value m_add(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("set.add", nargs, kwnames)) return Value();
  if (set_add(as_set(self), args[0]) < 0) return Value();
  return none_value();
}

Value m_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("set.remove", nargs, kwnames)) return Value();
  int r = discard_key(as_set(self), args[0]);
  if (r < 0) return Value();
  if (r == 0) return raise_with_args(&exc_KeyError, tuple_of({args[0]}));
  return none_value();
}

Value m_discard(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("set.discard", nargs, kwnames)) return Value();
  if (discard_key(as_set(self), args[0]) < 0) return Value();
  return none_value();
}

Value m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("set.pop", nargs, kwnames)) return Value();
  Set* s = as_set(self);
  if (s->used == 0) return raise(&exc_KeyError, "pop from an empty set");
  int64_t i = s->finger & s->mask;
  while (!is_live(s->table[i].key)) i = (i + 1) & s->mask;
  Value k = s->table[i].key;
  s->table[i].key = Value(&g_dummy);
  s->used--;
  s->finger = i + 1;
  return k;
}

Value m_clear(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("set.clear", nargs, kwnames)) return Value();
  set_clear_table(as_set(self));
  return none_value();
}

Value m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok(qual(self, "copy").c_str(), nargs, kwnames)) return Value();
  if (type_of(self) == &frozenset_type) return self;
  return copy_as(base_type(self), as_set(self));
}

Value m_union(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qual(self, "union").c_str(), kwnames)) return Value();
  Set* r = copy_as(base_type(self), as_set(self));
  for (size_t i = 0; i < nargs; i++) {
    if (set_update(r, args[i]) < 0) return Value();
  }
  return r;
}

Value m_intersection(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qual(self, "intersection").c_str(), kwnames)) return Value();
  if (nargs == 0) return copy_as(base_type(self), as_set(self));
  Value r = self;
  for (size_t i = 0; i < nargs; i++) {
    r = intersection(base_type(self), as_set(r), args[i]);
    if (!r) return Value();
  }
  return r;
}

Value m_difference(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qual(self, "difference").c_str(), kwnames)) return Value();
  Set* r = copy_as(base_type(self), as_set(self));
  for (size_t i = 0; i < nargs; i++) {
    if (set_difference_update(r, args[i]) < 0) return Value();
  }
  return r;
}

Value m_symmetric_difference(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok(qual(self, "symmetric_difference").c_str(), nargs, kwnames)) return Value();
  Set* r = copy_as(base_type(self), as_set(self));
  if (set_symmetric_difference_update(r, args[0]) < 0) return Value();
  return r;
}

Value m_issubset(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok(qual(self, "issubset").c_str(), nargs, kwnames)) return Value();
  Value other = as_anyset(args[0]);
  if (!other) return Value();
  int r = is_subset(as_set(self), as_set(other));
  return r < 0 ? Value() : bool_value(r);
}

Value m_issuperset(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok(qual(self, "issuperset").c_str(), nargs, kwnames)) return Value();
  Value other = as_anyset(args[0]);
  if (!other) return Value();
  int r = is_subset(as_set(other), as_set(self));
  return r < 0 ? Value() : bool_value(r);
}

Value m_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok(qual(self, "isdisjoint").c_str(), nargs, kwnames)) return Value();
  Set* s = as_set(self);
  Value it = get_iter(args[0]);
  if (!it) return Value();
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? Value() : true_value();
    int c = set_contains(s, x);
    if (c < 0) return Value();
    if (c) return false_value();
  }
}

constexpr char kUpdate[] = "set.update";
constexpr char kIntersectionUpdate[] = "set.intersection_update";
constexpr char kDifferenceUpdate[] = "set.difference_update";

template <int (*update)(Set*, Value), const char* qualname>
Value m_update_many(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qualname, kwnames)) return Value();
  for (size_t i = 0; i < nargs; i++) {
    if (update(as_set(self), args[i]) < 0) return Value();
  }
  return none_value();
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("set.symmetric_difference_update", nargs, kwnames)) return Value();
  if (set_symmetric_difference_update(as_set(self), args[0]) < 0) return Value();
  return none_value();
}

const MethodDef set_methods[] = {
    {"add", m_add},
    {"remove", m_remove},
    {"discard", m_discard},
    {"pop", m_pop},
    {"clear", m_clear},
    {"copy", m_copy},
    {"update", m_update_many<set_update, kUpdate>},
    {"intersection_update", m_update_many<set_intersection_update, kIntersectionUpdate>},
    {"difference_update", m_update_many<set_difference_update, kDifferenceUpdate>},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

const MethodDef frozenset_methods[] = {
    {"copy", m_copy},
    {"union", m_union},
    {"intersection", m_intersection},
    {"difference", m_difference},
    {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"isdisjoint", m_isdisjoint},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

const MethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint},
    {nullptr, nullptr},
};

void init_common(Type* t) {
  t->flags |= kTypeBaseType;
  t->basicsize = sizeof(Set);
  t->tp_repr = set_repr;
  t->tp_richcompare = set_richcompare;
  t->tp_iter = set_iter;
  t->mp_length = set_length;
  t->sq_contains = set_contains_slot;
  t->nb.boolean = set_bool;
  t->nb.binary[static_cast<int>(BinaryOp::Or)] = set_or;
  t->nb.binary[static_cast<int>(BinaryOp::And)] = set_and;
  t->nb.binary[static_cast<int>(BinaryOp::Sub)] = set_sub;
  t->nb.binary[static_cast<int>(BinaryOp::Xor)] = set_xor;
}

}  // namespace

void set_type_init() {
  init_common(&set_type);
  set_type.tp_new = set_tp_new;
  set_type.tp_init = set_tp_init;
  set_type.tp_hash = hash_not_implemented;
  set_type.nb.inplace[static_cast<int>(BinaryOp::Or)] = set_inplace<set_update>;
  set_type.nb.inplace[static_cast<int>(BinaryOp::And)] = set_inplace<set_intersection_update>;
  set_type.nb.inplace[static_cast<int>(BinaryOp::Sub)] = set_inplace<set_difference_update>;
  set_type.nb.inplace[static_cast<int>(BinaryOp::Xor)] = set_inplace<set_symmetric_difference_update>;
  type_ready(&set_type, "set", &object_type, set_methods);

  init_common(&frozenset_type);
  frozenset_type.tp_new = frozenset_tp_new;
  frozenset_type.tp_hash = frozenset_hash;
  type_ready(&frozenset_type, "frozenset", &object_type, frozenset_methods);

  set_iterator_type.basicsize = sizeof(SetIterator);
  set_iterator_type.tp_iter = iter_self;
  set_iterator_type.tp_iternext = set_iter_next;
  type_ready(&set_iterator_type, "set_iterator", &object_type, set_iter_methods);
}

}  // namespace minipy
