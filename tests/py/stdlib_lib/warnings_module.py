# warnings: filters and their matching rules, registries, -W option parsing (through child
# interpreters), WarningMessage, catch_warnings details, hooks and error messages.
import io
import os
import subprocess
import sys
import warnings
from _show import show

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return text.replace(HERE, '')


print(sorted(warnings.__all__), warnings.defaultaction, type(warnings.onceregistry).__name__)
print([(a, m, c.__name__, mod, l) for a, m, c, mod, l in warnings.filters])


def record(f, *filters):
    """Runs f under catch_warnings(record=True) with the given simplefilter actions."""
    with warnings.catch_warnings(record=True) as w:
        for flt in filters:
            if isinstance(flt, tuple):
                warnings.filterwarnings(*flt)
            else:
                warnings.simplefilter(flt)
        try:
            f()
        except Warning as e:
            w.append('raised %s(%s)' % (type(e).__name__, e))
    return [x if isinstance(x, str) else '%s:%s:%s' % (x.category.__name__, x.message, x.lineno) for x in w]


def level1(msg, **kw):
    warnings.warn(msg, **kw)


def level2(msg, **kw):
    level1(msg, **kw)


def lines():
    return [warnings.warn('L') for _ in range(2)]


# stacklevel picks the frame the warning is attributed to.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    level2('s1')
    level2('s2', stacklevel=2)
    level2('s3', stacklevel=3)
    level2('s4', stacklevel=100)
    level2('s0', stacklevel=0)
    level2('sneg', stacklevel=-5)
for x in w:
    print(str(x.message), os.path.basename(x.filename), x.lineno if x.filename != 'sys' else 'sys:%s' % x.lineno)

# Message/category combinations.
print(record(lambda: warnings.warn(RuntimeWarning('inst'), UserWarning), 'always'))
print(record(lambda: warnings.warn(123), 'always'))
print(record(lambda: warnings.warn('cat', category=BytesWarning), 'always'))
print(record(lambda: warnings.warn('sub', category=type('MyW', (UserWarning,), {})), 'always'))
for bad in [int, 'UserWarning', UserWarning(), Exception, None.__class__]:
    show('category %r' % (bad,), lambda: warnings.warn('m', bad))
show('message none', lambda: warnings.warn(None) if False else record(lambda: warnings.warn(None), 'always'))

# Filter matching: message regex at the start, case-insensitive; module regex; lineno; category.
print(record(lambda: [warnings.warn(m) for m in ['abc', 'xabc', 'ABCD', 'ab']],
             'always', ('error', 'abc')))
print(record(lambda: [warnings.warn(m) for m in ['abc', 'xabc']], 'always', ('ignore', '.*abc')))
print(record(lambda: warnings.warn('mod'), 'always', ('error', '', Warning, '__ma')))
print(record(lambda: warnings.warn('mod'), 'always', ('error', '', Warning, 'other')))
print(record(lambda: warnings.warn('mod'), 'always', ('error', '', Warning, '__main__$')))
print(record(lambda: warnings.warn('cat', DeprecationWarning), 'always', ('error', '', UserWarning)))
print(record(lambda: warnings.warn('cat', DeprecationWarning), 'always', ('error', '', Warning)))
here = sys._getframe().f_lineno + 1
print(record(lambda: warnings.warn('ln'), 'always', ('error', '', Warning, '', here)))
print(record(lambda: warnings.warn('ln'), 'always', ('error', '', Warning, '', here + 1)))
print(record(lambda: warnings.warn('append'), 'error', ('ignore', '', Warning, '', 0, True)))
print(record(lambda: warnings.warn('append'), 'ignore', ('error', '', Warning, '', 0, False)))

# Filters list manipulation.
with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.simplefilter('ignore', UserWarning)
    warnings.simplefilter('error', RuntimeWarning, append=True)
    warnings.simplefilter('ignore', UserWarning)
    warnings.filterwarnings('once', 'msg', DeprecationWarning, 'mod', 3)
    warnings.simplefilter('error', RuntimeWarning, append=True)
    warnings.filterwarnings('module', append=True)
    for f in warnings.filters:
        a, m, c, mod, ln = f
        print(a, getattr(m, 'pattern', m), getattr(m, 'flags', 0) & 2, c.__name__, getattr(mod, 'pattern', mod), ln)
    warnings.simplefilter('default', lineno=5)
    print(warnings.filters[0])

