# multiprocessing.connection: Pipe ends, the bytes and object protocols, errors, poll() and
# wait(), within one process and between processes.
import multiprocessing as mp
import os
import socket
import threading
from multiprocessing import connection
from multiprocessing.connection import Connection, Pipe, wait


def show(func):
    try:
        print(repr(func()))
    except Exception as e:
        print(type(e).__name__, e)


def echo(conn):
    while True:
        msg = conn.recv()
        conn.send(("echo", msg))
        if msg is None:
            break
    conn.close()


def send_later(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def send_partial(fd):
    # A header announcing 100 bytes, then only 3 of them.
    os.write(fd, b"\x00\x00\x00\x64abc")
    os.close(fd)


class FdHolder:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


if __name__ == "__main__":
    a, b = Pipe()
    print(type(a).__name__, a.readable, a.writable, a.closed, type(a.fileno()).__name__)
    print(connection.BufferTooShort is mp.BufferTooShort, Connection is mp.connection.Connection)

    # Bytes.
    a.send_bytes(b"hello")
    print(b.recv_bytes())
    a.send_bytes(bytearray(b"abc"))
    print(b.recv_bytes())
    a.send_bytes(memoryview(b"abcdef"), 1, 3)
    print(b.recv_bytes())
    a.send_bytes(b"")
    print(b.recv_bytes())
    for args in [(b"abc", 3), (b"abc", 0, 0), (b"abc", 0, 3), (b"abc", 1), (b"abc", 2, None)]:
        a.send_bytes(*args)
        print(args, b.recv_bytes())
    for args in [(b"abc", -1), (b"abc", 4), (b"abc", 1, 5), (b"abc", 0, -1), (b"abc", 3, 1),
                 ("text",), (5,), (b"abc", 1.0), (b"abc", 0, 1.5)]:
        show(lambda: a.send_bytes(*args))
    a.send_bytes(b"12345678")
    buf = bytearray(10)
    print(b.recv_bytes_into(buf, 2), buf)
    a.send_bytes(b"xyz")
    buf = bytearray(b"......")
    print(b.recv_bytes_into(buf), buf)
    a.send_bytes(b"12345678")
    try:
        b.recv_bytes_into(bytearray(4))
    except mp.BufferTooShort as e:
        print("BufferTooShort", e.args, type(e).__module__, isinstance(e, mp.ProcessError))
    a.send_bytes(b"xy")
    show(lambda: b.recv_bytes_into(bytearray(3), 5))
    show(lambda: b.recv_bytes_into(bytearray(3), -1))
    show(lambda: b.recv_bytes_into(bytearray(3), 3))
    a.send_bytes(b"xy")
    show(lambda: b.recv_bytes_into(bytearray(3), 1))
    mv = memoryview(bytearray(4))
    a.send_bytes(b"mv")
    print(b.recv_bytes_into(mv, 1), bytes(mv))
    show(lambda: b.recv_bytes(-1))
    a.send_bytes(b"abc")
    show(lambda: b.recv_bytes(3))
    a.send_bytes(b"")
    show(lambda: b.recv_bytes(0))
    big = bytes(range(256)) * 1000
    t = threading.Thread(target=a.send_bytes, args=(big,))
    t.start()
    print(b.recv_bytes() == big)
    t.join()

    # Objects.
    for obj in [1, "two", [3.0, None], {"four": b"4"}, (), ("nested", [1, {2: 3}])]:
        a.send(obj)
        print(repr(b.recv()))
    a.send(12)
    show(lambda: b.recv_bytes(2))
    print("after bad length", b.closed, b.readable, b.writable)
    show(b.poll)
    show(b.recv)
    b.send("still writable")
    print(a.recv())

    # poll().
    c, d = Pipe()
    print(d.poll(), d.poll(0), d.poll(0.01), d.poll(-1))
    c.send(None)
    print(d.poll(), d.poll(None), d.poll(timeout=5), d.recv())
    show(lambda: d.poll("x"))

    # Closing.
    with c:
        print("in with", c.closed)
    print("after with", c.closed)
    for op, args in [("send", (1,)), ("recv", ()), ("poll", ()), ("fileno", ()),
                     ("recv_bytes", ()), ("send_bytes", (b"x",)),
                     ("recv_bytes_into", (bytearray(2),))]:
        show(lambda: getattr(c, op)(*args))
    c.close()
    print("peer sees", d.poll(), end=" ")
    show(d.recv)
    show(d.recv_bytes)

    # One-way pipes.
    r, w = Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    for op, args in [(w.recv, ()), (r.send, (1,)), (w.poll, ()), (r.send_bytes, (b"",)),
                     (w.recv_bytes, ()), (w.recv_bytes_into, (bytearray(1),))]:
        show(lambda: op(*args))
    w.send_bytes(b"x" * 10)
    show(lambda: r.recv_bytes(5))
    print("one-way after bad length", r.closed, r.readable)
    r, w = Pipe(False)
    w.send(("partial", 1))
    w.close()
    print(r.recv(), r.poll())
    show(r.recv)
    r.close()
    rfd, wfd = os.pipe()
    send_partial(wfd)
    partial = Connection(rfd, writable=False)
    show(partial.recv_bytes)
    partial.close()

    # Constructor.
    for args in [(-1,), (0, False, False), ("3",), (3.0,)]:
        show(lambda: Connection(*args))
    rfd, wfd = os.pipe()
    wc = Connection(wfd, readable=False)
    rc = Connection(rfd, writable=False)
    wc.send({"raw": "fds"})
    print(rc.recv(), rc.fileno() == rfd)
    wc.close()
    rc.close()

    # wait().
    r1, w1 = Pipe(False)
    r2, w2 = Pipe(False)
    print(wait([r1, r2], 0), wait([], 0), wait([r1], 0.01))
    w2.send("x")
    print(wait([r1, r2], None) == [r2], wait([r1, r2], 5) == [r2])
    print(wait([r1.fileno(), r2.fileno()], 1) == [r2.fileno()])
    print(wait([FdHolder(r2.fileno())], 1)[0].fileno() == r2.fileno())
    s1, s2 = socket.socketpair()
    s2.send(b"!")
    print(wait([s1, r1], 1) == [s1])
    s1.close()
    s2.close()
    r2.recv()
    w1.close()
    print("eof is ready", wait([r1, r2], 1) == [r1], wait([r1], -5) == [r1])
    show(r1.recv)

    # Between processes.
    a, b = Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for msg in [1, "two", [3.0], {"four": 4}, None]:
        a.send(msg)
        print(a.recv())
    a.close()
    p.join()
    print("echo exit", p.exitcode)
    readers = []
    procs = []
    for n in range(3):
        r, w = Pipe(duplex=False)
        p = mp.Process(target=send_later, args=(w, [n, n * 10]))
        p.start()
        w.close()
        readers.append(r)
        procs.append(p)
    got = []
    while readers:
        for r in wait(readers, 30):
            try:
                got.append(r.recv())
            except EOFError:
                readers.remove(r)
                r.close()
    for p in procs:
        p.join()
    print("gathered", sorted(got), [p.exitcode for p in procs])
