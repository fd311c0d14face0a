# Address conversion, byte order, name lookups and argument errors.
import socket

print(socket.inet_aton('127.0.0.1'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'))
print(socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01'))
print(socket.inet_ntop(socket.AF_INET, b'\xc0\xa8\x01\x02'))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.gethostbyname('localhost'), socket.gethostbyname('127.0.0.1'))
print(isinstance(socket.gethostname(), str))
infos = socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)
print(infos[0][0] == socket.AF_INET, infos[0][1] == socket.SOCK_STREAM, infos[0][4])
print(socket.getdefaulttimeout())
print(issubclass(socket.gaierror, OSError), socket.error is OSError)
for bad in [lambda: socket.inet_aton('not an ip'),
            lambda: socket.inet_ntoa(b'\x01'),
            lambda: socket.htons(-1),
            lambda: socket.socket().bind('x'),
            lambda: socket.socket().bind(('127.0.0.1', 70000)),
            lambda: socket.socket().settimeout(-1),
            lambda: socket.socket().recv(-1),
            lambda: socket.socket().send('text')]:
    try:
        bad()
    except (OSError, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

srv = socket.create_server(('127.0.0.1', 0), reuse_port=True)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0, srv.gettimeout())
with socket.create_connection(srv.getsockname(), timeout=2) as c:
    conn, addr = srv.accept()
    print(c.gettimeout(), conn.gettimeout(), addr == c.getsockname())
    conn.close()
srv.close()
with socket.create_server(('::1', 0), family=socket.AF_INET6) as s6:
    print(s6.getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
print(socket.has_dualstack_ipv6())
