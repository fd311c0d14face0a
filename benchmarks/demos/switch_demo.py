"""Demonstration (c): the switch interval's effect on throughput and latency.

Two CPU-bound threads count as fast as they can while a third thread repeatedly sleeps 2 ms
and measures how late it gets to run Python again after each sleep (its latency: waking up
is not enough, it must also get the GIL back from a counting thread). A short interval means
frequent switches (more overhead, lower latency); a long one the opposite. The interval is
sys.setswitchinterval's, run for each value in turn."""
import sys
import threading
import time

import _common

INTERVALS = [0.0005, 0.001, 0.005, 0.02, 0.1]
DURATION, NAP = 0.6, 0.002


def one_run(interval):
    sys.setswitchinterval(interval)
    stop = time.perf_counter() + DURATION
    counts, lateness = [0, 0], []

    def count(slot):
        n = 0
        while time.perf_counter() < stop:
            n += 1
        counts[slot] = n

    def napper():
        while True:                          # at least one nap, however late it starts
            due = time.perf_counter() + NAP
            time.sleep(NAP)
            lateness.append(time.perf_counter() - due)
            if time.perf_counter() >= stop:
                break

    pool = [threading.Thread(target=napper)]
    pool += [threading.Thread(target=count, args=(i,)) for i in range(2)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    lateness.sort()
    return sum(counts) / DURATION / 1e6, lateness[len(lateness) // 2] * 1000, \
        lateness[-1] * 1000


def measure(args):
    default = sys.getswitchinterval()
    rows = []
    for interval in INTERVALS:
        runs = [one_run(interval) for _ in range(args.runs)]
        # The best throughput and the best latencies seen: load only makes either worse.
        rows.append((f"{interval * 1000:g} ms", {
            "median latency ms": min(r[1] for r in runs),
            "worst latency ms": min(r[2] for r in runs),
            "M counts/s": max(r[0] for r in runs)}))
    sys.setswitchinterval(default)
    return rows


if __name__ == "__main__":
    _common.main("switch", "Switch interval: latency of a sleeping thread beside 2 CPU threads",
                 ["median latency ms", "worst latency ms", "M counts/s"], measure)
