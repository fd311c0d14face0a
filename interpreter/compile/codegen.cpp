// AST -> code objects.
//
// One Unit per scope being compiled (module, class body, function, lambda, comprehension).
// Code is emitted linearly; labels are resolved at the end. The linear stack depth is tracked
// while emitting (exception handlers need the depth at their protected range), and the final
// stack size is computed by a flow analysis over the finished code.
//
// Exception handling shapes (the handler is entered with the exception pushed):
//   try/except:   body under H; H: PUSH_EXC_INFO [prev, exc]; per clause: type check,
//                 bind or pop, body, POP_EXCEPT; no match: RERAISE. A cleanup handler around
//                 the clauses restores the previous handled exception (SWAP 2, POP_EXCEPT,
//                 RERAISE) when a clause raises.
//   try/finally:  body under F; normal path: finally body; F: PUSH_EXC_INFO, finally body,
//                 RERAISE (+ the same cleanup handler).
//   with:         BEFORE_WITH [exit, value]; body under W; normal exit calls exit(None x3);
//                 W: PUSH_EXC_INFO, WITH_EXCEPT_START, suppress or RERAISE.
// Leaving a protected region early (return/break/continue) emits the cleanups of the blocks
// being left (finally bodies, exit calls, POP_EXCEPT) with their handlers suspended, so the
// copies run unprotected by the blocks they belong to, as Python requires.
#include "compile/codegen.h"

#include <cstring>
#include <map>
#include <unordered_map>

#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/complex.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace minipy {

using namespace ast;

namespace {

[[noreturn]] void fail(const Node* n, const std::string& msg) {
  throw CompileError{msg, n ? n->lineno : 0, n ? n->col_offset : 0, n ? n->end_lineno : 0, n ? n->end_col_offset : 0};
}

constexpr size_t kMaxBlocks = 20;  // CPython's CO_MAXBLOCKS

struct Pos {
  int line = -1, end_line = -1, col = -1, end_col = -1;
  bool operator==(const Pos& o) const {
    return line == o.line && end_line == o.end_line && col == o.col && end_col == o.end_col;
  }
};

enum class BlockKind {
  WhileLoop, ForLoop, AsyncForLoop, TryExcept, ExceptStar, FinallyTry, FinallyEnd, HandlerCleanup, With, AsyncWith
};

struct Block {
  BlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const StmtList* finalbody = nullptr;
  std::string handler_name;  // HandlerCleanup: the `as` name to clear
  size_t handler_index = 0;  // handlers.size() when the block was entered
};

struct Handler {
  int label;
  uint32_t depth;
  uint32_t start;
  bool open;
};

struct Unit {
  Scope* scope = nullptr;
  std::vector<CodeUnit> code;
  std::vector<LineTableEntry> lines;
  GcVector<Value> consts;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, int> name_index;
  std::vector<std::string> varnames;
  std::unordered_map<std::string, int> varname_index;
  std::vector<int> label_pos, label_depth;
  std::vector<std::pair<uint32_t, int>> fixups;
  std::vector<Handler> handlers;
  std::vector<ExceptionTableEntry> entries;  // target holds a label id until assembly
  std::vector<Block> blocks;
  int depth = 0;
  uint32_t ncaches = 0;
  int firstlineno = 1;
  Pos pos;
  Value docstring;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
};

enum BuildKind { kBuildList, kBuildTuple, kBuildSet };
enum CompKind { kCompList, kCompSet, kCompDict, kCompGen };

class Codegen {
 public:
  Codegen(const SymbolTable& st, std::string_view filename, std::string_view source, CompileMode mode)
      : st_(st), filename_(str_new(filename)), source_(source), mode_(mode) {}

  Value compile_module(const ModNode* tree);

 private:
  const SymbolTable& st_;
  Str* filename_;
  std::string_view source_;
  CompileMode mode_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  bool future_annotations_ = false;

  // ---- emission ---------------------------------------------------------------------------------
  uint32_t offset() const { return static_cast<uint32_t>(u_->code.size()); }

  void note_position() {
    const Pos& p = u_->pos;
    if (!u_->lines.empty()) {
      LineTableEntry& last = u_->lines.back();
      if (last.line == p.line && last.end_line == p.end_line && last.col == p.col && last.end_col == p.end_col) return;
      if (last.start == offset()) {
        last = {offset(), p.line, p.end_line, p.col, p.end_col};
        return;
      }
    }
    u_->lines.push_back({offset(), p.line, p.end_line, p.col, p.end_col});
  }

  void emit(Opcode op, uint32_t arg = 0) {
    if (arg > kMaxOparg) throw CompileError{"too many constants, names or locals in one code object", u_->pos.line, 0, 0, 0};
    note_position();
    u_->code.push_back(make_code_unit(op, arg));
    if (kOpcodeFlags[op] & kOpCache) u_->code.push_back(u_->ncaches++);
    if (u_->depth >= 0) u_->depth += opcode_stack_effect(op, arg, false);
    if (kOpcodeFlags[op] & kOpExits) u_->depth = -1;
  }

  int new_label() {
    u_->label_pos.push_back(-1);
    u_->label_depth.push_back(-1);
    return static_cast<int>(u_->label_pos.size()) - 1;
  }

  void emit_jump(Opcode op, int label) {
    note_position();
    int before = u_->depth;
    u_->fixups.push_back({offset(), label});
    u_->code.push_back(make_code_unit(op, 0));
    if (before >= 0) {
      int at_target = before + opcode_stack_effect(op, 0, true);
      if (u_->label_depth[label] < 0) u_->label_depth[label] = at_target;
      u_->depth = (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD) ? -1 : before + opcode_stack_effect(op, 0, false);
    }
  }

  void bind(int label) {
    u_->label_pos[label] = static_cast<int>(offset());
    if (u_->label_depth[label] >= 0) u_->depth = u_->label_depth[label];
    else if (u_->depth >= 0) u_->label_depth[label] = u_->depth;
  }

  // ---- exception handler ranges ---------------------------------------------------------------
  void push_handler(int label, int depth) {
    u_->handlers.push_back({label, static_cast<uint32_t>(depth), offset(), true});
    u_->label_depth[label] = depth + 1;
  }
  void close_range(size_t i) {
    Handler& h = u_->handlers[i];
    if (h.open && h.start < offset()) {
      u_->entries.push_back({h.start, offset(), static_cast<uint32_t>(h.label), h.depth, static_cast<uint32_t>(i)});
    }
    h.open = false;
  }
  void pop_handler() {
    close_range(u_->handlers.size() - 1);
    u_->handlers.pop_back();
  }
  void suspend_handlers(size_t from) {
    for (size_t i = from; i < u_->handlers.size(); i++) close_range(i);
  }
  void resume_handlers() {
    for (Handler& h : u_->handlers) {
      if (!h.open) {
        h.open = true;
        h.start = offset();
      }
    }
  }

  void push_block(BlockKind kind, const Node* at, int cont = -1, int brk = -1) {
    if (u_->blocks.size() >= kMaxBlocks) fail(at, "too many statically nested blocks");
    Block b;
    b.kind = kind;
    b.continue_label = cont;
    b.break_label = brk;
    b.handler_index = u_->handlers.size();
    u_->blocks.push_back(b);
  }
  void pop_block() { u_->blocks.pop_back(); }

  // ---- constants and names ------------------------------------------------------------------------
  int add_const(Value v, const std::string& key) {
    auto it = u_->const_index.find(key);
    if (it != u_->const_index.end()) return it->second;
    int i = static_cast<int>(u_->consts.size());
    u_->consts.push_back(v);
    u_->const_index.emplace(key, i);
    return i;
  }
  int add_unique_const(Value v) {
    int i = static_cast<int>(u_->consts.size());
    u_->consts.push_back(v);
    return i;
  }
  void load_const(Value v, const std::string& key) { emit(OP_LOAD_CONST, add_const(v, key)); }
  void load_none() { load_const(none_value(), "N"); }
  void load_str(const std::string& s) { load_const(intern(s), "s" + s); }

  int add_name(const std::string& name) {
    auto it = u_->name_index.find(name);
    if (it != u_->name_index.end()) return it->second;
    int i = static_cast<int>(u_->names.size());
    u_->names.push_back(name);
    u_->name_index.emplace(name, i);
    return i;
  }

  // A constant's Value and its dedup key (type-tagged, so 1, 1.0 and True stay distinct).
  bool constant_value(const ExprNode* e, Value* out, std::string* key);
  bool constant_of(const ConstantValue& c, Value* out, std::string* key);
  std::string key_of(Value v);
  bool try_fold_set(const ExprList& elts, Value* out);
  void compile_iterable(const ExprNode* e);

  // ---- units --------------------------------------------------------------------------------------
  void enter_unit(Scope* s, int firstlineno);
  Code* leave_unit(const std::string& name, const std::string& qualname);
  Code* assemble(const std::string& name, const std::string& qualname);

