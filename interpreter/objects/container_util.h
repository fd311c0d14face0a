// Helpers shared by the container types (tuple, list, dict, set, range, iterators): argument
// checks worded as CPython's builtins word them, the repr recursion guard, sequence index
// conversion and the hash fast path for dict and set keys.
#pragma once

#include <cstdint>
#include <string>

#include "objects/object.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/args.h"

namespace minipy {

// --- Argument checks (runtime/args.h words the messages; these add the keyword check) -----

// METH_NOARGS: "list.copy() takes no arguments (1 given)".
bool noargs_ok(const char* qualname, size_t nargs, Tuple* kwnames);
// METH_O: "list.append() takes exactly one argument (0 given)".
bool onearg_ok(const char* qualname, size_t nargs, Tuple* kwnames);
// Positional-only with bounds: "pop expected at most 1 argument, got 2". `name` is the short
// name those messages use, `qualname` the one for "list.pop() takes no keyword arguments".
bool posargs_ok(const char* name, const char* qualname, size_t nargs, Tuple* kwnames, size_t min,
                size_t max);

// --- repr recursion guard ("[...]", "{...}") ------------------------------------------------

// Returns true if `o` is already being repr'd on this thread (the caller prints the elision);
// otherwise records it and returns false: the caller must call repr_leave(o) afterwards.
bool repr_enter(Object* o);
void repr_leave(Object* o);

// Appends repr(v) to out; false if repr raised.
bool append_repr(std::string& out, Value v);

// --- Sequence indices -----------------------------------------------------------------------

// Converts a subscript to an index: 1 converted (*out set), 0 the key is not an int or
// __index__ object (no exception), -1 error (a too-large int raises IndexError
// "cannot fit 'int' into an index-sized integer", as sequence indexing does in CPython).
int subscript_index(Value key, int64_t* out);
// "list indices must be integers or slices, not float"
Value raise_bad_index_type(const char* seqname, Value key);
// Optional start/stop arguments of index(): ints or __index__ (clamped to int64),
// None is not accepted: "slice indices must be integers or have an __index__ method".
bool clamp_index_arg(Value v, int64_t* out);
// Normalises start/stop of index() against len like a slice does.
void adjust_search_range(int64_t len, int64_t* start, int64_t* stop);

// --- Hashing and equality of keys ----------------------------------------------------------

int64_t hash_slow(Value key);  // hash(key) for keys without a fast path
// hash(key) with the fast paths every dict and set operation takes: small ints below the
// numeric hash modulus hash to themselves, exact strs use their cached hash.
inline int64_t key_hash(Value key) {
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
    if (i > -kModulus && i < kModulus) return i == -1 ? -2 : i;
  } else if (key.as_object()->type == &str_type) {
    Str* s = key.as<Str>();
    if (s->hash != -1) return s->hash;
  }
  return hash_slow(key);
}

// --- Misc -----------------------------------------------------------------------------------

// tp_iter of every iterator type.
Value iter_self(Value self);
// Looks `name` up on type(obj) (not the instance) and calls it bound to obj, as CPython does
// for special methods such as __missing__ and __reversed__. Null without an exception when the
// type has no such attribute.
Value call_special_optional(Value obj, Str* name, const Value* args, size_t nargs);
// The sequences whose items can be read in place: list and tuple (exact or subclass).
// Returns false for anything else.
bool sequence_items(Value v, const Value** items, int64_t* n);
// Lexicographic rich comparison of two lists or two tuples. Items are re-read at every step
// because an item's __eq__ may mutate a list.
Value sequence_richcompare(Value a, Value b, CompareOp op);
// Whether a sequence's + or * should return NotImplemented for `other` (instead of raising
// CPython's sequence message): only a class that defines the operator itself can take over.
// `own` is the calling type's slot, so a subclass that merely inherits it does not count.
bool defer_binary_to(Value other, BinaryOp op, BinaryFn own);
// "can't multiply sequence by non-int of type 'float'" handling shared by list and tuple's
// `*`: finds which operand is the count. Returns 1 with *seq and *count set, 0 to return
// NotImplemented, -1 on error.
int sequence_repeat_operands(Value a, Value b, bool (*is_seq)(Value), BinaryFn own, Value* seq,
                             int64_t* count);

}  // namespace minipy
