# multiprocessing.Process: attributes, reprs, lifecycle errors, exit codes (including signal
# names), the child's view of itself and of its parent, and misuse from another process.
import multiprocessing as mp
import os
import re
import signal
import sys
import threading
import time


def clean(text):
    """Hides pids, which change from run to run."""
    return re.sub(r"(pid|parent)=\d+", r"\1=N", text)


def show(func):
    try:
        print(repr(func()))
    except Exception as e:
        print(type(e).__name__, e)


def nothing():
    pass


def sleep_long():
    time.sleep(60)


def kill_self(sig):
    os.kill(os.getpid(), sig)
    time.sleep(30)


def describe(q):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put((me.name, me.daemon, me._identity, clean(repr(me)), clean(repr(parent)),
           parent.name, parent.is_alive(), parent.pid == os.getppid(), parent.ident == parent.pid,
           parent.daemon, me.exitcode, me.is_alive(), me.ident == os.getpid(), me.pid == me.ident,
           mp.active_children()))


def start_grandchild(q):
    try:
        inner = mp.Queue()
        child = mp.Process(target=describe, args=(inner,))
        child.start()
        q.put(inner.get(timeout=30))
        child.join()
        q.put(("grandchild exit", child.exitcode, child.name.count(":")))
    except AssertionError as e:
        q.put(("AssertionError", str(e)))


def misuse(q, other):
    for op in (other.is_alive, other.join, other.start):
        try:
            op()
            q.put("ok")
        except Exception as e:
            q.put((type(e).__name__, str(e)))
    q.put(clean(repr(other)))


def raise_keyboard_interrupt():
    raise KeyboardInterrupt


def raise_system_exit(code):
    raise SystemExit(code)


def exit_quietly(code):
    sys.exit(code)


def leave_thread_running():
    def late():
        time.sleep(0.2)
        print("non-daemon thread finished before the child exited", flush=True)
    threading.Thread(target=late).start()


class Doubler(mp.Process):
    def __init__(self, q, n, **kwargs):
        super().__init__(**kwargs)
        self.q = q
        self.n = n

    def run(self):
        self.q.put(("Doubler.run", self.n * 2, self.name))


