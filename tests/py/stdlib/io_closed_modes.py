# File modes as CPython names them (binary files as FileIO does) and the errors of each
# operation on a closed file of each mode.
import io
import os
p = 'io_closed_modes.tmp'
for m in ('w+b', 'wb', 'rb', 'r+b', 'ab', 'a+b', 'w+', 'w', 'r+', 'x+b', 'xb', 'a', 'rt', 'w+t'):
    if 'x' in m and os.path.exists(p):
        os.unlink(p)
    f = open(p, m)
    print(m, f.mode, f.buffer.mode if hasattr(f, 'buffer') else '')
    f.close()
    for op in ('write', 'read', 'seek', 'flush', 'tell', 'truncate', 'readline', 'writelines', 'fileno', 'isatty', 'readable', 'writable', 'readlines'):
        try:
            if op == 'write':
                f.write(b'x' if 'b' in m else 'x')
            elif op == 'writelines':
                f.writelines([b'x' if 'b' in m else 'x'])
            elif op == 'seek':
                f.seek(0)
            else:
                getattr(f, op)()
        except ValueError as e:
            print('  ', op, type(e).__name__, e)
fd = os.open(p, os.O_RDWR)
f = open(fd, 'w+b')
print(f.mode)
f.close()
with open(p, 'w+') as f:
    print(f.buffer.mode)
os.unlink(p)
