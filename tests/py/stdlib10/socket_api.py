# socket's Python layer: the socket class (context manager, repr, accept, dup, makefile),
# the enums, socketpair, fromfd, create_server and create_connection.
import socket


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(socket.AF_INET, repr(socket.AF_INET), repr(socket.SOCK_STREAM), socket.AddressFamily(2))
print(isinstance(socket.AF_UNIX, socket.AddressFamily), int(socket.SOCK_DGRAM))
a, b = socket.socketpair()
print(type(a).__name__, a.family, a.type, a.proto)
with a, b:
    a.sendall(b'hello')
    print(b.recv(10))
    r = repr(a)
    print(r.startswith('<socket.socket fd='), 'family=1, type=1, proto=0' in r)
    c = a.dup()
    print(c.fileno() != a.fileno(), c.family, c.gettimeout())
    c.send(b'x')
    print(b.recv(1))
    c.close()
    print('[closed]' in repr(c), c.fileno())
    show(lambda: c.send(b'x'))
    f = socket.fromfd(a.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
    print(type(f).__name__, f.fileno() != a.fileno())
    f.close()
    show(lambda: __import__('pickle').dumps(a))
print(a.fileno(), b.fileno())

# makefile
a, b = socket.socketpair()
wf = a.makefile('wb')
rf = b.makefile('rb')
print(wf.writable(), rf.readable(), wf.fileno() == a.fileno())
wf.write(b'line one\nline two\nrest')
wf.flush()
a.close()
print(a.fileno() != -1 or 'closed')
wf.close()
print(rf.readline(), rf.readline(4), rf.readline(), rf.read())
rf.close()
b.close()
show(lambda: rf.read())
a, b = socket.socketpair()
tw = a.makefile('w', encoding='utf-8')
tr = b.makefile('r', encoding='utf-8')
tw.write('héllo\nworld\n')
tw.flush()
tw.close()
a.close()
print(tr.readline(), tr.read(), tr.encoding)
tr.close()
b.close()
show(lambda: socket.socket().makefile('x'))
s = socket.socket()
print(s.family, s.type, s.gettimeout())
s.close()

# server + client
srv = socket.create_server(('127.0.0.1', 0))
port = srv.getsockname()[1]
print(srv.family, srv.type, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
cl = socket.create_connection(('127.0.0.1', port), timeout=5)
print(cl.gettimeout())
conn, addr = srv.accept()
print(type(conn).__name__, addr[0], conn.gettimeout(), 'raddr=' in repr(conn), 'laddr=' in repr(conn))
conn.sendall(b'ping')
print(cl.recv(4))
for x in (conn, cl, srv):
    x.close()
show(lambda: socket.create_connection(('127.0.0.1', port)))
try:
    socket.create_connection(('127.0.0.1', port), all_errors=True)
except ExceptionGroup as eg:
    print(type(eg).__name__, eg.message, [type(e).__name__ for e in eg.exceptions])
busy = socket.create_server(('127.0.0.1', 0))
try:
    socket.create_server(busy.getsockname(), reuse_port=False)
    print('bound twice')
except OSError as e:
    print(type(e).__name__, 'while attempting to bind on address' in str(e))
busy.close()
show(lambda: socket.create_server(('127.0.0.1', 0), dualstack_ipv6=True, family=socket.AF_INET))
