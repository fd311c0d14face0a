// list: a growable array with amortised appends, slicing, the sort, and the list iterators.
#include "objects/list.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

Type list_type, list_iterator_type, list_reverseiterator_type;

namespace {

// Beyond this the byte size of the item array would overflow: MemoryError, as in CPython.
constexpr int64_t kMaxListSize = INT64_MAX / static_cast<int64_t>(sizeof(Value)) / 2;

inline List* as_list(Value v) { return v.as<List>(); }

// Makes room for at least `needed` items. Growth is proportional (about 1/8 over, like
// CPython) so a run of appends costs amortised O(1). False + MemoryError if too big.
bool list_reserve(List* l, int64_t needed) {
  if (needed <= l->capacity) return true;
  if (needed > kMaxListSize) {
    raise_no_memory();
    return false;
  }
  int64_t cap = (needed + (needed >> 3) + 6) & ~int64_t{3};
  if (cap < needed) cap = needed;
  auto* items = static_cast<Value*>(gc_realloc_or_raise(l->items, static_cast<size_t>(cap) * sizeof(Value)));
  if (!items) return false;
  l->items = items;
  l->capacity = cap;
  return true;
}

// Clears slots past the end so the collector does not keep their old objects alive.
void clear_tail(List* l, int64_t from, int64_t to) {
  if (to > from) std::memset(static_cast<void*>(l->items + from), 0, static_cast<size_t>(to - from) * sizeof(Value));
}

List* list_alloc(Type* type) {
  if (type == &list_type) return alloc<List>(type);
  return static_cast<List*>(alloc_object(type, type->basicsize));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public helpers

List* list_new(int64_t reserve) {
  List* l = alloc<List>(&list_type);
  if (reserve > 0) {
    // Callers size from existing objects, so the request is always allocatable.
    l->items = static_cast<Value*>(gc_malloc(static_cast<size_t>(reserve) * sizeof(Value)));
    l->capacity = reserve;
  }
  return l;
}

List* list_from_array(const Value* items, int64_t n) {
  List* l = list_new(n);
  if (n) std::memcpy(static_cast<void*>(l->items), items, static_cast<size_t>(n) * sizeof(Value));
  l->size = n;
  return l;
}

void list_append(List* l, Value v) {
  if (l->size < l->capacity) {
    l->items[l->size++] = v;
    return;
  }
  if (!list_reserve(l, l->size + 1)) return;
  l->items[l->size++] = v;
}

bool list_check(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  return t == &list_type || (t->flags & kTypeListSubclass);
}

bool list_check_exact(Value v) { return v.is_object() && v.as_object()->type == &list_type; }

int list_extend(List* l, Value iterable) {
  const Value* items;
  int64_t n;
  // Only exact lists and tuples are read in place: a subclass may override __iter__.
  if ((list_check_exact(iterable) || tuple_check_exact(iterable) || iterable.is(l)) &&
      sequence_items(iterable, &items, &n)) {
    if (n == 0) return 0;
    // l.extend(l) reads from the array it grows: reserve first, then copy from the new array.
    bool self = iterable.is(l);
    if (!list_reserve(l, l->size + n)) return -1;
    if (self) items = l->items;
    std::memmove(static_cast<void*>(l->items + l->size), items, static_cast<size_t>(n) * sizeof(Value));
    l->size += n;
    return 0;
  }
  if (dict_check_exact(iterable)) {
    Dict* d = iterable.as<Dict>();
    if (!list_reserve(l, l->size + dict_size(d))) return -1;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) l->items[l->size++] = k;
    return 0;
  }
  if (type_of(iterable) == &range_type) {
    // Presized, as CPython presizes from len(): a range too long for memory is a MemoryError
    // at once (an OverflowError past ssize_t), not after the memory has been filled.
    int64_t n = range_type.mp_length(iterable);
    if (n < 0 || !list_reserve(l, l->size + n)) return -1;
  }
  Value it = get_iter(iterable);
  if (!it) return -1;
  UnaryFn next = type_of(it)->tp_iternext;
  for (;;) {
    Value v = next ? next(it) : iter_next(it);
    if (!v) {
      // A generator's tp_iternext reports `return value` as StopIteration(value): that is
      // exhaustion too, as in iter_next.
      if (!error_pending()) return 0;
      if (!error_matches(&exc_StopIteration)) return -1;
      error_clear();
      return 0;
    }
    if (l->size < l->capacity) {
      l->items[l->size++] = v;
    } else {
      if (!list_reserve(l, l->size + 1)) return -1;
      l->items[l->size++] = v;
    }
  }
}

Value list_from_iterable(Value iterable) {
  List* l = list_new();
  if (list_extend(l, iterable) < 0) return Value();
  return l;
}

void list_insert(List* l, int64_t i, Value v) {
  if (!list_reserve(l, l->size + 1)) return;
  if (i < 0) {
    i += l->size;
    if (i < 0) i = 0;
  }
  if (i > l->size) i = l->size;
  std::memmove(static_cast<void*>(l->items + i + 1), l->items + i, static_cast<size_t>(l->size - i) * sizeof(Value));
  l->items[i] = v;
  l->size++;
}

Tuple* list_as_tuple(List* l) { return tuple_from_array(l->items, l->size); }

// ---------------------------------------------------------------------------------------------
// Sorting: a stable natural merge sort in TimSort's manner. Ascending and strictly descending
// runs are found (descending ones reversed in place), short runs are extended to `minrun` with
// binary insertion sort, and runs are merged following TimSort's stack invariants so merges stay
// balanced. Each merge first skips the prefix of the left run and the suffix of the right run
// that are already in place (binary "gallop"), which makes nearly sorted input almost linear.
// When a key function is given, keys and values move in lockstep.

namespace {

enum class CompareKind { Generic, SmallInt, Str, Float };

struct Sorter {
  Value* keys;
  Value* values;  // null: the keys are the values
  Value* tmp_keys = nullptr;
  Value* tmp_values = nullptr;
  CompareKind kind = CompareKind::Generic;

