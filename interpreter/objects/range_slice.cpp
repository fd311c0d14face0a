// range (an immutable arithmetic sequence of ints, big ints included) and slice objects.
//
// Ranges compute in int64/__int128 when start, stop and step are small ints, which is nearly
// always; otherwise they fall back to the generic int operations (arbitrary precision).
#include "objects/range_slice.h"

#include <string>

#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type range_type, slice_type, range_iterator_type, longrange_iterator_type;

namespace {

// Iterator over a range with items beyond the small-int range.
struct LongRangeIterator : Object {
  Value next, step, remaining;  // ints
};

inline Range* as_range(Value v) { return v.as<Range>(); }

inline Value int128_value(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(static_cast<int64_t>(v));
  if (v > 0 && v <= static_cast<__int128>(UINT64_MAX)) return int_from_u64(static_cast<uint64_t>(v));
  // |v| < 2^126 here (products of int64s): build it from two halves.
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  mpz_t z;
  mpz_init(z);
  mpz_set_ui(z, static_cast<unsigned long>(u >> 64));
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, static_cast<unsigned long>(u & UINT64_MAX));
  if (neg) mpz_neg(z, z);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

inline bool small3(Range* r) {
  return r->start.is_small_int() && r->stop.is_small_int() && r->step.is_small_int();
}

Value add(Value a, Value b) { return binary_op(BinaryOp::Add, a, b); }
Value sub(Value a, Value b) { return binary_op(BinaryOp::Sub, a, b); }
Value mul(Value a, Value b) { return binary_op(BinaryOp::Mul, a, b); }
Value floordiv(Value a, Value b) { return binary_op(BinaryOp::FloorDiv, a, b); }

// Number of items of range(start, stop, step); step != 0.
Value compute_length(Value start, Value stop, Value step) {
  if (start.is_small_int() && stop.is_small_int() && step.is_small_int()) {
    __int128 a = start.as_small_int(), b = stop.as_small_int(), c = step.as_small_int();
    __int128 n = 0;
    if (c > 0 && a < b) n = (b - a - 1) / c + 1;
    if (c < 0 && a > b) n = (a - b - 1) / (-c) + 1;
    return int128_value(n);
  }
  bool up = int_sign(step) > 0;
  Value lo = up ? start : stop, hi = up ? stop : start;
  int ge = compare_bool(lo, hi, CompareOp::Ge);
  if (ge < 0) return Value();
  if (ge) return Value::small_int(0);
  Value abs_step = up ? step : unary_negative(step);
  if (!abs_step) return Value();
  Value diff = sub(hi, lo);
  if (!diff) return Value();
  diff = sub(diff, Value::small_int(1));
  if (!diff) return Value();
  Value q = floordiv(diff, abs_step);
  if (!q) return Value();
  return add(q, Value::small_int(1));
}

Range* range_make(Value start, Value stop, Value step, Value length) {
  Range* r = alloc<Range>(&range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = length;
  return r;
}

// start + i * step for an int i (already in range).
Value item_at(Range* r, Value i) {
  if (small3(r) && i.is_small_int()) {
    return int128_value(static_cast<__int128>(r->start.as_small_int()) +
                        static_cast<__int128>(i.as_small_int()) * r->step.as_small_int());
  }
  Value p = mul(i, r->step);
  return p ? add(r->start, p) : Value();
}

}  // namespace

Value range_new(Value start, Value stop, Value step) {
  Value len = compute_length(start, stop, step);
  if (!len) return Value();
  return range_make(start, stop, step, len);
}

namespace {

// range() arguments as exact ints (bools and int subclasses become plain ints, as
// operator.index does).
Value to_exact_int(Value v) {
  if (v.is_small_int() || type_of(v) == &int_type) return v;
  if (!int_check(v)) {
    v = number_index(v);
    if (!v || v.is_small_int() || type_of(v) == &int_type) return v;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  Value r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

Value range_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("range", "range", nargs, kwnames, 1, 3)) return Value();
  Value start = Value::small_int(0), stop, step = Value::small_int(1);
  if (nargs == 1) {
    stop = to_exact_int(args[0]);
    if (!stop) return Value();
  } else {
    start = to_exact_int(args[0]);
    if (!start) return Value();
    stop = to_exact_int(args[1]);
    if (!stop) return Value();
    if (nargs == 3) {
      step = to_exact_int(args[2]);
      if (!step) return Value();
      if (int_sign(step) == 0) return raise(&exc_ValueError, "range() arg 3 must not be zero");
    }
  }
  return range_new(start, stop, step);
}

Value range_repr(Value self) {
  Range* r = as_range(self);
  std::string out = "range(";
  if (!append_repr(out, r->start)) return Value();
  out += ", ";
  if (!append_repr(out, r->stop)) return Value();
  if (!(r->step.is_small_int() && r->step.as_small_int() == 1)) {
    out += ", ";
    if (!append_repr(out, r->step)) return Value();
  }
  out += ')';
  return str_new(out);
}

int64_t range_length(Value self) {
  int64_t n;
  if (!int_to_i64(as_range(self)->length, &n)) {
    raise(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_bool(Value self) { return int_sign(as_range(self)->length) != 0; }

// A slice bound of a huge range, as an exact int (None handled by the caller).
Value big_slice_bound(Value v) {
  if (!v.is_small_int() && !int_check(v) && !type_of(v)->nb.index) {
    return raise(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  return to_exact_int(v);
}

// Clamps a start/stop index into [lower, upper] after counting negatives from the end.
Value clamp_big(Value v, Value length, Value lower, Value upper) {
  if (int_sign(v) < 0) {
    v = add(v, length);
    if (!v) return Value();
    int lt = compare_bool(v, lower, CompareOp::Lt);
    if (lt < 0) return Value();
    return lt ? lower : v;
  }
  int gt = compare_bool(v, upper, CompareOp::Gt);
  if (gt < 0) return Value();
  return gt ? upper : v;
}

Value range_getslice(Range* r, Slice* s) {
  int64_t len;
  if (int_to_i64(r->length, &len)) {
    int64_t start, stop, step, count;
    if (slice_indices(s, len, &start, &stop, &step, &count) < 0) return Value();
    Value new_start = item_at(r, int_from_i64(start));
    if (!new_start) return Value();
    Value new_stop = item_at(r, int_from_i64(stop));
    if (!new_stop) return Value();
    Value new_step = mul(r->step, int_from_i64(step));
    if (!new_step) return Value();
    return range_make(new_start, new_stop, new_step, int_from_i64(count));
  }
  // The length exceeds int64: the same computation in arbitrary precision.
  Value step = Value::small_int(1);
  if (!is_none(s->step)) {
    step = big_slice_bound(s->step);
    if (!step) return Value();
    if (int_sign(step) == 0) return raise(&exc_ValueError, "slice step cannot be zero");
  }
  bool neg = int_sign(step) < 0;
  Value lower = neg ? Value::small_int(-1) : Value::small_int(0);
  Value upper = neg ? sub(r->length, Value::small_int(1)) : r->length;
  if (!upper) return Value();
  Value start = neg ? upper : lower, stop = neg ? lower : upper;
  if (!is_none(s->start)) {
    start = big_slice_bound(s->start);
    if (!start || !(start = clamp_big(start, r->length, lower, upper))) return Value();
  }
  if (!is_none(s->stop)) {
    stop = big_slice_bound(s->stop);
    if (!stop || !(stop = clamp_big(stop, r->length, lower, upper))) return Value();
  }
  Value new_start = item_at(r, start);
  if (!new_start) return Value();
  Value new_stop = item_at(r, stop);
  if (!new_stop) return Value();
  Value new_step = mul(r->step, step);
  if (!new_step) return Value();
  return range_new(new_start, new_stop, new_step);
}

Value range_subscript(Value self, Value key) {
  Range* r = as_range(self);
  if (type_of(key) == &slice_type) return range_getslice(r, key.as<Slice>());
  if (!int_check(key)) {
    if (!type_of(key)->nb.index) return raise_bad_index_type("range", key);
    key = number_index(key);
    if (!key) return Value();
  }
  if (key.is_small_int() && r->length.is_small_int()) {
    int64_t i = key.as_small_int(), n = r->length.as_small_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(&exc_IndexError, "range object index out of range");
    return item_at(r, Value::small_int(i));
  }
  Value i = key;
  if (int_sign(i) < 0) {
    i = add(i, r->length);
    if (!i) return Value();
  }
  int lt = compare_bool(i, r->length, CompareOp::Lt);
  if (lt < 0) return Value();
  if (int_sign(i) < 0 || !lt) return raise(&exc_IndexError, "range object index out of range");
  return item_at(r, i);
}

// Is the int x an item? -1 on error.
int range_contains_int(Range* r, Value x) {
  if (small3(r) && x.is_small_int()) {
    int64_t a = r->start.as_small_int(), b = r->stop.as_small_int(), c = r->step.as_small_int();
    int64_t v = x.as_small_int();
    bool inside = c > 0 ? (a <= v && v < b) : (b < v && v <= a);
    return inside && (static_cast<__int128>(v) - a) % c == 0;
  }
  bool up = int_sign(r->step) > 0;
  int c1 = up ? compare_bool(r->start, x, CompareOp::Le) : compare_bool(r->stop, x, CompareOp::Lt);
  if (c1 <= 0) return c1;
  int c2 = up ? compare_bool(x, r->stop, CompareOp::Lt) : compare_bool(x, r->start, CompareOp::Le);
  if (c2 <= 0) return c2;
  Value d = sub(x, r->start);
  if (!d) return -1;
  Value m = binary_op(BinaryOp::Mod, d, r->step);
  if (!m) return -1;
  return int_sign(m) == 0;
}

inline bool exact_int(Value v) { return v.is_small_int() || type_of(v) == &int_type || type_of(v) == &bool_type; }

int range_contains(Value self, Value x) {
  if (exact_int(x)) return range_contains_int(as_range(self), x);
  // Other types may still compare equal to an item (1.0 in range(3)): search.
  Value it = get_iter(self);
  if (!it) return -1;
  for (;;) {
    Value v = iter_next(it);
    if (!v) return error_pending() ? -1 : 0;
    int eq = equals(v, x);
    if (eq != 0) return eq;
  }
}

Value range_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(a) != &range_type || type_of(b) != &range_type) {
    return not_implemented_value();
  }
  Range* x = as_range(a);
  Range* y = as_range(b);
  // Equal as sequences: same length, and (if not empty) same first item and (if longer than
  // one) same step.
  int eq = a.is(b) ? 1 : equals(x->length, y->length);
  if (eq > 0 && !a.is(b) && int_sign(x->length) != 0) {
    eq = equals(x->start, y->start);
    if (eq > 0) {
      int one = equals(x->length, Value::small_int(1));
      if (one < 0) return Value();
      if (!one) eq = equals(x->step, y->step);
    }
  }
  if (eq < 0) return Value();
  return bool_value((op == CompareOp::Eq) == (eq == 1));
}

int64_t range_hash(Value self) {
  Range* r = as_range(self);
  Tuple* t;
  if (int_sign(r->length) == 0) {
    t = tuple_of({r->length, none_value(), none_value()});
  } else {
    int one = equals(r->length, Value::small_int(1));
    if (one < 0) return -1;
    t = one ? tuple_of({r->length, r->start, none_value()}) : tuple_of({r->length, r->start, r->step});
  }
  return hash(t);
}

// An iterator from `start` by `step` for `len` items.
Value make_iter(Value start, Value step, Value len) {
  if (start.is_small_int() && step.is_small_int() && len.is_small_int()) {
    __int128 last = static_cast<__int128>(start.as_small_int()) +
                    static_cast<__int128>(len.as_small_int() - 1) * step.as_small_int();
    if (len.as_small_int() == 0 || (last >= Value::kSmallIntMin && last <= Value::kSmallIntMax)) {
      RangeIterator* it = alloc<RangeIterator>(&range_iterator_type);
      it->next = start.as_small_int();
      it->step = step.as_small_int();
      it->remaining = len.as_small_int();
      return it;
    }
  }
  LongRangeIterator* it = alloc<LongRangeIterator>(&longrange_iterator_type);
  it->next = start;
  it->step = step;
  it->remaining = len;
  return it;
}

Value range_iter(Value self) {
  Range* r = as_range(self);
  return make_iter(r->start, r->step, r->length);
}

Value range_iter_next(Value self) {
  RangeIterator* it = self.as<RangeIterator>();
  if (it->remaining <= 0) return Value();
  int64_t v = it->next;
  it->remaining--;
  // Wrapping arithmetic: after the last item `next` is never read.
  it->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
  return Value::small_int(v);
}

Value longrange_iter_next(Value self) {
  LongRangeIterator* it = self.as<LongRangeIterator>();
  if (int_sign(it->remaining) <= 0) return Value();
  Value v = it->next;
  Value next = add(v, it->step);
  if (!next) return Value();
  Value rem = sub(it->remaining, Value::small_int(1));
  if (!rem) return Value();
  it->next = next;
  it->remaining = rem;
  return v;
}

Value range_iter_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  if (type_of(self) == &range_iterator_type) return int_from_i64(self.as<RangeIterator>()->remaining);
  return self.as<LongRangeIterator>()->remaining;
}

Value range_m_reversed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("range.__reversed__", nargs, kwnames)) return Value();
  Range* r = as_range(self);
  if (int_sign(r->length) == 0) return make_iter(r->start, r->step, r->length);
  Value last_index = sub(r->length, Value::small_int(1));
  if (!last_index) return Value();
  Value last = item_at(r, last_index);
  if (!last) return Value();
  Value neg_step = unary_negative(r->step);
  if (!neg_step) return Value();
  return make_iter(last, neg_step, r->length);
}

Value range_m_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("range.count", nargs, kwnames)) return Value();
  if (exact_int(args[0])) {
    int c = range_contains_int(as_range(self), args[0]);
    return c < 0 ? Value() : Value::small_int(c);
  }
  Value it = get_iter(self);
  if (!it) return Value();
  int64_t n = 0;
  for (;;) {
    Value v = iter_next(it);
    if (!v) return error_pending() ? Value() : int_from_i64(n);
    int eq = equals(v, args[0]);
    if (eq < 0) return Value();
    n += eq;
  }
}

