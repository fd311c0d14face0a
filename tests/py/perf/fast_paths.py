# The VM's fast paths must behave exactly like the generic ones: float arithmetic with
# small ints and floats, and the STORE_ATTR cache when the class changes under it.


def arith(a, b):
    return a + b, a - b, a * b, a / b


print(arith(1.5, 2), arith(3, 0.25), arith(2.0 ** 60, 3), arith((2 ** 62 - 1), 1.0))
print(arith(1e308, 1e308), arith(-0.0, 0.5))
x = 1.25
x += 2
x -= 0.5
x *= 3
x /= 2
print(x)
for a, b in ((1.0, 0), (1, 0.0), (0.0, 0.0)):
    try:
        a / b
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


class F(float):
    def __add__(self, other):
        return "F.__add__"


print(F(1.0) + 2.0, type(F(1.0) * 2.0).__name__)


class A:
    pass


def store(o, v):
    o.x = v


a = A()
for i in range(3):
    store(a, i)
print(a.x)
A.x = property(lambda s: 99, lambda s, v: print("property setter", v))
store(a, 5)
print(a.x)
del A.x
store(a, 6)
print(a.x)
A.__setattr__ = lambda s, n, v: print("__setattr__", n, v)
store(a, 7)
print(a.x)
del A.__setattr__
b = A()
b.__dict__ = {"q": 1}
store(b, 8)
print(sorted(b.__dict__.items()))


class B(A):
    pass


c = B()
for i in range(2):
    store(c, i)
print(c.x)


class S:
    __slots__ = ("x",)


s = S()
for i in range(2):
    store(s, i)
print(s.x)
try:
    store(1, 2)
except AttributeError as e:
    print("AttributeError:", e)
