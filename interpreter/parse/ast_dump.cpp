#include "parse/ast_dump.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "lex/unicode.h"

namespace minipy {

namespace {

using ast::Kind;

// ---------------------------------------------------------------------------------------
// repr() of values
// ---------------------------------------------------------------------------------------

// Python's float repr ('r' format): the shortest digits that read back as the same double,
// in fixed notation when the decimal exponent is in [-4, 16), else in scientific notation.
// `add_dot_0` adds ".0" to integral values (floats do, the parts of a complex do not).
std::string float_repr(double x, bool add_dot_0) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return std::string(std::signbit(x) ? "-0" : "0") + (add_dot_0 ? ".0" : "");
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  std::size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int exponent = std::atoi(sci.c_str() + e + 1);
  int decpt = exponent + 1;  // value = 0.DIGITS * 10**decpt
  int ndigits = static_cast<int>(digits.size());
  std::string out;
  if (decpt <= -4 || decpt > 16) {
    out = digits.substr(0, 1);
    if (ndigits > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += ebuf;
  } else if (decpt <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  } else if (decpt >= ndigits) {
    out = digits + std::string(static_cast<std::size_t>(decpt - ndigits), '0');
    if (add_dot_0) out += ".0";
  } else {
    out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." +
          digits.substr(static_cast<std::size_t>(decpt));
  }
  return sign + out;
}

void append_hex(std::string& out, const char* prefix, unsigned value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, width, value);
  out += buf;
}

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = unicode::decode_utf8_lenient(s, pos);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (unicode::is_printable(cp)) {
      unicode::append_utf8(out, cp);
    } else if (cp <= 0xFF) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp <= 0xFFFF) {
      append_hex(out, "\\u", cp, 4);
    } else {
      append_hex(out, "\\U", cp, 8);
    }
  }
  out += quote;
  return out;
}

std::string bytes_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex(out, "\\x", c, 2);
    } else {
      out += ch;
    }
  }
  out += quote;
  return out;
}

// ---------------------------------------------------------------------------------------
// The dump
// ---------------------------------------------------------------------------------------

const char* operator_name(ast::Operator op) {
  switch (op) {
    case ast::Operator::Add: return "Add()";
    case ast::Operator::Sub: return "Sub()";
    case ast::Operator::Mult: return "Mult()";
    case ast::Operator::MatMult: return "MatMult()";
    case ast::Operator::Div: return "Div()";
    case ast::Operator::Mod: return "Mod()";
    case ast::Operator::Pow: return "Pow()";
    case ast::Operator::LShift: return "LShift()";
    case ast::Operator::RShift: return "RShift()";
    case ast::Operator::BitOr: return "BitOr()";
    case ast::Operator::BitXor: return "BitXor()";
    case ast::Operator::BitAnd: return "BitAnd()";
    case ast::Operator::FloorDiv: return "FloorDiv()";
  }
  return "?";
}

const char* unaryop_name(ast::UnaryOpKind op) {
  switch (op) {
    case ast::UnaryOpKind::Invert: return "Invert()";
    case ast::UnaryOpKind::Not: return "Not()";
    case ast::UnaryOpKind::UAdd: return "UAdd()";
    case ast::UnaryOpKind::USub: return "USub()";
  }
  return "?";
}

const char* cmpop_name(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Eq: return "Eq()";
    case ast::CmpOp::NotEq: return "NotEq()";
    case ast::CmpOp::Lt: return "Lt()";
    case ast::CmpOp::LtE: return "LtE()";
    case ast::CmpOp::Gt: return "Gt()";
    case ast::CmpOp::GtE: return "GtE()";
    case ast::CmpOp::Is: return "Is()";
    case ast::CmpOp::IsNot: return "IsNot()";
    case ast::CmpOp::In: return "In()";
    case ast::CmpOp::NotIn: return "NotIn()";
  }
  return "?";
}

const char* ctx_name(ast::ExprContext ctx) {
  switch (ctx) {
    case ast::ExprContext::Load: return "Load()";
    case ast::ExprContext::Store: return "Store()";
    case ast::ExprContext::Del: return "Del()";
  }
  return "?";
}

class Dumper {
 public:
  explicit Dumper(bool include_attributes) : attrs_(include_attributes) {}

  std::string out;

