// tuple, list, dict, set/frozenset, range, slice and the builtin iterator types through the
// C++ API: construction, growth and resizing, the methods and operators with CPython's results
// and exception messages, mutation during iteration and sorting, and the iterator protocol.
// Expected reprs and messages were checked against CPython 3.11.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range_slice.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class ContainersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }
};

Value S(std::string_view s) { return str_new(s); }
Value I(int64_t i) { return int_from_i64(i); }
Value big(const char* digits) { return int_from_string(digits, 10); }

// repr(v), or "!Type: message" when v is null because an exception is pending.
std::string outcome(Value v) {
  if (!v) {
    Value e = error_fetch();
    if (!e) return "<null without exception>";
    Value s = to_str(e);
    return std::string("!") + type_name(e) + ": " + (s ? std::string(s.as<Str>()->view()) : "?");
  }
  Value r = repr(v);
  return r ? std::string(r.as<Str>()->view()) : "<repr failed>";
}

// An int result (-1 meaning error) as outcome() would show the exception.
std::string status(int r) {
  if (r >= 0) return std::to_string(r);
  return outcome(Value());
}

Value make(Type* t, std::initializer_list<Value> args = {}) { return call(Value(t), args); }
Value M(Value obj, const char* name, std::initializer_list<Value> args = {}) {
  return call_method_cstr(obj, name, args);
}
// obj.name(*args, **kwargs)
Value MK(Value obj, const char* name, GcVector<Value> args, GcVector<std::pair<const char*, Value>> kw) {
  Value fn = getattr_cstr(obj, name);
  if (!fn) return fn;
  size_t nargs = args.size();
  Tuple* kwnames = tuple_new(static_cast<int64_t>(kw.size()));
  for (size_t i = 0; i < kw.size(); i++) {
    (*kwnames)[static_cast<int64_t>(i)] = intern(kw[i].first);
    args.push_back(kw[i].second);
  }
  return call(fn, args.data(), nargs, kw.empty() ? nullptr : kwnames);
}
Value L(std::initializer_list<Value> items) { return list_from_array(items.begin(), static_cast<int64_t>(items.size())); }
Value T(std::initializer_list<Value> items) { return tuple_of(items); }
Value ints(std::initializer_list<int64_t> xs) {
  List* l = list_new();
  for (int64_t x : xs) list_append(l, I(x));
  return l;
}
Value builtin(const char* name) { return getattr_cstr(Value(builtins_module()), name); }

// ---- tuple -------------------------------------------------------------------------------------

TEST_F(ContainersTest, TupleBasics) {
  EXPECT_EQ(tuple_new(0), empty_tuple());
  EXPECT_TRUE(make(&tuple_type).is(empty_tuple()));
  EXPECT_EQ(outcome(T({})), "()");
  EXPECT_EQ(outcome(T({I(1)})), "(1,)");
  EXPECT_EQ(outcome(T({I(1), S("two"), none_value()})), "(1, 'two', None)");
  Value t = make(&tuple_type, {ints({1, 2, 3})});
  EXPECT_EQ(outcome(t), "(1, 2, 3)");
  EXPECT_TRUE(make(&tuple_type, {t}).is(t));
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, t, T({I(4)}))), "(1, 2, 3, 4)");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, T({I(1), I(2)}), I(2))), "(1, 2, 1, 2)");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, I(2), T({I(0)}))), "(0, 0)");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, T({I(1)}), I(-3))), "()");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, t, L({}))), "!TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(outcome(getitem(t, I(-1))), "3");
  EXPECT_EQ(outcome(getitem(t, I(3))), "!IndexError: tuple index out of range");
  EXPECT_EQ(outcome(getitem(t, S("a"))), "!TypeError: tuple indices must be integers or slices, not str");
  EXPECT_EQ(outcome(getitem(t, slice_new(none_value(), none_value(), I(-1)))), "(3, 2, 1)");
  EXPECT_EQ(outcome(M(T({I(1), I(2), I(1)}), "count", {I(1)})), "2");
  EXPECT_EQ(outcome(M(t, "index", {I(3)})), "2");
  EXPECT_EQ(outcome(M(t, "index", {I(3), I(-1)})), "2");
  EXPECT_EQ(outcome(M(t, "index", {I(9)})), "!ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(outcome(M(t, "index", {})), "!TypeError: index expected at least 1 argument, got 0");
  EXPECT_EQ(outcome(M(t, "__getnewargs__")), "((1, 2, 3),)");
  EXPECT_EQ(outcome(make(&tuple_type, {I(1), I(2)})), "!TypeError: tuple expected at most 1 argument, got 2");
  EXPECT_EQ(outcome(make(&tuple_type, {I(1)})), "!TypeError: 'int' object is not iterable");
}