  std::string mangle(const std::string& name) { return mangle_name(u_->scope->private_name, name); }
  int deref_index(const std::string& name);
  void compile_name(const std::string& raw, ExprContext ctx);
  void set_pos(const Node* n) {
    if (n->lineno > 0) u_->pos = {n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
  }

  // ---- statements ---------------------------------------------------------------------------------
  void compile_body(const StmtList& body);
  void compile_stmt(const StmtNode* s);
  template <class F>
  void compile_function(const F* fn);
  void compile_class(const ClassDef* c);
  void compile_decorators_apply(const ExprList& decorators);
  uint32_t compile_defaults_and_annotations(const Arguments* a, const ExprNode* returns);
  void make_closure(Scope* child, Code* code, uint32_t flags);
  void compile_return(const Return* r);
  void compile_break_continue(const StmtNode* s, bool is_break);
  void unwind_block(const Block& b, bool preserve_tos);
  void compile_for(const For* f);
  void compile_async_for(const AsyncFor* f);
  void compile_while(const While* w);
  void compile_if(const If* i);
  void compile_try(const TryStmt* t);
  void compile_protected_body(const TryStmt* t, int handler, int cleanup, int orelse, int base);
  void compile_try_except(const TryStmt* t);
  void compile_try_star(const TryStmt* t);
  void compile_try_finally(const TryStmt* t);
  void check_no_except_star_exit(const Node* at, size_t down_to);
  void compile_with(const std::vector<WithItem*>& items, size_t index, const StmtList& body, bool async, const Node* at);
  void compile_assign(const Assign* a);
  void compile_aug_assign(const AugAssign* a);
  void compile_ann_assign(const AnnAssign* a);
  void compile_delete(const ExprNode* target);
  void compile_import(const Import* i);
  void compile_import_from(const ImportFrom* i);
  void compile_assert(const Assert* a);
  void compile_raise(const Raise* r);
  void emit_exception_cleanup(int label);
  // `name = None; del name` after an except clause `as name`.
  void clear_handler_name(const std::string& name) {
    load_none();
    compile_name(name, ExprContext::Store);
    compile_name(name, ExprContext::Del);
  }
  void emit_await_loop();
  void emit_exit_call(bool async);

  // ---- expressions --------------------------------------------------------------------------------
  void compile_expr(const ExprNode* e);
  void compile_expr_inner(const ExprNode* e);
  void compile_store(const ExprNode* target);
  void compile_jump_if(const ExprNode* e, int label, bool jump_if_true);
  void compile_compare(const Compare* c);
  void emit_compare_op(CmpOp op);
  void compile_call(const Call* c);
  void compile_call_args(const ExprList& args, const std::vector<Keyword*>& keywords, int extra_positional);
  void compile_sequence(const ExprList& elts, BuildKind kind);
  void compile_dict(const ast::Dict* d);
  void compile_comprehension(const ExprNode* e, const std::vector<Comprehension*>& gens, const ExprNode* elt,
                             const ExprNode* value, int kind);
  void compile_comprehension_generator(const std::vector<Comprehension*>& gens, size_t i, const ExprNode* elt,
                                       const ExprNode* value, int kind);
  void compile_lambda(const Lambda* l);
  void compile_fstring(const JoinedStr* j);
  void compile_formatted_value(const FormattedValue* f);
  void compile_subscript(const Subscript* s);
  bool try_fold(const ExprNode* e, Value* out, std::string* key);
  void unpack_into(const ExprList& elts, const Node* at);
  std::string source_segment(const Node* n);
  void compile_annotation(const ExprNode* ann);
};

// ---- constants ------------------------------------------------------------------------------------

std::string Codegen::key_of(Value v) {
  Type* t = type_of(v);
  if (is_none(v)) return "N";
  if (v.is(true_value())) return "T";
  if (v.is(false_value())) return "F";
  if (v.is(ellipsis_value())) return "E";
  if (t == &int_type) return "i" + int_to_decimal(v);
  if (t == &float_type) {
    double d = float_value(v);
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return "f" + std::to_string(bits);
  }
  if (t == &str_type) return "s" + std::string(v.as<Str>()->view());
  if (t == &bytes_type) return "b" + std::string(v.as<Bytes>()->view());
  if (t == &tuple_type) {
    std::string k = "t(";
    minipy::Tuple* tp = v.as<minipy::Tuple>();
    for (int64_t i = 0; i < tp->size; i++) k += key_of((*tp)[i]) + ",";
    return k + ")";
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "@%p", static_cast<void*>(v.as_object()));
  return buf;
}

bool Codegen::constant_of(const ConstantValue& c, Value* out, std::string* key) {
  switch (c.kind) {
    case ConstantValue::Kind::None: *out = none_value(); break;
    case ConstantValue::Kind::True: *out = true_value(); break;
    case ConstantValue::Kind::False: *out = false_value(); break;
    case ConstantValue::Kind::Ellipsis: *out = ellipsis_value(); break;
    case ConstantValue::Kind::Int:
      *out = c.is_big_int() ? int_from_string(c.str, 10) : int_from_i64(c.int_value);
      if (!*out) return false;
      break;
    case ConstantValue::Kind::Float: *out = float_new(c.float_value); break;
    case ConstantValue::Kind::Imag: *out = complex_new(0.0, c.float_value); break;
    case ConstantValue::Kind::Str:
      *out = c.str.size() <= 64 ? intern(c.str) : str_new(c.str);
      break;
    case ConstantValue::Kind::Bytes: *out = bytes_new(c.str); break;
  }
  *key = c.kind == ConstantValue::Kind::Imag ? "j" + std::to_string(c.float_value) + "@" + key_of(*out) : key_of(*out);
  return true;
}

// Literal arithmetic and tuples of constants are computed at compile time, unless the
// operation fails (it must fail at run time instead) or the result would be large.
bool Codegen::try_fold(const ExprNode* e, Value* out, std::string* key) {
  switch (e->kind) {
    case Kind::Constant:
      return constant_of(cast<Constant>(e)->value, out, key);
    case Kind::UnaryOp: {
      auto* u = cast<UnaryOp>(e);
      if (u->op == UnaryOpKind::Not) return false;
      Value v;
      std::string k;
      if (!try_fold(u->operand, &v, &k)) return false;
      Type* t = type_of(v);
      if (t != &int_type && t != &float_type && t != &complex_type && t != &bool_type) return false;
      Value r = u->op == UnaryOpKind::USub ? unary_negative(v) : u->op == UnaryOpKind::UAdd ? unary_positive(v) : unary_invert(v);
      if (!r) {
        error_clear();
        return false;
      }
      *out = r;
      *key = key_of(r);
      return true;
    }
    case Kind::BinOp: {
      auto* b = cast<BinOp>(e);
      Value l, r;
      std::string kl, kr;
      if (!try_fold(b->left, &l, &kl) || !try_fold(b->right, &r, &kr)) return false;
      auto numeric = [](Value v) {
        Type* t = type_of(v);
        return t == &int_type || t == &float_type || t == &complex_type || t == &bool_type;
      };
      auto textual = [](Value v) { return type_of(v) == &str_type || type_of(v) == &bytes_type; };
      bool ok = (numeric(l) && numeric(r)) || (textual(l) && textual(r) && b->op == Operator::Add) ||
                (textual(l) && r.is_small_int() && b->op == Operator::Mult && r.as_small_int() <= 4096);
      if (!ok) return false;
      // Keep huge powers and shifts for run time (they may be slow or enormous).
      if ((b->op == Operator::Pow || b->op == Operator::LShift) && !(r.is_small_int() && r.as_small_int() <= 128)) return false;
      static const BinaryOp kOps[] = {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::MatMul, BinaryOp::TrueDiv,
                                      BinaryOp::Mod, BinaryOp::Pow, BinaryOp::LShift, BinaryOp::RShift, BinaryOp::Or,
                                      BinaryOp::Xor, BinaryOp::And, BinaryOp::FloorDiv};
      Value v = binary_op(kOps[static_cast<int>(b->op)], l, r);
      if (!v) {
        error_clear();
        return false;
      }
      if (textual(v)) {
        std::string_view sv = type_of(v) == &str_type ? v.as<Str>()->view() : v.as<Bytes>()->view();
        if (sv.size() > 4096) return false;
      }
      if (type_of(v) == &int_type && !v.is_small_int()) {
        bool overflow = false;
        int_to_double(v, &overflow);
        if (overflow) return false;
      }
      *out = v;
      *key = key_of(v);
      return true;
    }
    case Kind::Tuple: {
      auto* t = cast<ast::Tuple>(e);
      if (t->ctx != ExprContext::Load) return false;
      GcVector<Value> items;
      for (ExprNode* x : t->elts) {
        Value v;
        std::string k;
        if (x->kind == Kind::Starred || !try_fold(x, &v, &k)) return false;
        items.push_back(v);
      }
      minipy::Tuple* tp = tuple_from_array(items.data(), static_cast<int64_t>(items.size()));
      *out = tp;
      *key = key_of(tp);
      return true;
    }
    default:
      return false;
  }
}

// A set display of constants becomes a frozenset constant, as in CPython, which builds it twice:
// from the items in source order, then again (merging constants) from the first one's iteration
// order. Both builds decide the slot order, hence the order the set shows.
bool Codegen::try_fold_set(const ExprList& elts, Value* out) {
  GcVector<Value> items;
  for (ExprNode* x : elts) {
    Value v;
    std::string k;
    if (x->kind == Kind::Starred || !try_fold(x, &v, &k)) return false;
    items.push_back(v);
  }
  Value first = set_from_iterable(&frozenset_type, tuple_from_array(items.data(), static_cast<int64_t>(items.size())));
  Value order = first ? list_from_iterable(first) : Value();
  *out = order ? set_from_iterable(&frozenset_type, order) : Value();
  if (!*out) error_clear();
  return static_cast<bool>(*out);
}

// The iterable of a for loop or comprehension: a set display of constants is loaded as a
// frozenset constant (CPython folds it so), which fixes its iteration order.
void Codegen::compile_iterable(const ExprNode* e) {
  Value fs;
  if (auto* s = dyn_cast<ast::Set>(e); s && try_fold_set(s->elts, &fs)) {
    set_pos(e);
    emit(OP_LOAD_CONST, add_unique_const(fs));
    return;
  }
  compile_expr(e);
}

// ---- units --------------------------------------------------------------------------------------------

void Codegen::enter_unit(Scope* s, int firstlineno) {
  units_.push_back(std::make_unique<Unit>());
  u_ = units_.back().get();
  u_->scope = s;
  u_->firstlineno = firstlineno;
  u_->pos = {firstlineno, firstlineno, -1, -1};
  if (s->is_function_like()) {
    for (const std::string& p : s->params) {
      u_->varname_index.emplace(p, static_cast<int>(u_->varnames.size()));
      u_->varnames.push_back(p);
    }
    for (const std::string& n : s->bound_order) {
      if (s->scope_of(n) == NameScope::Local && !u_->varname_index.count(n)) {
        u_->varname_index.emplace(n, static_cast<int>(u_->varnames.size()));
        u_->varnames.push_back(n);
      }
    }
  }
}

int Codegen::deref_index(const std::string& name) {
  Scope* s = u_->scope;
  int nlocals = static_cast<int>(u_->varnames.size());
  for (size_t i = 0; i < s->cellvars.size(); i++) {
    if (s->cellvars[i] == name) return nlocals + static_cast<int>(i);
  }
  for (size_t i = 0; i < s->freevars.size(); i++) {
    if (s->freevars[i] == name) return nlocals + static_cast<int>(s->cellvars.size() + i);
  }
  throw CompileError{"internal compiler error: no cell for '" + name + "'", u_->pos.line, 0, 0, 0};
}

namespace {

minipy::Tuple* str_tuple(const std::vector<std::string>& v) {
  minipy::Tuple* t = tuple_new(static_cast<int64_t>(v.size()));
  for (size_t i = 0; i < v.size(); i++) (*t)[i] = intern(v[i]);
  return t;
}

template <class T>
T* gc_copy_atomic(const std::vector<T>& v) {
  if (v.empty()) return nullptr;
  auto* p = static_cast<T*>(gc_malloc_atomic(sizeof(T) * v.size()));
  std::memcpy(static_cast<void*>(p), v.data(), sizeof(T) * v.size());
  return p;
}

}  // namespace

Code* Codegen::assemble(const std::string& name, const std::string& qualname) {
  Unit* u = u_;
  Scope* s = u->scope;
  for (auto& [at, label] : u->fixups) {
    int target = u->label_pos[label];
    u->code[at] = make_code_unit(code_op(u->code[at]), static_cast<uint32_t>(target));
  }
  std::vector<ExceptionTableEntry> table;
  for (ExceptionTableEntry e : u->entries) {
    e.target = static_cast<uint32_t>(u->label_pos[e.target]);
    table.push_back(e);
  }
  // Stack size: a flow analysis over the finished code (entry and every handler).
  uint32_t n = static_cast<uint32_t>(u->code.size());
  std::vector<int> depth_at(n + 1, -1);
  std::vector<std::pair<uint32_t, int>> work = {{0, 0}};
  for (const ExceptionTableEntry& e : table) work.push_back({e.target, static_cast<int>(e.depth) + 1});
  int max_depth = 0;
  while (!work.empty()) {
    auto [pc, d] = work.back();
    work.pop_back();
    while (pc < n) {
      if (depth_at[pc] >= d) break;
      depth_at[pc] = d;
      if (d > max_depth) max_depth = d;
      Opcode op = code_op(u->code[pc]);
      uint32_t arg = code_arg(u->code[pc]);
      uint8_t flags = kOpcodeFlags[op];
      if (flags & kOpJumps) {
        int jd = d + opcode_stack_effect(op, arg, true);
        if (jd > max_depth) max_depth = jd;
        work.push_back({arg, jd});
        if (op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD) break;
      }
      if (flags & kOpExits) break;
      int nd = d + opcode_stack_effect(op, arg, false);
      if (nd > max_depth) max_depth = nd;
      d = nd;
      pc += opcode_size(op);
    }
  }

  auto* c = alloc<Code>(&code_type);
  c->name = intern(name);
  c->qualname = intern(qualname);
  c->filename = filename_;
  c->firstlineno = u->firstlineno;
  c->argcount = u->argcount;
  c->posonlyargcount = u->posonlyargcount;
  c->kwonlyargcount = u->kwonlyargcount;
  c->nlocals = static_cast<int32_t>(u->varnames.size());
  c->ncells = static_cast<int32_t>(s->cellvars.size());
  c->nfree = static_cast<int32_t>(s->freevars.size());
  c->stacksize = max_depth + 1;
  uint32_t flags = 0;
  if (s->is_function_like()) {
    flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (s->has_varargs) flags |= CO_VARARGS;
    if (s->has_varkw) flags |= CO_VARKEYWORDS;
    if (s->parent && s->parent->is_function_like()) flags |= CO_NESTED;
    if (s->is_generator && s->is_coroutine) flags |= CO_ASYNC_GENERATOR;
    else if (s->is_generator) flags |= CO_GENERATOR;
    else if (s->is_coroutine) flags |= CO_COROUTINE;
  }
  if (s->cellvars.empty() && s->freevars.empty()) flags |= CO_NOFREE;
  c->flags = flags;
  c->varnames = str_tuple(u->varnames);
  c->cellvars = str_tuple(s->cellvars);
  c->freevars = str_tuple(s->freevars);
  c->names = str_tuple(u->names);
  c->consts = tuple_from_array(u->consts.data(), static_cast<int64_t>(u->consts.size()));
  c->docstring = u->docstring ? u->docstring : none_value();
  if (!s->cellvars.empty()) {
    c->cell2arg = static_cast<int32_t*>(gc_malloc_atomic(sizeof(int32_t) * s->cellvars.size()));
    for (size_t i = 0; i < s->cellvars.size(); i++) {
      auto it = u->varname_index.find(s->cellvars[i]);
      bool is_param = it != u->varname_index.end() && it->second < static_cast<int>(s->params.size());
      c->cell2arg[i] = is_param ? it->second : -1;
    }
  }
  c->code = gc_copy_atomic(u->code);
  c->ncode = n;
  c->exception_table = gc_copy_atomic(table);
  c->nexception_entries = static_cast<uint32_t>(table.size());
  c->line_table = gc_copy_atomic(u->lines);
  c->nline_entries = static_cast<uint32_t>(u->lines.size());
  c->ncaches = u->ncaches;
  if (u->ncaches) {
    c->caches = static_cast<InlineCache*>(gc_malloc(sizeof(InlineCache) * u->ncaches));
    std::memset(static_cast<void*>(c->caches), 0, sizeof(InlineCache) * u->ncaches);
  }
  return c;
}

Code* Codegen::leave_unit(const std::string& name, const std::string& qualname) {
  Code* c = assemble(name, qualname);
  units_.pop_back();
  u_ = units_.empty() ? nullptr : units_.back().get();
  return c;
}

// ---- names ----------------------------------------------------------------------------------------------

void Codegen::compile_name(const std::string& raw, ExprContext ctx) {
  std::string name = mangle(raw);
  Scope* s = u_->scope;
  NameScope ns = s->scope_of(name);
  enum { kFast, kDeref, kGlobal, kName, kClassDeref } how;
  if (s->type == ScopeType::Module) {
    how = kName;
  } else if (s->type == ScopeType::Class) {
    if (ns == NameScope::GlobalExplicit) how = kGlobal;
    else if (ns == NameScope::Free) how = ctx == ExprContext::Load ? kClassDeref : kDeref;
    else if (ns == NameScope::Cell) how = kDeref;
    else how = kName;
  } else {
    switch (ns) {
      case NameScope::Local: how = kFast; break;
      case NameScope::Cell:
      case NameScope::Free: how = kDeref; break;
      default: how = kGlobal; break;
    }
    if (how == kFast && !u_->varname_index.count(name)) how = kGlobal;
  }
  switch (how) {
    case kFast: {
      int i = u_->varname_index.at(name);
      emit(ctx == ExprContext::Load ? OP_LOAD_FAST : ctx == ExprContext::Store ? OP_STORE_FAST : OP_DELETE_FAST, i);
      break;
    }
    case kDeref: {
      int i = deref_index(name);
      emit(ctx == ExprContext::Load ? OP_LOAD_DEREF : ctx == ExprContext::Store ? OP_STORE_DEREF : OP_DELETE_DEREF, i);
      break;
    }
    case kClassDeref:
      emit(OP_LOAD_CLASSDEREF, deref_index(name));
      break;
    case kGlobal: {
      int i = add_name(name);
      emit(ctx == ExprContext::Load ? OP_LOAD_GLOBAL : ctx == ExprContext::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, i);
      break;
    }
    case kName: {
      int i = add_name(name);
      emit(ctx == ExprContext::Load ? OP_LOAD_NAME : ctx == ExprContext::Store ? OP_STORE_NAME : OP_DELETE_NAME, i);
      break;
    }
  }
}

// ---- modules and statements -------------------------------------------------------------------------

namespace {

const Constant* docstring_of(const StmtList& body) {
  if (body.empty()) return nullptr;
  auto* e = dyn_cast<Expr>(body[0]);
  if (!e) return nullptr;
  auto* c = dyn_cast<Constant>(e->value);
  return c && c->value.kind == ConstantValue::Kind::Str ? c : nullptr;
}

}  // namespace

Value Codegen::compile_module(const ModNode* tree) {
  Scope* s = st_.top();
  enter_unit(s, 1);
  if (auto* m = dyn_cast<Module>(tree)) {
    for (StmtNode* st : m->body) {
      auto* f = dyn_cast<ImportFrom>(st);
      if (f && f->module && *f->module == "__future__") {
        for (Alias* a : f->names) future_annotations_ |= a->name == "annotations";
      }
    }
    if (s->has_annotations) emit(OP_SETUP_ANNOTATIONS);
    size_t start = 0;
    if (const Constant* doc = docstring_of(m->body)) {
      set_pos(doc);
      load_str(doc->value.str);
      compile_name("__doc__", ExprContext::Store);
      start = 1;
    }
    for (size_t i = start; i < m->body.size(); i++) compile_stmt(m->body[i]);
    load_none();
    emit(OP_RETURN_VALUE);
  } else if (auto* m = dyn_cast<Interactive>(tree)) {
    if (s->has_annotations) emit(OP_SETUP_ANNOTATIONS);
    for (StmtNode* st : m->body) compile_stmt(st);
    load_none();
    emit(OP_RETURN_VALUE);
  } else if (auto* m = dyn_cast<Expression>(tree)) {
    compile_expr(m->body);
    emit(OP_RETURN_VALUE);
  }
  return leave_unit("<module>", "<module>");
}

void Codegen::compile_body(const StmtList& body) {
  for (StmtNode* s : body) compile_stmt(s);
}

void Codegen::compile_stmt(const StmtNode* s) {
  set_pos(s);
  switch (s->kind) {
    case Kind::FunctionDef: compile_function(cast<FunctionDef>(s)); break;
    case Kind::AsyncFunctionDef: compile_function(cast<AsyncFunctionDef>(s)); break;
    case Kind::ClassDef: compile_class(cast<ClassDef>(s)); break;
    case Kind::Return: compile_return(cast<Return>(s)); break;
    case Kind::Delete:
      for (ExprNode* t : cast<Delete>(s)->targets) compile_delete(t);
      break;
    case Kind::Assign: compile_assign(cast<Assign>(s)); break;
    case Kind::AugAssign: compile_aug_assign(cast<AugAssign>(s)); break;
    case Kind::AnnAssign: compile_ann_assign(cast<AnnAssign>(s)); break;
    case Kind::For: compile_for(cast<For>(s)); break;
    case Kind::AsyncFor: compile_async_for(cast<AsyncFor>(s)); break;
    case Kind::While: compile_while(cast<While>(s)); break;
    case Kind::If: compile_if(cast<If>(s)); break;
    case Kind::With: compile_with(cast<With>(s)->items, 0, cast<With>(s)->body, false, s); break;
    case Kind::AsyncWith: compile_with(cast<AsyncWith>(s)->items, 0, cast<AsyncWith>(s)->body, true, s); break;
    case Kind::Raise: compile_raise(cast<Raise>(s)); break;
    case Kind::Try:
    case Kind::TryStar: compile_try(static_cast<const TryStmt*>(s)); break;
    case Kind::Assert: compile_assert(cast<Assert>(s)); break;
    case Kind::Import: compile_import(cast<Import>(s)); break;
    case Kind::ImportFrom: compile_import_from(cast<ImportFrom>(s)); break;
    case Kind::Global:
    case Kind::Nonlocal:
    case Kind::Pass:
      break;
    case Kind::Break: compile_break_continue(s, true); break;
    case Kind::Continue: compile_break_continue(s, false); break;
    case Kind::Expr: {
      const ExprNode* v = cast<Expr>(s)->value;
      if (mode_ == CompileMode::Single && u_->scope->type == ScopeType::Module) {
        compile_expr(v);
        emit(OP_PRINT_EXPR);
      } else if (v->kind != Kind::Constant) {
        compile_expr(v);
        emit(OP_POP_TOP);
      }
      break;
    }
    default:
      fail(s, "unsupported statement");
  }
}

// Applies decorators pushed earlier as [dec, NULL] pairs to the value on top of the stack,
// the last one first; each call is at its decorator's position, as CPython reports a
// failing decorator on its own line.
void Codegen::compile_decorators_apply(const ExprList& decorators) {
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    set_pos(*it);
    emit(OP_CALL, 1);
  }
}

void Codegen::compile_annotation(const ExprNode* ann) {
  if (future_annotations_) {
    load_const(str_new(source_segment(ann)), "s" + source_segment(ann));
  } else {
    compile_expr(ann);
  }
}

std::string Codegen::source_segment(const Node* n) {
  // The annotation's source text (from __future__ import annotations keeps it unevaluated).
  size_t line_start = 0;
  for (int line = 1; line < n->lineno && line_start < source_.size(); line++) {
    size_t nl = source_.find('\n', line_start);
    if (nl == std::string_view::npos) return "";
    line_start = nl + 1;
  }
  size_t end_start = line_start;
  for (int line = n->lineno; line < n->end_lineno && end_start < source_.size(); line++) {
    size_t nl = source_.find('\n', end_start);
    if (nl == std::string_view::npos) return "";
    end_start = nl + 1;
  }
  size_t a = line_start + n->col_offset, b = end_start + n->end_col_offset;
  if (a > source_.size() || b > source_.size() || b < a) return "";
  return std::string(source_.substr(a, b - a));
}

// Pushes defaults / kwdefaults / annotations for a def or lambda and returns MAKE_FUNCTION flags.
uint32_t Codegen::compile_defaults_and_annotations(const Arguments* a, const ExprNode* returns) {
  uint32_t flags = 0;
  if (!a->defaults.empty()) {
    for (ExprNode* d : a->defaults) compile_expr(d);
    emit(OP_BUILD_TUPLE, static_cast<uint32_t>(a->defaults.size()));
    flags |= 1;
  }
  uint32_t nkw = 0;
  for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
    if (!a->kw_defaults[i]) continue;
    load_str(mangle(a->kwonlyargs[i]->arg));
    compile_expr(a->kw_defaults[i]);
    nkw++;
  }
  if (nkw) {
    emit(OP_BUILD_MAP, nkw);
    flags |= 2;
  }
  uint32_t nann = 0;
  auto ann = [&](const Arg* arg) {
    if (!arg || !arg->annotation) return;
    load_str(mangle(arg->arg));
    compile_annotation(arg->annotation);
    nann++;
  };
  for (Arg* x : a->posonlyargs) ann(x);
  for (Arg* x : a->args) ann(x);
  ann(a->vararg);
  for (Arg* x : a->kwonlyargs) ann(x);
  ann(a->kwarg);
  if (returns) {
    load_str("return");
    compile_annotation(returns);
    nann++;
  }
  if (nann) {
    emit(OP_BUILD_MAP, nann);
    flags |= 4;
  }
  return flags;
}

