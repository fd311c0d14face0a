# unittest.main(): argument parsing (-v, -q, -f, -k, test names), exit status through
# SystemExit, exit=False; and the `-m unittest` command line (names, discover, bare).
import io
import os
import subprocess
import sys
import unittest

from _unittest_support import mask


class Alpha(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual(2, 3)

    def test_three(self):
        self.skipTest("later")


class Beta(unittest.TestCase):
    def test_b(self):
        pass

    def test_b_error(self):
        raise RuntimeError("beta broke")


def main(*args, **kwargs):
    """Runs unittest.main on this module with args; prints its report and exit status."""
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream)
    print('$ prog', ' '.join(args), kwargs)
    try:
        program = unittest.main(argv=['prog'] + list(args), testRunner=runner, **kwargs)
    except SystemExit as e:
        status = e.code
    else:
        status = 'no exit, result %s' % program.result
    print(mask(stream.getvalue()))
    print('status:', status)


class VerboseRunner(unittest.TextTestRunner):
    """A runner class: main() passes it verbosity, failfast, buffer and warnings."""

    def __init__(self, **kwargs):
        print('runner options:', sorted(kwargs.items()))
        kwargs['stream'] = io.StringIO()
        super().__init__(**kwargs)
        self.captured = kwargs['stream']

    def run(self, test):
        result = super().run(test)
        print(mask(self.captured.getvalue()))
        return result


def main_with_class(*args, **kwargs):
    print('$ prog', ' '.join(args), kwargs)
    try:
        unittest.main(argv=['prog'] + list(args), testRunner=VerboseRunner, **kwargs)
    except SystemExit as e:
        print('status:', e.code)


main_with_class()
main_with_class('-v', 'Alpha')
main_with_class('-q', 'Alpha.test_one', 'Beta.test_b')
main_with_class('-f', '-v')
main_with_class('-k', 'one', '-k', 'b_err')
main_with_class('-k', '*three')
main_with_class('-v', 'Beta', exit=False)
main_with_class('--locals', '-b', '-c', 'Alpha.test_one')
main_with_class('-v', verbosity=0, failfast=True)
main('Alpha.test_one')
main('Alpha.test_one', exit=False)

print('--- python -m unittest')
project = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_ut_project')


def cli(*args, cwd=project):
    proc = subprocess.run([sys.executable, '-m', 'unittest'] + list(args), cwd=cwd,
                          capture_output=True, text=True)
    print('$ -m unittest', ' '.join(args), '-> status', proc.returncode)
    print(mask(proc.stdout) + mask(proc.stderr))


cli('test_alpha')
cli('-v', 'test_alpha.Alpha.test_one', 'beta_check.Beta')
cli('-q', '-k', 'test_i', 'test_alpha.py', 'pkg/test_inner.py')
cli('discover', '-s', 'pkg', '-p', 'test_*.py', '-v')
cli('discover', '.', '*_check.py')
cli('-v', cwd=os.path.join(project, 'pkg'))
proc = subprocess.run([sys.executable, 'test_alpha.py', '-v'], cwd=project,
                      capture_output=True, text=True)
print('$ test_alpha.py -v -> status', proc.returncode)
print(mask(proc.stderr))
