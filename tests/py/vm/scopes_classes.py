def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
c(); c()
print(c(), c.__closure__[0].cell_contents)
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in make_adders()])
x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    def inner():
        return x
    return inner()
print(read_global(), shadow())
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
free_unbound()
try:
    undefined_name
except NameError as e:
    print(e)

class Base:
    greeting = "hi"
    def __init__(self, v):
        self.v = v
    def hello(self):
        return f"{self.greeting} {self.v}"
    def __repr__(self):
        return f"{type(self).__name__}({self.v!r})"
class Derived(Base):
    greeting = "hello"
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def hello(self):
        return super().hello() + f" and {self.w}"
d = Derived(1, 2)
print(d.hello(), d, Derived.__mro__[1].__name__, Derived.__qualname__, Derived.__module__)
class WithClassVar:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    total = sum(items)
print(WithClassVar.doubled, WithClassVar.total)
def class_in_function(val):
    class Inner:
        attr = val
        def get(self):
            return val
    return Inner
I = class_in_function(42)
print(I.attr, I().get(), I.__qualname__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = kw
        return super().__new__(mcls, name, bases, ns)
class UsesMeta(metaclass=Meta, flag=True):
    pass
print(UsesMeta.added, type(UsesMeta).__name__)
class Init:
    def __init_subclass__(cls, tag=None, **kw):
        cls.tag = tag
class Sub(Init, tag="t"):
    pass
print(Sub.tag)
class Private:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
print(Private().get(), Private()._Private__secret)
class Doc:
    "class doc"
print(Doc.__doc__)
class Prop:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
pr = Prop()
pr.x = 5
print(pr.x)
print(__class__ if False else "ok", [locals().get("pr") is pr])
def uses_locals(a, b=2):
    c = 3
    return sorted(locals().items())
print(uses_locals(1))