void Codegen::make_closure(Scope* child, Code* code, uint32_t flags) {
  if (!child->freevars.empty()) {
    for (const std::string& name : child->freevars) emit(OP_LOAD_CLOSURE, deref_index(name));
    emit(OP_BUILD_TUPLE, static_cast<uint32_t>(child->freevars.size()));
    flags |= 8;
  }
  emit(OP_LOAD_CONST, add_unique_const(code));
  emit(OP_MAKE_FUNCTION, flags);
}

template <class F>
void Codegen::compile_function(const F* fn) {
  for (ExprNode* d : fn->decorator_list) {
    compile_expr(d);
    emit(OP_PUSH_NULL);
  }
  set_pos(fn);
  uint32_t flags = compile_defaults_and_annotations(fn->args, fn->returns);
  Scope* child = st_.scope_for(fn);
  int firstline = fn->decorator_list.empty() ? fn->lineno : fn->decorator_list.front()->lineno;
  enter_unit(child, firstline);
  u_->argcount = static_cast<int>(fn->args->posonlyargs.size() + fn->args->args.size());
  u_->posonlyargcount = static_cast<int>(fn->args->posonlyargs.size());
  u_->kwonlyargcount = static_cast<int>(fn->args->kwonlyargs.size());
  set_pos(fn);
  if (child->is_generator || child->is_coroutine) emit(OP_GEN_START);
  const Constant* doc = docstring_of(fn->body);
  if (doc) {
    u_->docstring = str_new(doc->value.str);
    add_const(u_->docstring, "s" + doc->value.str);
  } else {
    add_const(none_value(), "N");
  }
  for (size_t i = doc ? 1 : 0; i < fn->body.size(); i++) compile_stmt(fn->body[i]);
  if (u_->depth >= 0) {
    load_none();
    emit(OP_RETURN_VALUE);
  }
  Code* code = leave_unit(fn->name, child->qualname);
  set_pos(fn);
  make_closure(child, code, flags);
  compile_decorators_apply(fn->decorator_list);
  set_pos(fn);
  compile_name(fn->name, ExprContext::Store);
}

