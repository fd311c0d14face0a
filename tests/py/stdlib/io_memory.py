# io.StringIO and io.BytesIO: the file protocol in memory.
import io

s = io.StringIO()
print(s.write('hello '), s.write('wörld\n'), s.tell())
print('second line', file=s)
s.writelines(['a\n', 'b\n'])
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), s.tell(), repr(s.readline(2)), s.readlines())
s.seek(0)
print([line for line in s])
s.seek(7)
s.write('O')
print(repr(s.getvalue()[:12]), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(8)
s.write('x')
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1), s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
with io.StringIO('ctx') as c:
    print(c.read())
print(c.closed)
for nl in [None, '', '\n', '\r', '\r\n']:
    t = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines(), t.newlines)
t = io.StringIO(newline=None)
t.write('x\r')
t.write('\ny')
print(repr(t.getvalue()), t.newlines)
t = io.StringIO('héllo wörld')
print(t.read(2), t.tell(), t.read(), t.seek(1), t.read(4), t.truncate(3), repr(t.getvalue()))
for bad in [lambda: io.StringIO(1), lambda: io.StringIO('', newline='x'), lambda: io.StringIO('', newline=1),
            lambda: io.StringIO().write(1), lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(0, 3), lambda: io.StringIO().read('x'), lambda: io.StringIO().truncate(-1),
            lambda: io.StringIO().fileno(), lambda: c.read(), lambda: c.getvalue()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(io.UnsupportedOperation(), OSError), isinstance(io.UnsupportedOperation(), ValueError))

b = io.BytesIO(b'line one\nline two\nrest')
print(b.read(4), b.readline(), b.tell(), b.readlines())
b.seek(0)
print(list(b))
print(b.seek(-4, 2), b.read(), b.seek(100), b.write(b'!'), len(b.getvalue()), b.getvalue()[-3:])
b = io.BytesIO()
print(b.write(b'abc'), b.write(bytearray(b'def')), b.getvalue(), b.tell())
b.seek(1)
print(b.write(b'X'), b.getvalue(), b.truncate(), b.getvalue(), b.tell())
buf = bytearray(4)
b = io.BytesIO(b'0123456789')
print(b.readinto(buf), buf, b.read1(3), b.read(), b.read())
print(b.seek(-3, 1), b.seek(-100, 1), b.readable(), b.isatty())
with io.BytesIO(b'x') as bb:
    pass
for bad in [lambda: io.BytesIO('x'), lambda: io.BytesIO().write('x'), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 5), lambda: bb.read(), lambda: bb.getvalue(), lambda: io.BytesIO().truncate(-2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase),
      isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.TextIOBase))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.open is open)


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print('shout', file=u)
print(repr(u.getvalue()))
