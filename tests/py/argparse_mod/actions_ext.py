# argparse extension points: Action subclasses, HelpFormatter overrides,
# parser error/exit overrides, Action attributes and reprs, add_argument
# validation errors, conflicts, parents, subparsers parsing.
import os
os.environ['COLUMNS'] = '80'
import argparse
import io
import sys
from _util import run, show, helps

print('### action objects')
p = argparse.ArgumentParser(prog='ao')
for a in [p.add_argument('-f', '--foo', type=int, help='h', metavar='M'),
          p.add_argument('pos', nargs='+', choices=[1, 2], default=[1]),
          p.add_argument('--c', action='store_const', const=3),
          p.add_argument('--t', action='store_true'),
          p.add_argument('--fa', action='store_false'),
          p.add_argument('--ap', action='append'),
          p.add_argument('--apc', action='append_const', const=1),
          p.add_argument('-v', action='count'),
          p.add_argument('--ver', action='version', version='1'),
          p.add_argument('--ext', action='extend'),
          p.add_argument('--bo', action=argparse.BooleanOptionalAction, default=True, help='bo help'),
          p._actions[0]]:
    print(type(a).__name__, isinstance(a, argparse.Action), repr(a))
    print('  ', a.option_strings, a.dest, a.nargs, a.const, a.default, a.type, a.choices,
          a.required, a.help, a.metavar, a.format_usage() if a.option_strings else '')
sp = p.add_subparsers(dest='cmd')
print(type(sp).__name__, repr(sp))
sub = sp.add_parser('s')
print(repr(sub))
print(repr(p))
g = p.add_argument_group('T', 'D')
print(type(g).__name__, g.title, g.description)
m = p.add_mutually_exclusive_group(required=True)
print(type(m).__name__, m.required)
print(repr(argparse.Action(['-x'], 'x')))
print(repr(argparse.Action([], 'x', nargs=2, const=1, default=2, type=int, choices=[1], required=True, help='h', metavar='X')))