void Codegen::compile_class(const ClassDef* c) {
  for (ExprNode* d : c->decorator_list) {
    compile_expr(d);
    emit(OP_PUSH_NULL);
  }
  set_pos(c);
  Scope* child = st_.scope_for(c);
  int firstline = c->decorator_list.empty() ? c->lineno : c->decorator_list.front()->lineno;
  enter_unit(child, firstline);
  set_pos(c);
  compile_name("__name__", ExprContext::Load);
  compile_name("__module__", ExprContext::Store);
  load_str(child->qualname);
  compile_name("__qualname__", ExprContext::Store);
  if (child->has_annotations) emit(OP_SETUP_ANNOTATIONS);
  size_t start = 0;
  if (const Constant* doc = docstring_of(c->body)) {
    set_pos(doc);
    load_str(doc->value.str);
    compile_name("__doc__", ExprContext::Store);
    start = 1;
  }
  for (size_t i = start; i < c->body.size(); i++) compile_stmt(c->body[i]);
  if (child->needs_class_cell) {
    emit(OP_LOAD_CLOSURE, deref_index("__class__"));
  } else {
    load_none();
  }
  emit(OP_RETURN_VALUE);
  Code* code = leave_unit(c->name, child->qualname);
  set_pos(c);
  emit(OP_LOAD_BUILD_CLASS);
  emit(OP_PUSH_NULL);
  make_closure(child, code, 0);
  load_str(c->name);
  compile_call_args(c->bases, c->keywords, 2);
  compile_decorators_apply(c->decorator_list);
  set_pos(c);
  compile_name(c->name, ExprContext::Store);
}

void Codegen::compile_return(const Return* r) {
  Scope* s = u_->scope;
  if (!s->is_function_like()) fail(r, "'return' outside function");
  if (r->value && s->is_generator && s->is_coroutine) fail(r, "'return' with value in async generator");
  if (r->value) compile_expr(r->value);
  else load_none();
  // CPython reports a constant return value at the value, anything else at the statement.
  check_no_except_star_exit(r->value && r->value->kind == Kind::Constant ? static_cast<const Node*>(r->value) : r, 0);
  set_pos(r);
  std::vector<Block> saved = u_->blocks;
  while (!u_->blocks.empty()) {
    Block b = u_->blocks.back();
    u_->blocks.pop_back();
    unwind_block(b, true);
  }
  emit(OP_RETURN_VALUE);
  u_->blocks = saved;
  resume_handlers();
}

void Codegen::unwind_block(const Block& b, bool preserve_tos) {
  suspend_handlers(b.handler_index);
  switch (b.kind) {
    case BlockKind::WhileLoop:
    case BlockKind::TryExcept:
    case BlockKind::ExceptStar:  // never unwound: check_no_except_star_exit refuses first
      break;
    case BlockKind::ForLoop:
    case BlockKind::AsyncForLoop:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(b.kind == BlockKind::ForLoop ? OP_POP_ITER : OP_POP_TOP);
      break;
    case BlockKind::FinallyTry:
      compile_body(*b.finalbody);
      break;
    case BlockKind::FinallyEnd:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_EXCEPT);
      break;
    case BlockKind::HandlerCleanup:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_EXCEPT);
      if (!b.handler_name.empty()) {
        load_none();
        compile_name(b.handler_name, ExprContext::Store);
        compile_name(b.handler_name, ExprContext::Del);
      }
      break;
    case BlockKind::With:
    case BlockKind::AsyncWith:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit_exit_call(b.kind == BlockKind::AsyncWith);
      emit(OP_POP_TOP);
      break;
  }
}

