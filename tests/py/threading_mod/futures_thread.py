# concurrent.futures.ThreadPoolExecutor: submit/map, worker naming and reuse, shutdown with
# and without waiting or cancelling, initializers (and broken pools), argument errors.
import io
import re
import sys
import threading
import concurrent.futures as cf
from concurrent.futures.thread import BrokenThreadPool


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def name():
    return threading.current_thread().name


print(issubclass(BrokenThreadPool, cf.BrokenExecutor), cf.ThreadPoolExecutor.__mro__[1].__name__)

with cf.ThreadPoolExecutor(max_workers=2) as ex:
    f = ex.submit(pow, 2, 8)
    print('submit', f.result(timeout=30), f.done(), f.exception())
    f = ex.submit(lambda *a, **k: (a, sorted(k.items())), 1, 2, x=3, fn='kw')
    print('args', f.result(timeout=30))
    print('map', list(ex.map(lambda x: x * x, range(8))))
    print('map two', list(ex.map(pow, [2, 3], [3, 2, 1])))
    print('map chunksize', list(ex.map(abs, [-1, -2], chunksize=5)))
    print('map timeout', list(ex.map(abs, [-3], timeout=30)))
    f = ex.submit(int, 'x')
    show('error', lambda: f.result(timeout=30))
    print('exception()', type(f.exception()).__name__)
    it = ex.map(lambda x: 10 // x, [5, 0, 2])
    print(next(it))
    show('map error', lambda: next(it))
    used = {re.sub(r'-\d+_', '-N_', n) for n in ex.map(lambda _: name(), range(6))}
    print('names', used <= {'ThreadPoolExecutor-N_0', 'ThreadPoolExecutor-N_1'})
    fs = [ex.submit(pow, i, 2) for i in range(10)]
    print('as_completed', sorted(f.result() for f in cf.as_completed(fs, timeout=30)))
    print('wait', [len(s) for s in cf.wait(fs, timeout=30)])
show('submit after with', lambda: ex.submit(abs, 1))
show('map after with', lambda: ex.map(abs, [1]))
ex.shutdown()
print('shutdown again ok')

with cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix='pool') as ex:
    names = set(ex.map(lambda _: name(), range(3)))
print('prefix', all(re.fullmatch(r'pool_\d', n) for n in names))

with cf.ThreadPoolExecutor(max_workers=1) as ex:
    print('one worker', {n for n in ex.map(lambda _: name(), range(4))} == {ex.submit(name).result()})

# A blocked worker: queued calls wait, and cancel_futures cancels those not started.
ex = cf.ThreadPoolExecutor(max_workers=1)
release = threading.Event()
running = threading.Event()


def blocker():
    running.set()
    release.wait()
    return 'released'


first = ex.submit(blocker)
running.wait()
queued = [ex.submit(abs, -i) for i in range(3)]
print('queued', [f.running() or f.done() for f in queued], first.running())
print('cancel queued', queued[0].cancel(), queued[0].cancelled(), first.cancel())
release.set()
ex.shutdown(wait=True)
print('after shutdown', first.result(), [f.cancelled() for f in queued],
      [f.result() for f in queued[1:]])

ex = cf.ThreadPoolExecutor(max_workers=1)
release = threading.Event()
running = threading.Event()
first = ex.submit(blocker)
running.wait()
queued = [ex.submit(abs, -i) for i in range(3)]
release.set()
ex.shutdown(wait=True, cancel_futures=True)
print('cancel_futures', first.result(), all(f.done() for f in queued))
print('cancelled or ran', all(f.cancelled() or f.result() == i for i, f in enumerate(queued)))

ex = cf.ThreadPoolExecutor(max_workers=1)
release = threading.Event()
running = threading.Event()
first = ex.submit(blocker)
running.wait()
rest = [ex.submit(abs, -i) for i in range(3)]
ex.shutdown(wait=False)
show('submit after shutdown', lambda: ex.submit(abs, 1))
release.set()
print('shutdown(wait=False)', first.result(timeout=30), [f.result(timeout=30) for f in rest])

# Initializers.
seen = []
with cf.ThreadPoolExecutor(max_workers=2, initializer=seen.append, initargs=('init',)) as ex:
    print('with initializer', ex.submit(abs, -7).result(timeout=30))
print('initializer ran', set(seen))


def bad_init():
    raise ValueError('init failed')


saved = sys.stderr
sys.stderr = io.StringIO()
try:
    ex = cf.ThreadPoolExecutor(max_workers=1, initializer=bad_init)
    f = ex.submit(abs, -1)
    show('broken future', lambda: f.result(timeout=30))
    show('submit to broken', lambda: ex.submit(abs, 1))
    ex.shutdown()
    report = sys.stderr.getvalue()
finally:
    sys.stderr = saved
print('initializer error reported', 'Exception in initializer:' in report, 'init failed' in report)

for bad in (0, -1):
    show('max_workers %d' % bad, lambda: cf.ThreadPoolExecutor(max_workers=bad))
show('initializer', lambda: cf.ThreadPoolExecutor(initializer=5))
ex = cf.ThreadPoolExecutor()
print('default max_workers', ex._max_workers == min(32, (__import__('os').cpu_count() or 1) + 4))
ex.shutdown()

# Nested submission from a worker.
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    outer = ex.submit(lambda: ex.submit(pow, 3, 3).result(timeout=30))
    print('nested', outer.result(timeout=30))

# A worker that raises BaseException still completes the future.
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(sys.exit, 4)
    show('SystemExit in worker', lambda: f.result(timeout=30))
    print('pool still works', ex.submit(abs, -2).result(timeout=30))
