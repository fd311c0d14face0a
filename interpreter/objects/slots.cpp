// Slots <-> dunders (see slots.h). The table below is the single description of which dunder
// feeds which slot; wrappers (native slot called from Python) and dispatchers (Python dunder
// called through a slot) are both derived from it.
#include "objects/slots.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace minipy {

// Implemented in type.cpp: visits t and, recursively, every live subclass.
void type_visit_subclasses(Type* t, void (*fn)(Type*, void*), void* ctx);

namespace {

// ---------------------------------------------------------------------------------------------
// Calling helpers
// ---------------------------------------------------------------------------------------------

Value raise_missing(Str* name) {
  return raise_with_args(&exc_AttributeError, tuple_of({Value(name)}));
}

// type(self).name(self, *args); AttributeError(name) when the type lacks it.
Value call_special_required(Value self, Str* name, std::initializer_list<Value> args) {
  Value f = type_lookup(type_of(self), name);
  if (!f) return raise_missing(name);
  return call_bound(f, self, args.begin(), args.size());
}

// As above, but a missing method means NotImplemented (binary operator dunders).
Value call_special_or_notimpl(Value self, Str* name, Value arg) {
  Value f = type_lookup(type_of(self), name);
  if (!f) return not_implemented_value();
  return call_bound(f, self, &arg, 1);
}

// ---------------------------------------------------------------------------------------------
// Dispatchers installed in heap types
// ---------------------------------------------------------------------------------------------

Value slot_tp_repr(Value self) { return call_special_required(self, NAME(__repr__), {}); }
Value slot_tp_str(Value self) { return call_special_required(self, NAME(__str__), {}); }

int64_t slot_tp_hash(Value self) {
  Value f = type_lookup(type_of(self), NAME(__hash__));
  if (!f || is_none(f)) return hash_not_implemented(self);
  Value r = call_bound(f, self, nullptr, 0);
  if (!r) return -1;
  if (!int_check(r)) {
    raise(&exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // Values that fit a machine word are their own hash, as in CPython; larger ones are
  // reduced the way int hashes are.
  int64_t h;
  if (int_to_i64(r, &h)) return h == -1 ? -2 : h;
  return int_type.tp_hash(r);
}

Str* compare_name(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return NAME(__lt__);
    case CompareOp::Le: return NAME(__le__);
    case CompareOp::Eq: return NAME(__eq__);
    case CompareOp::Ne: return NAME(__ne__);
    case CompareOp::Gt: return NAME(__gt__);
    case CompareOp::Ge: return NAME(__ge__);
  }
  return nullptr;
}

Value slot_tp_richcompare(Value self, Value other, CompareOp op) {
  return call_special_or_notimpl(self, compare_name(op), other);
}

// __getattribute__, then __getattr__ when the former raises AttributeError.
Value slot_tp_getattr_hook(Value self, Str* name) {
  Type* tp = type_of(self);
  Value getattribute = type_lookup(tp, NAME(__getattribute__));
  Value getattr_hook = type_lookup(tp, NAME(__getattr__));
  Value res;
  // The common case is object's own __getattribute__: call its slot directly, and when a
  // __getattr__ follows, without creating the AttributeError it would swallow.
  if (getattribute && type_of(getattribute) == &wrapper_descriptor_type &&
      getattribute.as<SlotWrapper>()->fn == reinterpret_cast<void*>(&object_generic_getattr)) {
    if (getattr_hook) {
      res = generic_getattr_suppress(self, name);
      if (res || error_pending()) return res;
      Value arg = name;
      return call_bound(getattr_hook, self, &arg, 1);
    }
    return object_generic_getattr(self, name);
  }
  if (!getattribute) return raise_attribute_error(self, name);
  Value arg = name;
  res = call_bound(getattribute, self, &arg, 1);
  if (!res && getattr_hook && error_matches(&exc_AttributeError)) {
    error_clear();
    res = call_bound(getattr_hook, self, &arg, 1);
  }
  return res;
}

int slot_tp_setattr(Value self, Str* name, Value v) {
  Value r = v ? call_special_required(self, NAME(__setattr__), {Value(name), v})
              : call_special_required(self, NAME(__delattr__), {Value(name)});
  return r ? 0 : -1;
}

Value slot_tp_descr_get(Value self, Value obj, Value type) {
  Value f = type_lookup(type_of(self), NAME(__get__));
  if (!f) return self;
  Value args[2] = {obj ? obj : none_value(), type ? type : none_value()};
  return call_bound(f, self, args, 2);
}

int slot_tp_descr_set(Value self, Value obj, Value v) {
  Value r = v ? call_special_required(self, NAME(__set__), {obj, v})
              : call_special_required(self, NAME(__delete__), {obj});
  return r ? 0 : -1;
}

Value slot_tp_iter(Value self) {
  Value f = type_lookup(type_of(self), NAME(__iter__));
  if (!f || is_none(f)) {
    return raise(&exc_TypeError, std::string("'") + type_name(self) + "' object is not iterable");
  }
  return call_bound(f, self, nullptr, 0);
}

Value slot_tp_iternext(Value self) {
  Value r = call_special_required(self, NAME(__next__), {});
  // The slot convention reports exhaustion as null without an exception.
  if (!r && error_matches(&exc_StopIteration)) error_clear();
  return r;
}

int64_t slot_mp_length(Value self) {
  Value r = call_special_required(self, NAME(__len__), {});
  if (!r) return -1;
  int64_t n;
  if (!index_to_i64(r, &n)) return -1;
  if (n < 0) {
    raise(&exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

Value slot_mp_subscript(Value self, Value key) {
  return call_special_required(self, NAME(__getitem__), {key});
}

int slot_mp_ass_subscript(Value self, Value key, Value v) {
  Value r = v ? call_special_required(self, NAME(__setitem__), {key, v})
              : call_special_required(self, NAME(__delitem__), {key});
  return r ? 0 : -1;
}

int slot_sq_contains(Value self, Value item) {
  Value f = type_lookup(type_of(self), NAME(__contains__));
  if (!f || is_none(f)) {
    raise(&exc_TypeError, std::string("'") + type_name(self) + "' object is not a container");
    return -1;
  }
  Value r = call_bound(f, self, &item, 1);
  if (!r) return -1;
  return is_true(r);
}

const char* const kBinaryNames[][3] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"}, {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},          {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"}, {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},          {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},          {"__divmod__", "__rdivmod__", nullptr},
};
constexpr int kNumBinary = static_cast<int>(BinaryOp::kCount);
static_assert(sizeof(kBinaryNames) / sizeof(kBinaryNames[0]) == kNumBinary, "one row per BinaryOp");
Str* binary_names[kNumBinary][3];

// True if `name` resolves to different objects on `derived` and `base` (the reflected method
// of a subclass is only preferred when the subclass really overrides it).
bool method_is_overloaded(Type* base, Type* derived, Str* name) {
  Value d = type_lookup(derived, name);
  if (!d) return false;
  Value b = type_lookup(base, name);
  return !b || !b.is(d);
}

// Python's rules for `a OP b` when a class implements the operator with dunders: the
// dispatcher serves both the forward call (self is a) and the reflected one (self is b).
template <int Op>
Value slot_nb_binary(Value a, Value b) {
  Str* fwd = binary_names[Op][0];
  Str* rev = binary_names[Op][1];
  BinaryFn me = &slot_nb_binary<Op>;
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool do_other = ta != tb && tb->nb.binary[Op] == me;
  if (ta->nb.binary[Op] == me) {
    if (do_other && is_subtype(tb, ta) && method_is_overloaded(ta, tb, rev)) {
      Value r = call_special_or_notimpl(b, rev, a);
      if (!r || !is_not_implemented(r)) return r;
      do_other = false;
    }
    Value r = call_special_or_notimpl(a, fwd, b);
    if (!r || !is_not_implemented(r) || ta == tb) return r;
  }
  if (do_other) return call_special_or_notimpl(b, rev, a);
  return not_implemented_value();
}

template <int Op>
Value slot_nb_inplace(Value a, Value b) {
  return call_special_or_notimpl(a, binary_names[Op][2], b);
}

Value slot_nb_pow3(Value a, Value b, Value mod) {
  if (type_of(a)->nb.pow3 != &slot_nb_pow3) return not_implemented_value();
  Value f = type_lookup(type_of(a), NAME(__pow__));
  if (!f) return not_implemented_value();
  Value args[2] = {b, mod};
  return call_bound(f, a, args, 2);
}

Value slot_nb_neg(Value v) { return call_special_required(v, NAME(__neg__), {}); }
Value slot_nb_pos(Value v) { return call_special_required(v, NAME(__pos__), {}); }
Value slot_nb_invert(Value v) { return call_special_required(v, NAME(__invert__), {}); }
Value slot_nb_abs(Value v) { return call_special_required(v, NAME(__abs__), {}); }
Value slot_nb_index(Value v) { return call_special_required(v, NAME(__index__), {}); }
Value slot_nb_int(Value v) { return call_special_required(v, NAME(__int__), {}); }
Value slot_nb_float(Value v) { return call_special_required(v, NAME(__float__), {}); }

int slot_nb_bool(Value self) {
  Value f = type_lookup(type_of(self), NAME(__bool__));
  if (!f) return 1;
  Value r = call_bound(f, self, nullptr, 0);
  if (!r) return -1;
  if (r.is(true_value())) return 1;
  if (r.is(false_value())) return 0;
  raise(&exc_TypeError, std::string("__bool__ should return bool, returned ") + type_name(r));
  return -1;
}

int slot_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type_of(self), NAME(__init__));
  if (!f) {
    raise_missing(NAME(__init__));
    return -1;
  }
  Value r = call_bound(f, self, args, nargs, kwnames);
  if (!r) return -1;
  if (!is_none(r)) {
    raise(&exc_TypeError, std::string("__init__() should return None, not '") + type_name(r) + "'");
    return -1;
  }
  return 0;
}

Value slot_tp_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type_of(self), NAME(__call__));
  if (!f) return raise(&exc_TypeError, std::string("'") + type_name(self) + "' object is not callable");
  return call_bound(f, self, args, nargs, kwnames);
}