void Codegen::compile_break_continue(const StmtNode* s, bool is_break) {
  int loop = -1;
  for (int i = static_cast<int>(u_->blocks.size()) - 1; i >= 0; i--) {
    BlockKind k = u_->blocks[i].kind;
    if (k == BlockKind::WhileLoop || k == BlockKind::ForLoop || k == BlockKind::AsyncForLoop) {
      loop = i;
      break;
    }
  }
  check_no_except_star_exit(s, loop + 1);
  if (loop < 0) fail(s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  std::vector<Block> saved = u_->blocks;
  while (static_cast<int>(u_->blocks.size()) > loop + 1) {
    Block b = u_->blocks.back();
    u_->blocks.pop_back();
    unwind_block(b, false);
  }
  Block& lb = u_->blocks.back();
  int target;
  if (is_break) {
    suspend_handlers(lb.handler_index);
    if (lb.kind != BlockKind::WhileLoop) emit(lb.kind == BlockKind::ForLoop ? OP_POP_ITER : OP_POP_TOP);
    target = lb.break_label;
    emit_jump(OP_JUMP_FORWARD, target);
  } else {
    target = lb.continue_label;
    emit_jump(OP_JUMP_BACKWARD, target);
  }
  u_->blocks = saved;
  resume_handlers();
}

void Codegen::compile_for(const For* f) {
  int top = new_label(), end = new_label(), after = new_label();
  compile_iterable(f->iter);
  set_pos(f);
  emit(OP_GET_ITER, f->iter->kind == Kind::Call ? 1 : 0);
  bind(top);
  push_block(BlockKind::ForLoop, f, top, after);
  emit_jump(OP_FOR_ITER, end);
  compile_store(f->target);
  compile_body(f->body);
  emit_jump(OP_JUMP_BACKWARD, top);
  pop_block();
  bind(end);
  compile_body(f->orelse);
  bind(after);
}

void Codegen::compile_async_for(const AsyncFor* f) {
  int top = new_label(), handler = new_label(), after = new_label();
  compile_expr(f->iter);
  set_pos(f);
  emit(OP_GET_AITER);
  bind(top);
  push_block(BlockKind::AsyncForLoop, f, top, after);
  push_handler(handler, u_->depth);
  emit(OP_GET_ANEXT);
  emit_await_loop();
  pop_handler();
  compile_store(f->target);
  compile_body(f->body);
  set_pos(f);
  emit_jump(OP_JUMP_BACKWARD, top);
  pop_block();
  bind(handler);
  emit(OP_END_ASYNC_FOR);
  compile_body(f->orelse);
  bind(after);
}

void Codegen::compile_while(const While* w) {
  int top = new_label(), orelse = new_label(), after = new_label();
  bind(top);
  Value v;
  std::string k;
  bool always = try_fold(w->test, &v, &k) && is_true(v) == 1;
  if (!always) compile_jump_if(w->test, orelse, false);
  push_block(BlockKind::WhileLoop, w, top, after);
  compile_body(w->body);
  set_pos(w);
  emit_jump(OP_JUMP_BACKWARD, top);
  pop_block();
  bind(orelse);
  compile_body(w->orelse);
  bind(after);
}

void Codegen::compile_if(const If* i) {
  int orelse = new_label(), end = new_label();
  compile_jump_if(i->test, orelse, false);
  compile_body(i->body);
  if (!i->orelse.empty()) {
    if (u_->depth >= 0) emit_jump(OP_JUMP_FORWARD, end);
    bind(orelse);
    compile_body(i->orelse);
  } else {
    bind(orelse);
  }
  bind(end);
}

// break, continue and return leaving blocks above index `down_to`: an except* clause cannot be
// left that way (PEP 654: its exceptions must be merged with the others after the last clause).
void Codegen::check_no_except_star_exit(const Node* at, size_t down_to) {
  for (size_t i = down_to; i < u_->blocks.size(); i++) {
    if (u_->blocks[i].kind == BlockKind::ExceptStar) {
      fail(at, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
  }
}

void Codegen::compile_try(const TryStmt* t) {
  if (!t->finalbody.empty()) compile_try_finally(t);
  else if (t->kind == Kind::TryStar) compile_try_star(t);
  else compile_try_except(t);
}

// The handler entered when an except/finally body raises: restores the exception that was
// handled before (below the new exception) and re-raises. Stack on entry: [..., prev, exc].
void Codegen::emit_exception_cleanup(int label) {
  bind(label);
  emit(OP_SWAP, 2);
  emit(OP_POP_EXCEPT);
  emit(OP_RERAISE);
}

void Codegen::compile_try_finally(const TryStmt* t) {
  int handler = new_label(), cleanup = new_label(), end = new_label();
  int base = u_->depth;
  push_block(BlockKind::FinallyTry, t);
  u_->blocks.back().finalbody = &t->finalbody;
  push_handler(handler, base);
  if (t->handlers.empty()) compile_body(t->body);
  else if (t->kind == Kind::TryStar) compile_try_star(t);
  else compile_try_except(t);
  pop_handler();
  pop_block();
  compile_body(t->finalbody);
  if (u_->depth >= 0) emit_jump(OP_JUMP_FORWARD, end);
  // Exceptional path: run the finally body with the exception saved, then re-raise it.
  bind(handler);
  u_->depth = base + 1;
  emit(OP_PUSH_EXC_INFO);
  push_handler(cleanup, base + 1);
  push_block(BlockKind::FinallyEnd, t);
  u_->blocks.back().handler_index = u_->handlers.size() - 1;
  compile_body(t->finalbody);
  pop_block();
  if (u_->depth >= 0) emit(OP_RERAISE);
  pop_handler();
  u_->label_depth[cleanup] = base + 2;
  emit_exception_cleanup(cleanup);
  bind(end);
}

// The try body of try/except and try/except*, and the entry into its handlers: on an
// exception the handler code starts with [prev, exc] on the stack, protected by `cleanup`.
void Codegen::compile_protected_body(const TryStmt* t, int handler, int cleanup, int orelse, int base) {
  push_block(BlockKind::TryExcept, t);
  push_handler(handler, base);
  compile_body(t->body);
  pop_handler();
  pop_block();
  if (u_->depth >= 0) emit_jump(OP_JUMP_FORWARD, orelse);
  bind(handler);
  u_->depth = base + 1;
  emit(OP_PUSH_EXC_INFO);  // [prev, exc]
  push_handler(cleanup, base + 1);
}

void Codegen::compile_try_except(const TryStmt* t) {
  int handler = new_label(), cleanup = new_label(), orelse = new_label(), end = new_label();
  int base = u_->depth;
  compile_protected_body(t, handler, cleanup, orelse, base);
  for (size_t i = 0; i < t->handlers.size(); i++) {
    ExceptHandler* h = t->handlers[i];
    set_pos(h);
    if (!h->type && i + 1 < t->handlers.size()) fail(h, "default 'except:' must be last");
    int next = new_label();
    if (h->type) {
      compile_expr(h->type);
      emit(OP_CHECK_EXC_MATCH);
      emit_jump(OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
      int name_cleanup = new_label();
      compile_name(*h->name, ExprContext::Store);  // [prev]
      push_handler(name_cleanup, base + 1);
      push_block(BlockKind::HandlerCleanup, h);
      u_->blocks.back().handler_name = *h->name;
      u_->blocks.back().handler_index = u_->handlers.size() - 2;
      compile_body(h->body);
      pop_block();
      pop_handler();
      if (u_->depth >= 0) {
        emit(OP_POP_EXCEPT);
        clear_handler_name(*h->name);
        emit_jump(OP_JUMP_FORWARD, end);
      }
      // The clause body raised: clear the name, then the outer cleanup restores prev.
      bind(name_cleanup);
      clear_handler_name(*h->name);
      emit(OP_RERAISE);
    } else {
      emit(OP_POP_TOP);  // [prev]
      push_block(BlockKind::HandlerCleanup, h);
      u_->blocks.back().handler_index = u_->handlers.size() - 1;
      compile_body(h->body);
      pop_block();
      if (u_->depth >= 0) {
        emit(OP_POP_EXCEPT);
        emit_jump(OP_JUMP_FORWARD, end);
      }
    }
    bind(next);
    u_->depth = base + 2;
  }
  emit(OP_RERAISE);
  pop_handler();
  u_->label_depth[cleanup] = base + 2;
  emit_exception_cleanup(cleanup);
  bind(orelse);
  u_->depth = base;
  compile_body(t->orelse);
  bind(end);
  if (u_->label_depth[end] >= 0) u_->depth = base;
}

// try/except* (PEP 654), compiled as CPython does: each clause splits what is left of the
// exception (CHECK_EG_MATCH); what the clause bodies raise or re-raise is collected in a list,
// and after the last clause PREP_RERAISE_STAR merges it with the unmatched rest into the
// exception to re-raise, if any. Stack in the clauses: [prev, orig, raised list, rest].
void Codegen::compile_try_star(const TryStmt* t) {
  int handler = new_label(), cleanup = new_label(), orelse = new_label(), reraise = new_label(), end = new_label();
  int base = u_->depth;
  compile_protected_body(t, handler, cleanup, orelse, base);
  push_block(BlockKind::ExceptStar, t);
  emit(OP_COPY, 1);
  emit(OP_BUILD_LIST, 0);
  emit(OP_SWAP, 2);  // [prev, orig, raised, exc]
  for (ExceptHandler* h : t->handlers) {
    set_pos(h);
    int matched = new_label(), body_raised = new_label(), next = new_label();
    compile_expr(h->type);
    emit(OP_CHECK_EG_MATCH);  // [..., rest, match] or [..., exc, None]
    emit(OP_COPY, 1);
    emit_jump(OP_POP_JUMP_IF_NOT_NONE, matched);
    emit(OP_POP_TOP);
    emit_jump(OP_JUMP_FORWARD, next);
    bind(matched);
    if (h->name) compile_name(*h->name, ExprContext::Store);
    else emit(OP_POP_TOP);
    push_handler(body_raised, base + 4);
    compile_body(h->body);
    pop_handler();
    if (u_->depth >= 0) {
      if (h->name) clear_handler_name(*h->name);
      emit_jump(OP_JUMP_FORWARD, next);
    }
    // The clause body raised: the exception joins the list.
    bind(body_raised);
    if (h->name) clear_handler_name(*h->name);
    emit(OP_LIST_APPEND, 2);
    bind(next);
  }
  emit(OP_LIST_APPEND, 1);  // the unmatched rest (None if everything matched)
  emit(OP_PREP_RERAISE_STAR);
  emit(OP_COPY, 1);
  emit_jump(OP_POP_JUMP_IF_NOT_NONE, reraise);
  emit(OP_POP_TOP);
  pop_block();
  pop_handler();
  emit(OP_POP_EXCEPT);
  emit_jump(OP_JUMP_FORWARD, end);
  bind(reraise);
  emit(OP_SWAP, 2);
  emit(OP_POP_EXCEPT);
  emit(OP_RERAISE);
  u_->label_depth[cleanup] = base + 2;
  emit_exception_cleanup(cleanup);
  bind(orelse);
  u_->depth = base;
  compile_body(t->orelse);
  bind(end);
  if (u_->label_depth[end] >= 0) u_->depth = base;
}

// exit(None, None, None) for the [exit] on top of the stack; leaves the result.
void Codegen::emit_exit_call(bool async) {
  emit(OP_PUSH_NULL);
  load_none();
  load_none();
  load_none();
  emit(OP_CALL, 3);
  if (async) {
    emit(OP_GET_AWAITABLE, 2);
    emit_await_loop();
  }
}

void Codegen::emit_await_loop() {
  int top = new_label(), exit = new_label();
  load_none();
  bind(top);
  emit_jump(OP_SEND, exit);
  emit(OP_YIELD_VALUE);
  emit_jump(OP_JUMP_BACKWARD, top);
  bind(exit);
}

void Codegen::compile_with(const std::vector<WithItem*>& items, size_t index, const StmtList& body, bool async,
                           const Node* at) {
  WithItem* item = items[index];
  int handler = new_label(), cleanup = new_label(), end = new_label();
  int base = u_->depth;
  compile_expr(item->context_expr);
  set_pos(at);
  if (async) {
    emit(OP_BEFORE_ASYNC_WITH);
    emit(OP_GET_AWAITABLE, 1);
    emit_await_loop();
  } else {
    emit(OP_BEFORE_WITH);
  }
  push_block(async ? BlockKind::AsyncWith : BlockKind::With, at);
  push_handler(handler, base + 1);
  if (item->optional_vars) compile_store(item->optional_vars);
  else emit(OP_POP_TOP);
  if (index + 1 < items.size()) compile_with(items, index + 1, body, async, at);
  else compile_body(body);
  pop_handler();
  pop_block();
  if (u_->depth >= 0) {
    set_pos(at);
    emit_exit_call(async);
    emit(OP_POP_TOP);
    emit_jump(OP_JUMP_FORWARD, end);
  }
  bind(handler);
  u_->depth = base + 2;
  emit(OP_PUSH_EXC_INFO);  // [exit, prev, exc]
  push_handler(cleanup, base + 2);
  emit(OP_WITH_EXCEPT_START);
  if (async) {
    emit(OP_GET_AWAITABLE, 2);
    emit_await_loop();
  }
  int suppress = new_label();
  emit_jump(OP_POP_JUMP_IF_TRUE, suppress);
  emit(OP_RERAISE);
  bind(suppress);
  emit(OP_POP_TOP);     // exc
  emit(OP_POP_EXCEPT);  // prev
  emit(OP_POP_TOP);     // exit
  pop_handler();
  emit_jump(OP_JUMP_FORWARD, end);
  u_->label_depth[cleanup] = base + 3;
  emit_exception_cleanup(cleanup);
  bind(end);
  u_->depth = base;
}

void Codegen::compile_assign(const Assign* a) {
  compile_expr(a->value);
  for (size_t i = 0; i < a->targets.size(); i++) {
    if (i + 1 < a->targets.size()) emit(OP_COPY, 1);
    compile_store(a->targets[i]);
  }
}

namespace {
BinaryOp binary_of(Operator op) {
  static const BinaryOp kOps[] = {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::MatMul, BinaryOp::TrueDiv,
                                  BinaryOp::Mod, BinaryOp::Pow, BinaryOp::LShift, BinaryOp::RShift, BinaryOp::Or,
                                  BinaryOp::Xor, BinaryOp::And, BinaryOp::FloorDiv};
  return kOps[static_cast<int>(op)];
}
}  // namespace

void Codegen::compile_aug_assign(const AugAssign* a) {
  const ExprNode* t = a->target;
  uint32_t op = static_cast<uint32_t>(binary_of(a->op));
  if (auto* n = dyn_cast<Name>(t)) {
    compile_name(n->id, ExprContext::Load);
    compile_expr(a->value);
    set_pos(a);
    emit(OP_INPLACE_OP, op);
    compile_name(n->id, ExprContext::Store);
  } else if (auto* at = dyn_cast<Attribute>(t)) {
    compile_expr(at->value);
    emit(OP_COPY, 1);
    set_pos(at);
    emit(OP_LOAD_ATTR, add_name(mangle(at->attr)));
    compile_expr(a->value);
    set_pos(a);
    emit(OP_INPLACE_OP, op);
    emit(OP_SWAP, 2);
    emit(OP_STORE_ATTR, add_name(mangle(at->attr)));
  } else if (auto* s = dyn_cast<Subscript>(t)) {
    compile_expr(s->value);
    compile_expr(s->slice);
    emit(OP_COPY, 2);
    emit(OP_COPY, 2);
    set_pos(s);
    emit(OP_BINARY_SUBSCR);
    compile_expr(a->value);
    set_pos(a);
    emit(OP_INPLACE_OP, op);
    emit(OP_SWAP, 3);
    emit(OP_SWAP, 2);
    emit(OP_STORE_SUBSCR);
  } else {
    fail(t, "illegal expression for augmented assignment");
  }
}

void Codegen::compile_ann_assign(const AnnAssign* a) {
  if (a->value) {
    compile_expr(a->value);
    compile_store(a->target);
  }
  Scope* s = u_->scope;
  bool module_or_class = s->type == ScopeType::Module || s->type == ScopeType::Class;
  auto* n = dyn_cast<Name>(a->target);
  if (n && a->simple && module_or_class) {
    compile_annotation(a->annotation);
    compile_name("__annotations__", ExprContext::Load);
    load_str(mangle(n->id));
    emit(OP_STORE_SUBSCR);
  } else if (module_or_class) {
    if (!n) {
      // The target's subexpressions are evaluated (for their errors), the annotation too.
      if (auto* at = dyn_cast<Attribute>(a->target)) {
        if (!a->value) {
          compile_expr(at->value);
          emit(OP_POP_TOP);
        }
      } else if (auto* sub = dyn_cast<Subscript>(a->target)) {
        if (!a->value) {
          compile_expr(sub->value);
          emit(OP_POP_TOP);
          compile_expr(sub->slice);
          emit(OP_POP_TOP);
        }
      }
    }
    if (!future_annotations_) {
      compile_expr(a->annotation);
      emit(OP_POP_TOP);
    }
  }
}

void Codegen::compile_delete(const ExprNode* t) {
  set_pos(t);
  switch (t->kind) {
    case Kind::Name: compile_name(cast<Name>(t)->id, ExprContext::Del); break;
    case Kind::Attribute:
      compile_expr(cast<Attribute>(t)->value);
      set_pos(t);
      emit(OP_DELETE_ATTR, add_name(mangle(cast<Attribute>(t)->attr)));
      break;
    case Kind::Subscript:
      compile_expr(cast<Subscript>(t)->value);
      compile_expr(cast<Subscript>(t)->slice);
      set_pos(t);
      emit(OP_DELETE_SUBSCR);
      break;
    case Kind::Tuple: for (ExprNode* x : cast<ast::Tuple>(t)->elts) compile_delete(x); break;
    case Kind::List: for (ExprNode* x : cast<ast::List>(t)->elts) compile_delete(x); break;
    default: fail(t, "cannot delete expression");
  }
}

void Codegen::compile_import(const Import* imp) {
  for (Alias* a : imp->names) {
    set_pos(a);
    load_const(Value::small_int(0), "i0");
    load_none();
    emit(OP_IMPORT_NAME, add_name(a->name));
    if (a->asname) {
      // import a.b.c as d binds the innermost module.
      size_t dot = a->name.find('.');
      while (dot != std::string::npos) {
        size_t next = a->name.find('.', dot + 1);
        std::string part = a->name.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
        emit(OP_IMPORT_FROM, add_name(part));
        emit(OP_SWAP, 2);
        emit(OP_POP_TOP);
        dot = next;
      }
      compile_name(*a->asname, ExprContext::Store);
    } else {
      compile_name(a->name.substr(0, a->name.find('.')), ExprContext::Store);
    }
  }
}

void Codegen::compile_import_from(const ImportFrom* imp) {
  load_const(Value::small_int(imp->level), "i" + std::to_string(imp->level));
  std::vector<std::string> names;
  for (Alias* a : imp->names) names.push_back(a->name);
  minipy::Tuple* fromlist = str_tuple(names);
  load_const(fromlist, key_of(fromlist));
  emit(OP_IMPORT_NAME, add_name(imp->module ? *imp->module : ""));
  if (names.size() == 1 && names[0] == "*") {
    emit(OP_IMPORT_STAR);
    return;
  }
  for (Alias* a : imp->names) {
    set_pos(a);
    emit(OP_IMPORT_FROM, add_name(a->name));
    compile_name(a->asname ? *a->asname : a->name, ExprContext::Store);
  }
  emit(OP_POP_TOP);
}

void Codegen::compile_assert(const Assert* a) {
  int end = new_label();
  compile_jump_if(a->test, end, true);
  // CPython's raise keeps the position of the test's last jump: the comparison's when the
  // test is one, the statement's otherwise.
  const Node* where = a->test->kind == Kind::Compare ? static_cast<const Node*>(a->test) : a;
  set_pos(where);
  emit(OP_LOAD_ASSERTION_ERROR);
  if (a->msg) {
    emit(OP_PUSH_NULL);
    compile_expr(a->msg);
    set_pos(where);
    emit(OP_CALL, 1);
  }
  emit(OP_RAISE_VARARGS, 1);
  bind(end);
}

void Codegen::compile_raise(const Raise* r) {
  uint32_t n = 0;
  if (r->exc) {
    compile_expr(r->exc);
    n = 1;
    if (r->cause) {
      compile_expr(r->cause);
      n = 2;
    }
  }
  set_pos(r);
  emit(OP_RAISE_VARARGS, n);
}

// ---- expressions ------------------------------------------------------------------------------------------

void Codegen::compile_expr(const ExprNode* e) {
  Pos saved = u_->pos;
  set_pos(e);
  compile_expr_inner(e);
  u_->pos = saved;
}

void Codegen::compile_expr_inner(const ExprNode* e) {
  switch (e->kind) {
    case Kind::Constant:
    case Kind::UnaryOp:
    case Kind::BinOp: {
      Value v;
      std::string key;
      if (try_fold(e, &v, &key)) {
        load_const(v, key);
        return;
      }
      if (error_pending()) error_clear();
      if (auto* u = dyn_cast<UnaryOp>(e)) {
        compile_expr(u->operand);
        static const Opcode kOps[] = {OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE, OP_UNARY_NEGATIVE};
        emit(kOps[static_cast<int>(u->op)]);
      } else if (auto* b = dyn_cast<BinOp>(e)) {
        compile_expr(b->left);
        compile_expr(b->right);
        emit(OP_BINARY_OP, static_cast<uint32_t>(binary_of(b->op)));
      } else {
        throw CompileError{"invalid constant", e->lineno, e->col_offset, e->end_lineno, e->end_col_offset};
      }
      return;
    }
    case Kind::BoolOp: {
      auto* b = cast<BoolOp>(e);
      int end = new_label();
      Opcode op = b->op == BoolOpKind::And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
      for (size_t i = 0; i < b->values.size(); i++) {
        compile_expr(b->values[i]);
        if (i + 1 < b->values.size()) emit_jump(op, end);
      }
      bind(end);
      return;
    }
    case Kind::NamedExpr: {
      auto* n = cast<NamedExpr>(e);
      compile_expr(n->value);
      emit(OP_COPY, 1);
      compile_store(n->target);
      return;
    }
    case Kind::Lambda: compile_lambda(cast<Lambda>(e)); return;
    case Kind::IfExp: {
      auto* i = cast<IfExp>(e);
      int orelse = new_label(), end = new_label();
      compile_jump_if(i->test, orelse, false);
      compile_expr(i->body);
      emit_jump(OP_JUMP_FORWARD, end);
      bind(orelse);
      compile_expr(i->orelse);
      bind(end);
      return;
    }
    case Kind::Dict: compile_dict(cast<ast::Dict>(e)); return;
    case Kind::Set: compile_sequence(cast<ast::Set>(e)->elts, kBuildSet); return;
    case Kind::List: compile_sequence(cast<ast::List>(e)->elts, kBuildList); return;
    case Kind::Tuple: {
      Value v;
      std::string key;
      if (try_fold(e, &v, &key)) {
        load_const(v, key);
        return;
      }
      compile_sequence(cast<ast::Tuple>(e)->elts, kBuildTuple);
      return;
    }
    case Kind::ListComp: compile_comprehension(e, cast<ListComp>(e)->generators, cast<ListComp>(e)->elt, nullptr, kCompList); return;
    case Kind::SetComp: compile_comprehension(e, cast<SetComp>(e)->generators, cast<SetComp>(e)->elt, nullptr, kCompSet); return;
    case Kind::DictComp:
      compile_comprehension(e, cast<DictComp>(e)->generators, cast<DictComp>(e)->key, cast<DictComp>(e)->value, kCompDict);
      return;
    case Kind::GeneratorExp:
      compile_comprehension(e, cast<GeneratorExp>(e)->generators, cast<GeneratorExp>(e)->elt, nullptr, kCompGen);
      return;
    case Kind::Await:
      compile_expr(cast<Await>(e)->value);
      emit(OP_GET_AWAITABLE, 0);
      emit_await_loop();
      return;
    case Kind::Yield: {
      auto* y = cast<Yield>(e);
      if (y->value) compile_expr(y->value);
      else load_none();
      if (u_->scope->is_coroutine) emit(OP_ASYNC_GEN_WRAP);
      emit(OP_YIELD_VALUE);
      return;
    }
    case Kind::YieldFrom:
      compile_expr(cast<YieldFrom>(e)->value);
      emit(OP_GET_YIELD_FROM_ITER);
      emit_await_loop();
      return;
    case Kind::Compare: compile_compare(cast<Compare>(e)); return;
    case Kind::Call: compile_call(cast<Call>(e)); return;
    case Kind::FormattedValue: compile_formatted_value(cast<FormattedValue>(e)); return;
    case Kind::JoinedStr: compile_fstring(cast<JoinedStr>(e)); return;
    case Kind::Attribute: {
      auto* a = cast<Attribute>(e);
      compile_expr(a->value);
      set_pos(e);
      emit(OP_LOAD_ATTR, add_name(mangle(a->attr)));
      return;
    }
    case Kind::Subscript: compile_subscript(cast<Subscript>(e)); return;
    case Kind::Starred: fail(e, "can't use starred expression here");
    case Kind::Name: compile_name(cast<Name>(e)->id, ExprContext::Load); return;
    case Kind::Slice: {
      auto* s = cast<ast::Slice>(e);
      if (s->lower) compile_expr(s->lower); else load_none();
      if (s->upper) compile_expr(s->upper); else load_none();
      if (s->step) compile_expr(s->step);
      emit(OP_BUILD_SLICE, s->step ? 3 : 2);
      return;
    }
    default:
      fail(e, "unsupported expression");
  }
}

void Codegen::compile_subscript(const Subscript* s) {
  compile_expr(s->value);
  compile_expr(s->slice);
  set_pos(s);
  emit(OP_BINARY_SUBSCR);
}

void Codegen::compile_store(const ExprNode* t) {
  Pos saved = u_->pos;
  set_pos(t);
  switch (t->kind) {
    case Kind::Name: compile_name(cast<Name>(t)->id, ExprContext::Store); break;
    case Kind::Attribute: {
      auto* a = cast<Attribute>(t);
      compile_expr(a->value);
      set_pos(t);
      emit(OP_STORE_ATTR, add_name(mangle(a->attr)));
      break;
    }
    case Kind::Subscript: {
      auto* s = cast<Subscript>(t);
      compile_expr(s->value);
      compile_expr(s->slice);
      set_pos(t);
      emit(OP_STORE_SUBSCR);
      break;
    }
    case Kind::Tuple: unpack_into(cast<ast::Tuple>(t)->elts, t); break;
    case Kind::List: unpack_into(cast<ast::List>(t)->elts, t); break;
    case Kind::Starred: fail(t, "starred assignment target must be in a list or tuple");
    default: fail(t, "cannot assign to expression");
  }
  u_->pos = saved;
}

void Codegen::unpack_into(const ExprList& elts, const Node* at) {
  int star = -1;
  for (size_t i = 0; i < elts.size(); i++) {
    if (elts[i]->kind == Kind::Starred) {
      if (star >= 0) fail(elts[i], "multiple starred expressions in assignment");
      star = static_cast<int>(i);
    }
  }
  if (star < 0) {
    emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
  } else {
    uint32_t before = static_cast<uint32_t>(star), after = static_cast<uint32_t>(elts.size() - star - 1);
    if (before > 255 || after > 0xffff) fail(at, "too many expressions in star-unpacking assignment");
    emit(OP_UNPACK_EX, before | (after << 8));
  }
  for (ExprNode* x : elts) {
    if (auto* st = dyn_cast<Starred>(x)) compile_store(st->value);
    else compile_store(x);
  }
}

void Codegen::emit_compare_op(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq)); break;
    case CmpOp::NotEq: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Ne)); break;
    case CmpOp::Lt: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Lt)); break;
    case CmpOp::LtE: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Le)); break;
    case CmpOp::Gt: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Gt)); break;
    case CmpOp::GtE: emit(OP_COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge)); break;
    case CmpOp::Is: emit(OP_IS_OP, 0); break;
    case CmpOp::IsNot: emit(OP_IS_OP, 1); break;
    case CmpOp::In: emit(OP_CONTAINS_OP, 0); break;
    case CmpOp::NotIn: emit(OP_CONTAINS_OP, 1); break;
  }
}

