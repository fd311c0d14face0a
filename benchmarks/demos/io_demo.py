"""Demonstration (b): I/O-bound work, sequential vs threads vs asyncio tasks.

Two kinds of waiting, 20 jobs each: sleeping 50 ms, and a real socket round-trip to a local
server (started here, on a thread) that answers after 50 ms. One after another the waits add
up; on threads or asyncio tasks they overlap, and the total approaches a single wait."""
import asyncio
import socket
import threading
import time

import _common

JOBS, DELAY = 20, 0.05


def start_server():
    """A thread-per-connection server that answers every request after DELAY."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    def answer(conn):
        with conn:
            conn.recv(100)
            time.sleep(DELAY)
            conn.sendall(b"done")
    def serve():
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=answer, args=(conn,), daemon=True).start()
    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


PORT = start_server()


def sleep_job():
    time.sleep(DELAY)


def socket_job():
    with socket.create_connection(("127.0.0.1", PORT)) as s:
        s.sendall(b"request")
        s.recv(100)


async def sleep_task():
    await asyncio.sleep(DELAY)


async def socket_task():
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writer.write(b"request")
    await reader.read(100)
    writer.close()
    await writer.wait_closed()


def timed(fn):
    def run():
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    return run


def on_threads(job):
    def run():
        pool = [threading.Thread(target=job) for _ in range(JOBS)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
    return run


def on_asyncio(task):
    async def all_tasks():
        await asyncio.gather(*(task() for _ in range(JOBS)))
    return lambda: asyncio.run(all_tasks())


def measure(args):
    configs = [
        ("sleep: sequential", lambda: [sleep_job() for _ in range(JOBS)]),
        ("sleep: threads", on_threads(sleep_job)),
        ("sleep: asyncio", on_asyncio(sleep_task)),
        ("socket: sequential", lambda: [socket_job() for _ in range(JOBS)]),
        ("socket: threads", on_threads(socket_job)),
        ("socket: asyncio", on_asyncio(socket_task)),
    ]
    best = _common.best_of(args.runs, [(label, timed(fn)) for label, fn in configs])
    return [(label, {"wall s": t, "x one wait": t / DELAY}) for label, t in best.items()]


if __name__ == "__main__":
    _common.main("io", f"I/O-bound work: {JOBS} waits of {DELAY * 1000:g} ms",
                 ["wall s", "x one wait"], measure)
