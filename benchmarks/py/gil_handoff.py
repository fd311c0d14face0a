# GIL hand-off latency between two threads, measured from Python: the main thread and a
# partner ping-pong through two locks, so every round trip hands the GIL over twice (each side
# releases it while blocked in Lock.acquire). Runs unchanged under CPython and minipy; compare
# with BM_GilHandoffBlocking in benchmarks/micro/bench_gil.cpp.
# usage: python gil_handoff.py [ROUND_TRIPS]    (default 20000)
import sys
import threading
import time


def measure(round_trips):
    ping = threading.Lock()
    pong = threading.Lock()
    ping.acquire()
    pong.acquire()

    def partner():
        for _ in range(round_trips):
            ping.acquire()
            pong.release()

    t = threading.Thread(target=partner)
    t.start()
    start = time.perf_counter()
    for _ in range(round_trips):
        ping.release()
        pong.acquire()
    elapsed = time.perf_counter() - start
    t.join()
    return elapsed


def main():
    round_trips = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    measure(min(round_trips, 1000))  # warm-up: thread start, first wake-ups
    best = min(measure(round_trips) for _ in range(3))
    impl = sys.implementation.name
    print("gil_handoff impl=%s round_trips=%d round_trip_us=%.2f handoff_us=%.2f"
          % (impl, round_trips, best / round_trips * 1e6, best / round_trips / 2 * 1e6))


if __name__ == "__main__":
    main()
