// enumerate, zip, map, filter, reversed, the sequence iterator and the callable iterator.
// All are lazy: each __next__ pulls exactly what it needs from the underlying iterators.
#include "objects/iterators.h"

#include <string>

#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type enumerate_type, zip_type, map_type, filter_type, reversed_type;
Type seq_iterator_type, callable_iterator_type;

namespace {

// Instances of the (subclassable) iterator types: subclasses may add an instance dict.
template <class T>
T* new_instance(Type* type, Type* base) {
  if (type == base) return alloc<T>(type);
  return static_cast<T*>(alloc_object(type, type->basicsize));
}

// Iterators of each of `iterables`, as a tuple. Null on error.
Tuple* iterators_of(const Value* iterables, size_t n) {
  Tuple* t = tuple_new(static_cast<int64_t>(n));
  for (size_t i = 0; i < n; i++) {
    Value it = get_iter(iterables[i]);
    if (!it) return nullptr;
    t->items()[i] = it;
  }
  return t;
}

// True when the pending exception ends a __getitem__-driven iteration.
bool ends_sequence() {
  if (error_matches(&exc_IndexError) || error_matches(&exc_StopIteration)) {
    error_clear();
    return true;
  }
  return false;
}

std::string arg_range(size_t last) {
  // "argument 1" / "arguments 1-3"
  return last == 1 ? "argument 1" : "arguments 1-" + std::to_string(last);
}

// ---------------------------------------------------------------------------------------------
// enumerate

Value enumerate_make(Type* type, Value iterable, Value start) {
  Value index = Value::small_int(0);
  if (start) {
    index = int_check(start) ? start : number_index(start);
    if (!index) return Value();
  }
  Value it = get_iter(iterable);
  if (!it) return Value();
  Enumerate* e = new_instance<Enumerate>(type, &enumerate_type);
  e->iter = it;
  e->index = index;
  return e;
}

Value enumerate_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (nargs + nkw > 2) {
    return raise(&exc_TypeError,
                 "enumerate() takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
  }
  Value iterable = nargs > 0 ? args[0] : Value();
  Value start = nargs > 1 ? args[1] : Value();
  for (size_t i = 0; i < nkw; i++) {
    std::string_view name = kwnames->items()[i].as<Str>()->view();
    if (name == "iterable" && nargs == 0) {
      iterable = args[nargs + i];
    } else if (name == "start" && nargs < 2) {
      start = args[nargs + i];
    } else {
      return raise(&exc_TypeError, "'" + std::string(name) + "' is an invalid keyword argument for enumerate()");
    }
  }
  if (!iterable) return raise(&exc_TypeError, "enumerate() missing required argument 'iterable'");
  return enumerate_make(type, iterable, start);
}

Value enumerate_next(Value self) {
  Enumerate* e = self.as<Enumerate>();
  Value item = iter_next(e->iter);
  if (!item) return Value();
  Value index = e->index;
  if (index.is_small_int() && index.as_small_int() < Value::kSmallIntMax) {
    e->index = Value::small_int(index.as_small_int() + 1);
  } else {
    Value next = binary_op(BinaryOp::Add, index, Value::small_int(1));
    if (!next) return Value();
    e->index = next;
  }
  return tuple_of({index, item});
}

// ---------------------------------------------------------------------------------------------
// zip

Value zip_make(Type* type, const Value* iterables, size_t n, bool strict) {
  Tuple* iters = iterators_of(iterables, n);
  if (!iters) return Value();
  Zip* z = new_instance<Zip>(type, &zip_type);
  z->iters = iters;
  z->strict = strict;
  return z;
}

Value zip_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames && kwnames->size > 0) {
    if (kwnames->size > 1) {
      return raise(&exc_TypeError,
                   "zip() takes at most 1 keyword argument (" + std::to_string(kwnames->size) + " given)");
    }
    std::string_view name = kwnames->items()[0].as<Str>()->view();
    if (name != "strict") {
      return raise(&exc_TypeError, "'" + std::string(name) + "' is an invalid keyword argument for zip()");
    }
    int t = is_true(args[nargs]);
    if (t < 0) return Value();
    strict = t;
  }
  return zip_make(type, args, nargs, strict);
}

