# Exception objects: args/str/repr, the classes with fields of their own, notes, chaining
# attributes, user subclasses and exception groups.
def attempt(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


for e in [Exception(), Exception('a'), Exception('a', 2), KeyError('k'), KeyError(), KeyError(1, 2),
          ValueError(None), StopIteration(7), SystemExit(3), UnicodeError('u')]:
    print(repr(e), '|', str(e), '|', e.args)
print(StopIteration().value, StopIteration(1, 2).value, SystemExit().code, SystemExit(1, 2).code)
attempt(lambda: ValueError(x=1))

for args in [(2, 'No such file'), (2, 'No such file', 'f.txt'), (13, 'Denied', 'a', None, 'b'), (1,),
             (17, 'exists'), (32, 'pipe'), (999, 'odd')]:
    e = OSError(*args)
    print(type(e).__name__, repr(e), '|', e, '|', e.errno, e.strerror, e.filename, e.filename2)
print(issubclass(FileNotFoundError, OSError), OSError is EnvironmentError, IOError)

ie = ImportError('cannot import', name='mod', path='/p')
print(ie, ie.msg, ie.name, ie.path, ImportError().msg, str(ImportError('a', 'b')))
attempt(lambda: ImportError('m', foo=1))
ae = AttributeError('x', name='attr', obj=5)
print(ae, ae.name, ae.obj, NameError('n', name='v').name)

se = SyntaxError('invalid syntax', ('/tmp/dir/prog.py', 3, 7, 'x = = 1\n', 3, 8))
print(se, '|', se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, se.end_offset)
print(SyntaxError('bad', (None, 5, 1, None)), '|', SyntaxError('m'), '|', SyntaxError().msg)
attempt(lambda: SyntaxError('bad', (1, 2)))
print(IndentationError('unexpected indent').msg, issubclass(TabError, SyntaxError))

print(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte'))
print(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'invalid'))
print(UnicodeEncodeError('ascii', 'h\xe9\u1234\U00012345', 1, 2, 'ordinal not in range(128)'))
print(UnicodeEncodeError('ascii', 'h\xe9\u1234\U00012345', 2, 3, 'r'), UnicodeEncodeError('a', 'xy\U00012345', 2, 3, 'r'))
print(UnicodeEncodeError('ascii', 'abc', 0, 3, 'r'), UnicodeTranslateError('abc', 0, 1, 'no'))
ue = UnicodeDecodeError('utf-8', b'ab', 1, 2, 'r')
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason)
attempt(lambda: UnicodeEncodeError(1, 'x', 0, 1, 'r'))
attempt(lambda: UnicodeEncodeError('a'))

e = ValueError('with notes')
e.add_note('first')
e.add_note('second')
print(e.__notes__)
attempt(lambda: e.add_note(3))
attempt(lambda: setattr(e, '__cause__', 1))
attempt(lambda: setattr(e, '__context__', 'x'))
attempt(lambda: e.with_traceback(5))
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError('c')
print(repr(e.__cause__), e.__suppress_context__)
e.args = [1, 2]
print(e.args, str(e))
print(e.__reduce__()[0].__name__, e.__reduce__()[1])


class AppError(Exception):
    def __init__(self, code, msg='default'):
        super().__init__(msg)
        self.code = code


class Quiet(AppError):
    def __str__(self):
        return 'quiet %d' % self.code


err = AppError(5)
print(repr(err), str(err), err.args, err.code, vars(err))
print(repr(Quiet(1)), str(Quiet(2)), Quiet(3).args)

try:
    try:
        {}['missing']
    except KeyError as inner:
        raise AppError(1) from inner
except AppError as outer:
    print(repr(outer.__cause__), outer.__suppress_context__, outer.__context__ is outer.__cause__)

eg = ExceptionGroup('many', [ValueError(1), TypeError('t'), ExceptionGroup('inner', [KeyError('k')])])
print(type(eg).__name__, eg, repr(eg), eg.message, eg.exceptions[:2])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda x: isinstance(x, (KeyError, ExceptionGroup)))))
print(type(BaseExceptionGroup('b', [ValueError()])).__name__, type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__)
attempt(lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup('m', []))
attempt(lambda: ExceptionGroup('m', 5))
attempt(lambda: ExceptionGroup(5, [ValueError()]))
attempt(lambda: ExceptionGroup('m', [5]))
print([c.__name__ for c in ExceptionGroup.__mro__], issubclass(ExceptionGroup, Exception))
print(BaseException.__new__(ValueError).args, repr(ValueError.__new__(ValueError, 1, 2)))
attempt(lambda: BaseException.__new__(int))
