// dict: an insertion-ordered hash table (compact layout: a dense entry array in insertion
// order plus a sparse index table), as Python 3.7+ specifies.
#pragma once

#include "objects/object.h"

namespace minipy {

struct DictEntry {
  int64_t hash;
  Value key;    // null for a deleted entry
  Value value;
};

struct Dict : Object {
  int64_t used;          // live entries
  int64_t entries_len;   // entries in use (including deleted)
  int64_t entries_cap;
  DictEntry* entries;
  int64_t index_cap;     // power of two
  int64_t* index;        // slot -> entry number, -1 empty, -2 dummy
  uint64_t version;      // changes on every mutation (for inline caches and iteration checks)
};

// Iterators over a dict's keys, values or items, forwards or reversed (the type tells which).
// Exposed so the VM can special-case FOR_ITER on them.
struct DictIterator : Object {
  Dict* dict;         // null once exhausted
  int64_t pos;        // next entry to look at (counts down for the reversed kinds)
  int64_t used;       // the dict's size when iteration started, -1 after a size change
  int64_t remaining;  // live entries still expected
};

// dict.keys(), dict.values(), dict.items(): live views of a dict.
struct DictView : Object {
  Dict* dict;
};

extern Type dict_type;
extern Type dict_keys_type, dict_values_type, dict_items_type;
extern Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;
extern Type dict_reversekeyiterator_type, dict_reversevalueiterator_type, dict_reverseitemiterator_type;

Dict* dict_new();
// An empty dict with room for n items without resizing (BUILD_MAP, kwargs).
Dict* dict_new_presized(int64_t n);
// Lookups return null without an exception when the key is missing; null WITH a pending
// exception when hashing or comparing the key raised. Check error_pending() to tell them apart.
Value dict_get(Dict* d, Value key);
Value dict_get_str(Dict* d, Str* key);      // fast path for (mostly interned) strings
Value dict_get_cstr(Dict* d, const char* key);
int dict_set(Dict* d, Value key, Value value);  // -1 on error
int dict_set_str(Dict* d, Str* key, Value value);
int dict_set_cstr(Dict* d, const char* key, Value value);
// The same with the key's hash already known (it must be hash(key)).
Value dict_get_hashed(Dict* d, Value key, int64_t hash);
int dict_set_hashed(Dict* d, Value key, int64_t hash, Value value);
// Like dict_next, also giving the stored hash of the key.
bool dict_next_hashed(Dict* d, int64_t* pos, Value* key, Value* value, int64_t* hash);
// Attribute caches remember at which entry of an instance __dict__ a name was found: instances
// of one class are usually filled in the same order, so the entry is the same for most of them.
// The hinted forms check that entry's key by identity before hashing.
// The entry index of `key`, -1 if missing, -2 with an exception pending.
int64_t dict_find_str(Dict* d, Str* key);
inline Value dict_get_str_hinted(Dict* d, Str* key, int64_t hint) {
  // Str is incomplete here: compare addresses (a Str starts with its Object header).
  if (hint >= 0 && hint < d->entries_len && d->entries[hint].key.as_object() == reinterpret_cast<Object*>(key))
    return d->entries[hint].value;
  return Value();
}
// d[key] = value; *index gets the entry the key is stored at. -1 on error.
int dict_set_str_indexed(Dict* d, Str* key, Value value, int64_t* index);
// d[key] = value when entry `hint` holds exactly `key`: true if done, false to take the
// general path.
bool dict_set_str_hinted(Dict* d, Str* key, int64_t hint, Value value);
// 1 removed, 0 missing (no exception), -1 error.
int dict_del(Dict* d, Value key);
int64_t dict_size(Dict* d);
// Iterates live entries in order: `pos` starts at 0.
bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value);
Dict* dict_copy(Dict* d);
// d.update(other) for a dict or any mapping / iterable of pairs. -1 on error.
int dict_update(Dict* d, Value other);
// d.update(other) for a dict `other` (its own __iter__/keys are not consulted). -1 on error
// (a key's __eq__ raised).
int dict_merge_dict(Dict* d, Dict* other);
void dict_clear(Dict* d);
bool dict_check(Value v);
bool dict_check_exact(Value v);

void dict_type_init();

}  // namespace minipy