void Codegen::compile_compare(const Compare* c) {
  compile_expr(c->left);
  if (c->ops.size() == 1) {
    compile_expr(c->comparators[0]);
    set_pos(c);
    emit_compare_op(c->ops[0]);
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < c->ops.size(); i++) {
    compile_expr(c->comparators[i]);
    set_pos(c);
    emit(OP_SWAP, 2);
    emit(OP_COPY, 2);
    emit_compare_op(c->ops[i]);
    emit_jump(OP_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compile_expr(c->comparators.back());
  set_pos(c);
  emit_compare_op(c->ops.back());
  emit_jump(OP_JUMP_FORWARD, end);
  bind(cleanup);
  emit(OP_SWAP, 2);
  emit(OP_POP_TOP);
  bind(end);
}

void Codegen::compile_jump_if(const ExprNode* e, int label, bool jump_if_true) {
  Pos saved = u_->pos;
  set_pos(e);
  if (auto* u = dyn_cast<UnaryOp>(e); u && u->op == UnaryOpKind::Not) {
    compile_jump_if(u->operand, label, !jump_if_true);
  } else if (auto* b = dyn_cast<BoolOp>(e)) {
    bool is_and = b->op == BoolOpKind::And;
    if (is_and != jump_if_true) {
      // and/jump-if-false, or/jump-if-true: every operand may jump straight to the label.
      for (ExprNode* v : b->values) compile_jump_if(v, label, jump_if_true);
    } else {
      int skip = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); i++) compile_jump_if(b->values[i], skip, !jump_if_true);
      compile_jump_if(b->values.back(), label, jump_if_true);
      bind(skip);
    }
  } else {
    compile_expr_inner(e);
    emit_jump(jump_if_true ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
  }
  u_->pos = saved;
}

void Codegen::compile_call(const Call* c) {
  bool simple = true;
  for (ExprNode* a : c->args) simple &= a->kind != Kind::Starred;
  for (Keyword* k : c->keywords) simple &= k->arg.has_value();
  if (auto* a = dyn_cast<Attribute>(c->func); a && simple) {
    compile_expr(a->value);
    set_pos(a);
    emit(OP_LOAD_METHOD, add_name(mangle(a->attr)));
    set_pos(c);  // the call itself is at the whole call expression
  } else {
    compile_expr(c->func);
    emit(OP_PUSH_NULL);
  }
  compile_call_args(c->args, c->keywords, 0);
}

// Emits the arguments and the call for a callable already on the stack as [f, self|NULL] plus
// `extra_positional` positional arguments already pushed.
void Codegen::compile_call_args(const ExprList& args, const std::vector<Keyword*>& keywords, int extra_positional) {
  bool simple = true;
  for (ExprNode* a : args) simple &= a->kind != Kind::Starred;
  for (Keyword* k : keywords) simple &= k->arg.has_value();
  Pos call_pos = u_->pos;
  if (simple) {
    for (ExprNode* a : args) compile_expr(a);
    std::vector<std::string> names;
    for (Keyword* k : keywords) {
      compile_expr(k->value);
      names.push_back(*k->arg);
    }
    u_->pos = call_pos;
    if (!names.empty()) {
      minipy::Tuple* t = str_tuple(names);
      emit(OP_KW_NAMES, add_const(t, key_of(t)));
    }
    emit(OP_CALL, static_cast<uint32_t>(extra_positional + args.size() + keywords.size()));
    return;
  }
  // f(*a, b, **k): positional arguments as one tuple, keywords as one dict.
  if (extra_positional == 0 && args.size() == 1 && args[0]->kind == Kind::Starred) {
    compile_expr(cast<Starred>(args[0])->value);
  } else {
    size_t i = 0;
    uint32_t n = static_cast<uint32_t>(extra_positional);
    while (i < args.size() && args[i]->kind != Kind::Starred) compile_expr(args[i++]), n++;
    emit(OP_BUILD_LIST, n);
    for (; i < args.size(); i++) {
      if (auto* st = dyn_cast<Starred>(args[i])) {
        compile_expr(st->value);
        emit(OP_LIST_EXTEND, 1);
      } else {
        compile_expr(args[i]);
        emit(OP_LIST_APPEND, 1);
      }
    }
    emit(OP_LIST_TO_TUPLE);
  }
  if (!keywords.empty()) {
    size_t i = 0;
    uint32_t n = 0;
    while (i < keywords.size() && keywords[i]->arg) {
      load_str(*keywords[i]->arg);
      compile_expr(keywords[i]->value);
      i++, n++;
    }
    emit(OP_BUILD_MAP, n);
    while (i < keywords.size()) {
      if (!keywords[i]->arg) {
        compile_expr(keywords[i]->value);
        emit(OP_DICT_MERGE, 1);
        i++;
        continue;
      }
      uint32_t m = 0;
      while (i < keywords.size() && keywords[i]->arg) {
        load_str(*keywords[i]->arg);
        compile_expr(keywords[i]->value);
        i++, m++;
      }
      emit(OP_BUILD_MAP, m);
      emit(OP_DICT_MERGE, 1);
    }
  }
  u_->pos = call_pos;
  emit(OP_CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
}

void Codegen::compile_sequence(const ExprList& elts, BuildKind kind) {
  // CPython: a display of three or more constants updates an empty set from a frozenset constant.
  Value fs;
  if (kind == kBuildSet && elts.size() > 2 && try_fold_set(elts, &fs)) {
    emit(OP_BUILD_SET, 0);
    emit(OP_LOAD_CONST, add_unique_const(fs));
    emit(OP_SET_UPDATE, 1);
    return;
  }
  size_t i = 0;
  uint32_t n = 0;
  while (i < elts.size() && elts[i]->kind != Kind::Starred) compile_expr(elts[i++]), n++;
  if (i == elts.size()) {
    emit(kind == kBuildList ? OP_BUILD_LIST : kind == kBuildSet ? OP_BUILD_SET : OP_BUILD_TUPLE, n);
    return;
  }
  emit(kind == kBuildSet ? OP_BUILD_SET : OP_BUILD_LIST, n);
  for (; i < elts.size(); i++) {
    if (auto* st = dyn_cast<Starred>(elts[i])) {
      compile_expr(st->value);
      emit(kind == kBuildSet ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
    } else {
      compile_expr(elts[i]);
      emit(kind == kBuildSet ? OP_SET_ADD : OP_LIST_APPEND, 1);
    }
  }
  if (kind == kBuildTuple) emit(OP_LIST_TO_TUPLE);
}

void Codegen::compile_dict(const ast::Dict* d) {
  size_t n = d->values.size();
  bool has_unpack = false;
  for (ExprNode* k : d->keys) has_unpack |= k == nullptr;
  if (!has_unpack) {
    bool const_keys = n > 1;
    GcVector<Value> keys;
    for (size_t i = 0; i < n && const_keys; i++) {
      Value v;
      std::string key;
      if (d->keys[i]->kind == Kind::Constant && try_fold(d->keys[i], &v, &key)) keys.push_back(v);
      else const_keys = false;
    }
    if (const_keys) {
      for (ExprNode* v : d->values) compile_expr(v);
      minipy::Tuple* t = tuple_from_array(keys.data(), static_cast<int64_t>(keys.size()));
      load_const(t, key_of(t));
      emit(OP_BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
      return;
    }
    for (size_t i = 0; i < n; i++) {
      compile_expr(d->keys[i]);
      compile_expr(d->values[i]);
    }
    emit(OP_BUILD_MAP, static_cast<uint32_t>(n));
    return;
  }
  size_t i = 0;
  uint32_t m = 0;
  while (i < n && d->keys[i]) {
    compile_expr(d->keys[i]);
    compile_expr(d->values[i]);
    i++, m++;
  }
  emit(OP_BUILD_MAP, m);
  for (; i < n; i++) {
    if (!d->keys[i]) {
      compile_expr(d->values[i]);
      emit(OP_DICT_UPDATE, 1);
    } else {
      compile_expr(d->keys[i]);
      compile_expr(d->values[i]);
      emit(OP_MAP_ADD, 1);
    }
  }
}

void Codegen::compile_lambda(const Lambda* l) {
  uint32_t flags = compile_defaults_and_annotations(l->args, nullptr);
  Scope* child = st_.scope_for(l);
  enter_unit(child, l->lineno);
  u_->argcount = static_cast<int>(l->args->posonlyargs.size() + l->args->args.size());
  u_->posonlyargcount = static_cast<int>(l->args->posonlyargs.size());
  u_->kwonlyargcount = static_cast<int>(l->args->kwonlyargs.size());
  set_pos(l->body);
  if (child->is_generator) emit(OP_GEN_START);
  add_const(none_value(), "N");
  compile_expr(l->body);
  emit(OP_RETURN_VALUE);
  Code* code = leave_unit("<lambda>", child->qualname);
  make_closure(child, code, flags);
}

void Codegen::compile_comprehension(const ExprNode* e, const std::vector<Comprehension*>& gens, const ExprNode* elt,
                                    const ExprNode* value, int kind) {
  Scope* child = st_.scope_for(e);
  bool outer_async = gens[0]->is_async != 0;
  enter_unit(child, e->lineno);
  u_->argcount = 1;
  set_pos(e);
  if (kind == kCompGen || child->is_coroutine) emit(OP_GEN_START);
  if (kind == kCompList) emit(OP_BUILD_LIST, 0);
  else if (kind == kCompSet) emit(OP_BUILD_SET, 0);
  else if (kind == kCompDict) emit(OP_BUILD_MAP, 0);
  compile_comprehension_generator(gens, 0, elt, value, kind);
  if (kind == kCompGen) load_none();
  emit(OP_RETURN_VALUE);
  static const char* const kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  Code* code = leave_unit(kNames[kind], child->qualname);
  set_pos(e);
  make_closure(child, code, 0);
  emit(OP_PUSH_NULL);
  compile_iterable(gens[0]->iter);
  set_pos(e);
  emit(outer_async ? OP_GET_AITER : OP_GET_ITER);
  emit(OP_CALL, 1);
  if (child->is_coroutine && kind != kCompGen) {
    emit(OP_GET_AWAITABLE, 0);
    emit_await_loop();
  }
}

void Codegen::compile_comprehension_generator(const std::vector<Comprehension*>& gens, size_t i, const ExprNode* elt,
                                              const ExprNode* value, int kind) {
  Comprehension* g = gens[i];
  int top = new_label(), end = new_label(), handler = new_label();
  bool async = g->is_async != 0;
  if (i == 0) {
    emit(OP_LOAD_FAST, 0);  // .0, the outermost iterator
  } else {
    compile_iterable(g->iter);
    emit(async ? OP_GET_AITER : OP_GET_ITER);
  }
  bind(top);
  if (async) {
    push_handler(handler, u_->depth);
    emit(OP_GET_ANEXT);
    emit_await_loop();
    pop_handler();
  } else {
    emit_jump(OP_FOR_ITER, end);
  }
  compile_store(g->target);
  for (ExprNode* cond : g->ifs) compile_jump_if(cond, top, false);
  if (i + 1 < gens.size()) {
    compile_comprehension_generator(gens, i + 1, elt, value, kind);
  } else {
    uint32_t depth = static_cast<uint32_t>(gens.size() + 1);
    switch (kind) {
      case kCompList: compile_expr(elt); emit(OP_LIST_APPEND, depth); break;
      case kCompSet: compile_expr(elt); emit(OP_SET_ADD, depth); break;
      case kCompDict: compile_expr(elt); compile_expr(value); emit(OP_MAP_ADD, depth); break;
      default:
        compile_expr(elt);
        if (u_->scope->is_coroutine) emit(OP_ASYNC_GEN_WRAP);
        emit(OP_YIELD_VALUE);
        emit(OP_POP_TOP);
        break;
    }
  }
  emit_jump(OP_JUMP_BACKWARD, top);
  if (async) {
    bind(handler);
    emit(OP_END_ASYNC_FOR);
  } else {
    bind(end);
  }
}

void Codegen::compile_formatted_value(const FormattedValue* f) {
  compile_expr(f->value);
  uint32_t flags = f->conversion == 's' ? 1 : f->conversion == 'r' ? 2 : f->conversion == 'a' ? 3 : 0;
  if (f->format_spec) {
    compile_expr(f->format_spec);
    flags |= 4;
  }
  emit(OP_FORMAT_VALUE, flags);
}

void Codegen::compile_fstring(const JoinedStr* j) {
  if (j->values.empty()) {
    load_str("");
    return;
  }
  for (ExprNode* v : j->values) compile_expr(v);
  if (j->values.size() > 1) emit(OP_BUILD_STRING, static_cast<uint32_t>(j->values.size()));
}

}  // namespace

Value codegen_module(const ModNode* tree, const SymbolTable& symbols, std::string_view filename, std::string_view source,
                     CompileMode mode) {
  Codegen g(symbols, filename, source, mode);
  return g.compile_module(tree);
}

}  // namespace minipy
