"""5. Processes, threads and coroutines side by side.

What does it cost to have many of each waiting at once? We start 50 processes, 300 threads
and 20,000 coroutines (asyncio tasks), all blocked waiting, and measure the time to start them
and the memory they take: the resident set (VmRSS) from /proc, for a process its own (pages
shared with the parent count again in each child), for threads and coroutines our growth."""
import asyncio
import os
import threading
import time


def rss_kib(pid="self"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


def processes(n=50):
    read_end, write_end = os.pipe()
    start, pids = time.perf_counter(), []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            os.close(write_end)         # else this child would keep its own pipe open
            os.read(read_end, 1)        # wait until the parent closes the pipe
            os._exit(0)
        pids.append(pid)
    elapsed = time.perf_counter() - start
    memory = sum(rss_kib(pid) for pid in pids)
    os.close(write_end)                 # end of file: every child's read returns
    for pid in pids:
        os.waitpid(pid, 0)
    os.close(read_end)
    return n, elapsed, memory


def threads(n=300):
    before, done = rss_kib(), threading.Event()
    start = time.perf_counter()
    pool = [threading.Thread(target=done.wait) for _ in range(n)]
    for t in pool:
        t.start()
    elapsed, memory = time.perf_counter() - start, rss_kib() - before
    done.set()
    for t in pool:
        t.join()
    return n, elapsed, memory


def coroutines(n=20_000):
    async def main():
        before, done = rss_kib(), asyncio.Event()
        start = time.perf_counter()
        tasks = [asyncio.create_task(done.wait()) for _ in range(n)]
        await asyncio.sleep(0)          # let every task start and block on the event
        elapsed, memory = time.perf_counter() - start, rss_kib() - before
        done.set()
        await asyncio.gather(*tasks)
        return n, elapsed, memory
    return asyncio.run(main())


cost = {}
print(f"{'kind':<11} {'how many':>9} {'start-up':>10} {'per one':>10} {'memory':>10} {'per one':>10}")
for kind, run in [("processes", processes), ("threads", threads), ("coroutines", coroutines)]:
    runs = [run() for _ in range(3)]  # best time of 3 (load only adds), memory of the 1st (fresh heap)
    n, elapsed, memory = runs[0][0], min(r[1] for r in runs), runs[0][2]
    cost[kind] = (elapsed / n, memory / n)
    print(f"{kind:<11} {n:>9,} {elapsed:>8.3f} s {elapsed / n * 1e6:>7.0f} us "
          f"{memory / 1024:>6.1f} MiB {memory / n:>7.1f} KiB")

time_order = cost["processes"][0] > cost["threads"][0] > cost["coroutines"][0]
memory_order = cost["processes"][1] > cost["threads"][1] > cost["coroutines"][1]
if time_order and memory_order:
    print("conclusion: a process costs more than a thread, a thread more than a coroutine, "
          "in start-up time and in memory")
else:
    print(f"conclusion: unexpected order (time {time_order}, memory {memory_order})")
