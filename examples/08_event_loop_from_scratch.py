"""8. An event loop from scratch (24 lines), then the same program on asyncio.

A task is a generator yielding ("sleep", seconds) or ("read", sock). The loop keeps a ready
queue, a heap of sleepers and an epoll object: each iteration runs every ready task to its next
yield, then blocks in epoll until a socket is readable or the first sleeper is due."""
import asyncio
import heapq
import select
import socket
import time
from collections import deque


class Loop:
    def __init__(self, tasks):
        self.ready, self.sleepers, self.readers = deque(tasks), [], {}
        self.epoll, self.ticket = select.epoll(), 0

    def run(self):
        while self.ready or self.sleepers or self.readers:
            while self.ready:                        # run every task that can run
                task = self.ready.popleft()
                kind, arg = next(task, ("done", None))  # runs until the task's next yield
                if kind == "sleep":
                    self.ticket += 1                 # breaks ties without comparing tasks
                    heapq.heappush(self.sleepers, (time.monotonic() + arg, self.ticket, task))
                elif kind == "read":
                    self.readers[arg.fileno()] = task
                    self.epoll.register(arg.fileno(), select.EPOLLIN)
            # Sleep until the first sleeper is due; with none, wait for I/O only (-1).
            timeout = max(0, self.sleepers[0][0] - time.monotonic()) if self.sleepers else -1
            if self.readers or timeout > 0:
                for fd, _ in self.epoll.poll(timeout):
                    self.epoll.unregister(fd)
                    self.ready.append(self.readers.pop(fd))
            while self.sleepers and self.sleepers[0][0] <= time.monotonic():
                self.ready.append(heapq.heappop(self.sleepers)[2])


def our_program(log):
    left, right = socket.socketpair()                # blocking is fine: recv only once readable
    def reader():
        log.append("reader waits for data")
        yield "read", right                          # resumed when right is readable
        log.append(f"reader got {right.recv(100)!r}")
    def writer():
        yield "sleep", 0.15
        left.send(b"ping")
        log.append("writer sent b'ping'")
    def ticker():
        for i in range(3):
            log.append(f"tick {i}")
            yield "sleep", 0.03
    return [reader(), writer(), ticker()]


async def asyncio_program(log):                      # the same tasks: `await` for `yield`
    left, right = socket.socketpair()
    right.setblocking(False)                         # asyncio's sock_recv requires it
    async def reader():
        log.append("reader waits for data")
        data = await asyncio.get_running_loop().sock_recv(right, 100)  # epoll, inside asyncio
        log.append(f"reader got {data!r}")
    async def writer():
        await asyncio.sleep(0.15)
        left.send(b"ping")
        log.append("writer sent b'ping'")
    async def ticker():
        for i in range(3):
            log.append(f"tick {i}")
            await asyncio.sleep(0.03)
    await asyncio.gather(reader(), writer(), ticker())


ours, theirs = [], []
Loop(our_program(ours)).run()
asyncio.run(asyncio_program(theirs))
print(f"our loop: {' | '.join(ours)}\nasyncio : {' | '.join(theirs)}")
same = "the 24-line loop and asyncio interleaved the tasks in the same order"
print("conclusion:", same if ours == theirs else "the two loops interleaved the tasks differently")
