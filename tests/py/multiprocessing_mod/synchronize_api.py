# multiprocessing.synchronize: Lock, RLock, Semaphore, BoundedSemaphore, Condition and Event,
# their reprs and errors, and their use between threads and between processes.
import multiprocessing as mp
import pickle
import re
import threading
import time


def show(func):
    try:
        print(repr(func()))
    except Exception as e:
        print(type(e).__name__, e)


def addr(text):
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


def repr_in_thread(obj, name=None):
    out = []
    t = threading.Thread(target=lambda: out.append(repr(obj)), name=name)
    t.start()
    t.join()
    return out[0]


def lock_in_thread():
    lock = mp.Lock()
    rlock = mp.RLock()
    lock.acquire()
    rlock.acquire()
    rlock.acquire()
    return repr(lock), repr(rlock)


def hold(lock, held, release):
    with lock:
        held.set()
        release.wait(30)


def child_reprs(lock, rlock, q):
    q.put((repr(lock), repr(rlock)))


def count_up(lock, shared, n):
    for _ in range(n):
        with lock:
            shared.value += 1


def take_slot(sem, inside, most, q, i):
    with sem:
        with inside.get_lock():
            inside.value += 1
            most.value = max(most.value, inside.value)
        time.sleep(0.05)
        with inside.get_lock():
            inside.value -= 1
    q.put(i)


def condition_waiter(cond, registered, q, i):
    with cond:
        registered.value += 1
        woke = cond.wait(30)
        q.put((i, woke))


def wait_for_value(cond, shared, q):
    with cond:
        q.put(("wait_for", cond.wait_for(lambda: shared.value >= 3, 30), shared.value))


def wait_event(ev, q):
    q.put(("event", ev.wait(30), ev.is_set()))


