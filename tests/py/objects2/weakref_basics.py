# weakref.ref / proxy / getweakrefcount / the weak containers / finalize. The collector is a
# tracing one, so objects are dropped inside helper functions and gc.collect() is called; the
# checks are on conclusions that hold for CPython and minipy alike.
import gc
import weakref


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class C:
    def method(self):
        return 'm'


def f():
    pass


c = C()
r = weakref.ref(c)
print(r() is c, weakref.ref(c) is r, r == weakref.ref(c), hash(r) == hash(c), r.__callback__)
print(repr(r).startswith('<weakref at 0x'), "; to 'C' at 0x" in repr(r))
print(repr(weakref.ref(f)).endswith('(f)>'), type(r).__name__, weakref.ref is weakref.ReferenceType)
r1 = weakref.ref(c, print)
print(r1 is not r, r1.__callback__ is print, weakref.getweakrefcount(c), weakref.getweakrefcount(1))
print(weakref.getweakrefs(c) == [r, r1] or weakref.getweakrefs(c) == [r1, r], weakref.getweakrefs(1))
print(r == r1, r != r1, r == 1)

show(lambda: weakref.ref())
show(lambda: weakref.ref(c, None, 1))
show(lambda: weakref.ref(1))
show(lambda: weakref.ref('s'))
show(lambda: weakref.ref((1,)))
show(lambda: weakref.ref([]))
print(weakref.ref(len)() is len)
show(lambda: weakref.ref(Exception()))
show(lambda: weakref.ref(c, callback=None))
show(lambda: weakref.proxy())
for T in (int, tuple, bytes, str, float, list, dict, set, Exception):
    class S(T):
        pass
    try:
        weakref.ref(S())
        print(T.__name__, 'ok')
    except TypeError as e:
        print(e)
class Slotted:
    __slots__ = ('x',)


class SlottedWeak:
    __slots__ = ('x', '__weakref__')


class SlottedChild(SlottedWeak):
    __slots__ = ()


class Unslotted(Slotted):
    pass


for cls in (Slotted, SlottedWeak, SlottedChild, Unslotted):
    try:
        print(cls.__name__, weakref.ref(cls())() is None or True)
    except TypeError as e:
        print(e)
for o in (set(), frozenset(), C, f, c.method, gc, (x for x in ())):
    print(type(weakref.ref(o)()).__name__)

# Weak references to built-in (never collected) objects survive collections (this crashed).
import sys
statics = [weakref.ref(int), weakref.ref(len), weakref.ref(sys), weakref.ref(object),
           weakref.ref(print, lambda w: print('never called')), weakref.proxy(int), weakref.ref(weakref.ref)]
for _ in range(3):
    gc.collect()
    junk = [object() for _ in range(20000)]
print([r() is not None for r in statics[:5]], statics[5].__name__, weakref.getweakrefcount(int))

# Proxies forward to the referent.
c.a = 5
p = weakref.proxy(c)
print(p.a, p.method(), bool(p), type(p).__name__, type(weakref.proxy(f)).__name__)
p.b = 3
print(c.b)
del p.b
print(hasattr(c, 'b'), repr(p).startswith('<weakproxy at 0x'))
show(lambda: hash(p))
lp = weakref.proxy(C)
print(lp().__class__.__name__, weakref.proxy(f)() is None)


class Box(list):
    pass


b = Box([3, 1, 2])
bp = weakref.proxy(b)
print(len(bp), bp[0], 2 in bp, sorted(bp), bp + [9], list(iter(bp)))

# Callbacks run after the referent is collected; dead references answer None.
events = []


def make_dead(n):
    refs = []
    for i in range(n):
        obj = C()
        refs.append(weakref.ref(obj, lambda w, i=i: events.append(i)))
    return refs


refs = make_dead(50)
gc.collect()
dead = sum(1 for w in refs if w() is None)
print(dead >= 45, len(events) >= 45, len(set(events)) == len(events))
w = next(w for w in refs if w() is None)
print(repr(w).endswith('; dead>'), w == w, w != refs[-1] or w is refs[-1])
show(lambda: hash(w))


def make_proxy():
    return weakref.proxy(C())


proxies = [make_proxy() for _ in range(20)]
gc.collect()
errors = 0
for px in proxies:
    try:
        px.method
    except ReferenceError as e:
        errors += 1
        message = str(e)
print(errors >= 15, message)

# A weak reference dropped before its referent does not call its callback.
called = []
keep = C()
tmp = weakref.ref(keep, lambda w: called.append(1))
del tmp
gc.collect()
print(called, weakref.getweakrefcount(keep) <= 1)


# WeakValueDictionary, WeakKeyDictionary, WeakSet.
class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'Obj(%d)' % self.n


keep = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for i, o in enumerate(keep):
    wvd[i] = o


def fill_values(d, n):
    for i in range(100, 100 + n):
        d[i] = Obj(i)


fill_values(wvd, 40)
gc.collect()
print(len(wvd) <= 10, sorted(k for k in wvd.keys() if k < 100), wvd[2], wvd.get(99), 3 in wvd, 77 in wvd)
show(lambda: wvd[999])
print(sorted(o.n for o in wvd.values() if o.n < 100), repr(wvd).startswith('<WeakValueDictionary at 0x'))
print(wvd.pop(4), 4 in wvd, wvd.setdefault(4, keep[4]), wvd.setdefault(4, keep[0]))
del wvd[4]
print(4 in wvd, sorted(k for k, v in wvd.items() if k < 100))

wkd = weakref.WeakKeyDictionary()
for o in keep:
    wkd[o] = o.n * 10


def fill_keys(d, n):
    for i in range(n):
        d[Obj(i)] = i


fill_keys(wkd, 40)
gc.collect()
print(len(wkd) <= 10, wkd[keep[1]], keep[2] in wkd, Obj(1) in wkd, 1 in wkd, sorted(wkd[o] for o in keep))
del wkd[keep[0]]
print(keep[0] in wkd, wkd.get(keep[0], 'gone'), sorted(o.n for o in wkd.keys() if o in keep))

ws = weakref.WeakSet(keep[:3])


def fill_set(s, n):
    for i in range(n):
        s.add(Obj(i))


fill_set(ws, 40)
gc.collect()
print(len(ws) <= 8, keep[0] in ws, keep[4] in ws, 1 in ws)
ws.discard(keep[0])
ws.add(keep[4])
print(sorted(o.n for o in ws if o in keep), ws == weakref.WeakSet(keep[1:3] + [keep[4]]) or len(ws) > 3)
show(lambda: weakref.WeakSet().pop())

# WeakMethod and finalize.
obj = C()
wm = weakref.WeakMethod(obj.method)
print(wm()(), wm() == obj.method)
show(lambda: weakref.WeakMethod(f))

log = []
target = C()
fin = weakref.finalize(target, log.append, 'finalized')
print(fin.alive, fin.atexit, fin.peek()[1:] == (log.append, ('finalized',), {}))
print(fin(), fin.alive, log, fin(), fin.peek(), fin.detach())
fin2 = weakref.finalize(target, log.append, 'never')
print(fin2.detach()[0] is target, fin2.alive)


def finalize_dropped(n):
    for i in range(n):
        weakref.finalize(C(), log.append, i)


log.clear()
finalize_dropped(30)
gc.collect()
print(len(log) >= 25)
weakref.finalize(keep[0], print, 'at exit: registered first, called last')
weakref.finalize(keep[1], print, 'at exit: registered last, called first')
print('end of script')