  void node(const ast::Node* n) {
    // Trees built by loops (a + b + c ..., a.b.c ...) can be deeper than the stack allows
    // recursing; CPython's ast.dump() gives up on those too (RecursionError).
    if (depth_ >= kMaxDumpDepth) {
      out += "...";
      return;
    }
    ++depth_;
    dump_node(n);
    --depth_;
  }

 private:
  static constexpr int kMaxDumpDepth = 1000;

  void dump_node(const ast::Node* n);

  // Writes one "Name(field=value, ...)" node; fields are added between open() and close().
  void open(const char* name) {
    out += name;
    out += '(';
    first_.push_back(true);
  }
  void key(const char* name) {
    if (!first_.back()) out += ", ";
    first_.back() = false;
    out += name;
    out += '=';
  }
  void close(const ast::Node* n, bool has_attributes) {
    if (attrs_ && has_attributes) {
      key("lineno");
      out += std::to_string(n->lineno);
      key("col_offset");
      out += std::to_string(n->col_offset);
      key("end_lineno");
      out += std::to_string(n->end_lineno);
      key("end_col_offset");
      out += std::to_string(n->end_col_offset);
    }
    first_.pop_back();
    out += ')';
  }
  void field(const char* name, const ast::Node* child) {
    key(name);
    node(child);
  }
  // An optional field: omitted when None, as ast.dump() does.
  void opt(const char* name, const ast::Node* child) {
    if (child) field(name, child);
  }
  template <class T>
  void list(const char* name, const std::vector<T*>& items) {
    key(name);
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      if (items[i]) {
        node(items[i]);
      } else {
        out += "None";  // a Dict key for **d, a kw_default without default
      }
    }
    out += ']';
  }
  void str(const char* name, const std::string& value) {
    key(name);
    out += str_repr(value);
  }
  void opt_str(const char* name, const std::optional<std::string>& value) {
    if (value) str(name, *value);
  }
  void integer(const char* name, long value) {
    key(name);
    out += std::to_string(value);
  }
  void raw(const char* name, const char* text) {
    key(name);
    out += text;
  }

  bool attrs_;
  int depth_ = 0;
  std::vector<bool> first_;
};

