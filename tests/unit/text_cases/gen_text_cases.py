#!/usr/bin/env python3
"""Generates text_cases.txt: calls of str/bytes/bytearray methods and operators with CPython 3.11's
results, replayed by tests/unit/test_text_cases.cpp against minipy's C++ API.

Line format (tab-separated): callee, receiver, arguments, expected.
  callee    a method name, or one of the operators '+', '*', '%', '[]', 'in', '<', '==' (receiver
            is the left operand, the single argument the right one)
  values    s:HEX (str, UTF-8 hex), b:HEX (bytes), a:HEX (bytearray), i:N (int), f:REPR (float),
            N (None), T / F (True / False), ( ... ) a tuple, [ ... ] a list, { k v ... } a dict,
            space-separated
  expected  HEX of repr(result), or of "!Type: message" when the call raises

Usage: python3 tests/unit/text_cases/gen_text_cases.py > tests/unit/text_cases/text_cases.txt
"""
import itertools
import operator


def enc(v):
    if v is None:
        return 'N'
    if v is True:
        return 'T'
    if v is False:
        return 'F'
    if isinstance(v, str):
        return 's:' + v.encode('utf-8', 'surrogatepass').hex()
    if isinstance(v, bytearray):
        return 'a:' + bytes(v).hex()
    if isinstance(v, bytes):
        return 'b:' + v.hex()
    if isinstance(v, int):
        return 'i:%d' % v
    if isinstance(v, float):
        return 'f:' + repr(v)
    if isinstance(v, tuple):
        return '( ' + ' '.join(enc(x) for x in v) + ' )'
    if isinstance(v, list):
        return '[ ' + ' '.join(enc(x) for x in v) + ' ]'
    if isinstance(v, dict):
        return '{ ' + ' '.join(enc(k) + ' ' + enc(x) for k, x in v.items()) + ' }'
    raise TypeError(v)


OPS = {'+': operator.add, '*': operator.mul, '%': operator.mod, '[]': operator.getitem,
       'in': lambda a, b: b in a, '<': operator.lt, '==': operator.eq}

lines = []


def case(callee, recv, *args):
    try:
        if callee in OPS:
            r = repr(OPS[callee](recv, *args))
        else:
            r = repr(getattr(recv, callee)(*args))
    except Exception as e:  # noqa: BLE001 - the exception is the expected result
        r = '!%s: %s' % (type(e).__name__, e)
    lines.append('\t'.join([callee, enc(recv), ' '.join(enc(a) for a in args),
                            r.encode('utf-8', 'surrogatepass').hex()]))


TEXTS = ['', 'a', 'abc', 'Hello, World', '  spaced  out  ', 'a,b,,c,', 'aaa', 'héllo wörld',
         'ÀÉÎ çà', '日本語テキスト', 'x✓y✓z', '😀 grin 😀', 'ΣΑΣ ΟΔΟΣ', 'ß ﬁ ǅ İ', 'tab\tsep\tx',
         'line1\nline2\r\nline3\rline4\x0bl5\x0cl6\x1cl7\u2028l8\u2029', '\u3000wide\u3000space\x85',
         '123', '٣٤', '½²', 'MiXeD CaSe', 'title Case words', '\x00\x7f\x80', 'it\'s "q"',
         'a' * 40 + 'é' + 'b' * 40]
SEPS = [None, ',', ' ', 'ab', '✓', '\n', '😀']

for t in TEXTS:
    for m in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold', 'isalpha', 'isdigit',
              'isdecimal', 'isnumeric', 'isalnum', 'isspace', 'islower', 'isupper', 'istitle',
              'isidentifier', 'isprintable', 'isascii', 'splitlines', 'strip', 'lstrip', 'rstrip',
              'split', 'rsplit', 'expandtabs', '__len__', '__repr__', '__str__', 'encode']:
        case(m, t)
    case('splitlines', t, True)
    case('expandtabs', t, 3)
    for sep in SEPS:
        case('split', t, sep)
        case('rsplit', t, sep)
        case('split', t, sep, 1)
        case('rsplit', t, sep, 2)
        if sep is not None:
            for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith',
                      'partition', 'rpartition', 'removeprefix', 'removesuffix']:
                case(m, t, sep)
            for start, end in [(-3, None), (100, -100)]:
                for m in ['find', 'rfind', 'count', 'startswith', 'endswith']:
                    case(m, t, sep, start, end)
            case('strip', t, sep)
            case('lstrip', t, sep)
            case('rstrip', t, sep)
            case('replace', t, sep, '-')
            case('replace', t, sep, '', 1)
            case('join', sep, t)
            case('in', t, sep)
            case('+', t, sep)
            case('<', t, sep)
            case('==', t, sep)
    case('replace', t, '', '.')
    for spec in ['', '>10', '^9', '.3', '*<12', '✓^8', 'x', '+', '=5', '10.2s', '#', ',', '05', 'z']:
        case('__format__', t, spec)
    case('translate', t, {ord('a'): 'A', ord('é'): None, ord(' '): '_-', ord('l'): 0x263A})
    case('translate', t, str.maketrans('abc', 'xyz', 'l'))
    case('format_map', t, {})
    for w in [5, 40]:
        for fill in ['*', '✓']:
            case('center', t, w, fill)
            case('ljust', t, w, fill)
            case('rjust', t, w, fill)
        case('zfill', t, w)
    for n in [-1, 0, 1, 3]:
        case('*', t, n)
    for i in [0, 1, -1, 5, -100]:
        case('[]', t, i)
    for sl in [(None, None, -1), (1, None, 2), (-3, None, None), (None, None, 3), (5, 1, -2), (2, 100, None)]:
        lines.append('\t'.join(['[:]', enc(t), enc(sl), repr(t[slice(*sl)]).encode('utf-8', 'surrogatepass').hex()]))
    for enc_name, errors in [('utf-8', 'strict'), ('ascii', 'strict'), ('ascii', 'replace'),
                             ('ascii', 'ignore'), ('latin-1', 'strict'), ('latin-1', 'backslashreplace'),
                             ('ascii', 'xmlcharrefreplace')]:
        case('encode', t, enc_name, errors)

