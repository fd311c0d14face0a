// tuple: construction, sequence protocol, hashing, comparisons and the tuple iterator.
#include "objects/tuple.h"

#include <cstring>
#include <string>

#include "objects/container_util.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type tuple_type, tuple_iterator_type;

namespace {

// Above this many items the byte size would overflow; CPython reports MemoryError.
constexpr int64_t kMaxTupleSize = (INT64_MAX - sizeof(Tuple)) / static_cast<int64_t>(sizeof(Value));

Tuple* g_empty_tuple = nullptr;

// Allocates a tuple of `type` (tuple or a subclass, whose basicsize may include an instance
// dict slot) with n null items. With `or_raise` (n chosen by the program), null and
// MemoryError when the memory cannot be had.
Tuple* tuple_alloc(Type* type, int64_t n, bool or_raise = false) {
  size_t base = type == &tuple_type ? sizeof(Tuple) : static_cast<size_t>(type->basicsize);
  size_t bytes = base + static_cast<size_t>(n) * sizeof(Value);
  auto* t = static_cast<Tuple*>(or_raise ? alloc_object_or_raise(type, bytes) : alloc_object(type, bytes));
  if (!t) return nullptr;
  t->hash = -1;
  t->size = n;
  return t;
}

inline Tuple* as_tuple(Value v) { return v.as<Tuple>(); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction

Tuple* empty_tuple() {
  // Lazily created: type_ready of the earliest types may already ask for it.
  if (!g_empty_tuple) g_empty_tuple = tuple_alloc(&tuple_type, 0);
  return g_empty_tuple;
}

Tuple* tuple_new(int64_t n) {
  if (n == 0) return empty_tuple();
  return tuple_alloc(&tuple_type, n);
}

Tuple* tuple_from_array(const Value* items, int64_t n) {
  if (n == 0) return empty_tuple();
  Tuple* t = tuple_alloc(&tuple_type, n);
  std::memcpy(t->items(), items, static_cast<size_t>(n) * sizeof(Value));
  return t;
}

Tuple* tuple_of(std::initializer_list<Value> items) {
  return tuple_from_array(items.begin(), static_cast<int64_t>(items.size()));
}

bool tuple_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &tuple_type || (t->flags & kTypeTupleSubclass);
}

bool tuple_check_exact(Value v) { return v.is_object() && v.as_object()->type == &tuple_type; }

namespace {

// The items of any iterable, as a tuple of `type`.
Value tuple_from_iterable_typed(Type* type, Value iterable) {
  if (type == &tuple_type && tuple_check_exact(iterable)) return iterable;
  const Value* items;
  int64_t n;
  // Subclasses of list and tuple may override __iter__, so only exact ones are read in place.
  if ((list_check_exact(iterable) || tuple_check_exact(iterable)) && sequence_items(iterable, &items, &n)) {
    if (type == &tuple_type) return tuple_from_array(items, n);
    Tuple* t = tuple_alloc(type, n);
    std::memcpy(t->items(), items, static_cast<size_t>(n) * sizeof(Value));
    return t;
  }
  Value lst = list_from_iterable(iterable);
  if (!lst) return Value();
  List* l = lst.as<List>();
  if (type == &tuple_type) return tuple_from_array(l->items, l->size);
  Tuple* t = tuple_alloc(type, l->size);
  // An empty list may have no item array at all (memcpy from null is undefined even for 0).
  if (l->size) std::memcpy(t->items(), l->items, static_cast<size_t>(l->size) * sizeof(Value));
  return t;
}

}  // namespace

Value tuple_from_iterable(Value iterable) { return tuple_from_iterable_typed(&tuple_type, iterable); }

namespace {

Value tuple_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &tuple_type && !check_no_kwargs("tuple", kwnames)) return Value();
  if (nargs > 1) {
    return raise(&exc_TypeError, "tuple expected at most 1 argument, got " + std::to_string(nargs));
  }
  if (nargs == 0) return type == &tuple_type ? empty_tuple() : tuple_alloc(type, 0);
  return tuple_from_iterable_typed(type, args[0]);
}

