// Replays text_cases/text_cases.txt: thousands of str/bytes/bytearray method calls and operator
// applications whose results CPython 3.11 recorded (text_cases/gen_text_cases.py describes the
// format). Each mismatch is reported with the call that produced it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range_slice.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "test_support.h"

namespace minipy {
namespace {

std::string unhex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return out;
}

// Parses the value tokens of one field, consuming them from `tokens` at `pos`.
Value parse_value(const std::vector<std::string>& tokens, size_t& pos) {
  const std::string& t = tokens[pos++];
  if (t == "N") return none_value();
  if (t == "T") return true_value();
  if (t == "F") return false_value();
  if (t == "{") {
    Dict* d = dict_new();
    while (tokens[pos] != "}") {
      Value k = parse_value(tokens, pos);
      Value v = parse_value(tokens, pos);
      dict_set(d, k, v);
    }
    pos++;
    return d;
  }
  if (t == "(" || t == "[") {
    const char* close = t == "(" ? ")" : "]";
    GcVector<Value> items;
    while (tokens[pos] != close) items.push_back(parse_value(tokens, pos));
    pos++;
    if (t == "(") return tuple_from_array(items.data(), items.size());
    return list_from_array(items.data(), items.size());
  }
  std::string_view body = std::string_view(t).substr(2);
  switch (t[0]) {
    case 's': return str_new(unhex(body));
    case 'b': return bytes_new(unhex(body));
    case 'a': return bytearray_new(unhex(body));
    case 'i': return int_from_string(body, 10);
    case 'f': return float_new(std::stod(std::string(body)));
  }
  ADD_FAILURE() << "bad token " << t;
  return none_value();
}

std::vector<std::string> split_tokens(const std::string& field) {
  std::vector<std::string> tokens;
  std::istringstream in(field);
  std::string tok;
  while (in >> tok) tokens.push_back(tok);
  return tokens;
}

std::string result_text(Value v) {
  if (!v) {
    Value exc = error_fetch();
    Value msg = to_str(exc);
    return std::string("!") + type_name(exc) + ": " + (msg ? std::string(msg.as<Str>()->view()) : "?");
  }
  Value r = repr(v);
  if (!r) return result_text(Value());
  return std::string(r.as<Str>()->view());
}

Value apply(const std::string& callee, Value recv, const GcVector<Value>& args) {
  auto arg = [&](size_t i) { return args[i]; };
  if (callee == "+") return binary_op(BinaryOp::Add, recv, arg(0));
  if (callee == "*") return binary_op(BinaryOp::Mul, recv, arg(0));
  if (callee == "%") return binary_op(BinaryOp::Mod, recv, arg(0));
  if (callee == "[]") return getitem(recv, arg(0));
  if (callee == "<") return compare(recv, arg(0), CompareOp::Lt);
  if (callee == "==") return compare(recv, arg(0), CompareOp::Eq);
  if (callee == "in") {
    int r = contains(recv, arg(0));
    return r < 0 ? Value() : bool_value(r);
  }
  if (callee == "[:]") {
    Tuple* t = arg(0).as<Tuple>();
    return getitem(recv, slice_new((*t)[0], (*t)[1], (*t)[2]));
  }
  Value method = getattr(recv, intern(callee));
  if (!method) return Value();
  return call(method, args.data(), args.size());
}

TEST(TextCases, MatchCPython) {
  ensure_interpreter();
  std::ifstream in(std::string(MINIPY_SOURCE_DIR) + "/tests/unit/text_cases/text_cases.txt");
  ASSERT_TRUE(in.good());
  std::string line;
  int count = 0, failures = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream ls(line);
    std::string f;
    while (std::getline(ls, f, '\t')) fields.push_back(f);
    if (fields.size() == 3) fields.insert(fields.begin() + 2, "");
    ASSERT_EQ(fields.size(), 4u) << line;
    std::vector<std::string> rt = split_tokens(fields[1]);
    size_t pos = 0;
    Value recv = parse_value(rt, pos);
    std::vector<std::string> at = split_tokens(fields[2]);
    GcVector<Value> args;
    pos = 0;
    while (pos < at.size()) args.push_back(parse_value(at, pos));
    std::string got = result_text(apply(fields[0], recv, args));
    std::string want = unhex(fields[3]);
    count++;
    if (got != want && ++failures <= 60) {
      std::string shown_args;
      for (Value a : args) shown_args += result_text(a) + ", ";
      ADD_FAILURE() << result_text(recv) << " " << fields[0] << " (" << shown_args << ")\n  got:  " << got
                    << "\n  want: " << want;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << count << " cases";
}

}  // namespace
}  // namespace minipy
