# TextTestRunner output at verbosities 0, 1 and 2: status words and letters, the
# failure blocks with tracebacks (unittest's own frames hidden), the summary line;
# fixtures, cleanups, subtests, skips, expected failures, failfast and buffer.
import io
import sys
import unittest

from _unittest_support import run, counts, mask

log = []


def setUpModule():
    log.append("setUpModule")


def tearDownModule():
    log.append("tearDownModule")


class Mixed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        self.x = 1

    def test_ok(self):
        """First line of the docstring.

        Only the first line is shown."""
        self.assertEqual(self.x, 1)

    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        raise ValueError("boom")

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.skipIf(True, "condition held")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, "never shown")
    def test_skip_unless_runs(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_dict(self):
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3})

    def test_str(self):
        self.assertEqual("hello world\nfoo\n", "hello there\nfoo\n")

    def test_msg(self):
        self.assertIn(3, [1, 2], msg="custom")

    def test_long(self):
        self.assertEqual(list(range(100)), list(range(1, 101)))

    def helper(self, a, b):
        self.assertEqual(a, b)

    def test_through_helper(self):
        self.helper((1, 2), (1, 3))


class BadClassSetup(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("class setup broke")

    def test_a(self):
        pass


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass


class Fixtures(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, "cleanup 1")
        self.addCleanup(self.failing_cleanup)
        self.addCleanup(log.append, "cleanup 3")

    def failing_cleanup(self):
        raise OSError("cleanup failed")

    def tearDown(self):
        if self._testMethodName == 'test_teardown_error':
            raise KeyError("teardown")

    def test_teardown_error(self):
        pass


class SetUpSkips(unittest.TestCase):
    def setUp(self):
        self.skipTest("setUp says skip")

    def test_x(self):
        pass


class Subtests(unittest.TestCase):
    def test_nested(self):
        with self.subTest("outer", a=1):
            with self.subTest(b=2):
                self.fail("inner fail")
            with self.subTest():
                raise TypeError("bad type")
        with self.subTest(c=3):
            self.skipTest("skip in subtest")
        with self.subTest(msg="message only"):
            self.assertIsNone(0)

    def test_all_pass(self):
        for i in range(3):
            with self.subTest(i=i):
                pass


class Chained(unittest.TestCase):
    def test_cause(self):
        try:
            raise KeyError("first")
        except KeyError as e:
            raise ValueError("second") from e

    def test_context(self):
        try:
            raise KeyError("first")
        except KeyError:
            raise ValueError("during handling")


class Printer(unittest.TestCase):
    def test_print_ok(self):
        print("hidden: the test passed")

    def test_print_fail(self):
        print("captured output")
        self.fail("failed after printing")


load = unittest.defaultTestLoader.loadTestsFromTestCase
module = sys.modules[__name__]

for verbosity in (1, 2):
    print("=== module, verbosity", verbosity)
    result = run(unittest.defaultTestLoader.loadTestsFromModule(module), verbosity)
    counts(result)
    print(log)
    del log[:]

print("=== verbosity 0")
counts(run(load(Fixtures), 0))
print(log)

print("=== failfast")
counts(run(unittest.TestSuite([load(Chained), load(Mixed)]), 2, failfast=True))

print("=== buffer")
saved = sys.stdout
sys.stdout = io.StringIO()
try:
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, buffer=True).run(load(Printer))
    captured = sys.stdout.getvalue()
finally:
    sys.stdout = saved
print(mask(captured))
counts(result)

print("=== result objects")
result = unittest.TestResult()
load(Mixed).run(result)
print(result)
for test, text in result.failures:
    print("FAIL", test, text.splitlines()[-1])
for test, text in result.errors:
    print("ERROR", test.id(), text.splitlines()[-1])
for test, reason in result.skipped:
    print("SKIP", test, repr(reason))
print([str(t) for t, _ in result.expectedFailures], [str(t) for t in result.unexpectedSuccesses])
print(result.wasSuccessful(), result.shouldStop)

print("=== TestCase.run without a result, and debug")
print(Mixed('test_ok').run())
try:
    Mixed('test_fail').debug()
except AssertionError as e:
    print("debug raised:", str(e).splitlines()[0])
try:
    SkippedClass('test_a').debug()
except unittest.SkipTest as e:
    print("debug skipped:", e)

print("=== FunctionTestCase")
def plain():
    """Plain function doc."""
    raise AssertionError("plain failed")
ftc = unittest.FunctionTestCase(plain, setUp=lambda: log.append("fsetup"),
                                tearDown=lambda: log.append("fteardown"))
print(ftc, ftc.id(), ftc.shortDescription())
counts(run(unittest.TestSuite([ftc]), 2))
print(log)
