# os: directories, files, descriptors and their errors, inside a private temp directory.
import os
import stat

base = '/tmp/minipy_os_files_%d' % os.getpid()
os.mkdir(base)
old_cwd = os.getcwd()
os.chdir(base)
try:
    print(os.getcwd() == base, os.path.samefile('.', base))
    os.mkdir('sub')
    os.makedirs('deep/er/est')
    os.makedirs('deep/er', exist_ok=True)
    try:
        os.makedirs('deep/er')
    except FileExistsError as e:
        print('FileExistsError', e)
    with open('sub/a.txt', 'w') as f:
        f.write('hello\n')
    with open('b.bin', 'wb') as f:
        f.write(bytes(range(10)))
    print(sorted(os.listdir()), sorted(os.listdir('.')), os.listdir('sub'))
    print(sorted(os.listdir(b'.')))
    entries = sorted(os.scandir(), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink())
    with os.scandir('sub') as it:
        for e in it:
            print(e.path, e.stat().st_size, os.fspath(e))
    st = os.stat('b.bin')
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat('sub').st_mode), st[6], len(st))
    print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
    os.utime('b.bin', (1000000000, 1234567890))
    st = os.stat('b.bin')
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8], os.path.getmtime('b.bin'))
    os.utime('b.bin', ns=(5, 1500000000123456789))
    print(os.stat('b.bin').st_mtime_ns)
    os.chmod('b.bin', 0o600)
    print(oct(stat.S_IMODE(os.stat('b.bin').st_mode)), stat.filemode(os.stat('b.bin').st_mode))
    print(os.access('b.bin', os.R_OK), os.access('missing', os.F_OK))
    os.symlink('sub/a.txt', 'link')
    print(os.readlink('link'), os.path.islink('link'), os.path.isfile('link'), os.lstat('link').st_size)
    print(os.path.realpath('link') == os.path.join(base, 'sub', 'a.txt'))
    os.link('b.bin', 'hard')
    print(os.stat('hard').st_nlink, os.path.samefile('hard', 'b.bin'))
    os.rename('hard', 'hard2')
    os.replace('hard2', 'b2.bin')
    print(sorted(os.listdir()))
    for path, dirs, files in os.walk('.'):
        dirs.sort()
        print(path, dirs, sorted(files))
    print([p for p, d, f in os.walk('deep', topdown=False)])
    # descriptors
    fd = os.open('fd.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b'abcdef'), os.get_inheritable(fd))
    os.close(fd)
    fd = os.open('fd.txt', os.O_RDONLY)
    print(os.read(fd, 3), os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
    fd2 = os.dup(fd)
    print(fd2 != fd, os.fstat(fd2).st_size, os.isatty(fd))
    os.close(fd2)
    os.close(fd)
    os.truncate('fd.txt', 2)
    print(os.path.getsize('fd.txt'))
    r, w = os.pipe()
    print(os.get_blocking(r))
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    try:
        os.read(r, 1)
    except BlockingIOError as e:
        print('BlockingIOError', e.errno)
    os.write(w, b'through the pipe')
    print(os.read(r, 100))
    os.close(r)
    os.close(w)
    # errors carry the file names
    for call in [lambda: os.stat('missing'), lambda: os.listdir('missing'), lambda: os.rmdir('sub'),
                 lambda: os.mkdir('sub'), lambda: os.remove('sub'), lambda: os.rename('missing', 'x'),
                 lambda: os.chdir('b.bin'), lambda: os.readlink('b.bin'), lambda: os.open('missing', os.O_RDONLY),
                 lambda: os.stat(1.5), lambda: os.mkdir(3), lambda: os.listdir(1.5), lambda: os.rename('a', 1),
                 lambda: os.stat('a\0b'), lambda: os.stat(b'a\0b'), lambda: os.close(-1), lambda: os.read(-1, 1),
                 lambda: os.write(1, 'str'), lambda: os.fspath(1), lambda: os.urandom(-1),
                 lambda: os.utime('b.bin', (1,)), lambda: os.utime('b.bin', (1, 2), ns=(1, 2)),
                 lambda: os.scandir('missing'), lambda: os.lseek(99, 0, 0)]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
    print(len(os.urandom(16)), os.urandom(0))
    print(os.path.exists('b.bin'), os.path.lexists('link'), os.path.isdir('deep/er'))
    os.removedirs('deep/er/est')
    print(os.path.exists('deep'))
finally:
    os.chdir(old_cwd)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            if os.path.islink(p):
                os.remove(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print('cleaned:', not os.path.exists(base))
