# concurrent.futures.Future used directly (states, results, callbacks, errors, reprs), the
# wait()/as_completed() helpers and the Executor base class.
import re
import sys
import io
import threading
import concurrent.futures as cf
from concurrent.futures import _base


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, masked(str(e)))
    else:
        print(label, '->', masked(repr(r)))


def masked(text):
    return re.sub(r'0x[0-9a-f]+', 'ADDR', text)


def state(f):
    return (f.done(), f.running(), f.cancelled())


print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(issubclass(cf.CancelledError, _base.Error), issubclass(_base.Error, Exception))
print(cf.TimeoutError is TimeoutError, issubclass(cf.InvalidStateError, _base.Error))
print(issubclass(cf.BrokenExecutor, RuntimeError))
print(_base.PENDING, _base.RUNNING, _base.CANCELLED, _base.CANCELLED_AND_NOTIFIED, _base.FINISHED)

f = cf.Future()
print(masked(repr(f)), state(f))
show('result timeout', lambda: f.result(timeout=0))
show('exception timeout', lambda: f.exception(timeout=0.01))
print('set_running', f.set_running_or_notify_cancel(), masked(repr(f)), state(f))
show('set_running twice', f.set_running_or_notify_cancel)
print('cancel running', f.cancel(), state(f))
f.set_result([1, 2])
print(masked(repr(f)), state(f), f.result(), f.exception())
show('set_result again', lambda: f.set_result(3))
show('set_exception after result', lambda: f.set_exception(ValueError()))
print('cancel finished', f.cancel())
show('set_running finished', f.set_running_or_notify_cancel)

f = cf.Future()
f.set_result(None)
print(masked(repr(f)), f.result())

f = cf.Future()
f.set_exception(KeyError('k'))
print(masked(repr(f)), state(f), repr(f.exception()))
show('result raises', f.result)
show('result raises with timeout', lambda: f.result(timeout=1))
try:
    f.result()
except KeyError as e:
    print('traceback kept', e.__traceback__ is not None)

f = cf.Future()
print('cancel pending', f.cancel(), f.cancel(), masked(repr(f)), state(f))
show('result cancelled', f.result)
show('exception cancelled', f.exception)
show('set_result cancelled', lambda: f.set_result(1))
print('set_running on cancelled', f.set_running_or_notify_cancel(), f.cancelled())
show('set_result notified', lambda: f.set_result(1))
show('set_running notified', f.set_running_or_notify_cancel)

# Callbacks: run in order on completion, at once when already done; errors are reported
# on stderr and do not stop the others.
calls = []
f = cf.Future()
f.add_done_callback(lambda fut: calls.append(('first', fut.result())))


def bad_callback(fut):
    raise RuntimeError('callback failed')


f.add_done_callback(bad_callback)
f.add_done_callback(lambda fut: calls.append(('third', fut.result())))
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    f.set_result('v')
    f.add_done_callback(lambda fut: calls.append(('late', fut.done())))
    f.add_done_callback(bad_callback)
    report = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print(calls)
print('callback error reported', report.count('callback failed'),
      report.count('exception calling callback for'))
cancelled_calls = []
g = cf.Future()
g.add_done_callback(lambda fut: cancelled_calls.append(fut.cancelled()))
g.cancel()
print('cancel callback', cancelled_calls)

# A waiting thread sees a result set later.
later = cf.Future()
seen = []
t = threading.Thread(target=lambda: seen.append(later.result(timeout=30)))
t.start()
later.set_result('late value')
t.join()
print(seen)
later = cf.Future()
t = threading.Thread(target=lambda: seen.append(repr(later.exception(timeout=30))))
t.start()
later.set_exception(OSError('io'))
t.join()
print(seen)
later = cf.Future()
errs = []


def wait_cancelled():
    try:
        later.result(timeout=30)
    except cf.CancelledError as e:
        errs.append(type(e).__name__)


t = threading.Thread(target=wait_cancelled)
t.start()
later.cancel()
t.join()
print(errs)


# wait().
def finished(value):
    f = cf.Future()
    f.set_result(value)
    return f


def failed(exc):
    f = cf.Future()
    f.set_exception(exc)
    return f


def cancelled():
    f = cf.Future()
    f.cancel()
    f.set_running_or_notify_cancel()
    return f


