# concurrent.futures.ProcessPoolExecutor: argument checks, submit/map in worker processes,
# initializers (working and failing), shutdown and cancellation. The multiprocessing folder
# has the crash and asyncio cases.
import multiprocessing
import os
import concurrent.futures as cf
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

state = {'init': None}


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def setup(value):
    state['init'] = value


def read_state(_):
    return state['init']


def not_parent(parent):
    return os.getpid() != parent


def add(a, b=0, *, c=0):
    return a + b + c


def bad_init():
    raise ValueError('init failed')


def fail(x):
    raise LookupError('no %s' % x)


if __name__ == '__main__':
    print(BrokenProcessPool.__mro__[1].__name__, issubclass(BrokenProcessPool, RuntimeError))
    print(cf.ProcessPoolExecutor is ProcessPoolExecutor)
    for bad in (0, -3):
        show('max_workers %d' % bad, lambda: ProcessPoolExecutor(max_workers=bad))
    show('initializer', lambda: ProcessPoolExecutor(initializer='x'))
    show('max_tasks_per_child 0', lambda: ProcessPoolExecutor(max_tasks_per_child=0))
    show('max_tasks_per_child str', lambda: ProcessPoolExecutor(max_tasks_per_child='a'))
    fork = multiprocessing.get_context('fork')
    show('max_tasks_per_child fork',
         lambda: ProcessPoolExecutor(max_tasks_per_child=2, mp_context=fork))

    with ProcessPoolExecutor(max_workers=2) as ex:
        print('in a child', ex.submit(not_parent, os.getpid()).result(timeout=30))
        print('args', ex.submit(add, 1, 2, c=3).result(timeout=30))
        print('map', list(ex.map(add, range(5), range(5))))
        print('map chunks', list(ex.map(add, range(10), chunksize=4)))
        print('map timeout', list(ex.map(abs, [-1, -2], timeout=30)))
        show('chunksize 0', lambda: ex.map(abs, [1], chunksize=0))
        show('chunksize -1', lambda: ex.map(abs, [1], chunksize=-1))
        f = ex.submit(fail, 'key')
        show('error', lambda: f.result(timeout=30))
        print('exception()', repr(f.exception()))
        it = ex.map(fail, ['a'])
        show('map error', lambda: next(it))
        fs = [ex.submit(add, i, i) for i in range(6)]
        print('wait', [len(s) for s in cf.wait(fs, timeout=30)],
              sorted(f.result() for f in cf.as_completed(fs, timeout=30)))
    show('submit after shutdown', lambda: ex.submit(abs, 1))
    show('map after shutdown', lambda: ex.map(abs, [1]))
    ex.shutdown()
    print('shutdown twice ok')

    with ProcessPoolExecutor(max_workers=1, initializer=setup, initargs=('ready',)) as ex:
        print('initializer', list(ex.map(read_state, range(3))), state['init'])

    ex = ProcessPoolExecutor(max_workers=1, initializer=bad_init)
    f = ex.submit(abs, -1)
    show('failing initializer', lambda: f.result(timeout=30))
    show('submit to broken', lambda: ex.submit(abs, 1))
    ex.shutdown()

    ex = ProcessPoolExecutor(max_workers=1)
    print('unused pool shuts down', ex.shutdown(), ex.shutdown(wait=False))
