# Attribute lookup order, descriptors (property, classmethod, staticmethod, custom), super(),
# __getattr__/__getattribute__/__setattr__, __class__ assignment and the AttributeError texts.
def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


class Data:
    def __get__(self, obj, owner):
        return 'data' if obj is not None else 'data-class'
    def __set__(self, obj, value):
        obj.__dict__['_set'] = value


class NonData:
    def __get__(self, obj, owner):
        return 'nondata'


class C:
    d = Data()
    n = NonData()
    plain = 'class'


c = C()
c.__dict__['d'] = 'shadow?'
c.__dict__['n'] = 'instance wins'
print(c.d, c.n, C.d, C.n, c.plain)
c.d = 5
print(c._set, vars(c))


class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        """the x"""
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    ro = property(lambda self: 1)


p = P()
p.x = 3
print(p.x, P.x.__doc__, type(P.x).__name__, P.x.fget.__name__, P.ro.fset)
attempt(lambda: setattr(p, 'ro', 2))
attempt(lambda: delattr(p, 'x'))
attempt(lambda: property().__get__(1))


class K:
    @classmethod
    def make(cls, *a):
        return cls.__name__, a
    @staticmethod
    def st(x):
        return x * 2


class K2(K): pass


print(K.make(1), K2.make(), K2().make(2), K.st(4), K().st(5), staticmethod(len)([1, 2]))
print(type(K.__dict__['make']).__name__, K.__dict__['st'].__func__.__name__, K.make.__self__)


class Base:
    def who(self):
        return 'Base'
    @classmethod
    def cm(cls):
        return 'Base.cm:' + cls.__name__


class Mid(Base):
    def who(self):
        return 'Mid>' + super().who()
    @classmethod
    def cm(cls):
        return 'Mid>' + super().cm()


class Leaf(Mid):
    def who(self):
        return 'Leaf>' + super(Leaf, self).who()


print(Leaf().who(), Leaf.cm(), super(Mid, Leaf()).who())
attempt(lambda: super(Base, 1))
attempt(lambda: super(1, Base()))


class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(name)


dy = Dyn()
print(dy.real, dy.auto_yes, hasattr(dy, 'nothing'), getattr(dy, 'nothing', 'dflt'))


class Logged:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append('del ' + name)
        object.__delattr__(self, name)


lg = Logged()
lg.a = 1
del lg.a
print(lg.magic, lg.log, hasattr(lg, 'a'))


class Widget:
    pass


for f in [lambda: (5).nope, lambda: 'text'.nosuch(), lambda: Widget().colour, lambda: Widget.klass,
          lambda: None.anything, lambda: [].push]:
    attempt(f)
attempt(lambda: setattr(1, 'real', 5))
attempt(lambda: setattr(1, 'x', 5))
attempt(lambda: setattr('s', 'upper', 5))
attempt(lambda: delattr(Widget(), 'zz'))
try:
    Widget().missing
except AttributeError as e:
    print(e.name, type(e.obj).__name__)


class A1: pass
class B1: pass


a = A1()
a.__class__ = B1
print(type(a).__name__, isinstance(a, B1))
attempt(lambda: setattr(a, '__class__', int))
attempt(lambda: setattr(a, '__class__', 1))
attempt(lambda: setattr(a, '__dict__', 1))
a.__dict__ = {'z': 1}
print(a.z, sorted(k for k in dir(a) if not k.startswith('__')))
print(object().__format__('').startswith('<object object at 0x'))
attempt(lambda: format(A1(), 'x'))
attempt(lambda: A1(1))
attempt(lambda: object(1))
print(repr(A1()).startswith('<__main__.A1 object at 0x'), str(object()).startswith('<object object at'))
print(K.make.__qualname__, str.upper.__qualname__, 'a'.upper.__name__, type(len).__name__, type(K.st).__name__)
print(repr(type.__dict__['__name__']), repr(object.__dict__['__class__']), repr(dict.__dict__['fromkeys']))
