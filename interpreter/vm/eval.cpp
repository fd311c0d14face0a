// The eval loop.
//
// One function runs every Python frame of a thread. Python-to-Python calls push a frame on the
// thread's frame stack and continue in this same C++ activation (no C++ recursion); only
// frames entered from native code (function_call, generators, class bodies, exec) are "entry"
// frames whose return leaves the function.
//
// Dispatch: handlers are written once as CASE(op) ... DISPATCH(); with GCC/Clang they become
// labels reached by computed goto (one indirect jump per handler, which predicts well),
// otherwise a plain switch. Hot state (ip, sp, locals, constants) lives in C++ locals;
// `f->instr` always holds the instruction being executed so tracebacks, f_lineno and the
// exception table see the right place even after native code re-enters the VM.
//
// Errors: a handler that fails jumps to `error` (adds a traceback entry for this frame, then
// unwinds) or `exception_unwind` (re-raise without a new entry). Unwinding consults the code's
// exception table; with no handler the frame is left and the caller's CALL site fails in turn.
//
// Out of memory in C++ code. Native code builds results in std::string and std::vector, whose
// allocation failure is a C++ exception, not a Python one. eval_frame catches it and restarts
// the loop at the innermost frame, raising MemoryError at the instruction that was running, so
// `b'x' * 10**12` is a MemoryError an `except` clause can catch, as in CPython, not an abort.
#include "vm/eval.h"

#include <cmath>
#include <cstdio>
#include <new>
#include <stdexcept>

#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
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
#include "runtime/eval_breaker.h"
#include "runtime/interpreter.h"
#include "runtime/thread_state.h"
#include "vm/attr_cache.h"
#include "vm/vm_internal.h"

namespace minipy {

#if defined(__GNUC__) && !defined(MINIPY_SWITCH_DISPATCH)
#define MINIPY_COMPUTED_GOTO 1
#endif

namespace {

// Sequence subscript with a small-int index on an exact list or tuple: the common case of
// BINARY_SUBSCR, answered without a call. Null when the fast path does not apply.
inline Value fast_subscript(Value container, Value key) {
  if (!key.is_small_int() || !container.is_object()) return Value();
  int64_t i = key.as_small_int();
  Type* t = container.as_object()->type;
  if (t == &list_type) {
    List* l = container.as<List>();
    if (i < 0) i += l->size;
    if (i >= 0 && i < l->size) return l->items[i];
  } else if (t == &tuple_type) {
    Tuple* tp = container.as<Tuple>();
    if (i < 0) i += tp->size;
    if (i >= 0 && i < tp->size) return tp->items()[i];
  }
  return Value();
}

// The double value of an exact float or a small int, for the float arithmetic fast path.
// Converting an int beyond 2**53 rounds to nearest, as CPython's int-to-float does.
inline bool float_operand(Value v, double* out) {
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());
    return true;
  }
  if (v.is_object() && v.as_object()->type == &float_type) {
    *out = float_value(v);
    return true;
  }
  return false;
}

// +, -, *, / and ** where at least one side is an exact float and the other an exact float or
// a small int: the result is the IEEE operation, skipping the slot dispatch of binary_op.
// Division by zero, the special cases of ** and everything else take the generic path (which
// raises or computes the complex result).
inline bool float_arith(BinaryOp op, Value a, Value b, Value* out) {
  if (a.is_small_int() && b.is_small_int()) return false;
  double x, y;
  if (!float_operand(a, &x) || !float_operand(b, &y)) return false;
  double r;
  switch (op) {
    case BinaryOp::Add: r = x + y; break;
    case BinaryOp::Sub: r = x - y; break;
    case BinaryOp::Mul: r = x * y; break;
    case BinaryOp::TrueDiv:
      if (y == 0.0) return false;
      r = x / y;
      break;
    case BinaryOp::Pow:
      // A positive finite base and a finite exponent have a real result; an overflow (inf)
      // goes to the generic path, which raises OverflowError.
      if (!(x > 0.0) || !std::isfinite(x) || !std::isfinite(y)) return false;
      r = std::pow(x, y);
      if (!std::isfinite(r)) return false;
      break;
    default:
      return false;
  }
  *out = float_new(r);
  return true;
}

// <, <=, ==, !=, >, >= between two exact floats, or an exact float and a small int that
// converts to a double exactly (|i| <= 2**53); NaN compares unequal to everything, as in C.
inline bool float_compare(Value a, Value b, CompareOp op, bool* out) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a.is_small_int() && b.is_small_int()) return false;
  double x, y;
  if (!float_operand(a, &x) || !float_operand(b, &y)) return false;
  if (a.is_small_int() && (a.as_small_int() > kExact || a.as_small_int() < -kExact)) return false;
  if (b.is_small_int() && (b.as_small_int() > kExact || b.as_small_int() < -kExact)) return false;
  switch (op) {
    case CompareOp::Lt: *out = x < y; break;
    case CompareOp::Le: *out = x <= y; break;
    case CompareOp::Eq: *out = x == y; break;
    case CompareOp::Ne: *out = x != y; break;
    case CompareOp::Gt: *out = x > y; break;
    case CompareOp::Ge: *out = x >= y; break;
  }
  return true;
}

