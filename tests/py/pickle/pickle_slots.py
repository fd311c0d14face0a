# Instances with __slots__ pickle their slot values as CPython does: state (dict, slots).
import pickle
class S:
    __slots__ = ("a", "b")
class T(S):
    __slots__ = ("c",)
class U:
    __slots__ = ("x", "__dict__")
s = S(); s.a = 1
t = T(); t.a = 1; t.b = "two"; t.c = [3]
u = U(); u.x = 5; u.y = 6
for o in (s, t, u, S()):
    data = pickle.dumps(o)
    back = pickle.loads(data)
    print(data, [getattr(back, n, "unset") for n in ("a", "b", "c", "x", "y")])
