"""Demonstration (a): CPU-bound work, sequential vs 2 and 4 threads vs 2 and 4 processes.

The same total work (4 equal chunks of integer arithmetic) is split over workers. Threads
share one GIL, so they cannot beat sequential; processes each have their own interpreter and
can use every core. "cores busy" is CPU time / wall time (the children's CPU time for
processes): the GIL keeps threads at or below 1.0, processes can reach the number of idle
cores."""
import os
import threading
import time

import _common

CHUNK = 3_000_000


def chunk():
    total = 0
    for i in range(CHUNK):
        total += i * i % 7
    return total


def clocks():
    """Wall time and the CPU time of this process plus its waited-for children."""
    t = os.times()
    return time.perf_counter(), t.user + t.system + t.children_user + t.children_system


def since(start):
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def sequential():
    start = clocks()
    for _ in range(4):
        chunk()
    return since(start)


def threads(n):
    def run():
        start = clocks()
        pool = [threading.Thread(target=lambda: [chunk() for _ in range(4 // n)])
                for _ in range(n)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        return since(start)
    return run


def processes(n):
    """fork() n children that each do 4/n chunks; the parent waits for all of them."""
    def run():
        start = clocks()
        pids = []
        for _ in range(n):
            pid = os.fork()
            if pid == 0:
                for _ in range(4 // n):
                    chunk()
                os._exit(0)
            pids.append(pid)
        for pid in pids:
            os.waitpid(pid, 0)
        return since(start)
    return run


def measure(args):
    configs = [("sequential", sequential), ("2 threads", threads(2)), ("4 threads", threads(4)),
               ("2 processes", processes(2)), ("4 processes", processes(4))]
    best = _common.best_of(args.runs, configs)
    base = best["sequential"][0]
    return [(label, {"wall s": wall, "speed-up": base / wall, "cores busy": cpu / wall})
            for label, (wall, cpu) in best.items()]


if __name__ == "__main__":
    _common.main("cpu", "CPU-bound work: 4 chunks", ["wall s", "speed-up", "cores busy"],
                 measure)
