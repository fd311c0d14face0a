// weakref.ref and weakref.proxy (see weakref.h for the design).
#include "objects/weakref.h"

#include <cstdio>
#include <string>

#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type weakref_type, weakproxy_type, weakcallableproxy_type;

namespace {

// One per weak reference to a referent; `ref` is a weak slot on the WeakRef, so a weak
// reference that dies first is skipped (its callback is not called, as in CPython).
struct WeakNode {
  WeakNode* next;
  uintptr_t ref;
};

// The weak references of one referent, newest first. Its chained finalizer keeps it alive.
struct WeakList {
  FinalizerLink link;  // first member: the collector passes &link as the finalizer's data
  WeakNode* head;
  uintptr_t key;       // the referent, hidden
};

// Referent (hidden) -> its WeakList. The table's storage is scanned, which is harmless: keys
// are hidden pointers and the lists hold the referent hidden too.
GcHashMap<uintptr_t, WeakList*>* g_lists = nullptr;

WeakList* find_list(Object* o) {
  if (!g_lists) return nullptr;
  auto it = g_lists->find(hide_pointer(o));
  return it == g_lists->end() ? nullptr : it->second;
}

bool is_proxy_type(Type* t) { return t == &weakproxy_type || t == &weakcallableproxy_type; }

// Runs once the referent was collected (at a safe point, with the GIL): the weak slots are
// already clear; calls the callbacks of the weak references still alive, then the finalizer
// this one displaced.
void referent_collected(void* obj, void* data) {
  auto* list = static_cast<WeakList*>(data);
  g_lists->erase(list->key);
  for (WeakNode* n = list->head; n; n = n->next) {
    auto* w = static_cast<WeakRef*>(weak_slot_get(&n->ref));
    if (!w) continue;
    w->referent = 0;
    if (!w->callback || is_none(w->callback)) continue;
    Value cb = w->callback;
    w->callback = Value();
    Value saved = error_fetch();
    if (!call(cb, {Value(w)})) report_unraisable(cb);
    error_restore(saved);
  }
  if (list->link.next_fn) list->link.next_fn(obj, list->link.next_cd);
}

WeakList* list_for(Object* o) {
  if (WeakList* l = find_list(o)) return l;
  if (!g_lists) g_lists = new (gc_malloc_uncollectable(sizeof(*g_lists))) GcHashMap<uintptr_t, WeakList*>();
  auto* l = static_cast<WeakList*>(gc_malloc(sizeof(WeakList)));
  l->key = hide_pointer(o);
  register_chained_finalizer(o, referent_collected, &l->link);
  (*g_lists)[l->key] = l;
  return l;
}

// Drops the nodes of weak references that were collected.
void prune(WeakList* l) {
  WeakNode** p = &l->head;
  while (*p) {
    if ((*p)->ref == 0) {
      unregister_weak_slot(&(*p)->ref);
      *p = (*p)->next;
    } else {
      p = &(*p)->next;
    }
  }
}

// The existing weak reference of exactly `type` without callback, which ref() and proxy()
// hand out again instead of making a new one.
WeakRef* find_basic(WeakList* l, Type* type) {
  for (WeakNode* n = l->head; n; n = n->next) {
    auto* w = static_cast<WeakRef*>(weak_slot_get(&n->ref));
    if (w && w->type == type && !w->callback && w->referent) return w;
  }
  return nullptr;
}

WeakRef* make_ref(Type* type, Object* o, Value callback) {
  if (callback && is_none(callback)) callback = Value();
  WeakList* l = list_for(o);
  prune(l);
  bool basic = !callback && (type == &weakref_type || is_proxy_type(type));
  if (basic) {
    if (WeakRef* w = find_basic(l, type)) return w;
  }
  auto* w = static_cast<WeakRef*>(alloc_object(type, type->basicsize));
  w->referent = hide_pointer(o);
  register_weak_slot(&w->referent, o);
  w->callback = callback;
  w->hash = -1;
  auto* n = static_cast<WeakNode*>(gc_malloc(sizeof(WeakNode)));
  n->next = l->head;
  n->ref = hide_pointer(w);
  register_weak_slot(&n->ref, w);
  l->head = n;
  return w;
}

bool check_weakrefable(Value obj) {
  if (obj.is_object() && type_weakrefable(type_of(obj))) return true;
  raise(&exc_TypeError, std::string("cannot create weak reference to '") + type_name(obj) + "' object");
  return false;
}

WeakRef* wr_of(Value v) { return v.as<WeakRef>(); }

// ---- ref ----------------------------------------------------------------------------------------

Value ref_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ref", kwnames) || !check_nargs("__new__", nargs, 1, 2)) return Value();
  return weakref_new(type, args[0], nargs > 1 ? args[1] : Value());
}