if __name__ == "__main__":
    # Lock.
    lock = mp.Lock()
    print(lock, lock.acquire(), lock)
    print(repr_in_thread(lock, "T1"))
    print(lock.acquire(False), lock.acquire(True, 0), lock.acquire(timeout=0.01),
          lock.acquire(block=False))
    lock.release()
    print(lock)
    show(lock.release)
    print(lock.acquire(True, None), lock.acquire(False))
    lock.release()
    show(lambda: lock.acquire(1, "x"))
    with lock as entered:
        print("with", entered, lock)
    print(lock)
    r = []
    t = threading.Thread(target=lambda: r.append(lock_in_thread()), name="Worker")
    t.start()
    t.join()
    print(r[0])

    # RLock.
    rlock = mp.RLock()
    print(rlock, rlock.acquire(), rlock.acquire(), rlock)
    print(repr_in_thread(rlock))
    rlock.release()
    print(rlock)
    rlock.release()
    print(rlock)
    show(rlock.release)
    with rlock as entered:
        with rlock:
            print("nested with", entered, rlock)
    print(rlock.acquire(False), rlock.acquire(False), rlock)
    rlock.release()
    rlock.release()

    # Semaphores.
    sem = mp.Semaphore(3)
    print(sem, sem.get_value(), sem.acquire(), sem)
    with sem:
        print("with", sem)
    sem.release()
    sem.release()
    print("released past start", sem, sem.get_value())
    print(mp.Semaphore(), mp.Semaphore(0))
    zero = mp.Semaphore(0)
    print(zero.acquire(False), zero.acquire(timeout=0.01), zero.acquire(True, 0),
          zero.acquire(timeout=-1))
    zero.release()
    print(zero.acquire(timeout=None), zero.get_value())
    bounded = mp.BoundedSemaphore(2)
    print(bounded, bounded.acquire(), bounded, bounded.get_value())
    bounded.release()
    show(bounded.release)
    print(mp.BoundedSemaphore(), repr(mp.BoundedSemaphore(5)))
    show(lambda: mp.Semaphore(-1))
    show(lambda: mp.BoundedSemaphore(-1))

    # Condition (one process).
    cond = mp.Condition()
    print(cond, mp.Condition(mp.Lock()), mp.Condition(lock=mp.RLock()))
    show(cond.wait)
    show(cond.notify)
    show(cond.notify_all)
    show(lambda: cond.wait_for(lambda: True))
    with cond as entered:
        print(entered, cond.wait(0), cond.wait(0.01), cond.wait(timeout=-1))
        print(cond.wait_for(lambda: 0, 0.01), cond.wait_for(lambda: 5),
              cond.wait_for(lambda: "x", timeout=0))
        print(cond.notify(), cond.notify(3), cond.notify_all(), cond)
        print("a notify nobody waited for is lost", cond.wait(0.01))
    print(cond.acquire(), cond.acquire(False), cond)
    cond.release()
    cond.release()
    plain = mp.Condition(mp.Lock())
    with plain:
        print(plain.wait(0.01), plain)
    show(lambda: mp.Condition(lock=3))

    # Condition between threads: the lock is released while waiting, at any RLock depth.
    cond = mp.Condition()
    state = []
    def thread_notifier():
        with cond:
            state.append("thread got the lock")
            cond.notify()
    with cond:
        with cond:
            t = threading.Thread(target=thread_notifier)
            t.start()
            state.append(cond.wait(30))
            state.append(repr(cond))
    t.join()
    print("thread condition", state)

    # Event (one process).
    ev = mp.Event()
    print(addr(repr(ev)), ev.is_set(), ev.wait(0), ev.wait(0.01), ev.wait(timeout=-1))
    print(ev.set(), ev.is_set(), ev.wait(), ev.wait(0), addr(repr(ev)))
    ev.set()
    print(ev.clear(), ev.is_set(), ev.clear(), ev.is_set())

    # Pickling is refused: these travel by inheritance only.
    for obj in (mp.Lock(), mp.RLock(), mp.Semaphore(), mp.BoundedSemaphore(), mp.Condition(),
                mp.Event()):
        try:
            pickle.dumps(obj)
        except RuntimeError as e:
            print(type(obj).__name__, e)

    # Classes.
    print(mp.synchronize.__all__)
    for cls in (mp.synchronize.Lock, mp.synchronize.RLock, mp.synchronize.BoundedSemaphore,
                mp.synchronize.Condition, mp.synchronize.Event):
        print([c.__name__ for c in cls.__mro__])
    print(mp.synchronize.SEM_VALUE_MAX >= 32767)

    # Between processes.
    held, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold, args=(lock, held, release))
    p.start()
    print("held by child", held.wait(30), lock, lock.acquire(timeout=0.05))
    release.set()
    p.join()
    print("free again", lock.acquire(timeout=30), lock)
    lock.release()

    q = mp.Queue()
    lock.acquire()
    rlock.acquire()
    p = mp.Process(target=child_reprs, args=(lock, rlock, q))
    p.start()
    print("seen from child", q.get(timeout=30))
    p.join()
    lock.release()
    rlock.release()

    shared = mp.Value("i", 0, lock=False)
    ps = [mp.Process(target=count_up, args=(lock, shared, 200)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("counted", shared.value)
    shared.value = 0
    ps = [mp.Process(target=count_up, args=(rlock, shared, 200)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("counted with rlock", shared.value)

    sem = mp.Semaphore(2)
    inside, most = mp.Value("i", 0), mp.Value("i", 0)
    ps = [mp.Process(target=take_slot, args=(sem, inside, most, q, i)) for i in range(5)]
    for p in ps:
        p.start()
    print("slots", sorted(q.get(timeout=30) for _ in range(5)), most.value <= 2, sem)
    for p in ps:
        p.join()

    # notify(n) wakes n waiters, notify_all() the rest; a wait that timed out is not woken.
    cond = mp.Condition()
    registered = mp.Value("i", 0, lock=False)
    ps = [mp.Process(target=condition_waiter, args=(cond, registered, q, i)) for i in range(4)]
    for p in ps:
        p.start()
    deadline = time.monotonic() + 30
    while True:
        with cond:
            if registered.value == 4:
                break
        assert time.monotonic() < deadline
        time.sleep(0.01)
    with cond:
        print("waiters", re.sub(r"\)>, \d+", ")>, N", repr(cond)), repr(cond).endswith(", 4)>"))
        cond.notify()
    first = [q.get(timeout=30)]
    time.sleep(0.2)
    print("after notify()", len(first), first[0][1], q.empty())
    with cond:
        cond.notify(2)
    second = [q.get(timeout=30) for _ in range(2)]
    time.sleep(0.2)
    print("after notify(2)", len(second), [w for _, w in second], q.empty())
    with cond:
        cond.notify_all()
    last = q.get(timeout=30)
    print("after notify_all()", last[1], sorted(i for i, _ in first + second + [last]))
    for p in ps:
        p.join()
    with cond:
        print("no waiters left", cond)
        cond.notify_all()

    shared = mp.Value("i", 0)
    p = mp.Process(target=wait_for_value, args=(cond, shared, q))
    p.start()
    for _ in range(3):
        time.sleep(0.02)
        with cond:
            shared.value += 1
            cond.notify_all()
    print(q.get(timeout=30))
    p.join()

    ev = mp.Event()
    ps = [mp.Process(target=wait_event, args=(ev, q)) for _ in range(3)]
    for p in ps:
        p.start()
    time.sleep(0.05)
    ev.set()
    print([q.get(timeout=30) for _ in range(3)])
    for p in ps:
        p.join()
    print("exit codes", [p.exitcode for p in ps])
