// The abstract object protocol (see abstract.h): Python's dispatch rules over type slots.
#include "runtime/abstract.h"

#include <cstdio>
#include <string>

#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/union_type.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

// Native recursion (comparing nested containers, repr of deep structures, __instancecheck__
// chains) shares the Python recursion limit, so it ends in RecursionError, not a crash.
class RecursionGuard {
 public:
  explicit RecursionGuard(const char* where) : ts_(current_thread()) {
    if (++ts_->recursion_depth > ts_->recursion_limit) {
      raise(&exc_RecursionError, std::string("maximum recursion depth exceeded") + where);
      failed_ = true;
    }
  }
  ~RecursionGuard() { --ts_->recursion_depth; }
  bool failed() const { return failed_; }

 private:
  ThreadState* ts_;
  bool failed_ = false;
};

std::string quoted_type(Value v) { return std::string("'") + type_name(v) + "'"; }

const char* const kBinarySymbols[] = {"+", "-", "*", "@", "/", "//", "%", "** or pow()",
                                      "<<", ">>", "&", "|", "^", "divmod()"};
const char* const kInplaceSymbols[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=",
                                       "<<=", ">>=", "&=", "|=", "^=", "divmod()"};
static_assert(sizeof(kBinarySymbols) / sizeof(kBinarySymbols[0]) == static_cast<size_t>(BinaryOp::kCount));
const char* const kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// Python's binary dispatch: a's slot, then b's; b's first when b's type is a subclass of a's
// that provides its own slot. NotImplemented from a slot means "try the other".
Value binary_op1(int op, Value a, Value b) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  BinaryFn fa = ta->nb.binary[op];
  BinaryFn fb = tb->nb.binary[op];
  if (fb == fa) fb = nullptr;
  if (fa) {
    if (fb && is_subtype(tb, ta)) {
      Value r = fb(a, b);
      if (!r || !is_not_implemented(r)) return r;
      fb = nullptr;
    }
    Value r = fa(a, b);
    if (!r || !is_not_implemented(r)) return r;
  }
  if (fb) return fb(a, b);
  return not_implemented_value();
}

// Types whose items deletion messages call "doesn't support" (CPython's sequences).
bool is_immutable_sequence(Type* t) {
  return (t->flags & (kTypeStrSubclass | kTypeTupleSubclass)) || is_subtype(t, &bytes_type) ||
         t == &range_type;
}

bool is_method_like(Type* t) { return (t->flags & kTypeMethodDescriptor) || t == &function_type; }

// Appends the code points of UTF-8 `s`, escaping non-ASCII ones as ascii() does.
std::string ascii_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++p;
      continue;
    }
    int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && p + k < end; ++k) cp = (cp << 6) | (p[k] & 0x3F);
    p += n;
    char buf[16];
    if (cp <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    } else if (cp <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    }
    out += buf;
  }
  return out;
}

// The abstract-class protocol behind issubclass() for objects that are not types but have
// __bases__: is `derived` (transitively through __bases__) `cls`?
Value abstract_get_bases(Value cls) {
  Value bases = getattr_optional(cls, NAME(__bases__));
  if (!bases || !tuple_check(bases)) return Value();
  return bases;
}