Value slot_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value f = type_lookup(type, NAME(__new__));
  if (!f) return raise_missing(NAME(__new__));
  // __new__ is a static method: unwrap it through its __get__ before calling with the class.
  if (DescrGetFn get = type_of(f)->tp_descr_get) {
    f = get(f, Value(), Value(type));
    if (!f) return f;
  }
  return call_prepend(f, Value(type), args, nargs, kwnames);
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

template <class F>
void* fnptr(F f) {
  return reinterpret_cast<void*>(f);
}

#define OFF(field) static_cast<uint32_t>(offsetof(Type, field))
#define BIN(op, lname, rname, iname)                                                           \
  {lname, OFF(nb.binary[static_cast<int>(BinaryOp::op)]), SlotKind::BinaryL,                   \
   static_cast<uint8_t>(BinaryOp::op), fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::op)>), \
   nullptr},                                                                                   \
      {rname, OFF(nb.binary[static_cast<int>(BinaryOp::op)]), SlotKind::BinaryR,               \
       static_cast<uint8_t>(BinaryOp::op),                                                     \
       fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::op)>), nullptr},                       \
      {iname, OFF(nb.inplace[static_cast<int>(BinaryOp::op)]), SlotKind::Inplace,              \
       static_cast<uint8_t>(BinaryOp::op),                                                     \
       fnptr(&slot_nb_inplace<static_cast<int>(BinaryOp::op)>), nullptr}
