# The gc module: collect() returns an int and runs pending finalizers, enable/disable,
# thresholds, is_tracked, garbage and callbacks.
import gc


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(type(gc.collect()).__name__, type(gc.collect(0)).__name__, gc.collect(generation=2) >= 0)
show(lambda: gc.collect(3))
show(lambda: gc.collect(-1))
show(lambda: gc.collect('x'))
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
gc.enable()
print(gc.isenabled())
show(lambda: gc.enable(1))
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 20, 30)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
show(lambda: gc.set_threshold())
show(lambda: gc.set_threshold(1.5))
count = gc.get_count()
print(type(count).__name__, len(count), all(type(n) is int and n >= 0 for n in count))


class C:
    pass


print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(None), gc.is_tracked(2.5), gc.is_tracked(b'x'))
print(gc.is_tracked(C()), gc.is_tracked([]), gc.is_tracked(C), gc.is_tracked(gc))
print(gc.garbage, type(gc.callbacks).__name__)

phases = []


def callback(phase, info):
    phases.append((phase, sorted(info)))


gc.callbacks.append(callback)
gc.collect()
gc.callbacks.remove(callback)
gc.collect()
print(phases)

finalized = []


class F:
    def __del__(self):
        finalized.append(1)


def drop(k):
    for _ in range(k):
        F()


drop(50)
n = gc.collect()
print(len(finalized) >= 45, n >= 0)
