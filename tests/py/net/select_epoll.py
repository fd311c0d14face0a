# select(), poll and epoll readiness, and selectors over each of them.
import os
import select
import selectors
import socket


def fd_count():
    return len(os.listdir('/proc/self/fd'))


before = fd_count()
a, b = socket.socketpair()
print(select.select([a], [], [], 0))
r, w, x = select.select([a.fileno()], [a], [], 0)
print(r, w == [a], x)
b.send(b'1')
r, w, x = select.select([a, b], [], [], 1.0)
print(r == [a], w, x)
print(a.recv(1))
for bad in ([-1], [object()]):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

p = select.poll()
p.register(a, select.POLLIN)
print(p.poll(0))
b.send(b'2')
print(p.poll(1000) == [(a.fileno(), select.POLLIN)])
p.modify(a, select.POLLOUT)
print(p.poll(0) == [(a.fileno(), select.POLLOUT)])
p.unregister(a)
try:
    p.unregister(a)
except KeyError as e:
    print('KeyError', e.args[0] == a.fileno())
print(a.recv(1))

with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(a.fileno(), select.EPOLLIN)
    print(ep.poll(0))
    b.send(b'3')
    print(ep.poll(1) == [(a.fileno(), select.EPOLLIN)])
    ep.modify(a, select.EPOLLIN | select.EPOLLOUT)
    print(ep.poll(timeout=1, maxevents=1) == [(a.fileno(), select.EPOLLIN | select.EPOLLOUT)])
    ep.unregister(a)
    print(ep.poll(0))
    try:
        ep.unregister(a)
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print(e)
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
print(a.recv(1))
ep2 = select.epoll()
ep3 = select.epoll.fromfd(os.dup(ep2.fileno()))
print(type(ep3).__name__, ep3.closed)
ep2.close()
ep3.close()
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLERR, select.EPOLLHUP, select.EPOLLRDHUP, select.EPOLLET,
      select.EPOLLONESHOT, select.POLLIN, select.POLLOUT)

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector, selectors.DefaultSelector):
    with cls() as sel:
        key = sel.register(a, selectors.EVENT_READ, data='reader')
        print(cls.__name__, key.fd == a.fileno(), key.events, key.data)
        print(sel.select(0))
        b.send(b'!')
        ready = sel.select(1)
        print([(k.data, ev) for k, ev in ready])
        a.recv(1)
        key = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data='both')
        print([(k.data, ev) for k, ev in sel.select(0)])
        print(sel.get_key(a).data, len(sel.get_map()), a in sel.get_map())
        try:
            sel.register(a, selectors.EVENT_READ)
        except KeyError:
            print('already registered')
        sel.unregister(a)
        try:
            sel.get_key(a)
        except KeyError:
            print('not registered')
        try:
            sel.register(a, 0)
        except ValueError as e:
            print(e)
print(selectors.DefaultSelector is selectors.EpollSelector, selectors.SelectorKey._fields)
a.close()
b.close()
print('fds leaked', fd_count() - before)
