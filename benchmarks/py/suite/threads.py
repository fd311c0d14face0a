# Threads: CPU-bound work split over threads, plus lock-protected shared counters and a queue.
import queue
import sys
import threading


def spin(n, out, k):
    t = 0
    for i in range(n):
        t = (t + i * i) & 0xFFFFFF
    out[k] = t


def run(n):
    out = [0] * 4
    ts = [threading.Thread(target=spin, args=(n, out, k)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    lock = threading.Lock()
    counter = [0]
    q = queue.Queue()

    def producer():
        for i in range(n // 20):
            q.put(i)
        q.put(None)

    def consumer():
        while True:
            item = q.get()
            if item is None:
                return
            with lock:
                counter[0] += item & 3

    pair = [threading.Thread(target=producer), threading.Thread(target=consumer)]
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    return sum(out), counter[0]


n = int(240_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