  // 1 if a < b, 0 if not, -1 on error.
  int lt(Value a, Value b) const {
    switch (kind) {
      case CompareKind::SmallInt:
        return a.as_small_int() < b.as_small_int();
      case CompareKind::Str: {
        std::string_view x = a.as<Str>()->view(), y = b.as<Str>()->view();
        // UTF-8 byte order is code point order, so byte comparison is str comparison.
        return x < y;
      }
      case CompareKind::Float:
        return float_value(a) < float_value(b);
      case CompareKind::Generic:
        break;
    }
    return compare_bool(a, b, CompareOp::Lt);
  }

  void swap(int64_t i, int64_t j) {
    std::swap(keys[i], keys[j]);
    if (values) std::swap(values[i], values[j]);
  }

  void reverse(int64_t lo, int64_t hi) {
    for (--hi; lo < hi; ++lo, --hi) swap(lo, hi);
  }

  // Length of the run starting at lo (at most hi - lo). A strictly descending run is reversed,
  // which keeps the sort stable because no two of its items are equal.
  int64_t count_run(int64_t lo, int64_t hi) {
    if (lo + 1 >= hi) return hi - lo;
    int64_t i = lo + 1;
    int c = lt(keys[i], keys[lo]);
    if (c < 0) return -1;
    if (c) {
      for (++i; i < hi; ++i) {
        c = lt(keys[i], keys[i - 1]);
        if (c < 0) return -1;
        if (!c) break;
      }
      reverse(lo, i);
    } else {
      for (++i; i < hi; ++i) {
        c = lt(keys[i], keys[i - 1]);
        if (c < 0) return -1;
        if (c) break;
      }
    }
    return i - lo;
  }

