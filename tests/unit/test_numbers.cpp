// int, float, complex and the math module through the C++ API: the small-int fast paths,
// normalisation of GMP results, Python's division/modulo/shift/bitwise rules, exact int-float
// comparisons, the numeric hash, constructors, methods, and CPython's exception messages.
// The expected strings of the tables were produced by CPython 3.11 (repr of the result, or
// "!Type: message" for an exception).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "stdlib/native/native_modules.h"
#include "tests/unit/test_support.h"

namespace minipy {
namespace {

class NumbersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void TearDown() override { error_clear(); }
};

// A value from "kind:text": i int, f float, c complex (parsed by the constructors), s str,
// b bytes, n None, t True, F False.
Value make(std::string_view spec) {
  std::string_view t = spec.substr(2);
  switch (spec[0]) {
    case 'i': return int_from_string(t, 10);
    case 'f': return call(Value(&float_type), {Value(str_new(t))});
    case 'c': return call(Value(&complex_type), {Value(str_new(t))});
    case 's': return str_new(t);
    case 'b': return bytes_new(t);
    case 'n': return none_value();
    case 't': return true_value();
    default: return false_value();
  }
}

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

Value math_attr(const char* name) {
  static Value math = math_module_create();
  return getattr_cstr(math, name);
}

// ---- Fast paths and normalisation --------------------------------------------------------------

TEST_F(NumbersTest, SmallFastPaths) {
  Value out;
  EXPECT_TRUE(small_add(Value::small_int(2), Value::small_int(3), &out));
  EXPECT_EQ(out.as_small_int(), 5);
  EXPECT_TRUE(small_sub(Value::small_int(-2), Value::small_int(3), &out));
  EXPECT_EQ(out.as_small_int(), -5);
  EXPECT_TRUE(small_mul(Value::small_int(-7), Value::small_int(6), &out));
  EXPECT_EQ(out.as_small_int(), -42);
  EXPECT_TRUE(small_mul(Value::small_int(0), Value::small_int(Value::kSmallIntMin), &out));
  EXPECT_EQ(out.as_small_int(), 0);
  EXPECT_FALSE(small_add(Value::small_int(Value::kSmallIntMax), Value::small_int(1), &out));
  EXPECT_FALSE(small_sub(Value::small_int(Value::kSmallIntMin), Value::small_int(1), &out));
  EXPECT_FALSE(small_mul(Value::small_int(int64_t{1} << 40), Value::small_int(int64_t{1} << 30), &out));
  EXPECT_FALSE(small_mul(Value::small_int(Value::kSmallIntMin), Value::small_int(-1), &out));
  EXPECT_FALSE(small_add(float_new(1.0), Value::small_int(1), &out));
  bool r;
  EXPECT_TRUE(small_compare(Value::small_int(-5), Value::small_int(3), CompareOp::Lt, &r));
  EXPECT_TRUE(r);
  EXPECT_TRUE(small_compare(Value::small_int(7), Value::small_int(7), CompareOp::Ge, &r));
  EXPECT_TRUE(r);
  EXPECT_TRUE(small_compare(Value::small_int(7), Value::small_int(7), CompareOp::Ne, &r));
  EXPECT_FALSE(r);
}

TEST_F(NumbersTest, ResultsNormaliseToSmall) {
  Value big = binary_op(BinaryOp::Add, Value::small_int(Value::kSmallIntMax), Value::small_int(1));
  ASSERT_TRUE(big);
  EXPECT_FALSE(big.is_small_int());
  EXPECT_EQ(outcome(big), "4611686018427387904");
  Value back = binary_op(BinaryOp::Sub, big, Value::small_int(1));
  EXPECT_TRUE(back.is_small_int());
  EXPECT_TRUE(int_from_i64(Value::kSmallIntMin).is_small_int());
  EXPECT_FALSE(int_from_i64(Value::kSmallIntMin - 1).is_small_int());
  EXPECT_TRUE(int_from_string("-4611686018427387904", 10).is_small_int());
  EXPECT_TRUE(binary_op(BinaryOp::FloorDiv, make("i:100000000000000000000"), make("i:100000000000")).is_small_int());
  EXPECT_TRUE(int_from_double(-4611686018427387904.0).is_small_int());
  EXPECT_EQ(outcome(int_from_double(4611686018427387904.0)), "4611686018427387904");
}

TEST_F(NumbersTest, Conversions) {
  int64_t i;
  EXPECT_TRUE(int_to_i64(make("i:9223372036854775807"), &i));
  EXPECT_EQ(i, INT64_MAX);
  EXPECT_FALSE(int_to_i64(make("i:9223372036854775808"), &i));
  EXPECT_TRUE(int_to_i64(true_value(), &i));
  EXPECT_EQ(i, 1);
  EXPECT_FALSE(index_to_i64(make("i:9223372036854775808"), &i));
  EXPECT_EQ(outcome(Value()), "!OverflowError: cannot fit 'int' into an index-sized integer");
  EXPECT_FALSE(index_to_i64(float_new(1.0), &i));
  EXPECT_EQ(outcome(Value()), "!TypeError: 'float' object cannot be interpreted as an integer");
  bool overflow;
  EXPECT_EQ(int_to_double(make("i:9007199254740993"), &overflow), 9007199254740992.0);
  EXPECT_EQ(int_to_double(make("i:9007199254740995"), &overflow), 9007199254740996.0);
  int_to_double(binary_op(BinaryOp::Pow, Value::small_int(2), Value::small_int(1024)), &overflow);
  EXPECT_TRUE(overflow);
  EXPECT_EQ(int_to_decimal(make("i:-123456789012345678901234567890")), "-123456789012345678901234567890");
  EXPECT_EQ(int_bit_length(make("i:-1024")), 11u);
  EXPECT_EQ(int_sign(false_value()), 0);
  double d;
  EXPECT_TRUE(to_double(true_value(), &d));
  EXPECT_EQ(d, 1.0);
  EXPECT_FALSE(to_double(str_new("x"), &d));
  EXPECT_EQ(outcome(Value()), "!TypeError: must be real number, not str");
  EXPECT_EQ(outcome(int_from_string("12_3", 10)), "123");
  EXPECT_EQ(outcome(int_from_string("0x", 16)), "!ValueError: invalid literal for int() with base 16: '0x'");
}

// ---- Operators (tables produced by CPython) -------------------------------------------------

struct BinCase {
  const char* a;
  BinaryOp op;
  const char* b;
  const char* expected;
};

const BinCase kBinary[] = {
    {"i:7", BinaryOp::FloorDiv, "i:2", "3"},
    {"i:-7", BinaryOp::FloorDiv, "i:2", "-4"},
    {"i:7", BinaryOp::FloorDiv, "i:-2", "-4"},
    {"i:-7", BinaryOp::Mod, "i:2", "1"},
    {"i:7", BinaryOp::Mod, "i:-2", "-1"},
    {"i:-7", BinaryOp::DivMod, "i:-2", "(3, -1)"},
    {"i:1", BinaryOp::FloorDiv, "i:0", "!ZeroDivisionError: integer division or modulo by zero"},
    {"i:1", BinaryOp::Mod, "i:0", "!ZeroDivisionError: integer modulo by zero"},
    {"i:1", BinaryOp::TrueDiv, "i:0", "!ZeroDivisionError: division by zero"},
    {"i:1", BinaryOp::DivMod, "i:0", "!ZeroDivisionError: integer division or modulo by zero"},
    {"i:7", BinaryOp::TrueDiv, "i:2", "3.5"},
    {"i:0", BinaryOp::TrueDiv, "i:-5", "-0.0"},
    {"i:10", BinaryOp::TrueDiv, "i:3", "3.3333333333333335"},
    {"i:-4611686018427387904", BinaryOp::FloorDiv, "i:-1", "4611686018427387904"},
    {"i:-4611686018427387904", BinaryOp::Mul, "i:-1", "4611686018427387904"},
    {"i:9223372036854775807", BinaryOp::Mul, "i:9223372036854775807", "85070591730234615847396907784232501249"},
    {"i:147808829414345923316083210206383297601", BinaryOp::FloorDiv, "i:79792266297612001", "1852420494776315202933"},
    {"i:-147808829414345923316083210206383297601", BinaryOp::Mod, "i:100000000000000000000", "83916789793616702399"},
    {"i:1000000000000000000000000000007", BinaryOp::DivMod, "i:-1000000000000000", "(-1000000000000001, -999999999999993)"},
    {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", BinaryOp::TrueDiv, "i:1", "!OverflowError: integer division result too large for a float"},
    {"i:1", BinaryOp::TrueDiv, "i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "0.0"},
    {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", BinaryOp::TrueDiv, "i:3000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "3.3333333333333335"},
    {"i:9007199254740993", BinaryOp::TrueDiv, "i:1", "9007199254740992.0"},
    {"i:202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784", BinaryOp::TrueDiv, "i:607206759921931855057486040156751921148669949292426355070704074082291018703986040675881151104311373485561233592950435734169426212157380430601040199822215529764552272829699084093400723226279649023719303035418235205686022450274078095854310066947478669022430169537076308657000243845691507596558982525938018789923123223280484352", "0.3333333333333333"},
    {"i:1", BinaryOp::TrueDiv, "i:202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784", "5e-324"},
    {"i:1", BinaryOp::TrueDiv, "i:404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568", "0.0"},
    {"i:3", BinaryOp::TrueDiv, "i:809609013229242473409981386875669228198226599056568473427605432109721358271981387567841534805748497980748311457267247645559234949543173907468053599762954039686069697106265445457867630968372865364959070713890980274248029933698770794472413422596638225363240226049435078209333658460922010128745310034584025053230830964373979136", "5e-324"},
    {"i:100000000000000000000", BinaryOp::TrueDiv, "i:4", "2.5e+19"},
    {"i:10000000000000000000000000000000000000000", BinaryOp::FloorDiv, "i:100000000000000000000000000000000000001", "99"},
    {"i:2", BinaryOp::Pow, "i:100", "1267650600228229401496703205376"},
    {"i:-2", BinaryOp::Pow, "i:3", "-8"},
    {"i:2", BinaryOp::Pow, "i:-1", "0.5"},
    {"i:0", BinaryOp::Pow, "i:-1", "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"i:0", BinaryOp::Pow, "i:0", "1"},
    {"i:-1", BinaryOp::Pow, "i:1000000000000000000000000000001", "-1"},
    {"i:3", BinaryOp::Pow, "i:40", "12157665459056928801"},
    {"i:100000000000000000000", BinaryOp::Pow, "i:3", "1000000000000000000000000000000000000000000000000000000000000"},
    {"i:1", BinaryOp::LShift, "i:10", "1024"},
    {"i:1", BinaryOp::LShift, "i:62", "4611686018427387904"},
    {"i:-1", BinaryOp::LShift, "i:63", "-9223372036854775808"},
    {"i:1", BinaryOp::LShift, "i:-1", "!ValueError: negative shift count"},
    {"i:0", BinaryOp::LShift, "i:1180591620717411303424", "0"},
    {"i:1", BinaryOp::LShift, "i:1180591620717411303424", "!OverflowError: too many digits in integer"},
    {"i:-16", BinaryOp::RShift, "i:2", "-4"},
    {"i:-1", BinaryOp::RShift, "i:100", "-1"},
    {"i:5", BinaryOp::RShift, "i:100", "0"},
    {"i:-1180591620717411303424", BinaryOp::RShift, "i:60", "-1024"},
    {"i:1267650600228229401496703205376", BinaryOp::RShift, "i:90", "1024"},
    {"i:-1180591620717411303424", BinaryOp::RShift, "i:1208925819614629174706176", "-1"},
    {"i:-6", BinaryOp::And, "i:255", "250"},
    {"i:-1180591620717411303424", BinaryOp::And, "i:65535", "0"},
    {"i:1180591620717411303424", BinaryOp::Xor, "i:590295810358705651712", "1770887431076116955136"},
    {"i:-8", BinaryOp::Or, "i:3", "-5"},
    {"i:-1208925819614629174706176", BinaryOp::Or, "i:1180591620717411303424", "-1207745227993911763402752"},
    {"f:7.5", BinaryOp::Mod, "i:2", "1.5"},
    {"f:-7.5", BinaryOp::FloorDiv, "i:2", "-4.0"},
    {"f:-7.5", BinaryOp::Mod, "i:2", "0.5"},
    {"f:7.5", BinaryOp::Mod, "i:-2", "-0.5"},
    {"f:7.5", BinaryOp::DivMod, "i:2", "(3.0, 1.5)"},
    {"f:-0.0", BinaryOp::Mod, "i:5", "0.0"},
    {"f:1e-300", BinaryOp::Mod, "f:-1.0", "-1.0"},
    {"f:1.0", BinaryOp::TrueDiv, "i:0", "!ZeroDivisionError: float division by zero"},
    {"f:1.5", BinaryOp::FloorDiv, "f:0.0", "!ZeroDivisionError: float floor division by zero"},
    {"i:5", BinaryOp::Mod, "f:0.0", "!ZeroDivisionError: float modulo"},
    {"f:1.0", BinaryOp::DivMod, "i:0", "!ZeroDivisionError: float divmod()"},
    {"f:0.0", BinaryOp::Pow, "i:-1", "!ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"f:2.0", BinaryOp::Pow, "i:10000", "!OverflowError: (34, 'Numerical result out of range')"},
    {"i:-8", BinaryOp::Pow, "f:0.3333333333333333", "(1.0000000000000002+1.7320508075688772j)"},
    {"f:-8.0", BinaryOp::Pow, "f:2.0", "64.0"},
    {"f:-2.0", BinaryOp::Pow, "f:3.0", "-8.0"},
    {"f:1.0", BinaryOp::Pow, "f:nan", "1.0"},
    {"f:nan", BinaryOp::Pow, "f:0.0", "1.0"},
    {"f:-1.0", BinaryOp::Pow, "f:inf", "1.0"},
    {"f:-inf", BinaryOp::Pow, "f:0.5", "inf"},
    {"f:-inf", BinaryOp::Pow, "i:3", "-inf"},
    {"f:0.5", BinaryOp::Pow, "f:-inf", "inf"},
    {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", BinaryOp::Add, "f:1.0", "!OverflowError: int too large to convert to float"},
    {"f:1e308", BinaryOp::Mul, "f:10.0", "inf"},
    {"i:2", BinaryOp::Pow, "f:0.5", "1.4142135623730951"},
    {"f:0.1", BinaryOp::Add, "f:0.2", "0.30000000000000004"},
    {"i:1", BinaryOp::Add, "f:0.5", "1.5"},
    {"c:1+2j", BinaryOp::Add, "c:3-1j", "(4+1j)"},
    {"c:1+2j", BinaryOp::Mul, "c:3-1j", "(5+5j)"},
    {"c:1+2j", BinaryOp::TrueDiv, "c:3-1j", "(0.1+0.7000000000000001j)"},
    {"c:1j", BinaryOp::TrueDiv, "i:0", "!ZeroDivisionError: complex division by zero"},
    {"c:1j", BinaryOp::Pow, "i:2", "(-1+0j)"},
    {"c:1+1j", BinaryOp::Pow, "i:-2", "-0.5j"},
    {"c:2", BinaryOp::Pow, "f:0.5", "(1.4142135623730951+0j)"},
    {"c:0j", BinaryOp::Pow, "i:-1", "!ZeroDivisionError: 0.0 to a negative or complex power"},
    {"c:1j", BinaryOp::FloorDiv, "i:1", "!TypeError: unsupported operand type(s) for //: 'complex' and 'int'"},
    {"i:2", BinaryOp::Sub, "c:1j", "(2-1j)"},
    {"c:1+1j", BinaryOp::Pow, "c:1j", "(0.4288290062943679+0.1548717524642468j)"},
    {"i:5", BinaryOp::Add, "c:1j", "(5+1j)"},
    {"f:1.5", BinaryOp::Mul, "c:2j", "3j"},
};

TEST_F(NumbersTest, BinaryOperators) {
  for (const BinCase& c : kBinary) {
    Value a = make(c.a), b = make(c.b);
    ASSERT_TRUE(a && b) << c.a << " " << c.b;
    EXPECT_EQ(outcome(binary_op(c.op, a, b)), c.expected) << c.a << " op#" << static_cast<int>(c.op) << " " << c.b;
  }
}

TEST_F(NumbersTest, BoolOperandsUseIntArithmetic) {
  EXPECT_EQ(outcome(binary_op(BinaryOp::Add, Value::small_int(3), true_value())), "4");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Sub, Value::small_int(10), false_value())), "10");
  EXPECT_EQ(outcome(binary_op(BinaryOp::Mul, true_value(), float_new(2.5))), "2.5");
  EXPECT_EQ(outcome(binary_op(BinaryOp::TrueDiv, true_value(), Value::small_int(4))), "0.25");
  EXPECT_EQ(outcome(binary_op(BinaryOp::LShift, true_value(), Value::small_int(70))), "1180591620717411303424");
  EXPECT_EQ(outcome(binary_op(BinaryOp::FloorDiv, Value::small_int(1), false_value())),
            "!ZeroDivisionError: integer division or modulo by zero");
}

struct CmpCase {
  const char* a;
  const char* b;
  const char* expected;  // <, <=, ==, !=, >, >= (only ==, != when a complex is involved)
};

const CmpCase kCompare[] = {
    {"i:9007199254740993", "f:9007199254740992.0", "000111"},
    {"f:9007199254740992.0", "i:9007199254740993", "110100"},
    {"i:1180591620717411303424", "f:2.3611832414348226e+21", "110100"},
    {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "f:inf", "110100"},
    {"i:-10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "f:-inf", "000111"},
    {"i:3", "f:nan", "000100"},
    {"i:3", "f:3.5", "110100"},
    {"i:-3", "f:-3.5", "000111"},
    {"i:9223372036854775808", "f:9.223372036854776e+18", "011001"},
    {"i:1", "i:1", "011001"},
    {"i:100000000000000000000", "i:10000000000000000000", "000111"},
    {"c:1", "i:1", "10"},
    {"c:1j", "f:0.0", "01"},
    {"i:5", "f:5.0", "011001"},
};

TEST_F(NumbersTest, ExactComparisons) {
  const CompareOp ordered[] = {CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge};
  const CompareOp equality[] = {CompareOp::Eq, CompareOp::Ne};
  for (const CmpCase& c : kCompare) {
    Value a = make(c.a), b = make(c.b);
    std::string got;
    bool complex_case = c.a[0] == 'c' || c.b[0] == 'c';
    for (CompareOp op : complex_case ? std::vector<CompareOp>(equality, equality + 2)
                                     : std::vector<CompareOp>(ordered, ordered + 6)) {
      int r = compare_bool(a, b, op);
      got += r < 0 ? '!' : r ? '1' : '0';
    }
    EXPECT_EQ(got, c.expected) << c.a << " vs " << c.b;
  }
}

struct HashCase {
  const char* v;
  long long expected;
};

const HashCase kHashes[] = {
    {"i:-1", -2LL},
    {"i:-2", -2LL},
    {"i:0", 0LL},
    {"i:2305843009213693951", 0LL},
    {"i:2305843009213693952", 1LL},
    {"i:-2305843009213693957", -6LL},
    {"i:1000000000000000000000000000000", 465258685558744706LL},
    {"f:1.5", 1152921504606846977LL},
    {"f:-1.5", -1152921504606846977LL},
    {"f:1e300", 1224995262755759164LL},
    {"f:1e-300", 482449582752280463LL},
    {"f:-0.0", 0LL},
    {"f:inf", 314159LL},
    {"f:-inf", -314159LL},
    {"f:1.1805916207174113e+21", 512LL},
    {"f:0.1", 230584300921369408LL},
    {"c:1+2j", 2000007LL},
    {"c:3", 3LL},
};

TEST_F(NumbersTest, NumericHash) {
  for (const HashCase& c : kHashes) EXPECT_EQ(hash(make(c.v)), c.expected) << c.v;
  Value nan1 = make("f:nan"), nan2 = make("f:nan");
  EXPECT_EQ(hash(nan1), hash(nan1));
  EXPECT_NE(hash(nan1), hash(nan2));
}

// ---- Constructors, methods, math (tables produced by CPython) --------------------------------

struct CallCase {
  const char* fn;
  std::vector<const char*> args;
  const char* expected;
};

Value perform(const CallCase& c, const GcVector<Value>& args) {
  std::string_view fn = c.fn;
  if (fn[0] == '.') {
    Value m = getattr_cstr(args[0], std::string(fn.substr(1)).c_str());
    return m ? call(m, args.data() + 1, args.size() - 1) : Value();
  }
  if (fn.substr(0, 5) == "math.") return call(math_attr(std::string(fn.substr(5)).c_str()), args.data(), args.size());
  if (fn == "int") return call(Value(&int_type), args.data(), args.size());
  if (fn == "float") return call(Value(&float_type), args.data(), args.size());
  if (fn == "complex") return call(Value(&complex_type), args.data(), args.size());
  if (fn == "abs") return absolute(args[0]);
  if (fn == "neg") return unary_negative(args[0]);
  if (fn == "invert") return unary_invert(args[0]);
  if (fn == "pow3") return power(args[0], args[1], args[2]);
  return repr(args[0]);
}

const CallCase kCalls[] = {
    {"int", {}, "0"},
    {"int", {"s:42"}, "42"},
    {"int", {"s: -17 "}, "-17"},
    {"int", {"s:1_000"}, "1000"},
    {"int", {"s:abc"}, "!ValueError: invalid literal for int() with base 10: 'abc'"},
    {"int", {"b:abc"}, "!ValueError: invalid literal for int() with base 10: b'abc'"},
    {"int", {"s:ff", "i:16"}, "255"},
    {"int", {"s:0xff", "i:0"}, "255"},
    {"int", {"s:010", "i:0"}, "!ValueError: invalid literal for int() with base 0: '010'"},
    {"int", {"s:z", "i:36"}, "35"},
    {"int", {"s:1", "i:1"}, "!ValueError: int() base must be >= 2 and <= 36, or 0"},
    {"int", {"i:1", "i:2"}, "!TypeError: int() can't convert non-string with explicit base"},
    {"int", {"n:"}, "!TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"},
    {"int", {"f:3.99"}, "3"},
    {"int", {"f:-3.99"}, "-3"},
    {"int", {"f:1e20"}, "100000000000000000000"},
    {"int", {"f:nan"}, "!ValueError: cannot convert float NaN to integer"},
    {"int", {"f:inf"}, "!OverflowError: cannot convert float infinity to integer"},
    {"int", {"t:"}, "1"},
    {"int", {"s:999999999999999999999999999999"}, "999999999999999999999999999999"},
    {"int", {"b:  12  "}, "12"},
    {"float", {}, "0.0"},
    {"float", {"s:3.25"}, "3.25"},
    {"float", {"s: -1.25e-3 "}, "-0.00125"},
    {"float", {"s:Infinity"}, "inf"},
    {"float", {"s:-nan"}, "nan"},
    {"float", {"s:1_000.5"}, "1000.5"},
    {"float", {"s:abc"}, "!ValueError: could not convert string to float: 'abc'"},
    {"float", {"b:1.5"}, "1.5"},
    {"float", {"i:1208925819614629174706176"}, "1.2089258196146292e+24"},
    {"float", {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, "!OverflowError: int too large to convert to float"},
    {"float", {"n:"}, "!TypeError: float() argument must be a string or a real number, not 'NoneType'"},
    {"float", {"i:9007199254740993"}, "9007199254740992.0"},
    {"complex", {"s:1+2j"}, "(1+2j)"},
    {"complex", {"s: ( 3-4.5J ) "}, "(3-4.5j)"},
    {"complex", {"s:-j"}, "-1j"},
    {"complex", {"s:1+"}, "!ValueError: complex() arg is a malformed string"},
    {"complex", {"i:1", "i:2"}, "(1+2j)"},
    {"complex", {"c:1+2j", "c:3j"}, "(-2+2j)"},
    {"complex", {"s:1", "i:2"}, "!TypeError: complex() can't take second arg if first is a string"},
    {"complex", {"n:"}, "!TypeError: complex() first argument must be a string or a number, not 'NoneType'"},
    {"complex", {"f:-0.0", "f:0.0"}, "(-0+0j)"},
    {"complex", {"i:0", "f:-0.0"}, "-0j"},
    {".bit_length", {"i:255"}, "8"},
    {".bit_length", {"i:-1267650600228229401496703205376"}, "101"},
    {".bit_count", {"i:-7"}, "3"},
    {".to_bytes", {"i:1024", "i:2", "s:big"}, "b'\\x04\\x00'"},
    {".to_bytes", {"i:1024", "i:2", "s:little"}, "b'\\x00\\x04'"},
    {".to_bytes", {"i:1267650600228229401496703205376", "i:2", "s:big"}, "!OverflowError: int too big to convert"},
    {".to_bytes", {"i:-1", "i:2", "s:big"}, "!OverflowError: can't convert negative int to unsigned"},
    {".to_bytes", {"i:1", "i:2", "s:mid"}, "!ValueError: byteorder must be either 'little' or 'big'"},
    {".to_bytes", {"i:1", "i:-1", "s:big"}, "!ValueError: length argument must be non-negative"},
    {".as_integer_ratio", {"i:-5"}, "(-5, 1)"},
    {".conjugate", {"i:5"}, "5"},
    {".__round__", {"i:15", "i:-1"}, "20"},
    {".__round__", {"i:25", "i:-1"}, "20"},
    {".__round__", {"i:-15", "i:-1"}, "-20"},
    {".__round__", {"i:1000000000000000000005000000000", "i:-10"}, "1000000000000000000000000000000"},
    {".__round__", {"i:123", "i:-100"}, "0"},
    {".__round__", {"i:5", "f:1.5"}, "!TypeError: 'float' object cannot be interpreted as an integer"},
    {".__format__", {"i:255", "s:#x"}, "'0xff'"},
    {".__format__", {"i:1234567", "s:,"}, "'1,234,567'"},
    {".__format__", {"i:1000000000000000000000000000000", "s:_"}, "'1_000_000_000_000_000_000_000_000_000_000'"},
    {".__format__", {"i:5", "s:z"}, "!ValueError: Negative zero coercion (z) not allowed in integer format specifier"},
    {".__format__", {"f:3.14159", "s:.2f"}, "'3.14'"},
    {".__format__", {"f:1e100", "s:g"}, "'1e+100'"},
    {".__format__", {"t:", "s:"}, "'True'"},
    {".__format__", {"t:", "s:d"}, "'1'"},
    {".is_integer", {"f:1.0"}, "True"},
    {".is_integer", {"f:1.5"}, "False"},
    {".as_integer_ratio", {"f:0.25"}, "(1, 4)"},
    {".as_integer_ratio", {"f:-0.1"}, "(-3602879701896397, 36028797018963968)"},
    {".as_integer_ratio", {"f:inf"}, "!OverflowError: cannot convert Infinity to integer ratio"},
    {".as_integer_ratio", {"f:nan"}, "!ValueError: cannot convert NaN to integer ratio"},
    {".hex", {"f:0.1"}, "'0x1.999999999999ap-4'"},
    {".hex", {"f:-0.0"}, "'-0x0.0p+0'"},
    {".__round__", {"f:2.5"}, "2"},
    {".__round__", {"f:3.5"}, "4"},
    {".__round__", {"f:-2.5"}, "-2"},
    {".__round__", {"f:2.675", "i:2"}, "2.67"},
    {".__round__", {"f:1234.5678", "i:-2"}, "1200.0"},
    {".__round__", {"f:nan"}, "!ValueError: cannot convert float NaN to integer"},
    {".__round__", {"f:inf"}, "!OverflowError: cannot convert float infinity to integer"},
    {".__round__", {"f:1e300"}, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"},
    {".__trunc__", {"f:-2.7"}, "-2"},
    {".__floor__", {"f:-2.7"}, "-3"},
    {".__ceil__", {"f:-2.7"}, "-2"},
    {".__floor__", {"f:1e20"}, "100000000000000000000"},
    {".conjugate", {"c:1+2j"}, "(1-2j)"},
    {"repr", {"f:0.1"}, "0.1"},
    {"repr", {"f:1e16"}, "1e+16"},
    {"repr", {"f:1e-05"}, "1e-05"},
    {"repr", {"f:-0.0"}, "-0.0"},
    {"repr", {"f:inf"}, "inf"},
    {"repr", {"c:1j"}, "1j"},
    {"repr", {"c:-0-1j"}, "(-0-1j)"},
    {"repr", {"c:1+nanj"}, "(1+nanj)"},
    {"repr", {"c:1-infj"}, "(1-infj)"},
    {"repr", {"i:118181386580595879976868414312001964434038548836769923458287039207"}, "118181386580595879976868414312001964434038548836769923458287039207"},
    {"repr", {"t:"}, "True"},
    {"abs", {"i:-5"}, "5"},
    {"abs", {"i:-10000000000000000000000000"}, "10000000000000000000000000"},
    {"abs", {"f:-0.0"}, "0.0"},
    {"abs", {"c:3+4j"}, "5.0"},
    {"abs", {"t:"}, "1"},
    {"neg", {"i:-4611686018427387904"}, "4611686018427387904"},
    {"neg", {"t:"}, "-1"},
    {"invert", {"i:5"}, "-6"},
    {"invert", {"i:1180591620717411303424"}, "-1180591620717411303425"},
    {"invert", {"F:"}, "-1"},
    {"pow3", {"i:3", "i:4", "i:5"}, "1"},
    {"pow3", {"i:2", "i:100", "i:1000"}, "376"},
    {"pow3", {"i:3", "i:-1", "i:7"}, "5"},
    {"pow3", {"i:2", "i:-1", "i:4"}, "!ValueError: base is not invertible for the given modulus"},
    {"pow3", {"i:2", "i:2", "i:0"}, "!ValueError: pow() 3rd argument cannot be 0"},
    {"pow3", {"i:2", "i:3", "i:-5"}, "-2"},
    {"pow3", {"f:2.0", "i:2", "i:3"}, "!TypeError: pow() 3rd argument not allowed unless all arguments are integers"},
    {"pow3", {"i:7", "i:123", "i:1000000007"}, "937329259"},
    {"math.sqrt", {"i:16"}, "4.0"},
    {"math.sqrt", {"i:-1"}, "!ValueError: math domain error"},
    {"math.sqrt", {"s:a"}, "!TypeError: must be real number, not str"},
    {"math.sqrt", {}, "!TypeError: math.sqrt() takes exactly one argument (0 given)"},
    {"math.sqrt", {"i:10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, "!OverflowError: int too large to convert to float"},
    {"math.isqrt", {"i:100000000000000000000"}, "10000000000"},
    {"math.isqrt", {"i:-1"}, "!ValueError: isqrt() argument must be nonnegative"},
    {"math.isqrt", {"f:1.0"}, "!TypeError: 'float' object cannot be interpreted as an integer"},
    {"math.floor", {"f:-2.7"}, "-3"},
    {"math.floor", {"f:1e+20"}, "100000000000000000000"},
    {"math.ceil", {"f:2.1"}, "3"},
    {"math.trunc", {"f:-2.7"}, "-2"},
    {"math.trunc", {"s:a"}, "!TypeError: type str doesn't define __trunc__ method"},
    {"math.floor", {"s:a"}, "!TypeError: must be real number, not str"},
    {"math.floor", {"i:1000000000000000000000000000000"}, "1000000000000000000000000000000"},
    {"math.ceil", {"f:1e-300"}, "1"},
    {"math.gcd", {"i:48", "i:18"}, "6"},
    {"math.gcd", {"i:12", "i:18", "i:30"}, "6"},
    {"math.gcd", {}, "0"},
    {"math.gcd", {"f:1.5"}, "!TypeError: 'float' object cannot be interpreted as an integer"},
    {"math.lcm", {"i:4", "i:6"}, "12"},
    {"math.lcm", {}, "1"},
    {"math.lcm", {"i:-4", "i:6"}, "12"},
    {"math.lcm", {"i:0", "i:6"}, "0"},
    {"math.factorial", {"i:20"}, "2432902008176640000"},
    {"math.factorial", {"i:-1"}, "!ValueError: factorial() not defined for negative values"},
    {"math.factorial", {"f:5.0"}, "!TypeError: 'float' object cannot be interpreted as an integer"},
    {"math.factorial", {"i:1180591620717411303424"}, "!OverflowError: factorial() argument should not exceed 9223372036854775807"},
    {"math.comb", {"i:10", "i:3"}, "120"},
    {"math.comb", {"i:100000000000000000000", "i:3"}, "166666666666666666661666666666666666666700000000000000000000"},
    {"math.comb", {"i:3", "i:10"}, "0"},
    {"math.comb", {"i:-1", "i:2"}, "!ValueError: n must be a non-negative integer"},
    {"math.comb", {"i:5", "i:-1"}, "!ValueError: k must be a non-negative integer"},
    {"math.perm", {"i:5", "i:2"}, "20"},
    {"math.perm", {"i:5"}, "120"},
    {"math.perm", {"i:5", "i:-1"}, "!ValueError: k must be a non-negative integer"},
    {"math.perm", {"i:3", "i:5"}, "0"},
    {"math.log", {"i:1"}, "0.0"},
    {"math.log", {"i:0"}, "!ValueError: math domain error"},
    {"math.log", {"i:1024", "i:2"}, "10.0"},
    {"math.log", {"i:10", "i:1"}, "!ZeroDivisionError: float division by zero"},
    {"math.log", {"i:141246703213942603683520966701614733366889617518454111681368808585711816984270751255808912631671152637335603208431366082764203838069979338335971185726639923431051777851865399011877999645131707069373498212631323752553111215372844035950900535954860733418453405575566736801565587405464699640499050849699472357900905617571376618228216434213181520991556677126498651782204174061830939239176861341383294018240225838692725596147005144243281075275629495339093813198966735633606329691023842454125835888656873133981287240980008838073668221804264432910894030789020219440578198488267339768238872279902157420307247570510423845868872596735891805818727796435753018518086641356012851302546726823009250218328018251907340245449863183265637987862198511046362985461949587281119139907228004385942880953958816554567625296086916885774828934449941362416588675326940332561103664556982622206834474219811081872404929503481991376740379825998791411879802717583885498575115299471743469241117070230398103378615232793710290992656444842895511830355733152020804157920090041811951880456705515468349446182731742327685989277607620709525878318766488368348965015474997864119765441433356928012344111765735336393557879214937004347568208665958717764059293592887514292843557047089164876483116615691886203812997555690171892169733755224469032475078797830901321579940127337210694377283439922280274060798234786740434893458120198341101033812506720046609891160700284002100980452964039788704335302619337597862052192280371481132164147186514169090917191909376"}, "3465.7359027997263"},
    {"math.log10", {"i:100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, "500.0"},
    {"math.log2", {"i:1024"}, "10.0"},
    {"math.log", {"i:-141246703213942603683520966701614733366889617518454111681368808585711816984270751255808912631671152637335603208431366082764203838069979338335971185726639923431051777851865399011877999645131707069373498212631323752553111215372844035950900535954860733418453405575566736801565587405464699640499050849699472357900905617571376618228216434213181520991556677126498651782204174061830939239176861341383294018240225838692725596147005144243281075275629495339093813198966735633606329691023842454125835888656873133981287240980008838073668221804264432910894030789020219440578198488267339768238872279902157420307247570510423845868872596735891805818727796435753018518086641356012851302546726823009250218328018251907340245449863183265637987862198511046362985461949587281119139907228004385942880953958816554567625296086916885774828934449941362416588675326940332561103664556982622206834474219811081872404929503481991376740379825998791411879802717583885498575115299471743469241117070230398103378615232793710290992656444842895511830355733152020804157920090041811951880456705515468349446182731742327685989277607620709525878318766488368348965015474997864119765441433356928012344111765735336393557879214937004347568208665958717764059293592887514292843557047089164876483116615691886203812997555690171892169733755224469032475078797830901321579940127337210694377283439922280274060798234786740434893458120198341101033812506720046609891160700284002100980452964039788704335302619337597862052192280371481132164147186514169090917191909376"}, "!ValueError: math domain error"},
    {"math.log", {}, "!TypeError: math.log requires 1 to 2 arguments"},
    {"math.exp", {"i:1000"}, "!OverflowError: math range error"},
    {"math.exp", {"i:0"}, "1.0"},
    {"math.sin", {"f:inf"}, "!ValueError: math domain error"},
    {"math.atanh", {"i:1"}, "!ValueError: math domain error"},
    {"math.atan2", {"i:1"}, "!TypeError: atan2 expected 2 arguments, got 1"},
    {"math.pow", {"i:0", "i:-1"}, "!ValueError: math domain error"},
    {"math.pow", {"i:-8", "f:0.3333333333333333"}, "!ValueError: math domain error"},
    {"math.pow", {"i:2", "i:10000"}, "!OverflowError: math range error"},
    {"math.pow", {"i:2", "i:10"}, "1024.0"},
    {"math.pow", {"f:1.0", "f:nan"}, "1.0"},
    {"math.fmod", {"i:7", "i:-3"}, "1.0"},
    {"math.fmod", {"f:inf", "i:1"}, "!ValueError: math domain error"},
    {"math.fmod", {"i:1", "f:inf"}, "1.0"},
    {"math.remainder", {"i:1", "i:0"}, "!ValueError: math domain error"},
    {"math.remainder", {"i:7", "i:2"}, "-1.0"},
    {"math.copysign", {"i:2", "f:-0.0"}, "-2.0"},
    {"math.gamma", {"i:0"}, "!ValueError: math domain error"},
    {"math.gamma", {"i:200"}, "!OverflowError: math range error"},
    {"math.gamma", {"i:5"}, "24.0"},
    {"math.lgamma", {"i:0"}, "!ValueError: math domain error"},
    {"math.lgamma", {"i:-1"}, "!ValueError: math domain error"},
    {"math.lgamma", {"f:inf"}, "inf"},
    {"math.ldexp", {"f:0.5", "i:4"}, "8.0"},
    {"math.ldexp", {"f:1.0", "i:1000000000000000000000000000000"}, "!OverflowError: math range error"},
    {"math.ldexp", {"f:1.0", "i:-1000000000000000000000000000000"}, "0.0"},
    {"math.ldexp", {"f:1.0", "f:1.5"}, "!TypeError: Expected an int as second argument to ldexp."},
    {"math.frexp", {"f:8.0"}, "(0.5, 4)"},
    {"math.frexp", {"f:0.0"}, "(0.0, 0)"},
    {"math.modf", {"f:3.5"}, "(0.5, 3.0)"},
    {"math.modf", {"f:-inf"}, "(-0.0, -inf)"},
    {"math.hypot", {"i:3", "i:4"}, "5.0"},
    {"math.hypot", {"i:3", "i:4", "i:12"}, "13.0"},
    {"math.hypot", {}, "0.0"},
    {"math.hypot", {"f:inf", "f:nan"}, "inf"},
    {"math.hypot", {"f:1e308", "f:1e308"}, "1.4142135623730951e+308"},
    {"math.hypot", {"f:1e-320", "f:1e-320"}, "1.414e-320"},
    {"math.ulp", {"f:1.0"}, "2.220446049250313e-16"},
    {"math.nextafter", {"i:1", "i:2"}, "1.0000000000000002"},
    {"math.exp2", {"i:10"}, "1024.0"},
    {"math.degrees", {"f:3.141592653589793"}, "180.0"},
    {"math.radians", {"i:180"}, "3.141592653589793"},
    {"math.isnan", {"f:nan"}, "True"},
    {"math.isinf", {"f:1e308"}, "False"},
    {"math.isfinite", {"f:inf"}, "False"},
    {"math.fabs", {"i:-3"}, "3.0"},
    {"math.expm1", {"f:1e-10"}, "1.00000000005e-10"},
    {"math.log1p", {"i:-1"}, "!ValueError: math domain error"},
    {"math.erf", {"f:0.5"}, "0.5204998778130465"},
    {"math.erfc", {"f:0.5"}, "0.4795001221869535"},
    {"math.acosh", {"i:0"}, "!ValueError: math domain error"},
    {"math.cosh", {"i:1000"}, "!OverflowError: math range error"},
};

TEST_F(NumbersTest, ConstructorsMethodsAndMath) {
  for (const CallCase& c : kCalls) {
    GcVector<Value> args;  // collector-visible storage
    for (const char* a : c.args) {
      args.push_back(make(a));
      ASSERT_TRUE(args.back()) << a;
    }
    Value r = perform(c, args);
    std::string got = (std::string_view(c.fn) == "repr" && r) ? std::string(r.as<Str>()->view()) : outcome(r);
    std::string where = c.fn;
    for (const char* a : c.args) where += std::string(" ") + a;
    EXPECT_EQ(got, c.expected) << where;
  }
}

TEST_F(NumbersTest, MathConstantsAndFsum) {
  EXPECT_EQ(outcome(math_attr("pi")), "3.141592653589793");
  EXPECT_EQ(outcome(math_attr("tau")), "6.283185307179586");
  EXPECT_EQ(outcome(math_attr("e")), "2.718281828459045");
  EXPECT_EQ(outcome(math_attr("inf")), "inf");
  auto fsum = [](std::initializer_list<double> xs) {
    Tuple* t = tuple_new(static_cast<int64_t>(xs.size()));
    int64_t i = 0;
    for (double x : xs) (*t)[i++] = float_new(x);
    return outcome(call(math_attr("fsum"), {Value(t)}));
  };
  EXPECT_EQ(fsum({0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}), "1.0");
  EXPECT_EQ(fsum({1.0, 1e100, 1.0, -1e100}), "2.0");
  EXPECT_EQ(fsum({1e308, 1e308}), "!OverflowError: intermediate overflow in fsum");
  EXPECT_EQ(fsum({INFINITY, -INFINITY}), "!ValueError: -inf + inf in fsum");
  EXPECT_EQ(fsum({INFINITY, 1.0}), "inf");
  EXPECT_EQ(fsum({}), "0.0");
  EXPECT_EQ(fsum({1.0, 1e-16, 1e-16}), "1.0000000000000002");
  Value p = tuple_of({Value::small_int(0), Value::small_int(0)});
  Value q = tuple_of({Value::small_int(3), Value::small_int(4)});
  EXPECT_EQ(outcome(call(math_attr("dist"), {p, q})), "5.0");
  EXPECT_EQ(outcome(call(math_attr("dist"), {p, tuple_of({Value::small_int(1)})})),
            "!ValueError: both points must have the same number of dimensions");
  EXPECT_EQ(outcome(call(math_attr("prod"), {q})), "12");
}

TEST_F(NumbersTest, FromBytesAndSubclassResults) {
  Value from_bytes = getattr_cstr(Value(&int_type), "from_bytes");
  ASSERT_TRUE(from_bytes);
  EXPECT_EQ(outcome(call(from_bytes, {Value(bytes_new(std::string_view("\x04\x00", 2))), Value(str_new("big"))})), "1024");
  EXPECT_EQ(outcome(call(from_bytes, {Value(bytes_new(std::string_view("\x04\x00", 2))), Value(str_new("little"))})), "4");
  EXPECT_EQ(outcome(call(from_bytes, {Value(bytes_new("\xff\xff")), Value(str_new("big"))})), "65535");
  Value kw[] = {Value(bytes_new("\xff\xfe")), Value(str_new("big")), true_value()};
  EXPECT_EQ(outcome(call(from_bytes, kw, 2, tuple_of({Value(str_new("signed"))}))), "-2");
  EXPECT_EQ(outcome(call(from_bytes, {Value::small_int(5)})), "!TypeError: cannot convert 'int' object to bytes");
  // bool's value reaches int's methods and conversions.
  EXPECT_EQ(outcome(call(Value(&int_type), {true_value()})), "1");
  EXPECT_EQ(outcome(call(Value(&float_type), {true_value()})), "1.0");
}

}  // namespace
}  // namespace minipy
