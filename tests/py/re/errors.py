# re.error for invalid patterns and templates, and TypeErrors for mixed str/bytes.
import re

for bad in ['(', 'a)', '[a-', '*a', 'a{2,1}', 'a**', '\\', r'\q', '(?P<1a>x)', '(?Px)', 'a(?i)b', r'\x4', '[z-a]']:
    try:
        re.compile(bad)
        print(repr(bad), 'compiled')
    except re.error as e:
        print(repr(bad), 're.error', e.msg, e.pos)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.lineno, e.colno, e.msg, e.pattern, e.pos)
print(re.error('plain'), re.error('plain').pos)
for template in [r'\3', r'\g<x>', r'\g<', r'\q', '\\']:
    try:
        re.sub('(a)(b)', template, 'ab')
    except (re.error, IndexError) as e:
        print(repr(template), type(e).__name__, e)
for call in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.sub('a', b'x', 'a'),
             lambda: re.compile('a', re.L), lambda: re.compile(b'a', re.U)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(re.sub('a', lambda m: '', 'banana'), re.subn('a', '', 'banana', 2), re.split('a', 'banana', 1))
print(re.match(r'(a+)+$', 'a' * 20 + 'b'))
