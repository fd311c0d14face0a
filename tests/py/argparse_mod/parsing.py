# argparse parsing: nargs, actions, abbreviations, negative numbers,
# fromfile, parse_known_args, intermixed, defaults, Namespace.
import os
os.environ['COLUMNS'] = '80'
import argparse
from _util import run, show

print('### nargs')
p = argparse.ArgumentParser(prog='n')
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--star', nargs='*', default=[])
p.add_argument('--plus', nargs='+')
p.add_argument('--two', nargs=2)
p.add_argument('--one', nargs=1)
p.add_argument('pos', nargs='?', default='P')
for args in [[], ['--opt'], ['--opt', 'v'], ['--opt=v'], ['--star'], ['--star', 'a', 'b'],
             ['--plus', 'a'], ['--plus', 'a', 'b', 'c'], ['--two', 'a', 'b'], ['--one', 'a'],
             ['--one', 'a', 'b'], ['--opt', '--star', 'x'], ['x', '--opt'], ['--star', 'a', '--', 'b'],
             ['--two', 'a'], ['--plus'], ['--two=a', 'b'], ['--one=x'], ['--opt', '--', 'x']]:
    run(p, args)

p = argparse.ArgumentParser(prog='pn')
p.add_argument('a')
p.add_argument('b', nargs='*')
p.add_argument('c', nargs='+')
p.add_argument('d', nargs=2)
for args in [['1', '2', '3'], ['1', '2', '3', '4'], ['1', '2', '3', '4', '5', '6'], ['1', '2']]:
    run(p, args)
p = argparse.ArgumentParser(prog='pq')
p.add_argument('a', nargs='?')
p.add_argument('b', nargs='?')
p.add_argument('c', nargs='*')
for args in [[], ['1'], ['1', '2'], ['1', '2', '3', '4']]:
    run(p, args)
p = argparse.ArgumentParser(prog='px')
p.add_argument('-f')
p.add_argument('a')
p.add_argument('b', nargs='*')
for args in [['x', '-f', '1', 'y', 'z'], ['x', 'y', '-f', '1', 'z'], ['-f', '1', 'x']]:
    run(p, args)
    run(p, args, 'parse_intermixed_args')
    run(p, args, 'parse_known_intermixed_args')

print('### REMAINDER')
p = argparse.ArgumentParser(prog='rem')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('args', nargs=argparse.REMAINDER)
for args in [['--foo', 'B', 'cmd', '--arg1', 'XX', 'ZZ'], ['cmd'], ['cmd', '--foo', 'x'], ['cmd', '--', 'x']]:
    run(p, args)
p = argparse.ArgumentParser(prog='rem2')
p.add_argument('--rest', nargs=argparse.REMAINDER)
p.add_argument('-x', action='store_true')
run(p, ['--rest', '-x', 'a', '--b'])
run(p, ['-x', '--rest'])

print('### actions')
p = argparse.ArgumentParser(prog='act')
p.add_argument('--store')
p.add_argument('--const', action='store_const', const='K')
p.add_argument('--t', action='store_true')
p.add_argument('--f', action='store_false')
p.add_argument('--app', action='append', default=['init'])
p.add_argument('--ac', action='append_const', const=1, dest='acs')
p.add_argument('--ac2', action='append_const', const=2, dest='acs')
p.add_argument('-c', '--count', action='count')
p.add_argument('--ext', action='extend', nargs='*')
p.add_argument('--bo', action=argparse.BooleanOptionalAction)
p.add_argument('--app-n', action='append', nargs=2)
for args in [[], ['--store', 'a', '--store', 'b'], ['--const', '--t', '--f'], ['--app', 'x', '--app', 'y'],
             ['--ac', '--ac2', '--ac'], ['-ccc', '--count', '-c'], ['--ext', 'a', 'b', '--ext', '--ext', 'c'],
             ['--bo'], ['--no-bo'], ['--bo', '--no-bo'], ['--app-n', '1', '2', '--app-n', '3', '4'],
             ['--ext=x'], ['--no-bo=1'], ['--t=1'], ['-c3']]:
    run(p, args)
