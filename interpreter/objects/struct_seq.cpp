#include "objects/struct_seq.h"

#include <algorithm>
#include <string>

#include "objects/dict.h"
#include "objects/singletons.h"
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

int64_t count_in(Type* type, const char* key) {
  Value v = dict_get_cstr(type->dict, key);
  return v && v.is_small_int() ? v.as_small_int() : 0;
}

// An instance with room for every field, the tuple's length the visible ones.
Tuple* alloc_instance_of(Type* type) {
  int64_t slots = struct_seq_slots(type);
  Tuple* t = static_cast<Tuple*>(alloc_object(type, sizeof(Tuple) + slots * sizeof(Value)));
  t->hash = -1;
  t->size = count_in(type, "n_sequence_fields");
  for (int64_t i = 0; i < slots; ++i) (*t)[i] = none_value();
  return t;
}

// type(sequence, dict=None), as CPython's struct sequences take it: the visible fields and
// any of the hidden ones from the sequence, the remaining hidden ones from the dict.
Value struct_seq_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return raise(&exc_TypeError, std::string(type->name) + "() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    return raise(&exc_TypeError, std::string(type->name) + "() takes from 1 to 2 positional arguments but " +
                                     std::to_string(nargs) + " were given");
  }
  Value seq = tuple_from_iterable(args[0]);
  if (!seq) {
    if (!error_matches(&exc_TypeError)) return Value();
    error_clear();
    return raise(&exc_TypeError, "constructor requires a sequence");
  }
  Tuple* items = seq.as<Tuple>();
  int64_t visible = count_in(type, "n_sequence_fields"), all = struct_seq_slots(type);
  std::string given = " (" + std::to_string(items->size) + "-sequence given)";
  if (visible == all && items->size != visible) {
    return raise(&exc_TypeError, std::string(type->name) + "() takes a " + std::to_string(visible) + "-sequence" + given);
  }
  if (items->size < visible) {
    return raise(&exc_TypeError, std::string(type->name) + "() takes an at least " + std::to_string(visible) +
                                     "-sequence" + given);
  }
  if (items->size > all) {
    return raise(&exc_TypeError, std::string(type->name) + "() takes an at most " + std::to_string(all) +
                                     "-sequence" + given);
  }
  Tuple* t = alloc_instance_of(type);
  for (int64_t i = 0; i < items->size; ++i) (*t)[i] = (*items)[i];
  Value names = dict_get_cstr(type->dict, "_hidden_fields");
  if (nargs == 2 && !is_none(args[1]) && names) {
    if (!dict_check(args[1])) {
      return raise(&exc_TypeError, std::string(type->name) + "() takes a dict as second arg, if any");
    }
    Tuple* hidden = names.as<Tuple>();
    for (int64_t i = std::max<int64_t>(items->size, visible); i < all; ++i) {
      Value v = dict_get(args[1].as<Dict>(), (*hidden)[i - visible]);
      if (v) (*t)[i] = v;
    }
  }
  return Value(t);
}

}  // namespace

int64_t struct_seq_slots(Type* type) { return count_in(type, "n_fields"); }

void struct_seq_add_hidden_fields(Type* type, std::initializer_list<const char*> fields) {
  int64_t index = struct_seq_slots(type);
  Tuple* names = tuple_new(static_cast<int64_t>(fields.size()));
  int64_t k = 0;
  for (const char* f : fields) {
    auto* d = alloc<FieldDescriptor>(&field_descriptor_type);
    d->index = index++;
    (*names)[k++] = Value(intern(f));
    dict_set_cstr(type->dict, f, Value(d));
  }
  dict_set_cstr(type->dict, "_hidden_fields", Value(names));
  dict_set_cstr(type->dict, "n_fields", Value::small_int(index));
  type_modified(type);
}

Type* struct_seq_type_new(const char* qualified_name, std::initializer_list<const char*> fields) {
  if (!field_descriptor_type.name) {
    field_descriptor_type.tp_descr_get = field_get;
    field_descriptor_type.basicsize = sizeof(FieldDescriptor);
    type_ready(&field_descriptor_type, "member_descriptor", nullptr);
  }
  auto* t = static_cast<Type*>(gc_malloc_uncollectable(sizeof(Type)));
  new (t) Type();
  t->tp_repr = struct_seq_repr;
  t->tp_new = struct_seq_tp_new;
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
  dict_set_cstr(t->dict, "n_unnamed_fields", Value::small_int(0));
  return t;
}

Value struct_seq_new(Type* type, std::initializer_list<Value> values) {
  Tuple* t = alloc_instance_of(type);
  int64_t i = 0;
  for (Value v : values) (*t)[i++] = v;
  return Value(t);
}

}  // namespace minipy
