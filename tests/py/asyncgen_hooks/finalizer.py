# The finalizer hook: remembered at the first iteration, called with the generator when it is
# collected unfinished, instead of closing it. Each case drops a batch of generators named
# after it: a conservative collector may keep any single one alive through a stale stack word
# (and finalize it in a later case), so the conclusions are about nearly all of a batch.
import gc
import sys

N = 20
calls = []


def drive(awaitable):
    try:
        while True:
            awaitable.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'StopAsyncIteration'


def finalizer(agen):
    calls.append(('finalizer', agen.__name__, agen.ag_running, agen.ag_frame is not None))


def closing_finalizer(agen):
    calls.append(('closing', agen.__name__))
    drive(agen.aclose())


async def guarded(label):
    try:
        yield 1
        yield 2
    finally:
        calls.append(('finally', label))


async def plain(label):
    yield 1
    yield 2


def drop(gen_fn, label, steps=1):
    for _ in range(N):
        g = gen_fn(label)
        g.__name__ = label
        for _ in range(steps):
            drive(g.__anext__())


def report(label, exact=False):
    gc.collect()
    mine = [c for c in calls if c[1] == label]
    enough = len(mine) == N if exact else len(mine) >= N * 3 // 4
    print(label, enough, sorted(set(mine)))


sys.set_asyncgen_hooks(finalizer=finalizer)

# Abandoned while suspended: the hook gets it, suspended; the generator is not closed.
drop(guarded, 'abandoned')
report('abandoned')

# A body without try/finally is handed over too.
drop(plain, 'plain')
report('plain')

# Finished generators are not.
drop(guarded, 'finished', steps=3)
report('finished', exact=True)

# Never iterated: the hooks were never consulted, and it never started: nothing runs.
for _ in range(N):
    guarded('never iterated')
gc.collect()
print('never iterated', [c for c in calls if c[1] == 'never iterated'])


# __anext__() called but never awaited: the hooks were consulted, the generator has not
# finished.
def unawaited():
    for _ in range(N):
        g = plain('unawaited')
        g.__name__ = 'unawaited'
        g.__anext__().close()

unawaited()
report('unawaited')

# The hook can close it: its finally block runs then.
sys.set_asyncgen_hooks(finalizer=closing_finalizer)
drop(guarded, 'closed by hook')
gc.collect()
closing = calls.count(('closing', 'closed by hook'))
print('closed by hook', closing >= N * 3 // 4, closing == calls.count(('finally', 'closed by hook')))


# The finalizer in force at the first iteration is the one called.
def start_then_switch():
    for _ in range(N):
        sys.set_asyncgen_hooks(finalizer=finalizer)
        g = plain('remembered')
        g.__name__ = 'remembered'
        drive(g.__anext__())
        sys.set_asyncgen_hooks(finalizer=closing_finalizer)

start_then_switch()
report('remembered')

# Without a finalizer hook an abandoned generator is closed.
sys.set_asyncgen_hooks(None, None)
drop(guarded, 'no hook')
report('no hook')


# Closed explicitly before being dropped: nothing for the hook.
def start_and_close():
    for _ in range(N):
        g = guarded('aclosed')
        g.__name__ = 'aclosed'
        drive(g.__anext__())
        drive(g.aclose())

sys.set_asyncgen_hooks(finalizer=finalizer)
start_and_close()
report('aclosed', exact=True)


# An exception in the hook is reported as unraisable (on stderr) and ignored.
def failing(agen):
    calls.append(('failing', agen.__name__))
    raise ValueError('hook failed')

sys.set_asyncgen_hooks(finalizer=failing)
drop(plain, 'failing')
report('failing')
sys.set_asyncgen_hooks(None, None)
