# copy and pickle honour copyreg.pickle() registrations; list/dict subclasses pickled with
# protocols 0 and 1 keep their items once.
import copy, copyreg, pickle
class P:
    def __init__(self, v): self.v = v
def reduce_p(p): return (P, (p.v * 10,))
copyreg.pickle(P, reduce_p)
print(copy.copy(P(1)).v, copy.deepcopy(P(2)).v, pickle.loads(pickle.dumps(P(3))).v)
class L(list): pass
l = L([1, 2, 3]); l.attr = 'a'
for proto in range(6):
    r = pickle.loads(pickle.dumps(l, proto))
    print(proto, type(r).__name__, r, r.attr)
class D(dict): pass
d = D(a=1); d.x = 2
for proto in range(6):
    r = pickle.loads(pickle.dumps(d, proto)); print(proto, r, r.x)