// A strict zip found iterator `i` exhausted: raise unless every iterator ends here too.
Value zip_strict_end(Zip* z, int64_t i) {
  Tuple* iters = z->iters;
  z->iters = nullptr;
  if (error_pending()) return Value();
  if (i > 0) {
    return raise(&exc_ValueError, "zip() argument " + std::to_string(i + 1) + " is shorter than " +
                                      arg_range(static_cast<size_t>(i)));
  }
  for (int64_t j = 1; j < iters->size; j++) {
    Value v = iter_next(iters->items()[j]);
    if (v) {
      return raise(&exc_ValueError, "zip() argument " + std::to_string(j + 1) + " is longer than " +
                                        arg_range(static_cast<size_t>(j)));
    }
    if (error_pending()) return Value();
  }
  return Value();
}

Value zip_next(Value self) {
  Zip* z = self.as<Zip>();
  Tuple* iters = z->iters;
  if (!iters || iters->size == 0) return Value();
  int64_t n = iters->size;
  Tuple* result = tuple_new(n);
  for (int64_t i = 0; i < n; i++) {
    Value v = iter_next(iters->items()[i]);
    if (!v) {
      if (z->strict) return zip_strict_end(z, i);
      if (!error_pending()) z->iters = nullptr;
      return Value();
    }
    result->items()[i] = v;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// map

Value map_make(Type* type, Value func, const Value* iterables, size_t n) {
  Tuple* iters = iterators_of(iterables, n);
  if (!iters) return Value();
  Map* m = new_instance<Map>(type, &map_type);
  m->func = func;
  m->iters = iters;
  return m;
}

Value map_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &map_type && !check_no_kwargs("map", kwnames)) return Value();
  if (nargs < 2) return raise(&exc_TypeError, "map() must have at least two arguments.");
  return map_make(type, args[0], args + 1, nargs - 1);
}

Value map_next(Value self) {
  Map* m = self.as<Map>();
  int64_t n = m->iters->size;
  if (n == 1) {
    Value v = iter_next(m->iters->items()[0]);
    if (!v) return Value();
    return call(m->func, &v, 1);
  }
  constexpr int64_t kInline = 8;
  Value inline_args[kInline];
  Value* argv = n <= kInline ? inline_args : static_cast<Value*>(gc_malloc(static_cast<size_t>(n) * sizeof(Value)));
  for (int64_t i = 0; i < n; i++) {
    argv[i] = iter_next(m->iters->items()[i]);
    if (!argv[i]) return Value();
  }
  return call(m->func, argv, static_cast<size_t>(n));
}

// ---------------------------------------------------------------------------------------------
// filter

Value filter_make(Type* type, Value func, Value iterable) {
  Value it = get_iter(iterable);
  if (!it) return Value();
  Filter* f = new_instance<Filter>(type, &filter_type);
  f->func = func;
  f->iter = it;
  return f;
}

Value filter_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &filter_type && !check_no_kwargs("filter", kwnames)) return Value();
  if (!check_nargs("filter", nargs, 2, 2)) return Value();
  return filter_make(type, args[0], args[1]);
}

Value filter_next(Value self) {
  Filter* f = self.as<Filter>();
  bool truth_only = is_none(f->func) || f->func.is(Value(&bool_type));
  UnaryFn next = type_of(f->iter)->tp_iternext;
  for (;;) {
    Value item = next ? next(f->iter) : iter_next(f->iter);
    if (!item) return Value();
    int t;
    if (truth_only) {
      t = is_true(item);
    } else {
      Value r = call(f->func, &item, 1);
      if (!r) return Value();
      t = is_true(r);
    }
    if (t < 0) return Value();
    if (t) return item;
  }
}

// ---------------------------------------------------------------------------------------------
// reversed

Value raise_not_reversible(Value seq) {
  return raise(&exc_TypeError, std::string("'") + type_name(seq) + "' object is not reversible");
}

Value reversed_make(Type* type, Value seq) {
  static Str* reversed_name = intern("__reversed__");
  if (type == &reversed_type) {
    Value attr = type_lookup(type_of(seq), reversed_name);
    if (attr) {
      if (is_none(attr)) return raise_not_reversible(seq);
      return call_special_optional(seq, reversed_name, nullptr, 0);
    }
  }
  Type* t = type_of(seq);
  if (!t->mp_subscript || !t->mp_length || dict_check(seq)) return raise_not_reversible(seq);
  int64_t n = length(seq);
  if (n < 0) return Value();
  Reversed* r = new_instance<Reversed>(type, &reversed_type);
  r->seq = seq;
  r->index = n - 1;
  return r;
}

