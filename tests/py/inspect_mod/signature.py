# inspect.Signature / Parameter / BoundArguments: construction, rendering, binding.
import functools
import inspect
import re
from inspect import Parameter, Signature

P = Parameter


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, re.sub(' at 0x[0-9a-f]+', '', str(e)))


# --- Parameter construction and checks
for kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.VAR_POSITIONAL, P.KEYWORD_ONLY, P.VAR_KEYWORD):
    print(repr(kind), str(kind), int(kind), kind.description, kind.name)
print(list(inspect._ParameterKind), P.POSITIONAL_ONLY < P.KEYWORD_ONLY)
show('bad kind', lambda: P('x', 7))
show('bad kind str', lambda: P('x', 'positional'))
show('bad name', lambda: P('1x', P.POSITIONAL_ONLY))
show('keyword name', lambda: P('def', P.POSITIONAL_ONLY))
show('non str name', lambda: P(3, P.POSITIONAL_ONLY))
show('var default', lambda: P('a', P.VAR_POSITIONAL, default=1))
show('var kw default', lambda: P('a', P.VAR_KEYWORD, default=1))
show('implicit .0', lambda: repr(P('.0', P.POSITIONAL_OR_KEYWORD)))
show('implicit .0 kwonly', lambda: repr(P('.0', P.KEYWORD_ONLY)))

# --- Parameter rendering
params = [
    P('a', P.POSITIONAL_ONLY),
    P('b', P.POSITIONAL_OR_KEYWORD, default=1),
    P('c', P.POSITIONAL_OR_KEYWORD, annotation=int, default=0),
    P('d', P.POSITIONAL_OR_KEYWORD, annotation='str', default='x'),
    P('args', P.VAR_POSITIONAL, annotation=list[int]),
    P('k', P.KEYWORD_ONLY, annotation=inspect.Parameter),
    P('kw', P.VAR_KEYWORD, annotation=None),
]
for p in params:
    print(str(p), repr(p), p.name, p.kind, p.default is P.empty, p.annotation is P.empty)
print(P.empty, Signature.empty, P.empty is Signature.empty, inspect._empty)

# --- replace, eq, hash
p = P('x', P.POSITIONAL_OR_KEYWORD, default=3)
q = p.replace(name='y')
print(q, p, p.replace(default=P.empty), p.replace(kind=P.KEYWORD_ONLY, annotation=float))
print(p == P('x', P.POSITIONAL_OR_KEYWORD, default=3), p == q, p != q, p == 3, hash(p) == hash(p.replace()))
show('replace bad', lambda: p.replace(name='3'))
show('unhashable default', lambda: hash(P('x', P.KEYWORD_ONLY, default=[])))
try:
    p.name = 'z'
except AttributeError as e:
    print('AttributeError')

# --- Signature construction and checks
print(Signature(), repr(Signature()), Signature(return_annotation=int))
print(Signature(params[:1] + params[2:3]))
show('order', lambda: Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_OR_KEYWORD)]))
show('order2', lambda: Signature([P('a', P.VAR_KEYWORD), P('b', P.VAR_POSITIONAL)]))
show('default order', lambda: Signature([P('a', P.POSITIONAL_OR_KEYWORD, default=1), P('b', P.POSITIONAL_OR_KEYWORD)]))
show('default order posonly', lambda: Signature([P('a', P.POSITIONAL_ONLY, default=1), P('b', P.POSITIONAL_OR_KEYWORD)]))
show('kwonly ok', lambda: Signature([P('a', P.POSITIONAL_OR_KEYWORD, default=1), P('b', P.KEYWORD_ONLY)]))
show('duplicate', lambda: Signature([P('a', P.POSITIONAL_ONLY), P('a', P.KEYWORD_ONLY)]))
show('no validate', lambda: Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)], __validate_parameters__=False))
show('posonly only', lambda: Signature([P('a', P.POSITIONAL_ONLY), P('b', P.POSITIONAL_ONLY, default=2)]))
show('slash star', lambda: Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY)]))
show('star only', lambda: Signature([P('b', P.KEYWORD_ONLY), P('c', P.VAR_KEYWORD)]))
show('var pos kw', lambda: Signature([P('a', P.VAR_POSITIONAL), P('b', P.KEYWORD_ONLY)]))
sig = Signature(params, return_annotation='R')
print(sig)
print(repr(sig))
print(type(sig.parameters).__name__, list(sig.parameters), sig.return_annotation)
try:
    sig.parameters['zz'] = 1
except TypeError as e:
    print('TypeError', e)
print(sig.replace(return_annotation=Signature.empty))
print(sig.replace(parameters=params[:2]))
print(sig == Signature(params, return_annotation='R'), sig == sig.replace(return_annotation=int), sig == 1)
print(hash(sig) == hash(Signature(params, return_annotation='R')))
print(Signature(params[::-1][:1]) == Signature([P('kw', P.VAR_KEYWORD, annotation=None)]))
# keyword-only parameters compare regardless of order
s1 = Signature([P('a', P.KEYWORD_ONLY), P('b', P.KEYWORD_ONLY)])
s2 = Signature([P('b', P.KEYWORD_ONLY), P('a', P.KEYWORD_ONLY)])
print(s1 == s2, hash(s1) == hash(s2))


