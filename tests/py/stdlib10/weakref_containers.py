# weakref's Python layer: WeakMethod, KeyedRef, WeakValueDictionary, WeakKeyDictionary,
# WeakSet and finalize. Objects are dropped inside helpers and gc.collect() is called, since
# minipy's collector is a tracing one.
import gc
import weakref


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def collect():
    # Overwrites stale interpreter slots first, and the checks only ask that some dropped
    # objects went: minipy sometimes keeps the last dropped object alive a little longer.
    [O(-1) for _ in range(3)]
    gc.collect()


def show_type(f):
    # For errors whose message holds an address.
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


class O:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'O(%d)' % self.n

    def m(self):
        return 'm%d' % self.n


print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print(sorted(weakref.__all__))

# WeakMethod
# (Whether a WeakMethod dies with its object is left out: minipy kept the object of a
# bound method alive in some layouts, an interpreter matter.)

a = O(1)
wm = weakref.WeakMethod(a.m)
print(wm()(), wm() == a.m, isinstance(wm, weakref.ref))
wm2 = weakref.WeakMethod(a.m)
print(wm == wm2, wm != wm2, hash(wm) == hash(wm2), wm == 1, wm != 1)
show(lambda: weakref.WeakMethod(len))
show(lambda: weakref.WeakMethod(O.m))

# KeyedRef
kr = weakref.KeyedRef(a, None, 'key')
print(kr.key, kr() is a, isinstance(kr, weakref.ref))
show(lambda: weakref.KeyedRef(a, None))

# WeakValueDictionary
keep = [O(i) for i in range(5)]
d = weakref.WeakValueDictionary({'a': keep[0]}, b=keep[1])
d['c'] = keep[2]
print(len(d), sorted(d), sorted(d.keys()), sorted(d.items(), key=str), sorted(d.values(), key=str))
print('a' in d, 'z' in d, d['a'], d.get('z'), d.get('z', 5), d.get('b'))
show(lambda: d['z'])
print(d.pop('a'), d.pop('a', 'dflt'))
show(lambda: d.pop('a'))
print(d.setdefault('b', keep[3]), d.setdefault('x', keep[4]), sorted(d))
del d['x']
show(lambda: d.__delitem__('x'))
print(sorted(k for k in d), len(d.valuerefs()), sorted(r() for r in d.itervaluerefs()) if False else len(list(d.itervaluerefs())))
print(type(d.valuerefs()[0]).__name__, d.valuerefs()[0].key in d)
c = d.copy()
print(type(c).__name__, sorted(c.items(), key=str))
import copy
print(sorted(copy.copy(d).items(), key=str))
dc = copy.deepcopy(d)
print(type(dc).__name__, sorted(dc))
u = d | {'q': keep[0]}
print(type(u).__name__, sorted(u))
d |= {'r': keep[1]}
print(sorted(d))
print((d.__or__(5)))
d.update([('s', keep[2])], t=keep[3])
print(sorted(d))
print(repr(d).startswith('<WeakValueDictionary at 0x'))
k, v = d.popitem()
print(k not in d, v in keep)
d.clear()
print(len(d), list(d.items()))
show(lambda: d.popitem())


def fill_values(dd):
    for i in range(3):
        dd[i] = O(i)
    dd['kept'] = keep[0]


wv = weakref.WeakValueDictionary()
fill_values(wv)
collect()
print(len(wv) < 4, 'kept' in wv, wv['kept'])
show(lambda: weakref.WeakValueDictionary(1))


class SubV(weakref.WeakValueDictionary):
    pass


sv = SubV(x=keep[0])
print(type(sv.copy()).__name__, type(sv | {}).__name__)

