"""Run every tests/stdlib_lib/test_*.py under CPython twice and compare.

Pass 1 runs the test against CPython's own standard library; pass 2 runs it
with the pure-Python modules from stdlib/lib/ imported in their place.  Both
outputs (stdout and stderr merged) must equal the committed .exp file, which
is the CPython output and is what minipy is later checked against.

    python3 tests/stdlib_lib/run_under_cpython.py            # compare all
    python3 tests/stdlib_lib/run_under_cpython.py test_json  # some tests
    python3 tests/stdlib_lib/run_under_cpython.py --update   # rewrite .exp

Checking minipy later: run each test from this directory and compare its
stdout and stderr, merged, with the .exp file.  Tests take no arguments and
need only sys, os, time and threading besides the modules under test.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Output of failing runs goes here, outside the work tree.
OUT_DIR = os.path.join(tempfile.gettempdir(), 'stdlib_lib_out')
LIB = os.path.normpath(os.path.join(HERE, '..', '..', 'stdlib', 'lib'))


# The pure-Python modules under test.  Other modules in stdlib/lib (such as
# threading or random, built on minipy's native _thread/_random) are left
# to CPython's implementations here.
MODULES = [
    '_bindargs', 'abc', 'argparse', 'base64', 'bisect', 'collections',
    'collections.abc', 'contextlib', 'copy', 'dataclasses', 'enum',
    'fnmatch', 'functools', 'heapq', 'itertools', 'json', 'json.decoder',
    'json.encoder', 'keyword', 'numbers', 'operator', 'queue', 'reprlib',
    'shlex', 'string', 'textwrap', 'types', 'typing', 'uuid', 'warnings',
]


def our_module_names():
    """Map each module in MODULES to its file under stdlib/lib."""
    names = {}
    for name in MODULES:
        base = os.path.join(LIB, *name.split('.'))
        if os.path.isdir(base):
            names[name] = os.path.join(base, '__init__.py')
        elif os.path.exists(base + '.py'):
            names[name] = base + '.py'
    return names


def run_with_our_modules(test_path):
    """In this process: swap in stdlib/lib modules, then run test_path."""
    import importlib.abc
    import importlib.util
    # Modules that we do not provide but that may import ones we do: load
    # the real ones now so they keep using CPython's versions internally.
    import io, os, re, threading, time, math, linecache, traceback  # noqa
    names = our_module_names()
    packages = {n for n, f in names.items() if f.endswith('__init__.py')}
    for name in list(sys.modules):
        if name in names or name.split('.')[0] in packages:
            del sys.modules[name]

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname not in names:
                return None
            file = names[fullname]
            if file.endswith('__init__.py'):
                return importlib.util.spec_from_file_location(
                    fullname, file,
                    submodule_search_locations=[os.path.dirname(file)])
            return importlib.util.spec_from_file_location(fullname, file)

    sys.meta_path.insert(0, Finder())
    sys.argv = [test_path]
    sys.path[0] = os.path.dirname(test_path)
    with open(test_path, encoding='utf-8') as f:
        code = compile(f.read(), test_path, 'exec')
    main_module = type(sys)('__main__')
    main_module.__file__ = test_path
    sys.modules['__main__'] = main_module
    exec(code, main_module.__dict__)


def run(cmd):
    # No fixed PYTHONHASHSEED: output that depends on set order would show
    # up as flaky here rather than as a false failure under minipy.
    env = dict(os.environ, COLUMNS='80', PYTHONIOENCODING='utf-8',
               PYTHONDONTWRITEBYTECODE='1')
    env.pop('PYTHONPATH', None)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=env, cwd=HERE)
    return p.stdout.decode('utf-8', 'replace'), p.returncode


def main(argv):
    if len(argv) >= 2 and argv[0] == '--ours':
        run_with_our_modules(os.path.abspath(argv[1]))
        return 0
    update = '--update' in argv
    wanted = [a for a in argv if not a.startswith('--')]
    tests = sorted(f for f in os.listdir(HERE)
                   if f.startswith('test_') and f.endswith('.py'))
    if wanted:
        tests = [t for t in tests if t[:-3] in wanted or t in wanted]
    passed = failed = 0
    for t in tests:
        exp_path = os.path.join(HERE, t[:-3] + '.exp')
        real, _ = run([sys.executable, t])
        if update:
            with open(exp_path, 'w', encoding='utf-8') as f:
                f.write(real)
        with open(exp_path, encoding='utf-8') as f:
            exp = f.read()
        ours, _ = run([sys.executable, os.path.abspath(__file__), '--ours', t])
        problems = []
        if real != exp:
            problems.append('CPython output differs from .exp')
        if ours != exp:
            problems.append('stdlib/lib output differs from .exp')
            out_path = os.path.join(OUT_DIR, t[:-3] + '.out')
            os.makedirs(OUT_DIR, exist_ok=True)
            with open(out_path, 'w', encoding='utf-8') as f:
                f.write(ours)
            problems.append('diff %s %s' % (exp_path, out_path))
        if problems:
            failed += 1
            print('FAIL', t, '; '.join(problems))
        else:
            passed += 1
            stale = os.path.join(OUT_DIR, t[:-3] + '.out')
            if os.path.exists(stale):
                os.remove(stale)
            print('ok  ', t)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