# --- from functions
def f1(a, b=1, *args, c, d=2, **kw): pass
def f2(a, /, b, *, c=None): pass
def f3(x: int, y: 'str' = 'a', *, z: list = None) -> bool: pass
def f4(p, /): pass
def f5(*, k): pass
def f6(a, b: 'int' = 3, /, c=4, *d: 'tuple', e=5, f, **g: dict) -> 'None': pass
def f7(x: list[int], y: dict[str, int] = None) -> tuple[int, ...]: pass
def f8(x: 'A', y: inspect.Signature, z: type(None), w: P.empty = 1): pass


class A:
    def m(self, x, y=2): pass
    @classmethod
    def cm(cls, a, *, b): pass
    @staticmethod
    def sm(a, b): pass
    def __call__(self, z, *rest): pass


for f in (f1, f2, f3, f4, f5, f6, f7, f8, lambda: 0, lambda *a, **k: 0, A.m, A().m, A.cm, A().cm, A.sm, A(),
          Signature.from_callable(f1).bind):
    sig = inspect.signature(f)
    print(sig)
    print('  ', [(p.name, p.kind.name, p.default, p.annotation) for p in sig.parameters.values()], sig.return_annotation)
print(Signature.from_callable(f3) == inspect.signature(f3), type(Signature.from_callable(f3)).__name__)


class MySig(Signature):
    pass


print(type(MySig.from_callable(f1)).__name__)
print(inspect.signature(f6).parameters['b'].annotation, inspect.signature(f3).parameters['x'].annotation)


# --- classes
class N:
    def __new__(cls, a, b=2): return super().__new__(cls)


class I:
    def __init__(self, x, *, y): pass


class Both(N):
    def __init__(self, a, b=2): pass


class Meta(type):
    def __call__(cls, q, r=1): pass


class WithMeta(metaclass=Meta):
    def __init__(self, z): pass


class Plain:
    pass


class Sub(I):
    pass


class Sigd:
    __signature__ = Signature([P('s', P.POSITIONAL_ONLY)])


class SigNone:
    __signature__ = None
    def __init__(self, u): pass


class BadSig:
    def __init__(self): pass


def badsig(): pass


badsig.__signature__ = 3

for c in (N, I, Both, WithMeta, Plain, Sub, Sigd, SigNone):
    show(c.__name__, lambda: inspect.signature(c))
show('badsig', lambda: inspect.signature(badsig))
show('int', lambda: inspect.signature(3))
show('str obj', lambda: inspect.signature('abc'))
show('iter', lambda: inspect.signature(iter))
show('min', lambda: inspect.signature(min))
show('range', lambda: inspect.signature(range))
show('int', lambda: inspect.signature(int))
show('object', lambda: inspect.signature(object))
show('dict', lambda: inspect.signature(dict))
show('Exception subclass', lambda: str(inspect.signature(type('E', (Exception,), {'__init__': lambda self, m: None}))))

# --- partial
def g(a, b, c=3, *, d, e=5): pass
for pa in (functools.partial(g, 1), functools.partial(g, 1, 2), functools.partial(g, b=2),
           functools.partial(g, 1, d=4), functools.partial(functools.partial(g, 1), 2),
           functools.partial(f1, 1, 2, 3), functools.partial(f2, 1), functools.partial(f2, b=1),
           functools.partial(A().m, 1)):
    show('partial', lambda: inspect.signature(pa))
show('partial bad', lambda: inspect.signature(functools.partial(g, 1, 2, 3, 4)))
show('partial bad kw', lambda: inspect.signature(functools.partial(f2, a=1)))


class PM:
    def meth(self, a, b, c=1): pass
    pm = functools.partialmethod(meth, 1)


show('partialmethod', lambda: inspect.signature(PM.pm))
show('partialmethod bound', lambda: inspect.signature(PM().pm))

# --- wrapped
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@deco
@deco
def wrapped(q, r=5) -> int: pass


print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False))
print(Signature.from_callable(wrapped, follow_wrapped=False))
print(inspect.unwrap(wrapped) is wrapped.__wrapped__.__wrapped__, inspect.unwrap(wrapped, stop=lambda f: f.__name__ == 'wrapper' and not hasattr(f.__wrapped__, '__wrapped__')) is wrapped.__wrapped__)
print(inspect.unwrap(f1) is f1)


def loop(): pass


loop.__wrapped__ = loop
show('loop', lambda: inspect.unwrap(loop))
show('loop stop', lambda: inspect.unwrap(loop, stop=lambda f: True) is loop)
show('loop sig', lambda: inspect.signature(loop))


def stopper(): pass


