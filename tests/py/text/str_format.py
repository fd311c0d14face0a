# str.format / format_map / __format__ and printf-style % formatting.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

class Pt:
    x = 3
    y = [10, 20]
    def __format__(self, spec):
        return 'Pt<' + spec + '>'
print('{} and {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'), '{name}:{age}'.format(name='Bo', age=7))
print('{0[1]} {0[0]}'.format(['p', 'q']), '{d[k]}'.format(d={'k': 'v'}), '{:>{w}}'.format('r', w=4), '{0.x} {0.y[1]}'.format(Pt))
print('{!r} {!s} {!a}'.format('é', 'é', 'é'), '{:5}|{:<5}|{:^5}|{:>5}|'.format(1, 'ab', 'c', 'd'), '{{}} {{{0}}}'.format(7))
print('{:.2f}'.format(2 / 3), '{:+}'.format(7), '{:=+6}'.format(-7), '{:06.2f}'.format(-1.5), '{:,}'.format(1234567), '{:x}'.format(255))
print('{0:{1}.{2}f}'.format(3.14159, 8, 2), '{:{}}{}'.format('a', 5, 'b'), '{0!r:>6}'.format('a'), '{:}'.format(5), '{0[01]}'.format({1: 'int key'}))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}), '{0}'.format(Pt()), '{:abc}'.format(Pt()), '{0[-1]}'.format({'-1': 'neg'}))
print(format('ab', '_<5'), format('ab', '-^7'), format('abcdef', '.3'), format('é', '✓>3'), format('x', ''), 'é✓'.__format__('>4'), format('ab', '05'))
print('%-6s|%6s|' % ('ab', 'cd'), '%5.1f' % 2.25, '%x %o %X %#x %#o' % (255, 8, 171, 255, 8), '%c%c' % (97, 'é'))
print('%d%%' % 50, '%s' % [1, 2], '%r' % 'q', '%(a)s-%(b)d' % {'a': 'A', 'b': 2}, '%+d' % 5, '%05d' % -42, '% d' % 3)
print('%.3s' % 'abcdef', '%e' % 12345.678, '%g' % 0.00001234, '%i' % 3.9, '%s %s' % (1, (2,)), '%5s|%-5s|' % ('é', 'ü'))
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), '%d' % True, '%d' % 2**70, '%ld' % 5, '%a' % 'é', '%s' % None, '%.2e' % 1e10)
print('abc' % [], '%s' % ((1, 2),), '%(x)s %(x)r' % {'x': 'y'}, '%3c|' % 'z', '%-3c|' % 65, '%u' % -3, '%G %E %F' % (1e-10, 1.5, 2.5))
for label, f in [
    ('single }', lambda: '}'.format(1)),
    ('single {', lambda: '{'.format(1)),
    ('manual->auto', lambda: '{0}{}'.format(1, 2)),
    ('auto->manual', lambda: '{}{0}'.format(1, 2)),
    ('index', lambda: '{1}'.format(1)),
    ('index empty', lambda: '{}'.format()),
    ('key', lambda: '{a}'.format(1)),
    ('code', lambda: '{:d}'.format('x')),
    ('conv', lambda: '{!x}'.format(1)),
    ('conv end', lambda: '{0!'.format(1)),
    ('conv colon', lambda: '{0!rx}'.format(1)),
    ('attr', lambda: '{0.}'.format(1)),
    ('bracket', lambda: '{0[}'.format(1)),
    ('after ]', lambda: '{0[0]x}'.format([1])),
    ('empty []', lambda: '{0[]}'.format([1])),
    ('unmatched', lambda: '{0:'.format(1)),
    ('unclosed', lambda: '{0'.format(1)),
    ('recursion', lambda: '{:{:{}}}'.format(1, 2, 3)),
    ('getattr', lambda: '{0.nope}'.format(1)),
    ('format_map', lambda: '{x}'.format_map({})),
    ('str sign', lambda: format('a', '+5')),
    ('str =', lambda: format('a', '=5')),
    ('str #', lambda: format('a', '#')),
    ('str ,', lambda: format('a', ',')),
    ('__format__', lambda: 'a'.__format__(1)),
    ('%d str', lambda: '%d' % 'x'),
    ('%x float', lambda: '%x' % 1.5),
    ('%f str', lambda: '%f' % 'x'),
    ('not enough', lambda: '%d %d' % (1,)),
    ('not all', lambda: '%d' % (1, 2)),
    ('not all 2', lambda: 'abc' % 5),
    ('unsupported', lambda: '%z' % 1),
    ('unsupported é', lambda: 'é%é' % 1),
    ('mapping', lambda: '%(a)s' % 1),
    ('key missing', lambda: '%(a)s %(b)s' % {'a': 1}),
    ('incomplete', lambda: '%' % ()),
    ('incomplete key', lambda: '%(a' % {'a': 1}),
    ('%c str', lambda: '%c' % 'ab'),
    ('%c big', lambda: '%c' % 2**30),
    ('%c float', lambda: '%c' % 1.5),
    ('* wants', lambda: '%*d' % ('a', 1)),
    ('%5%', lambda: '%5%' % ()),
    ('%5% one', lambda: '%5%' % (1,)),
    ('%\\x01', lambda: '%\x01' % 1),
    ('digits', lambda: '{99999999999999999999}'.format()),
    ('key digits', lambda: '{0[99999999999999999999]}'.format({})),
    ('positional map', lambda: '{}'.format_map({})),
    ('* width big', lambda: '%*d' % (2**70, 1)),
    ('* prec big', lambda: '%.*f' % (2**40, 1.0)),
]:
    show(label, f)
