# multiprocessing.Pool: every way of submitting work, results, errors and shutdown.
import multiprocessing as mp
import os
import signal
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    if x == 3:
        raise ValueError("bad value %d" % x)
    return x


def die(x):
    if x == 2:
        os._exit(7)
    return x


def kill_self(x):
    os.kill(os.getpid(), signal.SIGKILL)


_state = {}


def init(value):
    _state["value"] = value


def read_state(_):
    return _state.get("value")


def pid_of(_):
    return os.getpid()


class Unpicklable:
    def __reduce__(self):
        raise TypeError("refusing to pickle")


def returns_unpicklable(_):
    return Unpicklable()


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print("map", pool.map(square, range(10)))
        print("map chunksize", pool.map(square, range(7), chunksize=3))
        print("map empty", pool.map(square, []))
        print("starmap", pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print("imap", list(pool.imap(square, range(6))))
        print("imap chunks", list(pool.imap(square, range(6), chunksize=4)))
        print("imap_unordered", sorted(pool.imap_unordered(square, range(6), chunksize=2)))
        print("apply", pool.apply(add, (2, 3)))
        print("apply kwds", pool.apply(add, (), {"a": 1, "b": 10}))
        r = pool.apply_async(square, (9,))
        print("apply_async", r.get(timeout=30), r.ready(), r.successful())
        r.wait()
        m = pool.map_async(square, range(4))
        print("map_async", m.get(), m.successful())
        got = []
        r = pool.apply_async(square, (5,), callback=got.append)
        r.wait()
        print("callback", got)
        errs = []
        r = pool.apply_async(fail, (3,), error_callback=lambda e: errs.append(type(e).__name__))
        r.wait()
        print("error_callback", errs, r.successful())
        try:
            r.get()
        except ValueError as e:
            print("apply_async error:", type(e).__name__, e)
        try:
            pool.map(fail, range(6))
        except ValueError as e:
            print("map error:", type(e).__name__, e)
        it = pool.imap(fail, range(5))
        out = []
        try:
            for x in it:
                out.append(x)
        except ValueError as e:
            print("imap error after", out, e)
        try:
            pool.apply(lambda: 1)
        except Exception as e:
            print("lambda:", type(e).__name__)
        try:
            pool.apply(returns_unpicklable, (1,))
        except Exception as e:
            print("unpicklable result:", type(e).__name__)
        print("still works", pool.apply(square, (4,)))
        unready = pool.apply_async(time.sleep, (0.5,))
        try:
            unready.successful()
        except ValueError as e:
            print("successful() too early: ValueError")
        try:
            unready.get(timeout=0.01)
        except mp.TimeoutError:
            print("get timeout: TimeoutError")
        print("after wait", unready.get(timeout=30))

    with mp.Pool(processes=2, initializer=init, initargs=(42,)) as pool:
        print("initializer", pool.map(read_state, range(4)))

    pool = mp.Pool(3)
    pids = set(pool.map(pid_of, range(30), chunksize=1))
    print("workers used <= 3:", len(pids) <= 3)
    pool.close()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("after close:", e)
    pool.join()
    print("closed and joined")
    running = mp.Pool(2)
    try:
        running.join()
    except ValueError as e:
        print("join running pool:", e)
    running.terminate()
    try:
        mp.Pool(0)
    except ValueError as e:
        print(e)

    # A worker that dies in a task: the task fails instead of hanging, the pool goes on.
    pool = mp.Pool(2)
    r = pool.apply_async(die, (2,))
    try:
        r.get(timeout=2)
    except Exception:
        print("dead worker reported")
    r = pool.apply_async(kill_self, (0,))
    try:
        r.get(timeout=2)
    except Exception:
        print("killed worker reported")
    pool.terminate()
    pool.join()
    print("terminated")

    for p in mp.active_children():
        p.join()
    try:
        os.waitpid(-1, os.WNOHANG)
        print("zombie or running child left")
    except ChildProcessError:
        print("no children left")