  // Sorts [lo, hi) given that [lo, start) is sorted. -1 on error (the range stays a permutation).
  int binary_insertion(int64_t lo, int64_t hi, int64_t start) {
    for (int64_t i = start; i < hi; ++i) {
      Value pk = keys[i];
      Value pv = values ? values[i] : Value();
      int64_t l = lo, r = i;
      while (l < r) {  // first position whose key is greater than pk (after equal ones)
        int64_t m = l + (r - l) / 2;
        int c = lt(pk, keys[m]);
        if (c < 0) return -1;
        if (c) r = m; else l = m + 1;
      }
      std::memmove(static_cast<void*>(keys + l + 1), keys + l, static_cast<size_t>(i - l) * sizeof(Value));
      keys[l] = pk;
      if (values) {
        std::memmove(static_cast<void*>(values + l + 1), values + l, static_cast<size_t>(i - l) * sizeof(Value));
        values[l] = pv;
      }
    }
    return 0;
  }

  // First index in [lo, hi) whose key is greater than x (x goes after equal keys).
  int64_t bisect_right(Value x, int64_t lo, int64_t hi, bool* err) {
    while (lo < hi) {
      int64_t m = lo + (hi - lo) / 2;
      int c = lt(x, keys[m]);
      if (c < 0) { *err = true; return 0; }
      if (c) hi = m; else lo = m + 1;
    }
    return lo;
  }
  // First index in [lo, hi) whose key is not less than x (x goes before equal keys).
  int64_t bisect_left(Value x, int64_t lo, int64_t hi, bool* err) {
    while (lo < hi) {
      int64_t m = lo + (hi - lo) / 2;
      int c = lt(keys[m], x);
      if (c < 0) { *err = true; return 0; }
      if (c) lo = m + 1; else hi = m;
    }
    return lo;
  }

  // Merges the adjacent sorted runs [a, b) and [b, c). -1 on error (still a permutation).
  int merge(int64_t a, int64_t b, int64_t c) {
    bool err = false;
    // Items of the left run not greater than the right run's first item are already in place,
    // as are items of the right run not less than the left run's last item.
    a = bisect_right(keys[b], a, b, &err);
    if (err) return -1;
    if (a == b) return 0;
    c = bisect_left(keys[b - 1], b, c, &err);
    if (err) return -1;
    int64_t na = b - a;
    std::memcpy(static_cast<void*>(tmp_keys), keys + a, static_cast<size_t>(na) * sizeof(Value));
    if (values) std::memcpy(static_cast<void*>(tmp_values), values + a, static_cast<size_t>(na) * sizeof(Value));
    int64_t i = 0, j = b, d = a;
    int result = 0;
    while (i < na && j < c) {
      int lt_ = lt(keys[j], tmp_keys[i]);
      if (lt_ < 0) {
        result = -1;
        break;
      }
      if (lt_) {
        keys[d] = keys[j];
        if (values) values[d] = values[j];
        ++j;
      } else {
        keys[d] = tmp_keys[i];
        if (values) values[d] = tmp_values[i];
        ++i;
      }
      ++d;
    }
    // What is left of the left run fills the gap before the unmerged rest of the right run.
    std::memcpy(static_cast<void*>(keys + d), tmp_keys + i, static_cast<size_t>(na - i) * sizeof(Value));
    if (values) std::memcpy(static_cast<void*>(values + d), tmp_values + i, static_cast<size_t>(na - i) * sizeof(Value));
    return result;
  }

  static int64_t minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  int sort(int64_t n) {
    if (n < 2) return 0;
    int64_t min_run = minrun(n);
    if (n >= 64) {
      // merge() always copies the left run, which may be most of the array.
      tmp_keys = static_cast<Value*>(gc_malloc(static_cast<size_t>(n) * sizeof(Value)));
      if (values) tmp_values = static_cast<Value*>(gc_malloc(static_cast<size_t>(n) * sizeof(Value)));
    }
    // The pending runs (start, length); TimSort's invariants bound the stack by log_phi(n).
    int64_t run_start[96], run_len[96];
    int depth = 0;
    int64_t lo = 0;
    while (lo < n) {
      int64_t len = count_run(lo, n);
      if (len < 0) return -1;
      if (len < min_run) {
        int64_t forced = std::min(min_run, n - lo);
        if (binary_insertion(lo, lo + forced, lo + len) < 0) return -1;
        len = forced;
      }
      run_start[depth] = lo;
      run_len[depth] = len;
      ++depth;
      lo += len;
      if (collapse(run_start, run_len, &depth, false) < 0) return -1;
    }
    return collapse(run_start, run_len, &depth, true);
  }

