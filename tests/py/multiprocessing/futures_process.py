# concurrent.futures.ProcessPoolExecutor: submit, map, shutdown, errors, broken pools, asyncio.
import asyncio
import concurrent.futures as cf
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def square(x):
    return x * x


def power(x, y):
    return x ** y


def fail(x):
    raise KeyError("missing %s" % x)


def slow(x):
    time.sleep(0.3)
    return x


def die(x):
    os._exit(3)


def kill_self(x):
    os.kill(os.getpid(), signal.SIGKILL)


async def use_from_asyncio(executor):
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(loop.run_in_executor(executor, square, i) for i in range(5)))
    return results


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(power, 2, 10)
        print("submit", f.result(timeout=30), f.done(), f.exception())
        print("map", list(ex.map(square, range(10))))
        print("map chunksize", list(ex.map(power, range(7), [2] * 7, chunksize=3)))
        print("map empty", list(ex.map(square, [])))
        f = ex.submit(fail, "k")
        try:
            f.result(timeout=30)
        except KeyError as e:
            print("worker exception:", type(e).__name__, e)
        print("exception()", repr(f.exception()))
        it = ex.map(fail, [1, 2])
        try:
            list(it)
        except KeyError as e:
            print("map exception:", e)
        fs = [ex.submit(square, i) for i in range(8)]
        print("as_completed", sorted(f.result() for f in cf.as_completed(fs, timeout=30)))
        done, not_done = cf.wait(fs, timeout=30)
        print("wait", len(done), len(not_done))
        try:
            ex.submit(lambda: 1).result(timeout=30)
        except Exception as e:
            print("lambda:", type(e).__name__)
        try:
            ex.map(square, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
        print("asyncio", asyncio.run(use_from_asyncio(ex)))
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)

    ex = ProcessPoolExecutor()
    print("default workers is cpu_count", ex._max_workers == os.cpu_count())
    ex.shutdown()
    for bad in (0, -1):
        try:
            ProcessPoolExecutor(max_workers=bad)
        except ValueError as e:
            print("ValueError:", e)

    ex = ProcessPoolExecutor(max_workers=1)
    running = ex.submit(slow, 1)
    queued = [ex.submit(slow, i) for i in range(2, 6)]
    # Wait (not a fixed sleep: CI may be slow) until the first call has left the cancellable
    # pending state.
    deadline = time.monotonic() + 30
    while not (running.running() or running.done()) and time.monotonic() < deadline:
        time.sleep(0.01)
    ex.shutdown(wait=True, cancel_futures=True)
    print("cancel_futures", running.result(), sum(f.cancelled() for f in queued) >= 3)

    ex = ProcessPoolExecutor(max_workers=2)
    fs = [ex.submit(slow, i) for i in range(3)]
    ex.shutdown(wait=False)
    print("shutdown(wait=False) still completes", [f.result(timeout=30) for f in fs])

    for victim in (die, kill_self):
        ex = ProcessPoolExecutor(max_workers=2)
        print("before", ex.submit(square, 3).result(timeout=30))
        f = ex.submit(victim, 1)
        try:
            f.result(timeout=30)
        except BrokenProcessPool as e:
            print(victim.__name__, "-> BrokenProcessPool:", e)
        try:
            ex.submit(square, 2)
        except BrokenProcessPool as e:
            print("submit after break -> BrokenProcessPool:", e)
        ex.shutdown()
    print(issubclass(BrokenProcessPool, cf.BrokenExecutor))
    try:
        os.waitpid(-1, os.WNOHANG)
        print("zombie or running child left")
    except ChildProcessError:
        print("no children left")
