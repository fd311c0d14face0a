# traceback and linecache: formatting of caught exceptions, stacks and chains
import io
import linecache
import sys
import traceback


def inner():
    raise ValueError('boom')


def outer():
    inner()


try:
    outer()
except ValueError:
    text = traceback.format_exc()
    print(text.replace(__file__, 'FILE'), end='')
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == text)
    etype, value, tb = sys.exc_info()

print(traceback.format_exception_only(ValueError, ValueError('x')))
print(traceback.format_exception_only(KeyError('k')))
print(traceback.format_exception_only(ValueError()))
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(fs.name, fs.lineno, repr(fs.line), fs.filename == __file__)
name, lineno, fname, line = summary[-1][2], summary[-1][1], summary[-1][0], summary[-1][3]
print(name, lineno, line, fname == __file__)
print([ln for ln, _ in [(l, f) for f, l in traceback.walk_tb(tb)]])
print(''.join(traceback.format_exception(value)).replace(__file__, 'FILE'), end='')
buf = io.StringIO()
traceback.print_exception(value, file=buf)
print(buf.getvalue().count('File'))
print(len(traceback.format_tb(tb)), traceback.format_tb(tb, limit=1)[0].split(',')[1])


def where():
    return traceback.extract_stack()


stack = where()
print([f.name for f in stack][-2:], stack[-1].line)
buf = io.StringIO()
traceback.print_stack(file=buf)
print(buf.getvalue().replace(__file__, 'FILE'), end='')
print(traceback.format_list([('a.py', 3, 'f', 'x = 1'), ('b.py', 7, 'g', None)]))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('during')
except KeyError as e:
    out = traceback.format_exception(type(e), e, e.__traceback__)
    full = ''.join(out)
    print('During handling' in full, full.count('Traceback'), out[-1], end='')
    print(''.join(traceback.format_exception(e, chain=False)).count('Traceback'))

try:
    try:
        raise OSError('inner')
    except OSError as exc:
        raise RuntimeError('outer') from exc
except RuntimeError as e:
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__cause__).__name__, str(te), te.exc_type.__name__, str(te.__cause__))
    lines = list(te.format())
    print(sum('direct cause' in l for l in lines), lines[-1], end='')


def recurse(n):
    if n == 0:
        raise RecursionError('deep')
    recurse(n - 1)


try:
    recurse(10)
except RecursionError as e:
    text = ''.join(traceback.format_exception(e))
    print(text.replace(__file__, 'FILE'), end='')

try:
    compile('x = (1,\n', 'snippet.py', 'exec')
except SyntaxError as e:
    print(traceback.format_exception_only(e)[-1], end='')


class MyErr(Exception):
    pass


e = MyErr('mine')
e.add_note('a note')
print(traceback.format_exception_only(e))
try:
    traceback.format_exception(ValueError, ValueError('v'))
except ValueError as err:
    print('ValueError:', err)
try:
    traceback.print_exception(42)
except TypeError as err:
    print('TypeError:', err)
print(traceback.format_exception(None))

print(repr(linecache.getline(__file__, 1)))
print(linecache.getline(__file__, 10000) == '', linecache.getline('/no/such/file.py', 1) == '')
print(len(linecache.getlines(__file__)) > 50, linecache.getlines('<string>'))
linecache.checkcache(__file__)
linecache.clearcache()
print(linecache.getline(__file__, 2), end='')
