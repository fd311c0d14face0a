# multiprocessing.queues: Queue, JoinableQueue and SimpleQueue in one process (sizes, timeouts,
# closing, errors) and between processes (producers, consumers, task accounting).
import multiprocessing as mp
import pickle
import queue
import re
import time


def show(func):
    try:
        print(repr(func()))
    except Exception as e:
        print(type(e).__name__, re.sub(r"0x[0-9a-f]+", "ADDR", str(e)))


def produce(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def produce_many_then_exit(q, n):
    # More than a pipe holds: the process must still exit once the parent reads everything.
    for i in range(n):
        q.put(("item", i, "x" * 100))


def consume(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * 10)
        q.task_done()


def get_with_timeout(q, out):
    try:
        out.put(("got", q.get(timeout=0.05)))
    except queue.Empty:
        out.put("Empty in child")


def put_big(q, cancel):
    # 400 KB: far more than a pipe holds, so the feeder blocks until someone reads.
    for _ in range(4):
        q.put(b"x" * 100000)
    if cancel:
        q.cancel_join_thread()


def put_and_close(q):
    q.put("before close")
    q.close()
    q.join_thread()


if __name__ == "__main__":
    q = mp.Queue()
    print(q.empty(), q.qsize(), q.full())
    q.put(1)
    q.put_nowait("a")
    q.put([None], True, 1)
    q.put({"k": (1, 2)}, block=False)
    time.sleep(0.1)
    print(q.empty(), q.qsize(), q.full())
    print(q.get(), q.get_nowait(), q.get(True, 1), q.get(block=False))
    print(q.empty(), q.qsize())
    for op in (lambda: q.get(timeout=0), lambda: q.get(False), lambda: q.get(timeout=-1),
               q.get_nowait, lambda: q.get(True, 0.01)):
        show(op)
    show(lambda: pickle.dumps(q))
    show(q.join_thread)
    print(q.cancel_join_thread())
    q.close()
    q.close()
    show(lambda: q.put(1))
    show(lambda: q.put_nowait(1))
    show(q.get)
    show(q.get_nowait)
    show(q.join_thread)
    show(q.qsize)
    show(q.full)

    bounded = mp.Queue(2)
    bounded.put(1)
    bounded.put(2)
    print("full", bounded.full(), bounded.qsize())
    for op in (lambda: bounded.put(3, False), lambda: bounded.put(3, timeout=0.01),
               lambda: bounded.put(3, True, -1), lambda: bounded.put_nowait(3)):
        show(op)
    print(bounded.get(), bounded.full())
    bounded.put(3)
    print(bounded.get(), bounded.get(), bounded.full(), bounded.empty())
    print("non-positive maxsize", mp.Queue(-5).full(), mp.Queue(0).full())

    joinable = mp.JoinableQueue()
    show(joinable.task_done)
    joinable.put(1)
    joinable.put(2)
    print(joinable.get(), joinable.get())
    joinable.task_done()
    joinable.task_done()
    show(joinable.task_done)
    joinable.join()
    show(lambda: pickle.dumps(joinable))
    joinable.put(3)
    print(joinable.get(timeout=5))
    joinable.task_done()
    joinable.join()
    small = mp.JoinableQueue(1)
    small.put(1)
    show(lambda: small.put(2, timeout=0.01))
    small.close()
    show(lambda: small.put(2))

    simple = mp.SimpleQueue()
    print(simple.empty())
    simple.put(1)
    simple.put((2, "x"))
    time.sleep(0.05)
    print(simple.empty(), simple.get(), simple.get(), simple.empty())
    show(lambda: pickle.dumps(simple))
    print(mp.queues.SimpleQueue[int])
    simple.close()
    show(simple.empty)
    show(lambda: simple.put(1))
    show(simple.get)

    print(mp.queues.__all__, mp.queues.Empty is queue.Empty, mp.queues.Full is queue.Full)
    print([c.__name__ for c in mp.queues.JoinableQueue.__mro__],
          [c.__name__ for c in mp.queues.SimpleQueue.__mro__])

    # Between processes.
    q = mp.Queue()
    ps = [mp.Process(target=produce, args=(q, k * 100, 50)) for k in range(3)]
    for p in ps:
        p.start()
    got = [q.get(timeout=30) for _ in range(150)]
    for p in ps:
        p.join()
    print("producers", len(got), sorted(got) == sorted(k * 100 + i for k in range(3)
                                                       for i in range(50)))
    for k in range(3):
        mine = [x for x in got if k * 100 <= x < k * 100 + 50]
        print("in order", mine == sorted(mine))

    p = mp.Process(target=produce_many_then_exit, args=(q, 2000))
    p.start()
    items = [q.get(timeout=30) for _ in range(2000)]
    p.join()
    print("large volume", len(items), items[0][:2], items[-1][:2], p.exitcode)

    out = mp.Queue()
    p = mp.Process(target=get_with_timeout, args=(q, out))
    p.start()
    print(out.get(timeout=30))
    p.join()
    q.put("for the child")
    time.sleep(0.1)
    p = mp.Process(target=get_with_timeout, args=(q, out))
    p.start()
    print(out.get(timeout=30))
    p.join()

    unread = mp.Queue()
    p = mp.Process(target=put_big, args=(unread, True))
    p.start()
    p.join(30)
    print("cancel_join_thread: exits without flushing", p.exitcode)
    big = mp.Queue()
    p = mp.Process(target=put_big, args=(big, False))
    p.start()
    p.join(0.3)
    print("exit waits for the feeder", p.exitcode)
    print([len(big.get(timeout=30)) for _ in range(4)])
    p.join()
    print("then exits", p.exitcode)
    p = mp.Process(target=put_and_close, args=(q,))
    p.start()
    print(q.get(timeout=30))
    p.join()
    q.put("parent still puts after a child closed")
    print(q.get(timeout=30))

    bounded = mp.Queue(3)
    p = mp.Process(target=produce, args=(bounded, 0, 20))
    p.start()
    print("bounded", [bounded.get(timeout=30) for _ in range(20)])
    p.join()

    joinable = mp.JoinableQueue()
    out = mp.Queue()
    workers = [mp.Process(target=consume, args=(joinable, out)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        joinable.put(i)
    joinable.join()
    print("all done", sorted(out.get(timeout=30) for _ in range(10)))
    for _ in workers:
        joinable.put(None)
    joinable.join()
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])

    simple = mp.SimpleQueue()
    ps = [mp.Process(target=produce, args=(simple, k * 10, 5)) for k in range(2)]
    for p in ps:
        p.start()
    print("simple", sorted(simple.get() for _ in range(10)))
    for p in ps:
        p.join()
    print("exit codes", [p.exitcode for p in ps])
