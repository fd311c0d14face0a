# memoryview over bytes and bytearray: zero-copy slices, item access, assignment, casts,
# comparisons, release and the bytearray export lock, and memoryview accepted as bytes-like.
import io


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


ba = bytearray(b'hello world')
m = memoryview(ba)
print(m.obj is ba, m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, len(m))
print(m[0], m[-1], m[2:5].tobytes(), m[::-1].tobytes(), m[::2].tobytes(), list(m[:3]))
print(m.tolist()[:4], m.hex(), m[:4].hex('-', 2), m[:3].hex(':'))
print(m == ba, m == b'hello world', m[:5] == b'hello', m == 'x', m[1:3] == m[1:3], m != b'x')

# Writes go through to the bytearray, in place.
m[0] = 72
m[6:11] = b'WORLD'
m[1:5:2] = b'EL'
s = m[2:4]
s[:] = b'll'
print(ba)
m[0:2] = m[1:3]
print(ba)

# Errors, word for word.
show(lambda: memoryview(1))
show(lambda: memoryview('abc'))
show(lambda: memoryview())
show(lambda: m['a'])
show(lambda: m[1.5])
show(lambda: m[20])
show(lambda: memoryview(b'ab').__setitem__(0, 1))
show(lambda: m.__setitem__(slice(0, 2), b'xyz'))
show(lambda: m.__setitem__(0, 300))
show(lambda: m.__setitem__(0, b'a'))
show(lambda: m.__delitem__(0))
show(lambda: hash(m))
show(lambda: ba.append(1))
show(lambda: ba.extend(b'12'))
show(lambda: ba.pop())
show(lambda: ba.clear())

# Casts.
show(lambda: m.cast('i'))
show(lambda: m.cast('x'))
show(lambda: memoryview(b'abc').cast('i'))
show(lambda: m[0:4].cast('i').cast('h'))
show(lambda: m[::2].cast('B'))
show(lambda: memoryview(b'x').cast('B', shape=[2]))
show(lambda: m.cast('c').tolist()[:2])
show(lambda: memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i').tolist())
show(lambda: memoryview(b'\x00\x00\x80\x3f').cast('f')[0])
show(lambda: memoryview(b'\xff\x01').cast('b').tolist())
show(lambda: memoryview(b'\x01\x00\x02\x00').cast('@H').tolist())
show(lambda: memoryview(b'abcd').cast('B', [4]).tolist())
w = memoryview(bytearray(8)).cast('i')
w[1] = -5
print(w.tolist(), w.obj, w.format, w.itemsize, w.nbytes, len(w))
show(lambda: w.__setitem__(0, 2 ** 40))
show(lambda: w.__setitem__(0, 'x'))
d = memoryview(bytearray(16)).cast('d')
d[0] = 1.5
d[1] = 2
print(d.tolist())

# Hashing, read-only views.
ro = memoryview(b'abc')
print(hash(ro) == hash(b'abc'), ro.readonly, m.toreadonly().readonly)
show(lambda: m.toreadonly().__setitem__(0, 1))

# memoryview is accepted wherever bytes-like objects are.
print(bytes(m[:3]), bytearray(m[:3]), bytes(m[::2]), b''.join([m[:2], b'-', memoryview(b'x')]))
print(b'abc'.startswith(memoryview(b'ab')), b'a,b'.split(memoryview(b',')), b'xy' + memoryview(b'z'))
buf = io.BytesIO()
buf.write(memoryview(b'written'))
print(buf.getvalue())

# Release, context manager, and the export lock going away.
print(repr(m)[:10])
m.release()
m.release()
print(repr(m)[:18])
show(lambda: m[0])
show(lambda: len(m))
show(lambda: m.tobytes())
show(lambda: m.obj)
print(m == m)
for v in (s, w, d):
    v.release()
ba2 = bytearray(b'abc')
with memoryview(ba2) as view:
    print(view[0])
    show(lambda: ba2.append(100))
ba2.append(100)
print(ba2)
v1 = memoryview(ba2)
v2 = v1[1:]
v1.release()
show(lambda: ba2.append(1))
v2.release()
ba2.append(101)
print(ba2)
