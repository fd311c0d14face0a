# Queues, pipes, locks, semaphores, events, conditions and shared values across processes.
import multiprocessing as mp
import os
import queue
import time


def producer(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"raw bytes")
    conn.close()


def add_many(counter, arr, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    with arr.get_lock():
        for i in range(len(arr)):
            arr[i] += 1


def unsafe_add(value, lock, n):
    for _ in range(n):
        lock.acquire()
        value.value += 1
        lock.release()


def wait_event(ev, q):
    q.put(("event set", ev.wait(30)))


def condition_waiter(cond, shared, q):
    with cond:
        ok = cond.wait_for(lambda: shared.value == 5, timeout=30)
        q.put(("condition", ok, shared.value))


def hold_lock(lock, ready, release):
    with lock:
        ready.set()
        release.wait(30)


def take_semaphore(sem, q, i):
    with sem:
        q.put(i)


if __name__ == "__main__":
    # Queue with several producers.
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, k * 100, 50)) for k in range(3)]
    for p in ps:
        p.start()
    got = [q.get(timeout=30) for _ in range(150)]
    for p in ps:
        p.join()
    print("queue items", len(got), sorted(got) == sorted(k * 100 + i for k in range(3) for i in range(50)))
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("get timeout: Empty")
    try:
        q.get(block=False)
    except queue.Empty:
        print("get_nowait: Empty")
    q.put({"nested": [1, (2, 3)]})
    time.sleep(0.2)
    print("qsize", q.qsize(), "empty", q.empty())
    print(q.get())
    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError:
        print("put after close: ValueError")

    bounded = mp.Queue(maxsize=2)
    bounded.put(1)
    bounded.put(2)
    print("full", bounded.full())
    try:
        bounded.put(3, timeout=0.05)
    except queue.Full:
        print("put timeout: Full")
    try:
        bounded.put_nowait(3)
    except queue.Full:
        print("put_nowait: Full")
    print(bounded.get(), bounded.get())

    sq = mp.SimpleQueue()
    print("simple empty", sq.empty())
    p = mp.Process(target=producer, args=(sq, 0, 3))
    p.start()
    print("simple", [sq.get() for _ in range(3)])
    p.join()
    sq.close()

    # Pipes.
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for msg in [1, "two", [3.0, None], {"four": b"4"}]:
        a.send(msg)
        print(a.recv())
    print("poll", a.poll(), a.poll(0.0))
    a.send(None)
    print(a.recv_bytes())
    p.join()
    try:
        a.recv()
    except EOFError:
        print("recv at end: EOFError")
    a.close()
    print("closed", a.closed)
    try:
        a.send(1)
    except OSError as e:
        print("OSError:", e)
    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    w.send_bytes(b"0123456789", 2, 5)
    print(r.recv_bytes())
    for args in [(b"abc", -1), (b"abc", 4), (b"abc", 1, 5), (b"abc", 0, -1)]:
        try:
            w.send_bytes(*args)
        except ValueError as e:
            print("ValueError:", e)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    w.send_bytes(b"x" * 100)
    try:
        r.recv_bytes(maxlength=10)
    except OSError as e:
        print("OSError:", e)
    w.close()
    for bad in [lambda: mp.connection.Connection(-1), lambda: mp.connection.Connection(5, False, False)]:
        try:
            bad()
        except ValueError as e:
            print("ValueError:", e)

    # Shared memory counters: exact totals only with the lock.
    counter = mp.Value("i", 0)
    arr = mp.Array("d", [0.0, 1.5, 2.5])
    ps = [mp.Process(target=add_many, args=(counter, arr, 500)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("counter", counter.value, "array", arr[:], len(arr), list(arr))
    v = mp.Value("l", 5, lock=False)
    lock = mp.Lock()
    ps = [mp.Process(target=unsafe_add, args=(v, lock, 300)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("value with Lock", v.value)
    c = mp.Value("c", b"x")
    d = mp.Value("d", 2.5)
    print(c.value, d.value, mp.Value("i").value)
    ints = mp.Array("i", 4)
    ints[1:3] = [7, 8]
    ints[-1] = 2**32 + 5
    print(ints[:], ints[0], ints[-2])
    chars = mp.Array("c", b"hello")
    print(chars.value, chars.raw, chars[1])
    try:
        ints[4]
    except IndexError as e:
        print("IndexError:", e)
    try:
        ints[0] = 1.5
    except TypeError:
        print("TypeError for float in int array")
    print(type(counter.get_lock()).__name__, type(mp.Value("i", lock=mp.Lock()).get_lock()).__name__)

    # Locks, semaphores, events, conditions.
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    rlock = mp.RLock()
    print(rlock.acquire(), rlock.acquire())
    rlock.release()
    rlock.release()
    try:
        rlock.release()
    except AssertionError as e:
        print("AssertionError:", e)
    ready, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold_lock, args=(lock, ready, release))
    p.start()
    ready.wait(30)
    print("held elsewhere", lock.acquire(timeout=0.05))
    release.set()
    p.join()
    print("free again", lock.acquire(timeout=30))
    lock.release()
    sem = mp.Semaphore(2)
    print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.get_value())
    sem.release()
    sem.release()
    bsem = mp.BoundedSemaphore(1)
    bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)
    sem = mp.Semaphore(1)
    taken = mp.Queue()
    ps = [mp.Process(target=take_semaphore, args=(sem, taken, i)) for i in range(3)]
    for p in ps:
        p.start()
    print("semaphore", sorted(taken.get(timeout=30) for _ in range(3)))
    for p in ps:
        p.join()
    ev = mp.Event()
    results = mp.Queue()
    print("event", ev.is_set(), ev.wait(0.01))
    p = mp.Process(target=wait_event, args=(ev, results))
    p.start()
    ev.set()
    print(results.get(timeout=30), ev.is_set())
    p.join()
    ev.clear()
    print("cleared", ev.is_set())
    cond = mp.Condition()
    shared = mp.Value("i", 0)
    p = mp.Process(target=condition_waiter, args=(cond, shared, results))
    p.start()
    for i in range(5):
        with cond:
            shared.value += 1
            cond.notify_all()
    print(results.get(timeout=30))
    p.join()
    with cond:
        print("wait timeout", cond.wait(0.01))
    try:
        cond.wait(0.01)
    except AssertionError as e:
        print("AssertionError:", e)

    import pickle
    for obj in (lock, rlock, ev, cond, q):
        try:
            pickle.dumps(obj)
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        os.waitpid(-1, os.WNOHANG)
        print("zombie or running child left")
    except ChildProcessError:
        print("no children left")
