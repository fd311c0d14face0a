// Builtin functions that consume iterables: min, max, sum, sorted, any, all.
#include <cmath>
#include <string>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtins.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

// min() and max(): one iterable or several positional arguments; key= and default=.
Value min_max(const char* fname, CompareOp op, const Value* args, size_t nargs, Tuple* kwnames) {
  Value key, dflt;
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      std::string_view k = (*kwnames)[i].as<Str>()->view();
      if (k == "key") key = args[nargs + i];
      else if (k == "default") dflt = args[nargs + i];
      else return raise(&exc_TypeError, std::string(fname) + "() got an unexpected keyword argument '" + std::string(k) + "'");
    }
  }
  if (nargs == 0) return raise(&exc_TypeError, std::string(fname) + " expected at least 1 argument, got 0");
  if (nargs > 1 && dflt) {
    return raise(&exc_TypeError,
                 std::string("Cannot specify a default for ") + fname + "() with multiple positional arguments");
  }
  if (key && is_none(key)) key = Value();
  Value it = get_iter(nargs == 1 ? args[0] : Value(tuple_from_array(args, static_cast<int64_t>(nargs))));
  if (!it) return Value();
  Value best, best_key;
  while (Value item = iter_next(it)) {
    Value k = key ? call(key, {item}) : item;
    if (!k) return Value();
    if (!best) {
      best = item;
      best_key = k;
      continue;
    }
    int better = compare_bool(k, best_key, op);
    if (better < 0) return Value();
    if (better) {
      best = item;
      best_key = k;
    }
  }
  if (error_pending()) return Value();
  if (best) return best;
  if (dflt) return dflt;
  return raise(&exc_ValueError, std::string(fname) + "() arg is an empty sequence");
}

Value builtin_min(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max("min", CompareOp::Lt, args, nargs, kwnames);
}

Value builtin_max(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max("max", CompareOp::Gt, args, nargs, kwnames);
}

Value builtin_sum(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  static const Signature sig{"sum", {"iterable", "start"}, 2, 1, 1};
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Value total = a[1] ? a[1] : Value::small_int(0);
  if (str_check(total)) return raise(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (bytes_check(total)) {
    return raise(&exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  Value it = get_iter(a[0]);
  if (!it) return Value();
  // Small ints add without allocating; floats accumulate in a double (CPython does the same,
  // which is why sum([0.1]*10) matches it bit for bit).
  while (Value item = iter_next(it)) {
    if (total.is_small_int() && item.is_small_int()) {
      int64_t r = total.as_small_int() + item.as_small_int();
      if (Value::fits_small(r)) {
        total = Value::small_int(r);
        continue;
      }
    }
    if (type_of(total) == &float_type && (type_of(item) == &float_type || item.is_small_int())) {
      double acc = float_value(total) + (item.is_small_int() ? static_cast<double>(item.as_small_int()) : float_value(item));
      total = float_new(acc);
      continue;
    }
    total = binary_op(BinaryOp::Add, total, item);
    if (!total) return Value();
  }
  if (error_pending()) return Value();
  return total;
}

Value builtin_sorted(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  static const Signature sig{"sorted", {"iterable", "key", "reverse"}, 1, 1, 1};
  if (nargs != 1) {
    if (nargs == 0 && !kwnames) return raise(&exc_TypeError, "sorted expected 1 argument, got 0");
    if (nargs > 1) return raise(&exc_TypeError, "sorted expected 1 argument, got " + std::to_string(nargs));
  }
  if (!bind_args(sig, args, nargs, kwnames, a)) return Value();
  Value l = list_from_iterable(a[0]);
  if (!l) return Value();
  bool reverse = false;
  if (a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    reverse = t;
  }
  Value key = a[1] && !is_none(a[1]) ? a[1] : Value();
  if (list_sort(l.as<List>(), key, reverse) < 0) return Value();
  return l;
}

// any()/all(): stop at the first element whose truth equals `stop_on`.
Value any_all(const char* fname, bool stop_on, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (!it) return Value();
  while (Value item = iter_next(it)) {
    int t = is_true(item);
    if (t < 0) return Value();
    if (static_cast<bool>(t) == stop_on) return bool_value(stop_on);
  }
  if (error_pending()) return Value();
  return bool_value(!stop_on);
}

Value builtin_any(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return any_all("any", true, args, nargs, kwnames);
}

Value builtin_all(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return any_all("all", false, args, nargs, kwnames);
}

}  // namespace

const MethodDef kBuiltinIterationFunctions[] = {
    {"min", builtin_min},
    {"max", builtin_max},
    {"sum", builtin_sum},
    {"sorted", builtin_sorted},
    {"any", builtin_any},
    {"all", builtin_all},
    {nullptr, nullptr},
};

}  // namespace minipy
