# inspect: modules, files, source, getattr_static, getcallargs, getfullargspec, get_annotations, frames.
import functools
import inspect
import os
import re
import sys
import types

import _helper


def clean(text):
    return re.sub(' at 0x[0-9a-f]+', '', str(text)).replace(os.getcwd() + os.sep, '')


def show(label, fn):
    try:
        print(label, clean(fn()))
    except Exception as e:
        print(label, type(e).__name__, clean(e))


def base(path):
    return os.path.basename(path) if isinstance(path, str) else path


# --- getmodule / getfile / getsourcefile
for obj in (_helper, _helper.top, _helper.Klass, _helper.Klass.meth, _helper.Klass().meth, _helper.Klass.Inner,
            _helper.lam, _helper.make(), _helper.top.__code__, sys._getframe()):
    print(getattr(inspect.getmodule(obj), '__name__', None), base(inspect.getfile(obj)),
          base(inspect.getsourcefile(obj)))
print(inspect.getmodule(len).__name__, inspect.getmodule(3), inspect.getmodule(int).__name__)
show('getfile int', lambda: inspect.getfile(int))
show('getfile sys', lambda: inspect.getfile(sys))
show('getfile len', lambda: inspect.getfile(len))
show('getfile 3', lambda: inspect.getfile(3))
show('getsourcefile 3', lambda: inspect.getsourcefile(3))
print(inspect.getmodule(show).__name__, base(inspect.getfile(show)))


class Local:
    def m(self):
        pass


print(base(inspect.getfile(Local)), inspect.getmodule(Local).__name__)
fake = types.ModuleType('fake')
show('getfile fake', lambda: inspect.getfile(fake))

# --- getsource / getsourcelines
for obj in (_helper.top, _helper.Klass, _helper.Klass.meth, _helper.Klass.Inner, _helper.decorated,
            _helper.make(), _helper.lam, Local, Local.m):
    lines, start = inspect.getsourcelines(obj)
    print(start, len(lines), repr(inspect.getsource(obj)))
lines, start = inspect.getsourcelines(_helper)
print(start, len(lines), lines[0])
print(inspect.getsource(_helper) == open(_helper.__file__).read())
show('getsource int', lambda: inspect.getsource(int))
show('getsource len', lambda: inspect.getsource(len))
show('getsource exec', lambda: inspect.getsource(eval('lambda: 0')))
ns = {}
exec('def dyn():\n    pass\n', ns)
show('getsource dyn', lambda: inspect.getsource(ns['dyn']))
print(inspect.getcomments(_helper.decorated) if hasattr(inspect, 'getcomments') else None)

# --- getattr_static


class Desc:
    def __get__(self, obj, owner=None):
        return 'got'


class Meta(type):
    mattr = 'meta'


class S(metaclass=Meta):
    cls_attr = 1
    d = Desc()
    def __getattr__(self, name):
        return 'dynamic'
    @property
    def p(self):
        raise RuntimeError('should not run')


class T(S):
    pass


s = T()
s.inst = 2
print(inspect.getattr_static(s, 'inst'), inspect.getattr_static(s, 'cls_attr'), type(inspect.getattr_static(s, 'd')).__name__)
print(type(inspect.getattr_static(s, 'p')).__name__, inspect.getattr_static(s, 'missing', 'dflt'))
show('missing', lambda: inspect.getattr_static(s, 'missing'))
print(inspect.getattr_static(T, 'mattr'), inspect.getattr_static(T, 'cls_attr'), type(inspect.getattr_static(T, 'd')).__name__)
print(type(inspect.getattr_static(S, '__getattr__')).__name__, inspect.getattr_static(3, 'real') is int.__dict__['real'])
show('missing cls', lambda: inspect.getattr_static(T, 'nope'))
print(type(inspect.getattr_static(_helper.Klass, 'meth')).__name__)
print(inspect.getattr_static(_helper, 'lam') is _helper.lam)


class SlotsS:
    __slots__ = ('a',)


ss = SlotsS()
print(type(inspect.getattr_static(ss, 'a')).__name__)
ss.a = 5
print(type(inspect.getattr_static(ss, 'a')).__name__)


# --- getcallargs
def f(a, b=1, *args, c, d=2, **kw): pass
def g(x, /, y=0): pass


class M:
    def meth(self, p, q=0): pass


for args, kwargs in [((1,), {'c': 2}), ((1, 2, 3, 4), {'c': 5, 'z': 6}), ((), {'a': 1, 'c': 2})]:
    show('getcallargs f', lambda: inspect.getcallargs(f, *args, **kwargs))
