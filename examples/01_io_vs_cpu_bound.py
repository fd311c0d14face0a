"""1. I/O-bound vs CPU-bound.

The same job -- handle five requests -- once limited by the CPU (each request computes) and
once limited by waiting (each request waits 0.1 s, like a slow disk or network). We time each
with a wall clock (time.perf_counter) and a CPU clock (time.process_time): a CPU-bound job keeps
the CPU busy the whole time it runs, an I/O-bound job mostly sleeps. Then we run the five
requests on five threads: that hides the waits but cannot add CPU, so only the I/O-bound job
gets faster (the GIL lets one thread compute at a time)."""
import threading
import time

REQUESTS = 5


def cpu_request():
    return sum(i * i for i in range(400_000))   # pure computation


def io_request():
    time.sleep(0.1)                              # waiting: the CPU is free meanwhile


def timed(label, run):
    # Best of three runs: a busy machine can only slow a run down, never speed it up.
    best = None
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if best is None or wall < best[0]:
            best = wall, cpu
    wall, cpu = best
    print(f"  {label:<28} wall {wall:6.3f} s   CPU {cpu:6.3f} s   CPU/wall {cpu / wall:4.0%}")
    return wall, cpu


def one_after_another(request):
    return lambda: [request() for _ in range(REQUESTS)]


def on_threads(request):
    def run():
        threads = [threading.Thread(target=request) for _ in range(REQUESTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return run


print(f"{REQUESTS} requests, one after another:")
cpu_wall, cpu_cpu = timed("CPU-bound (computing)", one_after_another(cpu_request))
io_wall, io_cpu = timed("I/O-bound (waiting)", one_after_another(io_request))
print(f"{REQUESTS} requests on {REQUESTS} threads:")
cpu_wall_t, cpu_cpu_t = timed("CPU-bound (computing)", on_threads(cpu_request))
io_wall_t, _ = timed("I/O-bound (waiting)", on_threads(io_request))

cpu_speedup, io_speedup = cpu_wall / cpu_wall_t, io_wall / io_wall_t
print(f"speed-up from threads: CPU-bound {cpu_speedup:.2f}x, I/O-bound {io_speedup:.2f}x")
print(f"cores the CPU-bound threads kept busy: {cpu_cpu_t / cpu_wall_t:.2f} (the GIL allows 1; "
      f"a CPU-bound speed-up here only means the machine was busy)")
# Wall-clock speed-ups jump around on a busy machine, so judge the CPU-bound case by the cores
# it kept busy (CPU/wall): under the GIL the threads never computed on more than one at once.
# The I/O-bound job used almost no CPU, and its waits overlapped on threads.
io_mostly_waiting = io_cpu < 0.2 * io_wall
cpu_one_core = cpu_cpu_t / cpu_wall_t < 1.2
if io_mostly_waiting and io_speedup > 2 and cpu_one_core:
    print("conclusion: the I/O-bound job mostly waited and threads sped it up; "
          "the CPU-bound job's threads never computed on more than one core")
else:
    print("conclusion: unexpected measurements (is the machine overloaded?)")
