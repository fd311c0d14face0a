# memoryview slices with negative and large steps (zero-copy strided views), assignment through
# them, views of views, empty views, weak references to views, and bytearray operations that
# keep the size while exported.
import weakref

ba = bytearray(b'abc')
view = memoryview(ba)
ba.extend(b'')
ba[0:1] = b'A'
ba += b''
print(ba, view.tobytes())
view.release()
m = memoryview(b'abcdef')
print(m[::-2].tolist(), m[5:0:-2].tobytes(), m[10:20].tobytes(), m[-100:2].tobytes(), m[::-2].strides)
mm = memoryview(bytearray(b'0123456789'))
mm[::-1] = b'abcdefghij'
print(mm.obj)
mm[8:1:-3] = b'XYZ'
print(mm.obj, mm[8:1:-3].tobytes(), mm[8:1:-3].contiguous)
print(memoryview(mm).obj is mm.obj, memoryview(b'')[::].tolist(), len(memoryview(b'')))
r = weakref.ref(mm)
print(r() is mm)
e = memoryview(bytearray(3))
e[:] = memoryview(b'xyz')
print(e.obj)
try:
    e[:] = memoryview(b'\x00' * 12).cast('i')
except ValueError as x:
    print(x)
print(bytes(memoryview(b'abcdef')[::2]), list(memoryview(b'abc')), bytearray(memoryview(b'abcdef')[::-3]))
