# The command line's file handling (read without iostreams since start-up work) and the
# main thread's stack bound (computed without /proc/self/maps).
import os
import subprocess
import sys
import tempfile
import threading


def run(args, stdin=None):
    r = subprocess.run([sys.executable] + args, input=stdin, capture_output=True)
    err = r.stderr.decode()
    # The interpreter's own name starts its messages; keep what follows it.
    err = err.split(': ', 1)[1] if err.startswith(sys.executable) or err.startswith('minipy') else err
    return r.returncode, r.stdout.decode(), err


with tempfile.TemporaryDirectory() as d:
    print(run([d])[0], run([d])[2].replace(d, '<dir>'))
    missing = os.path.join(d, 'missing.py')
    code, out, err = run([missing])
    print(code, err.replace(d, '<dir>'))
    script = os.path.join(d, 'big.py')
    with open(script, 'w') as f:
        f.write('x = 0\n' * 100000 + 'print("lines ran:", x + 100000)\n')
    print(run([script]))
    print(run(['-'], stdin=b'print("from stdin", 6 * 7)\n'))
    print(run([], stdin=b'import sys; print(sys.argv)\n'))
    # sys.executable: the path the program was started by, made absolute and normalised,
    # symbolic links not resolved.
    link = os.path.join(d, 'link')
    os.symlink(sys.executable, link)
    os.mkdir(os.path.join(d, 'sub'))
    check = 'import os, sys; print(sys.executable == os.path.join(sys.argv[1], "link"))'
    print(subprocess.run([link, '-c', check, d], capture_output=True).stdout)
    print(subprocess.run(['./sub/../link', '-c', check, d], cwd=d, capture_output=True).stdout)


# A directory with a __main__.py runs it as __main__, the directory first on sys.path (as
# typed, made absolute); one without it is an error (exit 1).
with tempfile.TemporaryDirectory() as d:
    d = os.path.realpath(d)
    app = os.path.join(d, 'app')
    os.mkdir(app)
    os.mkdir(os.path.join(d, 'empty'))
    with open(os.path.join(app, '__main__.py'), 'w') as f:
        f.write('import sys, helper\nprint(__name__, repr(__package__), sys.argv, helper.X)\n'
                'print(__file__, sys.path[0])\n')
    with open(os.path.join(app, 'helper.py'), 'w') as f:
        f.write('X = 42\n')
    for target in ['app', './app/', app]:
        r = subprocess.run([sys.executable, target, 'a'], cwd=d, capture_output=True, text=True)
        print(r.returncode, r.stdout.replace(d, '<dir>'), r.stderr)
    code, out, err = run([os.path.join(d, 'empty')])
    print(code, out, err.replace(d, '<dir>'))

# The main script's __file__ and its tracebacks' file names are absolute: the path as typed
# joined to the current directory, not normalised; sys.argv[0] stays as typed.
with tempfile.TemporaryDirectory() as d:
    d = os.path.realpath(d)
    with open(os.path.join(d, 'where.py'), 'w') as f:
        f.write('import sys\nprint(__file__, sys.argv[0])\nraise ValueError(1)\n')
    for target in ['where.py', './where.py', os.path.join(d, 'where.py')]:
        r = subprocess.run([sys.executable, target], cwd=d, capture_output=True, text=True)
        print(r.returncode, r.stdout.replace(d, '<dir>'), r.stderr.splitlines()[1].replace(d, '<dir>'))

# -W and PYTHONWARNINGS become sys.warnoptions (the environment's first), which the warnings
# module applies.
warn = 'import sys, warnings; print(sys.warnoptions); warnings.warn("w"); print("after")'
for args, env in [([], {}), (['-W', 'ignore'], {}), (['-Werror'], {}),
                  (['-W', 'default'], {'PYTHONWARNINGS': 'ignore,error::DeprecationWarning'})]:
    r = subprocess.run([sys.executable] + args + ['-c', warn], capture_output=True, text=True,
                       env=dict(os.environ, **env))
    print(args, env, r.returncode, r.stdout.split('\n'), r.stderr.strip().splitlines()[-1:])

# Code from -c and from a pipe has no source file: its tracebacks show no source lines.
for args, stdin in [(['-c', 'x = 1\n1/x * 0 + 1/0'], None), ([], b'def f():\n    1/0\nf()\n')]:
    r = subprocess.run([sys.executable] + args, input=stdin, capture_output=True)
    print(r.returncode, r.stderr.decode().splitlines())

# -u and PYTHONUNBUFFERED: stdout and stderr write through, so their writes interleave in order.
order = 'import sys; print("out 1"); sys.stderr.write("err\\n"); print("out 2")'
attrs = 'import sys; print(sys.stdout.line_buffering, sys.stdout.write_through, sys.stderr.write_through)'
for args, env in ((['-u'], {}), ([], {'PYTHONUNBUFFERED': '1'})):
    for code in (order, attrs):
        r = subprocess.run([sys.executable] + args + ['-c', code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=dict(os.environ, **env))
        print(args, env, r.stdout.decode().splitlines())


def deep(n):
    return deep(n + 1)


def recursion_error():
    try:
        deep(0)
    except RecursionError as e:
        return str(e)


sys.setrecursionlimit(100000)
print('main thread:', recursion_error())
results = []
t = threading.Thread(target=lambda: results.append(recursion_error()))
t.start()
t.join()
print('other thread:', results)
