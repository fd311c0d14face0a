# A threaded echo server over loopback, socket options, makefile lines and no fd leaks.
import os
import socket
import threading


def fd_count():
    return len(os.listdir('/proc/self/fd'))


before = fd_count()
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print('reuseaddr', srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print('bound', host, port > 0)
print('family', srv.family == socket.AF_INET, srv.type == socket.SOCK_STREAM, srv.proto)
print(repr(srv.family), repr(srv.type))
print(repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'," in repr(srv))


peer = []


def serve():
    conn, addr = srv.accept()
    with conn:
        peer.append(addr[0])
        with conn.makefile('rb') as f:
            for line in f:
                conn.sendall(b'echo:' + line)
                if line == b'bye\n':
                    break


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(('127.0.0.1', port)) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print('nodelay', c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    print('keepalive', c.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) != 0)
    print('so_error', c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
    print('peer port ok', c.getpeername() == ('127.0.0.1', port))
    rf = c.makefile('r', encoding='utf-8')
    wf = c.makefile('w', encoding='utf-8')
    for word in ['hello', 'wörld', 'bye']:
        wf.write(word + '\n')
        wf.flush()
        print(repr(rf.readline()))
    rf.close()
    wf.close()
t.join()
print('server peer is loopback', peer[0])
srv.close()
print(repr(srv))
print('fds leaked', fd_count() - before)