#define CMP(name, op)                                                                          \
  {name, OFF(tp_richcompare), SlotKind::RichCmp, static_cast<uint8_t>(CompareOp::op),          \
   fnptr(&slot_tp_richcompare), nullptr}

SlotDef slotdefs[] = {
    {"__new__", OFF(tp_new), SlotKind::New, 0, fnptr(&slot_tp_new), nullptr},
    {"__init__", OFF(tp_init), SlotKind::Init, 0, fnptr(&slot_tp_init), nullptr},
    {"__call__", OFF(tp_call), SlotKind::Call, 0, fnptr(&slot_tp_call), nullptr},
    {"__repr__", OFF(tp_repr), SlotKind::Unary, 0, fnptr(&slot_tp_repr), nullptr},
    {"__str__", OFF(tp_str), SlotKind::Unary, 0, fnptr(&slot_tp_str), nullptr},
    {"__hash__", OFF(tp_hash), SlotKind::Hash, 0, fnptr(&slot_tp_hash), nullptr},
    CMP("__lt__", Lt),
    CMP("__le__", Le),
    CMP("__eq__", Eq),
    CMP("__ne__", Ne),
    CMP("__gt__", Gt),
    CMP("__ge__", Ge),
    {"__getattribute__", OFF(tp_getattr), SlotKind::GetAttr, 0, fnptr(&slot_tp_getattr_hook), nullptr},
    {"__getattr__", OFF(tp_getattr), SlotKind::GetAttrHook, 0, fnptr(&slot_tp_getattr_hook), nullptr},
    {"__setattr__", OFF(tp_setattr), SlotKind::SetAttr, 0, fnptr(&slot_tp_setattr), nullptr},
    {"__delattr__", OFF(tp_setattr), SlotKind::DelAttr, 0, fnptr(&slot_tp_setattr), nullptr},
    {"__get__", OFF(tp_descr_get), SlotKind::DescrGet, 0, fnptr(&slot_tp_descr_get), nullptr},
    {"__set__", OFF(tp_descr_set), SlotKind::DescrSet, 0, fnptr(&slot_tp_descr_set), nullptr},
    {"__delete__", OFF(tp_descr_set), SlotKind::DescrDelete, 0, fnptr(&slot_tp_descr_set), nullptr},
    {"__iter__", OFF(tp_iter), SlotKind::Unary, 0, fnptr(&slot_tp_iter), nullptr},
    {"__next__", OFF(tp_iternext), SlotKind::IterNext, 0, fnptr(&slot_tp_iternext), nullptr},
    {"__len__", OFF(mp_length), SlotKind::Len, 0, fnptr(&slot_mp_length), nullptr},
    {"__getitem__", OFF(mp_subscript), SlotKind::GetItem, 0, fnptr(&slot_mp_subscript), nullptr},
    {"__setitem__", OFF(mp_ass_subscript), SlotKind::SetItem, 0, fnptr(&slot_mp_ass_subscript), nullptr},
    {"__delitem__", OFF(mp_ass_subscript), SlotKind::DelItem, 0, fnptr(&slot_mp_ass_subscript), nullptr},
    {"__contains__", OFF(sq_contains), SlotKind::Contains, 0, fnptr(&slot_sq_contains), nullptr},
    BIN(Add, "__add__", "__radd__", "__iadd__"),
    BIN(Sub, "__sub__", "__rsub__", "__isub__"),
    BIN(Mul, "__mul__", "__rmul__", "__imul__"),
    BIN(MatMul, "__matmul__", "__rmatmul__", "__imatmul__"),
    BIN(TrueDiv, "__truediv__", "__rtruediv__", "__itruediv__"),
    BIN(FloorDiv, "__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    BIN(Mod, "__mod__", "__rmod__", "__imod__"),
    {"__pow__", OFF(nb.binary[static_cast<int>(BinaryOp::Pow)]), SlotKind::PowL,
     static_cast<uint8_t>(BinaryOp::Pow), fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::Pow)>), nullptr},
    {"__rpow__", OFF(nb.binary[static_cast<int>(BinaryOp::Pow)]), SlotKind::PowR,
     static_cast<uint8_t>(BinaryOp::Pow), fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::Pow)>), nullptr},
    {"__ipow__", OFF(nb.inplace[static_cast<int>(BinaryOp::Pow)]), SlotKind::Inplace,
     static_cast<uint8_t>(BinaryOp::Pow), fnptr(&slot_nb_inplace<static_cast<int>(BinaryOp::Pow)>), nullptr},
    {"__pow__", OFF(nb.pow3), SlotKind::Pow3, 0, fnptr(&slot_nb_pow3), nullptr},
    BIN(LShift, "__lshift__", "__rlshift__", "__ilshift__"),
    BIN(RShift, "__rshift__", "__rrshift__", "__irshift__"),
    BIN(And, "__and__", "__rand__", "__iand__"),
    BIN(Or, "__or__", "__ror__", "__ior__"),
    BIN(Xor, "__xor__", "__rxor__", "__ixor__"),
    {"__divmod__", OFF(nb.binary[static_cast<int>(BinaryOp::DivMod)]), SlotKind::BinaryL,
     static_cast<uint8_t>(BinaryOp::DivMod), fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::DivMod)>), nullptr},
    {"__rdivmod__", OFF(nb.binary[static_cast<int>(BinaryOp::DivMod)]), SlotKind::BinaryR,
     static_cast<uint8_t>(BinaryOp::DivMod), fnptr(&slot_nb_binary<static_cast<int>(BinaryOp::DivMod)>), nullptr},
    {"__neg__", OFF(nb.neg), SlotKind::Unary, 0, fnptr(&slot_nb_neg), nullptr},
    {"__pos__", OFF(nb.pos), SlotKind::Unary, 0, fnptr(&slot_nb_pos), nullptr},
    {"__invert__", OFF(nb.invert), SlotKind::Unary, 0, fnptr(&slot_nb_invert), nullptr},
    {"__abs__", OFF(nb.abs), SlotKind::Unary, 0, fnptr(&slot_nb_abs), nullptr},
    {"__bool__", OFF(nb.boolean), SlotKind::Inquiry, 0, fnptr(&slot_nb_bool), nullptr},
    {"__index__", OFF(nb.index), SlotKind::Unary, 0, fnptr(&slot_nb_index), nullptr},
    {"__int__", OFF(nb.to_int), SlotKind::Unary, 0, fnptr(&slot_nb_int), nullptr},
    {"__float__", OFF(nb.to_float), SlotKind::Unary, 0, fnptr(&slot_nb_float), nullptr},
};
#undef BIN
#undef CMP