Value range_m_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("range.index", nargs, kwnames)) return Value();
  Range* r = as_range(self);
  Value x = args[0];
  if (exact_int(x)) {
    int c = range_contains_int(r, x);
    if (c < 0) return Value();
    if (!c) {
      std::string msg;
      if (!append_repr(msg, x)) return Value();
      return raise(&exc_ValueError, msg + " is not in range");
    }
    Value d = sub(x, r->start);
    return d ? floordiv(d, r->step) : Value();
  }
  Value it = get_iter(self);
  if (!it) return Value();
  for (int64_t i = 0;; i++) {
    Value v = iter_next(it);
    if (!v) {
      if (error_pending()) return Value();
      return raise(&exc_ValueError, "sequence.index(x): x not in sequence");
    }
    int eq = equals(v, x);
    if (eq < 0) return Value();
    if (eq) return int_from_i64(i);
  }
}

Value range_start(Value self) { return as_range(self)->start; }
Value range_stop(Value self) { return as_range(self)->stop; }
Value range_step(Value self) { return as_range(self)->step; }

const MethodDef range_methods[] = {
    {"count", range_m_count},
    {"index", range_m_index},
    {"__reversed__", range_m_reversed},
    {nullptr, nullptr},
};

const GetSetDef range_getsets[] = {
    {"start", range_start, nullptr},
    {"stop", range_stop, nullptr},
    {"step", range_step, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// slice

inline Slice* as_slice(Value v) { return v.as<Slice>(); }

// A slice bound as int64 (clamped: huge bounds act like infinity). None is the caller's case.
bool slice_bound(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (!int_check(v)) {
    if (!type_of(v)->nb.index) {
      raise(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
    v = number_index(v);
    if (!v) return false;
  }
  if (!int_to_i64(v, out)) *out = int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

Value slice_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("slice", "slice", nargs, kwnames, 1, 3)) return Value();
  if (nargs == 1) return slice_new(none_value(), args[0], none_value());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : none_value());
}

Value slice_repr(Value self) {
  Slice* s = as_slice(self);
  std::string out = "slice(";
  if (!append_repr(out, s->start)) return Value();
  out += ", ";
  if (!append_repr(out, s->stop)) return Value();
  out += ", ";
  if (!append_repr(out, s->step)) return Value();
  out += ')';
  return str_new(out);
}

Value slice_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(a) != &slice_type || type_of(b) != &slice_type) return not_implemented_value();
  Slice* x = as_slice(a);
  Slice* y = as_slice(b);
  return compare(tuple_of({x->start, x->stop, x->step}), tuple_of({y->start, y->stop, y->step}), op);
}