TEST_F(ContainersTest, TupleHashAndCompare) {
  Value a = T({I(1), S("x")}), b = T({I(1), S("x")});
  EXPECT_EQ(hash(a), hash(b));
  EXPECT_NE(hash(T({I(1), I(2)})), hash(T({I(2), I(1)})));
  EXPECT_EQ(hash(T({L({})})), -1);
  EXPECT_EQ(outcome(Value()), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(compare_bool(T({I(1), I(2)}), T({I(1), I(3)}), CompareOp::Lt), 1);
  EXPECT_EQ(compare_bool(T({I(2)}), T({I(1), I(9)}), CompareOp::Gt), 1);
  EXPECT_EQ(compare_bool(T({I(1)}), T({I(1), I(0)}), CompareOp::Lt), 1);
  EXPECT_EQ(compare_bool(a, b, CompareOp::Eq), 1);
  EXPECT_EQ(status(compare_bool(T({I(1)}), T({S("a")}), CompareOp::Lt)),
            "!TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(contains(a, S("x")), 1);
  EXPECT_EQ(contains(a, S("y")), 0);
}

// ---- list --------------------------------------------------------------------------------------

TEST_F(ContainersTest, ListGrowthAndMethods) {
  List* l = list_new();
  for (int64_t i = 0; i < 10000; i++) list_append(l, I(i));
  EXPECT_EQ(l->size, 10000);
  EXPECT_GE(l->capacity, l->size);
  EXPECT_EQ(l->items[9999].as_small_int(), 9999);

  Value a = ints({3, 1, 2});
  M(a, "append", {I(5)});
  M(a, "extend", {T({I(7), I(8)})});
  M(a, "insert", {I(0), S("x")});
  M(a, "insert", {I(100), S("end")});
  M(a, "insert", {I(-1), S("pen")});
  EXPECT_EQ(outcome(a), "['x', 3, 1, 2, 5, 7, 8, 'pen', 'end']");
  EXPECT_EQ(outcome(M(a, "pop")), "'end'");
  EXPECT_EQ(outcome(M(a, "pop", {I(0)})), "'x'");
  EXPECT_EQ(outcome(M(a, "pop", {I(-2)})), "8");
  EXPECT_EQ(outcome(M(a, "pop", {I(10)})), "!IndexError: pop index out of range");
  EXPECT_EQ(outcome(M(L({}), "pop")), "!IndexError: pop from empty list");
  EXPECT_EQ(outcome(M(a, "remove", {I(99)})), "!ValueError: list.remove(x): x not in list");
  EXPECT_EQ(outcome(M(a, "index", {I(99)})), "!ValueError: 99 is not in list");
  EXPECT_EQ(outcome(M(a, "index", {S("q")})), "!ValueError: 'q' is not in list");
  EXPECT_EQ(outcome(M(a, "index", {I(1), S("a")})),
            "!TypeError: slice indices must be integers or have an __index__ method");
  EXPECT_EQ(outcome(M(a, "append")), "!TypeError: list.append() takes exactly one argument (0 given)");
  EXPECT_EQ(outcome(M(a, "pop", {I(1), I(2)})), "!TypeError: pop expected at most 1 argument, got 2");
  EXPECT_EQ(outcome(M(a, "insert", {I(1)})), "!TypeError: insert expected 2 arguments, got 1");
  EXPECT_EQ(outcome(MK(a, "append", {}, {{"x", I(1)}})), "!TypeError: list.append() takes no keyword arguments");
  M(a, "remove", {S("pen")});
  EXPECT_EQ(outcome(a), "[3, 1, 2, 5, 7]");
  M(a, "reverse");
  EXPECT_EQ(outcome(a), "[7, 5, 2, 1, 3]");
  Value c = M(a, "copy");
  M(c, "clear");
  EXPECT_EQ(outcome(c), "[]");
  EXPECT_EQ(outcome(a), "[7, 5, 2, 1, 3]");
  EXPECT_EQ(outcome(M(ints({1, 1, 2}), "count", {I(1)})), "2");
  EXPECT_EQ(outcome(M(ints({1, 2, 3, 2}), "index", {I(2), I(2)})), "3");
  // extend with itself doubles it.
  Value d = ints({1, 2});
  M(d, "extend", {d});
  EXPECT_EQ(outcome(d), "[1, 2, 1, 2]");
  EXPECT_EQ(hash(d), -1);
  EXPECT_EQ(outcome(Value()), "!TypeError: unhashable type: 'list'");
}

TEST_F(ContainersTest, ListOperators) {
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, ints({1, 2}), ints({3}))), "[1, 2, 3]");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, ints({1}), I(1))), "!TypeError: can only concatenate list (not \"int\") to list");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, ints({0}), I(4))), "[0, 0, 0, 0]");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, I(2), ints({1, 2}))), "[1, 2, 1, 2]");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, ints({1}), S("a"))), "!TypeError: can't multiply sequence by non-int of type 'str'");
  Value c = ints({1, 2, 3});
  Value c2 = inplace_op(BinaryOp::Add, c, T({I(4)}));
  EXPECT_TRUE(c2.is(c));
  c2 = inplace_op(BinaryOp::Mul, c, I(2));
  EXPECT_TRUE(c2.is(c));
  EXPECT_EQ(outcome(c), "[1, 2, 3, 4, 1, 2, 3, 4]");
  EXPECT_EQ(compare_bool(ints({1, 2}), ints({1, 2}), CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(ints({1, 2}), ints({2, 1}), CompareOp::Ne), 1);
  EXPECT_EQ(compare_bool(ints({1, 2}), ints({1, 2, 0}), CompareOp::Lt), 1);
  EXPECT_EQ(outcome(compare(ints({}), I(1), CompareOp::Lt)), "!TypeError: '<' not supported between instances of 'list' and 'int'");
  EXPECT_EQ(contains(ints({1, 2, 3}), I(3)), 1);
  // Recursive repr.
  Value r = ints({1});
  list_append(r.as<List>(), r);
  EXPECT_EQ(outcome(r), "[1, [...]]");
}

