# multiprocessing.Process: lifecycle, exit codes, signals, names, parent/child relations.
import multiprocessing as mp
import os
import signal
import sys
import time


def report(q, *args, **kwargs):
    q.put((mp.current_process().name, mp.parent_process().name, args, sorted(kwargs.items()),
           mp.parent_process().pid == os.getppid()))


def exit_with(code):
    sys.exit(code)


def raise_error():
    raise RuntimeError("boom in child")


def sleep_long():
    time.sleep(60)


def nested(q):
    child = mp.Process(target=report, args=(q, "grandchild"))
    child.start()
    child.join()
    q.put(("nested exitcode", child.exitcode))


class Squarer(mp.Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n

    def run(self):
        self.q.put(self.n * self.n)


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    print(isinstance(mp.cpu_count(), int) and mp.cpu_count() >= 1)
    q = mp.Queue()
    p = mp.Process(target=report, args=(q, 1, 2), kwargs={"k": "v"}, name="worker-a")
    print(p.name, p.daemon, p.exitcode, p.is_alive())
    p.start()
    print(type(p.pid).__name__, p.pid != os.getpid())
    print(q.get(timeout=30))
    p.join()
    print("exitcode", p.exitcode, p.is_alive())
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)

    for code in (0, 3, None, "message to stderr"):
        p = mp.Process(target=exit_with, args=(code,))
        p.start()
        p.join()
        print("sys.exit(%r) ->" % (code,), p.exitcode)

    p = mp.Process(target=raise_error)
    p.start()
    p.join()
    print("uncaught exception ->", p.exitcode)

    p = mp.Process(target=sleep_long, daemon=True)
    print("daemon", p.daemon)
    p.start()
    print("alive", p.is_alive(), "children", len(mp.active_children()))
    p.join(timeout=0.05)
    print("after join(timeout)", p.exitcode, p.is_alive())
    try:
        p.close()
    except ValueError as e:
        print("ValueError:", e)
    p.terminate()
    p.join()
    print("terminate ->", p.exitcode, p.exitcode == -signal.SIGTERM)

    p = mp.Process(target=sleep_long)
    p.start()
    p.kill()
    p.join()
    print("kill ->", p.exitcode, p.exitcode == -signal.SIGKILL)

    p = Squarer(q, 12)
    p.start()
    print("subclass run", q.get(timeout=30))
    p.join()
    print(p.name.startswith("Squarer-"))

    p = mp.Process(target=nested, args=(q,))
    p.start()
    name, parent, args, kwargs, ppid_ok = q.get(timeout=30)
    print(name.count(":") == 1, parent.startswith("Process-"), args, kwargs, ppid_ok)
    print(q.get(timeout=30))
    p.join()
    print("active children at end", mp.active_children())
    try:
        os.waitpid(-1, os.WNOHANG)
        print("zombie or running child left")
    except ChildProcessError:
        print("no children left")