  int merge_at(int64_t* start, int64_t* len, int* depth, int i) {
    if (merge(start[i], start[i + 1], start[i + 1] + len[i + 1]) < 0) return -1;
    len[i] += len[i + 1];
    for (int k = i + 1; k + 1 < *depth; ++k) {
      start[k] = start[k + 1];
      len[k] = len[k + 1];
    }
    --*depth;
    return 0;
  }

  // Restores the invariants len[i-2] > len[i-1] + len[i] and len[i-1] > len[i] (or merges
  // everything when `all`).
  int collapse(int64_t* start, int64_t* len, int* depth, bool all) {
    while (*depth > 1) {
      int n = *depth - 2;
      if (all) {
        if (n > 0 && len[n - 1] < len[n + 1]) --n;
      } else if ((n > 0 && len[n - 1] <= len[n] + len[n + 1]) ||
                 (n > 1 && len[n - 2] <= len[n - 1] + len[n])) {
        if (len[n - 1] < len[n + 1]) --n;
      } else if (len[n] > len[n + 1]) {
        break;
      }
      if (merge_at(start, len, depth, n) < 0) return -1;
    }
    return 0;
  }
};

CompareKind choose_compare(const Value* keys, int64_t n) {
  if (n == 0) return CompareKind::Generic;
  bool ints = true, strs = true, floats = true;
  for (int64_t i = 0; i < n && (ints || strs || floats); ++i) {
    Value k = keys[i];
    if (k.is_small_int()) {
      strs = floats = false;
      continue;
    }
    ints = false;
    Type* t = k.as_object()->type;
    if (t != &str_type) strs = false;
    if (t != &float_type) floats = false;
  }
  if (ints) return CompareKind::SmallInt;
  if (strs) return CompareKind::Str;
  if (floats) return CompareKind::Float;
  return CompareKind::Generic;
}

}  // namespace

int list_sort(List* l, Value key, bool reverse) {
  // The list looks empty while it is sorted, so a key function or __lt__ that mutates it is
  // caught afterwards ("list modified during sort") and never sees a half-sorted array.
  Value* items = l->items;
  int64_t n = l->size, cap = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;

  Value* keys = items;
  Value* values = nullptr;
  int result = 0;
  if (key && !is_none(key)) {
    keys = static_cast<Value*>(gc_malloc(static_cast<size_t>(n > 0 ? n : 1) * sizeof(Value)));
    for (int64_t i = 0; i < n; ++i) {
      keys[i] = call(key, &items[i], 1);
      if (!keys[i]) {
        result = -1;
        break;
      }
    }
    values = items;
  }
  if (result == 0) {
    Sorter s{keys, values};
    s.kind = choose_compare(keys, n);
    if (reverse) s.reverse(0, n);
    result = s.sort(n);
    if (reverse) s.reverse(0, n);
  }

  bool modified = l->items != nullptr || l->size != 0;
  l->items = items;
  l->size = n;
  l->capacity = cap;
  if (result == 0 && modified) {
    raise(&exc_ValueError, "list modified during sort");
    return -1;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Slots

namespace {

Value list_tp_new(Type* type, const Value* args, size_t nargs, Tuple* kwnames) { return list_alloc(type); }

int list_tp_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("list", kwnames)) return -1;
  if (nargs > 1) {
    raise(&exc_TypeError, "list expected at most 1 argument, got " + std::to_string(nargs));
    return -1;
  }
  List* l = as_list(self);
  clear_tail(l, 0, l->size);
  l->size = 0;
  if (nargs == 0) return 0;
  return list_extend(l, args[0]);
}

Value list_repr(Value self) {
  List* l = as_list(self);
  if (l->size == 0) return str_new("[]");
  if (repr_enter(l)) return str_new("[...]");
  std::string out = "[";
  // The size is re-read every step: an item's __repr__ may shrink the list.
  for (int64_t i = 0; i < l->size; i++) {
    if (i) out += ", ";
    if (!append_repr(out, l->items[i])) {
      repr_leave(l);
      return Value();
    }
  }
  out += ']';
  repr_leave(l);
  return str_new(out);
}

Value list_richcompare(Value a, Value b, CompareOp op) {
  if (!list_check(a) || !list_check(b)) return not_implemented_value();
  return sequence_richcompare(a, b, op);
}

int64_t list_length(Value self) { return as_list(self)->size; }

Value list_getslice(List* l, Slice* s) {
  int64_t start, stop, step, count;
  if (slice_indices(s, l->size, &start, &stop, &step, &count) < 0) return Value();
  if (count <= 0) return list_new();
  if (step == 1) return list_from_array(l->items + start, count);
  List* r = list_new(count);
  for (int64_t i = 0, j = start; i < count; i++, j += step) r->items[i] = l->items[j];
  r->size = count;
  return r;
}

Value list_subscript(Value self, Value key) {
  List* l = as_list(self);
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    if (i < 0) i += l->size;
    if (static_cast<uint64_t>(i) < static_cast<uint64_t>(l->size)) return l->items[i];
    return raise(&exc_IndexError, "list index out of range");
  }
  int64_t i;
  int k = subscript_index(key, &i);
  if (k < 0) return Value();
  if (k == 0) {
    if (type_of(key) == &slice_type) return list_getslice(l, key.as<Slice>());
    return raise_bad_index_type("list", key);
  }
  if (i < 0) i += l->size;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->size)) {
    return raise(&exc_IndexError, "list index out of range");
  }
  return l->items[i];
}