// ---------------------------------------------------------------------------------------------
// Slots

Value tuple_repr(Value self) {
  Tuple* t = as_tuple(self);
  if (t->size == 0) return str_new("()");
  if (repr_enter(t)) return str_new("(...)");
  std::string out = "(";
  for (int64_t i = 0; i < t->size; i++) {
    if (i) out += ", ";
    if (!append_repr(out, t->items()[i])) {
      repr_leave(t);
      return Value();
    }
  }
  out += t->size == 1 ? ",)" : ")";
  repr_leave(t);
  return str_new(out);
}

// The xxHash-style combination CPython uses, so tuples of equal items hash equal and small
// permutations spread well.
int64_t tuple_hash(Value self) {
  Tuple* t = as_tuple(self);
  if (t->hash != -1) return t->hash;
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t h = key_hash(t->items()[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539ULL);
  int64_t h = static_cast<int64_t>(acc);
  if (h == -1) h = 1546275796;
  t->hash = h;
  return h;
}

Value tuple_richcompare_slot(Value a, Value b, CompareOp op) {
  if (!tuple_check(a) || !tuple_check(b)) return not_implemented_value();
  return sequence_richcompare(a, b, op);
}

int64_t tuple_length(Value self) { return as_tuple(self)->size; }

Value tuple_getslice(Tuple* t, Slice* s) {
  int64_t start, stop, step, count;
  if (slice_indices(s, t->size, &start, &stop, &step, &count) < 0) return Value();
  if (count == t->size && step == 1 && t->type == &tuple_type) return t;
  if (count <= 0) return empty_tuple();
  Tuple* r = tuple_new(count);
  if (step == 1) {
    std::memcpy(r->items(), t->items() + start, static_cast<size_t>(count) * sizeof(Value));
  } else {
    for (int64_t i = 0, j = start; i < count; i++, j += step) r->items()[i] = t->items()[j];
  }
  return r;
}

Value tuple_subscript(Value self, Value key) {
  Tuple* t = as_tuple(self);
  int64_t i;
  int k = subscript_index(key, &i);
  if (k < 0) return Value();
  if (k == 0) {
    if (type_of(key) == &slice_type) return tuple_getslice(t, key.as<Slice>());
    return raise_bad_index_type("tuple", key);
  }
  if (i < 0) i += t->size;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(t->size)) {
    return raise(&exc_IndexError, "tuple index out of range");
  }
  return t->items()[i];
}

