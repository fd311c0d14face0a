# Producers and consumers through queue.Queue: every item arrives exactly once.
import queue
import threading

PRODUCERS = 4
CONSUMERS = 4
ITEMS = 5000
q = queue.Queue(maxsize=100)
received = []
received_lock = threading.Lock()
STOP = object()


def produce(p):
    for i in range(ITEMS):
        q.put((p, i))


def consume():
    mine = []
    while True:
        item = q.get()
        if item is STOP:
            q.task_done()
            break
        mine.append(item)
        q.task_done()
    with received_lock:
        received.extend(mine)


consumers = [threading.Thread(target=consume) for _ in range(CONSUMERS)]
producers = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(STOP)
for t in consumers:
    t.join()
q.join()
print(len(received), len(set(received)) == PRODUCERS * ITEMS)
print(sorted(received) == [(p, i) for p in range(PRODUCERS) for i in range(ITEMS)])
print(q.empty(), q.qsize())
