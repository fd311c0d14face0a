# Every statement form the compiler handles, printed so CPython's output is the reference.
x = 1
y = z = 2
a, b = 3, 4
a, (b, c) = 5, (6, 7)
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
p, *q, r = range(5)
print(x, y, z, a, b, c, first, rest, init, last, p, q, r)

x += 10
lst = [1, 2, 3]
lst[1] += 5
class O: pass
o = O()
o.v = 1
o.v *= 7
print(x, lst, o.v)

n: int = 5
m: str
print(n, __annotations__)

if x > 100:
    print("big")
elif x > 10:
    print("medium")
else:
    print("small")

i = 0
while i < 3:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while else")

for k in range(10):
    if k == 3:
        break
    print("for", k)
else:
    print("not printed")

for k in []:
    pass
else:
    print("for else")

del lst[0]
del o.v
print(lst, hasattr(o, "v"))
d = {"a": 1, "b": 2}
del d["a"]
print(d)
s = list(range(10))
del s[2:8:2]
print(s)
t = 5
del t
try:
    t
except NameError as e:
    print("NameError:", e)

assert True
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))

def g():
    global gv
    gv = "set"
g()
print(gv)

def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    inner()
    return inner()
print(outer())

import math
import os.path
import os.path as osp
from math import sqrt, pi as PI
print(math.floor(2.5), os.path.basename("/a/b"), osp.basename("/c/d"), sqrt(16.0), PI > 3)
pass
