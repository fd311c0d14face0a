# JoinableQueue: join() returns once every item put has been marked done by a consumer.
import multiprocessing as mp


def consume(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * 10)
        q.task_done()


if __name__ == "__main__":
    q = mp.JoinableQueue()
    out = mp.Queue()
    workers = [mp.Process(target=consume, args=(q, out)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        q.put(i)
    q.join()
    print("all done", sorted(out.get(timeout=30) for _ in range(10)))
    for _ in workers:
        q.put(None)
    q.join()
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
