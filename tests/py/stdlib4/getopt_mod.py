# getopt and gnu_getopt: parsing results and the GetoptError messages.
import getopt
import os

os.environ.pop('POSIXLY_CORRECT', None)


def show(fn, args, short, long=[]):
    try:
        print(fn.__name__, args, '->', fn(args, short, long))
    except getopt.GetoptError as e:
        print(fn.__name__, args, '-> GetoptError:', e, '| opt =', repr(e.opt),
              '| args =', e.args)


for fn in (getopt.getopt, getopt.gnu_getopt):
    show(fn, ['-a', '-b', 'val', 'file'], 'ab:')
    show(fn, ['-abval', 'x'], 'ab:')
    show(fn, ['-ab', 'val'], 'ab:')
    show(fn, ['-ba'], 'ab:')
    show(fn, ['-b'], 'ab:')
    show(fn, ['-x'], 'ab:')
    show(fn, ['-a:'], 'a:')
    show(fn, ['-'], 'a')
    show(fn, ['--', '-a'], 'a')
    show(fn, ['file', '-a', '--alpha', 'x'], 'a', ['alpha'])
    show(fn, ['--alpha', '--beta=1', '--beta', '2', 'rest'], '', ['alpha', 'beta='])
    show(fn, ['--al'], '', ['alpha', 'beta='])
    show(fn, ['--be', 'v'], '', ['alpha', 'beta='])
    show(fn, ['--be=v'], '', ['alpha', 'beta='])
    show(fn, ['--beta='], '', ['alpha', 'beta='])
    show(fn, ['--beta'], '', ['alpha', 'beta='])
    show(fn, ['--alpha=1'], '', ['alpha', 'beta='])
    show(fn, ['--gamma'], '', ['alpha', 'beta='])
    show(fn, ['--a'], '', ['alpha', 'alps'])
    show(fn, ['--alp'], '', ['alpha', 'alp'])
    show(fn, ['--alp'], '', ['alpha', 'alp='])
    show(fn, ['--alp=3'], '', ['alpha', 'alp='])
    show(fn, ['--num', '5'], '', 'num=')
    show(fn, ['--num=5'], '', ('num=',))
    show(fn, ['-a', '-', 'b', '-c'], 'ac')
    show(fn, ['-a', 'b', '--', '-c'], 'ac')
    show(fn, [], 'a')

show(getopt.gnu_getopt, ['x', '-a', 'y'], '+a')
os.environ['POSIXLY_CORRECT'] = '1'
show(getopt.gnu_getopt, ['x', '-a', 'y'], 'a')
del os.environ['POSIXLY_CORRECT']

print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
e = getopt.GetoptError('message')
print(repr(e.msg), repr(e.opt), e.args, str(e))
e = getopt.GetoptError('m', 'o')
print(e.args, repr(e))
print(sorted(getopt.__all__))