constexpr size_t kNumSlotDefs = sizeof(slotdefs) / sizeof(slotdefs[0]);

// The defs that share one slot (e.g. the six comparisons, __add__/__radd__).
struct SlotGroup {
  uint32_t offset;
  int n;
  const SlotDef* defs[6];
};
SlotGroup groups[kNumSlotDefs];
int num_groups = 0;

void* get_slot(Type* t, uint32_t offset) {
  void* p;
  std::memcpy(&p, reinterpret_cast<char*>(t) + offset, sizeof p);
  return p;
}
void set_slot(Type* t, uint32_t offset, void* fn) {
  std::memcpy(reinterpret_cast<char*>(t) + offset, &fn, sizeof fn);
}

// Decides one slot of heap type t from the dunders its MRO provides: the native function
// itself when every dunder found is a wrapper of the same native slot (so `class L(list)`
// keeps list's fast slots), the dispatcher when any is Python code, null when none exists.
void update_group(Type* t, const SlotGroup& g) {
  void* specific = nullptr;
  bool use_generic = false;
  for (int i = 0; i < g.n && !use_generic; ++i) {
    const SlotDef* def = g.defs[i];
    Value d = type_lookup(t, def->str);
    if (!d) continue;
    void* fn = nullptr;
    Type* dt = type_of(d);
    if (dt == &wrapper_descriptor_type) {
      auto* w = d.as<SlotWrapper>();
      if (is_subtype(t, w->owner)) {
        if (def->kind == SlotKind::Pow3) {
          if (w->def->kind == SlotKind::PowL) fn = reinterpret_cast<void*>(w->owner->nb.pow3);
        } else if (w->def->offset == g.offset) {
          fn = w->fn;
        }
      }
    } else if (def->kind == SlotKind::Hash && is_none(d)) {
      fn = reinterpret_cast<void*>(&hash_not_implemented);
    } else if (def->kind == SlotKind::New && dt == &builtin_function_type &&
               d.as<BuiltinFunction>()->def == &kTpNewDef) {
      Type* owner = d.as<BuiltinFunction>()->self.as<Type>();
      if (is_subtype(t, owner)) fn = reinterpret_cast<void*>(owner->tp_new);
    }
    if (!fn || (specific && specific != fn)) {
      use_generic = true;
    } else {
      specific = fn;
    }
  }
  set_slot(t, g.offset, use_generic ? g.defs[0]->generic : specific);
}

