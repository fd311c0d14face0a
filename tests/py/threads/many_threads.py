# 1,000 threads start, each records its argument and identity, and all are joined.
import threading

N = 1000
results = [None] * N
idents = set()
guard = threading.Lock()


def record(i):
    results[i] = i * i
    with guard:
        idents.add(threading.get_ident())


threads = [threading.Thread(target=record, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(results[i] == i * i for i in range(N)))
print(sum(results))
print(all(not t.is_alive() for t in threads))
print(len(idents) >= 1, threading.active_count())
