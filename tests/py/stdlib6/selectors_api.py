# selectors: registration bookkeeping, readiness reports and errors for every selector class.
import os
import re
import selectors
import socket

print(selectors.EVENT_READ, selectors.EVENT_WRITE, selectors.DefaultSelector.__name__)
print(issubclass(selectors.DefaultSelector, selectors.BaseSelector))
key = selectors.SelectorKey('f', 3, selectors.EVENT_READ, None)
print(key, key.fileobj, key.fd, key.events, key.data, key._fields)
print(key == ('f', 3, 1, None), isinstance(key, tuple))


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return 'FileLike(%d)' % self.fd


class Named:
    def fileno(self):
        raise AttributeError('no fileno')

    def __repr__(self):
        return 'Named()'


class BadFileno:
    def fileno(self):
        return 'x'

    def __repr__(self):
        return 'BadFileno()'


# Descriptor numbers differ from one environment to another: messages show them by name.
fd_names = {}


def named_fds(text):
    return re.sub(r"(FileLike\(|FD |')(\d+)",
                  lambda m: m.group(1) + fd_names.get(int(m.group(2)), m.group(2)), text)


def attempt(label, func):
    try:
        print(label, named_fds(repr(func())))
    except Exception as e:
        print(label, type(e).__name__, named_fds(str(e)))


def ready(sel, timeout=0):
    return sorted((k.data, ev) for k, ev in sel.select(timeout))


classes = [selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector,
           selectors.DefaultSelector]
for cls in classes:
    print('==', cls.__name__)
    a, b = socket.socketpair()
    c, d = socket.socketpair()
    fd_names.update({a.fileno(): 'fd_a', b.fileno(): 'fd_b', c.fileno(): 'fd_c', d.fileno(): 'fd_d'})
    sel = cls()
    k1 = sel.register(a, selectors.EVENT_READ, 'a')
    print(type(k1).__name__, k1.fileobj is a, k1.fd == a.fileno(), k1.events, k1.data)
    k2 = sel.register(c.fileno(), selectors.EVENT_READ | selectors.EVENT_WRITE, data='c')
    print(k2.fileobj == c.fileno(), k2.events)
    print(ready(sel))
    b.send(b'x')
    print(ready(sel, 1))
    print(ready(sel, -1))
    a.recv(1)
    m = sel.get_map()
    print(len(m), sorted(k.data for k in m.values()), a in m, c.fileno() in m, b in m)
    print(m[a] is k1, m[c] is k2, sel.get_key(a) is k1, sel.get_key(c.fileno()) is k2)
    print(sorted(m) == sorted([a.fileno(), c.fileno()]))
    attempt('get_key b', lambda: sel.get_key(FileLike(b.fileno())))
    attempt('map b', lambda: m[Named()])
    attempt('map a.fileno', lambda: m[a.fileno()].data)
    attempt('register twice', lambda: sel.register(FileLike(a.fileno()), selectors.EVENT_READ) and None)
    attempt('register same fd', lambda: sel.register(a.fileno(), selectors.EVENT_READ) and None)
    attempt('register events 0', lambda: sel.register(d, 0))
    attempt('register events 4', lambda: sel.register(d, 4))
    attempt('register events -1', lambda: sel.register(d, -1))
    attempt('register bad', lambda: sel.register(Named(), 1))
    attempt('register neg fd', lambda: sel.register(-1, 1))
    attempt('register bad fileno', lambda: sel.register(BadFileno(), 1))
    attempt('unregister missing', lambda: sel.unregister(Named()))
    attempt('modify missing', lambda: sel.modify(Named(), 1))
    attempt('modify events 0', lambda: sel.modify(a, 0).events)
    print('still registered', a in sel.get_map())
    if a not in sel.get_map():
        sel.register(a, selectors.EVENT_READ, 'a')
    k3 = sel.modify(a, selectors.EVENT_READ, 'a2')
    print('modify data', k3.data, k3.events, sel.get_key(a).data, k3 is not k1)
    k4 = sel.modify(a, selectors.EVENT_WRITE, 'a3')
    print('modify events', k4.data, k4.events)
    print(ready(sel))
    k5 = sel.modify(a, selectors.EVENT_WRITE, 'a3')
    print('modify same', k5 == k4)
    k6 = sel.modify(FileLike(c.fileno()), selectors.EVENT_READ)
    print('modify by fileno', k6.fileobj == c.fileno(), k6.events, k6.data)
    removed = sel.unregister(a)
    print('unregister', removed.data, len(m), a in m)
    attempt('unregister again', lambda: sel.unregister(a.fileno()) and None)
    # A closed socket can still be unregistered: the selector remembers its fd.
    e, f = socket.socketpair()
    sel.register(e, selectors.EVENT_READ, 'e')
    e.close()
    print('closed', sel.unregister(e).data, len(sel.get_map()))
    sel.register(FileLike(b.fileno()), selectors.EVENT_WRITE, 'fl')
    print(ready(sel))
    print(named_fds(repr(sel.get_key(b.fileno()).fileobj)))
    sel.close()
    print('after close', sel.get_map())
    attempt('get_key closed', lambda: sel.get_key(a))
    attempt('len map', lambda: len(m))
    with cls() as s2:
        s2.register(d, selectors.EVENT_WRITE, 'd')
        print('with', ready(s2), len(s2.get_map()))
    print(s2.get_map())
    for s in (a, b, c, d, f):
        s.close()

# Timeouts: 0 and a short positive value return an empty list when nothing is ready.
for cls in classes:
    with cls() as sel:
        a, b = socket.socketpair()
        sel.register(a, selectors.EVENT_READ)
        print(cls.__name__, sel.select(0), sel.select(0.01), sel.select(timeout=0.001))
        a.close()
        b.close()

# Hang-up of the peer is reported as readable.
for cls in classes:
    with cls() as sel:
        a, b = socket.socketpair()
        sel.register(a, selectors.EVENT_READ, 'a')
        b.close()
        print(cls.__name__, 'hup', ready(sel, 1))
        a.close()

# A pipe: read end and write end registered on one selector.
with selectors.DefaultSelector() as sel:
    r, w = os.pipe()
    sel.register(r, selectors.EVENT_READ, 'r')
    sel.register(w, selectors.EVENT_WRITE, 'w')
    print('pipe', ready(sel))
    os.write(w, b'zz')
    print('pipe', ready(sel))
    os.close(r)
    os.close(w)

with selectors.EpollSelector() as sel:
    print(type(sel.fileno()).__name__, sel.fileno() >= 0)


# BaseSelector is abstract; its modify() and get_key() build on the other methods.
class Mini(selectors.BaseSelector):
    def __init__(self):
        self.keys = {}

    def register(self, fileobj, events, data=None):
        key = selectors.SelectorKey(fileobj, fileobj, events, data)
        self.keys[fileobj] = key
        return key

    def unregister(self, fileobj):
        return self.keys.pop(fileobj)

    def select(self, timeout=None):
        return []

    def get_map(self):
        return self.keys


attempt('abstract', lambda: selectors.BaseSelector())
fd_names.clear()
mini = Mini()
mini.register(5, 1, 'x')
print(mini.modify(5, 2, 'y'), mini.get_key(5))
attempt('mini missing', lambda: mini.get_key(6))
with mini as entered:
    print(entered is mini)
print(mini.close())
print(sorted(selectors.BaseSelector.__abstractmethods__))
