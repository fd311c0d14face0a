# argparse corner cases: '--' handling, positional sharing, usage clean-up
# around hidden group members, FileType, intermixed parsing quirks.
import os
os.environ['COLUMNS'] = '80'
import argparse
import sys
from _util import run, show, helps


def parser(specs, **kw):
    p = argparse.ArgumentParser(prog='p', **kw)
    p.add_argument('-f')
    for name, nargs in specs:
        p.add_argument(name, nargs=nargs)
    return p


print('### separators and sharing')
cases = [
    ([('a', None), ('b', '*'), ('c', '?')], ['x', '-f', '1', 'y']),
    ([('a', '*'), ('b', None)], ['x', '-f', '1', 'y']),
    ([('a', None), ('b', '...')], ['x', '-f', '1']),
    ([('a', '?'), ('b', '*')], ['-f', '1', 'x', 'y']),
    ([('a', '?')], ['-f', '1', '-f', '2', 'x']),
    ([('a', None), ('b', '*')], ['x', '--', '-f', '1']),
    ([('a', None), ('b', '*')], ['--', 'x', '-f', '1', 'y']),
    ([('a', '*')], ['--', '-f', '1', '--']),
    ([('a', None), ('b', '*')], ['x', '--', '--', '-f', '1']),
    ([('a', None), ('b', '?')], ['x', '--', '-f', '1']),
    ([('a', '?'), ('b', '?')], ['--', '--', 'x']),
    ([('a', None), ('b', 2)], ['x', '--', 'y', '--', 'z']),
    ([('a', None), ('b', '...')], ['x', '--', 'y', '--', 'z']),
    ([('a', None), ('b', '+')], ['x', '--', '-y', '--', 'z']),
    ([('a', 2), ('b', '*'), ('c', 2)], ['1', '2', '3', '4', '5', '6', '7']),
    ([('a', '+'), ('b', '+'), ('c', '+')], ['1', '2', '3', '4']),
    ([('a', '*'), ('b', '?'), ('c', '+')], ['1', '2', '3']),
    ([('a', '?'), ('b', '+'), ('c', '?')], ['1']),
    ([('a', 1), ('b', '?')], ['1', '--', '2']),
    ([('a', None)], ['--', '--']),
    ([('a', '*')], ['--']),
]
for specs, args in cases:
    print(specs, end=' ')
    run(parser(specs), args, 'parse_known_args')
p = argparse.ArgumentParser(prog='p')
p.add_argument('--a')
p.add_argument('--s', nargs='*')
for args in [['--a=--'], ['--s', 'x', '--', 'y'], ['--a', '--'], ['--s=--']]:
    run(p, args, 'parse_known_args')

print('### intermixed quirks')
p = argparse.ArgumentParser(prog='iq')
p.add_argument('-f', action='store_true')
p.add_argument('a', nargs='?')
for args in [['--', '-f'], ['x', '--', '-f'], ['-f', 'x']]:
    run(p, args, 'parse_intermixed_args')
p = argparse.ArgumentParser(prog='iq2')
p.add_argument('--req', required=True)
p.add_argument('pos', nargs='+')
run(p, ['a', '--req', 'r', 'b'], 'parse_intermixed_args')
run(p, ['a', 'b'], 'parse_intermixed_args')
run(p, ['--req', 'r'], 'parse_intermixed_args')

print('### usage with hidden members')
p = argparse.ArgumentParser(prog='hid')
g = p.add_mutually_exclusive_group()
g.add_argument('--a', help=argparse.SUPPRESS)
g.add_argument('--b')
g.add_argument('--c', help=argparse.SUPPRESS)
g2 = p.add_mutually_exclusive_group(required=True)
g2.add_argument('--x', action='store_true')
g2.add_argument('--y', action='store_true', help=argparse.SUPPRESS)
g3 = p.add_mutually_exclusive_group(required=True)
g3.add_argument('--p', action='store_true')
g3.add_argument('--q', action='store_true')
g3.add_argument('--r', action='store_true')
p.add_argument('--hidden', help=argparse.SUPPRESS)
p.add_argument('pos', help=argparse.SUPPRESS)
p.add_argument('shown', nargs='?')
print(p.format_usage(), end='')
run(p, ['--b', '1', 'z'])
run(p, ['--x', 'z'])
run(p, ['--x', '--p', '--q', 'z'])
p = argparse.ArgumentParser(prog='hid2')
g = p.add_mutually_exclusive_group(required=True)
g.add_argument('--a', help=argparse.SUPPRESS)
g.add_argument('--b', help=argparse.SUPPRESS)
run(p, [])
p = argparse.ArgumentParser(prog='adj')
g1 = p.add_mutually_exclusive_group()
g1.add_argument('--a1')
g1.add_argument('--a2')
g2 = p.add_mutually_exclusive_group()
g2.add_argument('--b1')
g2.add_argument('--b2')
p.add_argument('--solo', metavar='[weird]')
p.add_argument('--paren', metavar='(x)')
print(p.format_usage(), end='')
os.environ['COLUMNS'] = '30'
p = argparse.ArgumentParser(prog='adj')
g1 = p.add_mutually_exclusive_group()
g1.add_argument('--a1')
g1.add_argument('--a2')
p.add_argument('--meta', metavar='TWO WORDS')
p.add_argument('pos', metavar='SOME POSITIONAL')
p.add_argument('--brk', metavar='[x]y')
print(p.format_usage(), end='')
os.environ['COLUMNS'] = '80'