// Subclasses take extra arguments in __new__ and __init__; ref itself checks them in __new__.
int ref_tp_init(Value, const Value*, size_t, Tuple*) { return 0; }

Value ref_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("weakref", kwnames) || !check_nargs("weakref", nargs, 0, 0)) return Value();
  Value v = weakref_get(wr_of(self));
  return v ? v : none_value();
}

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

// "to 'C' at 0x..." plus " (name)" when the referent has a str __name__, as CPython shows it.
Value describe_referent(Value self, const char* what) {
  std::string s = std::string("<") + what + " at " + address(self.as_object()) + "; ";
  Value v = weakref_get(wr_of(self));
  if (!v) return Value(str_new(s + "dead>"));
  s += std::string("to '") + type_name(v) + "' at " + address(v.as_object());
  Value name = getattr_optional(v, intern("__name__"));
  if (error_pending()) return Value();
  if (name && str_check(name)) s += " (" + std::string(name.as<Str>()->view()) + ")";
  return Value(str_new(s + ">"));
}

Value ref_repr(Value self) { return describe_referent(self, "weakref"); }

int64_t ref_hash(Value self) {
  WeakRef* w = wr_of(self);
  if (w->hash != -1) return w->hash;
  Value v = weakref_get(w);
  if (!v) {
    raise(&exc_TypeError, "weak object has gone away");
    return -1;
  }
  w->hash = hash(v);
  return w->hash;
}

// Two live references compare like their referents; otherwise by identity.
Value ref_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !isinstance_fast(b, &weakref_type)) {
    return not_implemented_value();
  }
  Value x = weakref_get(wr_of(a));
  Value y = weakref_get(wr_of(b));
  if (!x || !y) {
    bool same = a.is(b);
    return bool_value(op == CompareOp::Eq ? same : !same);
  }
  return compare(x, y, op);
}

Value ref_get_callback(Value self) {
  Value cb = wr_of(self)->callback;
  return cb ? cb : none_value();
}

const GetSetDef kRefGetSets[] = {
    {"__callback__", ref_get_callback, nullptr},
    {nullptr, nullptr, nullptr},
};

Value ref_class_getitem(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) || !check_nargs("__class_getitem__", nargs, 1, 1)) {
    return Value();
  }
  return cls;
}

