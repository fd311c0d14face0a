// set and frozenset: open-addressing hash tables of keys with their hashes.
//
// Iteration walks the table in slot order, so the order a program sees is fixed by where each
// key lands. Programs print sets of ints (whose hashes are deterministic) and expect CPython's
// order, so the table follows CPython 3.11's documented rules exactly:
//
// * Sizes are powers of two, at least 8. An empty slot has a null key; a deleted key leaves a
//   dummy (hash -1, which no live key has) so probe chains stay intact.
// * Probing starts at hash & mask (the hash taken as unsigned). From each probe position i,
//   when i + 9 <= mask, the 9 following slots are tried too (linear probing is cache
//   friendly); then perturb >>= 5 and i = (i * 5 + 1 + perturb) & mask, which brings in the
//   high bits of the hash.
// * An add stops at the first empty slot, but reuses the last dummy seen before it. Only
//   filling an empty slot counts towards `fill`; when fill * 5 >= mask * 3 the table is
//   rebuilt for used * 4 keys (used * 2 above 50000): the smallest power of two above that.
// * Rebuilding (and copying into an empty table) reinserts the live keys in old slot order
//   without comparisons and without the reuse of dummies.
// * Bulk operations size the table up front and pick the order in which they add keys the way
//   CPython does (see merge, update_from_dict, intersection, difference, symmetric_difference).
// * set.pop() resumes scanning at `finger`, which survives clear() and resizes.
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
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kDummyHash = -1;
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

// Installs an empty table of `size` slots. `finger` is left alone, as CPython does.
void table_alloc(Set* s, int64_t size) {
  s->table = static_cast<SetEntry*>(gc_malloc(static_cast<size_t>(size) * sizeof(SetEntry)));
  s->mask = size - 1;
  s->fill = 0;
  s->used = 0;
}

// An empty set has no table until a key arrives; it behaves as the minimum-size table.
void ensure_table(Set* s) {
  if (!s->table) table_alloc(s, kMinTable);
}

// The next probe position after the run of slots starting at i.
inline uint64_t next_probe(uint64_t i, uint64_t* perturb, uint64_t mask) {
  *perturb >>= kPerturbShift;
  return (i * 5 + 1 + *perturb) & mask;
}

// How many slots after i are probed linearly before jumping.
inline uint64_t linear_run(uint64_t i, uint64_t mask) { return i + kLinearProbes <= mask ? kLinearProbes : 0; }

// Puts a key known to be absent into the first empty slot of its probe sequence (no dummies
// are expected: used when rebuilding and copying). Does not count it.
void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  for (uint64_t i = perturb & mask;; i = next_probe(i, &perturb, mask)) {
    for (uint64_t j = i, last = i + linear_run(i, mask); j <= last; j++) {
      if (!table[j].key) {
        table[j].key = key;
        table[j].hash = hash;
        return;
      }
    }
  }
}

// Rebuilds the table with the smallest power-of-two size (at least 8) above `minused`,
// reinserting the live keys in slot order and dropping dummies.
void resize(Set* s, int64_t minused) {
  int64_t size = kMinTable;
  while (size <= minused) size <<= 1;
  SetEntry* old = s->table;
  int64_t old_size = old ? s->mask + 1 : 0;
  int64_t used = s->used;
  table_alloc(s, size);
  uint64_t mask = static_cast<uint64_t>(s->mask);
  for (int64_t i = 0; i < old_size; i++) {
    if (is_live(old[i].key)) insert_clean(s->table, mask, old[i].key, old[i].hash);
  }
  s->fill = s->used = used;
}

// The size CPython rebuilds for once an add has made the table too full.
inline int64_t growth_target(int64_t used) { return used > 50000 ? used * 2 : used * 4; }

// Whether key is the live entry e. -1 on error; 2 when the comparison changed the set, so the
// probe must restart.
int entry_matches(Set* s, SetEntry* e, Value key, int64_t hash) {
  Value ek = e->key;
  if (ek.is(key)) return 1;
  if (e->hash != hash || (ek.is_small_int() && key.is_small_int())) return 0;
  if (exact_str(ek) && exact_str(key)) return str_equal(ek.as<Str>(), key.as<Str>());
  SetEntry* table = s->table;
  int eq = equals(ek, key);
  if (eq < 0) return -1;
  if (s->table != table || !e->key.is(ek)) return 2;
  return eq;
}

// The slot holding key, -1 if absent (then *free_slot is where an add puts it: the last dummy
// passed, else the empty slot that ended the search), kLookupError if comparing raised.
int64_t lookup(Set* s, Value key, int64_t hash, int64_t* free_slot) {
restart:
  if (!s->table) {
    *free_slot = -1;
    return -1;
  }
  uint64_t mask = static_cast<uint64_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(hash);
  int64_t last_dummy = -1;
  for (uint64_t i = perturb & mask;; i = next_probe(i, &perturb, mask)) {
    for (uint64_t j = i, last = i + linear_run(i, mask); j <= last; j++) {
      SetEntry* e = &s->table[j];
      if (!e->key) {
        *free_slot = last_dummy >= 0 ? last_dummy : static_cast<int64_t>(j);
        return -1;
      }
      if (is_dummy(e->key)) {
        last_dummy = static_cast<int64_t>(j);
        continue;
      }
      switch (entry_matches(s, e, key, hash)) {
        case 1: return static_cast<int64_t>(j);
        case -1: return kLookupError;
        case 2: goto restart;
        default: break;
      }
    }
  }
}

