// `type` and `object`: type readiness, class creation, the MRO, attribute lookup through it,
// and object's default behaviour (repr, hash, comparison, attribute access, __class__ ...).
#include "objects/type.h"

#include <gc/gc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "compile/symtable.h"
#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/union_type.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace minipy {

void type_visit_subclasses(Type* t, void (*fn)(Type*, void*), void* ctx);

Type type_type, object_type;

namespace {

// Flags a subclass takes from its bases: membership in the built-in families.
constexpr uint32_t kFamilyFlags = kTypeIntSubclass | kTypeStrSubclass | kTypeTupleSubclass |
                                  kTypeListSubclass | kTypeDictSubclass |
                                  kTypeExceptionSubclass | kTypeTypeSubclass;

std::string str_of(Str* s) { return std::string(s->view()); }

// ---------------------------------------------------------------------------------------------
// Weak lists of subclasses
// ---------------------------------------------------------------------------------------------
// Kept in pointer-free memory so a base does not keep its subclasses alive; entries pointing at
// heap types are registered as disappearing links, which the collector clears when the
// subclass dies. Static types never die, so their entries are plain.

struct SubclassList {
  size_t size;
  size_t cap;
  Type* items[1];
};

void link_entry(Type** slot, Type* sub) {
  *slot = sub;
  if (sub->flags & kTypeHeap) GC_general_register_disappearing_link(reinterpret_cast<void**>(slot), sub);
}

void add_subclass(Type* base, Type* sub) {
  auto* list = static_cast<SubclassList*>(base->subclasses);
  if (list) {
    for (size_t i = 0; i < list->size; ++i) {
      if (!list->items[i]) {
        link_entry(&list->items[i], sub);
        return;
      }
    }
  }
  if (!list || list->size == list->cap) {
    size_t cap = list ? list->cap * 2 : 4;
    auto* grown = static_cast<SubclassList*>(
        gc_malloc_atomic(sizeof(SubclassList) + (cap - 1) * sizeof(Type*)));
    grown->size = 0;
    grown->cap = cap;
    if (list) {
      for (size_t i = 0; i < list->size; ++i) {
        Type* entry = list->items[i];
        if (!entry) continue;
        if (entry->flags & kTypeHeap) {
          GC_unregister_disappearing_link(reinterpret_cast<void**>(&list->items[i]));
        }
        link_entry(&grown->items[grown->size++], entry);
      }
    }
    base->subclasses = grown;
    list = grown;
  }
  link_entry(&list->items[list->size++], sub);
}

// ---------------------------------------------------------------------------------------------
// Version tags and the method cache
// ---------------------------------------------------------------------------------------------
// A type's version changes whenever it or a base changes, so (version, name) identifies the
// result of an MRO lookup. The cache holds the answers (including "absent") for interned
// names. It is uncollectable collector memory (scanned, never freed), not static data: start-up
// scatters lookups over all of its 96 KiB, and static pages cost a page fault each, while the
// collector's heap sits in pages that are already there (runtime/huge_pages.cpp).

uint64_t next_version = 1;

struct CacheEntry {
  uint64_t version;
  Str* name;
  Value value;
};
constexpr size_t kCacheBits = 12;
CacheEntry* method_cache = nullptr;

inline CacheEntry& cache_entry(uint64_t version, Str* name) {
  if (!method_cache) [[unlikely]]
    method_cache = static_cast<CacheEntry*>(gc_malloc_uncollectable(sizeof(CacheEntry) << kCacheBits));
  uint64_t h = (version << 16) ^ (reinterpret_cast<uintptr_t>(name) >> 4);
  return method_cache[(h * 0x9E3779B97F4A7C15ull) >> (64 - kCacheBits)];
}

Value lookup_mro(Type* t, Str* name) {
  Tuple* mro = t->mro;
  if (!mro) return t->dict ? dict_get_str(t->dict, name) : Value();
  for (int64_t i = 0; i < mro->size; ++i) {
    Type* base = (*mro)[i].as<Type>();
    if (!base->dict) continue;
    Value v = dict_get_str(base->dict, name);
    if (v) return v;
  }
  return Value();
}

void assign_version(Type* t, void*) { t->version = next_version++; }

// ---------------------------------------------------------------------------------------------
// Instance dicts
// ---------------------------------------------------------------------------------------------

namespace {

// Where the items of a variable-size instance (tuple, str or bytes subclass) end, rounded up
// to a word: its __dict__ slot follows them (CPython's negative tp_dictoffset). Not the
// allocation's last word: Boehm never scans that one, it is where the extra byte that keeps
// one-past-the-end pointers valid lives, so a dict kept only there would be collected.
size_t var_items_end(Object* o, Type* t) {
  constexpr size_t kWord = sizeof(void*);
  if (t->flags & kTypeTupleSubclass) {
    return sizeof(Tuple) + static_cast<size_t>(static_cast<Tuple*>(o)->size) * sizeof(Value);
  }
  if (t->flags & kTypeStrSubclass) {
    return sizeof(Str) + ((static_cast<size_t>(static_cast<Str*>(o)->size) + 1 + kWord - 1) & ~(kWord - 1));
  }
  return sizeof(Bytes) + ((static_cast<size_t>(static_cast<Bytes*>(o)->size) + 1 + kWord - 1) & ~(kWord - 1));
}

}  // namespace

Dict** dict_slot(Value obj) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.as_object();
  Type* t = o->type;
  int32_t off = t->dict_offset;
  if (off == 0) return nullptr;
  char* base = reinterpret_cast<char*>(o);
  if (off < 0) return reinterpret_cast<Dict**>(base + var_items_end(o, t));
  return reinterpret_cast<Dict**>(base + off);
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

char* gc_strdup(std::string_view s) {
  char* p = static_cast<char*>(gc_malloc_atomic(s.size() + 1));
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

Value raise_type_attr_error(Type* t, Str* name) { return raise_attribute_error(Value(t), name); }

bool is_dunder(Str* name) {
  std::string_view v = name->view();
  return v.size() > 4 && v.substr(0, 2) == "__" && v.substr(v.size() - 2) == "__";
}

// The solid base: the nearest ancestor (or t itself) whose instance layout adds fields. A
// __dict__ a heap class appends does not count; its __slots__ do.
Type* solid_base(Type* t) {
  while (t->base) {
    bool heap_dict = (t->flags & kTypeHeap) && t->dict_offset > 0 && t->dict_offset != t->base->dict_offset;
    if (t->basicsize != t->base->basicsize + (heap_dict ? sizeof(Dict*) : 0)) return t;
    t = t->base;
  }
  return t;
}

// __slots__ (CPython's type_new_slots): one Value per name, appended to the instance and reached
// through a member descriptor in the class dict; `*add_dict` says whether instances still get a
// __dict__ (only when the names include "__dict__" and no base has one).
bool add_slots(Type* t, Dict* dict, Value slots, bool* add_dict) {
  Value names = str_check(slots) ? Value(tuple_of({slots})) : tuple_from_iterable(slots);
  if (!names) return false;
  Tuple* items = names.as<Tuple>();
  bool want_dict = false;
  std::vector<Str*> members;
  for (int64_t i = 0; i < items->size; ++i) {
    Value n = (*items)[i];
    if (!str_check(n)) {
      raise(&exc_TypeError, std::string("__slots__ items must be strings, not '") + type_name(n) + "'");
      return false;
    }
    Value identifier = call_method_cstr(n, "isidentifier", {});
    int ok = identifier ? is_true(identifier) : -1;
    if (ok <= 0) {
      if (ok == 0) raise(&exc_TypeError, "__slots__ must be identifiers");
      return false;
    }
    std::string_view v = n.as<Str>()->view();
    if (v == "__dict__") {
      if (!*add_dict || want_dict) {
        raise(&exc_TypeError, "__dict__ slot disallowed: we already got one");
        return false;
      }
      want_dict = true;
    } else if (v != "__weakref__") {
      members.push_back(intern(mangle_name(str_of(t->name_str), std::string(v))));
    }
  }
  std::sort(members.begin(), members.end(), [](Str* a, Str* b) { return a->view() < b->view(); });
  // CPython's int is variable-size too; minipy's keeps its digits outside the object.
  if (!members.empty() && (t->itemsize || (t->flags & kTypeIntSubclass))) {
    raise(&exc_TypeError, std::string("nonempty __slots__ not supported for subtype of '") + t->base->name + "'");
    return false;
  }
  for (Str* m : members) {
    if (dict_get_str(dict, m)) {
      raise(&exc_ValueError, str_of(str_repr(m)) + " in __slots__ conflicts with class variable");
      return false;
    }
  }
  for (Str* m : members) {
    if (dict_set_str(dict, m, member_descr_new(t, m, t->basicsize)) < 0) return false;
    t->basicsize += sizeof(Value);
  }
  // Another base whose instances have a __dict__ brings one.
  for (int64_t i = 0; *add_dict && !want_dict && i < t->bases->size; ++i) {
    if ((*t->bases)[i].as<Type>()->dict_offset != 0) want_dict = true;
  }
  *add_dict = want_dict;
  return true;
}

// The member descriptors of the __slots__ `t` itself declares, as (name, descriptor).
std::vector<std::pair<Str*, Value>> own_slots(Type* t) {
  std::vector<std::pair<Str*, Value>> slots;
  int64_t pos = 0;
  Value name, descr;
  while (t->dict && dict_next(t->dict, &pos, &name, &descr)) {
    if (type_of(descr) == &member_descriptor_type && descr.as<GetSetDescr>()->owner == t) {
      slots.emplace_back(name.as<Str>(), descr);
    }
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// C3 linearization
// ---------------------------------------------------------------------------------------------

Tuple* mro_c3(Type* t, Tuple* bases) {
  // Sequences to merge: each base's MRO, then the list of bases itself.
  using Seq = GcVector<Type*>;
  GcVector<Seq> seqs;
  for (int64_t i = 0; i < bases->size; ++i) {
    Tuple* m = (*bases)[i].as<Type>()->mro;
    Seq s;
    for (int64_t k = 0; k < m->size; ++k) s.push_back((*m)[k].as<Type>());
    seqs.push_back(std::move(s));
  }
  Seq own;
  for (int64_t i = 0; i < bases->size; ++i) own.push_back((*bases)[i].as<Type>());
  seqs.push_back(std::move(own));
  GcVector<size_t> pos(seqs.size(), 0);
  Seq result{t};
  for (;;) {
    bool remaining = false;
    Type* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      remaining = true;
      Type* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j) {
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k) {
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
        }
      }
      if (!in_tail) pick = cand;
    }
    if (!remaining) break;
    if (!pick) {
      std::string names;
      Seq seen;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        Type* head = seqs[i][pos[i]];
        bool dup = false;
        for (Type* s : seen) dup |= s == head;
        if (dup) continue;
        seen.push_back(head);
        if (!names.empty()) names += ", ";
        names += str_of(head->name_str);
      }
      raise(&exc_TypeError,
            "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
      return nullptr;
    }
    result.push_back(pick);
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) ++pos[i];
    }
  }
  Tuple* out = tuple_new(static_cast<int64_t>(result.size()));
  for (size_t i = 0; i < result.size(); ++i) (*out)[static_cast<int64_t>(i)] = Value(result[i]);
  return out;
}