Value slice_m_indices(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("slice.indices", nargs, kwnames)) return Value();
  int64_t len;
  if (!index_to_i64(args[0], &len)) return Value();
  if (len < 0) return raise(&exc_ValueError, "length should not be negative");
  int64_t start, stop, step, count;
  if (slice_indices(as_slice(self), len, &start, &stop, &step, &count) < 0) return Value();
  return tuple_of({int_from_i64(start), int_from_i64(stop), int_from_i64(step)});
}

Value slice_start(Value self) { return as_slice(self)->start; }
Value slice_stop(Value self) { return as_slice(self)->stop; }
Value slice_step(Value self) { return as_slice(self)->step; }

const MethodDef slice_methods[] = {
    {"indices", slice_m_indices},
    {nullptr, nullptr},
};

const GetSetDef slice_getsets[] = {
    {"start", slice_start, nullptr},
    {"stop", slice_stop, nullptr},
    {"step", slice_step, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Slice* slice_new(Value start, Value stop, Value step) {
  Slice* s = alloc<Slice>(&slice_type);
  s->start = start;
  s->stop = stop;
  s->step = step;
  return s;
}

int slice_indices(Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step, int64_t* count) {
  int64_t st = 1;
  if (!is_none(s->step)) {
    if (!slice_bound(s->step, &st)) return -1;
    if (st == 0) {
      raise(&exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    // -step must not overflow below.
    if (st < -INT64_MAX) st = -INT64_MAX;
  }
  auto adjust = [&](Value v, int64_t dflt, int64_t* out) -> bool {
    if (is_none(v)) {
      *out = dflt;
      return true;
    }
    int64_t i;
    if (!slice_bound(v, &i)) return false;
    if (i < 0) {
      i = i < INT64_MIN + length ? INT64_MIN : i + length;
      if (i < 0) i = st < 0 ? -1 : 0;
    } else if (i >= length) {
      i = st < 0 ? length - 1 : length;
    }
    *out = i;
    return true;
  };
  if (!adjust(s->start, st < 0 ? length - 1 : 0, start)) return -1;
  if (!adjust(s->stop, st < 0 ? -1 : length, stop)) return -1;
  *step = st;
  if (st < 0) {
    *count = *stop < *start ? (*start - *stop - 1) / (-st) + 1 : 0;
  } else {
    *count = *start < *stop ? (*stop - *start - 1) / st + 1 : 0;
  }
  return 0;
}

void range_slice_types_init() {
  range_type.basicsize = sizeof(Range);
  range_type.tp_new = range_tp_new;
  range_type.tp_repr = range_repr;
  range_type.tp_hash = range_hash;
  range_type.tp_richcompare = range_richcompare;
  range_type.tp_iter = range_iter;
  range_type.mp_length = range_length;
  range_type.mp_subscript = range_subscript;
  range_type.sq_contains = range_contains;
  range_type.nb.boolean = range_bool;
  type_ready(&range_type, "range", &object_type, range_methods, range_getsets);

  range_iterator_type.basicsize = sizeof(RangeIterator);
  range_iterator_type.flags |= kTypePointerFree;
  range_iterator_type.tp_iter = iter_self;
  range_iterator_type.tp_iternext = range_iter_next;
  type_ready(&range_iterator_type, "range_iterator", &object_type, range_iter_methods);

  longrange_iterator_type.basicsize = sizeof(LongRangeIterator);
  longrange_iterator_type.tp_iter = iter_self;
  longrange_iterator_type.tp_iternext = longrange_iter_next;
  type_ready(&longrange_iterator_type, "longrange_iterator", &object_type, range_iter_methods);

  slice_type.basicsize = sizeof(Slice);
  slice_type.tp_new = slice_tp_new;
  slice_type.tp_repr = slice_repr;
  slice_type.tp_hash = hash_not_implemented;
  slice_type.tp_richcompare = slice_richcompare;
  type_ready(&slice_type, "slice", &object_type, slice_methods, slice_getsets);
}

}  // namespace minipy
