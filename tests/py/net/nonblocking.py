# Non-blocking sockets, timeouts, refused connections, closed sockets and socketpair.
import errno
import os
import socket


def fd_count():
    return len(os.listdir('/proc/self/fd'))


before = fd_count()
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.setblocking(False)
print('blocking', a.getblocking(), a.gettimeout())
try:
    a.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN)
b.send(b'ping')
print(a.recv(10))
a.setblocking(True)
print('blocking', a.getblocking(), a.gettimeout())
a.settimeout(0.05)
print('timeout', a.gettimeout(), a.timeout)
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
a.settimeout(None)
buf = bytearray(8)
b.sendall(b'abc')
n = a.recv_into(buf)
print(n, buf)
b.sendall(b'xyz')
print(a.recv_into(buf, 2), buf)
print(a.recv(10))
b.shutdown(socket.SHUT_WR)
print('eof', a.recv(10))
a.close()
b.close()
a.close()
print(a.fileno())
for call in (lambda: a.recv(1), lambda: a.send(b'x'), lambda: a.getsockname()):
    try:
        call()
    except OSError as e:
        print(type(e).__name__, e)

# A port nobody listens on: bind one, close it, connect to it.
probe = socket.socket()
probe.bind(('127.0.0.1', 0))
port = probe.getsockname()[1]
probe.close()
c = socket.socket()
try:
    c.connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print('refused', e.errno == errno.ECONNREFUSED, e)
c.close()
with socket.socket() as c:
    print('connect_ex', c.connect_ex(('127.0.0.1', port)) == errno.ECONNREFUSED)
try:
    socket.create_connection(('127.0.0.1', port), timeout=1)
except ConnectionRefusedError as e:
    print('create_connection refused', e)

# Datagrams.
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(('127.0.0.1', 0))
u2.bind(('127.0.0.1', 0))
u2.sendto(b'datagram', u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u1.close()
u2.close()

# Peer gone: writing fails with EPIPE, not SIGPIPE.
x, y = socket.socketpair()
y.close()
try:
    for _ in range(3):
        x.sendall(b'z' * 1000)
except BrokenPipeError as e:
    print('BrokenPipeError', e)
x.close()

d = socket.socket()
fd = d.detach()
print('detached', d.fileno(), fd >= 0)
e = socket.socket(fileno=fd)
print('adopted', e.fileno() == fd, e.family == socket.AF_INET)
f = e.dup()
print('dup', f.fileno() != fd, f.type == socket.SOCK_STREAM)
e.close()
f.close()

with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s6:
    s6.bind(('::1', 0))
    print('v6', s6.getsockname()[0], len(s6.getsockname()))
print('fds leaked', fd_count() - before)
