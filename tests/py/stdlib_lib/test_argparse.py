# Exercises argparse: parsing (positionals, optionals, nargs, actions,
# types, choices, groups, subcommands), help/usage formatting and the
# error output (stderr and exit status 2), captured in-process.
import os
import sys
# Help is wrapped to the terminal width, taken from $COLUMNS.
os.environ['COLUMNS'] = '80'
import argparse
from argparse import ArgumentParser


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


def run(parser, args):
    """Parse args; print the namespace, or what was written to stdout and
    stderr and the exit status."""
    out, err = Capture(), Capture()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_args(args)
    except SystemExit as e:
        sys.stdout, sys.stderr = old
        print('exit', e.code, '| stdout:', repr(''.join(out.parts)), '| stderr:', repr(''.join(err.parts)))
    else:
        sys.stdout, sys.stderr = old
        print(args, '->', result)


from _show import show


p = ArgumentParser(prog='prog', description='A test program that does things.',
                   epilog='See the docs for more.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out.txt', help='destination (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0, help='increase verbosity')
p.add_argument('-q', '--quiet', action='store_true', help='be quiet')
p.add_argument('--no-color', dest='color', action='store_false', help='disable colour')
p.add_argument('-n', '--num', type=int, default=1, metavar='N', help='number of times')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='speed: %(choices)s')
p.add_argument('-I', '--include', action='append', help='include path')
p.add_argument('--pair', nargs=2, metavar=('KEY', 'VALUE'))
p.add_argument('--ratio', type=float)
p.add_argument('--version', action='version', version='%(prog)s 1.0')
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--tags', nargs='*')
p.add_argument('--files', nargs='+')
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--secret', help=argparse.SUPPRESS)
p.add_argument('--ext', action='extend', nargs='+', type=int)
p.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True, help='a flag')
p.add_argument('--lc', action='append_const', const='x', dest='lcs')
print(p.format_usage(), end='')
print(p.format_help(), end='')
for args in [['a'], ['a', 'b'], ['a', '-vvv', '-q', '--no-color'], ['-n', '5', 'a'], ['a', '-n5'],
             ['a', '--num=7'], ['a', '--nu', '3'], ['a', '--mode', 'slow'], ['a', '-I', 'x', '-Iy', '--include=z'],
             ['a', '--pair', 'k', 'v'], ['a', '--ratio', '2.5'], ['a', '--const'], ['a', '--tags'],
             ['a', '--tags', 'x', 'y'], ['a', '--files', 'f1', 'f2'], ['a', '--opt'], ['a', '--opt', 'val'],
             ['a', '--ext', '1', '2', '--ext', '3'], ['a', '--no-flag'], ['a', '--flag'], ['a', '--lc', '--lc'],
             ['--', '-a'], ['a', '--', '-b'], ['-vq', 'a'], ['a', '--secret', 's'], ['a', '-v', '--', 'b']]:
    run(p, args)
for args in [[], ['a', 'b', 'c'], ['a', '-n', 'x'], ['a', '--mode', 'medium'], ['a', '--pair', 'k'],
             ['a', '--files'], ['a', '--bogus'], ['a', '-n'], ['a', '--ratio', 'abc'], ['a', '--q'],
             ['a', '--version'], ['-h'], ['a', '--quiet=1'], ['a', '-qx'], ['a', '--n', '1']]:
    run(p, args)

print('--- groups')
g = ArgumentParser(prog='grp')
group = g.add_argument_group('output', 'Options controlling output.')
group.add_argument('--out', help='output file')
mx = g.add_mutually_exclusive_group()
mx.add_argument('--json', action='store_true', help='JSON output')
mx.add_argument('--xml', action='store_true', help='XML output')
req = g.add_mutually_exclusive_group(required=True)
req.add_argument('-a', action='store_true')
req.add_argument('-b', action='store_true')
g.add_argument('items', nargs='*', help='the items')
print(g.format_help(), end='')
for args in [['-a'], ['-b', '--json', 'x', 'y'], ['-a', '-b'], ['--json', '--xml', '-a'], [], ['--out', 'f']]:
    run(g, args)

print('--- subcommands')
s = ArgumentParser(prog='git')
s.add_argument('--debug', action='store_true')
subs = s.add_subparsers(dest='command', help='sub-command help')
c1 = subs.add_parser('commit', help='record changes', aliases=['ci'])
c1.add_argument('-m', '--message', required=True)
c1.add_argument('--amend', action='store_true')
c2 = subs.add_parser('push', help='update remote')
c2.add_argument('remote', nargs='?', default='origin')
c2.set_defaults(func='push-func')
print(s.format_help(), end='')
print(c1.format_help(), end='')
for args in [['commit', '-m', 'msg'], ['--debug', 'ci', '-m', 'x', '--amend'], ['push'], ['push', 'up'],
             ['commit'], ['pull'], [], ['push', 'a', 'b'], ['commit', '-m', 'x', '--bad']]:
    run(s, args)

print('--- formatting')
long = ArgumentParser(prog='a_rather_long_program_name_for_testing', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
for i in range(8):
    long.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i, default=i,
                      help='this is the help text for option %d which is long enough to wrap around' % i)
long.add_argument('positional_with_a_long_name', help='positional')
long.add_argument('more', nargs='+', help='more positionals')
print(long.format_help(), end='')
raw = ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
                     description='Line one\n  indented line\n\nParagraph two')
