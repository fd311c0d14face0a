# loop.create_datagram_endpoint with DatagramProtocol: a UDP echo server and a connected
# client, an unconnected endpoint sending to an address, error_received for a "port
# unreachable" on a connected socket, sendto's argument checks, an existing socket (sock=),
# loop.sock_recvfrom / sock_sendto, the argument errors, and no file descriptor leaks.
import asyncio
import os
import socket


def fd_count():
    return len(os.listdir('/proc/self/fd'))


class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.events = []
        self.got = asyncio.Queue()
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.events.append('made')

    def datagram_received(self, data, addr):
        self.got.put_nowait((data, addr))

    def error_received(self, exc):
        self.events.append(f'error {type(exc).__name__}')
        self.got.put_nowait((None, None))

    def connection_lost(self, exc):
        self.events.append(f'lost {exc!r}')
        self.lost.set_result(None)


async def echo():
    loop = asyncio.get_running_loop()
    server_t, _ = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))
    server_addr = server_t.get_extra_info('sockname')
    print('server peername', server_t.get_extra_info('peername'))
    t, p = await loop.create_datagram_endpoint(Client, remote_addr=server_addr)
    print('client peername is server', t.get_extra_info('peername') == server_addr)
    for msg in (b'hello', bytearray(b'bytes'), memoryview(b'view')):
        t.sendto(msg)
        data, addr = await p.got.get()
        print(data, addr == server_addr)
    t.sendto(b'')
    try:
        t.sendto(b'x', ('127.0.0.1', 1))
    except ValueError as e:
        print('ValueError:', str(e).replace(str(server_addr), 'ADDR'))
    for bad in ('text', 5):
        try:
            t.sendto(bad)
        except TypeError as e:
            print('TypeError:', e)
    print('buffer size', t.get_write_buffer_size(), 'closing', t.is_closing())
    t.close()
    await p.lost
    print(p.events, t.is_closing())

    t, p = await loop.create_datagram_endpoint(Client, local_addr=('127.0.0.1', 0))
    for i in range(3):
        t.sendto(b'n%d' % i, server_addr)
    print(sorted([(await p.got.get())[0] for _ in range(3)]))
    t.abort()
    await p.lost
    print(p.events)
    server_t.close()


async def unreachable():
    loop = asyncio.get_running_loop()
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(('127.0.0.1', 0))
    closed_addr = probe.getsockname()
    probe.close()
    t, p = await loop.create_datagram_endpoint(Client, remote_addr=closed_addr)
    t.sendto(b'anyone?')
    await p.got.get()
    print(p.events, t.is_closing())
    t.close()
    await p.lost


async def existing_socket():
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(('127.0.0.1', 0))
    t, p = await loop.create_datagram_endpoint(Client, sock=sock)
    print('same socket', t.get_extra_info('socket') is sock or t.get_extra_info('socket').fileno() == sock.fileno())
    other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    other.bind(('127.0.0.1', 0))
    other.sendto(b'ping', sock.getsockname())
    data, addr = await p.got.get()
    print(data, addr == other.getsockname())
    other.close()
    t.close()
    await p.lost
    print('socket closed', sock.fileno())


async def sock_methods():
    loop = asyncio.get_running_loop()
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in (a, b):
        s.bind(('127.0.0.1', 0))
        s.setblocking(False)
    receiving = loop.create_task(loop.sock_recvfrom(a, 100))
    await asyncio.sleep(0)
    print('sent', await loop.sock_sendto(b, b'datagram', a.getsockname()))
    data, addr = await receiving
    print(data, addr == b.getsockname())
    a.close()
    b.close()


async def bad_arguments():
    loop = asyncio.get_running_loop()
    tcp = socket.socket()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    attempts = [
        dict(sock=tcp),
        dict(sock=udp, local_addr=('127.0.0.1', 0)),
        dict(sock=udp, family=socket.AF_INET, reuse_port=True),
        dict(),
        dict(local_addr='127.0.0.1'),
        dict(local_addr=('127.0.0.1', 0, 0)),
    ]
    for kwargs in attempts:
        try:
            await loop.create_datagram_endpoint(asyncio.DatagramProtocol, **kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ':', str(e).replace(repr(tcp), 'SOCK'))
    tcp.close()
    udp.bind(('127.0.0.1', 0))
    try:
        await loop.create_datagram_endpoint(asyncio.DatagramProtocol,
                                            local_addr=udp.getsockname())
    except OSError as e:
        print(type(e).__name__, e.errno)
    udp.close()


async def main():
    await echo()
    await unreachable()
    await existing_socket()
    await sock_methods()
    await bad_arguments()


before = fd_count()
asyncio.run(main())
print('fds leaked:', fd_count() - before)
