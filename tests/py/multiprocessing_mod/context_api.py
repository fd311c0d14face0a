# multiprocessing contexts: the top-level namespace, start methods, exception classes and the
# factories a context offers (pinned against CPython 3.11 on Linux, fork start method).
import multiprocessing as mp
import multiprocessing.context as context


def show(func):
    try:
        print(repr(func()))
    except Exception as e:
        print(type(e).__name__, e)


def put_name(q):
    q.put(mp.current_process().name)


if __name__ == "__main__":
    names = set(mp.__all__)
    expected = {"Array", "AuthenticationError", "BoundedSemaphore", "BufferTooShort",
                "Condition", "Event", "JoinableQueue", "Lock", "Pipe", "Pool", "Process",
                "ProcessError", "Queue", "RLock", "RawArray", "RawValue", "Semaphore",
                "SimpleQueue", "TimeoutError", "Value", "active_children",
                "allow_connection_pickling", "cpu_count", "current_process", "freeze_support",
                "get_all_start_methods", "get_context", "get_logger", "get_start_method",
                "parent_process", "reducer", "set_executable", "set_forkserver_preload",
                "set_start_method"}
    print("missing from __all__", sorted(expected - names))
    print(all(hasattr(mp, name) for name in mp.__all__))
    print(mp.SUBDEBUG, mp.SUBWARNING)

    # Exception classes.
    for name in ["ProcessError", "BufferTooShort", "TimeoutError", "AuthenticationError"]:
        cls = getattr(mp, name)
        print(name, cls.__module__, [b.__name__ for b in cls.__mro__])
        print(cls is getattr(context, name), getattr(context.BaseContext, name) is cls)
    print(mp.TimeoutError is TimeoutError, str(mp.ProcessError("x", 1)))
    try:
        raise mp.BufferTooShort(b"data")
    except mp.ProcessError as e:
        print("caught", type(e).__name__, e.args)

    # Contexts and their classes.
    ctx = mp.get_context()
    fork = mp.get_context("fork")
    print(type(context._default_context).__name__, type(ctx).__name__, type(fork).__name__)
    print(ctx is fork, fork is mp.get_context("fork"), fork.get_context() is fork)
    print(fork.get_context("fork") is fork, fork.get_context(None) is fork)
    print([c.__name__ for c in type(fork).__mro__])
    print(fork.Process.__name__)
    print([c.__name__ for c in fork.Process.__mro__])
    print([c.__name__ for c in mp.Process.__mro__], mp.Process.__module__)
    print(issubclass(fork.Process, mp.process.BaseProcess))
    for bad in ["spawnx", "", 1, 3.5]:
        show(lambda: mp.get_context(bad))
        show(lambda: fork.get_context(bad))

    # Start methods.
    print(mp.get_start_method(), mp.get_start_method(allow_none=True))
    print(fork.get_start_method(), fork.get_start_method(True))
    print("fork" in mp.get_all_start_methods(), hasattr(fork, "get_all_start_methods"))
    show(lambda: mp.set_start_method("fork"))
    show(lambda: mp.set_start_method("nope", force=True))
    show(lambda: fork.set_start_method("fork"))
    show(lambda: fork.set_start_method("fork", force=True))
    mp.set_start_method(None, force=True)
    print("after reset", mp.get_start_method(allow_none=True))
    mp.set_start_method("fork")
    print("after set", mp.get_start_method(allow_none=True), mp.get_start_method())
    show(lambda: mp.set_start_method("fork", False))
    mp.set_start_method("fork", force=True)
    print(mp.get_context() is fork)

    # Plain helpers.
    print(mp.cpu_count() >= 1, isinstance(mp.cpu_count(), int))
    print(mp.freeze_support(), mp.set_executable("python"), mp.set_forkserver_preload(["os"]),
          mp.allow_connection_pickling())
    print(mp.get_logger().name, mp.get_logger() is fork.get_logger())
    print(mp.current_process is mp.process.current_process,
          mp.active_children is mp.process.active_children,
          mp.parent_process is mp.process.parent_process)
    print(ctx.current_process().name, fork.parent_process(), fork.active_children())
    print(mp.Lock.__self__ is context._default_context, mp.Lock.__qualname__, mp.Pipe.__name__)

    # What the factories build.
    made = [mp.Lock(), mp.RLock(), mp.Semaphore(), mp.BoundedSemaphore(), mp.Condition(),
            mp.Event(), mp.Queue(), mp.JoinableQueue(), mp.SimpleQueue()]
    print([(type(o).__module__, type(o).__name__) for o in made])
    made = [fork.Lock(), fork.RLock(), fork.Semaphore(3), fork.BoundedSemaphore(2),
            fork.Condition(fork.Lock()), fork.Event(), fork.Queue(4), fork.JoinableQueue(2),
            fork.SimpleQueue()]
    print([type(o).__name__ for o in made])
    print(made[2].get_value(), made[3].get_value(), repr(made[4]))
    a, b = fork.Pipe()
    print(type(a).__name__, a.readable, a.writable)
    r, w = mp.Pipe(False)
    print(r.readable, r.writable, w.readable, w.writable)
    v = fork.Value("i", 7)
    arr = fork.Array("d", 3, lock=False)
    print(v.value, arr[:], fork.RawValue("i", 2).value, fork.RawArray("i", [1, 2])[:])

    # A process made through a context runs in a child.
    q = fork.Queue()
    p = fork.Process(target=put_name, args=(q,), name="via-context")
    p.start()
    print(q.get(timeout=30))
    p.join()
    print(type(p).__name__, p.exitcode)
    with fork.Pool(2) as pool:
        print(pool.map(abs, [-1, -2, 3]))
