# Exercises warnings: default output format on stderr (filename reduced to
# its basename), filters and actions, registries, catch_warnings and hooks.
import os
import sys
import warnings


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def text(self):
        return ''.join(self.parts)


def captured(func):
    """Run func with stderr captured; print what it wrote, with the
    directory of file names removed."""
    old = sys.stderr
    sys.stderr = cap = Capture()
    try:
        func()
    finally:
        sys.stderr = old
    text = cap.text().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, '')
    print(repr(text))


from _show import show


def deprecated_api():
    warnings.warn('old api', DeprecationWarning, stacklevel=2)


def user_api():
    warnings.warn('careful', stacklevel=2)


captured(lambda: warnings.warn('plain message'))
captured(lambda: warnings.warn('plain message'))  # same line: shown once
for i in range(2):
    captured(lambda: warnings.warn('in loop %d' % i, RuntimeWarning))
captured(lambda: user_api())
captured(lambda: deprecated_api())
captured(lambda: warnings.warn(UserWarning('instance')))
captured(lambda: warnings.warn('pending', PendingDeprecationWarning))
captured(lambda: warnings.warn('hidden dep', DeprecationWarning, stacklevel=1) if False else None)
show('bad category', lambda: warnings.warn('x', int))
show('bad category2', lambda: warnings.warn('x', 'str'))
print([(a, m, c.__name__, mod, l) for a, m, c, mod, l in warnings.filters])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('first')
    warnings.warn('second', SyntaxWarning)
    user_api()
    deprecated_api()
    warnings.warn(ValueError and FutureWarning('future'))
print(len(w), [(str(x.message), x.category.__name__, os.path.basename(x.filename), x.lineno) for x in w])
print(str(w[0]).replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ''))
print(isinstance(w[0].message, UserWarning), w[0].line, w[0].file, w[0].source)
print(len(warnings.filters), warnings.filters[0][0])

with warnings.catch_warnings():
    warnings.simplefilter('error')
    show('error action', lambda: warnings.warn('boom'))
    show('error category', lambda: warnings.warn('boom2', RuntimeWarning))
    warnings.simplefilter('ignore', RuntimeWarning)
    show('ignore one category', lambda: warnings.warn('quiet', RuntimeWarning))
    show('error still', lambda: warnings.warn('loud', UserWarning))

with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings('ignore', message='skip')
    warnings.filterwarnings('error', message='.*fatal', category=UserWarning)
    warnings.warn('skip this one')
    warnings.warn('SKIP case-insensitive')
    warnings.warn('not skipped')
    show('regex error', lambda: warnings.warn('very fatal'))
    warnings.filterwarnings('ignore', module='__main__')
    warnings.warn('module ignored')
print([str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('once')
    for i in range(3):
        warnings.warn('once only')
    warnings.warn('once only', RuntimeWarning)
    warnings.simplefilter('module')

    def twice():
        warnings.warn('module level')
    twice()
    twice()
    warnings.warn('module level')
    warnings.simplefilter('default')
    for i in range(3):
        warnings.warn('default repeats per line')
print([(str(x.message), x.category.__name__) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    print(warnings.filters)
    warnings.warn('after reset', DeprecationWarning)
print(len(w), warnings.defaultaction)

with warnings.catch_warnings(action='ignore', category=UserWarning):
    captured(lambda: warnings.warn('ignored by catch_warnings action'))
    captured(lambda: warnings.warn('but not this', RuntimeWarning))

print(repr(warnings.formatwarning('msg', UserWarning, 'file.py', 3, 'the line ')))
print(repr(warnings.formatwarning('msg', RuntimeWarning, '/no/such/file.py', 3)))
seen = []
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.showwarning = lambda *args: seen.append((str(args[0]), args[1].__name__, args[2], args[3]))
    warnings.warn_explicit('explicit', UserWarning, 'fake.py', 42)
    warnings.warn_explicit(RuntimeWarning('obj'), None, 'other.py', 7, module='mod')
print(seen, warnings.showwarning is warnings._showwarning_orig)
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.formatwarning = lambda m, c, f, l, line=None: 'CUSTOM %s %s\n' % (c.__name__, m)
    captured(lambda: warnings.warn('formatted'))
captured(lambda: warnings.warn_explicit('no source line', UserWarning, 'nofile.py', 1))
reg = {}
with warnings.catch_warnings():
    warnings.simplefilter('default')
    captured(lambda: warnings.warn_explicit('reg', UserWarning, 'r.py', 1, registry=reg))
    captured(lambda: warnings.warn_explicit('reg', UserWarning, 'r.py', 1, registry=reg))
print(sorted(k for k in reg if k != 'version'))
show('bad action', lambda: warnings.simplefilter('bogus'))
show('bad filter', lambda: warnings.filterwarnings('error', category=int))
cw = warnings.catch_warnings()
print(repr(cw), repr(warnings.catch_warnings(record=True)))
show('exit first', lambda: cw.__exit__(None, None, None))
with cw:
    show('enter twice', lambda: cw.__enter__())
print('__warningregistry__' in globals())