stopper.__wrapped__ = f1
stopper.__signature__ = Signature([P('only', P.POSITIONAL_ONLY)])
print(inspect.signature(stopper))

# --- bind / bind_partial
sig = inspect.signature(f1)
for args, kwargs in [((1, 2, 3), {'c': 4, 'e': 5}), ((1,), {'c': 4}), ((), {'a': 1, 'c': 2}),
                     ((), {}), ((1,), {}), ((1, 2), {'a': 3, 'c': 1}), ((1,), {'c': 1, 'args': 5})]:
    show('bind f1 %r %r' % (args, kwargs), lambda: sig.bind(*args, **kwargs))
    show('bind_partial f1 %r %r' % (args, kwargs), lambda: sig.bind_partial(*args, **kwargs))
sig2 = inspect.signature(f2)
for args, kwargs in [((1, 2), {}), ((1,), {'b': 2, 'c': 3}), ((), {'a': 1, 'b': 2}), ((1, 2, 3), {}),
                     ((1, 2), {'d': 4}), ((1,), {}), ((1,), {'a': 2, 'b': 3}), ((1, 2), {'c': 1, 'a': 3})]:
    show('bind f2 %r %r' % (args, kwargs), lambda: sig2.bind(*args, **kwargs))
    show('bind_partial f2 %r %r' % (args, kwargs), lambda: sig2.bind_partial(*args, **kwargs))
sig5 = inspect.signature(f5)
for kwargs in [{}, {'k': 1}, {'k': 1, 'j': 2}]:
    show('bind f5 %r' % kwargs, lambda: sig5.bind(**kwargs))
show('bind f5 pos', lambda: sig5.bind(1))
sigk = inspect.signature(lambda a, /, **kw: 0)
show('posonly in kwargs', lambda: sigk.bind(1, a=2))
show('posonly missing', lambda: sigk.bind(a=2))
show('bind self kw', lambda: Signature([P('self', P.POSITIONAL_OR_KEYWORD)]).bind(self=1))
show('bind kw named self', lambda: inspect.signature(lambda **kw: 0).bind(self=1, sig=2))

ba = sig.bind(1, 2, 3, 4, c=5, z=6)
print(ba, repr(ba))
print(ba.arguments, ba.args, ba.kwargs, ba.signature is sig, type(ba.arguments).__name__)
ba2 = sig.bind(1, c=5)
ba2.apply_defaults()
print(ba2, ba2.args, ba2.kwargs)
ba3 = inspect.signature(f6).bind(1, f=2)
ba3.apply_defaults()
print(ba3)
print(ba3.args, ba3.kwargs)
ba4 = inspect.signature(f2).bind(1, 2)
print(ba4.args, ba4.kwargs)
ba4.arguments['b'] = 9
print(ba4.args, ba4)
print(sig.bind(1, c=5) == sig.bind(1, c=5), sig.bind(1, c=5) == sig.bind(2, c=5), sig.bind(1, c=5) == 1)
# args stops at the first missing positional argument
bp = inspect.signature(lambda a, b, c: 0).bind_partial(1, c=3)
print(bp.args, bp.kwargs)
bk = inspect.signature(lambda a, *, b: 0).bind(1, b=2)
print(bk.args, bk.kwargs)
be = Signature().bind()
print(be, be.args, be.kwargs)
be.apply_defaults()
print(be)
try:
    hash(ba)
except TypeError as e:
    print('TypeError', e)

# --- more: var-positional once keywords started, pickling, eval_str, classmethods
import pickle


def fa(a, *args, c): pass


b = inspect.signature(fa).bind_partial(c=3)
b.apply_defaults()
print(b, b.args, b.kwargs)
b = inspect.signature(lambda a, b=2, *args, **kw: 0).bind_partial(b=5)
b.arguments['args'] = (1, 2)
b.arguments['kw'] = {'x': 1}
print(b.args, b.kwargs)
s = inspect.signature(fa)
print(pickle.loads(pickle.dumps(s)) == s, pickle.loads(pickle.dumps(s)))
print(repr(pickle.loads(pickle.dumps(P('x', P.KEYWORD_ONLY, default=3, annotation=int)))))
print(pickle.loads(pickle.dumps(s.bind(1, 2, c=3))))
print(inspect.signature(functools.partial(fa, 1, 2, c=9)))
print(inspect.signature(functools.partial(lambda a, b, *args: 0, b=1)))


def ann(a: 'int', b: 'list[str]' = None) -> 'str': pass


print(inspect.signature(ann, eval_str=True), inspect.signature(ann))
print(Signature.from_callable(ann, eval_str=True, locals={'int': float}))
show('eval_str bad', lambda: inspect.signature(lambda x: 0, eval_str=True))


def bad_ann(a: 'nope'): pass


show('eval_str name', lambda: inspect.signature(bad_ann, eval_str=True))
print(inspect.signature(lambda *, a=1, b: 0), inspect.signature(A.cm))