// 1 added, 0 already present, -1 error.
int insert_hashed(Set* s, Value key, int64_t hash) {
  ensure_table(s);
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  if (ix >= 0) return 0;
  SetEntry* e = &s->table[free_slot];
  bool was_empty = !e->key;
  e->key = key;
  e->hash = hash;
  s->used++;
  if (!was_empty) return 1;  // a reused dummy: fill is unchanged, so no resize
  s->fill++;
  if (s->fill * 5 >= s->mask * 3) resize(s, growth_target(s->used));
  return 1;
}

// 1 removed, 0 absent, -1 error.
int discard_hashed(Set* s, Value key, int64_t hash) {
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  if (ix < 0) return 0;
  s->table[ix].key = Value(&g_dummy);
  s->table[ix].hash = kDummyHash;
  s->used--;
  return 1;
}

int contains_hashed(Set* s, Value key, int64_t hash) {
  int64_t free_slot;
  int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == kLookupError) return -1;
  return ix >= 0;
}

// Empties s (back to the minimum table); `finger` stays, as in CPython.
void set_clear_table(Set* s) {
  s->table = nullptr;
  s->mask = 0;
  s->fill = 0;
  s->used = 0;
}

// Adds every key of o to s (CPython's set_merge). The table is first sized for both sets
// together; an empty s then takes o's keys without comparisons: a slot-for-slot copy when the
// sizes match and o has no dummies, else clean reinsertion in o's slot order.
int merge(Set* s, Set* o) {
  if (o == s || o->used == 0) return 0;
  ensure_table(s);
  if ((s->fill + o->used) * 5 >= s->mask * 3) resize(s, (s->used + o->used) * 2);
  if (s->fill == 0) {
    if (s->mask == o->mask && o->fill == o->used) {
      std::memcpy(s->table, o->table, static_cast<size_t>(o->mask + 1) * sizeof(SetEntry));
    } else {
      uint64_t mask = static_cast<uint64_t>(s->mask);
      for (int64_t i = 0; i <= o->mask; i++) {
        if (is_live(o->table[i].key)) insert_clean(s->table, mask, o->table[i].key, o->table[i].hash);
      }
    }
    s->fill = s->used = o->used;
    return 0;
  }
  for (int64_t i = 0; i <= o->mask; i++) {
    SetEntry e = o->table[i];
    if (is_live(e.key) && insert_hashed(s, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

// Adds the keys of an exact dict in its order, after sizing the table for both.
int update_from_dict(Set* s, Dict* d) {
  ensure_table(s);
  int64_t n = dict_size(d);
  if ((s->fill + n) * 5 >= s->mask * 3) resize(s, (s->used + n) * 2);
  int64_t pos = 0, h;
  Value k, v;
  while (dict_next_hashed(d, &pos, &k, &v, &h)) {
    if (insert_hashed(s, k, h) < 0) return -1;
  }
  return 0;
}

// A new set of `type` (set or frozenset) with the keys of src (CPython's set_copy).
Set* copy_as(Type* type, Set* src) {
  Set* r = set_alloc(type);
  merge(r, src);  // cannot fail: no comparisons into an empty set
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

// A new set of base type `type` with the keys common to s and `other` (any iterable).
// Between two sets CPython walks the smaller one (the other operand when sizes tie), adding
// that set's keys; an iterable is walked in its own order.
Value intersection(Type* type, Set* s, Value other) {
  if (other.is(s)) return copy_as(type, s);
  Set* r = set_alloc(type);
  if (anyset_check(other)) {
    Set* big = s;
    Set* small = as_set(other);
    if (small->used > big->used) std::swap(big, small);
    for (int64_t i = 0; small->table && i <= small->mask; i++) {
      SetEntry e = small->table[i];
      if (!is_live(e.key)) continue;
      int c = contains_hashed(big, e.key, e.hash);
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

// self.intersection(*args): each step intersects the previous result with the next argument;
// no arguments gives a copy.
Value intersection_multi(Value self, const Value* args, size_t nargs) {
  Type* type = base_type(self);
  if (nargs == 0) return copy_as(type, as_set(self));
  Value r = self;
  for (size_t i = 0; i < nargs && r; i++) r = intersection(type, as_set(r), args[i]);
  return r;
}

// Gives s the table of t (a fresh result), keeping s's identity and its pop finger.
void adopt_table(Set* s, Set* t) {
  s->table = t->table;
  s->mask = t->mask;
  s->fill = t->fill;
  s->used = t->used;
}

// The size of a set or exact dict, or -1 for another iterable.
int64_t sized_operand(Value v) {
  if (anyset_check(v)) return as_set(v)->used;
  if (dict_check_exact(v)) return dict_size(v.as<Dict>());
  return -1;
}

// Whether d has key. -1 on error.
int dict_has_hashed(Dict* d, Value key, int64_t hash) {
  if (dict_get_hashed(d, key, hash)) return 1;
  return error_pending() ? -1 : 0;
}

// s - other as a new set of base type `type` (CPython's set_difference). When other is a set
// or dict not much smaller than s, s is walked and its keys missing from other are added to an
// empty set; otherwise s is copied and other's keys are discarded from the copy.
Value difference(Type* type, Set* s, Value other) {
  int64_t other_size = sized_operand(other);
  if (other_size < 0 || (s->used >> 2) > other_size) {
    Set* r = copy_as(type, s);
    if (set_difference_update(r, other) < 0) return Value();
    return r;
  }
  Set* r = set_alloc(type);
  for (int64_t i = 0; s->table && i <= s->mask; i++) {
    SetEntry e = s->table[i];
    if (!is_live(e.key)) continue;
    int c = anyset_check(other) ? contains_hashed(as_set(other), e.key, e.hash)
                                : dict_has_hashed(other.as<Dict>(), e.key, e.hash);
    if (c < 0) return Value();
    if (!c && insert_hashed(r, e.key, e.hash) < 0) return Value();
  }
  return r;
}

// Removes key from s if present, else adds it. -1 on error.
int toggle(Set* s, Value key, int64_t hash) {
  int r = discard_hashed(s, key, hash);
  if (r < 0) return -1;
  return r == 0 && insert_hashed(s, key, hash) < 0 ? -1 : 0;
}

// s ^ other as a new set of base type `type`: CPython starts from a copy of other (built as
// set(other) would be) and toggles the keys of s into it.
Value symmetric_difference(Type* type, Set* s, Value other) {
  Value r = set_from_iterable(type, other);
  if (!r || set_symmetric_difference_update(as_set(r), s) < 0) return Value();
  return r;
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
  if (anyset_check(iterable)) return merge(s, as_set(iterable));
  if (dict_check_exact(iterable)) return update_from_dict(s, iterable.as<Dict>());
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
  adopt_table(s, as_set(r));
  return 0;
}

// Discards other's keys, then rebuilds the table if more than a quarter of it is dummies.
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
  } else {
    Value it = get_iter(iterable);
    if (!it) return -1;
    while (Value x = iter_next(it)) {
      if (set_discard(s, x) < 0) return -1;
    }
    if (error_pending()) return -1;
  }
  if (s->fill - s->used > s->mask / 4) resize(s, growth_target(s->used));
  return 0;
}

// Toggles each key of other: an exact dict in its order, a set in slot order, any other
// iterable after collecting it into a set (so duplicates count once).
int set_symmetric_difference_update(Set* s, Value iterable) {
  if (iterable.is(s)) {
    set_clear_table(s);
    return 0;
  }
  if (dict_check_exact(iterable)) {
    int64_t pos = 0, h;
    Value k, v;
    while (dict_next_hashed(iterable.as<Dict>(), &pos, &k, &v, &h)) {
      if (toggle(s, k, h) < 0) return -1;
    }
    return 0;
  }
  Value ov = anyset_check(iterable) ? iterable : set_from_iterable(base_type(s), iterable);
  if (!ov) return -1;
  Set* o = as_set(ov);
  for (int64_t i = 0; o->table && i <= o->mask; i++) {
    SetEntry e = o->table[i];
    if (is_live(e.key) && toggle(s, e.key, e.hash) < 0) return -1;
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
  if (s->fill) set_clear_table(s);
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
  if (!b.is(a) && set_update(r, b) < 0) return Value();
  return r;
}

Value set_and(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  return intersection(base_type(a), as_set(a), b);
}

Value set_sub(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  return difference(base_type(a), as_set(a), b);
}

Value set_xor(Value a, Value b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented_value();
  return symmetric_difference(base_type(a), as_set(a), b);
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
  s->table[i].hash = kDummyHash;
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
    if (!args[i].is(self) && set_update(r, args[i]) < 0) return Value();
  }
  return r;
}

Value m_intersection(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qual(self, "intersection").c_str(), kwnames)) return Value();
  return intersection_multi(self, args, nargs);
}

// Computes the whole intersection first, as CPython does, then adopts its table.
Value m_intersection_update(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set.intersection_update", kwnames)) return Value();
  Value r = intersection_multi(self, args, nargs);
  if (!r) return Value();
  adopt_table(as_set(self), as_set(r));
  return none_value();
}

Value m_difference(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(qual(self, "difference").c_str(), kwnames)) return Value();
  if (nargs == 0) return copy_as(base_type(self), as_set(self));
  Value r = difference(base_type(self), as_set(self), args[0]);
  for (size_t i = 1; i < nargs && r; i++) {
    if (set_difference_update(as_set(r), args[i]) < 0) return Value();
  }
  return r;
}

Value m_symmetric_difference(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok(qual(self, "symmetric_difference").c_str(), nargs, kwnames)) return Value();
  return symmetric_difference(base_type(self), as_set(self), args[0]);
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
    {"intersection_update", m_intersection_update},
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