bool is_sequence_type(Type* t) {
  return (t->flags & (kTypeStrSubclass | kTypeListSubclass | kTypeTupleSubclass)) ||
         t == &bytes_type || t == &bytearray_type;
}

struct UpdateCtx {
  const SlotGroup* groups[8];
  int n;
};

void update_visit(Type* t, void* p) {
  auto* ctx = static_cast<UpdateCtx*>(p);
  if (!(t->flags & kTypeHeap)) return;
  for (int i = 0; i < ctx->n; ++i) update_group(t, *ctx->groups[i]);
}

// Argument count check for wrappers, worded as CPython's.
bool wrapper_nargs(size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    raise(&exc_TypeError, "expected " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
                              ", got " + std::to_string(nargs));
  } else if (nargs < min) {
    raise(&exc_TypeError, " expected at least " + std::to_string(min) + " argument" +
                              (min == 1 ? "" : "s") + ", got " + std::to_string(nargs));
  } else {
    raise(&exc_TypeError, " expected at most " + std::to_string(max) + " argument" +
                              (max == 1 ? "" : "s") + ", got " + std::to_string(nargs));
  }
  return false;
}

Str* attr_name_arg(Value v) {
  if (!str_check(v)) {
    raise(&exc_TypeError, std::string("attribute name must be string, not '") + type_name(v) + "'");
    return nullptr;
  }
  return v.as<Str>();
}