// The MRO of a new class: C3, or the metaclass's own mro() when it overrides it.
Tuple* compute_mro(Type* t) {
  Type* meta = type_of(Value(t));
  if (meta != &type_type) {
    Value m = type_lookup(meta, NAME(mro));
    Value base_m = dict_get_str(type_type.dict, NAME(mro));
    if (m && !m.is(base_m)) {
      Value r = call_bound(m, Value(t), nullptr, 0);
      if (!r) return nullptr;
      Value tup = call(Value(&tuple_type), {r});
      if (!tup) return nullptr;
      Tuple* mro = tup.as<Tuple>();
      Type* solid = solid_base(t);
      for (int64_t i = 0; i < mro->size; ++i) {
        Value c = (*mro)[i];
        if (!isinstance_fast(c, &type_type)) {
          raise(&exc_TypeError, std::string("mro() returned a non-class ('") + type_name(c) + "')");
          return nullptr;
        }
        if (!is_subtype(solid, solid_base(c.as<Type>()))) {
          raise(&exc_TypeError, "mro() returned base with unsuitable layout ('" +
                                    str_of(c.as<Type>()->name_str) + "')");
          return nullptr;
        }
      }
      return mro;
    }
  }
  return mro_c3(t, t->bases);
}

// ---------------------------------------------------------------------------------------------
// object
// ---------------------------------------------------------------------------------------------

bool has_excess_args(size_t nargs, Tuple* kwnames) {
  return nargs > 0 || (kwnames && kwnames->size > 0);
}

Value object_str(Value self) { return repr(self); }

Value object_richcompare(Value self, Value other, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return self.is(other) ? true_value() : not_implemented_value();
    case CompareOp::Ne: {
      // != is the negation of ==, unless == is not implemented.
      CompareFn eq = type_of(self)->tp_richcompare;
      if (!eq) return not_implemented_value();
      Value r = eq(self, other, CompareOp::Eq);
      if (!r || is_not_implemented(r)) return r;
      int t = is_true(r);
      if (t < 0) return Value();
      return bool_value(!t);
    }
    default:
      return not_implemented_value();
  }
}

Value object_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return Value();
  if (!str_check(args[0])) {
    return raise(&exc_TypeError,
                 std::string("__format__() argument must be str, not ") + type_name(args[0]));
  }
  if (args[0].as<Str>()->size > 0) {
    return raise(&exc_TypeError, std::string("unsupported format string passed to ") +
                                     str_of(type_of(self)->name_str) + ".__format__");
  }
  return to_str(self);
}

void merge_class_dict(Dict* into, Type* t) {
  int64_t pos = 0;
  Value k, v;
  while (dict_next(t->dict, &pos, &k, &v)) dict_set(into, k, none_value());
  for (int64_t i = 0; i < t->bases->size; ++i) merge_class_dict(into, (*t->bases)[i].as<Type>());
}

Value dict_keys_list(Dict* d) {
  List* l = list_new(dict_size(d));
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v)) list_append(l, k);
  return Value(l);
}

Value object_dir_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__dir__", kwnames) || !check_nargs("__dir__", nargs, 0, 0)) return Value();
  return object_dir(self);
}