int abstract_issubclass(Value derived, Value cls) {
  RecursionGuard guard(" in __subclasscheck__");
  if (guard.failed()) return -1;
  for (;;) {
    if (derived.is(cls)) return 1;
    Value bases = abstract_get_bases(derived);
    if (!bases) return error_pending() ? -1 : 0;
    Tuple* t = bases.as<Tuple>();
    if (t->size == 0) return 0;
    if (t->size == 1) {
      derived = (*t)[0];
      continue;
    }
    for (int64_t i = 0; i < t->size; ++i) {
      int r = abstract_issubclass((*t)[i], cls);
      if (r) return r;
    }
    return 0;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------------------------

Value getattr(Value obj, Str* name) {
  GetAttrFn f = type_of(obj)->tp_getattr;
  if (!f) f = &object_generic_getattr;
  return f(obj, name);
}

Value getattr_cstr(Value obj, const char* name) { return getattr(obj, intern(name)); }

Value getattr_optional(Value obj, Str* name) {
  GetAttrFn f = type_of(obj)->tp_getattr;
  Value r = (!f || f == &object_generic_getattr) ? generic_getattr_suppress(obj, name) : f(obj, name);
  if (!r && error_matches(&exc_AttributeError)) error_clear();
  return r;
}

int setattr(Value obj, Str* name, Value v) {
  if (!(name->flags & kStrInterned)) name = str_intern(name);
  SetAttrFn f = type_of(obj)->tp_setattr;
  if (!f) f = &object_generic_setattr;
  return f(obj, name, v);
}

int delattr(Value obj, Str* name) { return setattr(obj, name, Value()); }

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

Value call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  CallFn f = type_of(callable)->tp_call;
  if (!f) return raise(&exc_TypeError, quoted_type(callable) + " object is not callable");
  return f(callable, args, nargs, kwnames);
}

Value call(Value callable, std::initializer_list<Value> args) {
  return call(callable, args.begin(), args.size(), nullptr);
}

Value call_tuple_dict(Value callable, Tuple* args, Dict* kwargs) {
  int64_t nkw = kwargs ? dict_size(kwargs) : 0;
  if (nkw == 0) return call(callable, args->items(), static_cast<size_t>(args->size), nullptr);
  size_t total = static_cast<size_t>(args->size + nkw);
  Value small[16];
  Value* buf = total <= 16 ? small : static_cast<Value*>(gc_malloc(total * sizeof(Value)));
  for (int64_t i = 0; i < args->size; ++i) buf[i] = (*args)[i];
  Tuple* kwnames = tuple_new(nkw);
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(kwargs, &pos, &key, &value)) {
    if (!str_check(key)) return raise(&exc_TypeError, "keywords must be strings");
    (*kwnames)[k] = key;
    buf[args->size + k] = value;
    ++k;
  }
  return call(callable, buf, static_cast<size_t>(args->size), kwnames);
}

Value call_method(Value obj, Str* name, std::initializer_list<Value> args) {
  Type* t = type_of(obj);
  if (t->tp_getattr == &object_generic_getattr) {
    Value descr = type_lookup(t, name);
    if (descr && is_method_like(type_of(descr))) {
      // An instance attribute of the same name shadows the method.
      if (Dict* d = t->dict_offset ? instance_dict(obj, false) : nullptr) {
        Value shadow = dict_get_str(d, name);
        if (shadow) return call(shadow, args.begin(), args.size(), nullptr);
      }
      return call_prepend(descr, obj, args.begin(), args.size(), nullptr);
    }
  }
  Value m = getattr(obj, name);
  if (!m) return m;
  return call(m, args.begin(), args.size(), nullptr);
}

Value call_method_cstr(Value obj, const char* name, std::initializer_list<Value> args) {
  return call_method(obj, intern(name), args);
}

bool is_callable(Value v) { return type_of(v)->tp_call != nullptr; }

// ---------------------------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------------------------

Value binary_op(BinaryOp op, Value a, Value b) {
  int i = static_cast<int>(op);
  Value r = binary_op1(i, a, b);
  if (!r || !is_not_implemented(r)) return r;
  return raise_unsupported_binary(kBinarySymbols[i], a, b);
}

Value inplace_op(BinaryOp op, Value a, Value b) {
  int i = static_cast<int>(op);
  if (BinaryFn f = type_of(a)->nb.inplace[i]) {
    Value r = f(a, b);
    if (!r || !is_not_implemented(r)) return r;
  }
  Value r = binary_op1(i, a, b);
  if (!r || !is_not_implemented(r)) return r;
  return raise_unsupported_binary(kInplaceSymbols[i], a, b);
}

Value power(Value a, Value b, Value mod) {
  if (!mod || is_none(mod)) return binary_op(BinaryOp::Pow, a, b);
  // Three-argument pow: each operand's ternary slot in turn, no reflection rules beyond that.
  Type* types[3] = {type_of(a), type_of(b), type_of(mod)};
  TernaryFn tried[3] = {nullptr, nullptr, nullptr};
  for (int i = 0; i < 3; ++i) {
    TernaryFn f = types[i]->nb.pow3;
    if (!f || f == tried[0] || f == tried[1]) continue;
    tried[i] = f;
    Value r = f(a, b, mod);
    if (!r || !is_not_implemented(r)) return r;
  }
  return raise(&exc_TypeError, "unsupported operand type(s) for ** or pow(): " + quoted_type(a) + ", " +
                                   quoted_type(b) + ", " + quoted_type(mod));
}

