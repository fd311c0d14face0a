# Forking while other threads run: the child keeps only the forking thread and can allocate,
# collect, start threads and import; the threads' locks and the GIL do not block it.
import gc
import os
import sys
import threading
import time

stop = threading.Event()
shared_lock = threading.Lock()
rlock = threading.RLock()
started = threading.Barrier(5)


def allocate():
    started.wait()
    junk = []
    while not stop.is_set():
        junk.append([str(i) for i in range(200)])
        if len(junk) > 50:
            junk = []


def hold(lock):
    started.wait()
    while not stop.is_set():
        with lock:
            time.sleep(0.001)


def spin():
    started.wait()
    n = 0
    while not stop.is_set():
        n += 1


threads = [threading.Thread(target=allocate), threading.Thread(target=hold, args=(shared_lock,)),
           threading.Thread(target=hold, args=(rlock,)), threading.Thread(target=spin)]
for t in threads:
    t.start()
started.wait()
time.sleep(0.05)

pids = []
for attempt in range(3):
    pid = os.fork()
    if pid == 0:
        # The child: lots of allocation (forcing collections), new threads, an import.
        blocks = [[i] * 20 for i in range(200000)]
        del blocks
        gc.collect()
        results = []
        workers = [threading.Thread(target=lambda k=k: results.append(sum(range(k * 1000))))
                   for k in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        import json
        import textwrap
        json.dumps({"ok": sorted(results)})
        assert threading.current_thread() is threading.main_thread()
        assert threading.active_count() == 1, threading.enumerate()
        # Locks that another thread held at fork time may be inherited locked (as in
        # CPython): only a timed attempt is safe.
        shared_lock.acquire(timeout=0.01)
        sys.stdout.write("")
        os._exit(0 if len(results) == 4 else 1)
    pids.append(pid)

codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
print("children exit codes", codes)

# A child that ends with sys.exit must not wait for the parent's threads.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    sys.exit(5)
print("sys.exit in child ->", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

stop.set()
for t in threads:
    t.join()
print("parent threads joined")
try:
    os.waitpid(-1, os.WNOHANG)
    print("zombie or running child left")
except ChildProcessError:
    print("no children left")
