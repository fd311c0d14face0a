# Dunder methods reach the interpreter's operations, including ones assigned after the class
# was created, inherited from built-in types, and the result checks CPython applies.
def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


class Vec:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.c, o.c)]) if isinstance(o, Vec) else NotImplemented
    def __radd__(self, o):
        return Vec(*[a + o for a in self.c])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(*[-a for a in self.c])
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __repr__(self):
        return 'Vec%r' % (self.c,)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __bool__(self):
        return any(self.c)


v = Vec(1, 2)
print(v + Vec(3, 4), 1 + v, v * 3, 3 * v, -v, v == Vec(1, 2), v != Vec(1, 2), len(v), v[1], list(v))
print(bool(Vec(0, 0)), bool(v), 2 in v, 5 in v)
attempt(lambda: v - v)
attempt(lambda: v < v)
attempt(lambda: hash(v))
w = v
w += Vec(1, 1)
print(w, v, w is v)


class Sub(Vec):
    def __radd__(self, o):
        return 'Sub.__radd__'


print(Vec(1) + Sub(1))


class Late:
    pass


x = Late()
attempt(lambda: len(x))
Late.__len__ = lambda self: 7
print(len(x), bool(x))
Late.__bool__ = lambda self: False
print(bool(x))
del Late.__len__
attempt(lambda: len(x))
Late.__iter__ = lambda self: iter([1, 2, 3])
print(list(x), 2 in x)
Late.__call__ = lambda self, *a, **k: (a, k)
print(x(1, b=2), callable(x))


class Bad:
    def __len__(self): return 'x'
    def __bool__(self): return 1
    def __repr__(self): return 5
    def __str__(self): return 6
    def __hash__(self): return 'h'
    def __index__(self): return 1.5
    def __iter__(self): return 3
    def __format__(self, spec): return 7


b = Bad()
for f in (len, bool, repr, str, hash, iter, lambda o: [1, 2][o], lambda o: format(o, ''), lambda o: '%s' % o):
    attempt(lambda: f(b))


class NegLen:
    def __len__(self): return -1


attempt(lambda: len(NegLen()))


class MyList(list):
    def total(self):
        return sum(self)


m = MyList([3, 1, 2])
m.sort()
m.label = 'mine'
print(m, m.total(), len(m), m.label, m + [9], type(m + [9]).__name__, m[:1], isinstance(m, list))


class MyDict(dict):
    def __missing__(self, k):
        return k * 2


d = MyDict(a=1)
print(d['a'], d['zz'], d.get('zz'), len(d), sorted(vars(d)))


class MyStr(str):
    pass


s = MyStr('hello')
s.extra = 1
print(s, s.upper(), s.extra, len(s), s == 'hello', hash(s) == hash('hello'), type(s + 'x').__name__)


class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)


print(MyInt(1) + 1, 1 + MyInt(1), MyInt(5) * 2, type(MyInt(5) * 2).__name__, MyInt(3) == 3)


class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'Cmp(%d)' % self.v


print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) > Cmp(0), max(Cmp(1), Cmp(4)))
attempt(lambda: Cmp(1) <= Cmp(2))


class Eq:
    def __eq__(self, o): return True


print(Eq.__hash__, Eq() == 1, 1 == Eq(), Eq() != 1)
attempt(lambda: {Eq()})
print(int.__add__(2, 3), (2).__add__(3), (2).__radd__(3), int.__add__, str.upper)
attempt(lambda: int.__add__('a', 1))
attempt(lambda: (1).__add__())
print(object.__eq__(1, 1), object.__ne__(1, 2), object().__lt__(1), hasattr([], '__radd__'))
