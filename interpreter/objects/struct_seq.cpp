#include "objects/struct_seq.h"

#include <string>

#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

namespace {

// A descriptor reading one item of the tuple by position.
struct FieldDescriptor : Object {
  int64_t index;
};

Type field_descriptor_type;

Value field_get(Value descr, Value obj, Value) {
  if (!obj) return descr;
  return (*obj.as<Tuple>())[descr.as<FieldDescriptor>()->index];
}

Value struct_seq_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  Type* type = type_of(self);
  std::string out = std::string(type->name) + "(";
  Value fields = dict_get_cstr(type->dict, "_fields");
  for (int64_t i = 0; i < t->size; ++i) {
    Value r = repr((*t)[i]);
    if (!r) return Value();
    if (i) out += ", ";
    out += std::string((*fields.as<Tuple>())[i].as<Str>()->view()) + "=" + std::string(r.as<Str>()->view());
  }
  return Value(str_new(out + ")"));
}

}  // namespace

Type* struct_seq_type_new(const char* qualified_name, std::initializer_list<const char*> fields) {
  if (!field_descriptor_type.name) {
    field_descriptor_type.tp_descr_get = field_get;
    field_descriptor_type.basicsize = sizeof(FieldDescriptor);
    type_ready(&field_descriptor_type, "member_descriptor", nullptr);
  }
  auto* t = static_cast<Type*>(gc_malloc_uncollectable(sizeof(Type)));
  new (t) Type();
  t->tp_repr = struct_seq_repr;
  t->basicsize = tuple_type.basicsize;
  t->itemsize = tuple_type.itemsize;
  type_ready(t, qualified_name, &tuple_type);
  Tuple* names = tuple_new(static_cast<int64_t>(fields.size()));
  int64_t i = 0;
  for (const char* f : fields) {
    auto* d = alloc<FieldDescriptor>(&field_descriptor_type);
    d->index = i;
    (*names)[i] = Value(intern(f));
    dict_set_cstr(t->dict, f, Value(d));
    ++i;
  }
  dict_set_cstr(t->dict, "_fields", Value(names));
  dict_set_cstr(t->dict, "n_fields", Value::small_int(i));
  dict_set_cstr(t->dict, "n_sequence_fields", Value::small_int(i));
  return t;
}

Value struct_seq_new(Type* type, std::initializer_list<Value> values) {
  Tuple* t = static_cast<Tuple*>(alloc_object(type, sizeof(Tuple) + values.size() * sizeof(Value)));
  t->hash = -1;
  t->size = static_cast<int64_t>(values.size());
  int64_t i = 0;
  for (Value v : values) (*t)[i++] = v;
  return Value(t);
}

}  // namespace minipy
