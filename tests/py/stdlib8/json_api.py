# json package entry points: dump/dumps/load/loads options, bytes input encodings, errors.
import io
import json
from collections import OrderedDict


from _show import show


print(json.__all__)
data = {'b': [1, 2.5, None, True, False], 'a': {'x': 'é€\U0001f600', 'y': []}, 'c': 'q"\\\n'}
show('dumps', lambda: json.dumps(data))
show('dumps sort', lambda: json.dumps(data, sort_keys=True))
show('dumps indent', lambda: json.dumps(data, indent=2))
show('dumps indent str', lambda: json.dumps(data, indent='\t', sort_keys=True))
show('dumps indent 0', lambda: json.dumps([1, [2]], indent=0))
show('dumps seps', lambda: json.dumps(data, separators=(',', ':')))
show('dumps ascii off', lambda: json.dumps(data, ensure_ascii=False))
show('dumps skipkeys', lambda: json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
show('dumps badkey', lambda: json.dumps({(1, 2): 3}))
show('dumps keys', lambda: json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}))
show('dumps nan', lambda: json.dumps([float('nan'), float('inf'), -float('inf')]))
show('dumps nan off', lambda: json.dumps([float('nan')], allow_nan=False))
show('dumps default', lambda: json.dumps({'s': {1, 2}}, default=sorted))
show('dumps set', lambda: json.dumps({1, 2}))
show('dumps object', lambda: json.dumps(object) [:10])
circ = []
circ.append(circ)
show('dumps circular', lambda: json.dumps(circ))


class Enc(json.JSONEncoder):
    def __init__(self, *, tag='', **kw):
        super().__init__(**kw)
        self.tag = tag

    def default(self, o):
        if isinstance(o, complex):
            return [self.tag, o.real, o.imag]
        return super().default(o)


show('dumps cls', lambda: json.dumps([1j], cls=Enc))
show('dumps cls kw', lambda: json.dumps([1j], cls=Enc, tag='C', indent=1))
show('dumps kw no cls', lambda: json.dumps([1], tag='C'))
show('dumps positional', lambda: json.dumps([1], False))
show('dumps tuple', lambda: json.dumps((1, (2, 3))))
show('dumps str subclass', lambda: json.dumps(type('S', (str,), {})('x')))
show('dumps int subclass', lambda: json.dumps(type('I', (int,), {})(7)))
show('dumps big', lambda: json.dumps([10**30, 1e300, 0.1, -0.0]))

buf = io.StringIO()
print(json.dump(data, buf), repr(buf.getvalue()))
buf = io.StringIO()
json.dump(data, buf, indent=1, sort_keys=True, separators=(',', ': '))
print(repr(buf.getvalue()))
buf = io.StringIO()
json.dump([1j], buf, cls=Enc, tag='t')
print(repr(buf.getvalue()))


class Chunks:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


ch = Chunks()
json.dump({'a': [1, 2]}, ch)
print(''.join(ch.parts), len(ch.parts) > 1)
show('dump badkey', lambda: json.dump({(1,): 2}, io.StringIO()))
show('dump no write', lambda: json.dump([1], object()))

# loads
for s in ['{"a": [1, 2.5, null, true, false]}', '  "x"  ', '[]', '1e5', '-0', '-0.0', '123456789012345678901234567890',
          'NaN', 'Infinity', '-Infinity', '"\\u00e9\\ud83d\\ude00"', '{"a": 1, "a": 2}']:
    show('loads %r' % s, lambda: json.loads(s))
for s in ['', ' ', '{', '[1,]', '{"a" 1}', "{'a': 1}", '[1] x', 'nul', '"abc', '"\\x"', '01', '[1 2]', '\ufeff[1]',
          '{"a":1,}', '1.', '.5', '"\t"', '[', 'tru', '{"a":', '"\\ud800"']:
    show('loads %r' % s, lambda: json.loads(s))