// PySequence_Fast: a list or tuple as is, anything iterable as a new list.
Value sequence_fast(Value v, const char* not_iterable_msg) {
  if (list_check_exact(v) || tuple_check_exact(v)) return v;
  Value it = get_iter(v);
  if (!it) {
    if (error_matches(&exc_TypeError)) raise(&exc_TypeError, not_iterable_msg);
    return Value();
  }
  return list_from_iterable(it);
}

int list_del_slice(List* l, int64_t start, int64_t step, int64_t count) {
  if (count <= 0) return 0;
  if (step < 0) {  // the same items, walked forwards
    start = start + step * (count - 1);
    step = -step;
  }
  int64_t old = l->size;
  if (step == 1) {
    std::memmove(static_cast<void*>(l->items + start), l->items + start + count,
                 static_cast<size_t>(old - start - count) * sizeof(Value));
  } else {
    int64_t d = start;
    for (int64_t s = start; s < old; ++s) {
      if (s >= start && (s - start) % step == 0 && (s - start) / step < count) continue;
      l->items[d++] = l->items[s];
    }
  }
  l->size = old - count;
  clear_tail(l, l->size, old);
  return 0;
}

int list_ass_slice(List* l, Slice* s, Value value) {
  int64_t start, stop, step, count;
  if (slice_indices(s, l->size, &start, &stop, &step, &count) < 0) return -1;
  if (!value) return list_del_slice(l, start, step, count);
  // a[i:j] = a reads from the list it modifies: take a snapshot first.
  Value seq = value.is(l) ? Value(list_as_tuple(l)) : sequence_fast(value, "can only assign an iterable");
  if (!seq) return -1;
  const Value* items;
  int64_t n;
  sequence_items(seq, &items, &n);
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t removed = stop - start, old = l->size;
    int64_t delta = n - removed;
    if (delta > 0 && !list_reserve(l, old + delta)) return -1;
    if (old > stop) {
      std::memmove(static_cast<void*>(l->items + start + n), l->items + stop,
                   static_cast<size_t>(old - stop) * sizeof(Value));
    }
    std::copy_n(items, n, l->items + start);
    l->size = old + delta;
    if (delta < 0) clear_tail(l, l->size, old);
    return 0;
  }
  if (n != count) {
    raise(&exc_ValueError, "attempt to assign sequence of size " + std::to_string(n) +
                               " to extended slice of size " + std::to_string(count));
    return -1;
  }
  for (int64_t i = 0, j = start; i < count; i++, j += step) l->items[j] = items[i];
  return 0;
}

