# Instances of tuple, str and bytes subclasses keep their __dict__ after their items. The
# dicts must survive collections when nothing else refers to them (they once lived in a word
# the collector never scans).
import gc


class T(tuple):
    pass


class S(str):
    pass


class B(bytes):
    pass


objs = []
for i in range(3000):
    t = T(range(i % 7))
    t.a = [i]
    s = S("x" * (i % 13))
    s.a = [i]
    b = B(b"y" * (i % 11))
    b.a = [i]
    objs.append((t, s, b))

for _ in range(5):
    gc.collect()
    churn = [[k] for k in range(200000)]
del churn

bad = [i for i, (t, s, b) in enumerate(objs)
       if t.a != [i] or s.a != [i] or b.a != [i]
       or t != tuple(range(i % 7)) or s != "x" * (i % 13) or b != b"y" * (i % 11)]
print("damaged:", bad[:5])
print(sorted(vars(objs[10][0])), vars(objs[20][1]), vars(objs[30][2]))
print(repr(objs[12][1]), repr(objs[12][2]), objs[12][0])