defapp = ['shared']
p = argparse.ArgumentParser(prog='defapp')
p.add_argument('--a', action='append', default=defapp)
print(p.parse_args(['--a', '1']), defapp)
p.add_argument('--e', action='extend', default=defapp, nargs='+')
print(p.parse_args(['--e', '1', '2']), defapp)

print('### short option clusters')
p = argparse.ArgumentParser(prog='cl')
p.add_argument('-a', action='store_true')
p.add_argument('-b', action='store_true')
p.add_argument('-c')
p.add_argument('-d', nargs='?', const='dc')
for args in [['-ab'], ['-abc', 'x'], ['-abcx'], ['-ac', 'v'], ['-c=v'], ['-cv'], ['-ba'], ['-d'], ['-ad'], ['-adv'],
             ['-az'], ['-abz'], ['-ca']]:
    run(p, args)
p = argparse.ArgumentParser(prog='cl2')
p.add_argument('-f', '-foo')
p.add_argument('-foobar')
for args in [['-foo', '1'], ['-foob', '1'], ['-fx'], ['-fo', '1'], ['-foobar=2']]:
    run(p, args)

print('### abbreviations')
p = argparse.ArgumentParser(prog='ab')
p.add_argument('--verbose', action='store_true')
p.add_argument('--version-number')
p.add_argument('--ve', action='store_true')
for args in [['--verb'], ['--vers', '1'], ['--ver'], ['--v'], ['--ve'], ['--verbose'], ['--version-n=2'], ['--x']]:
    run(p, args)
p = argparse.ArgumentParser(prog='noab', allow_abbrev=False)
p.add_argument('--verbose', action='store_true')
p.add_argument('-a', action='store_true')
p.add_argument('-b', action='store_true')
for args in [['--verb'], ['--verbose'], ['-ab']]:
    run(p, args)

print('### negative numbers')
p = argparse.ArgumentParser(prog='neg')
p.add_argument('-x', type=float)
p.add_argument('n', nargs='*', type=float)
for args in [['-1'], ['-x', '-1'], ['-x', '-2.5', '-3', '4'], ['-1e3'], ['-.5'], ['-x-1'], ['-1', '--', '-2'], ['-inf']]:
    run(p, args)
p = argparse.ArgumentParser(prog='neg2')
p.add_argument('-1', dest='one')
p.add_argument('x', nargs='?')
for args in [['-1', 'a'], ['-2'], ['-1', '-2'], ['--', '-2']]:
    run(p, args)
p = argparse.ArgumentParser(prog='neg3')
p.add_argument('x')
for args in [['-f'], ['-'], ['--'], ['-', '--'], ['a b'], ['-f x'], ['--f x'], ['-x=']]:
    run(p, args)

print('### option values that look like options')
p = argparse.ArgumentParser(prog='ov')
p.add_argument('--a')
p.add_argument('--b', action='store_true')
for args in [['--a', '--b'], ['--a=--b'], ['--a', '-x'], ['--a', 'has space'], ['--a', '-x y'], ['--a=']]:
    run(p, args)

print('### type conversion')
def hexint(s):
    return int(s, 16)
class Custom:
    def __init__(self, s):
        if s == 'bad':
            raise TypeError('nope')
        self.s = s
    def __repr__(self):
        return 'Custom(%r)' % self.s
def typeerr(s):
    raise argparse.ArgumentTypeError('custom message for %s' % s)