int list_ass_subscript(Value self, Value key, Value value) {
  List* l = as_list(self);
  int64_t i;
  int k = subscript_index(key, &i);
  if (k < 0) return -1;
  if (k == 0) {
    if (type_of(key) == &slice_type) return list_ass_slice(l, key.as<Slice>(), value);
    raise_bad_index_type("list", key);
    return -1;
  }
  if (i < 0) i += l->size;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->size)) {
    raise(&exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (value) {
    l->items[i] = value;
    return 0;
  }
  return list_del_slice(l, i, 1, 1);
}

int list_contains(Value self, Value item) {
  List* l = as_list(self);
  for (int64_t i = 0; i < l->size; i++) {
    int eq = equals(l->items[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

int list_bool(Value self) { return as_list(self)->size != 0; }

Value list_add(Value a, Value b) {
  if (!list_check(a) || !list_check(b)) {
    if (list_check(a) && !defer_binary_to(b, BinaryOp::Add, list_add)) {
      return raise(&exc_TypeError,
                   std::string("can only concatenate list (not \"") + type_name(b) + "\") to list");
    }
    return not_implemented_value();
  }
  List* x = as_list(a);
  List* y = as_list(b);
  if (x->size > kMaxListSize - y->size) return raise_no_memory();
  List* r = list_new(x->size + y->size);
  // copy_n, not memcpy: an empty list's items may be null, which memcpy may not be given.
  std::copy_n(x->items, x->size, r->items);
  std::copy_n(y->items, y->size, r->items + x->size);
  r->size = x->size + y->size;
  return r;
}

Value list_inplace_add(Value a, Value b) {
  if (!list_check(a)) return not_implemented_value();
  if (list_extend(as_list(a), b) < 0) return Value();
  return a;
}

Value list_mul(Value a, Value b) {
  Value seqv;
  int64_t n;
  int k = sequence_repeat_operands(a, b, list_check, list_mul, &seqv, &n);
  if (k <= 0) return k == 0 ? not_implemented_value() : Value();
  List* l = as_list(seqv);
  int64_t size = l->size;
  if (size == 0 || n == 0) return list_new();
  if (size > kMaxListSize / n) return raise_no_memory();
  auto* items = static_cast<Value*>(gc_malloc_or_raise(static_cast<size_t>(size * n) * sizeof(Value)));
  if (!items) return Value();
  List* r = list_new();
  r->items = items;
  r->capacity = size * n;
  if (size == 1) {
    Value v = l->items[0];
    for (int64_t i = 0; i < n; i++) r->items[i] = v;
  } else {
    for (int64_t i = 0; i < n; i++) {
      std::memcpy(static_cast<void*>(r->items + i * size), l->items, static_cast<size_t>(size) * sizeof(Value));
    }
  }
  r->size = size * n;
  return r;
}

Value list_inplace_mul(Value a, Value b) {
  if (!list_check(a)) return not_implemented_value();
  Value seqv;
  int64_t n;
  int k = sequence_repeat_operands(a, b, list_check, list_mul, &seqv, &n);
  if (k <= 0) return k == 0 ? not_implemented_value() : Value();
  List* l = as_list(a);
  int64_t size = l->size;
  if (n == 0 || size == 0) {
    clear_tail(l, 0, size);
    l->size = 0;
    return a;
  }
  if (size > kMaxListSize / n) return raise_no_memory();
  if (!list_reserve(l, size * n)) return Value();
  for (int64_t i = 1; i < n; i++) {
    std::memcpy(static_cast<void*>(l->items + i * size), l->items, static_cast<size_t>(size) * sizeof(Value));
  }
  l->size = size * n;
  return a;
}

Value list_iter(Value self) {
  ListIterator* it = alloc<ListIterator>(&list_iterator_type);
  it->list = as_list(self);
  it->index = 0;
  return it;
}

Value list_iter_next(Value self) {
  ListIterator* it = self.as<ListIterator>();
  List* l = it->list;
  if (!l) return Value();
  if (it->index < l->size) return l->items[it->index++];
  it->list = nullptr;
  return Value();
}

Value list_reverse_iter_next(Value self) {
  ListIterator* it = self.as<ListIterator>();
  List* l = it->list;
  if (!l) return Value();
  if (it->index >= 0 && it->index < l->size) return l->items[it->index--];
  it->list = nullptr;
  return Value();
}

Value list_iter_length_hint(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("__length_hint__", nargs, kwnames)) return Value();
  ListIterator* it = self.as<ListIterator>();
  if (!it->list) return Value::small_int(0);
  int64_t n = type_of(self) == &list_iterator_type ? it->list->size - it->index : it->index + 1;
  return Value::small_int(n < 0 || n > it->list->size ? 0 : n);
}

const MethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint},
    {nullptr, nullptr},
};

// ---------------------------------------------------------------------------------------------
// Methods

Value list_m_append(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("list.append", nargs, kwnames)) return Value();
  List* l = as_list(self);
  if (l->size == l->capacity && !list_reserve(l, l->size + 1)) return Value();
  l->items[l->size++] = args[0];
  return none_value();
}

Value list_m_extend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("list.extend", nargs, kwnames)) return Value();
  if (list_extend(as_list(self), args[0]) < 0) return Value();
  return none_value();
}