TEST_F(ContainersTest, ListSlicing) {
  Value a = list_from_iterable(make(&range_type, {I(10)}));
  auto sl = [](Value start, Value stop, Value step) { return Value(slice_new(start, stop, step)); };
  Value n = none_value();
  EXPECT_EQ(outcome(getitem(a, sl(I(2), I(5), n))), "[2, 3, 4]");
  EXPECT_EQ(outcome(getitem(a, sl(n, n, I(3)))), "[0, 3, 6, 9]");
  EXPECT_EQ(outcome(getitem(a, sl(I(8), I(2), I(-2)))), "[8, 6, 4]");
  EXPECT_EQ(outcome(getitem(a, sl(I(-100), I(2), n))), "[0, 1]");
  EXPECT_EQ(outcome(getitem(a, sl(n, n, I(0)))), "!ValueError: slice step cannot be zero");
  EXPECT_EQ(outcome(getitem(a, big("100000000000000000000"))), "!IndexError: cannot fit 'int' into an index-sized integer");

  Value b = list_from_iterable(make(&range_type, {I(6)}));
  EXPECT_EQ(setitem(b, sl(I(1), I(3), n), L({S("x"), S("y"), S("z")})), 0);
  EXPECT_EQ(outcome(b), "[0, 'x', 'y', 'z', 3, 4, 5]");
  EXPECT_EQ(setitem(b, sl(n, n, I(2)), ints({0, 0, 0, 0})), 0);
  EXPECT_EQ(outcome(b), "[0, 'x', 0, 'z', 0, 4, 0]");
  EXPECT_EQ(setitem(b, sl(n, n, n), ints({1, 2})), 0);
  EXPECT_EQ(outcome(b), "[1, 2]");
  EXPECT_EQ(setitem(b, sl(I(1), I(1), n), ints({9, 9})), 0);
  EXPECT_EQ(outcome(b), "[1, 9, 9, 2]");
  EXPECT_EQ(setitem(b, sl(n, n, n), b), 0);
  EXPECT_EQ(outcome(b), "[1, 9, 9, 2]");
  EXPECT_EQ(setitem(b, sl(I(1), I(3), n), b), 0);
  EXPECT_EQ(outcome(b), "[1, 1, 9, 9, 2, 2]");
  EXPECT_EQ(delitem(b, sl(n, n, I(2))), 0);
  EXPECT_EQ(outcome(b), "[1, 9, 2]");
  EXPECT_EQ(delitem(b, sl(n, n, I(-1))), 0);
  EXPECT_EQ(outcome(b), "[]");
  Value c = ints({1, 2, 3, 4});
  EXPECT_EQ(status(setitem(c, sl(n, n, I(2)), ints({1}))),
            "!ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
  EXPECT_EQ(status(setitem(c, sl(I(1), I(2), n), I(3))), "!TypeError: can only assign an iterable");
  EXPECT_EQ(status(setitem(c, I(4), I(0))), "!IndexError: list assignment index out of range");
  EXPECT_EQ(delitem(c, I(-1)), 0);
  EXPECT_EQ(status(delitem(c, I(5))), "!IndexError: list assignment index out of range");
  EXPECT_EQ(outcome(c), "[1, 2, 3]");
}

TEST_F(ContainersTest, ListSort) {
  Value words = L({S("banana"), S("Apple"), S("cherry"), S("apple")});
  ASSERT_TRUE(M(words, "sort"));
  EXPECT_EQ(outcome(words), "['Apple', 'apple', 'banana', 'cherry']");
  ASSERT_TRUE(MK(words, "sort", {}, {{"key", builtin("len")}, {"reverse", true_value()}}));
  EXPECT_EQ(outcome(words), "['banana', 'cherry', 'Apple', 'apple']");  // stable within equal keys
  EXPECT_EQ(outcome(M(L({I(1), S("a")}), "sort")), "!TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(outcome(M(words, "sort", {I(1)})), "!TypeError: sort() takes no positional arguments");
  EXPECT_EQ(outcome(MK(words, "sort", {}, {{"x", I(1)}})), "!TypeError: 'x' is an invalid keyword argument for sort()");
  EXPECT_EQ(outcome(MK(words, "sort", {}, {{"reverse", S("a")}})),
            "!TypeError: 'str' object cannot be interpreted as an integer");

  // A key function that appends to the list being sorted.
  Value victim = ints({1});
  EXPECT_EQ(outcome(MK(victim, "sort", {}, {{"key", getattr_cstr(victim, "append")}})),
            "!ValueError: list modified during sort");
  EXPECT_EQ(outcome(victim), "[1]");

  // Large inputs of every shape against std::stable_sort, keys compared by value only.
  std::mt19937_64 rng(12345);
  for (int shape = 0; shape < 5; shape++) {
    for (int64_t n : {0, 1, 2, 63, 64, 65, 1000, 5000}) {
      std::vector<std::pair<int64_t, int64_t>> ref;  // (key, original position)
      List* keys = list_new();
      for (int64_t i = 0; i < n; i++) {
        int64_t k = shape == 0 ? static_cast<int64_t>(rng() % 50)
                    : shape == 1 ? i
                    : shape == 2 ? n - i
                    : shape == 3 ? (i % 100 < 90 ? i : static_cast<int64_t>(rng() % 1000))
                                 : static_cast<int64_t>(rng() % 1000000) - 500000;
        ref.push_back({k, i});
        list_append(keys, T({I(k), I(i)}));
      }
      std::stable_sort(ref.begin(), ref.end(), [](auto& a, auto& b) { return a.first < b.first; });
      // (key, position) tuples: the generic comparison path, checked item by item.
      ASSERT_EQ(list_sort(keys, Value(), false), 0);
      for (int64_t i = 0; i < n; i++) {
        Tuple* t = keys->items[i].as<Tuple>();
        ASSERT_EQ((*t)[0].as_small_int(), ref[static_cast<size_t>(i)].first);
        ASSERT_EQ((*t)[1].as_small_int(), ref[static_cast<size_t>(i)].second);
      }
      // Plain small ints take the specialised comparison; reverse must keep stability too.
      List* plain = list_new();
      for (auto& p : ref) list_append(plain, I(p.first));
      ASSERT_EQ(list_sort(plain, Value(), true), 0);
      for (int64_t i = 1; i < n; i++) ASSERT_GE(plain->items[i - 1].as_small_int(), plain->items[i].as_small_int());
    }
  }
  // Stability with a key function and reverse=True: equal keys keep their original order.
  Value pairs = L({T({I(1), S("a")}), T({I(0), S("b")}), T({I(1), S("c")}), T({I(0), S("d")})});
  ASSERT_TRUE(MK(pairs, "sort", {}, {{"key", builtin("len")}, {"reverse", true_value()}}));
  EXPECT_EQ(outcome(pairs), "[(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')]");
}

// ---- dict --------------------------------------------------------------------------------------

TEST_F(ContainersTest, DictBasics) {
  Dict* d = dict_new();
  EXPECT_EQ(outcome(d), "{}");
  uint64_t v0 = d->version;
  ASSERT_EQ(dict_set(d, S("b"), I(2)), 0);
  EXPECT_NE(d->version, v0);
  dict_set(d, S("a"), I(1));
  dict_set_cstr(d, "c", I(3));
  EXPECT_EQ(outcome(d), "{'b': 2, 'a': 1, 'c': 3}");
  EXPECT_EQ(outcome(dict_get_cstr(d, "a")), "1");
  EXPECT_FALSE(dict_get(d, S("zz")));
  EXPECT_FALSE(error_pending());
  EXPECT_FALSE(dict_get(d, L({})));
  EXPECT_EQ(outcome(Value()), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(outcome(getitem(d, S("q"))), "!KeyError: 'q'");
  EXPECT_EQ(outcome(getitem(d, T({S("t"), I(1)}))), "!KeyError: ('t', 1)");
  EXPECT_EQ(dict_del(d, S("b")), 1);
  EXPECT_EQ(dict_del(d, S("b")), 0);
  dict_set(d, S("b"), S("back"));
  EXPECT_EQ(outcome(d), "{'a': 1, 'c': 3, 'b': 'back'}");
  EXPECT_EQ(status(delitem(d, S("nope"))), "!KeyError: 'nope'");
  // 1, 1.0 and True are the same key.
  Dict* e = dict_new();
  dict_set(e, I(1), S("int"));
  dict_set(e, float_new(1.0), S("float"));
  dict_set(e, true_value(), S("bool"));
  EXPECT_EQ(outcome(e), "{1: 'bool'}");
  // Many keys: resizing keeps order and lookups.
  Dict* f = dict_new();
  for (int64_t i = 0; i < 5000; i++) dict_set(f, I(i * 7), I(i));
  for (int64_t i = 0; i < 5000; i += 2) dict_del(f, I(i * 7));
  for (int64_t i = 0; i < 5000; i++) {
    Value v = dict_get(f, I(i * 7));
    if (i % 2) {
      ASSERT_TRUE(v);
      ASSERT_EQ(v.as_small_int(), i);
    } else {
      ASSERT_FALSE(v);
    }
  }
  int64_t pos = 0, expect = 1;
  Value k, v;
  while (dict_next(f, &pos, &k, &v)) {
    ASSERT_EQ(v.as_small_int(), expect);
    expect += 2;
  }
  EXPECT_EQ(dict_size(f), 2500);
  Dict* g = dict_copy(f);
  EXPECT_EQ(dict_size(g), 2500);
  EXPECT_EQ(compare_bool(Value(f), Value(g), CompareOp::Eq), 1);
  dict_set(g, I(7), I(0));
  EXPECT_EQ(compare_bool(Value(f), Value(g), CompareOp::Eq), 0);
  // Big-int and string keys built at run time find interned/equal ones.
  dict_set(g, big("123456789012345678901234567890"), S("big"));
  EXPECT_EQ(outcome(dict_get(g, big("123456789012345678901234567890"))), "'big'");
  dict_set(g, str_new("not interned"), I(5));
  EXPECT_EQ(outcome(dict_get_str(g, intern("not interned"))), "5");
}

TEST_F(ContainersTest, DictMethods) {
  Value d = make(&dict_type);
  dict_set(d.as<Dict>(), S("b"), I(2));
  dict_set(d.as<Dict>(), S("a"), I(1));
  EXPECT_EQ(outcome(M(d, "get", {S("a")})), "1");
  EXPECT_EQ(outcome(M(d, "get", {S("z")})), "None");
  EXPECT_EQ(outcome(M(d, "get", {S("z"), I(0)})), "0");
  EXPECT_EQ(outcome(M(d, "get")), "!TypeError: get expected at least 1 argument, got 0");
  EXPECT_EQ(outcome(M(d, "setdefault", {S("d"), I(4)})), "4");
  EXPECT_EQ(outcome(M(d, "setdefault", {S("a"), I(100)})), "1");
  EXPECT_EQ(outcome(M(d, "pop", {S("b")})), "2");
  EXPECT_EQ(outcome(M(d, "pop", {S("zz"), S("dflt")})), "'dflt'");
  EXPECT_EQ(outcome(M(d, "pop", {S("zz")})), "!KeyError: 'zz'");
  EXPECT_EQ(outcome(M(d, "popitem")), "('d', 4)");
  EXPECT_EQ(outcome(d), "{'a': 1}");
  ASSERT_TRUE(MK(d, "update", {make(&dict_type)}, {{"y", I(10)}}));
  ASSERT_TRUE(M(d, "update", {L({T({S("z"), I(11)})})}));
  EXPECT_EQ(outcome(d), "{'a': 1, 'y': 10, 'z': 11}");
  EXPECT_EQ(outcome(M(d, "update", {L({I(1)})})), "!TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  EXPECT_EQ(outcome(M(d, "update", {L({T({I(1), I(2), I(3)})})})),
            "!ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  EXPECT_EQ(outcome(M(d, "update", {L({S("ab"), S("c")})})),
            "!ValueError: dictionary update sequence element #1 has length 1; 2 is required");
  // The failed update above still applied element #0 ('ab' -> a: 'b').
  EXPECT_EQ(outcome(M(d, "keys")), "dict_keys(['a', 'y', 'z'])");
  EXPECT_EQ(outcome(M(d, "values")), "dict_values(['b', 10, 11])");
  EXPECT_EQ(outcome(M(d, "items")), "dict_items([('a', 'b'), ('y', 10), ('z', 11)])");
  EXPECT_EQ(outcome(M(make(&dict_type), "popitem")), "!KeyError: 'popitem(): dictionary is empty'");
  EXPECT_EQ(outcome(M(Value(&dict_type), "fromkeys", {S("ab"), I(0)})), "{'a': 0, 'b': 0}");
  EXPECT_EQ(outcome(M(Value(&dict_type), "fromkeys", {L({I(1), I(2)})})), "{1: None, 2: None}");
  Value cp = M(d, "copy");
  EXPECT_FALSE(cp.is(d));
  EXPECT_EQ(compare_bool(cp, d, CompareOp::Eq), 1);
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, d, make(&dict_type))), outcome(d));
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, d, L({}))), "!TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
  Value e = make(&dict_type);
  ASSERT_TRUE(inplace_op(BinaryOp::Or, e, L({T({S("n"), I(2)})})));
  EXPECT_EQ(outcome(e), "{'n': 2}");
  M(e, "clear");
  EXPECT_EQ(outcome(e), "{}");
  EXPECT_EQ(outcome(list_from_iterable(make(&reversed_type, {d}))), "['z', 'y', 'a']");
  // dict(...) constructor forms.
  EXPECT_EQ(outcome(make(&dict_type, {L({T({S("k"), S("v")})})})), "{'k': 'v'}");
  EXPECT_EQ(outcome(make(&dict_type, {I(1), I(2)})), "!TypeError: dict expected at most 1 argument, got 2");
  EXPECT_EQ(outcome(make(&dict_type, {I(1)})), "!TypeError: 'int' object is not iterable");
  // Recursive repr.
  Value r = make(&dict_type);
  dict_set(r.as<Dict>(), S("self"), r);
  EXPECT_EQ(outcome(r), "{'self': {...}}");
}