Value unary_negative(Value v) {
  if (UnaryFn f = type_of(v)->nb.neg) return f(v);
  return raise(&exc_TypeError, "bad operand type for unary -: " + quoted_type(v));
}

Value unary_positive(Value v) {
  if (UnaryFn f = type_of(v)->nb.pos) return f(v);
  return raise(&exc_TypeError, "bad operand type for unary +: " + quoted_type(v));
}

Value unary_invert(Value v) {
  if (UnaryFn f = type_of(v)->nb.invert) return f(v);
  return raise(&exc_TypeError, "bad operand type for unary ~: " + quoted_type(v));
}

Value absolute(Value v) {
  if (UnaryFn f = type_of(v)->nb.abs) return f(v);
  return raise(&exc_TypeError, "bad operand type for abs(): " + quoted_type(v));
}

Value compare(Value a, Value b, CompareOp op) {
  RecursionGuard guard(" in comparison");
  if (guard.failed()) return Value();
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool checked_reverse = false;
  if (ta != tb && tb->tp_richcompare && is_subtype(tb, ta)) {
    checked_reverse = true;
    Value r = tb->tp_richcompare(b, a, swapped(op));
    if (!r || !is_not_implemented(r)) return r;
  }
  if (ta->tp_richcompare) {
    Value r = ta->tp_richcompare(a, b, op);
    if (!r || !is_not_implemented(r)) return r;
  }
  if (!checked_reverse && tb->tp_richcompare) {
    Value r = tb->tp_richcompare(b, a, swapped(op));
    if (!r || !is_not_implemented(r)) return r;
  }
  // Neither side knows: == and != fall back to identity, ordering is an error.
  if (op == CompareOp::Eq) return bool_value(a.is(b));
  if (op == CompareOp::Ne) return bool_value(!a.is(b));
  return raise(&exc_TypeError, std::string("'") + kCompareSymbols[static_cast<int>(op)] +
                                   "' not supported between instances of " + quoted_type(a) + " and " +
                                   quoted_type(b));
}

int compare_bool(Value a, Value b, CompareOp op) {
  // Identity implies equality here (containers rely on it, as in CPython).
  if (a.is(b)) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  Value r = compare(a, b, op);
  if (!r) return -1;
  if (r.is(true_value())) return 1;
  if (r.is(false_value())) return 0;
  return is_true(r);
}

int equals(Value a, Value b) {
  if (a.is(b)) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (str_check_exact(a) && str_check_exact(b)) return str_equal(a.as<Str>(), b.as<Str>());
  return compare_bool(a, b, CompareOp::Eq);
}