const MethodDef kRefMethods[] = {
    {"__class_getitem__", ref_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

// ---- proxy --------------------------------------------------------------------------------------

Value target(Value proxy) {
  Value v = weakref_get(wr_of(proxy));
  if (!v) return raise(&exc_ReferenceError, "weakly-referenced object no longer exists");
  return v;
}

// Operands that are proxies stand for their referents.
Value unwrap(Value v) { return v.is_object() && is_proxy_type(type_of(v)) ? target(v) : v; }

Value proxy_getattr(Value self, Str* name) {
  Value t = target(self);
  return t ? getattr(t, name) : t;
}

int proxy_setattr(Value self, Str* name, Value v) {
  Value t = target(self);
  if (!t) return -1;
  return v ? setattr(t, name, v) : delattr(t, name);
}

Value proxy_repr(Value self) { return describe_referent(self, "weakproxy"); }

Value proxy_str(Value self) {
  Value t = target(self);
  return t ? to_str(t) : t;
}

Value proxy_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value t = target(self);
  return t ? call(t, args, nargs, kwnames) : t;
}

Value proxy_richcompare(Value a, Value b, CompareOp op) {
  Value x = unwrap(a);
  if (!x) return x;
  Value y = unwrap(b);
  if (!y) return y;
  return compare(x, y, op);
}

int proxy_bool(Value self) {
  Value t = target(self);
  return t ? is_true(t) : -1;
}

int64_t proxy_len(Value self) {
  Value t = target(self);
  return t ? length(t) : -1;
}

Value proxy_getitem(Value self, Value key) {
  Value t = target(self);
  return t ? getitem(t, key) : t;
}

int proxy_setitem(Value self, Value key, Value v) {
  Value t = target(self);
  if (!t) return -1;
  return v ? setitem(t, key, v) : delitem(t, key);
}

int proxy_contains(Value self, Value item) {
  Value t = target(self);
  return t ? contains(t, item) : -1;
}

Value proxy_iter(Value self) {
  Value t = target(self);
  return t ? get_iter(t) : t;
}

Value proxy_iternext(Value self) {
  Value t = target(self);
  if (!t) return t;
  if (!type_of(t)->tp_iternext) {
    return raise(&exc_TypeError, std::string("Weakref proxy referenced a non-iterator '") + type_name(t) + "' object");
  }
  return iter_next(t);
}

template <BinaryOp op>
Value proxy_binary(Value a, Value b) {
  Value x = unwrap(a);
  if (!x) return x;
  Value y = unwrap(b);
  if (!y) return y;
  return binary_op(op, x, y);
}

template <BinaryOp op>
Value proxy_inplace(Value a, Value b) {
  Value x = unwrap(a);
  if (!x) return x;
  Value y = unwrap(b);
  if (!y) return y;
  Value r = inplace_op(op, x, y);
  return r ? a : r;
}

template <Value (*fn)(Value)>
Value proxy_unary(Value self) {
  Value t = target(self);
  return t ? fn(t) : t;
}

void init_proxy_type(Type* t, const char* name) {
  t->basicsize = sizeof(WeakRef);
  t->tp_getattr = proxy_getattr;
  t->tp_setattr = proxy_setattr;
  t->tp_repr = proxy_repr;
  t->tp_str = proxy_str;
  t->tp_hash = hash_not_implemented;
  t->tp_richcompare = proxy_richcompare;
  t->tp_iter = proxy_iter;
  t->tp_iternext = proxy_iternext;
  t->mp_length = proxy_len;
  t->mp_subscript = proxy_getitem;
  t->mp_ass_subscript = proxy_setitem;
  t->sq_contains = proxy_contains;
  t->nb.boolean = proxy_bool;
#define PROXY_OP(name)                                                          \
  t->nb.binary[static_cast<int>(BinaryOp::name)] = proxy_binary<BinaryOp::name>; \
  t->nb.inplace[static_cast<int>(BinaryOp::name)] = proxy_inplace<BinaryOp::name>;
  PROXY_OP(Add) PROXY_OP(Sub) PROXY_OP(Mul) PROXY_OP(MatMul) PROXY_OP(TrueDiv) PROXY_OP(FloorDiv)
  PROXY_OP(Mod) PROXY_OP(LShift) PROXY_OP(RShift) PROXY_OP(And) PROXY_OP(Or) PROXY_OP(Xor)
#undef PROXY_OP
  t->nb.neg = proxy_unary<unary_negative>;
  t->nb.pos = proxy_unary<unary_positive>;
  t->nb.invert = proxy_unary<unary_invert>;
  t->nb.abs = proxy_unary<absolute>;
  t->nb.index = proxy_unary<number_index>;
  t->nb.to_int = proxy_unary<number_int>;
  t->nb.to_float = proxy_unary<number_float>;
  type_ready(t, name, &object_type, nullptr, nullptr);
}

}  // namespace