// object.__getstate__: the instance __dict__ (None when empty), and with __slots__ the pair
// (that, {slot name: value}) for the slots that are set, as CPython's copyreg._slotnames finds
// them along the MRO.
Value object_getstate_value(Value self) {
  Dict* d = instance_dict(self, false);
  Value state = !d || dict_size(d) == 0 ? none_value() : Value(d);
  Dict* slots = nullptr;
  Tuple* mro = type_of(self)->mro;
  for (int64_t i = 0; mro && i < mro->size; ++i) {
    Type* cls = (*mro)[i].as<Type>();
    for (auto [name, descr] : own_slots(cls)) {
      Value v = member_descriptor_type.tp_descr_get(descr, self, Value(cls));
      if (!v) {
        if (!error_matches(&exc_AttributeError)) return Value();
        error_clear();
        continue;
      }
      if (!slots) slots = dict_new();
      if (dict_set(slots, Value(name), v) < 0) return Value();
    }
  }
  return slots ? Value(tuple_of({state, Value(slots)})) : state;
}

Value object_getstate_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__getstate__", kwnames) || !check_nargs("__getstate__", nargs, 0, 0)) return Value();
  return object_getstate_value(self);
}

// copyreg.__newobj__: how a reduced object is recreated, cls.__new__(cls, *args).
Value newobj(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__newobj__", kwnames)) return Value();
  if (nargs < 1 || !isinstance_fast(args[0], &type_type)) {
    return raise(&exc_TypeError, "__newobj__ expects a class as its first argument");
  }
  Value new_fn = getattr(args[0], NAME(__new__));
  if (!new_fn) return new_fn;
  return call(new_fn, args, nargs);
}

const MethodDef kNewObjDef = {"__newobj__", newobj, kMethodStatic};

// (first, *rest): the arguments __new__ gets, the class first.
Tuple* with_first(Value first, Tuple* rest) {
  Tuple* t = tuple_new(rest->size + 1);
  t->items()[0] = first;
  std::copy(rest->items(), rest->items() + rest->size, t->items() + 1);
  return t;
}

// copyreg.__newobj_ex__: the same with keyword arguments, cls.__new__(cls, *args, **kwargs).
Value newobj_ex(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__newobj_ex__", kwnames) || !check_nargs("__newobj_ex__", nargs, 3, 3)) return Value();
  if (!isinstance_fast(args[0], &type_type) || !tuple_check(args[1]) || !dict_check(args[2])) {
    return raise(&exc_TypeError, "__newobj_ex__ expects a class, a tuple and a dict");
  }
  Value new_fn = getattr(args[0], NAME(__new__));
  if (!new_fn) return new_fn;
  return call_tuple_dict(new_fn, with_first(args[0], args[1].as<Tuple>()), args[2].as<Dict>());
}

const MethodDef kNewObjExDef = {"__newobj_ex__", newobj_ex, kMethodStatic};

// The arguments cls.__new__ needs to recreate `self`, from __getnewargs_ex__ (args, kwargs)
// or __getnewargs__ (args), checked as CPython checks them; none by default.
bool new_arguments(Value self, Tuple** args, Dict** kwargs) {
  *args = tuple_new(0);
  *kwargs = nullptr;
  if (Value ex = getattr_optional(self, NAME(__getnewargs_ex__))) {
    Value r = call(ex, {});
    if (!r) return false;
    if (!tuple_check(r) || r.as<Tuple>()->size != 2) {
      if (tuple_check(r)) {
        raise(&exc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not " +
                                   std::to_string(r.as<Tuple>()->size));
      } else {
        raise(&exc_TypeError, std::string("__getnewargs_ex__ should return a tuple, not '") + type_name(r) + "'");
      }
      return false;
    }
    Value a = r.as<Tuple>()->items()[0], k = r.as<Tuple>()->items()[1];
    if (!tuple_check(a)) {
      raise(&exc_TypeError, std::string("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '") +
                                type_name(a) + "'");
      return false;
    }
    if (!dict_check(k)) {
      raise(&exc_TypeError, std::string("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '") +
                                type_name(k) + "'");
      return false;
    }
    *args = a.as<Tuple>();
    *kwargs = k.as<Dict>();
    return true;
  }
  if (error_pending()) return false;
  if (Value plain = getattr_optional(self, NAME(__getnewargs__))) {
    Value r = call(plain, {});
    if (!r) return false;
    if (!tuple_check(r)) {
      raise(&exc_TypeError, std::string("__getnewargs__ should return a tuple, not '") + type_name(r) + "'");
      return false;
    }
    *args = r.as<Tuple>();
    return true;
  }
  return !error_pending();
}

// (__newobj__, (cls, *args), state, listitems, dictitems), or with keyword arguments for
// __new__, (__newobj_ex__, (cls, args, kwargs), ...): what copy and pickle recreate it from.
Value object_reduce_impl(Value self) {
  Type* t = type_of(self);
  // A built-in type without its own __reduce__ keeps native state the default cannot capture.
  if (!(t->flags & kTypeHeap) && t != &object_type) {
    return raise(&exc_TypeError, std::string("cannot pickle '") + t->name + "' object");
  }
  Tuple* new_args;
  Dict* new_kwargs;
  if (!new_arguments(self, &new_args, &new_kwargs)) return Value();
  Value state = call_method(self, NAME(__getstate__), {});
  if (!state) return state;
  // Subclasses of list and dict carry their items besides the state, as iterators.
  Value list_items = none_value(), dict_items = none_value();
  if (list_check(self)) list_items = get_iter(self);
  if (dict_check(self)) {
    Value items = call_method(self, NAME(items), {});
    dict_items = items ? get_iter(items) : items;
  }
  if (!list_items || !dict_items) return Value();
  Value cls(type_of(self));
  if (new_kwargs && dict_size(new_kwargs) > 0) {
    return Value(tuple_of({builtin_function_new(&kNewObjExDef, Value(), Value(NAME(copyreg))),
                           Value(tuple_of({cls, Value(new_args), Value(new_kwargs)})), state, list_items,
                           dict_items}));
  }
  return Value(tuple_of({builtin_function_new(&kNewObjDef, Value(), Value(NAME(copyreg))),
                         Value(with_first(cls, new_args)), state, list_items, dict_items}));
}

Value object_reduce_ex_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__reduce_ex__", kwnames) || !check_nargs("__reduce_ex__", nargs, 1, 1)) return Value();
  // A class that overrides __reduce__ decides for itself.
  Value reduce = type_lookup(type_of(self), NAME(__reduce__));
  Value base_reduce = dict_get_str(object_type.dict, NAME(__reduce__));
  if (reduce && !reduce.is(base_reduce)) return call_bound(reduce, self, nullptr, 0);
  return object_reduce_impl(self);
}

Value object_reduce_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__reduce__", kwnames) || !check_nargs("__reduce__", nargs, 0, 0)) return Value();
  return object_reduce_impl(self);
}

Value object_sizeof_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__sizeof__", kwnames) || !check_nargs("__sizeof__", nargs, 0, 0)) return Value();
  return int_from_i64(type_of(self)->basicsize);
}

Value object_init_subclass(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  std::string name = cls.as<Type>()->name;
  if (kwnames && kwnames->size) {
    return raise(&exc_TypeError, name + ".__init_subclass__() takes no keyword arguments");
  }
  if (nargs) {
    return raise(&exc_TypeError, name + ".__init_subclass__() takes no arguments (" +
                                     std::to_string(nargs) + " given)");
  }
  return none_value();
}

Value object_subclasshook(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  return not_implemented_value();
}

Value object_get_class(Value self) { return Value(type_of(self)); }