p = argparse.ArgumentParser(prog='ty')
p.add_argument('--i', type=int)
p.add_argument('--h', type=hexint)
p.add_argument('--c', type=Custom)
p.add_argument('--t', type=typeerr)
p.add_argument('--d', type=int, default='12')
p.add_argument('--dl', type=int, default=['1'], nargs='*')
p.add_argument('--ch', type=int, choices=[1, 2])
p.add_argument('--cs', choices='abc')
for args in [[], ['--i', '7'], ['--i', 'x'], ['--h', 'ff'], ['--h', 'zz'], ['--c', 'v'], ['--c', 'bad'],
             ['--t', 'q'], ['--d', '3'], ['--ch', '2'], ['--ch', '3'], ['--ch', 'x'], ['--cs', 'b'],
             ['--cs', 'bc'], ['--cs', 'z']]:
    run(p, args)
p = argparse.ArgumentParser(prog='ty2')
p.register('type', 'hexa', hexint)
p.add_argument('--x', type='hexa')
run(p, ['--x', '10'])
show('unregistered type', lambda: p.add_argument('--y', type='nosuch'))
show('non-callable type', lambda: p.add_argument('--y', type=3))

print('### defaults')
p = argparse.ArgumentParser(prog='df', argument_default=argparse.SUPPRESS)
p.add_argument('--a')
p.add_argument('--b', default=1)
p.add_argument('c', nargs='?')
run(p, [])
run(p, ['--a', 'x', 'y'])
p = argparse.ArgumentParser(prog='df2', argument_default=5)
p.add_argument('--a')
p.add_argument('--t', action='store_true')
run(p, [])
p = argparse.ArgumentParser(prog='sd')
p.add_argument('--foo', default='f')
p.set_defaults(foo='override', bar=42)
print(p.get_default('foo'), p.get_default('bar'), p.get_default('baz'))
run(p, [])
p.add_argument('--bar', default=1)
print(p.get_default('bar'))
run(p, [])
p.set_defaults(bar=None)
run(p, [])
ns = argparse.Namespace(foo='preset', extra=1)
print(p.parse_args(['--bar', '2'], namespace=ns), ns)
class MyNS:
    pass
obj = MyNS()
r = p.parse_args([], namespace=obj)
print(r is obj, sorted(vars(obj).items()))
p = argparse.ArgumentParser(prog='pd')
p.add_argument('x', nargs='?', default=argparse.SUPPRESS)
p.add_argument('y', nargs='*', default=['d'])
p.add_argument('z', nargs='*')
run(p, [])
run(p, ['1', '2'])

print('### fromfile')
with open('argparse_args_tmp.txt', 'w') as f:
    f.write('--foo\nbar\n\nbaz qux\n')
with open('argparse_args_tmp2.txt', 'w') as f:
    f.write('@argparse_args_tmp.txt\n-x\n')
p = argparse.ArgumentParser(prog='ff', fromfile_prefix_chars='@')
p.add_argument('--foo')
p.add_argument('-x', action='store_true')
p.add_argument('rest', nargs='*')
run(p, ['@argparse_args_tmp.txt', 'z'])
run(p, ['@argparse_args_tmp2.txt'])
run(p, ['@no_such_file_here.txt'])
run(p, ['--', '@argparse_args_tmp.txt'])
class SplitParser(argparse.ArgumentParser):
    def convert_arg_line_to_args(self, line):
        return line.split()
p = SplitParser(prog='ff2', fromfile_prefix_chars='@')
p.add_argument('--foo')
p.add_argument('rest', nargs='*')
run(p, ['@argparse_args_tmp.txt'])
os.remove('argparse_args_tmp.txt')
os.remove('argparse_args_tmp2.txt')

print('### parse_known_args')
p = argparse.ArgumentParser(prog='pk')
p.add_argument('--a')
p.add_argument('-b', action='store_true')
p.add_argument('p')
for args in [['x', '--u', '1', '-b'], ['x', 'y', 'z'], ['--a=1', '--zz=2', 'x'], ['-bq', 'x'], ['-q', 'x'],
             ['x', '--', '--a', '1'], []]:
    run(p, args, 'parse_known_args')
print(p.parse_known_args(['x'], argparse.Namespace(extra=1)))

