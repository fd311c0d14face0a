# open(): text and binary files, newline modes, encodings, the buffer attribute, errors.
import io
import os

base = '/tmp/minipy_io_files_%d' % os.getpid()
os.mkdir(base)
os.chdir(base)
try:
    with open('nl.txt', 'wb') as f:
        f.write(b'ab\r\ncd\ref\n')
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open('nl.txt', newline=nl) as f:
            lines = f.readlines()
            f.seek(0)
            parts = (f.read(3), f.read(2), f.read())
        print(repr(nl), lines, parts)
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open('w.txt', 'w', newline=nl) as f:
            f.write('a\nb\r\n')
        with open('w.txt', 'rb') as f:
            print(repr(nl), f.read())
    with open('u.txt', 'w', encoding='utf-8') as f:
        print(f.write('héllo wörld ✓\n'), f.encoding, f.errors, f.mode, f.name, f.line_buffering)
    with open('u.txt') as f:
        print(f.read(2), f.read(3), f.readline(), repr(f.read()))
    with open('u.txt', 'rb') as f:
        print(f.read(3), f.read1(2), f.readline(), f.read())
    with open('l.txt', 'w', encoding='latin-1') as f:
        f.write('é\n')
    with open('l.txt', 'rb') as f:
        print(f.read())
    with open('l.txt', encoding='latin-1') as f:
        print(repr(f.read()), f.encoding)
    with open('l.txt', encoding='utf-8', errors='replace') as f:
        print(repr(f.read()))
    try:
        with open('l.txt', encoding='utf-8') as f:
            f.read()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError', e.reason)
    try:
        with open('a.txt', 'w', encoding='ascii') as f:
            f.write('é')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e.reason)
    with open('mix.txt', 'w') as f:
        f.write('text then ')
        f.flush()
        f.buffer.write(b'bytes then ')
        f.buffer.flush()
        f.write('text\n')
        print(repr(f.buffer), f.buffer.mode)
    with open('mix.txt') as f:
        print(repr(f.read()), repr(f.buffer))
    with open('rw.bin', 'w+b') as f:
        f.write(b'0123456789')
        f.seek(2)
        print(f.read(3), f.tell())
        f.write(b'XY')
        f.seek(0)
        print(f.read(), repr(f))
        print(f.truncate(4), f.seek(0, 2))
        buf = bytearray(8)
        f.seek(0)
        print(f.readinto(buf), buf)
    with open('rw.bin', 'a') as f:
        print(f.tell(), f.write('++'), f.tell(), repr(f))
    with open('rw.bin', 'r+') as f:
        print(f.read(), f.seek(0, 2), f.seek(1), f.read())
    with open('big.txt', 'w') as f:
        for i in range(3000):
            f.write('line %d\n' % i)
    with open('big.txt') as f:
        count = 0
        for line in f:
            count += 1
        print(count, line)
    with open('big.txt', 'rb') as f:
        data = f.read()
    print(len(data), data.count(b'\n'))
    fd = os.open('u.txt', os.O_RDONLY)
    with open(fd, 'rb', closefd=False) as f:
        print(f.read(5), f.name == fd)
    print(os.read(fd, 3))
    os.close(fd)
    with os.fdopen(os.open('u.txt', os.O_RDONLY)) as f:
        print(f.readline(), end='')
    f = open('big.txt')
    f.close()
    for bad in [lambda: open('u.txt', 'rw'), lambda: open('u.txt', 'rbt'), lambda: open('u.txt', 'q'),
                lambda: open('u.txt', 'rb', encoding='utf-8'), lambda: open('u.txt', 'rb', newline=''),
                lambda: open('u.txt', 'rb', errors='strict'), lambda: open('u.txt', newline='x'),
                lambda: open('u.txt', encoding='no-such-codec'), lambda: open('u.txt', buffering=0),
                lambda: open('u.txt', newline=1), lambda: open('missing.txt'), lambda: open('.'),
                lambda: open(1.5), lambda: open('u.txt', closefd=False),
                lambda: open('u.txt', 'w').read(), lambda: open('u.txt').write('x'),
                lambda: open('u.txt').seek(1, 1), lambda: open('u.txt').seek(1, 2), lambda: open('u.txt').seek(-1),
                lambda: open('u.txt').seek(0, 3), lambda: open('u.txt', 'rb').write(b'x'),
                lambda: open('u.txt', 'rb').buffer, lambda: f.read(), lambda: f.fileno(), lambda: f.readline()]:
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
    print(isinstance(open('u.txt'), io.TextIOBase), isinstance(open('u.txt', 'rb'), io.BufferedIOBase),
          isinstance(open('u.txt', 'rb'), io.TextIOBase), isinstance(open('u.txt'), io.IOBase))
finally:
    os.chdir('/')
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
