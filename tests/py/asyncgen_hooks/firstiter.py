# When firstiter runs: at the first __anext__/asend/athrow/aclose call (before the awaitable
# is driven), once per generator; the hooks in force then are the ones the generator keeps.
import sys

log = []


def first(agen):
    log.append(('firstiter', agen.__name__, agen.ag_running, agen.ag_frame is not None))


def other_first(agen):
    log.append(('other firstiter', agen.__name__))


def drive(awaitable):
    try:
        while True:
            awaitable.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return 'StopAsyncIteration'


async def counter(n):
    for i in range(n):
        yield i


sys.set_asyncgen_hooks(firstiter=first)
g = counter(3)
print('created', log)
step = g.__anext__()
print('after __anext__()', log)
print(drive(step), log)
print(drive(g.__anext__()), drive(g.asend(None)), drive(g.__anext__()), log)

for name, start in [('asend', lambda g: g.asend(None)),
                    ('athrow', lambda g: g.athrow(ValueError)),
                    ('aclose', lambda g: g.aclose())]:
    log.clear()
    g = counter(2)
    g.__name__ = name
    awaitable = start(g)
    print(name, log)
    try:
        print(drive(awaitable))
    except ValueError:
        print('ValueError')

# Hooks changed after the first iteration do not apply to that generator.
log.clear()
g = counter(3)
drive(g.__anext__())
sys.set_asyncgen_hooks(firstiter=other_first)
drive(g.__anext__())
h = counter(3)
drive(h.__anext__())
print(log)

# A generator first iterated without hooks is not seen by hooks set later.
sys.set_asyncgen_hooks(None, None)
log.clear()
g = counter(3)
drive(g.__anext__())
sys.set_asyncgen_hooks(firstiter=first)
drive(g.__anext__())
print(log)

# async for goes through __anext__.
async def consume():
    total = 0
    async for i in counter(4):
        total += i
    return total

log.clear()
print(drive(consume()), log)


# A firstiter that raises makes the call raise; the hooks were still consulted.
def failing(agen):
    raise RuntimeError('firstiter failed for ' + agen.__name__)

sys.set_asyncgen_hooks(firstiter=failing)
g = counter(2)
try:
    g.__anext__()
except RuntimeError as e:
    print('RuntimeError:', e)
print(drive(g.__anext__()))
g = counter(2)
try:
    g.aclose()
except RuntimeError as e:
    print('RuntimeError:', e)

# firstiter may iterate the generator itself (the hooks are already consulted).
def eager(agen):
    log.append(('eager', drive(agen.__anext__())))

log.clear()
sys.set_asyncgen_hooks(firstiter=eager)
g = counter(3)
print(drive(g.__anext__()), log)
sys.set_asyncgen_hooks(None, None)