int is_true(Value v) {
  if (v.is(true_value())) return 1;
  if (v.is(false_value()) || is_none(v)) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  Type* t = type_of(v);
  if (t->nb.boolean) return t->nb.boolean(v);
  if (t->mp_length) {
    int64_t n = t->mp_length(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t hash(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
    if (i > -kModulus && i < kModulus) return i == -1 ? -2 : i;
  } else if (type_of(v) == &str_type) {
    Str* s = v.as<Str>();
    if (s->hash != -1) return s->hash;
  }
  HashFn f = type_of(v)->tp_hash;
  if (!f) return hash_not_implemented(v);
  return f(v);
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

Value repr(Value v) {
  RecursionGuard guard(" while getting the repr of an object");
  if (guard.failed()) return Value();
  Value r = type_of(v)->tp_repr(v);
  if (r && !str_check(r)) {
    return raise(&exc_TypeError, std::string("__repr__ returned non-string (type ") + type_name(r) + ")");
  }
  return r;
}

Value to_str(Value v) {
  if (str_check_exact(v)) return v;
  RecursionGuard guard(" while getting the str of an object");
  if (guard.failed()) return Value();
  UnaryFn f = type_of(v)->tp_str;
  Value r = f ? f(v) : repr(v);
  if (r && !str_check(r)) {
    return raise(&exc_TypeError, std::string("__str__ returned non-string (type ") + type_name(r) + ")");
  }
  return r;
}

Value ascii(Value v) {
  Value r = repr(v);
  if (!r) return r;
  Str* s = r.as<Str>();
  if (s->is_ascii()) return r;
  return Value(str_new(ascii_escape(s->view())));
}

Value format(Value v, Str* spec) {
  if (!spec) spec = intern("");
  if (spec->size == 0 && str_check_exact(v)) return v;
  Value meth = type_lookup(type_of(v), NAME(__format__));
  if (!meth) {
    return raise(&exc_TypeError, std::string("Type ") + type_name(v) + " doesn't define __format__");
  }
  Value arg = Value(spec);
  Value r = call_bound(meth, v, &arg, 1);
  if (r && !str_check(r)) {
    return raise(&exc_TypeError, std::string("__format__ must return a str, not ") + type_name(r));
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------------------------

Value get_iter(Value v) {
  Type* t = type_of(v);
  if (t->tp_iter) {
    Value it = t->tp_iter(v);
    if (it && !type_of(it)->tp_iternext) {
      return raise(&exc_TypeError, std::string("iter() returned non-iterator of type ") + quoted_type(it));
    }
    return it;
  }
  // The old sequence protocol: __getitem__ with 0, 1, 2 ... until IndexError.
  if (t->mp_subscript && !(t->flags & kTypeDictSubclass)) return seq_iterator_new(v);
  return raise(&exc_TypeError, quoted_type(v) + " object is not iterable");
}

Value iter_next(Value iterator) {
  UnaryFn f = type_of(iterator)->tp_iternext;
  if (!f) return raise(&exc_TypeError, quoted_type(iterator) + " object is not an iterator");
  Value r = f(iterator);
  if (!r && error_matches(&exc_StopIteration)) error_clear();
  return r;
}

// ---------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------

Value getitem(Value container, Value key) {
  Type* t = type_of(container);
  if (t->mp_subscript) return t->mp_subscript(container, key);
  if (t->flags & kTypeTypeSubclass) {
    // list[int], and classes that define __class_getitem__.
    Type* cls = container.as<Type>();
    Value meth = type_lookup(cls, NAME(__class_getitem__));
    if (meth) {
      if (DescrGetFn get = type_of(meth)->tp_descr_get) {
        meth = get(meth, Value(), container);
        if (!meth) return meth;
      }
      return call(meth, {key});
    }
    return raise(&exc_TypeError, std::string("type '") + cls->name + "' is not subscriptable");
  }
  return raise(&exc_TypeError, quoted_type(container) + " object is not subscriptable");
}

int setitem(Value container, Value key, Value v) {
  Type* t = type_of(container);
  if (t->mp_ass_subscript) return t->mp_ass_subscript(container, key, v);
  if (v) {
    raise(&exc_TypeError, quoted_type(container) + " object does not support item assignment");
  } else if (is_immutable_sequence(t) && (int_check(key) || type_of(key)->nb.index)) {
    raise(&exc_TypeError, quoted_type(container) + " object doesn't support item deletion");
  } else {
    raise(&exc_TypeError, quoted_type(container) + " object does not support item deletion");
  }
  return -1;
}

int delitem(Value container, Value key) { return setitem(container, key, Value()); }

int64_t length(Value v) {
  if (LenFn f = type_of(v)->mp_length) return f(v);
  raise(&exc_TypeError, "object of type " + quoted_type(v) + " has no len()");
  return -1;
}

int contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->sq_contains) return t->sq_contains(container, item);
  if (!t->tp_iter && !t->mp_subscript) {
    raise(&exc_TypeError, "argument of type " + quoted_type(container) + " is not iterable");
    return -1;
  }
  Value it = get_iter(container);
  if (!it) return -1;
  for (;;) {
    Value x = iter_next(it);
    if (!x) return error_pending() ? -1 : 0;
    int eq = equals(x, item);
    if (eq) return eq;
  }
}

// ---------------------------------------------------------------------------------------------
// isinstance / issubclass
// ---------------------------------------------------------------------------------------------

int object_isinstance_default(Value obj, Value cls) {
  if (isinstance_fast(cls, &type_type)) {
    Type* t = cls.as<Type>();
    Type* ot = type_of(obj);
    if (ot == t || is_subtype(ot, t)) return 1;
    // An object may present another class through __class__ (proxies): only consult it when
    // the type overrides object's own __class__.
    Value descr = type_lookup(ot, NAME(__class__));
    Value base_descr = dict_get_str(object_type.dict, NAME(__class__));
    if (descr && descr.is(base_descr)) return 0;
    Value icls = getattr_optional(obj, NAME(__class__));
    if (!icls) return error_pending() ? -1 : 0;
    if (!icls.is(Value(ot)) && isinstance_fast(icls, &type_type)) return is_subtype(icls.as<Type>(), t);
    return 0;
  }
  if (!abstract_get_bases(cls)) {
    if (!error_pending()) raise(&exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  Value icls = getattr_optional(obj, NAME(__class__));
  if (!icls) return error_pending() ? -1 : 0;
  return abstract_issubclass(icls, cls);
}

int object_issubclass_default(Value derived, Value cls) {
  if (isinstance_fast(cls, &type_type) && isinstance_fast(derived, &type_type)) {
    return is_subtype(derived.as<Type>(), cls.as<Type>());
  }
  if (!isinstance_fast(derived, &type_type) && !abstract_get_bases(derived)) {
    if (!error_pending()) raise(&exc_TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!isinstance_fast(cls, &type_type) && !abstract_get_bases(cls)) {
    if (!error_pending()) {
      raise(&exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    return -1;
  }
  return abstract_issubclass(derived, cls);
}

// isinstance(x, int | str) tests the union's members in turn.
Value union_members(Value cls) { return Value(cls.as<Union>()->args); }

// list[int] and friends cannot be tested against (CPython's message).
int raise_parameterized(const char* fname) {
  raise(&exc_TypeError, std::string(fname) + "() argument 2 cannot be a parameterized generic");
  return -1;
}

int isinstance(Value obj, Value cls) {
  Type* ot = type_of(obj);
  if (Value(ot).is(cls)) return 1;
  Type* ct = type_of(cls);
  if (ct == &type_type) return object_isinstance_default(obj, cls);
  if (ct == &union_type) cls = union_members(cls);
  if (ct == &generic_alias_type) return raise_parameterized("isinstance");
  if (tuple_check(cls)) {
    RecursionGuard guard(" in __instancecheck__");
    if (guard.failed()) return -1;
    Tuple* t = cls.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
      int r = isinstance(obj, (*t)[i]);
      if (r) return r;
    }
    return 0;
  }
  Value checker = type_lookup(ct, NAME(__instancecheck__));
  if (checker) {
    RecursionGuard guard(" in __instancecheck__");
    if (guard.failed()) return -1;
    Value r = call_bound(checker, cls, &obj, 1);
    if (!r) return -1;
    return is_true(r);
  }
  return object_isinstance_default(obj, cls);
}

int issubclass(Value derived, Value cls) {
  Type* ct = type_of(cls);
  if (ct == &type_type) {
    if (isinstance_fast(derived, &type_type)) return is_subtype(derived.as<Type>(), cls.as<Type>());
    return object_issubclass_default(derived, cls);
  }
  if (ct == &union_type) cls = union_members(cls);
  if (ct == &generic_alias_type) return raise_parameterized("issubclass");
  if (tuple_check(cls)) {
    RecursionGuard guard(" in __subclasscheck__");
    if (guard.failed()) return -1;
    Tuple* t = cls.as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) {
      int r = issubclass(derived, (*t)[i]);
      if (r) return r;
    }
    return 0;
  }
  Value checker = type_lookup(ct, NAME(__subclasscheck__));
  if (checker) {
    RecursionGuard guard(" in __subclasscheck__");
    if (guard.failed()) return -1;
    Value r = call_bound(checker, cls, &derived, 1);
    if (!r) return -1;
    return is_true(r);
  }
  return object_issubclass_default(derived, cls);
}

// ---------------------------------------------------------------------------------------------
// Number conversions
// ---------------------------------------------------------------------------------------------

Value number_index(Value v) {
  if (v.is_small_int() || int_check(v)) return v;
  UnaryFn f = type_of(v)->nb.index;
  if (!f) return raise(&exc_TypeError, quoted_type(v) + " object cannot be interpreted as an integer");
  Value r = f(v);
  if (r && !int_check(r)) {
    return raise(&exc_TypeError, std::string("__index__ returned non-int (type ") + type_name(r) + ")");
  }
  return r;
}

Value number_int(Value v) {
  if (v.is_small_int() || int_check_exact(v)) return v;
  return int_type.tp_new(&int_type, &v, 1, nullptr);
}

Value number_float(Value v) {
  if (float_check_exact(v)) return v;
  return float_type.tp_new(&float_type, &v, 1, nullptr);
}

}  // namespace minipy