Value tp_new_wrapper(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* type = self.as<Type>();
  std::string tname = type->name;
  if (nargs < 1) return raise(&exc_TypeError, tname + ".__new__(): not enough arguments");
  Value arg0 = args[0];
  if (!isinstance_fast(arg0, &type_type)) {
    return raise(&exc_TypeError, tname + ".__new__(X): X is not a type object (" + type_name(arg0) + ")");
  }
  Type* sub = arg0.as<Type>();
  if (!is_subtype(sub, type)) {
    return raise(&exc_TypeError, tname + ".__new__(" + sub->name + "): " + sub->name +
                                     " is not a subtype of " + tname);
  }
  // The most derived built-in base of `sub` must be the one whose __new__ this is, or the
  // instance would lack that base's layout.
  Type* staticbase = sub;
  while (staticbase && (staticbase->flags & kTypeHeap)) staticbase = staticbase->base;
  if (staticbase && staticbase->tp_new != type->tp_new) {
    return raise(&exc_TypeError, tname + ".__new__(" + sub->name + ") is not safe, use " +
                                     staticbase->name + ".__new__()");
  }
  return type->tp_new(sub, args + 1, nargs - 1, kwnames);
}

}  // namespace

const MethodDef kTpNewDef = {"__new__", &tp_new_wrapper, kMethodInstance};

Value call_prepend(Value callable, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? static_cast<size_t>(kwnames->size) : 0);
  Value small[8];
  Value* buf = total + 1 <= 8 ? small : static_cast<Value*>(gc_malloc((total + 1) * sizeof(Value)));
  buf[0] = self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return call(callable, buf, nargs + 1, kwnames);
}

Value call_bound(Value attr, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* at = type_of(attr);
  if ((at->flags & kTypeMethodDescriptor) || at == &function_type) {
    return call_prepend(attr, self, args, nargs, kwnames);
  }
  if (at->tp_descr_get) {
    Value bound = at->tp_descr_get(attr, self, Value(type_of(self)));
    if (!bound) return bound;
    return call(bound, args, nargs, kwnames);
  }
  return call(attr, args, nargs, kwnames);
}

Value call_special(Value self, Str* name, std::initializer_list<Value> args) {
  Value f = type_lookup(type_of(self), name);
  if (!f) return f;
  return call_bound(f, self, args.begin(), args.size());
}

