# queue: Queue/LifoQueue/PriorityQueue/SimpleQueue ordering, bounds, timeouts, errors,
# task_done/join with worker threads, subclassing hooks and generic aliases.
import queue
import threading


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, repr(e))
    else:
        print(label, '->', repr(r))


print(queue.__all__)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Queue[int], queue.LifoQueue[str], queue.PriorityQueue[tuple])
print(queue.SimpleQueue[int].__origin__ is queue.SimpleQueue)

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in (5, 1, 4, 2, 3):
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(), q.maxsize, q.unfinished_tasks,
          [q.get_nowait() for _ in range(5)], q.empty())
    show('  get_nowait', q.get_nowait)
    show('  get block=False', lambda: q.get(False))
    show('  get timeout', lambda: q.get(timeout=0.01))
    show('  get timeout 0', lambda: q.get(True, 0))
    show('  get negative', lambda: q.get(timeout=-0.5))
    show('  get negative nonblocking', lambda: q.get(False, -1))

pq = queue.PriorityQueue()
for item in [(2, 'b'), (1, 'z'), (2, 'a'), (0, 'x')]:
    pq.put(item)
print([pq.get() for _ in range(4)])
print(type(queue.Queue().queue).__name__, type(queue.LifoQueue().queue).__name__,
      type(queue.PriorityQueue().queue).__name__)

bounded = queue.Queue(maxsize=2)
bounded.put(1)
bounded.put_nowait(2)
print('bounded', bounded.full(), bounded.qsize(), list(bounded.queue))
show('put_nowait full', lambda: bounded.put_nowait(3))
show('put block=False', lambda: bounded.put(3, False))
show('put timeout', lambda: bounded.put(3, timeout=0.01))
show('put timeout 0', lambda: bounded.put(3, True, 0))
show('put negative', lambda: bounded.put(3, timeout=-1))
show('put negative nonblocking', lambda: bounded.put(3, block=False, timeout=-1))
print(bounded.get(), bounded.get())
for size in (0, -1):
    q = queue.Queue(size)
    for i in range(100):
        q.put_nowait(i)
    print('unbounded', size, q.full(), q.qsize())
q = queue.Queue(maxsize=1)
show('negative timeout on free slot', lambda: q.put('x', timeout=-1))
print(q.qsize())

# task_done / join.
tq = queue.Queue()
show('task_done too many', tq.task_done)
tq.put('a')
tq.put('b')
print('unfinished', tq.unfinished_tasks)
tq.get()
tq.task_done()
tq.get()
tq.task_done()
tq.join()
print('joined', tq.unfinished_tasks)
show('task_done again', tq.task_done)

work = queue.Queue()
results = []
lock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            results.append(item * item)
        work.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    work.put(i)
work.join()
print('processed', sorted(results) == [i * i for i in range(20)])
for _ in workers:
    work.put(None)
for w in workers:
    w.join()
print('workers done', work.unfinished_tasks, work.empty())

# A bounded queue blocks producers until consumers make room.
small = queue.Queue(maxsize=1)
received = []


def producer():
    for i in range(10):
        small.put(i)
    small.put(None)


pt = threading.Thread(target=producer)
pt.start()
while True:
    item = small.get()
    if item is None:
        break
    received.append(item)
pt.join()
print('through maxsize=1', received)

# Blocking get wakes when another thread puts.
box = queue.Queue()
got = []
t = threading.Thread(target=lambda: got.append(box.get(timeout=30)))
t.start()
box.put('hello')
t.join()
print('blocking get', got)


# The storage hooks subclasses override.
class SortedQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)
        self.queue.sort(reverse=True)

    def _get(self):
        return self.queue.pop()


sq = SortedQueue()
for x in 'dbca':
    sq.put(x)
print('subclass', [sq.get() for _ in range(4)], sq.empty())

# SimpleQueue.
s = queue.SimpleQueue()
print('simple', s.empty(), s.qsize())
s.put(1)
s.put(2, block=False)
s.put(3, timeout=5)
s.put_nowait(4)
print('simple', s.empty(), s.qsize(), s.get(), s.get(False), s.get_nowait(), s.get(timeout=1))
show('simple get_nowait', s.get_nowait)
show('simple get nonblocking', lambda: s.get(block=False))
show('simple get timeout', lambda: s.get(timeout=0.01))
show('simple get negative', lambda: s.get(timeout=-1))
show('simple get negative nonblocking', lambda: s.get(False, -1))
show('simple no task_done', lambda: hasattr(s, 'task_done'))
sb = queue.SimpleQueue()
got = []
t = threading.Thread(target=lambda: got.append(sb.get()))
t.start()
sb.put('wake')
t.join()
print('simple blocking', got)

# Where the negative-timeout check applies.
q = queue.Queue()
q.put('item')
show('get negative with item', lambda: q.get(timeout=-1))
show('put negative unbounded', lambda: q.put('x', timeout=-1))
print(q.qsize())
s = queue.SimpleQueue()
s.put('item')
show('simple get negative with item', lambda: s.get(timeout=-1))
print(s.qsize())