print('### FileType')
for ft in [argparse.FileType(), argparse.FileType('rb'), argparse.FileType('w', 1, encoding='utf-8'),
           argparse.FileType('a', errors='strict'), argparse.FileType('r', -1, None, None)]:
    print(repr(ft))
print(argparse.FileType('r')('-') is sys.stdin, argparse.FileType('w')('-') is sys.stdout)
print(argparse.FileType('rb')('-') is sys.stdin.buffer, argparse.FileType('wb')('-') is sys.stdout.buffer)
show('bad mode dash', lambda: argparse.FileType('+')('-'))
p = argparse.ArgumentParser(prog='ft')
p.add_argument('infile', type=argparse.FileType('r'))
run(p, ['/nonexistent/file.txt'])
with open('argparse_ft_tmp.txt', 'w') as f:
    f.write('hello\n')
ns = p.parse_args(['argparse_ft_tmp.txt'])
print(ns.infile.read(), end='')
ns.infile.close()
os.remove('argparse_ft_tmp.txt')
show('FileType class', lambda: argparse.ArgumentParser().add_argument('--f', type=argparse.FileType))

print('### help details')
p = argparse.ArgumentParser(prog='hd', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('--none', help='none default')
p.add_argument('--zero', default=0, help='zero default')
p.add_argument('--empty', default='', help='empty default')
p.add_argument('--lst', default=[1, 2], nargs='*', help='list default')
p.add_argument('--already', default=5, help='has %(default)s already')
p.add_argument('--ws', help='   ')
p.add_argument('--pct', default=3, help='100%%')
p.add_argument('pos', help='required positional')
p.add_argument('opt', nargs='?', default='o', help='optional positional')
p.add_argument('many', nargs='*', default=['m'], help='star positional')
p.add_argument('--version', action='version', version='%(prog)s   1.0   beta')
helps(p)
run(p, ['--version'])
p = argparse.ArgumentParser(prog='ex', epilog='%(prog)s epilog', description='Uses %(prog)s twice: %(prog)s.')
p.add_argument('--x', type=int, choices=range(1, 4), help='one of %(choices)s, type %(type)s')
p.add_argument('--f', type=float, help='%(type)s and %(default)s and %(required)s')
helps(p)
p = argparse.ArgumentParser(prog='uni', description='Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00a0nbsp\u00a0kept')
p.add_argument('--\u00e9t\u00e9', help='accented option')
helps(p)
run(p, ['--\u00e9t\u00e9', 'x'])

print('### parents and groups')
base = argparse.ArgumentParser(add_help=False)
base.add_argument('-v', action='store_true')
g = base.add_argument_group('shared', 'shared options')
g.add_argument('--s1')
child = argparse.ArgumentParser(prog='kid', parents=[base, argparse.ArgumentParser(add_help=False, description='x')])
cg = child.add_argument_group('shared')
helps(child)
show('duplicate group titles', lambda: argparse.ArgumentParser(parents=[base]).add_argument_group('shared') and
     argparse.ArgumentParser(prog='z', parents=[child]))

print('### custom action nargs')
class Pair(argparse.Action):
    def __init__(self, option_strings, dest, nargs=2, **kw):
        super().__init__(option_strings, dest, nargs=nargs, **kw)
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, tuple(values))
p = argparse.ArgumentParser(prog='pair')
p.add_argument('--kv', action=Pair, metavar=('K', 'V'))
p.add_argument('pt', action=Pair, nargs=3)
helps(p)
run(p, ['--kv', 'a', 'b', '1', '2', '3'])
run(p, ['--kv', 'a', '1', '2', '3'])
