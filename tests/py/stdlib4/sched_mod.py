# sched.scheduler with a simulated clock: order of events, cancel, non-blocking run, queue.
import sched
import threading


class Clock:
    def __init__(self):
        self.now = 100.0
        self.log = []

    def time(self):
        return self.now

    def sleep(self, delay):
        self.log.append(delay)
        self.now += delay


clock = Clock()
s = sched.scheduler(clock.time, clock.sleep)
out = []


def act(name, *extra, **kw):
    out.append((clock.now, name, extra, kw))


e1 = s.enter(5, 1, act, ('five',))
e2 = s.enter(1, 2, act, ('one-low',))
e3 = s.enter(1, 1, act, ('one-high',))
e4 = s.enterabs(101, 1, act, ('abs-101-same-prio',), {'k': 1})
e5 = s.enter(3, 0, act, argument=('three',), kwargs={'x': 'y'})
e6 = s.enter(2, 0, act)
print(repr(e1).replace(repr(act), 'ACT'))
print(type(e1).__name__, e1._fields)
print([e.argument for e in s.queue])
print(e3 < e4, e4 < e2, e2 == e2, e1 > e5, e1 <= e1, e1 >= e6)
s.cancel(e6)
print(s.empty(), len(s.queue))
try:
    s.cancel(e6)
except ValueError as e:
    print('ValueError', e)
s.run()
for entry in out:
    print(entry)
print(clock.log)
print(s.empty(), s.run())

# Non-blocking run: runs due events and returns the time to the next one.
clock.now = 0
out.clear()
s.enterabs(0, 1, act, ('now',))
s.enterabs(10, 1, act, ('later',))
print(s.run(blocking=False), out)
clock.now = 12
print(s.run(blocking=False), [o[1] for o in out])

# Actions can schedule further events.
clock.now = 0
out.clear()
def chain(n):
    out.append(n)
    if n < 3:
        s.enter(1, 1, chain, (n + 1,))
s.enter(0, 1, chain, (0,))
s.run()
print(out, clock.now)

# An exception in an action propagates; the event is already removed.
def boom():
    raise RuntimeError('boom')
s.enter(0, 1, boom)
s.enter(0, 2, act, ('after',))
try:
    s.run()
except RuntimeError as e:
    print('RuntimeError', e, len(s.queue))
s.run()
print(s.empty())

# Events are plain named tuples.
ev = sched.Event(1, 1, 1, None, (), {})
print(ev == sched.Event(1, 1, 1, None, (), {}), ev == sched.Event(1, 1, 1, print, (), {}), ev)
print(sched.Event.__doc__, isinstance(ev, tuple), ev._replace(time=5) > ev)
print(sched.Event.time.__doc__)
print(sched.__all__)

# Threads may add events while the scheduler runs.
real = sched.scheduler()
got = []
threads = [threading.Thread(target=lambda i=i: real.enter(0, i, got.append, (i,))) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
real.run()
print(sorted(got))