print('### intermixed')
p = argparse.ArgumentParser(prog='im')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=int)
for args in [['doit', '1', '--foo', 'bar', '2', '3'], ['--foo', 'x', 'c'], ['c', '--bar', '1']]:
    run(p, args)
    run(p, args, 'parse_intermixed_args')
print(p.parse_known_intermixed_args(['c', '1', '--unk', '2']))
p2 = argparse.ArgumentParser(prog='im2')
p2.add_argument('r', nargs=argparse.REMAINDER)
show('intermixed REMAINDER', lambda: p2.parse_intermixed_args(['a']))
p3 = argparse.ArgumentParser(prog='im3')
sp = p3.add_subparsers()
sp.add_parser('s')
show('intermixed PARSER', lambda: p3.parse_intermixed_args(['s']))
p4 = argparse.ArgumentParser(prog='im4')
g = p4.add_mutually_exclusive_group()
g.add_argument('--a')
g.add_argument('b', nargs='?')
show('intermixed mutex positional', lambda: p4.parse_intermixed_args(['x']))
p5 = argparse.ArgumentParser(prog='im5')
g = p5.add_mutually_exclusive_group()
g.add_argument('--a')
g.add_argument('--b')
p5.add_argument('x', nargs='*')
run(p5, ['1', '--a', 'q', '2'], 'parse_intermixed_args')
run(p5, ['1', '--a', 'q', '--b', 'w'], 'parse_intermixed_args')

print('### Namespace')
ns = argparse.Namespace(b=2, a=1)
print(ns, repr(ns), str(ns))
print(ns == argparse.Namespace(a=1, b=2), ns != argparse.Namespace(a=1), ns == {'a': 1, 'b': 2})
print('a' in ns, 'c' in ns, vars(ns))
print(argparse.Namespace())
print(argparse.Namespace(**{'not valid': 1, 'ok': 2, '1x': 3}))
print(argparse.Namespace(x=[1, 'a'], y=None))
ns.c = 3
del ns.a
print(ns)
print(hash(argparse.Namespace) is not None, argparse.Namespace.__hash__)
print(isinstance(ns, argparse.Namespace), argparse.Namespace.__mro__[1].__name__)

print('### dest derivation')
p = argparse.ArgumentParser(prog='dd')
p.add_argument('-x', '--long-name')
p.add_argument('-y')
p.add_argument('-z', '--zz', '--zzz')
p.add_argument('--a-b-c', '-q')
p.add_argument('---triple')
p.add_argument('pos-with-dash')
run(p, ['v'])

print('### required')
p = argparse.ArgumentParser(prog='rq')
p.add_argument('--need', required=True)
p.add_argument('--need2', required=True, dest='n2')
p.add_argument('pos')
p.add_argument('pos2', nargs='+')
run(p, [])
run(p, ['a', 'b'])
run(p, ['--need', '1', 'a'])
p = argparse.ArgumentParser(prog='rq2')
p.add_argument('pos', nargs='?')
p.add_argument('--x', required=True, nargs='*')
run(p, ['--x'])
run(p, [])

print('### mutually exclusive')
p = argparse.ArgumentParser(prog='mx')
g = p.add_mutually_exclusive_group()
g.add_argument('--a', action='store_true')
g.add_argument('--b', action='store_true')
g.add_argument('--c', default='x')
g.add_argument('p', nargs='?', default='dflt')
g2 = p.add_mutually_exclusive_group(required=True)
g2.add_argument('--y')
g2.add_argument('--z', nargs='*')
for args in [['--y', '1'], ['--a', '--y', '1'], ['--a', '--b', '--y', '1'], ['--y', '1', '--z'],
             [], ['--a', 'pos', '--y', '1'], ['--c', 'x', '--y', '1'], ['--c', 'x', '--a', '--y', '1'],
             ['--c', 'q', '--a', '--y', '1'], ['--a', '--a', '--y', '2']]:
    run(p, args)
