# `python -m timeit` in a subprocess: output format (timings masked) and exit status.
import re
import subprocess
import sys

TIME = r'[0-9.]+(e[+-][0-9]+)? (nsec|usec|msec|sec)'


def run(*args):
    p = subprocess.run([sys.executable, '-m', 'timeit', *args],
                       capture_output=True, text=True)
    print('timeit', ' '.join(args), '-> exit', p.returncode)
    return p


def masked(text):
    return re.sub(TIME, 'T', text)


p = run('-n', '5', '-r', '2', 'pass')
print(masked(p.stdout), end='')
p = run('-n', '1', '-s', 'import os', '-s', 'x = [1, 2]', 'y = len(x)', 'z = y * 2')
print(masked(p.stdout), end='')
p = run('-n', '3', '-u', 'usec', 'pass')
print(masked(p.stdout), end='')
print(bool(re.fullmatch(r'3 loops, best of 5: [0-9.e+-]+ usec per loop\n', p.stdout)))
# autorange picks a number of loops from 1, 2, 5, 10, 20, 50, ...
p = run('-r', '1', 'pass')
m = re.fullmatch(r'(\d+) loops?, best of 1: ' + TIME + r' per loop\n', p.stdout)
print(bool(m), m and m.group(1).lstrip('125').strip('0') == '')
p = run('-v', '-n', '2', '-r', '3', 'pass')
print(masked(p.stdout), end='')
p = run('-h')
print(p.stdout.splitlines()[0], len(p.stdout.splitlines()), repr(p.stdout[-10:]))
p = run('--bogus')
print(p.stdout, end='')
p = run('-u', 'weeks', 'pass')
print(repr(p.stdout), p.stderr.strip())
p = run('-n', '1', '1/0')
print(repr(p.stdout), p.stderr.splitlines()[-1])
p = run('-n', '1', 'return')
print(repr(p.stdout), p.stderr.splitlines()[-1])