print('### custom actions')
class Upper(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        print('init', option_strings, dest, sorted(kwargs))
        super().__init__(option_strings, dest, **kwargs)
    def __call__(self, parser, namespace, values, option_string=None):
        print('call', type(parser).__name__, type(namespace).__name__, values, option_string)
        setattr(namespace, self.dest, values.upper() if isinstance(values, str) else [v.upper() for v in values])
class Toggle(argparse.Action):
    def __init__(self, option_strings, dest, default=False, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, not getattr(namespace, self.dest))
    def format_usage(self):
        return '/'.join(self.option_strings)
class NoCall(argparse.Action):
    pass
p = argparse.ArgumentParser(prog='ca')
p.add_argument('--up', action=Upper, help='upper')
p.add_argument('name', action=Upper, nargs='*')
p.add_argument('-t', '--toggle', action=Toggle, help='toggle it')
p.add_argument('--nc', action=NoCall)
helps(p)
run(p, ['--up', 'abc', 'x', 'y'])
run(p, ['-t', '--toggle', '-t'])
show('NoCall', lambda: p.parse_args(['--nc', '1']))
p.register('action', 'upper', Upper)
p.add_argument('--up2', action='upper')
run(p, ['--up2', 'q'])
p = argparse.ArgumentParser(prog='ca2')
g = p.add_mutually_exclusive_group()
g.add_argument('-t', action=Toggle)
g.add_argument('-u', action='store_true')
print(p.format_usage(), end='')

print('### formatter overrides')
class MyFormatter(argparse.HelpFormatter):
    def _fill_text(self, text, width, indent):
        return ''.join(indent + '| ' + line for line in text.splitlines(keepends=True))
    def _split_lines(self, text, width):
        return text.split(';')
    def _get_help_string(self, action):
        return action.help + ' [%(dest)s]'
    def _format_action_invocation(self, action):
        if not action.option_strings:
            return '<' + action.dest + '>'
        return ' or '.join(action.option_strings)
    def _get_default_metavar_for_optional(self, action):
        return 'VAL'
    def _get_default_metavar_for_positional(self, action):
        return 'POS_' + action.dest
p = argparse.ArgumentParser(prog='mf', formatter_class=MyFormatter, description='desc line 1\ndesc line 2',
                            epilog='the end')
p.add_argument('-a', '--alpha', help='first;second;third')
p.add_argument('beta', help='one part')
p.add_argument('gamma', nargs='+', help='more')
helps(p)
class DefaultsAndRaw(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass
p = argparse.ArgumentParser(prog='mix', formatter_class=DefaultsAndRaw, description='a\n  b')
p.add_argument('--x', default=3, help='x')
helps(p)
class WideFormatter(argparse.HelpFormatter):
    def __init__(self, prog):
        super().__init__(prog, max_help_position=40, width=100)
p = argparse.ArgumentParser(prog='wf', formatter_class=WideFormatter)
p.add_argument('--something-long', help='text ' * 30)
helps(p)
f = argparse.HelpFormatter('direct')
f.add_usage(None, p._actions, [])
f.start_section('Section')
f.add_text('Some text here.')
f.add_arguments(p._actions)
f.end_section()
f.add_text('%(prog)s at the end')
print(f.format_help(), end='')
f = argparse.HelpFormatter('direct2')
f.add_usage('custom %(prog)s', [], [], prefix='Usage: ')
print(repr(f.format_help()))
f = argparse.HelpFormatter('direct3')
f.add_usage(None, [], [], prefix='')
print(repr(f.format_help()))
f = argparse.HelpFormatter('d4')
print(repr(f.format_help()))
f.add_text(argparse.SUPPRESS)
f.add_usage(argparse.SUPPRESS, [], [])
print(repr(f.format_help()))

print('### parser overrides')
class NoExitParser(argparse.ArgumentParser):
    def error(self, message):
        raise ValueError('ERR: ' + message)
p = NoExitParser(prog='ne')
p.add_argument('--n', type=int)
p.add_argument('x')
show('error override', lambda: p.parse_args(['--n', 'q', 'x']))
show('error override 2', lambda: p.parse_args([]))
show('error override 3', lambda: p.parse_args(['a', 'b']))
class ExitParser(argparse.ArgumentParser):
    def exit(self, status=0, message=None):
        print('exit called', status, repr(message))
        raise RuntimeError('stop')
p = ExitParser(prog='ep')
p.add_argument('--version', action='version', version='V')
show('exit override', lambda: p.parse_args(['--bad']))
show('exit override help', lambda: p.parse_args(['-h']))
show('exit override version', lambda: p.parse_args(['--version']))
p = argparse.ArgumentParser(prog='ex')
old = sys.stderr
sys.stderr = io.StringIO()
try:
    p.exit(3, 'bye\n')
except SystemExit as e:
    print('exit', e.code, repr(sys.stderr.getvalue()))
try:
    p.exit()
except SystemExit as e:
    print('exit', e.code)
try:
    p.error('custom problem')
except SystemExit as e:
    print('error', e.code, repr(sys.stderr.getvalue()))
sys.stderr = old
p = argparse.ArgumentParser(prog='eoe', exit_on_error=False)
p.add_argument('--n', type=int)
p.add_argument('--c', choices='ab')
p.add_argument('pos')
show('eoe type', lambda: p.parse_args(['--n', 'x', 'p']))
show('eoe choice', lambda: p.parse_args(['--c', 'z', 'p']))
show('eoe missing', lambda: p.parse_args([]))
show('eoe extra', lambda: p.parse_args(['a', 'b']))
show('eoe expected', lambda: p.parse_args(['a', '--n']))
try:
    p.parse_args(['--n', 'x', 'p'])
except argparse.ArgumentError as e:
    print(repr(e.argument_name), repr(e.message), str(e))
e = argparse.ArgumentError(None, 'plain')
print(str(e), e.argument_name, e.args)
print(str(argparse.ArgumentError(p._actions[3], 'pos problem')))
print(str(argparse.ArgumentTypeError('te')), argparse.ArgumentTypeError.__mro__[1].__name__)

print('### add_argument errors')
p = argparse.ArgumentParser(prog='ae')
for label, args, kw in [
        ('conflict -h', ('-h',), {}),
        ('conflict --help', ('--help',), {}),
        ('required positional', ('x',), {'required': True}),
        ('positional with dest', ('x',), {'dest': 'y'}),
        ('mixed strings', ('-x', 'y'), {}),
        ('bad prefix', ('x', '-y'), {}),
        ('bad nargs 0', ('-x',), {'nargs': 0}),
        ('bad nargs const', ('-x',), {'const': 1}),
        ('bad nargs str', ('-x',), {'nargs': 'z'}),
        ('nargs negative', ('-x',), {'nargs': -1}),
        ('append nargs 0', ('-x',), {'action': 'append', 'nargs': 0}),
        ('append const', ('-x',), {'action': 'append', 'const': 1}),
        ('metavar tuple wrong', ('-x',), {'nargs': 2, 'metavar': ('A',)}),
        ('metavar tuple ok', ('--mt',), {'nargs': 2, 'metavar': ('A', 'B')}),
        ('metavar tuple ?', ('--mt2',), {'nargs': '?', 'metavar': ('A', 'B')}),
        ('unknown action', ('-x',), {'action': 'nope'}),
        ('action not callable', ('-x',), {'action': 5}),
        ('unknown kw', ('-x',), {'bogus': 1}),
        ('store_true nargs', ('-x',), {'action': 'store_true', 'nargs': 1}),
        ('count type', ('-x',), {'action': 'count', 'type': int}),
        ('only dashes', ('--',), {}),
        ('dest for optional', ('--xx',), {'dest': 'other name'}),
        ('prefix-only', ('-',), {}),
        ('version missing', ('--vv',), {'action': 'version'}),
        ('type str name', ('--tt',), {'type': 'int'}),
        ('positional nargs 0', ('zz',), {'nargs': 0}),
        ('positional store_true', ('zz2',), {'action': 'store_true'}),
        ('positional ? required', ('zz3',), {'nargs': '?'}),
        ('help with bad format', ('--bf',), {'help': '%(nosuch)s'}),
        ('help percent', ('--bp',), {'help': '100% bad'}),
        ('bo without option', ('pp',), {'action': argparse.BooleanOptionalAction}),
        ('bo with short', ('-b',), {'action': argparse.BooleanOptionalAction}),
        ]:
    show(label, lambda: p.add_argument(*args, **kw))
try:
    p.add_argument()
except TypeError:
    print('no args -> TypeError')
show('format_help bad', lambda: p.format_help())
show('bad group arg', lambda: type(p.add_argument_group('t', 'd', prefix_chars='+')).__name__)
show('bad mutex', lambda: p.add_mutually_exclusive_group(title='x'))
g = p.add_mutually_exclusive_group()
show('mutex required arg', lambda: g.add_argument('--mr', required=True))
show('mutex group in mutex', lambda: type(g.add_mutually_exclusive_group()).__name__)
show('bad conflict handler', lambda: argparse.ArgumentParser(conflict_handler='nope'))
p2 = argparse.ArgumentParser(prog='st')
show('subparsers twice', lambda: [p2.add_subparsers(), p2.add_subparsers()])
show('parser kwarg', lambda: argparse.ArgumentParser(bogus=1))
show('add_parser conflict', lambda: [s := argparse.ArgumentParser().add_subparsers(), s.add_parser('a'), s.add_parser('a')])
show('add_parser alias conflict', lambda: [s := argparse.ArgumentParser().add_subparsers(), s.add_parser('a'), s.add_parser('b', aliases=['a'])])

print('### conflict resolve')
p = argparse.ArgumentParser(prog='cr', conflict_handler='resolve')
p.add_argument('-x', '--xx', help='old')
p.add_argument('--xx', help='new')
p.add_argument('-y', help='y1')
p.add_argument('-y', help='y2')
helps(p)
run(p, ['-x', '1', '--xx', '2', '-y', '3'])
p.add_argument('-h', '--help', action='store_true', help='overridden help')
helps(p)
show('conflict error', lambda: argparse.ArgumentParser().add_argument('-h', action='store_true'))
p = argparse.ArgumentParser(prog='cr2')
p.add_argument('--a')
show('conflict two', lambda: p.add_argument('--a', '--b'))
p.add_argument('-c', '--cc')
show('conflict multi', lambda: p.add_argument('-c', '--cc'))

print('### parents')
base = argparse.ArgumentParser(add_help=False)
base.add_argument('--parent', type=int, default=0)
bg = base.add_argument_group('pgroup', 'parent group')
bg.add_argument('--pg')
bm = base.add_mutually_exclusive_group()
bm.add_argument('--m1', action='store_true')
bm.add_argument('--m2', action='store_true')
base.set_defaults(fromparent='yes')
child = argparse.ArgumentParser(prog='child', parents=[base], description='child parser')
child.add_argument('pos')
helps(child)
run(child, ['x', '--parent', '3', '--m1'])
run(child, ['x', '--m1', '--m2'])
show('parent conflict', lambda: argparse.ArgumentParser(parents=[argparse.ArgumentParser()]))

print('### subparsers parsing')
p = argparse.ArgumentParser(prog='git')
p.add_argument('--verbose', action='store_true')
sp = p.add_subparsers(dest='command')
c = sp.add_parser('commit', aliases=['ci'], help='commit help')
c.add_argument('-m')
c.add_argument('--verbose', action='store_true', dest='cverbose')
c.set_defaults(func='commit_fn')
push = sp.add_parser('push')
push.add_argument('remote', nargs='?')
push.add_argument('--force', action='store_true')
nested = sp.add_parser('remote')
nsp = nested.add_subparsers(dest='sub', required=True)
add = nsp.add_parser('add')
add.add_argument('name')
for args in [['commit', '-m', 'x'], ['ci', '-m', 'y'], ['--verbose', 'push', 'origin', '--force'], ['push'],
             [], ['pull'], ['commit', '--unknown'], ['push', 'a', 'b'], ['remote', 'add', 'o'], ['remote'],
             ['remote', 'add'], ['remote', 'bad'], ['commit', '-h'], ['remote', 'add', 'x', 'extra'],
             ['-h'], ['com'], ['push', '--', '-x'], ['commit', '--verbose']]:
    run(p, args)
print(p.parse_known_args(['push', 'o', '--zz', 'q']))
p = argparse.ArgumentParser(prog='nodest')
sp = p.add_subparsers()
a = sp.add_parser('a')
a.add_argument('--aa', default=1)
run(p, [])
run(p, ['a'])
p = argparse.ArgumentParser(prog='req')
sp = p.add_subparsers(required=True)
sp.add_parser('a')
run(p, [])
p = argparse.ArgumentParser(prog='req2')
sp = p.add_subparsers(required=True, metavar='CMD', dest='cmd')
sp.add_parser('a')
run(p, [])
p = argparse.ArgumentParser(prog='req3')
sp = p.add_subparsers(required=True, dest='cmd')
sp.add_parser('a')
sp.add_parser('b')
run(p, [])
p = argparse.ArgumentParser(prog='defaults')
p.add_argument('--x', default='parent')
p.set_defaults(y='parent')
sp = p.add_subparsers(dest='cmd')
s = sp.add_parser('s')
s.add_argument('--x', default='child')
s.set_defaults(y='child', z='child')
run(p, ['s'])
run(p, ['--x', 'given', 's'])
class SubParser(argparse.ArgumentParser):
    pass
p = argparse.ArgumentParser(prog='pc')
sp = p.add_subparsers(parser_class=SubParser, dest='c')
print(type(sp.add_parser('q')).__name__)
p = argparse.ArgumentParser(prog='abbr')
sp = p.add_subparsers(dest='c')
sp.add_parser('install')
run(p, ['inst'])
p = argparse.ArgumentParser(prog='posafter')
p.add_argument('first')
sp = p.add_subparsers(dest='c')
sub = sp.add_parser('go')
sub.add_argument('second')
p.add_argument('--o')
run(p, ['1', 'go', '2'])
run(p, ['1', '--o', 'x', 'go', '2'])
run(p, ['1', 'go', '2', '--o', 'x'])

print('### version and help output')
p = argparse.ArgumentParser(prog='vh')
p.add_argument('-V', '--version', action='version', version='%(prog)s version 1.2.3')
run(p, ['-V'])
run(p, ['--version', 'extra'])
run(p, ['-h'])
run(p, ['--help', '--bad'])
run(p, ['-h=x'])
p = argparse.ArgumentParser(prog='vh2', add_help=False)
p.add_argument('-?', '--info', action='help', help='show info')
run(p, ['-?'])