for label, f in [
        ('bad action', lambda: warnings.filterwarnings('sometimes')),
        ('message int', lambda: warnings.filterwarnings('error', 5)),
        ('category str', lambda: warnings.filterwarnings('error', '', 'Warning')),
        ('category Exception', lambda: warnings.filterwarnings('error', '', Exception)),
        ('module int', lambda: warnings.filterwarnings('error', '', Warning, 3)),
        ('lineno negative', lambda: warnings.filterwarnings('error', '', Warning, '', -1)),
        ('lineno str', lambda: warnings.filterwarnings('error', '', Warning, '', '1')),
        ('simple bad action', lambda: warnings.simplefilter('nope')),
        ('simple lineno', lambda: warnings.simplefilter('error', lineno=-2)),
        ('bad regex', lambda: warnings.filterwarnings('error', '(')),
]:
    with warnings.catch_warnings():
        show(label, f)

with warnings.catch_warnings(record=True) as w:
    warnings.filters.insert(0, ('bogus', None, Warning, None, 0))
    show('unknown action in list', lambda: warnings.warn('x'))

# Registries: once/module/default remember, keyed per filters version.
warnings.onceregistry.clear()


def once_site():
    warnings.warn('once msg')


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('once')
    once_site()
    once_site()
    warnings.warn('once msg')
    warnings.warn('once msg', RuntimeWarning)
print(len(w), [k for k in warnings.onceregistry])
reg = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('default')
    for _ in range(2):
        warnings.warn_explicit('r', UserWarning, 'f.py', 1, 'm', reg)
    warnings.warn_explicit('r', UserWarning, 'f.py', 2, 'm', reg)
    print(len(w), sorted(k for k in reg if k != 'version'), 'version' in reg)
    warnings.simplefilter('default')
    warnings.warn_explicit('r', UserWarning, 'f.py', 1, 'm', reg)
    print(len(w))
reg = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('module')
    warnings.warn_explicit('mm', UserWarning, 'f.py', 1, 'm', reg)
    warnings.warn_explicit('mm', UserWarning, 'f.py', 2, 'm', reg)
    print(len(w), sorted(k for k in reg if k != 'version'))
reg = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn_explicit('aa', UserWarning, 'f.py', 1, 'm', reg)
    warnings.warn_explicit('aa', UserWarning, 'f.py', 1, 'm', reg)
    print(len(w), sorted(k for k in reg if k != 'version'))
    warnings.warn_explicit('none module: dropped', UserWarning, 'f.py', 1, None, None)
    warnings.warn_explicit('none reg', UserWarning, 'f.py', 1, registry=None)
    warnings.warn_explicit('mod from file', UserWarning, 'some/dir/modname.PY', True)
    warnings.warn_explicit('empty file', UserWarning, '', 1)
    warnings.warn_explicit(5, UserWarning, 'f', -3, module=7)
    warnings.warn_explicit(message='kw', category=RuntimeWarning, filename='f', lineno=2, module='m',
                           registry={}, module_globals={}, source=None)
    warnings.warn(message='kw2', category=RuntimeWarning, stacklevel=1, source=None)
    print([(str(x.message), x.category.__name__, x.filename.replace(__file__, 'FILE'), x.lineno) for x in w[2:]])
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings('error', module='modname')
    show('module from filename', lambda: warnings.warn_explicit('mf', UserWarning, 'modname.py', 1))
    warnings.filterwarnings('error', module='<unknown>')
    show('module unknown', lambda: warnings.warn_explicit('mu', UserWarning, '', 1))
    show('lineno str', lambda: warnings.warn_explicit('x', UserWarning, 'f', '7'))
    show('lineno float', lambda: warnings.warn_explicit('x', UserWarning, 'f', 7.0))
    show('filename int', lambda: warnings.warn_explicit('x', UserWarning, 5, 1))
    show('filename bytes', lambda: warnings.warn_explicit('x', UserWarning, b'f', 1))
    show('registry list', lambda: warnings.warn_explicit('x', UserWarning, 'f', 1, 'm', []))
    show('module_globals list', lambda: warnings.warn_explicit('x', UserWarning, 'f', 1, 'm', None, []))
    show('stacklevel str', lambda: warnings.warn('x', UserWarning, 'a'))
    show('category ValueError', lambda: warnings.warn_explicit('x', ValueError, 'f', 1))
    show('category None', lambda: warnings.warn_explicit('x', None, 'f', 1))
g = {'__name__': 'fakemod'}
exec("import warnings\nwarnings.warn('from exec')", g)
print(sorted(k for k in g['__warningregistry__'] if k != 'version'))
g = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    exec("import warnings\nwarnings.warn('nameless')", g)
    warnings.filterwarnings('error', module='<string>')
    show('module <string>', lambda: exec("import warnings\nwarnings.warn('nameless2')", {}))
print([(str(x.message), x.filename) for x in w])

# WarningMessage
m = warnings.WarningMessage('msg', UserWarning, 'file.py', 4)
print(str(m), m.file, m.line, m.source)
m = warnings.WarningMessage(UserWarning('w'), UserWarning, 'f', 1, file=None, line='code', source='src')
print(str(m), m.source)
print(str(warnings.WarningMessage('m', None, 'f', 1)))