try:
    json.loads('[1,\n  2,,]')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno, repr(e.doc), e.args, isinstance(e, ValueError))
show('loads int', lambda: json.loads(5))
show('loads None', lambda: json.loads(None))
show('loads list', lambda: json.loads([]))
show('loads bytes', lambda: json.loads(b'{"a": "\xc3\xa9"}'))
show('loads bytearray', lambda: json.loads(bytearray(b'[1, 2]')))
show('loads memoryview', lambda: json.loads(memoryview(b'[1]')))
doc = '{"k": ["v", 1]}'
for enc in ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    show('loads ' + enc, lambda: json.loads(doc.encode(enc)))
for enc in ['utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be', 'utf-8']:
    show('loads short ' + enc, lambda: json.loads('1'.encode(enc)))
    show('loads two ' + enc, lambda: json.loads('12'.encode(enc)))
show('loads bad utf8', lambda: json.loads(b'"\xff"'))
show('loads surrogate bytes', lambda: json.loads('"\\ud83d"'.encode('utf-16-le')))
show('loads lone surrogate utf16', lambda: json.loads(b'"\x00=\xd8"\x00'))
show('loads empty bytes', lambda: json.loads(b''))
for b in [b'', b'1', b'12', b'\x00\x00\x00[', b'[\x00\x00\x00', b'\x00[', b'[\x00', b'\x00[\x00]', b'[\x00]\x00',
          b'\xef\xbb\xbf[]', b'\xff\xfe[\x00', b'\xfe\xff\x00[', b'\xff\xfe\x00\x00[\x00\x00\x00', b'\x00\x00\xfe\xff',
          b'[1]', b'{}']:
    show('detect %r' % b, lambda: json.detect_encoding(b))
show('loads hooks', lambda: json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
show('loads pairs', lambda: json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
show('loads ordered', lambda: json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
show('loads both hooks', lambda: json.loads('{"b": 1}', object_hook=dict.keys, object_pairs_hook=tuple))
show('loads parse_float', lambda: json.loads('[1.5, 2, 1e3]', parse_float=lambda s: 'F' + s))
show('loads parse_int', lambda: json.loads('[1.5, 2, -7]', parse_int=lambda s: 'I' + s))
show('loads parse_constant', lambda: json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'C' + s))
show('loads strict off', lambda: json.loads('"a\tb"', strict=False))
show('loads strict on', lambda: json.loads('"a\tb"', strict=True))


class Dec(json.JSONDecoder):
    def __init__(self, *, shout=False, **kw):
        self.shout = shout
        super().__init__(**kw)

    def decode(self, s):
        r = super().decode(s)
        return (r, self.shout)


show('loads cls', lambda: json.loads('[1]', cls=Dec))
show('loads cls kw', lambda: json.loads('{"a": 1}', cls=Dec, shout=True, object_hook=len))
show('loads bad kw', lambda: json.loads('[1]', shout=True))
show('loads positional', lambda: json.loads('[1]', None))
show('load', lambda: json.load(io.StringIO('{"z": [1, 2]}')))
show('load bytes', lambda: json.load(io.BytesIO('[1, "\u20ac"]'.encode('utf-16'))))
show('load hooks', lambda: json.load(io.StringIO('{"z": 1.25}'), parse_float=str, object_pairs_hook=list))
show('load cls', lambda: json.load(io.StringIO('[2]'), cls=Dec, shout=1))
show('load bad', lambda: json.load(io.StringIO('[2')))
show('load no read', lambda: json.load(5))
print(json.loads(json.dumps(data)) == data)
print(isinstance(json.JSONDecodeError('m', 'doc', 0), ValueError), json.JSONDecodeError('m', 'ab\ncd', 4))
print(json.JSONDecoder().decode('[1]'), json.JSONDecoder().raw_decode('[1] tail'), json.JSONEncoder().encode({'a': 1}))
print(list(json.JSONEncoder(indent=1).iterencode([1, 2])))
