# Threads not started by threading (dummy threads), timed joins, a failing excepthook,
# Condition over other kinds of locks, and exit: non-daemon threads are waited for and the
# main thread counts as finished in atexit handlers.
import _thread
import atexit
import io
import re
import sys
import threading

# A thread started by _thread directly gets a dummy Thread object.
done = threading.Event()
res = []


def raw():
    t = threading.current_thread()
    res.append((type(t).__name__, t.daemon, t.is_alive(), re.sub(r'\d+', 'N', t.name)))
    try:
        t.join()
    except Exception as e:
        res.append((type(e).__name__, str(e)))
    res.append(t in threading.enumerate())
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(res)

gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
t.join(0.01)
print('alive after timed join', t.is_alive())
t.join(-1)
print(t.is_alive())
gate.set()
t.join()
print(t.is_alive())


def bad_hook(args):
    raise KeyError('hook broke')


threading.excepthook = bad_hook
err = io.StringIO()
saved = sys.stderr
sys.stderr = err
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
sys.stderr = saved
print('hook failure reported', err.getvalue().splitlines()[0], 'hook broke' in err.getvalue())
threading.excepthook = threading.__excepthook__


class MyLock:
    def __init__(self):
        self.lock = threading.Lock()

    def acquire(self, *args):
        return self.lock.acquire(*args)

    def release(self):
        self.lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


c = threading.Condition(MyLock())
with c:
    print('custom lock wait', c.wait(0.01))

# wait() releases an RLock held several levels deep, and restores the depth.
r = threading.Condition(threading.RLock())
flag = []


def notifier():
    with r:
        flag.append(1)
        r.notify()


with r:
    with r:
        t = threading.Thread(target=notifier)
        t.start()
        print('rlock deep wait', r.wait(30), flag)
    print('still held once', r._lock._is_owned())
t.join()
print(threading.main_thread().is_alive())

atexit.register(lambda: print('atexit: main alive', threading.main_thread().is_alive()))
gate2 = threading.Event()


def late():
    gate2.wait()
    print('non-daemon finished at exit')


threading.Thread(target=late).start()
threading.Timer(0.05, gate2.set).start()
print('end')
