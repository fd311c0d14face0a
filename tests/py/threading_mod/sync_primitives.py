# threading's Condition, Semaphore, BoundedSemaphore, Event and Barrier: normal use with
# threads (ordered by Events/Barriers, never by sleeps), timeouts, errors and reprs.
import re
import threading


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def masked(obj):
    return re.sub(r'0x[0-9a-f]+', 'ADDR', repr(obj))


def run_threads(n, target):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# ---- Condition ----
cond = threading.Condition()
print(re.sub(r'\(<.*>, ', '(<LOCK>, ', repr(cond)), 'RLock' in repr(cond))
print(re.sub(r'\(<.*>, ', '(<LOCK>, ', repr(threading.Condition(threading.Lock()))))
show('wait unowned', cond.wait)
show('notify unowned', cond.notify)
show('notify_all unowned', cond.notify_all)
with cond:
    print('wait timeout', cond.wait(0.01), cond.wait(0), cond.wait(-1))
    print('wait_for true', cond.wait_for(lambda: 'yes'))
    print('wait_for timeout', cond.wait_for(lambda: 0, timeout=0.01))
    print('wait_for zero', cond.wait_for(lambda: [], timeout=0))
    cond.notify()
    cond.notify_all()
    cond.notify(5)
with cond:
    with cond:
        print('reentrant', cond.wait(0.001))
print('acquire/release', cond.acquire(), cond.release())
print(cond.acquire(False))
cond.release()
with threading.Condition(threading.Lock()) as got:
    print('enter returns', got)

items = []
ready = threading.Condition()
waiting = threading.Barrier(4)


def consumer(i):
    waiting.wait()
    with ready:
        while not items:
            ready.wait()
        items.pop()


threads = [threading.Thread(target=consumer, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
waiting.wait()
with ready:
    items.extend([1, 2, 3])
    ready.notify_all()
for t in threads:
    t.join()
print('consumers done', items)

counter = {'n': 0}
turn = threading.Condition(threading.Lock())
order = []


def take_turn(i):
    with turn:
        turn.wait_for(lambda: counter['n'] == i)
        order.append(i)
        counter['n'] += 1
        turn.notify_all()


run_threads(5, take_turn)
print('ordered by wait_for', order)

# notify(n) wakes at most n waiters.
nc = threading.Condition()
woken = []
arrived = threading.Semaphore(0)
release_rest = threading.Event()


def sleeper(i):
    with nc:
        arrived.release()
        nc.wait()
        woken.append(i)


ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for _ in range(3):
    arrived.acquire()
with nc:
    pass
# All three are inside wait() once they released the lock: acquiring it proves they got there.
with nc:
    nc.notify(2)
while True:
    with nc:
        if len(woken) == 2:
            break
with nc:
    print('after notify(2)', len(woken))
    nc.notify()
for t in ts:
    t.join()
print('all woken', sorted(woken))

# ---- Semaphore ----
sem = threading.Semaphore(2)
print(masked(sem))
print(sem.acquire(), sem.acquire(blocking=False), sem.acquire(False), sem.acquire(timeout=0.01))
print(masked(sem))
sem.release()
sem.release(3)
print(masked(sem))
show('release 0', lambda: sem.release(0))
show('negative', lambda: threading.Semaphore(-1))
show('timeout nonblocking', lambda: sem.acquire(False, 1))
with sem as entered:
    print('with', entered, masked(sem))
print(masked(threading.Semaphore()), masked(threading.Semaphore(0)))

limit = threading.Semaphore(2)
inside = {'now': 0, 'max': 0}
guard = threading.Lock()
start = threading.Barrier(6)


def limited(i):
    start.wait()
    with limit:
        with guard:
            inside['now'] += 1
            inside['max'] = max(inside['max'], inside['now'])
        with guard:
            inside['now'] -= 1


run_threads(6, limited)
print('max inside', inside['max'] <= 2, inside['now'])

bs = threading.BoundedSemaphore(2)
print(masked(bs), isinstance(bs, threading.Semaphore))
bs.acquire()
print(masked(bs))
bs.release()
show('bounded over', bs.release)
bs.acquire()
show('bounded release 2', lambda: bs.release(2))
print(masked(bs))
show('bounded negative', lambda: threading.BoundedSemaphore(-2))
print(masked(threading.BoundedSemaphore()))

# ---- Event ----
ev = threading.Event()
print(masked(ev), ev.is_set(), ev.isSet(), ev.wait(0), ev.wait(0.01))
ev.set()
print(masked(ev), ev.is_set(), ev.wait(), ev.wait(0))
ev.clear()
print(ev.is_set())

go = threading.Event()
got = []
run_started = threading.Barrier(4)


def waiter(i):
    run_started.wait()
    got.append(go.wait())


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
run_started.wait()
go.set()
for t in ts:
    t.join()
print('event waiters', got)

# ---- Barrier ----
b = threading.Barrier(3)
print(masked(b), b.parties, b.n_waiting, b.broken)
show('parties 0', lambda: threading.Barrier(0).parties)
results = []
actions = []
ab = threading.Barrier(3, action=lambda: actions.append('action'))


def arrive(i):
    results.append(ab.wait())


for _ in range(2):
    run_threads(3, arrive)
print('indices', sorted(results), actions)

show('timeout breaks', lambda: threading.Barrier(2).wait(0.01))
tb = threading.Barrier(2, timeout=0.01)
show('default timeout', tb.wait)
print(masked(tb), tb.broken, tb.n_waiting)
show('wait on broken', tb.wait)
tb.reset()
print('after reset', masked(tb), tb.broken)
tb.abort()
print('after abort', tb.broken)
show('BrokenBarrierError', lambda: issubclass(threading.BrokenBarrierError, RuntimeError))

# abort() while threads wait: they get BrokenBarrierError.
bb = threading.Barrier(3)
outcome = []


def aborted(i):
    try:
        bb.wait()
        outcome.append('passed')
    except threading.BrokenBarrierError as e:
        outcome.append(type(e).__name__)


ts = [threading.Thread(target=aborted, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
while bb.n_waiting < 2:
    pass
print('n_waiting', bb.n_waiting, masked(bb))
bb.abort()
for t in ts:
    t.join()
print('aborted', outcome, bb.broken, bb.n_waiting)

# A failing action breaks the barrier for everyone and re-raises in the thread that ran it.
fb = threading.Barrier(2, action=lambda: 1 / 0)
errs = []


def with_failing_action(i):
    try:
        fb.wait()
    except Exception as e:
        errs.append(type(e).__name__)


run_threads(2, with_failing_action)
print('failing action', sorted(errs), fb.broken)

# reset() while a thread waits wakes it with BrokenBarrierError; the barrier is then reusable.
rb = threading.Barrier(2)
rout = []


def reset_waiter(i):
    try:
        rb.wait()
    except threading.BrokenBarrierError:
        rout.append('broken')


t = threading.Thread(target=reset_waiter, args=(0,))
t.start()
while rb.n_waiting < 1:
    pass
rb.reset()
t.join()
print('reset while waiting', rout, rb.broken)
run_threads(2, lambda i: rout.append(rb.wait()))
print('reused', sorted(rout[1:]))
