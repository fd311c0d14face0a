# Exercises string: constants, capwords, Template (default and customised)
# and Formatter (parsing, fields, conversions and errors).
import string
from string import Template, Formatter


from _show import show


for name in ['whitespace', 'ascii_lowercase', 'ascii_uppercase', 'ascii_letters',
             'digits', 'hexdigits', 'octdigits', 'punctuation', 'printable']:
    print(name, repr(getattr(string, name)))
print(string.capwords('  hello   wORLD  foo '), string.capwords('a-b-c', '-'),
      repr(string.capwords('')))

print('--- Template')
t = Template('$who likes ${what}; costs $$10, $who!')
print(t.substitute(who='tim', what='kung pao'), t.template)
print(t.substitute({'who': 'ann', 'what': 'tea'}), t.substitute({'who': 'x', 'what': 'y'}, who='kw'))
print(t.get_identifiers(), t.is_valid(), Template('$a $ b').is_valid())
show('missing', lambda: Template('$who and $other').substitute(who=1))
show('safe', lambda: Template('$who and $other ${x} $').safe_substitute(who=1))
show('invalid', lambda: Template('ok\nline $ 2').substitute())
show('invalid2', lambda: Template('$').substitute())
show('invalid3', lambda: Template('abc ${1}').substitute())
show('invalid4', lambda: Template('x\ny\n  $%').substitute())
show('braced bad', lambda: Template('${a b}').safe_substitute(a=1))
print(Template('$a$b${c}d $_x1 $1').safe_substitute(a=1, b=2, c=3, _x1='u'))
print(Template('$Ünicode $abcé').safe_substitute(abc='A'))
print(Template('no placeholders').substitute(), Template('').get_identifiers())
print(Template('$x $y $x ${y}').get_identifiers())


class Percent(Template):
    delimiter = '%'


print(Percent('%who owes %%%amount').substitute(who='Bob', amount=5))


class Dotted(Template):
    idpattern = r'[a-z]+\.[a-z]+'


print(Dotted('$user.name is $user.age').safe_substitute({'user.name': 'kim'}))


class Braces(Template):
    delimiter = '#'
    braceidpattern = r'[A-Z ]+'


print(Braces('#{HELLO WORLD} #x ##').safe_substitute({'HELLO WORLD': 'hi', 'x': 'X'}))


class Upper(Template):
    flags = 0
    idpattern = '[A-Z]+'


print(Upper('$ABC $abc').safe_substitute(ABC=1, abc=2))

print('--- Formatter')
f = Formatter()
for s in ['a{0!r:>10}b', 'a{{b}}c', '{}', '{a.b[0]}', 'x{:{w}}y', '{{', '}}', '',
          'abc', '{0!s}', '{:}', '{!r}', 'a{0}', '{a[x]}{b:{c}{d}}', '{0[}x]}']:
    print(repr(s), list(f.parse(s)))
for s in ['{', '}', 'a{0', '{0!}', '{0!rr}', '{[}', '{0!r', 'x}y', '{a{b}']:
    show('parse %r' % s, lambda: list(f.parse(s)))


class Obj:
    real = 'R'
    items = {'k': [10, 20]}


for s, a, k in [('{} {}', (1, 2), {}), ('{1} {0}', ('a', 'b'), {}), ('{0:{1}}', (1, 5), {}),
                ('{0:{1:{2}}}', (1, 2, 3), {}), ('{0.real}', (Obj(),), {}),
                ('{0[1]}', ([1, 2],), {}), ('{x.items[k][1]}', (), {'x': Obj()}),
                ('{0!x}', (1,), {}), ('{0}', (), {}), ('{x}', (), {}), ('{0.}', (1,), {}),
                ('{0[0]x}', ([1],), {}), ('{0..a}', (1,), {}), ('{} {1}', (1, 2), {}),
                ('{1} {}', (1, 2), {}), ('{0!r:^9}|{name!a}', ('s',), {'name': 'é'}),
                ('{:{}}{}', ('a', 4, 'b'), {}), ('{0:>{w}.{p}f}', (3.14159,), {'w': 8, 'p': 2}),
                ('{0[a]}', ({'a': 'A'},), {}), ('{0[]}', ([],), {}), ('{0[0}', ([],), {})]:
    show('format %r' % s, lambda: f.format(s, *a, **k))


class Loud(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if key == 'magic':
            return 'abracadabra'
        return super().get_value(key, args, kwargs)

    def check_unused_args(self, used, args, kwargs):
        print('used', sorted(map(str, used)))


print(Loud().format('{magic} {0} {x:>4}', 'a', x='b'))
print(Loud().vformat('{}-{}', ('p', 'q'), {}))
