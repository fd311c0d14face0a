# 100 threads each do 10,000 increments of a shared counter under one Lock: none may be lost.
import threading

N_THREADS = 100
N_INCREMENTS = 10_000
lock = threading.Lock()
counter = 0


def work():
    global counter
    for _ in range(N_INCREMENTS):
        with lock:
            counter += 1


threads = [threading.Thread(target=work) for _ in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter, counter == N_THREADS * N_INCREMENTS)
print(lock.locked(), threading.active_count())