FORMATS = ['%s', '%r', '%a', '%5s|', '%-5s|', '%.2s', '%d', '%5d', '%-5d|', '%+d', '% d', '%05d', '%x',
           '%#X', '%o', '%#o', '%c', '%e', '%.3f', '%g', '%10.4G', '%%', '%s %s', '%(k)s', '%*d', '%.*f',
           '%i', '%u', '%F', '%E', '%z', '%', 'no conversions', '%5%']
ARGS = ['abc', 'é✓', 42, -7, 3.75, -0.5, 1e20, True, None, (1, 2), ('x', 5), {'k': 'v'}, [1, 2], (),
        (5, 2), (2, 3.14159), 2 ** 70, 'c', 0x263A, (3,)]
for f in FORMATS:
    for a in ARGS:
        if isinstance(a, dict):
            continue
        case('%', f, a)

FIELDS = ['{}', '{0}', '{!r}', '{:>6}', '{:^7}', '{:*<4}', '{:.2}', '{0}{1}', '{}{}', '{1}', '{:d}',
          '{:x}', '{:,}', '{:.3f}', '{:e}', '{0[0]}', '{0.real}', '{{}}', '{', '}', '{0!a}',
          '{:{}}', '{!x}', '{0:}', '{ }']
for fmt in ['{a}', '{a[0]}', '{a.imag}', '{b!r:>5}', '{}']:
    case('format_map', fmt, {'a': 'xyz', 'b': 'é'})
for fmt in FIELDS:
    for args in [('abc',), (42,), (3.5,), ('é', 'x'), ((7, 8),), (), ('ab', 6)]:
        case('format', fmt, *args)

BYTES = [b'', b'a', b'abc', b'Hello, World', b'  spaced  out  ', b'a,b,,c,', b'\x00\x7f\x80\xff',
         b'line1\nline2\r\nline3\rx', b'it\'s "q"', b'123', b'MiXeD CaSe', b'tab\tsep']
BSEPS = [None, b',', b' ', b'a', b'ab', b'xyz', 97]
for raw in BYTES:
    for t in [raw, bytearray(raw)]:
        for m in ['upper', 'lower', 'title', 'capitalize', 'swapcase', 'isalpha', 'isdigit',
                  'isalnum', 'isspace', 'islower', 'isupper', 'istitle', 'isascii', 'splitlines',
                  'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'expandtabs', 'hex', 'decode',
                  '__len__', '__repr__']:
            case(m, t)
        case('decode', t, 'utf-8', 'replace')
        case('decode', t, 'ascii', 'ignore')
        case('decode', t, 'latin-1')
        case('hex', t, ':', 2)
        for sep in BSEPS:
            if sep != 97:
                case('split', t, sep)
                case('rsplit', t, sep, 1)
            if sep is not None:
                for m in ['find', 'rfind', 'index', 'count', 'startswith', 'endswith', 'partition',
                          'rpartition', 'removeprefix', 'removesuffix']:
                    case(m, t, sep)
                case('find', t, sep, 1, -1)
                case('replace', t, sep, b'-')
                case('strip', t, sep)
                case('join', sep, [t, t]) if sep != 97 else None
                case('in', t, sep)
                case('+', t, sep)
                case('<', t, sep)
                case('==', t, sep)
        for w in [0, 5, 20]:
            case('center', t, w, b'*')
            case('ljust', t, w)
            case('zfill', t, w)
        for n in [-1, 0, 2]:
            case('*', t, n)
        for i in [0, -1, 5]:
            case('[]', t, i)
        case('translate', t, None, b'a')
        case('%', b'%s|%d|%x|%c|%r', (t, 5, 255, 65, t))

print('\n'.join(lines))