void Dumper::dump_node(const ast::Node* n) {
  switch (n->kind) {
    case Kind::Module: {
      auto* m = static_cast<const ast::Module*>(n);
      open("Module");
      list("body", m->body);
      raw("type_ignores", "[]");
      close(n, false);
      return;
    }
    case Kind::Interactive: {
      auto* m = static_cast<const ast::Interactive*>(n);
      open("Interactive");
      list("body", m->body);
      close(n, false);
      return;
    }
    case Kind::Expression: {
      auto* m = static_cast<const ast::Expression*>(n);
      open("Expression");
      field("body", m->body);
      close(n, false);
      return;
    }
    case Kind::FunctionDef:
    case Kind::AsyncFunctionDef: {
      bool async = n->kind == Kind::AsyncFunctionDef;
      // The two node types have the same fields.
      auto dump = [&](const auto* f) {
        open(async ? "AsyncFunctionDef" : "FunctionDef");
        str("name", f->name);
        field("args", f->args);
        list("body", f->body);
        list("decorator_list", f->decorator_list);
        opt("returns", f->returns);
      };
      if (async) {
        dump(static_cast<const ast::AsyncFunctionDef*>(n));
      } else {
        dump(static_cast<const ast::FunctionDef*>(n));
      }
      close(n, true);
      return;
    }
    case Kind::ClassDef: {
      auto* c = static_cast<const ast::ClassDef*>(n);
      open("ClassDef");
      str("name", c->name);
      list("bases", c->bases);
      list("keywords", c->keywords);
      list("body", c->body);
      list("decorator_list", c->decorator_list);
      close(n, true);
      return;
    }
    case Kind::Return: {
      open("Return");
      opt("value", static_cast<const ast::Return*>(n)->value);
      close(n, true);
      return;
    }
    case Kind::Delete: {
      open("Delete");
      list("targets", static_cast<const ast::Delete*>(n)->targets);
      close(n, true);
      return;
    }
    case Kind::Assign: {
      auto* a = static_cast<const ast::Assign*>(n);
      open("Assign");
      list("targets", a->targets);
      field("value", a->value);
      close(n, true);
      return;
    }
    case Kind::AugAssign: {
      auto* a = static_cast<const ast::AugAssign*>(n);
      open("AugAssign");
      field("target", a->target);
      raw("op", operator_name(a->op));
      field("value", a->value);
      close(n, true);
      return;
    }
    case Kind::AnnAssign: {
      auto* a = static_cast<const ast::AnnAssign*>(n);
      open("AnnAssign");
      field("target", a->target);
      field("annotation", a->annotation);
      opt("value", a->value);
      integer("simple", a->simple);
      close(n, true);
      return;
    }
    case Kind::For:
    case Kind::AsyncFor: {
      bool async = n->kind == Kind::AsyncFor;
      auto dump = [&](const auto* f) {
        open(async ? "AsyncFor" : "For");
        field("target", f->target);
        field("iter", f->iter);
        list("body", f->body);
        list("orelse", f->orelse);
      };
      if (async) {
        dump(static_cast<const ast::AsyncFor*>(n));
      } else {
        dump(static_cast<const ast::For*>(n));
      }
      close(n, true);
      return;
    }
    case Kind::While: {
      auto* w = static_cast<const ast::While*>(n);
      open("While");
      field("test", w->test);
      list("body", w->body);
      list("orelse", w->orelse);
      close(n, true);
      return;
    }
    case Kind::If: {
      auto* i = static_cast<const ast::If*>(n);
      open("If");
      field("test", i->test);
      list("body", i->body);
      list("orelse", i->orelse);
      close(n, true);
      return;
    }
    case Kind::With:
    case Kind::AsyncWith: {
      bool async = n->kind == Kind::AsyncWith;
      auto dump = [&](const auto* w) {
        open(async ? "AsyncWith" : "With");
        list("items", w->items);
        list("body", w->body);
      };
      if (async) {
        dump(static_cast<const ast::AsyncWith*>(n));
      } else {
        dump(static_cast<const ast::With*>(n));
      }
      close(n, true);
      return;
    }
    case Kind::Raise: {
      auto* r = static_cast<const ast::Raise*>(n);
      open("Raise");
      opt("exc", r->exc);
      opt("cause", r->cause);
      close(n, true);
      return;
    }
    case Kind::Try:
    case Kind::TryStar: {
      auto* t = static_cast<const ast::TryStmt*>(n);
      open(n->kind == Kind::Try ? "Try" : "TryStar");
      list("body", t->body);
      list("handlers", t->handlers);
      list("orelse", t->orelse);
      list("finalbody", t->finalbody);
      close(n, true);
      return;
    }
    case Kind::Assert: {
      auto* a = static_cast<const ast::Assert*>(n);
      open("Assert");
      field("test", a->test);
      opt("msg", a->msg);
      close(n, true);
      return;
    }
    case Kind::Import: {
      open("Import");
      list("names", static_cast<const ast::Import*>(n)->names);
      close(n, true);
      return;
    }
    case Kind::ImportFrom: {
      auto* i = static_cast<const ast::ImportFrom*>(n);
      open("ImportFrom");
      opt_str("module", i->module);
      list("names", i->names);
      integer("level", i->level);
      close(n, true);
      return;
    }
    case Kind::Global:
    case Kind::Nonlocal: {
      bool global = n->kind == Kind::Global;
      const auto& names = global ? static_cast<const ast::Global*>(n)->names
                                 : static_cast<const ast::Nonlocal*>(n)->names;
      open(global ? "Global" : "Nonlocal");
      key("names");
      out += '[';
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += ", ";
        out += str_repr(names[i]);
      }
      out += ']';
      close(n, true);
      return;
    }
    case Kind::Expr: {
      open("Expr");
      field("value", static_cast<const ast::Expr*>(n)->value);
      close(n, true);
      return;
    }
    case Kind::Pass: open("Pass"); close(n, true); return;
    case Kind::Break: open("Break"); close(n, true); return;
    case Kind::Continue: open("Continue"); close(n, true); return;

    case Kind::BoolOp: {
      auto* b = static_cast<const ast::BoolOp*>(n);
      open("BoolOp");
      raw("op", b->op == ast::BoolOpKind::And ? "And()" : "Or()");
      list("values", b->values);
      close(n, true);
      return;
    }
    case Kind::NamedExpr: {
      auto* e = static_cast<const ast::NamedExpr*>(n);
      open("NamedExpr");
      field("target", e->target);
      field("value", e->value);
      close(n, true);
      return;
    }
    case Kind::BinOp: {
      auto* b = static_cast<const ast::BinOp*>(n);
      open("BinOp");
      field("left", b->left);
      raw("op", operator_name(b->op));
      field("right", b->right);
      close(n, true);
      return;
    }
    case Kind::UnaryOp: {
      auto* u = static_cast<const ast::UnaryOp*>(n);
      open("UnaryOp");
      raw("op", unaryop_name(u->op));
      field("operand", u->operand);
      close(n, true);
      return;
    }
    case Kind::Lambda: {
      auto* l = static_cast<const ast::Lambda*>(n);
      open("Lambda");
      field("args", l->args);
      field("body", l->body);
      close(n, true);
      return;
    }
    case Kind::IfExp: {
      auto* i = static_cast<const ast::IfExp*>(n);
      open("IfExp");
      field("test", i->test);
      field("body", i->body);
      field("orelse", i->orelse);
      close(n, true);
      return;
    }
    case Kind::Dict: {
      auto* d = static_cast<const ast::Dict*>(n);
      open("Dict");
      list("keys", d->keys);
      list("values", d->values);
      close(n, true);
      return;
    }
    case Kind::Set: {
      open("Set");
      list("elts", static_cast<const ast::Set*>(n)->elts);
      close(n, true);
      return;
    }
    case Kind::ListComp:
    case Kind::SetComp:
    case Kind::GeneratorExp: {
      auto dump = [&](const char* name, const auto* c) {
        open(name);
        field("elt", c->elt);
        list("generators", c->generators);
      };
      if (n->kind == Kind::ListComp) {
        dump("ListComp", static_cast<const ast::ListComp*>(n));
      } else if (n->kind == Kind::SetComp) {
        dump("SetComp", static_cast<const ast::SetComp*>(n));
      } else {
        dump("GeneratorExp", static_cast<const ast::GeneratorExp*>(n));
      }
      close(n, true);
      return;
    }
    case Kind::DictComp: {
      auto* d = static_cast<const ast::DictComp*>(n);
      open("DictComp");
      field("key", d->key);
      field("value", d->value);
      list("generators", d->generators);
      close(n, true);
      return;
    }
    case Kind::Await: {
      open("Await");
      field("value", static_cast<const ast::Await*>(n)->value);
      close(n, true);
      return;
    }
    case Kind::Yield: {
      open("Yield");
      opt("value", static_cast<const ast::Yield*>(n)->value);
      close(n, true);
      return;
    }
    case Kind::YieldFrom: {
      open("YieldFrom");
      field("value", static_cast<const ast::YieldFrom*>(n)->value);
      close(n, true);
      return;
    }
    case Kind::Compare: {
      auto* c = static_cast<const ast::Compare*>(n);
      open("Compare");
      field("left", c->left);
      key("ops");
      out += '[';
      for (std::size_t i = 0; i < c->ops.size(); ++i) {
        if (i) out += ", ";
        out += cmpop_name(c->ops[i]);
      }
      out += ']';
      list("comparators", c->comparators);
      close(n, true);
      return;
    }
    case Kind::Call: {
      auto* c = static_cast<const ast::Call*>(n);
      open("Call");
      field("func", c->func);
      list("args", c->args);
      list("keywords", c->keywords);
      close(n, true);
      return;
    }
    case Kind::FormattedValue: {
      auto* f = static_cast<const ast::FormattedValue*>(n);
      open("FormattedValue");
      field("value", f->value);
      integer("conversion", f->conversion);
      opt("format_spec", f->format_spec);
      close(n, true);
      return;
    }
    case Kind::JoinedStr: {
      open("JoinedStr");
      list("values", static_cast<const ast::JoinedStr*>(n)->values);
      close(n, true);
      return;
    }
    case Kind::Constant: {
      auto* c = static_cast<const ast::Constant*>(n);
      open("Constant");
      key("value");
      out += constant_repr(c->value);
      if (c->u_prefix) raw("kind", "'u'");
      close(n, true);
      return;
    }
    case Kind::Attribute: {
      auto* a = static_cast<const ast::Attribute*>(n);
      open("Attribute");
      field("value", a->value);
      str("attr", a->attr);
      raw("ctx", ctx_name(a->ctx));
      close(n, true);
      return;
    }
    case Kind::Subscript: {
      auto* s = static_cast<const ast::Subscript*>(n);
      open("Subscript");
      field("value", s->value);
      field("slice", s->slice);
      raw("ctx", ctx_name(s->ctx));
      close(n, true);
      return;
    }
    case Kind::Starred: {
      auto* s = static_cast<const ast::Starred*>(n);
      open("Starred");
      field("value", s->value);
      raw("ctx", ctx_name(s->ctx));
      close(n, true);
      return;
    }
    case Kind::Name: {
      auto* m = static_cast<const ast::Name*>(n);
      open("Name");
      str("id", m->id);
      raw("ctx", ctx_name(m->ctx));
      close(n, true);
      return;
    }
    case Kind::List: {
      auto* l = static_cast<const ast::List*>(n);
      open("List");
      list("elts", l->elts);
      raw("ctx", ctx_name(l->ctx));
      close(n, true);
      return;
    }
    case Kind::Tuple: {
      auto* t = static_cast<const ast::Tuple*>(n);
      open("Tuple");
      list("elts", t->elts);
      raw("ctx", ctx_name(t->ctx));
      close(n, true);
      return;
    }
    case Kind::Slice: {
      auto* s = static_cast<const ast::Slice*>(n);
      open("Slice");
      opt("lower", s->lower);
      opt("upper", s->upper);
      opt("step", s->step);
      close(n, true);
      return;
    }
    case Kind::Comprehension: {
      auto* c = static_cast<const ast::Comprehension*>(n);
      open("comprehension");
      field("target", c->target);
      field("iter", c->iter);
      list("ifs", c->ifs);
      integer("is_async", c->is_async);
      close(n, false);
      return;
    }
    case Kind::ExceptHandler: {
      auto* h = static_cast<const ast::ExceptHandler*>(n);
      open("ExceptHandler");
      opt("type", h->type);
      opt_str("name", h->name);
      list("body", h->body);
      close(n, true);
      return;
    }
    case Kind::Arguments: {
      auto* a = static_cast<const ast::Arguments*>(n);
      open("arguments");
      list("posonlyargs", a->posonlyargs);
      list("args", a->args);
      opt("vararg", a->vararg);
      list("kwonlyargs", a->kwonlyargs);
      list("kw_defaults", a->kw_defaults);
      opt("kwarg", a->kwarg);
      list("defaults", a->defaults);
      close(n, false);
      return;
    }
    case Kind::Arg: {
      auto* a = static_cast<const ast::Arg*>(n);
      open("arg");
      str("arg", a->arg);
      opt("annotation", a->annotation);
      close(n, true);
      return;
    }
    case Kind::Keyword: {
      auto* k = static_cast<const ast::Keyword*>(n);
      open("keyword");
      opt_str("arg", k->arg);
      field("value", k->value);
      close(n, true);
      return;
    }
    case Kind::Alias: {
      auto* a = static_cast<const ast::Alias*>(n);
      open("alias");
      str("name", a->name);
      opt_str("asname", a->asname);
      close(n, true);
      return;
    }
    case Kind::WithItem: {
      auto* w = static_cast<const ast::WithItem*>(n);
      open("withitem");
      field("context_expr", w->context_expr);
      opt("optional_vars", w->optional_vars);
      close(n, false);
      return;
    }
  }
}

}  // namespace

std::string constant_repr(const ast::ConstantValue& value) {
  using K = ast::ConstantValue::Kind;
  switch (value.kind) {
    case K::None: return "None";
    case K::True: return "True";
    case K::False: return "False";
    case K::Ellipsis: return "Ellipsis";
    case K::Int: return value.is_big_int() ? value.str : std::to_string(value.int_value);
    case K::Float: return float_repr(value.float_value, true);
    case K::Imag: return float_repr(value.float_value, false) + "j";
    case K::Str: return str_repr(value.str);
    case K::Bytes: return bytes_repr(value.str);
  }
  return "?";
}

std::string ast_dump(const ast::Node* node, bool include_attributes) {
  Dumper d(include_attributes);
  d.node(node);
  return std::move(d.out);
}

}  // namespace minipy