# formatwarning / showwarning
print(repr(warnings.formatwarning('m', UserWarning, 'f.py', 1, '')))
print(repr(warnings.formatwarning('m', UserWarning, 'f.py', 1, '   indented code   \n')))
print(repr(warnings.formatwarning(UserWarning('inst'), DeprecationWarning, 'f.py', 'L')))
print(repr(clean(warnings.formatwarning('m', UserWarning, __file__, 2))))
print(repr(clean(warnings.formatwarning('m', UserWarning, __file__, 10 ** 6))))
buf = io.StringIO()
warnings.showwarning('shown', RuntimeWarning, 'x.py', 3, buf, 'line')
print(repr(buf.getvalue()))


class Broken:
    def write(self, s):
        raise OSError('closed')


warnings.showwarning('shown', RuntimeWarning, 'x.py', 3, Broken(), 'line')
print('broken file ignored')
old_stderr = sys.stderr
sys.stderr = None
warnings.showwarning('shown', RuntimeWarning, 'x.py', 3)
sys.stderr = old_stderr
print('no stderr ignored')
with warnings.catch_warnings():
    warnings.simplefilter('always')
    sys.stderr = io.StringIO()
    try:
        warnings.warn('with source', ResourceWarning, source=object())
        text = sys.stderr.getvalue()
    finally:
        sys.stderr = old_stderr
print(repr(clean(text)))
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.showwarning = 42
    show('showwarning not callable', lambda: warnings.warn('x'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    got = []
    warnings.showwarning = lambda *a: got.append(len(a))
    warnings.warn('custom hook while recording')
print(len(w), got)

# catch_warnings
cw = warnings.catch_warnings(record=True, module=warnings)
print(repr(cw))
import types
fake = types.ModuleType('fake')
fake.filters = []
fake.showwarning = warnings.showwarning
fake._showwarnmsg_impl = None
fake._filters_mutated = lambda: None
fake._showwarning_orig = warnings._showwarning_orig
cwf = warnings.catch_warnings(module=fake)
print(repr(cwf).startswith('catch_warnings(module=<module'), repr(cwf).endswith("'fake'>)"))
with cwf:
    fake.filters.append('x')
print(fake.filters)
show('catch kwargs only', lambda: warnings.catch_warnings(True))
before = warnings.filters[:]
show_before = warnings.showwarning
with warnings.catch_warnings(action='error', category=RuntimeWarning, lineno=0, append=True) as cm_result:
    print('result', cm_result, warnings.filters[-1][0], warnings.filters[-1][2].__name__)
    warnings.filters.clear()
print(warnings.filters == before, warnings.showwarning is show_before)
with warnings.catch_warnings(record=True) as w1:
    warnings.simplefilter('always')
    with warnings.catch_warnings(record=True) as w2:
        warnings.warn('inner')
    warnings.warn('outer')
print([str(x.message) for x in w1], [str(x.message) for x in w2])

# -W options and PYTHONWARNINGS (applied when the warnings module is imported).
child = ("import warnings\n"
         "print([(a, getattr(m, 'pattern', m), c.__name__, getattr(mod, 'pattern', mod), l)"
         " for a, m, c, mod, l in warnings.filters[:-5]])\n")
for opts in [['error'], ['ignore::DeprecationWarning'], ['i:hello world:UserWarning:pkg.mod:12'],
             ['a'], ['all::RuntimeWarning'], ['d:msg'], ['module::Warning'], ['o::warnings.Warning'],
             ['e::ResourceWarning', 'ignore'], [' error : spaced : UserWarning : m : 3 '],
             ['bogus'], ['error:::::extra'], ['error::NoSuchWarning'], ['error::int'],
             ['error::nosuchmod.Warn'], ['error::os.Nope'], ['error::os.PathLike'], ['error:::m:x'],
             ['error:::m:-1'], [':::'], ['error:a.b*c']]:
    args = [sys.executable] + ['-W' + o for o in opts] + ['-c', child]
    r = subprocess.run(args, capture_output=True, text=True)
    print(opts, r.stdout.strip(), r.stderr.strip().replace('\n', ' | '))
env = dict(os.environ, PYTHONWARNINGS='error::UserWarning,ignore:abc')
r = subprocess.run([sys.executable, '-c', child], capture_output=True, text=True, env=env)
print('PYTHONWARNINGS', r.stdout.strip())
r = subprocess.run([sys.executable, '-W', 'error', '-c', 'import warnings\nwarnings.warn("x")'],
                   capture_output=True, text=True)
print('error exit', r.returncode, r.stderr.strip().splitlines()[-1])