TEST_F(ContainersTest, DictViewsAndIteration) {
  Dict* d = dict_new();
  dict_set(d, S("a"), I(1));
  dict_set(d, S("b"), I(2));
  Value keys = M(d, "keys");
  Value items = M(d, "items");
  EXPECT_EQ(outcome(keys), "dict_keys(['a', 'b'])");
  dict_set(d, S("late"), I(3));
  EXPECT_EQ(length(keys), 3);
  EXPECT_EQ(contains(keys, S("late")), 1);
  EXPECT_EQ(contains(items, T({S("a"), I(1)})), 1);
  EXPECT_EQ(contains(items, T({S("a"), I(2)})), 0);
  Value s = binary_op(BinaryOp::And, keys, L({S("a"), S("zz")}));
  EXPECT_EQ(outcome(s), "{'a'}");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Sub, L({S("a"), S("q")}), keys)), "{'q'}");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, keys, I(1))), "!TypeError: 'int' object is not iterable");
  Set* ref = set_new();
  set_add(ref, S("a"));
  set_add(ref, S("b"));
  set_add(ref, S("late"));
  EXPECT_EQ(compare_bool(keys, Value(ref), CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(Value(ref), keys, CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(keys, Value(ref), CompareOp::Lt), 0);
  EXPECT_EQ(outcome(M(keys, "isdisjoint", {L({I(1)})})), "True");
  EXPECT_EQ(outcome(list_from_iterable(make(&reversed_type, {items}))), "[('late', 3), ('b', 2), ('a', 1)]");
  Value values = M(d, "values");
  EXPECT_EQ(compare_bool(values, values, CompareOp::Eq), 1);  // identity only
  EXPECT_EQ(compare_bool(values, M(d, "values"), CompareOp::Eq), 0);

  // Mutation during iteration.
  Value it = get_iter(Value(d));
  EXPECT_EQ(outcome(iter_next(it)), "'a'");
  dict_set(d, S("new"), I(0));
  EXPECT_EQ(outcome(iter_next(it)), "!RuntimeError: dictionary changed size during iteration");
  // Same size, different keys: each step deletes the current key and adds another, so the
  // iteration would run past the original count.
  Dict* m = dict_new();
  dict_set(m, I(1), I(1));
  dict_set(m, I(2), I(2));
  it = get_iter(Value(m));
  for (int64_t extra : {11, 12}) {
    Value key = iter_next(it);
    ASSERT_TRUE(key);
    dict_del(m, key);
    dict_set(m, I(extra), I(0));
  }
  EXPECT_EQ(outcome(iter_next(it)), "!RuntimeError: dictionary keys changed during iteration");
}

// ---- set ---------------------------------------------------------------------------------------

TEST_F(ContainersTest, Sets) {
  Value a = make(&set_type, {ints({1, 2, 3, 4})});
  Value b = make(&set_type, {ints({3, 4, 5})});
  auto sorted_repr = [](Value v) { return outcome(call(builtin("sorted"), {v})); };
  EXPECT_EQ(sorted_repr(binary_op(BinaryOp::Or, a, b)), "[1, 2, 3, 4, 5]");
  EXPECT_EQ(sorted_repr(binary_op(BinaryOp::And, a, b)), "[3, 4]");
  EXPECT_EQ(sorted_repr(binary_op(BinaryOp::Sub, a, b)), "[1, 2]");
  EXPECT_EQ(sorted_repr(binary_op(BinaryOp::Xor, a, b)), "[1, 2, 5]");
  EXPECT_EQ(sorted_repr(M(a, "union", {L({I(9)}), T({I(10)})})), "[1, 2, 3, 4, 9, 10]");
  EXPECT_EQ(sorted_repr(M(a, "intersection", {L({I(2), I(3)}), L({I(3)})})), "[3]");
  EXPECT_EQ(sorted_repr(M(a, "difference", {L({I(1)})})), "[2, 3, 4]");
  EXPECT_EQ(sorted_repr(M(a, "symmetric_difference", {L({I(1), I(9), I(9)})})), "[2, 3, 4, 9]");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Or, a, L({}))), "!TypeError: unsupported operand type(s) for |: 'set' and 'list'");
  EXPECT_EQ(outcome(compare(a, L({}), CompareOp::Lt)), "!TypeError: '<' not supported between instances of 'set' and 'list'");
  EXPECT_EQ(outcome(M(a, "issubset", {ints({1, 2, 3, 4, 5})})), "True");
  EXPECT_EQ(outcome(M(a, "issuperset", {ints({1, 9})})), "False");
  EXPECT_EQ(outcome(M(a, "isdisjoint", {ints({7})})), "True");
  EXPECT_EQ(compare_bool(make(&set_type, {ints({1, 2})}), a, CompareOp::Lt), 1);
  EXPECT_EQ(compare_bool(a, a, CompareOp::Lt), 0);
  EXPECT_EQ(outcome(M(a, "remove", {I(42)})), "!KeyError: 42");
  M(a, "discard", {I(42)});
  EXPECT_EQ(outcome(make(&set_type, {L({L({})})})), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(outcome(make(&set_type)), "set()");
  EXPECT_EQ(outcome(make(&set_type, {ints({5})})), "{5}");
  EXPECT_EQ(outcome(make(&frozenset_type)), "frozenset()");
  EXPECT_EQ(outcome(make(&frozenset_type, {ints({1})})), "frozenset({1})");
  // Pop everything.
  Value big_set = make(&set_type, {make(&range_type, {I(1000)})});
  int64_t total = 0;
  for (int i = 0; i < 1000; i++) total += M(big_set, "pop").as_small_int();
  EXPECT_EQ(total, 999 * 1000 / 2);
  EXPECT_EQ(outcome(M(big_set, "pop")), "!KeyError: 'pop from an empty set'");
  // frozenset hash is order independent; sets of frozensets, set keys looked up as frozensets.
  Value f1 = make(&frozenset_type, {ints({1, 2, 3})});
  Value f2 = make(&frozenset_type, {ints({3, 2, 1, 1})});
  EXPECT_EQ(hash(f1), hash(f2));
  EXPECT_EQ(compare_bool(f1, make(&set_type, {ints({1, 2, 3})}), CompareOp::Eq), 1);
  Value ss = make(&set_type, {L({f1})});
  EXPECT_EQ(contains(ss, make(&set_type, {ints({1, 2, 3})})), 1);
  M(ss, "remove", {make(&set_type, {ints({3, 1, 2})})});
  EXPECT_EQ(length(ss), 0);
  EXPECT_EQ(hash(make(&set_type)), -1);
  EXPECT_EQ(outcome(Value()), "!TypeError: unhashable type: 'set'");
  // In-place operators keep identity; frozenset results stay frozensets.
  Value c = make(&set_type, {ints({1, 2, 3})});
  EXPECT_TRUE(inplace_op(BinaryOp::Sub, c, make(&set_type, {ints({1})})).is(c));
  EXPECT_TRUE(inplace_op(BinaryOp::Or, c, make(&set_type, {ints({10})})).is(c));
  EXPECT_TRUE(inplace_op(BinaryOp::And, c, make(&set_type, {ints({2, 10, 11})})).is(c));
  EXPECT_TRUE(inplace_op(BinaryOp::Xor, c, make(&set_type, {ints({2, 99})})).is(c));
  EXPECT_EQ(sorted_repr(c), "[10, 99]");
  EXPECT_EQ(type_of(binary_op(BinaryOp::Or, f1, c)), &frozenset_type);
  EXPECT_EQ(type_of(binary_op(BinaryOp::Or, c, f1)), &set_type);
  // Iteration notices size changes.
  Value it = get_iter(c);
  iter_next(it);
  set_add(c.as<Set>(), I(1234));
  EXPECT_EQ(outcome(iter_next(it)), "!RuntimeError: Set changed size during iteration");
}

