# The traceback module on exception groups (boxes, width and depth limits, chains inside and
# around groups, notes) and on its edge cases: arguments, notes, failing str(), SyntaxError.
import traceback


def out(lines):
    print(''.join(lines).replace(__file__, 'FILE'), end='')


def raiser(x):
    raise x


def catch(x):
    try:
        raiser(x)
    except BaseException as e:
        return e


out(traceback.format_exception(ExceptionGroup('unraised', [ValueError('a'), TypeError('b')])))
inner = catch(ExceptionGroup('inner', [catch(ValueError('iv')), KeyError('k')]))
try:
    raise TypeError('context of outer')
except TypeError:
    # The OSError's context is the TypeError too: it shows once, in the outer chain.
    outer = catch(ExceptionGroup('outer', [inner, catch(OSError(2, 'nofile'))]))
out(traceback.format_exception(outer))
out(traceback.format_exception(outer, chain=False))
try:
    raise ValueError('after') from outer
except ValueError as e:
    out(traceback.format_exception(e))
out(traceback.format_exception(ExceptionGroup('wide', [ValueError(i) for i in range(17)])))
deep = ValueError('leaf')
for i in range(12):
    deep = ExceptionGroup('level %d' % i, [deep])
out(traceback.format_exception(deep))
for width, depth in ((1, 10), (2, 0), (15, 1)):
    te = traceback.TracebackException.from_exception(
        ExceptionGroup('x', [ValueError(1), ExceptionGroup('y', [ValueError(2)]), ValueError(3)]),
        max_group_width=width, max_group_depth=depth)
    out(te.format())
    print(len(te.exceptions), te.max_group_width, te.max_group_depth, te.exceptions[0].exceptions)
out(traceback.format_exception(ExceptionGroup('o', [ExceptionGroup('a', [ValueError(1)]),
                                                    ExceptionGroup('b', [ValueError(2), ExceptionGroup('c', [ValueError(3)])])])))
noted = ExceptionGroup('noted', [ValueError('x')])
noted.add_note('a note')
noted.exceptions[0].add_note('member note')
out(traceback.format_exception(noted))
out(traceback.format_exception(BaseExceptionGroup('base', [KeyboardInterrupt()])))
print(traceback.format_exception_only(ExceptionGroup('only', [ValueError()])))

print('--- edge cases')
for args in [(5,), (None,), (ValueError, ValueError('x')), (ValueError, ValueError('x'), None), ('s',)]:
    try:
        print(repr(traceback.format_exception(*args)))
    except Exception as e:
        print(type(e).__name__, e)
print(traceback.format_exception_only(None), traceback.format_exception_only(ValueError, None))
e = ValueError('v')
e.__notes__ = 'abc'
print(traceback.format_exception_only(e))
e.__notes__ = ['a', 3]
print(traceback.format_exception_only(e))
e.__notes__ = 42
print(traceback.format_exception_only(e))


class BadStr:
    def __str__(self):
        raise RuntimeError


print(traceback.format_exception_only(ValueError(BadStr())))
print(repr(traceback.format_exc()))
te = traceback.TracebackException(ValueError, ValueError(1), None)
print(sorted(vars(te)))
fs = traceback.FrameSummary('f', 1, 'n', line='  x = 1  ')
print(fs, repr(fs.line), list(fs), len(fs), fs[2], fs == ('f', 1, 'n', 'x = 1'))
print(fs == traceback.FrameSummary('f', 1, 'n', line='other'),
      traceback.FrameSummary('f', 1, 'n', line='x', locals={'a': [1]}).locals)
print(traceback.StackSummary.from_list([('f.py', 3, 'fn', 'code()'),
                                        traceback.FrameSummary('g.py', 4, 'gn', line=None, lookup_line=False)]).format())
print(traceback.FrameSummary('f', None, 'n').line, repr(traceback.FrameSummary('nofile', 3, 'n').line))
try:
    traceback.print_last()
except ValueError as e:
    print('ValueError', e)
te = traceback.TracebackException(SyntaxError, SyntaxError('bad', ('f.py', 3, 5, '   x = = 1\n', 3, 8)), None)
print(sorted(vars(te)))
out(te.format_exception_only())
for err in (SyntaxError('m'), SyntaxError('', ('fn', None, None, None)), SyntaxError('tab', ('t.py', 1, 4, '\tx y\n', 1, 4)),
            IndentationError('ind', ('i.py', 2, 1, '  pass\n', 2, 3))):
    out(traceback.format_exception_only(err))


def recurse(n):
    if n == 0:
        raise RecursionError('deep enough')
    recurse(n - 1)


try:
    recurse(6)
except RecursionError as e:
    out(traceback.format_exception(e))
    out(traceback.format_exception(e, limit=2))
    out(traceback.format_exception(e, limit=-2))