// // and % of two small ints with Python's floor rounding; false for a zero divisor (the generic
// path raises) and for min // -1, whose quotient leaves the small range.
inline bool small_divmod(Value a, Value b, Value* quot, Value* rem) {
  if (!(a.bits() & b.bits() & 1)) return false;
  int64_t x = a.as_small_int(), y = b.as_small_int();
  if (y == 0 || (y == -1 && x == Value::kSmallIntMin)) return false;
  int64_t q = x / y, r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) {
    r += y;
    q -= 1;
  }
  *quot = Value::small_int(q);
  *rem = Value::small_int(r);
  return true;
}

// FOR_ITER on exact list/tuple iterators without an indirect call.
inline bool fast_iter_next(Value it, Value* out) {
  Type* t = it.as_object()->type;
  if (t == &list_iterator_type) {
    auto* li = it.as<ListIterator>();
    if (li->list && li->index < li->list->size) {
      *out = li->list->items[li->index++];
      return true;
    }
    li->list = nullptr;
    *out = Value();
    return true;
  }
  if (t == &tuple_iterator_type) {
    auto* ti = it.as<TupleIterator>();
    if (ti->tuple && ti->index < ti->tuple->size) {
      *out = ti->tuple->items()[ti->index++];
      return true;
    }
    ti->tuple = nullptr;
    *out = Value();
    return true;
  }
  return false;
}

Str* localsplus_name(Code* co, int i) {
  if (i < co->nlocals) return (*co->varnames)[i].as<Str>();
  i -= co->nlocals;
  if (i < co->ncells) return (*co->cellvars)[i].as<Str>();
  return (*co->freevars)[i - co->ncells].as<Str>();
}

}  // namespace

