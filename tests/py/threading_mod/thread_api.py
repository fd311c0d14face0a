# threading.Thread and the module-level functions: names, reprs, lifecycle errors, daemon
# flags, current/main thread, enumerate, Timer, local, excepthook and trace/profile hooks.
import re
import sys
import threading


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def masked(text):
    # Idents differ between runs.
    return re.sub(r' \d+\)>', ' IDENT)>', text)


def work(out, *args, **kwargs):
    out.append((threading.current_thread().name, args, sorted(kwargs.items())))


print(sorted(threading.__all__))
main = threading.current_thread()
print(main.name, main is threading.main_thread(), main.daemon, main.is_alive())
print(masked(repr(main)))
print(type(threading.get_ident()).__name__, threading.get_ident() == main.ident)
print(type(threading.get_native_id()).__name__, main.native_id == threading.get_native_id())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError)
print(threading.Lock is not None, type(threading.Lock()).__name__)

out = []
t = threading.Thread(target=work, args=(out, 1, 2), kwargs={'k': 3})
print(re.sub(r'Thread-\d+', 'Thread-N', t.name), t.ident, t.native_id, t.is_alive())
print(re.sub(r'Thread-\d+', 'Thread-N', repr(t)))
t.start()
t.join()
print(re.sub(r'Thread-\d+', 'Thread-N', str(out)))
print(masked(re.sub(r'Thread-\d+', 'Thread-N', repr(t))))
print(t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
show('start twice', t.start)
t.join()
t.join(0)
print('join again ok')

named = threading.Thread(name='custom', target=lambda: None)
print(named.name, named.getName())
named.name = 42
print(repr(named.name))
named.setName('renamed')
print(named.name)
show('join unstarted', named.join)
print(threading.Thread(name='', target=work).name.startswith('Thread-'))
lam = threading.Thread(target=lambda: None)
print(re.sub(r'Thread-\d+', 'Thread-N', lam.name))

d = threading.Thread(target=lambda: None, daemon=True)
print('daemon', d.daemon, d.isDaemon(), 'daemon' in repr(d))
d.daemon = False
print('daemon', d.daemon)
d.setDaemon(True)
print('daemon', d.daemon)
d.start()
d.join()
show('set daemon after start', lambda: setattr(d, 'daemon', False))
show('join current', threading.current_thread().join)
show('group', lambda: threading.Thread(group=1))


class NoInit(threading.Thread):
    def __init__(self):
        pass


show('start without init', NoInit().start)
show('repr without init', lambda: repr(NoInit()))


class Sub(threading.Thread):
    def __init__(self, value):
        super().__init__(name='sub-%d' % value)
        self.value = value
        self.result = None

    def run(self):
        self.result = (self.value * 2, threading.current_thread() is self)


s = Sub(21)
s.start()
s.join()
print(s.name, s.result)

# Inherited daemon flag: a thread started by a daemon thread is a daemon too.
seen = []


def spawn():
    child = threading.Thread(target=lambda: None)
    seen.append(child.daemon)


p = threading.Thread(target=spawn, daemon=True)
p.start()
p.join()
print('inherited daemon', seen)

# enumerate/active_count while a thread is blocked on an Event.
gate = threading.Event()
started = threading.Event()


def blocked():
    started.set()
    gate.wait()


b = threading.Thread(target=blocked, name='blocked')
b.start()
started.wait()
print(sorted(t.name for t in threading.enumerate()), threading.active_count(), b.is_alive())
gate.set()
b.join()
print(sorted(t.name for t in threading.enumerate()), threading.active_count(), b.is_alive())

# Thread-local data.
data = threading.local()
data.x = 'main'
inner = []


def look():
    inner.append(hasattr(data, 'x'))
    data.x = 'worker'
    inner.append(data.x)


w = threading.Thread(target=look)
w.start()
w.join()
print('local', inner, data.x)


class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v


ml = MyLocal(5)
got = []
w = threading.Thread(target=lambda: got.append(ml.v))
w.start()
w.join()
print('local subclass', got, ml.v)

# Timer.
fired = []
tm = threading.Timer(0.01, fired.append, args=['fired'])
print(type(tm).__name__, isinstance(tm, threading.Thread), tm.interval, tm.args, tm.kwargs)
tm.start()
tm.join()
print(fired, tm.finished.is_set())
tm = threading.Timer(60, fired.append, args=['never'])
tm.start()
tm.cancel()
tm.join()
print(fired)
tm = threading.Timer(0, lambda **kw: fired.append(kw), kwargs={'a': 1})
tm.start()
tm.join()
print(fired)

# excepthook.
hooked = []


def hook(args):
    hooked.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                   args.exc_traceback is not None))


def boom():
    raise ValueError('bad')


saved = threading.excepthook
print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
for target in (boom, lambda: sys.exit(3)):
    t = threading.Thread(target=target, name='failing')
    t.start()
    t.join()
threading.excepthook = saved
print(hooked)
e = ValueError('x')
args = threading.ExceptHookArgs([ValueError, e, None, None])
print(args.exc_type.__name__, args.exc_value, args.exc_traceback, args.thread)
print(len(args), tuple(args)[0].__name__)
show('ExceptHookArgs bad', lambda: threading.ExceptHookArgs([1, 2]))

# Trace and profile hooks are stored (minipy does not call them).
print(threading.gettrace(), threading.getprofile())
f = lambda *a: None
threading.settrace(f)
threading.setprofile(f)
print(threading.gettrace() is f, threading.getprofile() is f)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())

print(threading.stack_size())
show('stack_size small', lambda: threading.stack_size(100))
print(threading.currentThread() is main, threading.activeCount() == threading.active_count())