int tuple_contains(Value self, Value item) {
  Tuple* t = as_tuple(self);
  for (int64_t i = 0; i < t->size; i++) {
    int eq = equals(t->items()[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_add(Value a, Value b) {
  if (!tuple_check(a) || !tuple_check(b)) {
    if (tuple_check(a) && !defer_binary_to(b, BinaryOp::Add, tuple_add)) {
      return raise(&exc_TypeError,
                   std::string("can only concatenate tuple (not \"") + type_name(b) + "\") to tuple");
    }
    return not_implemented_value();
  }
  Tuple* x = as_tuple(a);
  Tuple* y = as_tuple(b);
  if (y->size == 0 && x->type == &tuple_type) return x;
  if (x->size == 0 && y->type == &tuple_type) return y;
  if (x->size > kMaxTupleSize - y->size) return raise_no_memory();
  Tuple* r = tuple_new(x->size + y->size);
  std::memcpy(r->items(), x->items(), static_cast<size_t>(x->size) * sizeof(Value));
  std::memcpy(r->items() + x->size, y->items(), static_cast<size_t>(y->size) * sizeof(Value));
  return r;
}

Value tuple_mul(Value a, Value b) {
  Value seqv;
  int64_t n;
  int k = sequence_repeat_operands(a, b, tuple_check, tuple_mul, &seqv, &n);
  if (k <= 0) return k == 0 ? not_implemented_value() : Value();
  Tuple* t = as_tuple(seqv);
  if (t->size == 0 || n == 0) return empty_tuple();
  if (n == 1 && t->type == &tuple_type) return t;
  if (t->size > kMaxTupleSize / n) return raise_no_memory();
  Tuple* r = tuple_alloc(&tuple_type, t->size * n, /*or_raise=*/true);
  if (!r) return Value();
  for (int64_t i = 0; i < n; i++) {
    std::memcpy(r->items() + i * t->size, t->items(), static_cast<size_t>(t->size) * sizeof(Value));
  }
  return r;
}

Value tuple_iter(Value self) {
  TupleIterator* it = alloc<TupleIterator>(&tuple_iterator_type);
  it->tuple = as_tuple(self);
  it->index = 0;
  return it;
}

Value tuple_iter_next(Value self) {
  TupleIterator* it = self.as<TupleIterator>();
  Tuple* t = it->tuple;
  if (!t) return Value();
  if (it->index < t->size) return t->items()[it->index++];
  it->tuple = nullptr;
  return Value();
}

Value tuple_iter_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  TupleIterator* it = self.as<TupleIterator>();
  return Value::small_int(it->tuple ? it->tuple->size - it->index : 0);
}

const MethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Methods

Value tuple_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("index", "tuple.index", nargs, kwnames, 1, 3)) return Value();
  Tuple* t = as_tuple(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !clamp_index_arg(args[1], &start)) return Value();
  if (nargs > 2 && !clamp_index_arg(args[2], &stop)) return Value();
  adjust_search_range(t->size, &start, &stop);
  for (int64_t i = start; i < stop && i < t->size; i++) {
    int eq = equals(t->items()[i], args[0]);
    if (eq < 0) return Value();
    if (eq) return Value::small_int(i);
  }
  return raise(&exc_ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("tuple.count", nargs, kwnames)) return Value();
  Tuple* t = as_tuple(self);
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; i++) {
    int eq = equals(t->items()[i], args[0]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::small_int(n);
}

Value tuple_getnewargs(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("tuple.__getnewargs__", nargs, kwnames)) return Value();
  Tuple* t = as_tuple(self);
  return tuple_of({tuple_from_array(t->items(), t->size)});
}

const MethodDef tuple_methods[] = {
    {"index", tuple_index},
    {"count", tuple_count},
    {"__getnewargs__", tuple_getnewargs},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

}  // namespace

void tuple_type_init() {
  tuple_type.flags |= kTypeBaseType | kTypeTupleSubclass;
  tuple_type.basicsize = sizeof(Tuple);
  tuple_type.itemsize = sizeof(Value);
  tuple_type.tp_new = tuple_tp_new;
  tuple_type.tp_repr = tuple_repr;
  tuple_type.tp_hash = tuple_hash;
  tuple_type.tp_richcompare = tuple_richcompare_slot;
  tuple_type.tp_iter = tuple_iter;
  tuple_type.mp_length = tuple_length;
  tuple_type.mp_subscript = tuple_subscript;
  tuple_type.sq_contains = tuple_contains;
  tuple_type.nb.binary[static_cast<int>(BinaryOp::Add)] = tuple_add;
  tuple_type.nb.binary[static_cast<int>(BinaryOp::Mul)] = tuple_mul;
  type_ready(&tuple_type, "tuple", &object_type, tuple_methods);

  tuple_iterator_type.basicsize = sizeof(TupleIterator);
  tuple_iterator_type.tp_iter = iter_self;
  tuple_iterator_type.tp_iternext = tuple_iter_next;
  type_ready(&tuple_iterator_type, "tuple_iterator", &object_type, tuple_iter_methods);
}

}  // namespace minipy
