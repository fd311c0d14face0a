# Hooks belong to the thread that set them; a new thread starts with none.
import sys
import threading


def main_first(agen):
    print('main firstiter', agen.__name__)


def worker_first(agen):
    print('worker firstiter', agen.__name__)


async def numbers():
    yield 1


sys.set_asyncgen_hooks(firstiter=main_first)
seen = []


def worker():
    seen.append(sys.get_asyncgen_hooks())
    numbers().__anext__().close()
    sys.set_asyncgen_hooks(firstiter=worker_first, finalizer=lambda agen: None)
    numbers().__anext__().close()
    seen.append(sys.get_asyncgen_hooks().firstiter is worker_first)


t = threading.Thread(target=worker)
t.start()
t.join()
print(seen)
print(sys.get_asyncgen_hooks().firstiter is main_first, sys.get_asyncgen_hooks().finalizer)
numbers().__anext__().close()

# A thread's hooks stay its own while other threads change theirs.
ready = threading.Event()
done = threading.Event()
report = []


def holder():
    sys.set_asyncgen_hooks(firstiter=worker_first)
    ready.set()
    done.wait()
    report.append(sys.get_asyncgen_hooks().firstiter is worker_first)


t = threading.Thread(target=holder)
t.start()
ready.wait()
sys.set_asyncgen_hooks(firstiter=None)
done.set()
t.join()
print(report, sys.get_asyncgen_hooks())