namespace {

// The loop itself, for eval_frame (which has entered `f`). `out_of_memory`: f is the innermost
// frame, stopped at f->instr by a C++ allocation failure; raise MemoryError there.
Value run_frames(ThreadState* ts, Frame* f, bool throwing, bool out_of_memory) {
#ifdef MINIPY_COMPUTED_GOTO
  static void* const kDispatch[kOpcodeCount] = {
#define OP(name, kind, effect, jump_effect, flags) &&L_##name,
#include "vm/opcodes.def"
#undef OP
  };
#endif

  Code* co;
  Value* L;
  Value* consts;
  Tuple* names;
  CodeUnit* ip;
  Value* sp;
  Tuple* kwnames = nullptr;  // set by KW_NAMES for the CALL that follows
  Value fresh_generator;     // the generator the last CALL created, if that is what it did
  uint32_t oparg;
  Opcode opcode;

#define LOAD_FRAME_STATE()         \
  do {                             \
    co = f->code;                  \
    L = f->localsplus;             \
    consts = co->consts->items();  \
    names = co->names;             \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NAME(i) ((*names)[i].as<Str>())
#define JUMP_TO(target) (ip = co->code + (target))
#define BREAKER_CHECK()                                                       \
  do {                                                                        \
    if (__builtin_expect(eval_breaker.load(std::memory_order_relaxed), 0)) {  \
      if (handle_eval_breaker(ts) < 0) goto error;                            \
    }                                                                         \
  } while (0)

#ifdef MINIPY_TRACE_INSTRUCTIONS
#define TRACE_INSTRUCTION()                                                                    \
  std::fprintf(stderr, "[%s depth=%ld] %s\n", co->name->data(),                                  \
               static_cast<long>(sp - f->stack_base()),                                         \
               code_disassemble_instruction(co, static_cast<uint32_t>(ip - co->code)).c_str())
#else
#define TRACE_INSTRUCTION() ((void)0)
#endif

#define FETCH()                   \
  do {                            \
    TRACE_INSTRUCTION();          \
    f->instr = ip;                \
    CodeUnit word_ = *ip++;       \
    opcode = code_op(word_);      \
    oparg = code_arg(word_);      \
  } while (0)

#ifdef MINIPY_COMPUTED_GOTO
#define CASE(name) L_##name:
#define DISPATCH()             \
  do {                         \
    FETCH();                   \
    goto* kDispatch[opcode];   \
  } while (0)
#else
#define CASE(name) case OP_##name:
#define DISPATCH() goto dispatch
#endif

  LOAD_FRAME_STATE();
  ip = f->instr;
  sp = f->sp;
  if (out_of_memory) {
    raise_no_memory();
    goto error;
  }
  if (throwing) {
    // Raise at the yield the generator is suspended at (the instruction before ip), or at the
    // first instruction of a generator that has not started.
    if (ip > co->code) f->instr = ip - 1;
    goto error;
  }
  if (!(f->flags & kFrameGenerator)) BREAKER_CHECK();

#ifdef MINIPY_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  FETCH();
  switch (opcode) {
#endif

  // ---- stack manipulation ---------------------------------------------------------------
  CASE(NOP) { DISPATCH(); }
  CASE(POP_TOP) {
    --sp;
    DISPATCH();
  }
  CASE(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  CASE(COPY) {
    Value v = sp[-static_cast<int>(oparg)];
    PUSH(v);
    DISPATCH();
  }
  CASE(SWAP) {
    Value t = sp[-1];
    sp[-1] = sp[-static_cast<int>(oparg)];
    sp[-static_cast<int>(oparg)] = t;
    DISPATCH();
  }
  CASE(LOAD_CONST) {
    PUSH(consts[oparg]);
    DISPATCH();
  }

  // ---- locals, cells, names, globals ------------------------------------------------------
  CASE(LOAD_FAST) {
    Value v = L[oparg];
    if (__builtin_expect(!v, 0)) {
      raise_unbound_local(f, static_cast<int>(oparg));
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  CASE(STORE_FAST) {
    L[oparg] = POP();
    DISPATCH();
  }
  CASE(DELETE_FAST) {
    if (!L[oparg]) {
      raise_unbound_local(f, static_cast<int>(oparg));
      goto error;
    }
    L[oparg] = Value();
    DISPATCH();
  }
  CASE(LOAD_DEREF) {
    Value v = L[oparg].as<Cell>()->contents;
    if (!v) {
      raise_unbound_free(f, static_cast<int>(oparg));
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  CASE(STORE_DEREF) {
    L[oparg].as<Cell>()->contents = POP();
    DISPATCH();
  }
  CASE(DELETE_DEREF) {
    Cell* c = L[oparg].as<Cell>();
    if (!c->contents) {
      raise_unbound_free(f, static_cast<int>(oparg));
      goto error;
    }
    c->contents = Value();
    DISPATCH();
  }
  CASE(LOAD_CLOSURE) {
    PUSH(L[oparg]);
    DISPATCH();
  }
  CASE(LOAD_CLASSDEREF) {
    Str* name = localsplus_name(co, static_cast<int>(oparg));
    Value v;
    if (dict_check_exact(f->locals)) {
      v = dict_get_str(f->locals.as<Dict>(), name);
      if (!v && error_pending()) goto error;
    } else {
      v = getitem(f->locals, name);
      if (!v) {
        if (!error_matches(&exc_KeyError)) goto error;
        error_clear();
      }
    }
    if (!v) {
      v = L[oparg].as<Cell>()->contents;
      if (!v) {
        raise_unbound_free(f, static_cast<int>(oparg));
        goto error;
      }
    }
    PUSH(v);
    DISPATCH();
  }
  CASE(LOAD_NAME) {
    Value v = load_name(f, NAME(oparg));
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }
  CASE(STORE_NAME) {
    Value v = POP();
    if (store_name(f, NAME(oparg), v) < 0) goto error;
    DISPATCH();
  }
  CASE(DELETE_NAME) {
    if (delete_name(f, NAME(oparg)) < 0) goto error;
    DISPATCH();
  }
  CASE(LOAD_GLOBAL) {
    InlineCache* c = &co->caches[*ip++];
    Dict* g = f->globals;
    Dict* b = f->builtins;
    if (c->key == g && c->version1 == g->version && c->version2 == b->version) {
      PUSH(c->value);
      DISPATCH();
    }
    Value v = load_global_slow(f, NAME(oparg));
    if (!v) goto error;
    c->key = g;
    c->version1 = g->version;
    c->version2 = b->version;
    c->value = v;
    PUSH(v);
    DISPATCH();
  }
  CASE(STORE_GLOBAL) {
    Value v = POP();
    if (dict_set_str(f->globals, NAME(oparg), v) < 0) goto error;
    DISPATCH();
  }
  CASE(DELETE_GLOBAL) {
    int r = dict_del(f->globals, NAME(oparg));
    if (r < 0) goto error;
    if (r == 0) {
      raise_name_error(NAME(oparg));
      goto error;
    }
    DISPATCH();
  }
  CASE(LOAD_LOCALS) {
    if (!f->locals) {
      raise(&exc_SystemError, "no locals found");
      goto error;
    }
    PUSH(f->locals);
    DISPATCH();
  }

  // ---- attributes and items ---------------------------------------------------------------
  CASE(LOAD_ATTR) {
    InlineCache* c = &co->caches[*ip++];
    Value v = load_attr_cached(c, TOP(), NAME(oparg));
    if (!v) goto error;
    TOP() = v;
    DISPATCH();
  }
  CASE(LOAD_METHOD) {
    InlineCache* c = &co->caches[*ip++];
    Value self;
    Value meth = load_method_cached(c, TOP(), NAME(oparg), &self);
    if (!meth) goto error;
    TOP() = meth;
    PUSH(self);
    DISPATCH();
  }
  CASE(STORE_ATTR) {
    InlineCache* c = &co->caches[*ip++];
    Value obj = POP();
    Value v = POP();
    if (store_attr_cached(c, obj, NAME(oparg), v) < 0) goto error;
    DISPATCH();
  }
  CASE(DELETE_ATTR) {
    Value obj = POP();
    if (delattr(obj, NAME(oparg)) < 0) goto error;
    DISPATCH();
  }
  CASE(BINARY_SUBSCR) {
    Value key = POP();
    Value container = TOP();
    Value v = fast_subscript(container, key);
    if (!v) {
      v = getitem(container, key);
      if (!v) goto error;
    }
    TOP() = v;
    DISPATCH();
  }
  CASE(STORE_SUBSCR) {
    Value key = sp[-1];
    Value container = sp[-2];
    Value v = sp[-3];
    sp -= 3;
    if (key.is_small_int() && container.is_object() && container.as_object()->type == &list_type) {
      List* l = container.as<List>();
      int64_t i = key.as_small_int();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        l->items[i] = v;
        DISPATCH();
      }
    }
    if (setitem(container, key, v) < 0) goto error;
    DISPATCH();
  }
  CASE(DELETE_SUBSCR) {
    Value key = POP();
    Value container = POP();
    if (delitem(container, key) < 0) goto error;
    DISPATCH();
  }
  CASE(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : none_value();
    Value stop = POP();
    Value start = TOP();
    TOP() = slice_new(start, stop, step);
    DISPATCH();
  }

  // ---- operators ----------------------------------------------------------------------------
  CASE(BINARY_OP) {
    Value b = POP();
    Value a = TOP();
    Value r;
    switch (static_cast<BinaryOp>(oparg)) {
      case BinaryOp::Add:
        if (small_add(a, b, &r)) goto binary_done;
        break;
      case BinaryOp::Sub:
        if (small_sub(a, b, &r)) goto binary_done;
        break;
      case BinaryOp::Mul:
        if (small_mul(a, b, &r)) goto binary_done;
        break;
      case BinaryOp::And:
        if (a.bits() & b.bits() & 1) { r = Value::from_bits(a.bits() & b.bits()); goto binary_done; }
        break;
      case BinaryOp::Or:
        if (a.bits() & b.bits() & 1) { r = Value::from_bits(a.bits() | b.bits()); goto binary_done; }
        break;
      case BinaryOp::Xor:
        if (a.bits() & b.bits() & 1) { r = Value::from_bits((a.bits() ^ b.bits()) | 1); goto binary_done; }
        break;
      case BinaryOp::FloorDiv: {
        Value rem;
        if (small_divmod(a, b, &r, &rem)) goto binary_done;
        break;
      }
      case BinaryOp::Mod: {
        Value quot;
        if (small_divmod(a, b, &quot, &r)) goto binary_done;
        break;
      }
      default:
        break;
    }
    if (float_arith(static_cast<BinaryOp>(oparg), a, b, &r)) goto binary_done;
    r = binary_op(static_cast<BinaryOp>(oparg), a, b);
    if (!r) goto error;
  binary_done:
    TOP() = r;
    DISPATCH();
  }
  CASE(INPLACE_OP) {
    Value b = POP();
    Value a = TOP();
    Value r;
    switch (static_cast<BinaryOp>(oparg)) {
      case BinaryOp::Add:
        if (small_add(a, b, &r)) goto inplace_done;
        break;
      case BinaryOp::Sub:
        if (small_sub(a, b, &r)) goto inplace_done;
        break;
      case BinaryOp::FloorDiv: {
        Value rem;
        if (small_divmod(a, b, &r, &rem)) goto inplace_done;
        break;
      }
      case BinaryOp::Mod: {
        Value quot;
        if (small_divmod(a, b, &quot, &r)) goto inplace_done;
        break;
      }
      default:
        break;
    }
    if (float_arith(static_cast<BinaryOp>(oparg), a, b, &r)) goto inplace_done;
    r = inplace_op(static_cast<BinaryOp>(oparg), a, b);
    if (!r) goto error;
  inplace_done:
    TOP() = r;
    DISPATCH();
  }
  CASE(UNARY_NEGATIVE) {
    Value v = TOP();
    Value r;
    if (v.is_small_int() && v.as_small_int() != Value::kSmallIntMin) r = Value::small_int(-v.as_small_int());
    else r = unary_negative(v);
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(UNARY_POSITIVE) {
    Value r = unary_positive(TOP());
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(UNARY_INVERT) {
    Value r = unary_invert(TOP());
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(UNARY_NOT) {
    Value v = TOP();
    int t = v.is(true_value()) ? 1 : v.is(false_value()) ? 0 : is_true(v);
    if (t < 0) goto error;
    TOP() = bool_value(!t);
    DISPATCH();
  }
  CASE(COMPARE_OP) {
    Value b = POP();
    Value a = TOP();
    bool truth;
    if (small_compare(a, b, static_cast<CompareOp>(oparg), &truth) ||
        float_compare(a, b, static_cast<CompareOp>(oparg), &truth)) {
      TOP() = bool_value(truth);
      DISPATCH();
    }
    Value r = compare(a, b, static_cast<CompareOp>(oparg));
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(IS_OP) {
    Value b = POP();
    bool r = TOP().is(b);
    TOP() = bool_value(r != (oparg != 0));
    DISPATCH();
  }
  CASE(CONTAINS_OP) {
    Value container = POP();
    int r = contains(container, TOP());
    if (r < 0) goto error;
    TOP() = bool_value((r != 0) != (oparg != 0));
    DISPATCH();
  }

  // ---- control flow -------------------------------------------------------------------------
  CASE(JUMP_FORWARD) {
    JUMP_TO(oparg);
    DISPATCH();
  }
  CASE(JUMP_BACKWARD) {
    JUMP_TO(oparg);
    BREAKER_CHECK();
    DISPATCH();
  }
#define TRUTH_OF(v, out)                                   \
  do {                                                     \
    if ((v).is(true_value())) out = 1;                     \
    else if ((v).is(false_value()) || is_none(v)) out = 0; \
    else if ((v).is_small_int()) out = (v).as_small_int() != 0; \
    else if ((out = is_true(v)) < 0) goto error;           \
  } while (0)
  CASE(POP_JUMP_IF_FALSE) {
    Value v = POP();
    int t;
    TRUTH_OF(v, t);
    if (!t) JUMP_TO(oparg);
    DISPATCH();
  }
  CASE(POP_JUMP_IF_TRUE) {
    Value v = POP();
    int t;
    TRUTH_OF(v, t);
    if (t) JUMP_TO(oparg);
    DISPATCH();
  }
  CASE(POP_JUMP_IF_NONE) {
    if (is_none(POP())) JUMP_TO(oparg);
    DISPATCH();
  }
  CASE(POP_JUMP_IF_NOT_NONE) {
    if (!is_none(POP())) JUMP_TO(oparg);
    DISPATCH();
  }
  CASE(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    int t;
    TRUTH_OF(v, t);
    if (!t) JUMP_TO(oparg);
    else --sp;
    DISPATCH();
  }
  CASE(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    int t;
    TRUTH_OF(v, t);
    if (t) JUMP_TO(oparg);
    else --sp;
    DISPATCH();
  }
  CASE(GET_ITER) {
    if (oparg && TOP().is(fresh_generator)) TOP().as<Generator>()->loop_owned = true;
    Value it = get_iter(TOP());
    if (!it) goto error;
    TOP() = it;
    DISPATCH();
  }
  CASE(POP_ITER) {
    Value it = POP();
    if (generator_check(it) && it.as<Generator>()->loop_owned && !gen_close(it.as<Generator>())) goto error;
    DISPATCH();
  }
  CASE(FOR_ITER) {
    Value it = TOP();
    Value next;
    if (!fast_iter_next(it, &next)) {
      next = iter_next(it);
      if (!next && error_pending()) {
        // A StopIteration carrying a generator's return value still means exhaustion.
        if (!error_matches(&exc_StopIteration)) goto error;
        error_clear();
      }
    }
    if (next) {
      PUSH(next);
    } else {
      --sp;
      JUMP_TO(oparg);
    }
    DISPATCH();
  }

  // ---- building -------------------------------------------------------------------------------
  CASE(BUILD_TUPLE) {
    sp -= oparg;
    Tuple* t = tuple_from_array(sp, oparg);
    PUSH(t);
    DISPATCH();
  }
  CASE(BUILD_LIST) {
    sp -= oparg;
    List* l = list_from_array(sp, oparg);
    PUSH(l);
    DISPATCH();
  }
  CASE(BUILD_SET) {
    Set* s = set_new();
    Value* items = sp - oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (set_add(s, items[i]) < 0) goto error;
    }
    sp = items;
    PUSH(s);
    DISPATCH();
  }
  CASE(BUILD_MAP) {
    Dict* d = dict_new();
    Value* items = sp - 2 * oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (dict_set(d, items[2 * i], items[2 * i + 1]) < 0) goto error;
    }
    sp = items;
    PUSH(d);
    DISPATCH();
  }
  CASE(BUILD_CONST_KEY_MAP) {
    Tuple* keys = POP().as<Tuple>();
    Dict* d = dict_new();
    Value* values = sp - oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (dict_set(d, (*keys)[i], values[i]) < 0) goto error;
    }
    sp = values;
    PUSH(d);
    DISPATCH();
  }
  CASE(BUILD_STRING) {
    Value s = build_string(sp - oparg, oparg);
    if (!s) goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
  }
  CASE(LIST_APPEND) {
    Value v = POP();
    list_append(sp[-static_cast<int>(oparg)].as<List>(), v);
    DISPATCH();
  }
  CASE(SET_ADD) {
    Value v = POP();
    if (set_add(sp[-static_cast<int>(oparg)].as<Set>(), v) < 0) goto error;
    DISPATCH();
  }
  CASE(MAP_ADD) {
    Value v = POP();
    Value k = POP();
    if (dict_set(sp[-static_cast<int>(oparg)].as<Dict>(), k, v) < 0) goto error;
    DISPATCH();
  }
  CASE(LIST_EXTEND) {
    Value iterable = POP();
    if (list_extend(sp[-static_cast<int>(oparg)].as<List>(), iterable) < 0) {
      if (error_matches(&exc_TypeError) && !type_of(iterable)->tp_iter && !type_of(iterable)->mp_subscript) {
        error_clear();
        raise(&exc_TypeError, std::string("Value after * must be an iterable, not ") + type_name(iterable));
      }
      goto error;
    }
    DISPATCH();
  }
  CASE(SET_UPDATE) {
    Value iterable = POP();
    // set_update, not one add at a time: {*a_set} copies the table as CPython does.
    if (set_update(sp[-static_cast<int>(oparg)].as<Set>(), iterable) < 0) goto error;
    DISPATCH();
  }
  CASE(DICT_UPDATE) {
    Value other = POP();
    if (dict_update(sp[-static_cast<int>(oparg)].as<Dict>(), other) < 0) {
      if (error_matches(&exc_AttributeError)) {
        error_clear();
        raise(&exc_TypeError, std::string("'") + type_name(other) + "' object is not a mapping");
      }
      goto error;
    }
    DISPATCH();
  }
  CASE(DICT_MERGE) {
    // Layout of a call with **: [func, NULL, args, kwargs dict, ..., mapping]
    Value other = POP();
    Value func = sp[-static_cast<int>(oparg) - 3];
    if (dict_merge_for_call(func, sp[-static_cast<int>(oparg)].as<Dict>(), other) < 0) goto error;
    DISPATCH();
  }
  CASE(LIST_TO_TUPLE) {
    TOP() = list_as_tuple(TOP().as<List>());
    DISPATCH();
  }
  CASE(UNPACK_SEQUENCE) {
    Value seq = TOP();
    if (seq.is_object() && seq.as_object()->type == &tuple_type && seq.as<Tuple>()->size == oparg) {
      Tuple* t = seq.as<Tuple>();
      --sp;
      for (int64_t i = oparg - 1; i >= 0; i--) PUSH(t->items()[i]);
      DISPATCH();
    }
    if (seq.is_object() && seq.as_object()->type == &list_type && seq.as<List>()->size == oparg) {
      List* l = seq.as<List>();
      --sp;
      for (int64_t i = oparg - 1; i >= 0; i--) PUSH(l->items[i]);
      DISPATCH();
    }
    if (unpack_sequence(seq, oparg, sp - 1) < 0) goto error;
    sp += oparg - 1;
    DISPATCH();
  }
  CASE(UNPACK_EX) {
    int before = oparg & 0xff, after = oparg >> 8;
    if (unpack_ex(TOP(), before, after, sp - 1) < 0) goto error;
    sp += before + after;
    DISPATCH();
  }
  CASE(FORMAT_VALUE) {
    Value spec = (oparg & 4) ? POP() : Value();
    Value r = format_value(TOP(), oparg & 3, spec);
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(SETUP_ANNOTATIONS) {
    if (setup_annotations(f) < 0) goto error;
    DISPATCH();
  }

  // ---- calls ------------------------------------------------------------------------------------
  CASE(KW_NAMES) {
    kwnames = consts[oparg].as<Tuple>();
    DISPATCH();
  }
  CASE(CALL) {
    Value* args = sp - oparg;
    Value callable = args[-2];
    Value* argv = args;
    size_t total = oparg;
    if (args[-1]) {
      argv = args - 1;
      total++;
    } else if (callable.is_object() && callable.as_object()->type == &method_type) {
      // Unpack bound methods so Python methods take the inline path below.
      Method* m = callable.as<Method>();
      args[-1] = m->self;
      args[-2] = callable = m->func;
      argv = args - 1;
      total++;
    }
    Tuple* kw = kwnames;
    kwnames = nullptr;
    size_t npos = total - (kw ? kw->size : 0);
    if (callable.is_object() && callable.as_object()->type == &function_type) {
      Function* fn = callable.as<Function>();
      Code* fc = fn->code;
      if (!(fc->flags & kCoGeneratorLike)) {
        Frame* nf = frame_stack_push(fc, fn, fn->globals, fn->builtins, Value());
        if (!nf) {
          raise_no_memory();
          goto error;
        }
        if (!kw && npos == static_cast<size_t>(fc->argcount) && fc->kwonlyargcount == 0 &&
            !(fc->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
          for (size_t i = 0; i < npos; i++) nf->localsplus[i] = argv[i];
        } else if (!bind_arguments(fn, nf, argv, npos, kw)) {
          frame_stack_pop(nf);
          goto error;
        }
        if (fc->ncells || fc->nfree) frame_init_cells(nf, fn->closure);
        if (!enter_python_frame(ts)) {
          frame_stack_pop(nf);
          goto error;
        }
        f->sp = args - 2;
        nf->back = f;
        ts->frame = nf;
        f = nf;
        LOAD_FRAME_STATE();
        ip = co->code;
        sp = f->stack_base();
        BREAKER_CHECK();
        DISPATCH();
      }
      Value gen = generator_from_call(fn, argv, npos, kw);
      sp = args - 2;
      if (!gen) goto error;
      fresh_generator = generator_check(gen) ? gen : Value();
      PUSH(gen);
      DISPATCH();
    }
    fresh_generator = Value();
    Value r = call(callable, argv, npos, kw);
    sp = args - 2;
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  CASE(CALL_FUNCTION_EX) {
    Value kwargs = oparg ? POP() : Value();
    Value args = POP();
    --sp;  // the NULL slot
    Value func = TOP();
    Value r = call_function_ex(func, args, kwargs);
    if (!r) goto error;
    TOP() = r;
    DISPATCH();
  }
  CASE(MAKE_FUNCTION) {
    Code* code = POP().as<Code>();
    Function* fn = function_new(code, f->globals);
    if (oparg & 8) fn->closure = POP().as<Tuple>();
    if (oparg & 4) fn->annotations = POP();
    if (oparg & 2) fn->kwdefaults = POP().as<Dict>();
    if (oparg & 1) fn->defaults = POP().as<Tuple>();
    PUSH(fn);
    DISPATCH();
  }
  CASE(LOAD_BUILD_CLASS) {
    Value bc = dict_get_str(f->builtins, intern("__build_class__"));
    if (!bc) {
      if (!error_pending()) raise(&exc_NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(bc);
    DISPATCH();
  }
  CASE(RETURN_VALUE) {
    Value result = POP();
    frame_exit(f);
    --ts->recursion_depth;
    ts->frame = f->back;
    if (f->flags & kFrameEntry) {
      f->sp = sp;
      return result;
    }
    Frame* caller = f->back;
    frame_stack_pop(f);
    f = caller;
    fresh_generator = Value();
    LOAD_FRAME_STATE();
    ip = f->instr + 1;
    sp = f->sp;
    PUSH(result);
    DISPATCH();
  }
  CASE(PRINT_EXPR) {
    Value v = POP();
    if (print_expr(v) < 0) goto error;
    DISPATCH();
  }
  CASE(LOAD_ASSERTION_ERROR) {
    PUSH(Value(&exc_AssertionError));
    DISPATCH();
  }
  CASE(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = TOP();
    Value m = import_name(f, NAME(oparg), fromlist, level);
    if (!m) goto error;
    TOP() = m;
    DISPATCH();
  }
  CASE(IMPORT_FROM) {
    Value v = import_from(TOP(), NAME(oparg));
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }
  CASE(IMPORT_STAR) {
    Value m = POP();
    if (import_star(f, m) < 0) goto error;
    DISPATCH();
  }

  // ---- exceptions -------------------------------------------------------------------------------
  CASE(RAISE_VARARGS) {
    if (oparg == 0) {
      Value exc = ts->handled_exception;
      if (!exc || is_none(exc)) {
        raise(&exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      error_restore(exc);
      goto exception_unwind;
    }
    Value cause = oparg == 2 ? POP() : Value();
    Value exc = POP();
    do_raise(exc, cause);
    goto error;
  }
  CASE(RERAISE) {
    error_restore(POP());
    goto exception_unwind;
  }
  CASE(PUSH_EXC_INFO) {
    Value exc = TOP();
    Value prev = ts->handled_exception;
    TOP() = prev ? prev : none_value();
    PUSH(exc);
    ts->handled_exception = exc;
    DISPATCH();
  }
  CASE(POP_EXCEPT) {
    Value prev = POP();
    ts->handled_exception = is_none(prev) ? Value() : prev;
    DISPATCH();
  }
  CASE(CHECK_EXC_MATCH) {
    int m = exception_matches(SECOND(), TOP());
    if (m < 0) goto error;
    TOP() = bool_value(m);
    DISPATCH();
  }
  CASE(CHECK_EG_MATCH) {
    Value rest;
    Value match = exception_group_match(SECOND(), TOP(), &rest);
    if (!match) goto error;
    if (!is_none(match)) {
      // The clause body handles the matched part: sys.exception() is that part.
      SECOND() = rest;
      ts->handled_exception = match;
    }
    TOP() = match;
    DISPATCH();
  }
  CASE(PREP_RERAISE_STAR) {
    Value raised = POP();
    Value exc = prep_reraise_star(TOP(), raised.as<List>());
    if (!exc) goto error;
    TOP() = exc;
    DISPATCH();
  }
  CASE(BEFORE_WITH) {
    Value exit;
    Value entered = with_enter(TOP(), &exit, false);
    if (!entered) goto error;
    TOP() = exit;
    PUSH(entered);
    DISPATCH();
  }
  CASE(BEFORE_ASYNC_WITH) {
    Value exit;
    Value entered = with_enter(TOP(), &exit, true);
    if (!entered) goto error;
    TOP() = exit;
    PUSH(entered);
    DISPATCH();
  }
  CASE(WITH_EXCEPT_START) {
    // [exit, prev handled, exc]
    Value exc = TOP();
    Value exit = sp[-3];
    Value tb = exc.as<BaseException>()->traceback;
    Value args[3] = {Value(type_of(exc)), exc, tb ? tb : none_value()};
    Value r = call(exit, args, 3);
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }

  // ---- generators and coroutines --------------------------------------------------------------
  CASE(GEN_START) {
    DISPATCH();
  }
  CASE(YIELD_VALUE) {
    Value v = POP();
    f->sp = sp;
    f->instr = ip;
    f->flags |= kFrameYielded;
    --ts->recursion_depth;
    ts->frame = f->back;
    return v;
  }
  CASE(GET_YIELD_FROM_ITER) {
    Value it = get_yield_from_iter(TOP());
    if (!it) goto error;
    TOP() = it;
    DISPATCH();
  }
  CASE(SEND) {
    Value v = POP();
    Value out;
    int r = send_to(TOP(), v, &out);
    if (r < 0) goto error;
    if (r == 1) {
      TOP() = out;
      JUMP_TO(oparg);
    } else {
      PUSH(out);
    }
    DISPATCH();
  }
  CASE(GET_AWAITABLE) {
    Value it = get_awaitable_iter(TOP(), static_cast<int>(oparg));
    if (!it) goto error;
    TOP() = it;
    DISPATCH();
  }
  CASE(GET_AITER) {
    Value obj = TOP();
    Type* t = type_of(obj);
    Value meth = type_lookup(t, intern("__aiter__"));
    if (!meth) {
      raise(&exc_TypeError, std::string("'async for' requires an object with __aiter__ method, got ") + t->name);
      goto error;
    }
    Value it = call_method(obj, intern("__aiter__"), {});
    if (!it) goto error;
    if (!type_lookup(type_of(it), intern("__anext__"))) {
      raise(&exc_TypeError, std::string("'async for' received an object from __aiter__ that does not implement __anext__: ") +
                                type_name(it));
      goto error;
    }
    TOP() = it;
    DISPATCH();
  }
  CASE(GET_ANEXT) {
    Value aiter = TOP();
    if (!type_lookup(type_of(aiter), intern("__anext__"))) {
      raise(&exc_TypeError, std::string("'async for' requires an iterator with __anext__ method, got ") +
                                type_name(aiter));
      goto error;
    }
    Value awaitable = call_method(aiter, intern("__anext__"), {});
    if (!awaitable) goto error;
    Value it = get_awaitable_iter(awaitable, 3);
    if (!it) goto error;
    PUSH(it);
    DISPATCH();
  }
  CASE(END_ASYNC_FOR) {
    Value exc = POP();
    if (is_subtype(type_of(exc), &exc_StopAsyncIteration)) {
      --sp;  // the async iterator
      DISPATCH();
    }
    error_restore(exc);
    goto exception_unwind;
  }
  CASE(ASYNC_GEN_WRAP) {
    TOP() = async_gen_wrap(TOP());
    DISPATCH();
  }

#ifndef MINIPY_COMPUTED_GOTO
    default:
      raise(&exc_SystemError, "unknown opcode " + std::to_string(opcode));
      goto error;
  }
#endif

error:
  kwnames = nullptr;
  record_traceback(ts, f);
exception_unwind: {
  const ExceptionTableEntry* h = code_find_handler(co, f->pc());
  if (h) {
    sp = f->stack_base() + h->depth;
    PUSH(error_fetch());
    JUMP_TO(h->target);
    DISPATCH();
  }
  frame_exit(f);
  --ts->recursion_depth;
  ts->frame = f->back;
  if (f->flags & kFrameEntry) {
    f->sp = f->stack_base();
    return Value();
  }
  Frame* caller = f->back;
  frame_stack_pop(f);
  f = caller;
  LOAD_FRAME_STATE();
  goto error;
}
}

}  // namespace

Value eval_frame(ThreadState* ts, Frame* f, bool throwing) {
  f->back = ts->frame;
  ts->frame = f;
  if (!enter_python_frame(ts)) {
    ts->frame = f->back;
    return Value();
  }
  try {
    return run_frames(ts, f, throwing, false);
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  // The frames this call pushed, up to ts->frame, are still there: unwinding resumes in the
  // innermost. Unwinding allocates little (traceback entries); memory so exhausted that it
  // fails too is not handled (the exception reaches an enclosing eval_frame or ends the
  // process).
  return run_frames(ts, ts->frame, false, true);
}

}  // namespace minipy