Value list_m_insert(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("insert", "list.insert", nargs, kwnames, 2, 2)) return Value();
  int64_t i;
  if (!index_to_i64(args[0], &i)) return Value();
  List* l = as_list(self);
  if (l->size == l->capacity && !list_reserve(l, l->size + 1)) return Value();
  list_insert(l, i, args[1]);
  return none_value();
}

Value list_m_pop(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("pop", "list.pop", nargs, kwnames, 0, 1)) return Value();
  List* l = as_list(self);
  int64_t i = -1;
  if (nargs == 1 && !index_to_i64(args[0], &i)) return Value();
  if (l->size == 0) return raise(&exc_IndexError, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return raise(&exc_IndexError, "pop index out of range");
  Value v = l->items[i];
  list_del_slice(l, i, 1, 1);
  return v;
}

Value list_m_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("list.remove", nargs, kwnames)) return Value();
  List* l = as_list(self);
  for (int64_t i = 0; i < l->size; i++) {
    int eq = equals(l->items[i], args[0]);
    if (eq < 0) return Value();
    if (eq) {
      // The comparison may have shrunk the list; i is still valid if it is below the size.
      if (i < l->size) list_del_slice(l, i, 1, 1);
      return none_value();
    }
  }
  return raise(&exc_ValueError, "list.remove(x): x not in list");
}

Value list_m_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!posargs_ok("index", "list.index", nargs, kwnames, 1, 3)) return Value();
  List* l = as_list(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !clamp_index_arg(args[1], &start)) return Value();
  if (nargs > 2 && !clamp_index_arg(args[2], &stop)) return Value();
  adjust_search_range(l->size, &start, &stop);
  for (int64_t i = start; i < stop && i < l->size; i++) {
    int eq = equals(l->items[i], args[0]);
    if (eq < 0) return Value();
    if (eq) return Value::small_int(i);
  }
  std::string msg;
  if (!append_repr(msg, args[0])) return Value();
  return raise(&exc_ValueError, msg + " is not in list");
}