// The __slots__ names `t` itself adds, sorted (add_slots lays them out in that order).
std::vector<std::string_view> own_slot_names(Type* t) {
  std::vector<std::string_view> names;
  for (auto [name, descr] : own_slots(t)) names.push_back(name->view());
  std::sort(names.begin(), names.end());
  return names;
}

// Two types may exchange instances when they share the same layout: the same solid base, or
// solid bases that add the same __slots__ to the same base (CPython's same_slots_added).
bool same_layout(Type* a, Type* b) {
  if (a->basicsize != b->basicsize || a->itemsize != b->itemsize || a->dict_offset != b->dict_offset) return false;
  Type* sa = solid_base(a);
  Type* sb = solid_base(b);
  if (sa == sb) return true;
  if (!(sa->flags & kTypeHeap) || !(sb->flags & kTypeHeap) || !sa->base || !sb->base) return false;
  if (solid_base(sa->base) != solid_base(sb->base)) return false;
  return own_slot_names(sa) == own_slot_names(sb);
}

int object_set_class(Value self, Value v) {
  if (!v) {
    raise(&exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!isinstance_fast(v, &type_type)) {
    raise(&exc_TypeError,
          std::string("__class__ must be set to a class, not '") + type_name(v) + "' object");
    return -1;
  }
  Type* newto = v.as<Type>();
  Type* oldto = type_of(self);
  bool modules = is_subtype(newto, &module_type) && is_subtype(oldto, &module_type);
  if (!modules && (!(newto->flags & kTypeHeap) || !(oldto->flags & kTypeHeap))) {
    raise(&exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!same_layout(newto, oldto)) {
    raise(&exc_TypeError, "__class__ assignment: '" + str_of(newto->name_str) +
                              "' object layout differs from '" + str_of(oldto->name_str) + "'");
    return -1;
  }
  self.as_object()->type = newto;
  return 0;
}

// __dict__ of instances of classes that add one.
Value instance_dict_get(Value self) {
  Dict* d = instance_dict(self, true);
  if (!d) return raise_attribute_error(self, NAME(__dict__));
  return Value(d);
}

int instance_dict_set(Value self, Value v) {
  Dict** slot = dict_slot(self);
  if (!slot) {
    raise_attribute_error(self, NAME(__dict__));
    return -1;
  }
  if (!v) {
    *slot = nullptr;
    return 0;
  }
  if (!dict_check(v)) {
    raise(&exc_TypeError,
          std::string("__dict__ must be set to a dictionary, not a '") + type_name(v) + "'");
    return -1;
  }
  *slot = v.as<Dict>();
  return 0;
}

Value weakref_get(Value self) { return none_value(); }

const GetSetDef kInstanceDictGetSets[] = {
    {"__dict__", instance_dict_get, instance_dict_set},
    {"__weakref__", weakref_get, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kObjectMethods[] = {
    {"__format__", object_format_method},
    {"__dir__", object_dir_method},
    {"__reduce_ex__", object_reduce_ex_method},
    {"__reduce__", object_reduce_method},
    {"__getstate__", object_getstate_method},
    {"__sizeof__", object_sizeof_method},
    {"__init_subclass__", object_init_subclass, kMethodClass},
    {"__subclasshook__", object_subclasshook, kMethodClass},
    {nullptr, nullptr},
};

const GetSetDef kObjectGetSets[] = {
    {"__class__", object_get_class, object_set_class},
    {nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// type
// ---------------------------------------------------------------------------------------------

Value type_tp_new(Type* metatype, const Value* args, size_t nargs, Tuple* kwnames);

Value type_getattro(Value self, Str* name) {
  Type* type = self.as<Type>();
  Type* meta = type_of(self);
  Value meta_attr = type_lookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    Type* mt = type_of(meta_attr);
    meta_get = mt->tp_descr_get;
    if (meta_get && mt->tp_descr_set) return meta_get(meta_attr, self, Value(meta));
  }
  Value attr = type_lookup(type, name);
  if (attr) {
    if (DescrGetFn get = type_of(attr)->tp_descr_get) return get(attr, Value(), self);
    return attr;
  }
  if (meta_get) return meta_get(meta_attr, self, Value(meta));
  if (meta_attr) return meta_attr;
  return raise_type_attr_error(type, name);
}

// Keeps kTypeHasDel in step with whether __del__ is found along the MRO.
void update_has_del(Type* t, void*) {
  if (!(t->flags & kTypeHeap)) return;
  if (type_lookup(t, NAME(__del__))) t->flags |= kTypeHasDel;
  else t->flags &= ~kTypeHasDel;
}

int type_setattro(Value self, Str* name, Value v) {
  Type* type = self.as<Type>();
  if (!(type->flags & kTypeHeap) || (type->flags & kTypeImmutable)) {
    raise(&exc_TypeError, "cannot set '" + str_of(name) + "' attribute of immutable type '" +
                              type->name + "'");
    return -1;
  }
  Value meta_attr = type_lookup(type_of(self), name);
  if (meta_attr) {
    if (DescrSetFn set = type_of(meta_attr)->tp_descr_set) return set(meta_attr, self, v);
  }
  if (!(name->flags & kStrInterned)) name = str_intern(name);
  if (v) {
    if (dict_set_str(type->dict, name, v) < 0) return -1;
  } else {
    int r = dict_del(type->dict, Value(name));
    if (r < 0) return -1;
    if (r == 0) {
      raise_type_attr_error(type, name);
      return -1;
    }
  }
  type_modified(type);
  if (is_dunder(name)) type_update_slots_named(type, name);
  if (name == NAME(__del__)) type_visit_subclasses(type, &update_has_del, nullptr);
  return 0;
}

int type_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 1 && kwnames && kwnames->size) {
    raise(&exc_TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    raise(&exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value type_get_name(Value self) { return Value(self.as<Type>()->name_str); }

bool check_heap_set(Type* t, const char* attr, Value v) {
  if (!(t->flags & kTypeHeap)) {
    raise(&exc_TypeError, std::string("cannot set '") + attr + "' attribute of immutable type '" +
                              t->name + "'");
    return false;
  }
  if (!v) {
    raise(&exc_TypeError, std::string("cannot delete '") + attr + "' attribute of immutable type '" +
                              t->name + "'");
    return false;
  }
  return true;
}

int type_set_name(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__name__", v)) return -1;
  if (!str_check(v)) {
    raise(&exc_TypeError, "can only assign string to " + str_of(t->name_str) +
                              ".__name__, not '" + type_name(v) + "'");
    return -1;
  }
  Str* s = v.as<Str>();
  if (std::memchr(s->data(), 0, static_cast<size_t>(s->size))) {
    raise(&exc_ValueError, "type name must not contain null characters");
    return -1;
  }
  t->name_str = s;
  t->name = gc_strdup(s->view());
  return 0;
}

Value type_get_qualname(Value self) { return Value(self.as<Type>()->qualname); }

int type_set_qualname(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__qualname__", v)) return -1;
  if (!str_check(v)) {
    raise(&exc_TypeError, "can only assign string to " + str_of(t->name_str) +
                              ".__qualname__, not '" + type_name(v) + "'");
    return -1;
  }
  t->qualname = v.as<Str>();
  return 0;
}

Value type_get_module(Value self) { return type_module(self.as<Type>()); }

int type_set_module(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__module__", v)) return -1;
  if (dict_set_str(t->dict, NAME(__module__), v) < 0) return -1;
  type_modified(t);
  return 0;
}

Value type_get_bases(Value self) { return Value(self.as<Type>()->bases); }
Value type_get_base(Value self) {
  Type* b = self.as<Type>()->base;
  return b ? Value(b) : none_value();
}
Value type_get_mro(Value self) {
  Tuple* m = self.as<Type>()->mro;
  return m ? Value(m) : none_value();
}
Value type_get_dict(Value self) { return mappingproxy_new(Value(self.as<Type>()->dict)); }

Value type_get_doc(Value self) {
  Type* t = self.as<Type>();
  Value d = dict_get_str(t->dict, NAME(__doc__));
  if (!d) return none_value();
  if (t->flags & kTypeHeap) {
    if (DescrGetFn get = type_of(d)->tp_descr_get) return get(d, Value(), self);
  }
  return d;
}

int type_set_doc(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__doc__", v)) return -1;
  if (dict_set_str(t->dict, NAME(__doc__), v) < 0) return -1;
  type_modified(t);
  return 0;
}

Value type_get_abstractmethods(Value self) {
  Type* t = self.as<Type>();
  // `type` itself has the attribute in its dict (this descriptor) but no value.
  Value v = t == &type_type ? Value() : dict_get_str(t->dict, NAME(__abstractmethods__));
  if (!v) return raise_with_args(&exc_AttributeError, tuple_of({Value(NAME(__abstractmethods__))}));
  return v;
}

int type_set_abstractmethods(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__abstractmethods__", v ? v : none_value())) return -1;
  int abstract = 0;
  if (v) {
    abstract = is_true(v);
    if (abstract < 0) return -1;
    if (dict_set_str(t->dict, NAME(__abstractmethods__), v) < 0) return -1;
  } else {
    int r = dict_del(t->dict, Value(NAME(__abstractmethods__)));
    if (r <= 0) {
      if (r == 0) raise_with_args(&exc_AttributeError, tuple_of({Value(NAME(__abstractmethods__))}));
      return -1;
    }
  }
  if (abstract) {
    t->flags |= kTypeAbstract;
  } else {
    t->flags &= ~kTypeAbstract;
  }
  type_modified(t);
  return 0;
}

Value type_get_annotations(Value self) {
  Type* t = self.as<Type>();
  if (!(t->flags & kTypeHeap)) return raise_type_attr_error(t, NAME(__annotations__));
  Value a = dict_get_str(t->dict, NAME(__annotations__));
  if (a) {
    if (DescrGetFn get = type_of(a)->tp_descr_get) return get(a, Value(), self);
    return a;
  }
  Value fresh = Value(dict_new());
  if (dict_set_str(t->dict, NAME(__annotations__), fresh) < 0) return Value();
  type_modified(t);
  return fresh;
}

int type_set_annotations(Value self, Value v) {
  Type* t = self.as<Type>();
  if (!check_heap_set(t, "__annotations__", v ? v : none_value())) return -1;
  if (v) {
    if (dict_set_str(t->dict, NAME(__annotations__), v) < 0) return -1;
  } else {
    int r = dict_del(t->dict, Value(NAME(__annotations__)));
    if (r <= 0) {
      if (r == 0) raise_type_attr_error(t, NAME(__annotations__));
      return -1;
    }
  }
  type_modified(t);
  return 0;
}

const GetSetDef kTypeGetSets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__bases__", type_get_bases, nullptr},
    {"__base__", type_get_base, nullptr},
    {"__mro__", type_get_mro, nullptr},
    {"__dict__", type_get_dict, nullptr},
    {"__doc__", type_get_doc, type_set_doc},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {nullptr, nullptr, nullptr},
};

Value type_mro_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("mro", kwnames) || !check_nargs("mro", nargs, 0, 0)) return Value();
  Type* t = self.as<Type>();
  Tuple* m = mro_c3(t, t->bases);
  if (!m) return Value();
  return Value(list_from_array(m->items(), m->size));
}

void collect_subclasses(List* out, Type* t) {
  auto* list = static_cast<SubclassList*>(t->subclasses);
  if (!list) return;
  for (size_t i = 0; i < list->size; ++i) {
    if (Type* sub = list->items[i]) list_append(out, Value(sub));
  }
}

Value type_subclasses_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__subclasses__", kwnames) || !check_nargs("__subclasses__", nargs, 0, 0)) {
    return Value();
  }
  List* out = list_new();
  collect_subclasses(out, self.as<Type>());
  return Value(out);
}

Value type_instancecheck_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__instancecheck__", kwnames) || !check_nargs("__instancecheck__", nargs, 1, 1)) {
    return Value();
  }
  int r = object_isinstance_default(args[0], self);
  if (r < 0) return Value();
  return bool_value(r);
}