Value slot_wrapper_invoke(const SlotDef* def, void* fn, Type* owner, Value self,
                          const Value* args, size_t nargs, Tuple* kwnames) {
  SlotKind kind = def->kind;
  if (kwnames && kwnames->size && kind != SlotKind::Init && kind != SlotKind::Call) {
    return raise(&exc_TypeError, std::string("wrapper ") + def->name + "() takes no keyword arguments");
  }
  switch (kind) {
    case SlotKind::Init: {
      if (reinterpret_cast<InitFn>(fn)(self, args, nargs, kwnames) < 0) return Value();
      return none_value();
    }
    case SlotKind::Call:
      return reinterpret_cast<CallFn>(fn)(self, args, nargs, kwnames);
    case SlotKind::Unary:
      if (!wrapper_nargs(nargs, 0, 0)) return Value();
      return reinterpret_cast<UnaryFn>(fn)(self);
    case SlotKind::Hash: {
      if (!wrapper_nargs(nargs, 0, 0)) return Value();
      int64_t h = reinterpret_cast<HashFn>(fn)(self);
      if (h == -1) return Value();
      return int_from_i64(h);
    }
    case SlotKind::Len: {
      if (!wrapper_nargs(nargs, 0, 0)) return Value();
      int64_t n = reinterpret_cast<LenFn>(fn)(self);
      if (n < 0) return Value();
      return int_from_i64(n);
    }
    case SlotKind::Inquiry: {
      if (!wrapper_nargs(nargs, 0, 0)) return Value();
      int r = reinterpret_cast<InquiryFn>(fn)(self);
      if (r < 0) return Value();
      return bool_value(r);
    }
    case SlotKind::IterNext: {
      if (!wrapper_nargs(nargs, 0, 0)) return Value();
      Value r = reinterpret_cast<UnaryFn>(fn)(self);
      if (!r && !error_pending()) return raise_empty(&exc_StopIteration);
      return r;
    }
    case SlotKind::BinaryL:
    case SlotKind::Inplace:
    case SlotKind::GetItem:
      if (!wrapper_nargs(nargs, 1, 1)) return Value();
      return reinterpret_cast<BinaryFn>(fn)(self, args[0]);
    case SlotKind::BinaryR:
      if (!wrapper_nargs(nargs, 1, 1)) return Value();
      return reinterpret_cast<BinaryFn>(fn)(args[0], self);
    case SlotKind::PowL:
    case SlotKind::PowR: {
      if (!wrapper_nargs(nargs, 1, 2)) return Value();
      bool left = kind == SlotKind::PowL;
      Value a = left ? self : args[0];
      Value b = left ? args[0] : self;
      if (nargs == 1 || is_none(args[1])) return reinterpret_cast<BinaryFn>(fn)(a, b);
      if (!owner->nb.pow3) return not_implemented_value();
      return owner->nb.pow3(a, b, args[1]);
    }
    case SlotKind::Pow3:
    case SlotKind::New:
    case SlotKind::GetAttrHook:
      break;  // never wrapped (see type_add_operators)
    case SlotKind::RichCmp:
      if (!wrapper_nargs(nargs, 1, 1)) return Value();
      return reinterpret_cast<CompareFn>(fn)(self, args[0], static_cast<CompareOp>(def->op));
    case SlotKind::GetAttr: {
      if (!wrapper_nargs(nargs, 1, 1)) return Value();
      Str* name = attr_name_arg(args[0]);
      if (!name) return Value();
      return reinterpret_cast<GetAttrFn>(fn)(self, name);
    }
    case SlotKind::SetAttr:
    case SlotKind::DelAttr: {
      bool set = kind == SlotKind::SetAttr;
      if (!wrapper_nargs(nargs, set ? 2 : 1, set ? 2 : 1)) return Value();
      Str* name = attr_name_arg(args[0]);
      if (!name) return Value();
      if (!(name->flags & kStrInterned)) name = str_intern(name);
      if (reinterpret_cast<SetAttrFn>(fn)(self, name, set ? args[1] : Value()) < 0) return Value();
      return none_value();
    }
    case SlotKind::DescrGet: {
      if (!wrapper_nargs(nargs, 1, 2)) return Value();
      Value obj = is_none(args[0]) ? Value() : args[0];
      Value type = nargs > 1 && !is_none(args[1]) ? args[1] : Value();
      if (!obj && !type) return raise(&exc_TypeError, "__get__(None, None) is invalid");
      return reinterpret_cast<DescrGetFn>(fn)(self, obj, type);
    }
    case SlotKind::DescrSet:
    case SlotKind::DescrDelete: {
      bool set = kind == SlotKind::DescrSet;
      if (!wrapper_nargs(nargs, set ? 2 : 1, set ? 2 : 1)) return Value();
      if (reinterpret_cast<DescrSetFn>(fn)(self, args[0], set ? args[1] : Value()) < 0) return Value();
      return none_value();
    }
    case SlotKind::SetItem:
    case SlotKind::DelItem: {
      bool set = kind == SlotKind::SetItem;
      if (!wrapper_nargs(nargs, set ? 2 : 1, set ? 2 : 1)) return Value();
      if (reinterpret_cast<SetItemFn>(fn)(self, args[0], set ? args[1] : Value()) < 0) return Value();
      return none_value();
    }
    case SlotKind::Contains: {
      if (!wrapper_nargs(nargs, 1, 1)) return Value();
      int r = reinterpret_cast<ContainsFn>(fn)(self, args[0]);
      if (r < 0) return Value();
      return bool_value(r);
    }
  }
  return raise(&exc_SystemError, "bad slot wrapper");
}