show('getcallargs missing', lambda: inspect.getcallargs(f))
show('getcallargs missing c', lambda: inspect.getcallargs(f, 1))
show('getcallargs multi', lambda: inspect.getcallargs(f, 1, a=2, c=3))
show('getcallargs unexpected', lambda: inspect.getcallargs(g, 1, z=2))
show('getcallargs too many', lambda: inspect.getcallargs(g, 1, 2, 3))
show('getcallargs posonly', lambda: inspect.getcallargs(g, 1))
show('getcallargs method', lambda: inspect.getcallargs(M().meth, 7))
show('getcallargs unbound', lambda: inspect.getcallargs(M.meth, 'self', 7, q=1))

# --- getfullargspec
def h(a, b: int = 1, /, c=2, *args: str, d, e: float = 3.0, **kw) -> list: pass


for fn in (f, g, h, lambda: 0, M.meth, M().meth, functools.partial(f, 1), _helper.Klass, min):
    show('fullargspec', lambda: inspect.getfullargspec(fn))
print(inspect.getfullargspec(h).args, inspect.getfullargspec(h).kwonlydefaults, type(inspect.getfullargspec(h)).__name__)
show('fullargspec 3', lambda: inspect.getfullargspec(3))

# --- get_annotations


class Ann:
    x: int
    y: 'str' = 'a'


class NoAnn(Ann):
    pass


def ann(a: 'int', b: list = None) -> 'bool': pass


for obj in (Ann, NoAnn, ann, _helper, h, lambda: 0):
    show('get_annotations', lambda: inspect.get_annotations(obj))
show('eval', lambda: inspect.get_annotations(ann, eval_str=True))
show('eval cls', lambda: inspect.get_annotations(Ann, eval_str=True))
show('bad', lambda: inspect.get_annotations(3))
show('partial', lambda: inspect.get_annotations(functools.partial(ann)))
print(inspect.get_annotations(ann) is not ann.__annotations__)

# --- frames
def where():
    frame = inspect.currentframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name


def outer():
    return where()


print(outer())


def info():
    fi = inspect.getframeinfo(inspect.currentframe())
    print(type(fi).__name__, base(fi.filename), fi.lineno, fi.function, fi.code_context, fi.index)
    print(fi[2], fi[3], len(fi))
    fi = inspect.getframeinfo(inspect.currentframe(), context=3)
    print(fi.code_context, fi.index)
    fi = inspect.getframeinfo(inspect.currentframe(), context=0)
    print(fi.code_context, fi.index)
    st = inspect.stack()
    print([(f.function, f.lineno) for f in st[:2]], type(st[0]).__name__, base(st[0].filename), st[0].code_context)
    print(st[0][3], st[0].frame is sys._getframe())
    return inspect.stack(0)[0].code_context


print(info())
try:
    1 / 0
except ZeroDivisionError as e:
    t = inspect.trace()
    print(len(t), t[0].function, t[0].code_context)
    fi = inspect.getframeinfo(e.__traceback__)
    print(fi.function, fi.lineno, fi.code_context)
print(inspect.getouterframes(sys._getframe())[0].function if hasattr(inspect, 'getouterframes') else None)


# more getcallargs error shapes
def a1(a, *, k=1): pass
def a2(a, b, c, *, x, y, z): pass
def a3(a, b=1, *, k=1): pass
def z0(): pass
def v(*a): pass


for fn, a, kw in [(a1, (1, 2), {'k': 3}), (a2, (), {}), (a2, (1, 2, 3), {}), (a2, (1, 2, 3, 4), {'x': 1, 'y': 2}),
                  (a3, (1, 2, 3), {'k': 1}), (a3, (1, 2, 3), {}), (a1, (1, 2, 3), {}), (g, (1,), {'x': 2}),
                  (g, (), {'x': 2}), (z0, (1,), {}), (z0, (), {'a': 1}), (v, (), {'a': 1}), (v, (1, 2), {}),
                  (a3, (1, 2, 3), {'b': 1}), (a3, (1,), {'q': 1, 'r': 2}), (M().meth, (1, 2, 3), {}), (M.meth, (), {}),
                  (g, (1,), {'y': 2, 'x': 3}), (a2, (), {'x': 1}), (z0, (1,), {'k': 1})]:
    show(fn.__name__, lambda: inspect.getcallargs(fn, *a, **kw))

# more source shapes: decorated class, multi-line signature and strings, local class
for obj in (_helper.Decorated, _helper.Decorated.long_signature, _helper.factory(), _helper.one_liner):
    lines, start = inspect.getsourcelines(obj)
    print(start, len(lines), repr(inspect.getsource(obj)))
show('getsource frame', lambda: inspect.getsource(sys._getframe()).count('\n') > 100)
print(inspect.getsourcelines(_helper.top.__code__)[1])
print(inspect.getsourcelines(sys._getframe())[1], inspect.getsource(sys._getframe()) == open(__file__).read())
