# The default exception printer (sys.excepthook) on exception groups: boxes, nesting, chained
# members, width and depth limits, and groups inside chains.
import sys


def raiser(x):
    raise x


def catch(x):
    try:
        raiser(x)
    except BaseException as e:
        return e


def show(title, exc):
    print('=====', title)
    sys.__excepthook__(type(exc), exc, exc.__traceback__)


class PathsHidden:
    """Standard output for the printer's text, with this file's path shown as FILE."""

    def write(self, text):
        return sys.stdout.write(text.replace(__file__, 'FILE'))

    def flush(self):
        sys.stdout.flush()


sys.stderr = PathsHidden()
show('unraised', ExceptionGroup('unraised', [ValueError('a'), TypeError('b')]))
inner = catch(ExceptionGroup('inner', [catch(ValueError('iv')), KeyError('k')]))
try:
    raise TypeError('context of outer')
except TypeError:
    outer = catch(ExceptionGroup('outer', [inner, catch(OSError(2, 'nofile'))]))
show('nested', outer)
show('after', catch(ValueError('after')) if False else outer)
try:
    raise ValueError('caused') from outer
except ValueError as e:
    show('caused by a group', e)
show('wide', ExceptionGroup('wide', [ValueError(i) for i in range(17)]))
show('wide by one', ExceptionGroup('wide', [ValueError(i) for i in range(16)]))
deep = ValueError('leaf')
for i in range(12):
    deep = ExceptionGroup('level %d' % i, [deep])
show('deep', deep)
subs = []
for i in range(2):
    try:
        try:
            raiser(ValueError(i))
        except ValueError as v:
            raise RuntimeError('wrapped %d' % i) from v
    except RuntimeError as r:
        subs.append(r)
noted = ExceptionGroup('chained members', subs)
noted.add_note('a note on the group')
subs[0].add_note('a note on a member')
show('chained members', noted)
show('base', BaseExceptionGroup('base', [KeyboardInterrupt(), catch(SystemExit(3))]))
show('last members are groups', ExceptionGroup('o', [ExceptionGroup('a', [ValueError(1)]),
                                                     ExceptionGroup('b', [ValueError(2), ExceptionGroup('c', [ValueError(3)])])]))
show('wide groups', ExceptionGroup('w', [ValueError(0)] + [ExceptionGroup('x%d' % i, [ValueError(i)]) for i in range(16)]))


class MyGroup(ExceptionGroup):
    pass


show('subclass', MyGroup('mine', [ValueError(1)]))
raise ExceptionGroup('uncaught', [ValueError('v'), catch(KeyError('k'))])
