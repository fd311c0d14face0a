# Operations on empty lists (whose item storage may be null): UBSan once flagged memcpy from null.
a = []
b = []
print(a + b, a + [1], [1] + a)
a[0:0] = []
print(a)
a[0:0] = [1, 2]
a[1:1] = []
a[2:] = []
print(a)
c = []
c[:] = b
c += []
print(c, c * 3, [] * 0)
d = [1, 2, 3]
d[1:3] = []
print(d)
