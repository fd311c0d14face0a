# Exercises queue: FIFO/LIFO/priority ordering, blocking with threads,
# timeouts, Full/Empty, task_done/join and SimpleQueue.
import queue
import threading
import time


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', repr(e))
    else:
        print(label, '->', repr(r))


for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in [3, 1, 2]:
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), [q.get() for _ in range(3)], q.empty())

q = queue.Queue(maxsize=2)
q.put('a')
q.put_nowait('b')
print(q.full(), q.qsize(), q.maxsize)
show('put_nowait full', lambda: q.put_nowait('c'))
show('put non-block', lambda: q.put('c', block=False))
start = time.monotonic()
show('put timeout', lambda: q.put('c', timeout=0.05))
print(time.monotonic() - start >= 0.04)
print(q.get(), q.get_nowait())
show('get_nowait empty', lambda: q.get_nowait())
show('get timeout', lambda: q.get(timeout=0.01))
show('negative timeout', lambda: q.get(timeout=-1))
show('put negative timeout', lambda: queue.Queue(1).put(1, timeout=-1) if False else None)
full = queue.Queue(1)
full.put(0)
show('full negative timeout', lambda: full.put(1, timeout=-1))
show('task_done too many', lambda: queue.Queue().task_done())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# Producer/consumer with blocking get and join.
work = queue.Queue()
results = []
lock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        with lock:
            results.append(item * item)
        work.task_done()


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for i in range(20):
    work.put(i)
work.join()
print(sorted(results), work.unfinished_tasks)
for t in threads:
    work.put(None)
for t in threads:
    t.join()
print(work.empty())

# A bounded queue blocks the producer until the consumer takes items.
bounded = queue.Queue(maxsize=1)
received = []


def consumer():
    for _ in range(5):
        received.append(bounded.get())
        time.sleep(0.001)


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    bounded.put(i)
c.join()
print(received)

# Blocking get wakes up when an item arrives.
late = queue.Queue()
threading.Timer(0.02, lambda: late.put('late item')).start()
print(late.get(timeout=5))

pq = queue.PriorityQueue()
for item in [(2, 'b'), (1, 'a'), (3, 'c'), (1, 'A')]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
for i in range(3):
    sq.put(i)
sq.put_nowait('x')
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.get(False), sq.get(timeout=1), sq.empty())
show('simple empty', lambda: sq.get_nowait())
show('simple timeout', lambda: sq.get(timeout=0.01))
show('simple block false timeout', lambda: sq.get(False, 5))
show('simple negative timeout', lambda: sq.get(timeout=-1))
print(queue.Queue[int], queue.LifoQueue[str])