if __name__ == "__main__":
    main = mp.current_process()
    print(repr(main), main.name, main.daemon, main.exitcode, main.is_alive())
    print(main.ident == os.getpid(), main.pid == os.getpid(), mp.parent_process())
    print(type(main).__name__, isinstance(main, mp.process.BaseProcess), main._identity)

    # A process that has not started.
    p = mp.Process(target=nothing)
    print(clean(repr(p)))
    print(p.name.startswith("Process-"), p.ident, p.pid, p.exitcode, p.daemon, p.is_alive())
    show(p.join)
    p.daemon = True
    print(clean(repr(p)), p.daemon)
    p.daemon = False
    p.name = "renamed"
    print(clean(repr(p)))
    show(lambda: setattr(p, "name", 5))
    show(lambda: mp.Process(group=1))
    show(lambda: mp.Process(target=nothing, name="n", daemon=True).daemon)
    show(lambda: mp.Process(target=nothing, daemon=False).daemon)
    show(lambda: mp.Process(name="explicit").name)
    show(lambda: mp.Process(target=nothing).run())
    show(lambda: mp.Process().run())
    show(lambda: mp.Process(target=print, args=["args", "as", "list"], kwargs={"sep": "-"}).run())

    # Started, finished, closed.
    p.start()
    print(type(p.pid).__name__, p.pid == p.ident, p.pid != os.getpid())
    show(lambda: setattr(p, "daemon", True))
    show(p.start)
    p.join()
    p.join()
    print(p.join(0), p.join(timeout=1), p.exitcode, p.is_alive())
    print(clean(repr(p)))
    print(p.terminate(), p.kill(), p.exitcode)
    show(p.run)
    p.close()
    p.close()
    print(clean(repr(p)), p.name, p.daemon)
    for attr in ("exitcode", "ident", "pid"):
        show(lambda: getattr(p, attr))
    for op in ("start", "join", "terminate", "kill", "is_alive"):
        show(getattr(p, op))

    # Exit codes.
    for target, args in [(nothing, ()), (exit_quietly, (0,)), (exit_quietly, (3,)),
                         (exit_quietly, (None,)), (exit_quietly, (True,)),
                         (raise_system_exit, (2.5,)), (raise_system_exit, ([1],)),
                         (raise_keyboard_interrupt, ()), (os._exit, (7,)), (os._exit, (300,))]:
        p = mp.Process(target=target, args=args)
        p.start()
        p.join()
        print(target.__name__, args, "->", p.exitcode)

    # Signals: exit codes are negative signal numbers, named in the repr. (Not SIGSEGV: the
    # sanitizer build catches it and exits 1.)
    for sig in (signal.SIGTERM, signal.SIGKILL, signal.SIGABRT, signal.SIGPOLL, signal.SIGUSR1,
                signal.SIGALRM, signal.SIGHUP, signal.SIGRTMIN, signal.SIGRTMIN + 1):
        p = mp.Process(target=kill_self, args=(sig,))
        p.start()
        p.join()
        print(int(sig), p.exitcode, clean(repr(p)))
    p = mp.Process(target=sleep_long, daemon=True)
    p.start()
    print("alive", p.is_alive(), p.exitcode, p in mp.active_children(), "started" in repr(p))
    p.join(0.05)
    print("join(timeout) while running", p.exitcode, p.is_alive())
    show(p.close)
    p.terminate()
    p.join()
    print("terminate", p.exitcode, clean(repr(p)), p in mp.active_children())
    p = mp.Process(target=sleep_long)
    p.start()
    p.kill()
    p.join()
    print("kill", p.exitcode, clean(repr(p)))

    # The child's view of itself and of its parent.
    q = mp.Queue()
    for kwargs in ({"name": "worker", "daemon": True}, {}):
        p = mp.Process(target=describe, args=(q,), **kwargs)
        p.start()
        print(q.get(timeout=30))
        p.join()
    for daemon in (True, False):
        p = mp.Process(target=start_grandchild, args=(q,), daemon=daemon)
        p.start()
        first = q.get(timeout=30)
        print("daemon" if daemon else "plain", first[0] if daemon else first[0].count(":"))
        if not daemon:
            print(first[4], first[5], first[6], first[7])
            print(q.get(timeout=30))
        p.join()

    # Process objects used from a process that did not create them.
    unstarted = mp.Process(target=nothing)
    finished = mp.Process(target=nothing)
    finished.start()
    finished.join()
    for other in (unstarted, finished):
        p = mp.Process(target=misuse, args=(q, other))
        p.start()
        print([q.get(timeout=30) for _ in range(4)])
        p.join()

    # Subclasses overriding run().
    p = Doubler(q, 21)
    p.start()
    kind, value, name = q.get(timeout=30)
    p.join()
    print(kind, value, name.startswith("Doubler-"), p.exitcode)
    p = Doubler(q, 5, name="named", daemon=True)
    p.start()
    print(q.get(timeout=30), p.daemon)
    p.join()

    # A child waits for its non-daemon threads before exiting.
    p = mp.Process(target=leave_thread_running)
    p.start()
    p.join()
    print("exit code", p.exitcode)

    # Names count up within a process.
    a, b = mp.Process(), mp.Process()
    na, nb = (int(x.name.split("-")[1]) for x in (a, b))
    print(nb - na, a._identity[0] + 1 == b._identity[0])

    # Several children, active_children() and reaping.
    ps = [mp.Process(target=sleep_long, daemon=True) for _ in range(3)]
    for p in ps:
        p.start()
    print("active", len(mp.active_children()), all(p in mp.active_children() for p in ps))
    for p in ps:
        p.terminate()
    for p in ps:
        p.join()
    print("active after", mp.active_children(), [p.exitcode for p in ps])
    try:
        os.waitpid(-1, os.WNOHANG)
        print("zombie or running child left")
    except ChildProcessError:
        print("no children left")