namespace {

// Does a class statement give t's instances a __weakref__ slot? Every class does, unless it
// declares __slots__ without "__weakref__" (then it depends on its bases).
int slots_allow_weakref(Type* t) {
  Value slots = dict_get_str(t->dict, intern("__slots__"));
  if (!slots) return 1;
  if (str_check(slots)) return slots.as<Str>()->view() == "__weakref__";
  Value weakref_name = Value(intern("__weakref__"));
  Value it = get_iter(slots);
  if (!it) return -1;
  while (Value name = iter_next(it)) {
    int eq = equals(name, weakref_name);
    if (eq != 0) return eq;
  }
  return error_pending() ? -1 : 0;
}

}  // namespace

bool type_weakrefable(Type* t) {
  if (!(t->flags & kTypeHeap)) return t->flags & kTypeWeakrefable;
  Type* solid = t;
  while (solid->flags & kTypeHeap) solid = solid->base;
  // Variable-sized instances have no room for CPython's weak reference list.
  if ((solid->flags & (kTypeIntSubclass | kTypeTupleSubclass)) || is_subtype(solid, &bytes_type)) return false;
  if (solid->flags & kTypeWeakrefable) return true;
  Tuple* mro = t->mro;
  for (int64_t i = 0; i < mro->size; ++i) {
    Type* c = (*mro)[i].as<Type>();
    if (!(c->flags & kTypeHeap)) continue;
    int r = slots_allow_weakref(c);
    if (r != 0) {
      if (r < 0) error_clear();
      return true;
    }
  }
  return false;
}

Value weakref_new(Type* type, Value obj, Value callback) {
  if (!check_weakrefable(obj)) return Value();
  return Value(make_ref(type, obj.as_object(), callback));
}

Value weakproxy_new(Value obj, Value callback) {
  if (!check_weakrefable(obj)) return Value();
  Type* t = is_callable(obj) ? &weakcallableproxy_type : &weakproxy_type;
  return Value(make_ref(t, obj.as_object(), callback));
}

Value weakref_get(WeakRef* w) {
  Object* o = weak_slot_get(&w->referent);
  return o ? Value(o) : Value();
}

int64_t weakref_count(Value obj) {
  if (!obj.is_object()) return 0;
  WeakList* l = find_list(obj.as_object());
  if (!l) return 0;
  int64_t n = 0;
  for (WeakNode* node = l->head; node; node = node->next) {
    auto* w = static_cast<WeakRef*>(weak_slot_get(&node->ref));
    if (w && w->referent) ++n;
  }
  return n;
}

Value weakref_list(Value obj) {
  List* out = list_new();
  if (!obj.is_object()) return Value(out);
  WeakList* l = find_list(obj.as_object());
  if (!l) return Value(out);
  for (WeakNode* node = l->head; node; node = node->next) {
    auto* w = static_cast<WeakRef*>(weak_slot_get(&node->ref));
    if (w && w->referent) list_append(out, Value(w));
  }
  return Value(out);
}

void weakref_types_init() {
  weakref_type.basicsize = sizeof(WeakRef);
  weakref_type.flags |= kTypeBaseType;
  weakref_type.tp_new = ref_tp_new;
  weakref_type.tp_init = ref_tp_init;
  weakref_type.tp_call = ref_call;
  weakref_type.tp_repr = ref_repr;
  weakref_type.tp_hash = ref_hash;
  weakref_type.tp_richcompare = ref_richcompare;
  type_ready(&weakref_type, "weakref.ReferenceType", &object_type, kRefMethods, kRefGetSets);
  init_proxy_type(&weakproxy_type, "weakref.ProxyType");
  weakcallableproxy_type.tp_call = proxy_call;
  init_proxy_type(&weakcallableproxy_type, "weakref.CallableProxyType");
  for (Type* t : {&type_type, &function_type, &method_type, &builtin_function_type, &set_type, &frozenset_type, &generator_type,
                  &coroutine_type, &async_generator_type, &module_type}) {
    t->flags |= kTypeWeakrefable;
  }
}

}  // namespace minipy
