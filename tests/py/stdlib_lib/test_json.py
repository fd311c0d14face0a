# Exercises json: dumps/dump options, loads/load hooks, and the decoder's
# error messages and positions.
import json
from json import JSONDecodeError, JSONEncoder, JSONDecoder
from collections import OrderedDict


from _show import show


data = {'name': 'Ünïcode ☃ 𝄞', 'nums': [1, 2.5, -3, 1e100, 1.0, 0.1, -0.0, 10 ** 20],
        'nested': {'a': [True, False, None], 'b': {}}, 'empty': [], 'tuple': (1, 2),
        'esc': 'quote" back\\ nl\n tab\t ctrl\x01\x1f del\x7f'}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data['nested'], indent='\t'))
print(json.dumps([1, [2, [3, {}]], []], indent=0))
print(json.dumps({'b': 1, 'a': [1, 2]}, separators=(',', ':'), sort_keys=True))
print(json.dumps({'a': 1}, indent=4, separators=(', ', ' = ')))
print(json.dumps([float('nan'), float('inf'), float('-inf')]))
show('nan strict', lambda: json.dumps(float('nan'), allow_nan=False))
show('inf strict indent', lambda: json.dumps([float('inf')], allow_nan=False, indent=1))
print(json.dumps({1: 'int', 2.5: 'float', None: 'n'}), json.dumps({True: 't', False: 'f'}))
show('bad key', lambda: json.dumps({(1, 2): 'x'}))
print(json.dumps({(1, 2): 'x', 'ok': 1}, skipkeys=True))
show('sort mixed', lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
show('unserializable', lambda: json.dumps({'s': {1, 2}}))
print(json.dumps({'s': {3, 1, 2}}, default=sorted), json.dumps(object, default=lambda o: o.__name__))
circ = []
circ.append(circ)
show('circular', lambda: json.dumps(circ))
cd = {}
cd['self'] = cd
show('circular dict', lambda: json.dumps(cd, indent=1))
show('no check_circular list', lambda: json.dumps([[1], [1]], check_circular=False))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)


print(json.dumps([Point(1, 2)], cls=PointEncoder), PointEncoder(indent=1).encode(Point(3, 4)))
show('encoder default', lambda: PointEncoder().encode(object()))
print(list(JSONEncoder().iterencode({'a': [1, 'x']})), JSONEncoder().encode('x\u20ac'))
print(json.dumps('\ud800'), json.dumps('\U0001f600'), json.dumps('\u2028', ensure_ascii=False))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(True), json.dumps(None), json.dumps(''))


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


print(json.dumps([MyInt(5), MyFloat(1.5), 12345678901234567890, 1.7976931348623157e308, 5e-324]))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


sink = Sink()
json.dump({'k': [1, 2]}, sink)
print(''.join(sink.parts), len(sink.parts) > 1)
sink = Sink()
json.dump([1], sink, indent=2)
print(repr(''.join(sink.parts)))

print('--- loads')
for text in ['{"a": [1, 2.5, -3, 1e3, 1E-2, -0, 0.5e+2], "b": null, "c": true, "d": false}',
             '  [ ]  ', '{}', '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud800"',
             '"\\ud800\\u0041"', '123', '-0.0', '[NaN, Infinity, -Infinity]', '{"a":1,"a":2,"b":3}',
             '\n\t [1,\n2] \r\n', '"plain ☃"', '1e400', '-1e400', '[[[[]]]]', '{"": ""}',
             '12345678901234567890123', '0.1', '[1e5, 1.5E+3, 2e-0]']:
    print(repr(text), '->', repr(json.loads(text)))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')),
      json.loads('["x"]'.encode('utf-16')), json.loads('{"le": 1}'.encode('utf-16-le')),
      json.loads('[2]'.encode('utf-32')), json.loads('[3]'.encode('utf-8-sig')),
      json.loads('{"be": 1}'.encode('utf-16-be')))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=list, object_hook=dict))
print(json.loads('[1.5, 2, 3.25e1]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: 'C' + s))
print(json.loads('"a\tb"', strict=False), JSONDecoder().raw_decode('[1] tail'),
      JSONDecoder().raw_decode('xx{"a": 1}x', 2))


class Source:
    def read(self):
        return '{"from": "file"}'


print(json.load(Source()))

print('--- errors')
bad = ['', ' ', '[', ']', '{', '}', '[1,]', '[1 2]', '{"a" 1}', '{"a": 1,}', '{a: 1}',
       '{"a": 1 "b": 2}', '[1] x', '{"a": }', '"abc', '"abc\\', '"a\x01b"', '"\\x"',
       '"\\u12"', '"\\u12zz"', '"\\uzzzz"', '-', '-x', '01', '1.', '1.e5', '1e', '1e+',
       'nul', 'tru', 'True', 'NaNa', '.5', '+1', '[1,\n2,\n]', '{"a":\n  [1,\n   x]}',
       '\ufeff[1]', '"\\ud83d\\ude0"', '[1]\n\n  ]', '"\n"', '{"a":1}{"b":2}', '[,1]',
       '{"a" : 1, }', '{"a":1,,"b":2}', '[1,,2]', '1 2', '"\\', '"\\u"', '"\\u1234', 'Infinit',
       '-Infinit', '[-]', '{"\\q": 1}']
for text in bad:
    try:
        json.loads(text)
    except JSONDecodeError as e:
        print(repr(text), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == text)
    else:
        print(repr(text), '-> parsed!?')
show('loads int', lambda: json.loads(5))
show('loads None', lambda: json.loads(None))
e = JSONDecodeError('Custom', 'ab\ncd', 4)
print(e, e.lineno, e.colno, isinstance(e, ValueError), e.args)
print(json.loads(json.dumps(data)) == {**data, 'tuple': [1, 2]})