# WeakKeyDictionary
k = [O(i) for i in range(5)]
kd = weakref.WeakKeyDictionary({k[0]: 'a'})
kd[k[1]] = 'b'
kd.update({k[2]: 'c'}, )
kd.update(x=1) if False else None
print(len(kd), sorted(kd, key=repr), sorted(kd.items(), key=repr), sorted(kd.values()))
print(k[0] in kd, k[3] in kd, 1 in kd, kd[k[0]], kd.get(k[3]), kd.get(k[3], 'd'))
show_type(lambda: kd[k[3]])
show(lambda: kd[1])
print(kd.pop(k[0]), kd.pop(k[0], 'gone'))
show_type(lambda: kd.pop(k[0]))
print(kd.setdefault(k[1], 'z'), kd.setdefault(k[3], 'n'), len(kd))
del kd[k[3]]
show_type(lambda: kd.__delitem__(k[3]))
print(len(kd.keyrefs()), type(kd.keyrefs()[0]).__name__)
print(type(kd.copy()).__name__, sorted(kd.copy().items(), key=repr))
print(sorted((kd | {k[4]: 'e'}).items(), key=repr))
kd |= {k[4]: 'e'}
print(len(kd), repr(kd).startswith('<WeakKeyDictionary at 0x'))
kk, vv = kd.popitem()
print(kk in k, kk not in kd)
kd.clear()
show(lambda: kd.popitem())


def fill_keys(dd):
    for i in range(3):
        dd[O(i)] = i
    dd[k[0]] = 'kept'


wk = weakref.WeakKeyDictionary()
fill_keys(wk)
collect()
print(len(wk) < 4, k[0] in wk, wk[k[0]])

# WeakSet
s = weakref.WeakSet([k[0], k[1]])
s.add(k[2])
print(len(s), sorted(s, key=repr), k[0] in s, k[3] in s, 1 in s)
s.discard(k[3])
show_type(lambda: s.remove(k[3]))
s.remove(k[2])
print(sorted(s, key=repr), repr(weakref.WeakSet()), repr(weakref.WeakSet([k[0]])).startswith('WeakSet({<weakref at 0x'))
t = weakref.WeakSet([k[1], k[2]])
print(sorted(s | t, key=repr), sorted(s & t, key=repr), sorted(s - t, key=repr), sorted(s ^ t, key=repr))
print(sorted(s.union([k[3]]), key=repr), sorted(s.intersection([k[0]]), key=repr))
print(s <= t, s < weakref.WeakSet(k), s >= weakref.WeakSet([k[0]]), s > weakref.WeakSet([k[0]]))
print(s == weakref.WeakSet([k[0], k[1]]), s == {k[0], k[1]}, s != t, s.isdisjoint(t), s.issubset(k), s.issuperset([k[0]]))
s2 = s.copy()
s2 |= t
print(len(s2))
s2 -= t
print(sorted(s2, key=repr))
s2 &= [k[0]]
print(sorted(s2, key=repr))
s2 ^= [k[0], k[4]]
print(sorted(s2, key=repr))
s2.difference_update(s2)
print(len(s2))
s2.update(k)
s2.symmetric_difference_update([k[0]])
s2.intersection_update(k[:3])
print(sorted(s2, key=repr), len(s.difference([k[0]])), len(s.symmetric_difference(t)))
print(s2.pop() in k, len(s2))
s2.clear()
show(lambda: s2.pop())
show(lambda: hash(s2))


def fill_set(ss):
    for i in range(3):
        ss.add(O(i))
    ss.add(k[0])


ws = weakref.WeakSet()
fill_set(ws)
collect()
print(len(ws) < 4, k[0] in ws)

# finalize
log = []


def fin(*args, **kw):
    log.append((args, kw))
    return 'done'


obj = O(9)
f = weakref.finalize(obj, fin, 1, x=2)
print(f.alive, f.atexit, f.peek()[1:] == (fin, (1,), {'x': 2}), f.peek()[0] is obj)
f.atexit = False
print(f.atexit)
print(repr(f).startswith('<finalize object at 0x'), "; for 'O' at 0x" in repr(f))
print(f(), f(), f.alive, f.peek(), f.detach(), log)
print(repr(f).endswith('; dead>'))
g = weakref.finalize(obj, fin, 3)
print(g.detach()[1:] == (fin, (3,), {}), g.alive, g(), g.detach())


def make_fin():
    o = O(10)
    return weakref.finalize(o, fin, 'collected')


h = make_fin()
collect()
print(h.alive, log[-1])
show(lambda: weakref.finalize())
show(lambda: weakref.finalize(1, fin))
keepalive = O(11)
weakref.finalize(keepalive, print, 'at exit 1')
weakref.finalize(keepalive, print, 'at exit 2')
weakref.finalize(keepalive, print, 'not at exit').atexit = False
print('end')