a, b, c = finished(1), failed(ValueError()), cancelled()
p = cf.Future()
res = cf.wait([a, b, c])
print(type(res).__name__, res._fields, len(res.done), len(res.not_done))
print(masked(repr(cf.wait([a]))))
done, not_done = cf.wait([a, p], timeout=0.01)
print('timeout', done == {a}, not_done == {p})
done, not_done = cf.wait([a, p], return_when=cf.FIRST_COMPLETED)
print('first completed', done == {a}, not_done == {p})
done, not_done = cf.wait([b, p], return_when=cf.FIRST_EXCEPTION)
print('first exception', done == {b}, not_done == {p})
done, not_done = cf.wait([a, c, p], timeout=0.01, return_when=cf.FIRST_EXCEPTION)
print('no exception', done == {a, c}, not_done == {p})
un = cf.Future()
un.cancel()
done, not_done = cf.wait([un], timeout=0.01)
print('cancelled but not notified is not done', len(done), len(not_done))
print('empty', cf.wait([]))
print('duplicates', len(cf.wait([a, a, a]).done))

pending = [cf.Future() for _ in range(3)]
go = threading.Event()


def complete_later():
    go.wait()
    pending[1].set_result('one')
    pending[0].set_exception(ValueError('zero'))


t = threading.Thread(target=complete_later)
t.start()
go.set()
done, not_done = cf.wait(pending, timeout=30, return_when=cf.FIRST_EXCEPTION)
t.join()
print('waited for exception', pending[0] in done, pending[2] in not_done)
pending[2].cancel()
pending[2].set_running_or_notify_cancel()
done, not_done = cf.wait(pending)
print('all done', len(done), len(not_done))
r = cf.Future()
r.cancel()
waiter_done = []
t2 = threading.Thread(target=lambda: waiter_done.append(cf.wait([r], timeout=30)))
t2.start()
r.set_running_or_notify_cancel()
t2.join()
print('cancel notifies waiters', len(waiter_done[0].done))

# as_completed().
print('as_completed done', [f.done() for f in cf.as_completed([a, b, c])])
print('as_completed empty', list(cf.as_completed([])))
print('as_completed dedup', len(list(cf.as_completed([a, a]))))
it = cf.as_completed([a, p, cf.Future()], timeout=0.01)
print('first', next(it) is a)
show('timeout', lambda: next(it))
show('timeout 0', lambda: list(cf.as_completed([p], timeout=0)))
order = []
fs = [cf.Future() for _ in range(4)]
step = threading.Semaphore(0)


def complete_in_order():
    for i in (2, 0, 3, 1):
        step.acquire()
        fs[i].set_result(i)


t = threading.Thread(target=complete_in_order)
t.start()
step.release()
for f in cf.as_completed(fs, timeout=30):
    order.append(f.result())
    step.release()
t.join()
print('as_completed order', order)

# The Executor base class.
ex = cf.Executor()
show('submit', lambda: ex.submit(print))
print('shutdown', ex.shutdown(), ex.shutdown(wait=False, cancel_futures=True))
with ex as entered:
    print('enter', entered is ex)


class Immediate(cf.Executor):
    """Runs each call on submit, in the caller's thread."""

    def __init__(self):
        self.calls = 0
        self.closed = None

    def submit(self, fn, /, *args, **kwargs):
        self.calls += 1
        f = cf.Future()
        f.set_running_or_notify_cancel()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:
            f.set_exception(e)
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.closed = wait


with Immediate() as im:
    it = im.map(pow, [2, 3, 4], [5, 2])
    print('map is lazy result', type(it).__name__ != 'list', im.calls)
    print(list(it))
    print(list(im.map(str, range(3), timeout=5, chunksize=4)))
    print(list(im.map(abs, [])))
    it = im.map(lambda x: 1 / x, [1, 0, 2])
    print(next(it))
    show('map error', lambda: next(it))
    show('after error', lambda: next(it))
print('closed with wait', im.closed)
show('map not callable args', lambda: list(Immediate().map(len, 5)))


class Slow(cf.Executor):
    """Returns futures nobody completes: map() then times out."""

    def __init__(self):
        self.futures = []

    def submit(self, fn, /, *args, **kwargs):
        f = cf.Future()
        self.futures.append(f)
        return f


slow = Slow()
it = slow.map(abs, [1, 2, 3], timeout=0.01)
show('map timeout', lambda: next(it))
print('rest cancelled on timeout', [f.cancelled() for f in slow.futures])
slow = Slow()
it = slow.map(abs, [1, 2, 3])
slow.futures[0].set_result(1)
print(next(it))
it.close()
print('rest cancelled on close', [f.cancelled() for f in slow.futures])
