# copyreg: the reduction registry, reconstructors and the extension registry.
import copyreg
import pickle
from _show import show

print(sorted(copyreg.__all__))
print(type(copyreg.dispatch_table).__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return Point, (p.x * 10, p.y * 10)


copyreg.pickle(Point, reduce_point)
print(copyreg.dispatch_table[Point] is reduce_point)
q = pickle.loads(pickle.dumps(Point(3, 4)))
print('pickle via dispatch_table', q.x, q.y)
del copyreg.dispatch_table[Point]
show('pickle non-callable', lambda: copyreg.pickle(Point, 42))
show('pickle bad constructor', lambda: copyreg.pickle(Point, reduce_point, 5))
print(Point in copyreg.dispatch_table)
copyreg.dispatch_table.pop(Point, None)
show('pickle with constructor', lambda: copyreg.pickle(Point, reduce_point, Point))
copyreg.dispatch_table.pop(Point, None)
show('constructor ok', lambda: copyreg.constructor(Point))
show('constructor bad', lambda: copyreg.constructor('x'))


class Sub(list):
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self


o = copyreg.__newobj__(Sub, 1, 2)
print(type(o).__name__, o.args, o.kwargs)
o = copyreg.__newobj_ex__(Sub, (1,), {'k': 3})
print(type(o).__name__, o.args, o.kwargs)
r = copyreg._reconstructor(Point, object, None)
print(type(r).__name__, r.__dict__)


class MyInt(int):
    pass


r = copyreg._reconstructor(MyInt, int, 7)
print(type(r).__name__, r)


class MyList(list):
    pass


r = copyreg._reconstructor(MyList, list, [1, 2])
print(type(r).__name__, r)
for proto in range(2, 6):
    m = pickle.loads(pickle.dumps(MyList([1, 2]), proto))
    print(proto, type(m).__name__, m)

# Extension registry.
copyreg.add_extension('mod', 'name', 240)
print(copyreg._extension_registry[('mod', 'name')], copyreg._inverted_registry[240])
copyreg.add_extension('mod', 'name', 240)  # same again: fine
show('key taken', lambda: copyreg.add_extension('mod', 'name', 241))
show('code taken', lambda: copyreg.add_extension('mod', 'other', 240))
show('code zero', lambda: copyreg.add_extension('mod', 'x', 0))
show('code too big', lambda: copyreg.add_extension('mod', 'x', 0x80000000))
show('code not int', lambda: copyreg.add_extension('mod', 'x', 'abc'))
show('remove wrong', lambda: copyreg.remove_extension('mod', 'name', 241))
show('remove unknown', lambda: copyreg.remove_extension('m', 'n', 5))
copyreg._extension_cache[240] = 'cached'
copyreg.remove_extension('mod', 'name', 240)
print(('mod', 'name') in copyreg._extension_registry, 240 in copyreg._inverted_registry,
      240 in copyreg._extension_cache)
copyreg._extension_cache[1] = 'x'
copyreg.clear_extension_cache()
print(copyreg._extension_cache)
copyreg.add_extension('m', 'n', 0x7fffffff)
copyreg.add_extension('m', 'n1', 1)
copyreg.remove_extension('m', 'n', 0x7fffffff)
copyreg.remove_extension('m', 'n1', 1)
print(copyreg._extension_registry, copyreg._inverted_registry)


# Extension codes are used by pickle protocol 2+.
class Ext:
    pass


Ext.__module__ = '__main__'
copyreg.add_extension('__main__', 'Ext', 300)
data = pickle.dumps(Ext, 2)
print(b'\x83' in data or b'\x82' in data, pickle.loads(data) is Ext)
copyreg.remove_extension('__main__', 'Ext', 300)