// ---- range and slice ---------------------------------------------------------------------------

TEST_F(ContainersTest, Ranges) {
  EXPECT_EQ(outcome(make(&range_type, {I(3)})), "range(0, 3)");
  EXPECT_EQ(outcome(make(&range_type, {I(0), I(10), I(2)})), "range(0, 10, 2)");
  EXPECT_EQ(outcome(make(&range_type, {I(0), I(1), I(0)})), "!ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(outcome(make(&range_type, {float_new(1.0)})), "!TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(outcome(make(&range_type)), "!TypeError: range expected at least 1 argument, got 0");
  Value r = make(&range_type, {I(10), I(0), I(-3)});
  EXPECT_EQ(length(r), 4);
  EXPECT_EQ(outcome(list_from_iterable(r)), "[10, 7, 4, 1]");
  EXPECT_EQ(outcome(list_from_iterable(make(&reversed_type, {r}))), "[1, 4, 7, 10]");
  EXPECT_EQ(contains(r, I(7)), 1);
  EXPECT_EQ(contains(r, I(8)), 0);
  EXPECT_EQ(contains(r, float_new(4.0)), 1);
  EXPECT_EQ(outcome(M(r, "index", {I(4)})), "2");
  EXPECT_EQ(outcome(M(r, "index", {I(5)})), "!ValueError: 5 is not in range");
  EXPECT_EQ(outcome(M(r, "count", {I(1)})), "1");
  EXPECT_EQ(outcome(getitem(r, I(-1))), "1");
  EXPECT_EQ(outcome(getitem(r, I(4))), "!IndexError: range object index out of range");
  EXPECT_EQ(outcome(getitem(make(&range_type, {I(0), I(10), I(2)}), slice_new(I(1), I(3), none_value()))), "range(2, 6, 2)");
  EXPECT_EQ(outcome(getitem(make(&range_type, {I(10)}), slice_new(none_value(), none_value(), I(-1)))), "range(9, -1, -1)");
  EXPECT_EQ(compare_bool(make(&range_type, {I(0)}), make(&range_type, {I(2), I(1)}), CompareOp::Eq), 1);
  EXPECT_EQ(hash(make(&range_type, {I(0)})), hash(make(&range_type, {I(3), I(1)})));
  EXPECT_EQ(compare_bool(make(&range_type, {I(5)}), make(&range_type, {I(0), I(5), I(1)}), CompareOp::Eq), 1);
  // Big ints.
  Value huge = make(&range_type, {big("1180591620717411303424")});  // 2**70
  EXPECT_EQ(outcome(getitem(huge, I(5))), "5");
  EXPECT_EQ(outcome(getitem(huge, I(-1))), "1180591620717411303423");
  EXPECT_EQ(contains(huge, big("18446744073709551616")), 1);
  EXPECT_EQ(length(huge), -1);
  EXPECT_EQ(outcome(Value()), "!OverflowError: Python int too large to convert to C ssize_t");
  Value edge = make(&range_type, {I(Value::kSmallIntMax - 1), big("4611686018427387906")});
  EXPECT_EQ(outcome(list_from_iterable(edge)), "[4611686018427387902, 4611686018427387903, 4611686018427387904, 4611686018427387905]");
  EXPECT_EQ(is_true(make(&range_type, {I(0)})), 0);
}

TEST_F(ContainersTest, Slices) {
  Value n = none_value();
  EXPECT_EQ(outcome(slice_new(n, I(1), n)), "slice(None, 1, None)");
  EXPECT_EQ(outcome(M(slice_new(n, n, I(-1)), "indices", {I(4)})), "(3, -1, -1)");
  EXPECT_EQ(outcome(M(slice_new(n, n, I(-1)), "indices", {I(0)})), "(-1, -1, -1)");
  EXPECT_EQ(outcome(M(slice_new(I(-100), I(100), I(-3)), "indices", {I(10)})), "(-1, 9, -3)");
  EXPECT_EQ(outcome(M(slice_new(I(1), I(100), n), "indices", {I(10)})), "(1, 10, 1)");
  EXPECT_EQ(outcome(M(slice_new(I(1), I(2), I(0)), "indices", {I(3)})), "!ValueError: slice step cannot be zero");
  EXPECT_EQ(outcome(M(slice_new(n, I(1), n), "indices", {I(-1)})), "!ValueError: length should not be negative");
  EXPECT_EQ(outcome(M(slice_new(n, S("a"), n), "indices", {I(3)})),
            "!TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(compare_bool(slice_new(I(1), I(2), n), slice_new(I(1), I(2), n), CompareOp::Eq), 1);
  EXPECT_EQ(compare_bool(slice_new(I(1), I(2), n), slice_new(I(1), I(3), n), CompareOp::Lt), 1);
  EXPECT_EQ(hash(slice_new(n, n, n)), -1);
  EXPECT_EQ(outcome(Value()), "!TypeError: unhashable type: 'slice'");
  int64_t start, stop, step, count;
  ASSERT_EQ(slice_indices(slice_new(big("-100000000000000000000"), big("100000000000000000000"), n), 5, &start,
                          &stop, &step, &count), 0);
  EXPECT_EQ(start, 0);
  EXPECT_EQ(stop, 5);
  EXPECT_EQ(count, 5);
}

// ---- subclasses ------------------------------------------------------------------------------

// A class created like `class Name(base): pass`.
Value subclass(const char* name, Type* base) {
  return call(Value(&type_type), {S(name), T({Value(base)}), Value(dict_new())});
}

TEST_F(ContainersTest, Subclasses) {
  // Instances keep their items and get an instance __dict__ next to them.
  Value tcls = subclass("P", &tuple_type);
  Value p = call(tcls, {ints({1, 2, 3})});
  ASSERT_EQ(setattr(p, intern("tag"), S("x")), 0);
  EXPECT_EQ(outcome(p), "(1, 2, 3)");
  EXPECT_EQ(outcome(getattr_cstr(p, "tag")), "'x'");
  EXPECT_EQ(type_of(getitem(p, slice_new(none_value(), none_value(), none_value()))), &tuple_type);
  EXPECT_EQ(compare_bool(p, T({I(1), I(2), I(3)}), CompareOp::Eq), 1);
  EXPECT_EQ(hash(p), hash(T({I(1), I(2), I(3)})));

  Value lcls = subclass("L", &list_type);
  Value l = call(lcls, {ints({3, 1})});
  ASSERT_EQ(setattr(l, intern("tag"), I(7)), 0);
  for (int64_t i = 0; i < 100; i++) list_append(l.as<List>(), I(i));
  ASSERT_TRUE(M(l, "sort"));
  EXPECT_EQ(outcome(getattr_cstr(l, "tag")), "7");
  EXPECT_EQ(length(l), 102);
  EXPECT_EQ(type_of(binary_op(BinaryOp::Add, l, l)), &list_type);

  Value dcls = subclass("D", &dict_type);
  Value d = call(dcls, {L({T({S("a"), I(1)})})});
  ASSERT_EQ(setattr(d, intern("tag"), I(8)), 0);
  EXPECT_EQ(outcome(d), "{'a': 1}");
  EXPECT_EQ(outcome(getitem(d, S("zz"))), "!KeyError: 'zz'");
  EXPECT_EQ(type_of(M(d, "copy")), &dict_type);
  EXPECT_EQ(type_of(M(dcls, "fromkeys", {S("ab")})), dcls.as<Type>());

  Value scls = subclass("S", &set_type);
  EXPECT_EQ(outcome(call(scls, {ints({1})})), "S({1})");
  EXPECT_EQ(outcome(call(scls, {})), "S()");
  EXPECT_EQ(type_of(binary_op(BinaryOp::Or, call(scls, {}), make(&set_type))), &set_type);
  Value fcls = subclass("F", &frozenset_type);
  EXPECT_EQ(outcome(call(fcls, {ints({2})})), "F({2})");
}

// ---- iterators ---------------------------------------------------------------------------------

TEST_F(ContainersTest, Iterators) {
  auto lst = [](Value v) { return outcome(v ? list_from_iterable(v) : v); };
  EXPECT_EQ(lst(enumerate_new(S("ab"), Value())), "[(0, 'a'), (1, 'b')]");
  EXPECT_EQ(lst(enumerate_new(S("ab"), big("18446744073709551616"))),
            "[(18446744073709551616, 'a'), (18446744073709551617, 'b')]");
  EXPECT_EQ(outcome(make(&enumerate_type)), "!TypeError: enumerate() missing required argument 'iterable'");
  EXPECT_EQ(outcome(make(&enumerate_type, {L({}), S("a")})), "!TypeError: 'str' object cannot be interpreted as an integer");
  Value zargs[] = {S("abc"), make(&range_type, {I(2)})};
  EXPECT_EQ(lst(zip_new(zargs, 2, false)), "[('a', 0), ('b', 1)]");
  EXPECT_EQ(lst(zip_new(zargs, 2, true)), "!ValueError: zip() argument 2 is shorter than argument 1");
  Value z2[] = {ints({1}), ints({1, 2})};
  EXPECT_EQ(lst(zip_new(z2, 2, true)), "!ValueError: zip() argument 2 is longer than argument 1");
  Value z3[] = {ints({1, 2}), ints({1, 2}), ints({1})};
  EXPECT_EQ(lst(zip_new(z3, 3, true)), "!ValueError: zip() argument 3 is shorter than arguments 1-2");
  Value z4[] = {ints({1}), ints({1}), ints({1, 2})};
  EXPECT_EQ(lst(zip_new(z4, 3, true)), "!ValueError: zip() argument 3 is longer than arguments 1-2");
  EXPECT_EQ(lst(zip_new(nullptr, 0, false)), "[]");
  Value margs[] = {L({S("a"), S("bcd")})};
  EXPECT_EQ(lst(map_new(builtin("len"), margs, 1)), "[1, 3]");
  Value pargs[] = {ints({2, 3}), ints({2})};
  EXPECT_EQ(lst(map_new(builtin("pow"), pargs, 2)), "[4]");
  EXPECT_EQ(outcome(make(&map_type, {builtin("len")})), "!TypeError: map() must have at least two arguments.");
  EXPECT_EQ(lst(filter_new(none_value(), ints({0, 1, 2, 0}))), "[1, 2]");
  EXPECT_EQ(lst(filter_new(builtin("abs"), ints({0, -1, 0}))), "[-1]");
  EXPECT_EQ(outcome(make(&filter_type, {none_value()})), "!TypeError: filter expected 2 arguments, got 1");
  EXPECT_EQ(lst(reversed_new(ints({1, 2, 3}))), "[3, 2, 1]");
  EXPECT_EQ(lst(reversed_new(S("ab"))), "['b', 'a']");
  EXPECT_EQ(outcome(reversed_new(I(1))), "!TypeError: 'int' object is not reversible");
  EXPECT_EQ(outcome(reversed_new(make(&set_type))), "!TypeError: 'set' object is not reversible");
  EXPECT_EQ(outcome(make(&reversed_type)), "!TypeError: reversed expected 1 argument, got 0");
  EXPECT_EQ(lst(seq_iterator_new(S("xy"))), "['x', 'y']");
  // iter(callable, sentinel): a list's pop stops at the sentinel.
  Value stack = ints({4, 3, 2, 1});
  EXPECT_EQ(lst(callable_iterator_new(getattr_cstr(stack, "pop"), I(2))), "[1]");
  EXPECT_EQ(outcome(stack), "[4, 3]");
  // The list iterator sees appends made while iterating, and stays exhausted afterwards.
  Value grow = ints({1});
  Value it = get_iter(grow);
  EXPECT_EQ(outcome(iter_next(it)), "1");
  list_append(grow.as<List>(), I(2));
  EXPECT_EQ(outcome(iter_next(it)), "2");
  EXPECT_FALSE(iter_next(it));
  list_append(grow.as<List>(), I(3));
  EXPECT_FALSE(iter_next(it));
  EXPECT_FALSE(error_pending());
}

}  // namespace
}  // namespace minipy
