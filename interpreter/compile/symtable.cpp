#include "compile/symtable.h"

#include <algorithm>
#include <set>

namespace minipy {

using namespace ast;

std::string mangle_name(const std::string& private_name, const std::string& name) {
  if (private_name.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t i = private_name.find_first_not_of('_');
  if (i == std::string::npos) return name;
  return "_" + private_name.substr(i) + name;
}

NameScope Scope::scope_of(const std::string& name) const {
  auto it = resolved.find(name);
  return it == resolved.end() ? NameScope::GlobalImplicit : it->second;
}

Scope* SymbolTable::scope_for(const ast::Node* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

namespace {

[[noreturn]] void fail(const Node* n, const std::string& msg) {
  throw CompileError{msg, n ? n->lineno : 0, n ? n->col_offset : 0, n ? n->end_lineno : 0, n ? n->end_col_offset : 0};
}

}  // namespace

class SymtableBuilder {
 public:
  explicit SymtableBuilder(SymbolTable& st) : st_(st) {}

  void build(const Node* mod) {
    st_.top_ = std::make_unique<Scope>();
    cur_ = st_.top_.get();
    cur_->type = ScopeType::Module;
    cur_->name = "<module>";
    cur_->node = mod;
    st_.by_node_[mod] = cur_;
    if (auto* m = dyn_cast<Module>(mod)) visit_body(m->body);
    else if (auto* m = dyn_cast<Interactive>(mod)) visit_body(m->body);
    else if (auto* m = dyn_cast<Expression>(mod)) visit_expr(m->body);
    analyze(cur_, {});
  }

 private:
  SymbolTable& st_;
  Scope* cur_ = nullptr;

  std::string mangled(const std::string& name) { return mangle_name(cur_->private_name, name); }

  void add(const std::string& raw, unsigned flag, const Node* at) {
    std::string name = mangled(raw);
    unsigned& f = cur_->symbols[name];
    if ((flag & kSymParam) && (f & kSymParam)) fail(at, "duplicate argument '" + name + "' in function definition");
    if ((flag & (kSymAssigned | kSymParam)) && !(f & (kSymAssigned | kSymParam))) cur_->bound_order.push_back(name);
    f |= flag;
  }

  Scope* enter(ScopeType type, const std::string& name, const Node* node) {
    auto s = std::make_unique<Scope>();
    s->type = type;
    s->name = name;
    s->node = node;
    s->parent = cur_;
    s->private_name = type == ScopeType::Class ? name : cur_->private_name;
    if (cur_->type == ScopeType::Module) s->qualname = name;
    else if (cur_->type == ScopeType::Class) s->qualname = cur_->qualname + "." + name;
    else s->qualname = cur_->qualname + ".<locals>." + name;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    st_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void leave() { cur_ = cur_->parent; }

  // ---- statements -------------------------------------------------------------------------
  void visit_body(const StmtList& body) {
    for (StmtNode* s : body) visit_stmt(s);
  }

  void visit_arguments_defaults(const Arguments* a) {
    for (ExprNode* d : a->defaults) visit_expr(d);
    for (ExprNode* d : a->kw_defaults) if (d) visit_expr(d);
  }
  void visit_annotations(const Arguments* a, const ExprNode* returns) {
    auto ann = [&](const Arg* arg) { if (arg && arg->annotation) visit_expr(arg->annotation); };
    for (Arg* x : a->posonlyargs) ann(x);
    for (Arg* x : a->args) ann(x);
    ann(a->vararg);
    for (Arg* x : a->kwonlyargs) ann(x);
    ann(a->kwarg);
    if (returns) visit_expr(const_cast<ExprNode*>(returns));
  }
  void add_params(const Arguments* a) {
    auto p = [&](const Arg* arg) {
      add(arg->arg, kSymParam, arg);
      cur_->params.push_back(mangled(arg->arg));
    };
    for (Arg* x : a->posonlyargs) p(x);
    for (Arg* x : a->args) p(x);
    for (Arg* x : a->kwonlyargs) p(x);
    if (a->vararg) {
      p(a->vararg);
      cur_->has_varargs = true;
    }
    if (a->kwarg) {
      p(a->kwarg);
      cur_->has_varkw = true;
    }
  }

  template <class F>
  void visit_function(const F* fn, bool is_async) {
    for (ExprNode* d : fn->decorator_list) visit_expr(d);
    visit_arguments_defaults(fn->args);
    visit_annotations(fn->args, fn->returns);
    add(fn->name, kSymAssigned, fn);
    Scope* s = enter(ScopeType::Function, fn->name, fn);
    s->is_coroutine = is_async;
    add_params(fn->args);
    visit_body(fn->body);
    leave();
  }

  void visit_stmt(const StmtNode* s) {
    switch (s->kind) {
      case Kind::FunctionDef: visit_function(cast<FunctionDef>(s), false); break;
      case Kind::AsyncFunctionDef: visit_function(cast<AsyncFunctionDef>(s), true); break;
      case Kind::ClassDef: {
        auto* c = cast<ClassDef>(s);
        for (ExprNode* d : c->decorator_list) visit_expr(d);
        for (ExprNode* b : c->bases) visit_expr(b);
        for (Keyword* k : c->keywords) visit_expr(k->value);
        add(c->name, kSymAssigned, c);
        enter(ScopeType::Class, c->name, c);
        visit_body(c->body);
        leave();
        break;
      }
      case Kind::Return: {
        auto* r = cast<Return>(s);
        if (!cur_->is_function_like()) fail(s, "'return' outside function");
        if (r->value) visit_expr(r->value);
        break;
      }
      case Kind::Delete:
        for (ExprNode* t : cast<Delete>(s)->targets) visit_target(t);
        break;
      case Kind::Assign: {
        auto* a = cast<Assign>(s);
        visit_expr(a->value);
        for (ExprNode* t : a->targets) visit_target(t);
        break;
      }
      case Kind::AugAssign: {
        auto* a = cast<AugAssign>(s);
        visit_target(a->target);
        if (auto* n = dyn_cast<Name>(a->target)) add(n->id, kSymUsed, n);
        visit_expr(a->value);
        break;
      }
      case Kind::AnnAssign: {
        auto* a = cast<AnnAssign>(s);
        if (auto* n = dyn_cast<Name>(a->target)) {
          unsigned f = cur_->symbols[mangled(n->id)];
          if ((f & (kSymGlobal | kSymNonlocal)) && a->simple) {
            fail(s, "annotated name '" + n->id + "' can't be " + ((f & kSymGlobal) ? "global" : "nonlocal"));
          }
          add(n->id, kSymAnnotated, n);
          if (a->value) add(n->id, kSymAssigned, n);
        } else {
          visit_target(a->target);
        }
        if (cur_->type == ScopeType::Module || cur_->type == ScopeType::Class) {
          cur_->has_annotations = true;
          visit_expr(a->annotation);
        }
        if (a->value) visit_expr(a->value);
        break;
      }
      case Kind::For:
      case Kind::AsyncFor: {
        const For* f = s->kind == Kind::For ? cast<For>(s) : nullptr;
        const AsyncFor* af = s->kind == Kind::AsyncFor ? cast<AsyncFor>(s) : nullptr;
        if (af && !(cur_->is_coroutine && cur_->type == ScopeType::Function)) fail(s, "'async for' outside async function");
        visit_expr(f ? f->iter : af->iter);
        visit_target(f ? f->target : af->target);
        visit_body(f ? f->body : af->body);
        visit_body(f ? f->orelse : af->orelse);
        break;
      }
      case Kind::While: {
        auto* w = cast<While>(s);
        visit_expr(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case Kind::If: {
        auto* i = cast<If>(s);
        visit_expr(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case Kind::With:
      case Kind::AsyncWith: {
        const std::vector<WithItem*>& items = s->kind == Kind::With ? cast<With>(s)->items : cast<AsyncWith>(s)->items;
        if (s->kind == Kind::AsyncWith && !(cur_->is_coroutine && cur_->type == ScopeType::Function)) {
          fail(s, "'async with' outside async function");
        }
        for (WithItem* it : items) {
          visit_expr(it->context_expr);
          if (it->optional_vars) visit_target(it->optional_vars);
        }
        visit_body(s->kind == Kind::With ? cast<With>(s)->body : cast<AsyncWith>(s)->body);
        break;
      }
      case Kind::Raise: {
        auto* r = cast<Raise>(s);
        if (r->exc) visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
        break;
      }
      case Kind::Try:
      case Kind::TryStar: {
        auto* t = static_cast<const TryStmt*>(s);
        visit_body(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) visit_expr(h->type);
          if (h->name) add(*h->name, kSymAssigned, h);
          visit_body(h->body);
        }
        visit_body(t->orelse);
        visit_body(t->finalbody);
        break;
      }
      case Kind::Assert: {
        auto* a = cast<Assert>(s);
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case Kind::Import:
        for (Alias* a : cast<Import>(s)->names) {
          std::string bound = a->asname ? *a->asname : a->name.substr(0, a->name.find('.'));
          add(bound, kSymAssigned, a);
        }
        break;
      case Kind::ImportFrom:
        for (Alias* a : cast<ImportFrom>(s)->names) {
          if (a->name == "*") {
            if (cur_->type != ScopeType::Module) fail(s, "import * only allowed at module level");
            continue;
          }
          add(a->asname ? *a->asname : a->name, kSymAssigned, a);
        }
        break;
      case Kind::Global:
        for (const std::string& raw : cast<Global>(s)->names) {
          std::string name = mangled(raw);
          unsigned f = cur_->symbols[name];
          if (f & kSymNonlocal) fail(s, "name '" + name + "' is nonlocal and global");
          if (f & (kSymParam | kSymAssigned | kSymUsed | kSymAnnotated)) {
            if (f & kSymParam) fail(s, "name '" + name + "' is parameter and global");
            if (f & kSymUsed) fail(s, "name '" + name + "' is used prior to global declaration");
            if (f & kSymAnnotated) fail(s, "annotated name '" + name + "' can't be global");
            fail(s, "name '" + name + "' is assigned to before global declaration");
          }
          cur_->symbols[name] |= kSymGlobal;
        }
        break;
      case Kind::Nonlocal:
        for (const std::string& raw : cast<Nonlocal>(s)->names) {
          if (cur_->type == ScopeType::Module) fail(s, "nonlocal declaration not allowed at module level");
          std::string name = mangled(raw);
          unsigned f = cur_->symbols[name];
          if (f & kSymGlobal) fail(s, "name '" + name + "' is nonlocal and global");
          if (f & (kSymParam | kSymAssigned | kSymUsed | kSymAnnotated)) {
            if (f & kSymParam) fail(s, "name '" + name + "' is parameter and nonlocal");
            if (f & kSymUsed) fail(s, "name '" + name + "' is used prior to nonlocal declaration");
            if (f & kSymAnnotated) fail(s, "annotated name '" + name + "' can't be nonlocal");
            fail(s, "name '" + name + "' is assigned to before nonlocal declaration");
          }
          cur_->symbols[name] |= kSymNonlocal;
        }
        break;
      case Kind::Expr:
        visit_expr(cast<Expr>(s)->value);
        break;
      default:
        break;
    }
  }

  // ---- expressions ------------------------------------------------------------------------
  void visit_target(const ExprNode* e) {
    switch (e->kind) {
      case Kind::Name: add(cast<Name>(e)->id, kSymAssigned, e); break;
      case Kind::Tuple: for (ExprNode* x : cast<ast::Tuple>(e)->elts) visit_target(x); break;
      case Kind::List: for (ExprNode* x : cast<ast::List>(e)->elts) visit_target(x); break;
      case Kind::Starred: visit_target(cast<Starred>(e)->value); break;
      default: visit_expr(e); break;
    }
  }

  void note_yield(const Node* e, bool is_await) {
    if (is_await) {
      // An await makes the comprehension around it asynchronous; visit_comprehension decides
      // whether that is allowed (a generator expression may be asynchronous anywhere).
      if (cur_->type == ScopeType::Comprehension) {
        cur_->is_coroutine = true;
        return;
      }
      if (cur_->type == ScopeType::Module || cur_->type == ScopeType::Class) fail(e, "'await' outside function");
      if (!cur_->is_coroutine || cur_->type == ScopeType::Lambda) fail(e, "'await' outside async function");
      return;
    }
    if (cur_->type == ScopeType::Module || cur_->type == ScopeType::Class) fail(e, "'yield' outside function");
    if (cur_->type == ScopeType::Comprehension) {
      static const std::map<std::string, std::string> kWhat = {
          {"<listcomp>", "list comprehension"}, {"<setcomp>", "set comprehension"},
          {"<dictcomp>", "dict comprehension"}, {"<genexpr>", "generator expression"}};
      fail(e, "'yield' inside " + kWhat.at(cur_->name));
    }
    cur_->is_generator = true;
  }

  void visit_comprehension(const ExprNode* e, const char* name, const std::vector<Comprehension*>& gens,
                           const ExprNode* elt, const ExprNode* value) {
    visit_expr(gens[0]->iter);
    Scope* outer = cur_;
    Scope* s = enter(ScopeType::Comprehension, name, e);
    s->params.push_back(".0");
    add(".0", kSymParam, e);
    bool any_async = false;
    for (size_t i = 0; i < gens.size(); i++) {
      Comprehension* g = gens[i];
      if (i > 0) visit_expr(g->iter);
      visit_target(g->target);
      for (ExprNode* cond : g->ifs) visit_expr(cond);
      any_async |= g->is_async != 0;
    }
    visit_expr(elt);
    if (value) visit_expr(value);
    if (std::string(name) == "<genexpr>") s->is_generator = true;
    if (any_async || s->is_coroutine) {
      Scope* f = outer;
      while (f->type == ScopeType::Comprehension) f = f->parent;
      bool async_ok = f->type == ScopeType::Function && f->is_coroutine;
      if (!async_ok && std::string(name) != "<genexpr>") {
        fail(e, "asynchronous comprehension outside of an asynchronous function");
      }
      s->is_coroutine = true;
      // A non-generator async comprehension is awaited where it is used.
      if (std::string(name) != "<genexpr>" && outer->type == ScopeType::Comprehension) outer->is_coroutine = true;
    }
    leave();
  }

  void visit_expr(const ExprNode* e) {
    switch (e->kind) {
      case Kind::BoolOp: for (ExprNode* v : cast<BoolOp>(e)->values) visit_expr(v); break;
      case Kind::NamedExpr: {
        auto* n = cast<NamedExpr>(e);
        visit_expr(n->value);
        const Name* target = cast<Name>(n->target);
        if (cur_->type == ScopeType::Comprehension) {
          // The target binds in the nearest enclosing non-comprehension scope.
          Scope* s = cur_;
          while (s->type == ScopeType::Comprehension) s = s->parent;
          if (s->type == ScopeType::Class) {
            fail(e, "assignment expression within a comprehension cannot be used in a class body");
          }
          Scope* saved = cur_;
          cur_ = s;
          add(target->id, kSymAssigned, target);
          if (s->type == ScopeType::Module) cur_->symbols[mangled(target->id)] |= kSymCompIter;
          cur_ = saved;
          for (Scope* c = cur_; c != s; c = c->parent) {
            c->symbols[mangled(target->id)] |= (s->type == ScopeType::Module ? kSymGlobal : kSymNonlocal);
          }
        } else {
          add(target->id, kSymAssigned, target);
        }
        break;
      }
      case Kind::BinOp: visit_expr(cast<BinOp>(e)->left); visit_expr(cast<BinOp>(e)->right); break;
      case Kind::UnaryOp: visit_expr(cast<UnaryOp>(e)->operand); break;
      case Kind::Lambda: {
        auto* l = cast<Lambda>(e);
        visit_arguments_defaults(l->args);
        enter(ScopeType::Lambda, "<lambda>", e);
        add_params(l->args);
        visit_expr(l->body);
        leave();
        break;
      }
      case Kind::IfExp: {
        auto* i = cast<IfExp>(e);
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
      }
      case Kind::Dict: {
        auto* d = cast<ast::Dict>(e);
        for (size_t i = 0; i < d->values.size(); i++) {
          if (d->keys[i]) visit_expr(d->keys[i]);
          visit_expr(d->values[i]);
        }
        break;
      }
      case Kind::Set: for (ExprNode* x : cast<ast::Set>(e)->elts) visit_expr(x); break;
      case Kind::ListComp: visit_comprehension(e, "<listcomp>", cast<ListComp>(e)->generators, cast<ListComp>(e)->elt, nullptr); break;
      case Kind::SetComp: visit_comprehension(e, "<setcomp>", cast<SetComp>(e)->generators, cast<SetComp>(e)->elt, nullptr); break;
      case Kind::DictComp: visit_comprehension(e, "<dictcomp>", cast<DictComp>(e)->generators, cast<DictComp>(e)->key, cast<DictComp>(e)->value); break;
      case Kind::GeneratorExp: visit_comprehension(e, "<genexpr>", cast<GeneratorExp>(e)->generators, cast<GeneratorExp>(e)->elt, nullptr); break;
      case Kind::Await: note_yield(e, true); visit_expr(cast<Await>(e)->value); break;
      case Kind::Yield:
        note_yield(e, false);
        if (cast<Yield>(e)->value) visit_expr(cast<Yield>(e)->value);
        break;
      case Kind::YieldFrom:
        note_yield(e, false);
        if (cur_->is_coroutine) fail(e, "'yield from' inside async function");
        visit_expr(cast<YieldFrom>(e)->value);
        break;
      case Kind::Compare: {
        auto* c = cast<Compare>(e);
        visit_expr(c->left);
        for (ExprNode* x : c->comparators) visit_expr(x);
        break;
      }
      case Kind::Call: {
        auto* c = cast<Call>(e);
        visit_expr(c->func);
        for (ExprNode* a : c->args) visit_expr(a);
        for (Keyword* k : c->keywords) visit_expr(k->value);
        break;
      }
      case Kind::FormattedValue: {
        auto* f = cast<FormattedValue>(e);
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case Kind::JoinedStr: for (ExprNode* x : cast<JoinedStr>(e)->values) visit_expr(x); break;
      case Kind::Attribute: visit_expr(cast<Attribute>(e)->value); break;
      case Kind::Subscript: visit_expr(cast<Subscript>(e)->value); visit_expr(cast<Subscript>(e)->slice); break;
      case Kind::Starred: visit_expr(cast<Starred>(e)->value); break;
      case Kind::Name: {
        auto* n = cast<Name>(e);
        if (n->ctx == ExprContext::Load) {
          add(n->id, kSymUsed, n);
          // Zero-argument super() and __class__ read the implicit class cell.
          if ((n->id == "super" || n->id == "__class__") && cur_->is_function_like() && cur_->type != ScopeType::Comprehension) {
            add("__class__", kSymUsed, n);
          }
        } else {
          add(n->id, kSymAssigned, n);
        }
        break;
      }
      case Kind::List: for (ExprNode* x : cast<ast::List>(e)->elts) visit_expr(x); break;
      case Kind::Tuple: for (ExprNode* x : cast<ast::Tuple>(e)->elts) visit_expr(x); break;
      case Kind::Slice: {
        auto* s = cast<ast::Slice>(e);
        if (s->lower) visit_expr(s->lower);
        if (s->upper) visit_expr(s->upper);
        if (s->step) visit_expr(s->step);
        break;
      }
      default:
        break;
    }
  }

  // ---- analysis -----------------------------------------------------------------------------
  void analyze(Scope* s, const std::set<std::string>& enclosing) {
    bool fn = s->is_function_like();
    for (auto& [name, flags] : s->symbols) {
      NameScope r;
      if (flags & kSymGlobal) r = NameScope::GlobalExplicit;
      else if (flags & kSymNonlocal) {
        if (!enclosing.count(name)) fail(s->node, "no binding for nonlocal '" + name + "' found");
        r = NameScope::Free;
      } else if (flags & (kSymAssigned | kSymParam)) r = NameScope::Local;
      else if (fn && enclosing.count(name)) r = NameScope::Free;
      else if (s->type == ScopeType::Class && enclosing.count(name) && name != "__class__") r = NameScope::Free;
      else r = NameScope::GlobalImplicit;
      s->resolved[name] = r;
    }
    std::set<std::string> visible;
    if (fn) {
      visible = enclosing;
      for (auto& [name, r] : s->resolved) {
        if (r == NameScope::Local || r == NameScope::Free) visible.insert(name);
        if (r == NameScope::GlobalExplicit) visible.erase(name);
      }
    } else if (s->type == ScopeType::Class) {
      visible = enclosing;
      visible.insert("__class__");
    }
    std::set<std::string> child_free;
    for (auto& c : s->children) {
      analyze(c.get(), visible);
      for (const std::string& f : c->freevars) child_free.insert(f);
    }
    std::set<std::string> passthrough;
    for (const std::string& f : child_free) {
      auto it = s->resolved.find(f);
      if (s->type == ScopeType::Class && f == "__class__") {
        s->needs_class_cell = true;
        continue;
      }
      if (fn && it != s->resolved.end() && it->second == NameScope::Local) {
        it->second = NameScope::Cell;
        continue;
      }
      if (it != s->resolved.end() && (it->second == NameScope::Cell || it->second == NameScope::Free)) continue;
      if (s->type == ScopeType::Module) continue;
      if (fn) s->resolved[f] = NameScope::Free;
      else passthrough.insert(f);
    }
    for (auto& [name, r] : s->resolved) {
      if (r == NameScope::Cell) s->cellvars.push_back(name);
      if (r == NameScope::Free) s->freevars.push_back(name);
    }
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
    for (const std::string& f : passthrough) s->freevars.push_back(f);
    std::sort(s->cellvars.begin(), s->cellvars.end());
    std::sort(s->freevars.begin(), s->freevars.end());
    s->freevars.erase(std::unique(s->freevars.begin(), s->freevars.end()), s->freevars.end());
  }
};

void SymbolTable::build(const ast::Node* module) {
  SymtableBuilder b(*this);
  b.build(module);
}

}  // namespace minipy
