"""3. Concurrency vs parallelism.

Two CPU-bound jobs, run three ways: one after the other; on two threads (concurrent: they take
turns holding the GIL, so only one computes at any moment); on two processes (parallel: each
has its own interpreter and GIL, so with two free cores both compute at once). For each we
print the CPU time the jobs used and the wall time it took: CPU/wall is how many cores were
busy on average."""
import multiprocessing
import threading
import time


def job():
    """The CPU-bound job; returns the CPU seconds its own thread used."""
    start = time.thread_time()
    total = 0
    for i in range(5_000_000):
        total += i % 7
    return time.thread_time() - start


def sequential():
    return [job(), job()]


def with_threads():
    cpu = []
    threads = [threading.Thread(target=lambda: cpu.append(job()), name=f"job {i}")
               for i in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return cpu


def job_in_process(results):
    results.put(job())


def with_processes():
    """Two processes (multiprocessing forks them); each sends its CPU time back on a queue."""
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=job_in_process, args=(results,)) for _ in range(2)]
    for p in workers:
        p.start()
    cpu = [results.get() for _ in workers]
    for p in workers:
        p.join()
    return cpu


results = {}
for name, run in [("sequential", sequential), ("2 threads", with_threads),
                  ("2 processes", with_processes)]:
    start = time.perf_counter()
    cpu = sum(run())
    wall = time.perf_counter() - start
    results[name] = cpu / wall
    print(f"{name:<12} CPU {cpu:5.2f} s  wall {wall:5.2f} s  cores busy (CPU/wall) {cpu / wall:4.2f}")

# Threads share one GIL: their CPU time can never add up to more than one core's worth.
# Processes can reach 2.0, but only if the machine has two idle cores right now.
threads_one_core = results["2 threads"] < 1.15
processes_parallel = results["2 processes"] > 1.3
if threads_one_core:
    print("conclusion: threads used at most one core; processes "
          + ("ran in parallel on two cores" if processes_parallel
             else "could run in parallel, but this machine had no second idle core"))
else:
    print("conclusion: unexpected: threads used more than one core")
