#include "objects/container_util.h"

#include <cstdio>

#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

// ---------------------------------------------------------------------------------------------
// Argument checks

bool noargs_ok(const char* qualname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(qualname, kwnames) && check_nargs(qualname, nargs, 0, 0);
}

bool onearg_ok(const char* qualname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(qualname, kwnames) && check_nargs(qualname, nargs, 1, 1);
}

bool posargs_ok(const char* name, const char* qualname, size_t nargs, Tuple* kwnames, size_t min,
                size_t max) {
  return check_no_kwargs(qualname, kwnames) && check_nargs(name, nargs, min, max);
}

// ---------------------------------------------------------------------------------------------
// repr recursion guard: the objects whose repr is in progress on this thread. The entries are
// only compared by identity; the objects themselves are kept alive by the callers' frames.

namespace {
thread_local GcVector<Object*> repr_in_progress;
}

bool repr_enter(Object* o) {
  for (Object* p : repr_in_progress) {
    if (p == o) return true;
  }
  repr_in_progress.push_back(o);
  return false;
}

void repr_leave(Object* o) {
  // Reprs nest, so `o` is normally last; search backwards to stay correct regardless.
  for (size_t i = repr_in_progress.size(); i-- > 0;) {
    if (repr_in_progress[i] == o) {
      repr_in_progress.erase(repr_in_progress.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

bool append_repr(std::string& out, Value v) {
  Value r = repr(v);
  if (!r) return false;
  out += r.as<Str>()->view();
  return true;
}

// ---------------------------------------------------------------------------------------------
// Indices

int subscript_index(Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return 1;
  }
  if (!int_check(key)) {
    if (!type_of(key)->nb.index) return 0;
    key = number_index(key);
    if (!key) return -1;
  }
  if (!int_to_i64(key, out)) {
    raise(&exc_IndexError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return 1;
}

Value raise_bad_index_type(const char* seqname, Value key) {
  return raise(&exc_TypeError, std::string(seqname) + " indices must be integers or slices, not " +
                                   type_name(key));
}

bool clamp_index_arg(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!int_check(v)) {
    if (!type_of(v)->nb.index) {
      raise(&exc_TypeError, "slice indices must be integers or have an __index__ method");
      return false;
    }
    v = number_index(v);
    if (!v) return false;
  }
  if (!int_to_i64(v, out)) *out = int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

void adjust_search_range(int64_t len, int64_t* start, int64_t* stop) {
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += len;
    if (*stop < 0) *stop = 0;
  }
  if (*stop > len) *stop = len;
}

// ---------------------------------------------------------------------------------------------
// Misc

int64_t hash_slow(Value key) { return hash(key); }

Value iter_self(Value self) { return self; }

Value call_special_optional(Value obj, Str* name, const Value* args, size_t nargs) {
  Type* t = type_of(obj);
  Value attr = type_lookup(t, name);
  if (!attr) return Value();
  DescrGetFn get = type_of(attr)->tp_descr_get;
  if (get) {
    Value bound = get(attr, obj, Value(t));
    if (!bound) return Value();
    return call(bound, args, nargs);
  }
  // Not a descriptor: called as found, without obj (CPython's special-method lookup).
  return call(attr, args, nargs);
}

bool sequence_items(Value v, const Value** items, int64_t* n) {
  if (v.is_small_int()) return false;
  uint32_t flags = v.as_object()->type->flags;
  if (v.as_object()->type == &list_type || (flags & kTypeListSubclass)) {
    List* l = v.as<List>();
    *items = l->items;
    *n = l->size;
    return true;
  }
  if (v.as_object()->type == &tuple_type || (flags & kTypeTupleSubclass)) {
    Tuple* t = v.as<Tuple>();
    *items = t->items();
    *n = t->size;
    return true;
  }
  return false;
}

Value sequence_richcompare(Value a, Value b, CompareOp op) {
  const Value *ia, *ib;
  int64_t na, nb;
  sequence_items(a, &ia, &na);
  sequence_items(b, &ib, &nb);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && na != nb) return bool_value(op == CompareOp::Ne);
  Value x, y;
  for (int64_t i = 0;; i++) {
    sequence_items(a, &ia, &na);
    sequence_items(b, &ib, &nb);
    if (i >= na || i >= nb) break;
    x = ia[i];
    y = ib[i];
    int eq = equals(x, y);
    if (eq < 0) return Value();
    if (!eq) {
      if (op == CompareOp::Eq) return false_value();
      if (op == CompareOp::Ne) return true_value();
      return compare(x, y, op);
    }
  }
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = na < nb; break;
    case CompareOp::Le: r = na <= nb; break;
    case CompareOp::Eq: r = na == nb; break;
    case CompareOp::Ne: r = na != nb; break;
    case CompareOp::Gt: r = na > nb; break;
    case CompareOp::Ge: r = na >= nb; break;
  }
  return bool_value(r);
}

bool defer_binary_to(Value other, BinaryOp op, BinaryFn own) {
  Type* t = type_of(other);
  BinaryFn slot = t->nb.binary[static_cast<int>(op)];
  return (t->flags & kTypeHeap) && slot && slot != own;
}

int sequence_repeat_operands(Value a, Value b, bool (*is_seq)(Value), BinaryFn own, Value* seq,
                             int64_t* count) {
  bool seq_left = is_seq(a);
  *seq = seq_left ? a : b;
  Value other = seq_left ? b : a;
  if (!int_check(other)) {
    if (!type_of(other)->nb.index) {
      if (seq_left && defer_binary_to(other, BinaryOp::Mul, own)) return 0;
      raise(&exc_TypeError,
            std::string("can't multiply sequence by non-int of type '") + type_name(other) + "'");
      return -1;
    }
    other = number_index(other);
    if (!other) return -1;
  }
  if (!int_to_i64(other, count)) {
    if (int_sign(other) < 0) {
      *count = 0;
    } else {
      raise(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
      return -1;
    }
  }
  if (*count < 0) *count = 0;
  return 1;
}

}  // namespace minipy