raw.add_argument('-x', help='x   help\n  keeps?')
print(raw.format_help(), end='')
rt = ArgumentParser(prog='rt', formatter_class=argparse.RawTextHelpFormatter, add_help=False)
rt.add_argument('-y', help='line1\n  line2')
print(rt.format_help(), end='')
mt = ArgumentParser(prog='mt', formatter_class=argparse.MetavarTypeHelpFormatter)
mt.add_argument('--count', type=int)
mt.add_argument('name', type=str)
print(mt.format_help(), end='')
wide = ArgumentParser(prog='wide', usage='%(prog)s [custom usage]')
wide.add_argument('--a-very-long-option-name-that-exceeds-the-column', help='help text here')
wide.add_argument('-s', help='short')
wide.add_argument('--choice', choices=[1, 2, 3], type=int, help='pick one of %(choices)s')
print(wide.format_help(), end='')
many = ArgumentParser(prog='many')
for ch in 'abcdefgijklmnopq':
    many.add_argument('-' + ch, metavar=ch.upper() * 3)
many.add_argument('first')
many.add_argument('second', nargs='*')
mgroup = many.add_mutually_exclusive_group()
mgroup.add_argument('--one')
mgroup.add_argument('--two')
print(many.format_usage(), end='')
run(many, ['x', '-a'])

print('--- misc')
show('conflict', lambda: ArgumentParser().add_argument('-h'))
show('required positional', lambda: ArgumentParser().add_argument('x', required=True))
show('bad option string', lambda: ArgumentParser().add_argument('-x', 'y'))
show('store nargs 0', lambda: ArgumentParser().add_argument('-x', nargs=0))
show('metavar tuple', lambda: ArgumentParser().add_argument('-x', nargs=3, metavar=('A', 'B')))
show('unknown action', lambda: ArgumentParser().add_argument('-x', action='bogus'))
show('const without ?', lambda: ArgumentParser().add_argument('-x', const=1))
show('mutex required', lambda: ArgumentParser().add_mutually_exclusive_group().add_argument('-x', required=True))
r = ArgumentParser(prog='res', conflict_handler='resolve')
r.add_argument('-x', '--ex', help='first')
r.add_argument('-x', help='second')
print(r.format_help(), end='')
parent = ArgumentParser(add_help=False)
parent.add_argument('--parent-opt', default='p')
parent.set_defaults(extra=1)
child = ArgumentParser(prog='child', parents=[parent])
child.add_argument('pos')
run(child, ['v', '--parent-opt', 'q'])
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(b='x', a=1), 'a' in ns, argparse.Namespace(**{'a-b': 1, 'c': 2}))
print(repr(ArgumentParser(prog='x')))
print(repr(ArgumentParser(prog='x').add_argument('-f', '--foo', type=int)))
k = ArgumentParser(prog='known')
k.add_argument('--a')
print(k.parse_known_args(['--a', '1', '--b', '2', 'pos']))
nums = ArgumentParser(prog='nums')
nums.add_argument('x', type=int)
nums.add_argument('--neg', type=int)
run(nums, ['-5', '--neg', '-3'])
nums2 = ArgumentParser(prog='nums2')
nums2.add_argument('-1', dest='one', action='store_true')
nums2.add_argument('x', nargs='?')
run(nums2, ['-1'])
run(nums2, ['-2'])
ab = ArgumentParser(prog='ab')
ab.add_argument('--foobar')
ab.add_argument('--foobaz')
run(ab, ['--foo', '1'])
run(ab, ['--foob=1'])
noab = ArgumentParser(prog='noab', allow_abbrev=False)
noab.add_argument('--foobar')
run(noab, ['--foo', '1'])
ne = ArgumentParser(prog='ne', exit_on_error=False)
ne.add_argument('--n', type=int)
show('exit_on_error', lambda: ne.parse_args(['--n', 'x']))


def even(s):
    v = int(s)
    if v % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return v


te = ArgumentParser(prog='te')
te.add_argument('n', type=even)
run(te, ['3'])
run(te, ['4'])
pos = ArgumentParser(prog='pos')
pos.add_argument('a', nargs=2)
pos.add_argument('b', nargs='*')
pos.add_argument('c')
run(pos, ['1', '2', '3', '4', '5'])
run(pos, ['1', '2', '3'])
run(pos, ['1', '2'])
rem = ArgumentParser(prog='rem')
rem.add_argument('cmd')
rem.add_argument('rest', nargs=argparse.REMAINDER)
run(rem, ['ls', '-la', '--color', 'x'])
pre = ArgumentParser(prog='pre', prefix_chars='+/')
pre.add_argument('+x', action='store_true')
pre.add_argument('//long')
run(pre, ['+x', '//long', 'v'])
print(pre.format_help(), end='')
d = ArgumentParser(prog='d', argument_default=argparse.SUPPRESS)
d.add_argument('--x')
d.add_argument('--y', default=2)
run(d, [])
print(d.get_default('y'), p.get_default('num'), p.get_default('nothing'))
p2 = ArgumentParser(prog='p2')
p2.add_argument('--n', type=int, default='10')
p2.add_argument('--s', default='raw')
run(p2, [])
sub2 = ArgumentParser(prog='sub2')
sp = sub2.add_subparsers(title='commands', description='available commands', dest='cmd', required=True, metavar='CMD')
sp.add_parser('a', help='do a')
sp.add_parser('b')
print(sub2.format_help(), end='')
run(sub2, [])
run(sub2, ['c'])
