# Argument binding and its error messages.
def f(a, b=2, *args, k, m=5, **kw):
    return (a, b, args, k, m, kw)
print(f(1, k=3))
print(f(1, 2, 3, 4, k=5, z=6))
print(f(*[1, 2], **{"k": 3}))
print(f(1, *(2, 3), 4, k=1, **{"x": 1}, y=2))
def p(a, b, /, c, *, d):
    return a, b, c, d
print(p(1, 2, 3, d=4), p(1, 2, c=3, d=4))
class C:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, x):
        return cls.__name__, x
print(C().m(1), C.s(2), C.c(3), C().c(4))
def g(a): pass
def h(): pass
def k2(*, a, b): pass
def q(a, /, b): pass
def w(a, /, b, **kw): return kw
tests = [
    lambda: g(), lambda: g(1, 2), lambda: h(1), lambda: g(b=1), lambda: g(1, a=2),
    lambda: k2(), lambda: k2(a=1), lambda: q(a=1, b=2), lambda: C().m(), lambda: C.m(),
    lambda: f(1, 2, 3, 4), lambda: g(*1), lambda: g(**1), lambda: g(**{1: 2}),
    lambda: f(1, k=1, **{"k": 2}), lambda: (lambda x, y, z: 0)(), lambda: [*1],
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
print(w(1, 2, a=3))
def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    wrapper.__name__ = fn.__name__
    return wrapper
@deco
def decorated(x):
    """doc"""
    return x + 1
print(decorated(1), decorated.__name__)
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(C.m.__qualname__, decorated.__doc__ if False else "", (lambda: 0).__name__)
def annotated(a: int, b: "str" = "x") -> bool: pass
print(annotated.__annotations__)
def rec(n):
    return 1 if n == 0 else n * rec(n - 1)
print(rec(20))