void slots_init() {
  for (auto& def : slotdefs) def.str = intern(def.name);
  for (int op = 0; op < kNumBinary; ++op) {
    for (int k = 0; k < 3; ++k) {
      if (kBinaryNames[op][k]) binary_names[op][k] = intern(kBinaryNames[op][k]);
    }
  }
  num_groups = 0;
  for (const auto& def : slotdefs) {
    SlotGroup* g = nullptr;
    for (int i = 0; i < num_groups; ++i) {
      if (groups[i].offset == def.offset) g = &groups[i];
    }
    if (!g) {
      g = &groups[num_groups++];
      g->offset = def.offset;
      g->n = 0;
    }
    g->defs[g->n++] = &def;
  }
}

void type_add_operators(Type* t) {
  for (const auto& def : slotdefs) {
    if (def.kind == SlotKind::Pow3 || def.kind == SlotKind::GetAttrHook) continue;
    void* fn = get_slot(t, def.offset);
    if (!fn) continue;
    if (dict_get_str(t->dict, def.str)) continue;
    Value entry;
    if (def.kind == SlotKind::New) {
      entry = builtin_function_new(&kTpNewDef, Value(t));
    } else if (def.kind == SlotKind::Hash && fn == reinterpret_cast<void*>(&hash_not_implemented)) {
      entry = none_value();
    } else if (def.kind == SlotKind::BinaryR && def.op == static_cast<uint8_t>(BinaryOp::Add) &&
               is_sequence_type(t)) {
      continue;  // sequences concatenate; they have no __radd__ (as in CPython)
    } else {
      entry = slot_wrapper_new(t, &def, fn);
    }
    dict_set_str(t->dict, def.str, entry);
  }
}

void type_inherit_slots(Type* t, Type* base) {
  uint32_t hash_off = OFF(tp_hash), cmp_off = OFF(tp_richcompare), new_off = OFF(tp_new);
  for (int i = 0; i < num_groups; ++i) {
    uint32_t off = groups[i].offset;
    if (get_slot(t, off)) continue;
    if (off == hash_off && t->tp_richcompare) continue;  // own equality, own hash (or none)
    if (off == cmp_off && t->tp_hash && !base->tp_hash) continue;
    if (off == new_off && base == &object_type) continue;  // not instantiable unless it says so
    set_slot(t, off, get_slot(base, off));
  }
}

void type_fixup_slots(Type* t) {
  for (int i = 0; i < num_groups; ++i) update_group(t, groups[i]);
}

void type_update_slots_named(Type* t, Str* name) {
  UpdateCtx ctx;
  ctx.n = 0;
  for (int i = 0; i < num_groups; ++i) {
    for (int k = 0; k < groups[i].n; ++k) {
      if (groups[i].defs[k]->str == name || str_equal(groups[i].defs[k]->str, name)) {
        if (ctx.n < 8) ctx.groups[ctx.n++] = &groups[i];
        break;
      }
    }
  }
  if (ctx.n == 0) return;
  type_visit_subclasses(t, &update_visit, &ctx);
}

}  // namespace minipy
