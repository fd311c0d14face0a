// types.UnionType (see union_type.h).
#include "objects/union_type.h"

#include <string>

#include "objects/generic_alias.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type union_type;

namespace {

Union* u_of(Value v) { return v.as<Union>(); }

bool is_unionable(Value v) {
  return is_none(v) || isinstance_fast(v, &type_type) || type_of(v) == &generic_alias_type ||
         type_of(v) == &union_type;
}

// Appends v's members (a union contributes its own) unless an equal one is already there.
bool add_members(GcVector<Value>& out, Value v) {
  if (type_of(v) == &union_type) {
    Tuple* args = u_of(v)->args;
    for (int64_t i = 0; i < args->size; ++i) {
      if (!add_members(out, (*args)[i])) return false;
    }
    return true;
  }
  if (is_none(v)) v = Value(&none_type);
  for (Value have : out) {
    int eq = have.is(v) ? 1 : equals(have, v);
    if (eq < 0) return false;
    if (eq) return true;
  }
  out.push_back(v);
  return true;
}

// How a member is shown: None, a class by (module-qualified) name, anything else by repr.
bool append_member(std::string& out, Value v) {
  if (v.is(Value(&none_type))) {
    out += "None";
    return true;
  }
  if (isinstance_fast(v, &type_type)) {
    Type* t = v.as<Type>();
    Value mod = type_module(t);
    if (!mod) return false;
    if (str_check(mod) && mod.as<Str>()->view() != "builtins") {
      out += mod.as<Str>()->view();
      out += '.';
    }
    out += type_qualname(t)->view();
    return true;
  }
  Value r = repr(v);
  if (!r) return false;
  out += r.as<Str>()->view();
  return true;
}

Value union_repr(Value self) {
  Tuple* args = u_of(self)->args;
  std::string out;
  for (int64_t i = 0; i < args->size; ++i) {
    if (i) out += " | ";
    if (!append_member(out, (*args)[i])) return Value();
  }
  return Value(str_new(out));
}

// Unions compare as sets of members: int | str == str | int.
Value members_set(Value self) { return set_from_iterable(&frozenset_type, Value(u_of(self)->args)); }

Value union_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &union_type) return not_implemented_value();
  Value sa = members_set(a);
  if (!sa) return sa;
  Value sb = members_set(b);
  if (!sb) return sb;
  return compare(sa, sb, op);
}

int64_t union_hash(Value self) {
  Value s = members_set(self);
  if (!s) return -1;
  return hash(s);
}

Value union_get_args(Value self) { return Value(u_of(self)->args); }
// Without TypeVar support a union of concrete classes has no parameters.
Value union_get_parameters(Value) { return Value(empty_tuple()); }

const GetSetDef kUnionGetSets[] = {
    {"__args__", union_get_args, nullptr},
    {"__parameters__", union_get_parameters, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Value union_or(Value a, Value b) {
  if (!is_unionable(a) || !is_unionable(b)) return not_implemented_value();
  GcVector<Value> members;
  if (!add_members(members, a) || !add_members(members, b)) return Value();
  if (members.size() == 1) return members[0];
  Union* u = alloc<Union>(&union_type);
  u->args = tuple_from_array(members.data(), static_cast<int64_t>(members.size()));
  return Value(u);
}

void union_type_init() {
  union_type.basicsize = sizeof(Union);
  union_type.tp_repr = union_repr;
  union_type.tp_richcompare = union_richcompare;
  union_type.tp_hash = union_hash;
  union_type.nb.binary[static_cast<int>(BinaryOp::Or)] = union_or;
  type_ready(&union_type, "types.UnionType", &object_type, nullptr, kUnionGetSets);
}

}  // namespace minipy
