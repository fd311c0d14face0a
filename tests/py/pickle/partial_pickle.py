# functools.partial pickles (every protocol) and copies with its extra attributes; bad states are refused as in CPython.
import functools, pickle, copy
p = functools.partial(int, base=2)
p.extra = 'x'
for proto in range(6):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q('101'), q.keywords, q.args, q.func is int, q.extra)
print(p.__reduce__())
print(copy.deepcopy(functools.partial(max, 1, 2))(), functools.partial(max, 1).__reduce__())
r = functools.partial(max)
for st in [5, (1, 2), (5, (), None, None), (max, [], None, None)]:
    try:
        r.__setstate__(st)
    except TypeError as e:
        print(e)
