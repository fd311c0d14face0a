from collections import *
print(OrderedDict[str, int], Counter[str], ChainMap[str, int], UserDict[str, int], UserList[int], deque[int], defaultdict[str, int])
c = Counter(a='x')
print(c)
c.update({'a': 'y'})
print(c)
c = Counter(a=3)
c.subtract(a=1, b=2)
print(c)
class LowerOD(OrderedDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
print(LowerOD({'A': 1}, B=2), LowerOD.fromkeys('XY'))
class LowerUD(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
u = LowerUD(A=1)
u.extra = 1
c = u.copy()
print(c, type(c).__name__, c.extra)
print(UserList([1]) + UserList([2]), UserList([1]) == UserList([1]))
l = UserList([1])
l += range(2)
print(l)
try:
    l += 5
except TypeError as e:
    print(e)
try:
    l.extend(5)
except TypeError as e:
    print(e)
try:
    UserList(5)
except TypeError as e:
    print(e)
od = OrderedDict(a=1, b=2)
print(od == OrderedDict(b=2, a=1), od != OrderedDict(b=2, a=1), od != OrderedDict(a=1, b=2), od != {'b': 2, 'a': 1}, od != 5, od == 5)
Point = namedtuple('Point', 'x y')
print(Point._make.__qualname__, Point.__new__.__name__, Point._make.__name__, type(Point.__dict__['_make']).__name__)
print(Point(1, 2) + (3,), Point(1, 2) * 2, Point(1, 2)[::-1])
print(Point.__new__(Point, 1, 2))
import pickle
print(pickle.loads(pickle.dumps(Counter(a=1, b=-1))))
cm = ChainMap({1: 'a'}, defaultdict(lambda: 'dd'))
print(cm[1], cm[5], 5 in cm)
print(Counter('aab') == Counter('aba'), Counter(a=1) != Counter(a=2))
print(OrderedDict(a=1) == Counter(a=1), Counter(a=1) == OrderedDict(a=1))
