# timeit.Timer with a simulated clock (deterministic), and timeit.main() with a wrapped timer.
import io
import sys
import timeit
import warnings


class Clock:
    """Advances by `step` on each call (each timer() call)."""

    def __init__(self, step=1.0):
        self.t = 0.0
        self.step = step
        self.calls = 0

    def __call__(self):
        self.calls += 1
        self.t += self.step
        return self.t


print(timeit.default_timer is __import__('time').perf_counter)
print(timeit.default_number, timeit.default_repeat, timeit.dummy_src_name)
print(sorted(timeit.__all__))

clock = Clock()
t = timeit.Timer('x += 1', 'x = 0', timer=clock)
print(t.timeit(5), clock.calls)
print(t.repeat(3, 10), clock.calls)
print(t.timer is clock)
print(t.src)

# stmt runs `number` times; globals is the namespace of the statements.
ns = {'count': [0]}
timeit.Timer('count[0] += 1', timer=Clock(), globals=ns).timeit(7)
print(ns['count'])
# Assigning a global name makes it a local of the timed function, as in CPython.
try:
    timeit.Timer('count += 1', timer=Clock(), globals={'count': 0}).timeit(1)
except UnboundLocalError as e:
    print('UnboundLocalError', e)
ns = {'L': []}
timeit.timeit('L.append(y)', 'y = len(L)', timer=Clock(), number=3, globals=ns)
print(ns['L'])
print(timeit.repeat('L.append(0)', timer=Clock(), repeat=4, number=2, globals=ns), len(ns['L']))

# Setup names are locals of the timed function, visible to stmt.
print(timeit.timeit('assert z == 5', 'z = 5', timer=Clock(0.5), number=3))
# Multi-line statements are reindented into the loop.
ns = {'out': []}
timeit.timeit('for i in range(2):\n    out.append(i)\nout.append("end")',
              'out.append("setup")', timer=Clock(), number=2, globals=ns)
print(ns['out'])

# Callables for stmt and setup.
calls = []
t = timeit.Timer(lambda: calls.append('stmt'), lambda: calls.append('setup'), timer=Clock())
print(t.timeit(3), calls)
print(t.src)
print(timeit.Timer(stmt=lambda: None, setup='pass', timer=Clock()).timeit(1))

# Errors.
for args in [(1,), ('pass', 2)]:
    try:
        timeit.Timer(*args)
    except ValueError as e:
        print('ValueError', e)
for stmt, setup in [('return', 'pass'), ('pass', 'return'), ('x = (', 'pass'), ('break', 'pass')]:
    try:
        timeit.Timer(stmt, setup)
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.filename)
# A name error is only found when the statement runs.
t = timeit.Timer('undefined_name', timer=Clock())
try:
    t.timeit(1)
except NameError as e:
    print('NameError', e)
    f = io.StringIO()
    t.print_exc(file=f)
    lines = f.getvalue().splitlines()
    print(lines[0])
    print('\n'.join(lines[-3:]))


# autorange: 1, 2, 5, 10, 20, 50, ... loops until the time taken is >= 0.2.
class CountingClock:
    """Time is 0.001 per statement executed so far."""

    def __init__(self):
        self.ns = {'n': [0]}

    def __call__(self):
        return self.ns['n'][0] * 0.001


cc = CountingClock()
t = timeit.Timer('n[0] += 1', timer=cc, globals=cc.ns)
trials = []
print(t.autorange(lambda number, taken: trials.append((number, round(taken, 6)))))
print(trials)
print(timeit.Timer('n[0] += 1', timer=cc, globals=cc.ns).autorange())


# The command line, through main() with a wrapped timer.
def run(args, step=0.001, times=None):
    out = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = out
    err = sys.stderr = io.StringIO()
    clock = Clock(step)
    if times is not None:
        it = iter(times)
        wrap = lambda timer: (lambda: next(it))
    else:
        wrap = lambda timer: clock
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            status = timeit.main(args, _wrap_timer=wrap)
        finally:
            sys.stdout, sys.stderr = saved
    print('main(%r) -> %r' % (args, status))
    print(out.getvalue(), end='')
    # Tracebacks (showing the generated source) and the unit error go to stderr.
    lines = err.getvalue().splitlines()
    if lines:
        print('stderr:', lines[-1])
        print('source shown:', [l.strip() for l in lines if '<timeit-src>' in l])
    for w in caught:
        print('warning:', w.category.__name__, repr(w.filename), w.lineno, w.message)


path_before = list(sys.path)
run(['-n', '10', '-r', '3', 'pass'])
run(['-n', '1', 'pass'], step=2.5)
run(['-n', '3', '-u', 'nsec', 'pass'])
run(['-n', '3', '--unit=msec', '--repeat=2', 'pass'])
run(['-n', '100', 'pass'], step=1e-5)
run(['-n', '1000', '-u', 'sec', 'pass'], step=1e-9)
run(['-n', '10', 'pass'], step=1e-12)
run(['-n', '2', 'pass'], step=7200)
# Without -n: autorange() tries 1, 2, 5, 10, 20 loops until a trial takes >= 0.2 s.
trials = [0, 0.01, 0, 0.03, 0, 0.09, 0, 0.15, 0, 0.25]
run(['pass'], times=trials + [0, 0.5] * 5)
run(['-v', '-s', 'a = 1', '-s', 'b = 2', 'c = a + b'], times=trials + [0, 0.5, 0, 0.6] * 3)
run(['-v', '-v', '-r', '2', 'pass'], times=[0, 0.123456789, 0, 0.987654321, 0, 0.5, 0, 0.25])
run(['pass'], step=0.3)
run(['-n', '2', '-r', '0', 'pass'])
run(['-n', '1', '-r', '5', 'pass'], times=[0, 1, 1, 2, 2, 3, 3, 9, 9, 10])
run(['-n', '1', '-r', '2', 'pass'], times=[0, 1, 1, 5])
run(['-n', '1', '-r', '2', 'pass'], times=[0, 1, 1, 4.5])
run(['-n', '1', '-p', '-t', '-c', 'pass'])
run(['-n', '1', '--', '-1'])
run(['-n', '2', '1/0'])
run(['-x'])
run(['--numbr=3'])
run(['-u', 'minutes', 'pass'])
run(['-n'])
# Each run that got past the options put the current directory first on sys.path.
print(sys.path.count('.') - path_before.count('.'), sys.path[-len(path_before):] == path_before)
out = io.StringIO()
saved = sys.stdout
sys.stdout = out
try:
    status = timeit.main(['-h'])
finally:
    sys.stdout = saved
print(status, out.getvalue() == timeit.__doc__ + ' ', out.getvalue().splitlines()[:3])