Value type_subclasscheck_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__subclasscheck__", kwnames) || !check_nargs("__subclasscheck__", nargs, 1, 1)) {
    return Value();
  }
  int r = object_issubclass_default(args[0], self);
  if (r < 0) return Value();
  return bool_value(r);
}

Value type_prepare_method(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  return Value(dict_new());
}

Value type_dir_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__dir__", kwnames) || !check_nargs("__dir__", nargs, 0, 0)) return Value();
  Dict* names = dict_new();
  merge_class_dict(names, self.as<Type>());
  return dict_keys_list(names);
}

Value type_sizeof_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__sizeof__", kwnames) || !check_nargs("__sizeof__", nargs, 0, 0)) return Value();
  return int_from_i64(static_cast<int64_t>(sizeof(Type)));
}

const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method},
    {"__subclasses__", type_subclasses_method},
    {"__instancecheck__", type_instancecheck_method},
    {"__subclasscheck__", type_subclasscheck_method},
    {"__prepare__", type_prepare_method, kMethodClass},
    {"__dir__", type_dir_method},
    {"__sizeof__", type_sizeof_method},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Class creation
// ---------------------------------------------------------------------------------------------

// The base whose layout the new class extends ("multiple bases have instance lay-out
// conflict" when two bases add incompatible fields).
Type* best_base(Tuple* bases) {
  Type* base = nullptr;
  Type* winner = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* candidate_base = (*bases)[i].as<Type>();
    Type* candidate = solid_base(candidate_base);
    if (!winner) {
      winner = candidate;
      base = candidate_base;
    } else if (is_subtype(winner, candidate)) {
      // keep the current winner
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = candidate_base;
    } else {
      raise(&exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool is_plain_function(Value v) { return type_of(v) == &function_type; }

// __set_name__ on every attribute that defines it (3.11 wraps failures in RuntimeError).
bool call_set_names(Type* t) {
  Dict* snapshot = dict_copy(t->dict);
  int64_t pos = 0;
  Value k, v;
  while (dict_next(snapshot, &pos, &k, &v)) {
    Value f = type_lookup(type_of(v), NAME(__set_name__));
    if (!f) continue;
    Value args[2] = {Value(t), k};
    Value r = call_bound(f, v, args, 2);
    if (r) continue;
    Value cause = error_fetch();
    Value kr = to_str(k);
    if (!kr) return false;
    Value exc = call(Value(&exc_RuntimeError),
                     {Value(str_new("Error calling __set_name__ on '" + str_of(type_of(v)->name_str) +
                                    "' instance '" + str_of(kr.as<Str>()) + "' in '" +
                                    str_of(t->name_str) + "'"))});
    if (!exc) return false;
    if (setattr(exc, NAME(__cause__), cause) < 0) return false;
    raise_value(exc);
    return false;
  }
  return true;
}

// super(t, t).__init_subclass__(**kwargs)
bool call_init_subclass(Type* t, Tuple* kwnames, const Value* kwvalues) {
  Tuple* mro = t->mro;
  for (int64_t i = 1; i < mro->size; ++i) {
    Type* base = (*mro)[i].as<Type>();
    Value f = dict_get_str(base->dict, NAME(__init_subclass__));
    if (!f) continue;
    if (DescrGetFn get = type_of(f)->tp_descr_get) {
      f = get(f, Value(), Value(t));
      if (!f) return false;
    }
    return static_cast<bool>(call(f, kwvalues, 0, kwnames && kwnames->size ? kwnames : nullptr));
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

Value type_lookup(Type* t, Str* name) {
  if (t->version && (name->flags & kStrInterned)) {
    CacheEntry& e = cache_entry(t->version, name);
    if (e.version == t->version && e.name == name) return e.value;
    Value v = lookup_mro(t, name);
    e.version = t->version;
    e.name = name;
    e.value = v;
    return v;
  }
  return lookup_mro(t, name);
}

bool is_subtype(Type* a, Type* b) {
  if (a == b) return true;
  Tuple* mro = a->mro;
  if (mro) {
    for (int64_t i = 1; i < mro->size; ++i) {
      if ((*mro)[i].as<Type>() == b) return true;
    }
    return false;
  }
  for (Type* t = a->base; t; t = t->base) {
    if (t == b) return true;
  }
  return b == &object_type;
}

void type_visit_subclasses(Type* t, void (*fn)(Type*, void*), void* ctx) {
  fn(t, ctx);
  auto* list = static_cast<SubclassList*>(t->subclasses);
  if (!list) return;
  for (size_t i = 0; i < list->size; ++i) {
    if (Type* sub = list->items[i]) type_visit_subclasses(sub, fn, ctx);
  }
}

void type_modified(Type* t) { type_visit_subclasses(t, &assign_version, nullptr); }

Object* alloc_instance(Type* type, size_t var_bytes) {
  return alloc_object(type, type->basicsize + var_bytes);
}

void object_call_del(Object* obj) {
  Value del = type_lookup(obj->type, NAME(__del__));
  if (del && !call_bound(del, Value(obj), nullptr, 0)) report_unraisable(del);
}

Dict* instance_dict(Value obj, bool create) {
  Dict** slot = dict_slot(obj);
  if (!slot) return nullptr;
  if (!*slot && create) *slot = dict_new();
  return *slot;
}

Value generic_getattr_suppress(Value obj, Str* name);

namespace {

Value generic_getattr_impl(Value obj, Str* name, bool suppress) {
  Type* tp = type_of(obj);
  Value descr = type_lookup(tp, name);
  DescrGetFn get = nullptr;
  if (descr) {
    Type* dt = type_of(descr);
    get = dt->tp_descr_get;
    if (get && dt->tp_descr_set) return get(descr, obj, Value(tp));  // data descriptor wins
  }
  if (tp->dict_offset) {
    Dict** slot = dict_slot(obj);
    if (slot && *slot) {
      Value v = dict_get_str(*slot, name);
      if (v) return v;
    }
  }
  if (get) return get(descr, obj, Value(tp));
  if (descr) return descr;
  if (suppress) return Value();
  return raise_attribute_error(obj, name);
}

}  // namespace

Value object_generic_getattr(Value obj, Str* name) { return generic_getattr_impl(obj, name, false); }
Value generic_getattr_suppress(Value obj, Str* name) { return generic_getattr_impl(obj, name, true); }

int object_generic_setattr(Value obj, Str* name, Value v) {
  Type* tp = type_of(obj);
  Value descr = type_lookup(tp, name);
  if (descr) {
    if (DescrSetFn set = type_of(descr)->tp_descr_set) return set(descr, obj, v);
  }
  Dict** slot = dict_slot(obj);
  if (!slot) {
    if (descr) {
      raise(&exc_AttributeError, std::string("'") + tp->name + "' object attribute '" + str_of(name) +
                                     "' is read-only");
    } else {
      raise_attribute_error(obj, name);
    }
    return -1;
  }
  if (v) {
    if (!*slot) *slot = dict_new();
    return dict_set_str(*slot, name, v);
  }
  int r = *slot ? dict_del(*slot, Value(name)) : 0;
  if (r == 0) raise_attribute_error(obj, name);
  return r > 0 ? 0 : -1;
}

Value object_repr(Value obj) {
  Type* t = type_of(obj);
  Value mod = type_module(t);
  if (!mod) error_clear();
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(obj.as_object()));
  std::string s = "<";
  if (mod && str_check(mod) && mod.as<Str>()->view() != "builtins") s += str_of(mod.as<Str>()) + ".";
  s += str_of(t->qualname) + " object at " + addr + ">";
  return Value(str_new(s));
}

int64_t object_hash_identity(Value obj) {
  // Objects are 16-byte aligned: rotate the useless low bits away, as CPython does.
  uint64_t p = obj.bits();
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

int64_t hash_not_implemented(Value obj) {
  raise(&exc_TypeError, std::string("unhashable type: '") + type_name(obj) + "'");
  return -1;
}

Value object_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (has_excess_args(nargs, kwnames)) {
    if (type->tp_new != &object_new) {
      return raise(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->tp_init == &object_init) {
      return raise(&exc_TypeError, std::string(type->name) + "() takes no arguments");
    }
  }
  if (type->flags & kTypeAbstract) {
    // "Can't instantiate abstract class C with abstract methods f, g" (sorted names)
    Value methods = dict_get_str(type->dict, NAME(__abstractmethods__));
    if (!methods) methods = type_lookup(type, NAME(__abstractmethods__));
    Value sorted_list = methods ? list_from_iterable(methods) : Value(list_new());
    if (!sorted_list || list_sort(sorted_list.as<List>(), Value(), false) < 0) return Value();
    List* l = sorted_list.as<List>();
    std::string names;
    for (int64_t i = 0; i < l->size; ++i) {
      Value s = to_str(l->items[i]);
      if (!s) return s;
      if (i) names += ", ";
      names += str_of(s.as<Str>());
    }
    return raise(&exc_TypeError, "Can't instantiate abstract class " + str_of(type->name_str) +
                                     " with abstract method" + (l->size == 1 ? "" : "s") + " " + names);
  }
  return Value(alloc_instance(type));
}

int object_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (has_excess_args(nargs, kwnames)) {
    Type* type = type_of(self);
    if (type->tp_init != &object_init) {
      raise(&exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == &object_new) {
      raise(&exc_TypeError, std::string(type->name) +
                                ".__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
  }
  return 0;
}

Value object_dir(Value obj) {
  Dict* names = dict_new();
  if (Dict* d = instance_dict(obj, false)) {
    if (dict_update(names, Value(d)) < 0) return Value();
  }
  Value cls = getattr(obj, NAME(__class__));
  if (!cls) {
    if (!error_matches(&exc_AttributeError)) return cls;
    error_clear();
  } else if (isinstance_fast(cls, &type_type)) {
    merge_class_dict(names, cls.as<Type>());
  }
  return dict_keys_list(names);
}

Value current_module_name() {
  ThreadState* ts = current_thread();
  if (!ts || !ts->frame || !ts->frame->globals) return Value();
  return dict_get_str(ts->frame->globals, NAME(__name__));
}

bool class_cell_set(Value cell, Value cls) {
  if (type_of(cell) != &cell_type) return false;
  cell.as<Cell>()->contents = cls;
  return true;
}

Str* type_qualname(Type* t) { return t->qualname; }

Value type_module(Type* t) {
  if (t->flags & kTypeHeap) {
    Value m = dict_get_str(t->dict, NAME(__module__));
    if (!m) return raise_with_args(&exc_AttributeError, tuple_of({Value(NAME(__module__))}));
    return m;
  }
  const char* dot = std::strrchr(t->name, '.');
  if (!dot) return Value(NAME(builtins));
  return Value(intern(std::string_view(t->name, static_cast<size_t>(dot - t->name))));
}

Value type_repr(Value self) {
  Type* t = self.as<Type>();
  Value mod = type_module(t);
  if (!mod) error_clear();
  std::string s = "<class '";
  if (mod && str_check(mod) && mod.as<Str>()->view() != "builtins") s += str_of(mod.as<Str>()) + ".";
  s += str_of(t->qualname) + "'>";
  return Value(str_new(s));
}

Type* type_calculate_metaclass(Type* metatype, Tuple* bases) {
  Type* winner = metatype;
  for (int64_t i = 0; i < bases->size; ++i) {
    Type* tmp = type_of((*bases)[i]);
    if (is_subtype(winner, tmp)) continue;
    if (is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    raise(&exc_TypeError,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
          "of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

Value type_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* type = callable.as<Type>();
  if (type == &type_type && nargs == 1 && (!kwnames || kwnames->size == 0)) {
    return Value(type_of(args[0]));
  }
  if (!type->tp_new) {
    return raise(&exc_TypeError, std::string("cannot create '") + type->name + "' instances");
  }
  Value obj = type->tp_new(type, args, nargs, kwnames);
  if (!obj) return obj;
  // __init__ runs only on instances of the class called (a __new__ may return anything).
  Type* ot = type_of(obj);
  if (ot != type && !is_subtype(ot, type)) return obj;
  if (ot->tp_init && ot->tp_init(obj, args, nargs, kwnames) < 0) return Value();
  return obj;
}

namespace {

Value type_tp_new(Type* metatype, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (metatype == &type_type && nargs == 1 && nkw == 0) return Value(type_of(args[0]));
  if (nargs != 3) {
    if (metatype == &type_type || nargs < 3) {
      return raise(&exc_TypeError, nargs == 1 || metatype == &type_type
                                       ? "type() takes 1 or 3 arguments"
                                       : "type.__new__() takes exactly 3 arguments (" +
                                             std::to_string(nargs) + " given)");
    }
    return raise(&exc_TypeError,
                 "type.__new__() takes exactly 3 arguments (" + std::to_string(nargs) + " given)");
  }
  if (!str_check(args[0])) {
    return raise(&exc_TypeError,
                 std::string("type.__new__() argument 1 must be str, not ") + type_name(args[0]));
  }
  if (!tuple_check(args[1])) {
    return raise(&exc_TypeError,
                 std::string("type.__new__() argument 2 must be tuple, not ") + type_name(args[1]));
  }
  if (!dict_check(args[2])) {
    return raise(&exc_TypeError,
                 std::string("type.__new__() argument 3 must be dict, not ") + type_name(args[2]));
  }
  Tuple* bases = args[1].as<Tuple>();
  Type* winner = type_calculate_metaclass(metatype, bases);
  if (!winner) return Value();
  if (winner != metatype && winner->tp_new != &type_tp_new) {
    return winner->tp_new(winner, args, nargs, kwnames);
  }
  return type_new_class(winner, args[0].as<Str>(), bases, args[2].as<Dict>(), kwnames, args + 3);
}

}  // namespace

Value type_new_class(Type* metatype, Str* name, Tuple* bases, Dict* ns, Tuple* kwnames,
                     const Value* kwvalues) {
  if (bases->size == 0) bases = tuple_of({Value(&object_type)});
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = (*bases)[i];
    if (!isinstance_fast(b, &type_type)) {
      return raise(&exc_TypeError, "bases must be types");
    }
    Type* bt = b.as<Type>();
    if (!(bt->flags & kTypeBaseType)) {
      return raise(&exc_TypeError, std::string("type '") + bt->name + "' is not an acceptable base type");
    }
    for (int64_t j = 0; j < i; ++j) {
      if ((*bases)[j].is(b)) {
        return raise(&exc_TypeError, "duplicate base class " + str_of(bt->name_str));
      }
    }
  }
  Type* base = best_base(bases);
  if (!base) return Value();

  size_t type_size = metatype->basicsize > sizeof(Type) ? metatype->basicsize : sizeof(Type);
  auto* t = static_cast<Type*>(alloc_object(metatype, type_size));
  t->flags = kTypeHeap | kTypeBaseType;
  for (int64_t i = 0; i < bases->size; ++i) t->flags |= (*bases)[i].as<Type>()->flags & kFamilyFlags;
  if (std::memchr(name->data(), 0, static_cast<size_t>(name->size))) {
    return raise(&exc_ValueError, "type name must not contain null characters");
  }
  t->name = gc_strdup(name->view());
  t->name_str = str_intern(name);
  t->bases = bases;
  t->base = base;

  // The namespace becomes the class dict (a copy: the caller's mapping stays independent).
  Dict* dict = dict_copy(ns);
  t->dict = dict;
  t->qualname = t->name_str;
  if (Value q = dict_get_str(dict, NAME(__qualname__))) {
    if (!str_check(q)) {
      return raise(&exc_TypeError, std::string("type __qualname__ must be a str, not ") + type_name(q));
    }
    t->qualname = q.as<Str>();
    if (dict_del(dict, Value(NAME(__qualname__))) < 0) return Value();
  }
  if (!dict_get_str(dict, NAME(__module__))) {
    Value mod = current_module_name();
    if (mod && dict_set_str(dict, NAME(__module__), mod) < 0) return Value();
  }
  // Implicit staticmethod / classmethod wrappers, as the language specifies.
  if (Value f = dict_get_str(dict, NAME(__new__)); f && is_plain_function(f)) {
    dict_set_str(dict, NAME(__new__), staticmethod_new(f));
  }
  for (Str* cm : {NAME(__init_subclass__), NAME(__class_getitem__)}) {
    if (Value f = dict_get_str(dict, cm); f && is_plain_function(f)) {
      dict_set_str(dict, cm, classmethod_new(f));
    }
  }

  // Layout: the solid base's, then the __slots__, plus a __dict__ when no base provides one
  // (and __slots__, if given, asks for it).
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dict_offset = base->dict_offset;
  bool add_dict = t->dict_offset == 0;
  if (Value slots = dict_get_str(dict, NAME(__slots__)); slots && !add_slots(t, dict, slots, &add_dict)) return Value();
  if (add_dict) {
    // Variable-size layouts (str, bytes, tuple) keep their items right after the header, so
    // the dict follows the items instead of sitting at a fixed offset (see dict_slot).
    t->dict_offset = base->itemsize ? -1 : static_cast<int32_t>(t->basicsize);
    t->basicsize += sizeof(Dict*);
    for (const GetSetDef* g = kInstanceDictGetSets; g->name; ++g) {
      if (!dict_get_cstr(dict, g->name)) dict_set_str(dict, intern(g->name), getset_descr_new(t, g));
    }
  }
  // In CPython's order: the namespace, __dict__/__weakref__, __doc__, then __hash__ = None for a
  // class that defines equality without hashing (which makes it unhashable).
  if (!dict_get_str(dict, NAME(__doc__))) dict_set_str(dict, NAME(__doc__), none_value());
  if (dict_get_str(dict, NAME(__eq__)) && !dict_get_str(dict, NAME(__hash__))) {
    dict_set_str(dict, NAME(__hash__), none_value());
  }

  Tuple* mro = compute_mro(t);
  if (!mro) return Value();
  t->mro = mro;
  t->version = next_version++;
  type_fixup_slots(t);
  update_has_del(t, nullptr);
  for (int64_t i = 0; i < bases->size; ++i) add_subclass((*bases)[i].as<Type>(), t);

  // The __class__ cell of methods that use super() or __class__.
  if (Value cell = dict_get_str(dict, NAME(__classcell__))) {
    if (!class_cell_set(cell, Value(t))) {
      return raise(&exc_TypeError, std::string("__classcell__ must be a nonlocal cell, not ") +
                                       "<class '" + type_name(cell) + "'>");
    }
    dict_del(dict, Value(NAME(__classcell__)));
    type_modified(t);
  }
  if (!call_set_names(t)) return Value();
  if (!call_init_subclass(t, kwnames, kwvalues)) return Value();
  return Value(t);
}

namespace {

template <typename Def>
int64_t table_length(const Def* defs) {
  int64_t n = 0;
  if (defs)
    while (defs[n].name) ++n;
  return n;
}

}  // namespace

void type_ready(Type* t, const char* name, Type* base, const MethodDef* methods,
                const GetSetDef* getsets) {
  if (t->mro) return;
  if (!t->type) t->type = &type_type;
  t->name = name;
  const char* dot = std::strrchr(name, '.');
  t->name_str = intern(dot ? dot + 1 : name);
  t->qualname = t->name_str;
  if (t != &object_type && !base) base = &object_type;
  if (base && !base->mro) {
    std::fprintf(stderr, "minipy: fatal: type_ready(%s): base %s is not ready\n", name,
                 base->name ? base->name : "?");
    std::abort();
  }
  t->base = base;
  t->bases = base ? tuple_of({Value(base)}) : empty_tuple();
  if (t == &int_type) t->flags |= kTypeIntSubclass;
  if (t == &str_type) t->flags |= kTypeStrSubclass;
  if (t == &tuple_type) t->flags |= kTypeTupleSubclass;
  if (t == &list_type) t->flags |= kTypeListSubclass;
  if (t == &dict_type) t->flags |= kTypeDictSubclass;
  if (t == &type_type) t->flags |= kTypeTypeSubclass;
  if (t == &exc_BaseException) t->flags |= kTypeExceptionSubclass;
  if (base) {
    t->flags |= base->flags & kFamilyFlags;
    if (!t->basicsize) t->basicsize = base->basicsize;
    if (!t->itemsize) t->itemsize = base->itemsize;
    if (!t->dict_offset) t->dict_offset = base->dict_offset;
  } else if (!t->basicsize) {
    t->basicsize = sizeof(Object);
  }
  // Sized for the tables up front: a dict grown by resizing leaves its outgrown tables
  // behind, and start-up readies a hundred types.
  if (!t->dict) t->dict = dict_new_presized(table_length(methods) + table_length(getsets) + 2);
  type_add_operators(t);
  if (methods) type_add_methods(t, methods);
  if (getsets) type_add_getsets(t, getsets);
  if (base) type_inherit_slots(t, base);
  // Equality without hashing makes instances unhashable (as for list and dict).
  if (!t->tp_hash && t->tp_richcompare) {
    t->tp_hash = &hash_not_implemented;
    if (!dict_get_str(t->dict, NAME(__hash__))) dict_set_str(t->dict, NAME(__hash__), none_value());
  }
  if (!dict_get_str(t->dict, NAME(__doc__))) dict_set_str(t->dict, NAME(__doc__), none_value());
  if (base) {
    Tuple* bm = base->mro;
    Tuple* mro = tuple_new(bm->size + 1);
    (*mro)[0] = Value(t);
    for (int64_t i = 0; i < bm->size; ++i) (*mro)[i + 1] = (*bm)[i];
    t->mro = mro;
    add_subclass(base, t);
  } else {
    t->mro = tuple_of({Value(t)});
  }
  t->version = next_version++;
}

void type_add_methods(Type* t, const MethodDef* methods) {
  if (!t->dict) t->dict = dict_new();
  for (const MethodDef* m = methods; m->name; ++m) {
    Value entry;
    if (m->flags & kMethodClass) {
      entry = method_descr_new(t, m);
      entry.as_object()->type = &classmethod_descriptor_type;
    } else if (m->flags & kMethodStatic) {
      entry = staticmethod_new(builtin_function_new(m, Value()));
    } else {
      entry = method_descr_new(t, m);
    }
    dict_set_str(t->dict, intern(m->name), entry);
  }
  if (t->version) type_modified(t);
}

void type_add_getsets(Type* t, const GetSetDef* getsets) {
  if (!t->dict) t->dict = dict_new();
  for (const GetSetDef* g = getsets; g->name; ++g) {
    dict_set_str(t->dict, intern(g->name), getset_descr_new(t, g));
  }
  if (t->version) type_modified(t);
}

void type_update_slot(Type* t, Str* name) {
  type_modified(t);
  type_update_slots_named(t, name);
}

void type_object_init() {
  slots_init();

  object_type.flags |= kTypeBaseType;
  object_type.basicsize = sizeof(Object);
  object_type.tp_new = &object_new;
  object_type.tp_init = &object_init;
  object_type.tp_repr = &object_repr;
  object_type.tp_str = &object_str;
  object_type.tp_hash = &object_hash_identity;
  object_type.tp_richcompare = &object_richcompare;
  object_type.tp_getattr = &object_generic_getattr;
  object_type.tp_setattr = &object_generic_setattr;
  type_ready(&object_type, "object", nullptr, kObjectMethods, kObjectGetSets);
  dict_set_str(object_type.dict, NAME(__doc__),
               Value(str_new("The base class of the class hierarchy.\n\nWhen called, it accepts no "
                             "arguments and returns a new featureless\ninstance that has no "
                             "instance attributes and cannot be given any.\n")));

  type_type.flags |= kTypeBaseType;
  type_type.basicsize = sizeof(Type);
  type_type.dict_offset = static_cast<int32_t>(offsetof(Type, dict));
  type_type.tp_new = &type_tp_new;
  type_type.tp_init = &type_init;
  type_type.tp_call = &type_call;
  type_type.tp_repr = &type_repr;
  type_type.tp_getattr = &type_getattro;
  type_type.tp_setattr = &type_setattro;
  type_type.nb.binary[static_cast<int>(BinaryOp::Or)] = &union_or;  // int | None
  type_ready(&type_type, "type", &object_type, kTypeMethods, kTypeGetSets);
  dict_set_str(type_type.dict, NAME(__doc__),
               Value(str_new("type(object) -> the object's type\ntype(name, bases, dict, **kwds) "
                             "-> a new type")));
  union_type_init();
}

}  // namespace minipy