Value reversed_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &reversed_type && !check_no_kwargs("reversed", kwnames)) return Value();
  if (nargs != 1) return raise(&exc_TypeError, "reversed expected 1 argument, got " + std::to_string(nargs));
  return reversed_make(type, args[0]);
}

Value reversed_next(Value self) {
  Reversed* r = self.as<Reversed>();
  if (!r->seq) return Value();
  if (r->index >= 0) {
    Value v = getitem(r->seq, Value::small_int(r->index));
    if (v) {
      r->index--;
      return v;
    }
    if (!ends_sequence()) return Value();
  }
  r->seq = Value();
  return Value();
}

Value reversed_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  Reversed* r = self.as<Reversed>();
  return Value::small_int(r->seq ? r->index + 1 : 0);
}

const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// The sequence and callable iterators

Value seq_iterator_next(Value self) {
  SeqIterator* it = self.as<SeqIterator>();
  if (!it->seq) return Value();
  Value v = getitem(it->seq, Value::small_int(it->index));
  if (v) {
    it->index++;
    return v;
  }
  if (ends_sequence()) it->seq = Value();
  return Value();
}

Value callable_iterator_next(Value self) {
  CallableIterator* it = self.as<CallableIterator>();
  if (!it->callable) return Value();
  Value v = call(it->callable, nullptr, 0);
  if (!v) {
    if (error_matches(&exc_StopIteration)) {
      error_clear();
      it->callable = Value();
    }
    return Value();
  }
  int eq = equals(v, it->sentinel);
  if (eq < 0) return Value();
  if (eq) {
    it->callable = Value();
    return Value();
  }
  return v;
}

void init_iterator_type(Type* t, const char* name, uint32_t basicsize, NewFn tp_new, UnaryFn next,
                        const MethodDef* methods = nullptr) {
  if (tp_new) t->flags |= kTypeBaseType;
  t->basicsize = basicsize;
  t->tp_new = tp_new;
  t->tp_iter = iter_self;
  t->tp_iternext = next;
  type_ready(t, name, &object_type, methods);
}

}  // namespace

Value enumerate_new(Value iterable, Value start) { return enumerate_make(&enumerate_type, iterable, start); }

Value zip_new(const Value* iterables, size_t n, bool strict) { return zip_make(&zip_type, iterables, n, strict); }

Value map_new(Value func, const Value* iterables, size_t n) {
  if (n == 0) return raise(&exc_TypeError, "map() must have at least two arguments.");
  return map_make(&map_type, func, iterables, n);
}

Value filter_new(Value func, Value iterable) { return filter_make(&filter_type, func, iterable); }

Value reversed_new(Value seq) { return reversed_make(&reversed_type, seq); }

Value seq_iterator_new(Value seq) {
  SeqIterator* it = alloc<SeqIterator>(&seq_iterator_type);
  it->seq = seq;
  it->index = 0;
  return it;
}

Value callable_iterator_new(Value callable, Value sentinel) {
  CallableIterator* it = alloc<CallableIterator>(&callable_iterator_type);
  it->callable = callable;
  it->sentinel = sentinel;
  return it;
}

void iterators_types_init() {
  init_iterator_type(&enumerate_type, "enumerate", sizeof(Enumerate), enumerate_tp_new, enumerate_next);
  init_iterator_type(&zip_type, "zip", sizeof(Zip), zip_tp_new, zip_next);
  init_iterator_type(&map_type, "map", sizeof(Map), map_tp_new, map_next);
  init_iterator_type(&filter_type, "filter", sizeof(Filter), filter_tp_new, filter_next);
  init_iterator_type(&reversed_type, "reversed", sizeof(Reversed), reversed_tp_new, reversed_next, reversed_methods);
  init_iterator_type(&seq_iterator_type, "iterator", sizeof(SeqIterator), nullptr, seq_iterator_next);
  init_iterator_type(&callable_iterator_type, "callable_iterator", sizeof(CallableIterator), nullptr,
                     callable_iterator_next);
}

}  // namespace minipy
