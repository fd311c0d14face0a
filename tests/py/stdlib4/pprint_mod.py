# pprint: layouts of every supported type, options, recursion, depth and the helper functions.
import pprint, collections, types, dataclasses
data = {'key%d' % i: list(range(i * 3)) for i in range(8)}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(list(range(40)), compact=True, width=30)
pprint.pprint(list(range(40)), width=30, indent=3)
s = 'The quick brown fox jumps over the lazy dog. ' * 5
pprint.pprint(s)
pprint.pprint([s, {'k': s}], width=50)
pprint.pprint('line one\nline two is longer\n' * 3, width=20)
b = bytes(range(60))
pprint.pprint(b)
pprint.pprint([b], width=30)
pprint.pprint(bytearray(b), width=40)
pprint.pprint({1, 2, 'a', 3.5, None, (1,)}, width=10)
pprint.pprint(frozenset(range(30)), width=30)
pprint.pprint(set(), width=1)
pprint.pprint((1,), width=1)
pprint.pprint(((1, 2),), width=3)
od = collections.OrderedDict((str(i), i * 'x') for i in range(10))
pprint.pprint(od, width=40)
dd = collections.defaultdict(list, {i: [i] * i for i in range(8)})
pprint.pprint(dd, width=40)
c = collections.Counter('abracadabra' * 3 + 'zyxwvutsrq')
pprint.pprint(c, width=40)
cm = collections.ChainMap({'a': 1, 'b': 'x' * 30}, {'c': list(range(20))})
pprint.pprint(cm, width=40)
dq = collections.deque(range(30), maxlen=40)
pprint.pprint(dq, width=40)
pprint.pprint(collections.deque(range(30)), width=40)
ns = types.SimpleNamespace(alpha=list(range(20)), beta='b' * 40, gamma={'x': 1})
pprint.pprint(ns, width=40)
@dataclasses.dataclass
class Point:
    x: int
    y: list
    z: str = dataclasses.field(default='hidden', repr=False)
pprint.pprint(Point(1, list(range(30))), width=40)
pprint.pprint(types.MappingProxyType({'a' * 20: 1, 'b' * 30: [1, 2, 3]}), width=40)
r = [1, 2]; r.append(r)
print(pprint.pformat(r).replace(str(id(r)), 'ID'))
print(pprint.saferepr(r).replace(str(id(r)), 'ID'))
print(pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, {2: 3}]), pprint.isreadable(object()))
d = {'a': 1}; d['self'] = d
print(pprint.pformat(d).replace(str(id(d)), 'ID'))
deep = [1, [2, [3, [4, [5]]]], {'a': {'b': {'c': {}}}}]
pprint.pprint(deep, depth=2)
pprint.pprint(deep, depth=3, width=10)
print(pprint.pformat(123456789, underscore_numbers=True), pprint.pformat([10**10], underscore_numbers=True))
pprint.pp({'b': 1, 'a': 2, 'c': [3] * 30})
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
pprint.pprint({3: 'a', 'x': 1, None: 2, 1.5: 3})
for kw in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try: pprint.PrettyPrinter(**kw)
    except ValueError as e: print(e)
pprint.pprint(collections.UserList(range(30)), width=30)
pprint.pprint(collections.UserDict({'a' * 30: 1, 'b' * 30: 2}), width=30)
class MyList(list): pass
pprint.pprint(MyList(range(30)), width=30)
class MyList2(list):
    def __repr__(self): return 'ML'
pprint.pprint([MyList2(range(30))] * 30, width=30, compact=True)
pprint.pprint([[1, 2, [3, 4, 5] * 5]] * 3, width=20, indent=2, compact=True)
p = pprint.PrettyPrinter(width=20)
print(p.pformat({'x': 'a b c d e f g h i j k l m n o p q r s t'}))
print(p.isreadable([1]), p.isrecursive([1]), p.format([1, 'a'], {}, 0, 0))
pprint.pprint(('a' * 30, 'b' * 30), width=20)
pprint.pprint({'x': b'abcdefghij' * 5}, width=30)
pprint.pprint(list(range(1000))[:100], width=60)
pprint.pprint([{}, [], (), set(), frozenset(), '', b'', collections.OrderedDict(), collections.Counter(), collections.deque()], width=5)
import io
sio = io.StringIO(); pprint.pprint([1, 2], stream=sio); print(repr(sio.getvalue()))
# Recursion through other containers and classes.
t = ([],)
t[0].append(t)
print(pprint.pformat(t).replace(str(id(t)), 'ID'))
ns2 = types.SimpleNamespace(name='n')
ns2.me = ns2
print(pprint.pformat(ns2, width=10).replace(str(id(ns2)), 'ID'))
@dataclasses.dataclass
class Node:
    value: int
    children: list = dataclasses.field(default_factory=list)
root = Node(1)
root.children.append(root)
root.children.append(Node(2, [Node(3)] * 3))
print(pprint.pformat(root, width=30).replace(str(id(root)), 'ID'))
dd = {'k': [1]}
dd['k'].append(dd)
print(pprint.isrecursive(dd), pprint.isreadable(dd), pprint.PrettyPrinter().isrecursive(dd))
# Objects with their own repr are never split; subclasses with a custom repr neither.
class Custom:
    def __repr__(self):
        return 'Custom(' + 'x' * 100 + ')'
pprint.pprint([Custom(), Custom()], width=40)
class MyDict(dict):
    def __repr__(self):
        return 'MyDict!'
pprint.pprint(MyDict({i: i for i in range(50)}), width=20)
class PlainDict(dict):
    pass
pprint.pprint(PlainDict({i: 'v' * i for i in range(6)}), width=20)
print(pprint.saferepr(PlainDict(a=1)), pprint.isreadable(Custom()), pprint.isreadable(3.5))
print(pprint.saferepr({'b': [1, (2, 3)], 'a': None}), pprint.saferepr((1,)), pprint.saferepr(()))
# depth applies to nested dicts, lists and tuples.
nested = {'l': [[[1]]], 't': ((((2,),),),), 'd': {'d': {'d': {}}}}
for depth in (1, 2, 3):
    print(depth, pprint.pformat(nested, depth=depth))
    print(pprint.PrettyPrinter(depth=depth).isreadable(nested))
# Long strings inside containers at different widths.
words = 'lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor'
for w in (10, 25, 40, 79, 100):
    print(pprint.pformat({'text': words, 'more': [words[:30], words]}, width=w))
print(pprint.pformat('no_spaces_in_this_string_at_all_' * 4, width=30))
print(pprint.pformat(['x' * 10 + '\n' + 'y' * 10], width=12))
print(pprint.pformat(' leading and trailing spaces ' * 3, width=20))
print(pprint.pformat({'b': bytearray(b'xyz' * 20)}, width=30))
print(pprint.pformat([b'abc', b'abcde' * 20], width=25, indent=3))
# The closing brackets only count against the last piece of the last line.
for w in (12, 13, 14, 16):
    print(pprint.pformat(['w www wwwww ww\nend'], width=w))
    print(pprint.pformat({'k': 'w www wwwww ww\nwww wwwww ww'}, width=w + 4))
# format() is the hook subclasses override; layouts use it for every element.
class HexPrinter(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, int) and not isinstance(object, bool):
            return hex(object), True, False
        return super().format(object, context, maxlevels, level)
sink = io.StringIO()
hp = HexPrinter(width=24, stream=sink)
print(hp.pformat({'numbers': list(range(250, 262)), 'flag': True}))
hp.pprint([255, 256])
print(repr(sink.getvalue()), hp.isreadable([10]), hp.isrecursive([10]))
