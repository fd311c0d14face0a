# __del__ on Python classes: called once when the instance is collected (gc.collect() runs the
# queued finalizers), never again after a resurrection, inherited and assigned after class
# creation; objects still alive at exit are finalized then, oldest first; an exception in
# __del__ is reported as "Exception ignored in: <function E.__del__ ...>" (last stderr line in
# del_finalizers.err).
import gc

log = []


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.append(self.n)


class D(C):
    pass


class L(list):
    def __del__(self):
        log.append('L')


def drop(cls, k):
    for i in range(k):
        cls(i)


drop(C, 100)
gc.collect()
print(len(log) >= 90, len(set(log)) == len(log), all(type(n) is int for n in log))
log.clear()
drop(D, 50)
gc.collect()
print(len(log) >= 45)
log.clear()
for _ in range(20):
    L()
gc.collect()
print(log.count('L') >= 15)

# Resurrection: __del__ stores self; the object is alive again, and its __del__ never reruns
# (ids stay unique while the resurrected objects are alive).
saved = []
finalized_ids = []


class R:
    def __del__(self):
        finalized_ids.append(id(self))
        saved.append(self)


def drop_r(k):
    for _ in range(k):
        R()


drop_r(30)
gc.collect()
print(len(saved) >= 25)
saved.clear()
gc.collect()
gc.collect()
print(len(finalized_ids) == len(set(finalized_ids)))


# __del__ added to a class after it was created applies to instances made afterwards.
class Late:
    pass


Late.__del__ = lambda self: log.append('late')
log.clear()
for _ in range(20):
    Late()
gc.collect()
print(log.count('late') >= 15)
del Late.__del__
log.clear()
for _ in range(20):
    Late()
gc.collect()
print(log.count('late'))


# A cycle of finalizable objects is finalized (order unspecified), every member once.
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(self.name)


def make_cycles(k):
    for i in range(k):
        a, b = Node('a%d' % i), Node('b%d' % i)
        a.peer, b.peer = b, a


log.clear()
make_cycles(20)
gc.collect()
print(len(log) >= 30, len(set(log)) == len(log))


# Exceptions raised by __del__ are reported and ignored.
class E:
    def __del__(self):
        raise ZeroDivisionError('from __del__')


print(gc.collect() >= 0)


class AtExit:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('exit finalizer', self.name)


first = AtExit('first')
second = AtExit('second')
bad = E()
print('end of script')
