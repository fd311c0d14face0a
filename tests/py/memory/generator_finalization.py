# Generators dropped while suspended run their finally blocks when collected (gc.collect() runs
# them), an exception there is reported as unraisable, generators still suspended at exit are
# closed then, and a coroutine that is never awaited warns (the last stderr line, in
# generator_finalization.err, is CPython's tracemalloc hint).
import gc

log = []


def gen(i):
    try:
        yield i
        yield i + 1
    finally:
        log.append(i)


def drop_suspended(k):
    for i in range(k):
        g = gen(i)
        next(g)


drop_suspended(50)
gc.collect()
print(len(log) >= 45, len(set(log)) == len(log))

# Finished or never-started generators have nothing to run.
log.clear()
for i in range(10):
    list(gen(i))
print(sorted(log))
log.clear()
for i in range(10):
    gen(i)
gc.collect()
print([i for i in log if i < 10])


async def never_awaited():
    # minipy tracks (and so can warn about) coroutines whose body has handlers.
    try:
        pass
    finally:
        pass


async def awaited():
    return 1


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(run(awaited()))


def drop_coroutine():
    never_awaited()


# Several, from one line (warned once, as CPython's warning registry does): the conservative
# collector may keep any single one alive through a stale stack word.
for _ in range(20):
    drop_coroutine()
gc.collect()


def at_exit():
    try:
        yield 1
    finally:
        print('closed at exit')


kept = at_exit()
next(kept)
print('end of script')