Value list_m_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!onearg_ok("list.count", nargs, kwnames)) return Value();
  List* l = as_list(self);
  int64_t n = 0;
  for (int64_t i = 0; i < l->size; i++) {
    int eq = equals(l->items[i], args[0]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::small_int(n);
}

Value list_m_clear(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("list.clear", nargs, kwnames)) return Value();
  List* l = as_list(self);
  // Drop the array: a cleared list should not pin its old capacity (or the items in it).
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  return none_value();
}

Value list_m_copy(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("list.copy", nargs, kwnames)) return Value();
  List* l = as_list(self);
  return list_from_array(l->items, l->size);
}

Value list_m_reverse(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("list.reverse", nargs, kwnames)) return Value();
  List* l = as_list(self);
  for (int64_t i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
  return none_value();
}

Value list_m_sort(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return raise(&exc_TypeError, "sort() takes no positional arguments");
  Value key;
  bool reverse = false;
  for (int64_t i = 0; kwnames && i < kwnames->size; i++) {
    Str* name = kwnames->items()[i].as<Str>();
    Value v = args[i];
    if (name->view() == "key") {
      key = v;
    } else if (name->view() == "reverse") {
      int64_t r;
      if (int_check(v)) {
        r = int_sign(v);
      } else if (!index_to_i64(v, &r)) {
        return Value();
      }
      reverse = r != 0;
    } else {
      return raise(&exc_TypeError,
                   "'" + std::string(name->view()) + "' is an invalid keyword argument for sort()");
    }
  }
  if (list_sort(as_list(self), key, reverse) < 0) return Value();
  return none_value();
}

Value list_m_reversed(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!noargs_ok("list.__reversed__", nargs, kwnames)) return Value();
  ListIterator* it = alloc<ListIterator>(&list_reverseiterator_type);
  it->list = as_list(self);
  it->index = it->list->size - 1;
  return it;
}

const MethodDef list_methods[] = {
    {"append", list_m_append},
    {"extend", list_m_extend},
    {"insert", list_m_insert},
    {"pop", list_m_pop},
    {"remove", list_m_remove},
    {"index", list_m_index},
    {"count", list_m_count},
    {"clear", list_m_clear},
    {"copy", list_m_copy},
    {"reverse", list_m_reverse},
    {"sort", list_m_sort},
    {"__reversed__", list_m_reversed},
    {"__class_getitem__", generic_class_getitem, kMethodClass},
    {nullptr, nullptr},
};

}  // namespace

void list_type_init() {
  list_type.flags |= kTypeBaseType | kTypeListSubclass;
  list_type.basicsize = sizeof(List);
  list_type.tp_new = list_tp_new;
  list_type.tp_init = list_tp_init;
  list_type.tp_repr = list_repr;
  list_type.tp_hash = hash_not_implemented;
  list_type.tp_richcompare = list_richcompare;
  list_type.tp_iter = list_iter;
  list_type.mp_length = list_length;
  list_type.mp_subscript = list_subscript;
  list_type.mp_ass_subscript = list_ass_subscript;
  list_type.sq_contains = list_contains;
  list_type.nb.boolean = list_bool;
  list_type.nb.binary[static_cast<int>(BinaryOp::Add)] = list_add;
  list_type.nb.binary[static_cast<int>(BinaryOp::Mul)] = list_mul;
  list_type.nb.inplace[static_cast<int>(BinaryOp::Add)] = list_inplace_add;
  list_type.nb.inplace[static_cast<int>(BinaryOp::Mul)] = list_inplace_mul;
  type_ready(&list_type, "list", &object_type, list_methods);

  list_iterator_type.basicsize = sizeof(ListIterator);
  list_iterator_type.tp_iter = iter_self;
  list_iterator_type.tp_iternext = list_iter_next;
  type_ready(&list_iterator_type, "list_iterator", &object_type, list_iter_methods);

  list_reverseiterator_type.basicsize = sizeof(ListIterator);
  list_reverseiterator_type.tp_iter = iter_self;
  list_reverseiterator_type.tp_iternext = list_reverse_iter_next;
  type_ready(&list_reverseiterator_type, "list_reverseiterator", &object_type, list_iter_methods);
}

}  // namespace minipy
