# Contexts and start methods: minipy (like CPython on Linux) starts processes with fork.
import multiprocessing as mp


def double(x):
    return 2 * x


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    print(ctx.get_start_method(), mp.get_start_method(allow_none=True) in (None, "fork"))
    with ctx.Pool(2) as pool:
        print(pool.map(double, range(5)))
    q = ctx.Queue()
    p = ctx.Process(target=q.put, args=("via fork context",))
    p.start()
    print(q.get(timeout=30))
    p.join()
    print(type(p).__name__, p.exitcode)
    for bad in ("bogus", ""):
        try:
            mp.get_context(bad)
        except ValueError as e:
            print("ValueError:", e)
        try:
            mp.set_start_method(bad)
        except ValueError as e:
            print("ValueError:", e)
    mp.set_start_method("fork")
    print(mp.get_start_method())
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("fork", force=True)
    try:
        ctx.set_start_method("fork")
    except ValueError as e:
        print("ValueError:", e)
    print("fork" in mp.get_all_start_methods())
    print(issubclass(mp.TimeoutError, mp.ProcessError), issubclass(mp.ProcessError, Exception))
    print(mp.current_process() is mp.current_process(), mp.active_children())
