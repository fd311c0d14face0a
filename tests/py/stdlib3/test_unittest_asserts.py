# TestCase's assert* methods: failure messages (with the diffs), msg= and longMessage,
# the context-manager forms of assertRaises/assertWarns/assertLogs.
import unittest, warnings, logging

class T(unittest.TestCase):
    def runTest(self): pass

t = T()
def check(f, *a, **k):
    """Calls an assert method and prints how it failed."""
    try:
        f(*a, **k)
        print("no failure")
    except Exception as e:
        print(type(e).__name__ + ":", e)
        print("--")

# Passing asserts print "no failure".
check(t.assertEqual, [1, (2, 3)], [1, (2, 3)])
check(t.assertAlmostEqual, 1.0, 1.0 + 1e-9)
check(t.assertCountEqual, [1, [2], 'a'], ['a', 1, [2]])
check(t.assertRaises, ZeroDivisionError, divmod, 1, 0)
check(t.assertSequenceEqual, (1, 2), [1, 2])

check(t.assertEqual, 1, 2)
check(t.assertEqual, "a"*100, "a"*99+"b")
check(t.assertEqual, "x"*200 + "abc", "y" + "x"*199 + "abd")
check(t.assertNotEqual, 1, 1)
check(t.assertTrue, 0)
check(t.assertFalse, [1])
check(t.assertIs, 1, None)
check(t.assertIsNot, None, None)
check(t.assertIsNone, 5)
check(t.assertIsNotNone, None)
check(t.assertIn, 'z', 'abc')
check(t.assertNotIn, 'a', 'abc')
check(t.assertIsInstance, 1, str)
check(t.assertNotIsInstance, 1, int)
check(t.assertAlmostEqual, 1.0, 1.1)
check(t.assertAlmostEqual, 1.0, 1.00000001)
check(t.assertAlmostEqual, 1.0, 1.1, places=3)
check(t.assertAlmostEqual, 1.0, 1.5, delta=0.1)
check(t.assertAlmostEqual, 1.0, 1.5, delta=0.1, places=2)
check(t.assertNotAlmostEqual, 1.0, 1.00000001)
check(t.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
check(t.assertGreater, 1, 2)
check(t.assertGreaterEqual, 1, 2)
check(t.assertLess, 2, 1)
check(t.assertLessEqual, 2, 1)
check(t.assertRegex, "hello", "^w")
check(t.assertNotRegex, "hello", "l+")
check(t.assertCountEqual, [1, 2, 2, 3], [1, 2, 3, 3, 4])
check(t.assertCountEqual, [[1], [2]], [[1], [1]])
check(t.assertCountEqual, "abc", "cba")
check(t.assertSequenceEqual, [1, 2], (1, 2))
check(t.assertSequenceEqual, [1, 2], (1, 3))
check(t.assertListEqual, [1, 2], (1, 2))
check(t.assertListEqual, [1, 2, 3, 4], [1, 2])
check(t.assertListEqual, [1], [1, 2, 3])
check(t.assertTupleEqual, (1, 'a'), (1, 'b'))
check(t.assertSetEqual, {1, 2}, {2, 3})
check(t.assertSetEqual, {1}, [1])
check(t.assertEqual, frozenset({1}), frozenset({2}))
check(t.assertDictEqual, {'a': 1}, [])
check(t.assertDictEqual, {'k%d' % i: i for i in range(30)}, {'k%d' % i: i + (i == 7) for i in range(30)})
check(t.assertMultiLineEqual, "abc", "abd")
check(t.assertMultiLineEqual, "line1\nline2\nline3\n", "line1\nline2x\nline3\n")
check(t.assertMultiLineEqual, 1, "x")
check(t.assertEqual, [{'name': 'x' * 30, 'v': i} for i in range(3)], [{'name': 'x' * 30, 'v': i} for i in range(4)])
check(t.assertEqual, (1, 2, 3), (1, 2))
check(t.fail, "explicit")
check(t.fail)
check(t.assertEqual, 1, 2, "my msg")
t.longMessage = False
check(t.assertEqual, 1, 2, "my msg")
check(t.assertEqual, 1, 2)
t.longMessage = True
t.maxDiff = None
check(t.assertEqual, list(range(30)), list(range(1, 31)))
check(t.assertRaises, ValueError, int, "5")
check(t.assertRaises, ValueError, lambda: None)
check(t.assertRaises, 5)
check(t.assertRaisesRegex, ValueError, "xyz", int, "abc")
with t.assertRaisesRegex(ValueError, "invalid") as cm:
    int("q")
print(type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)
try:
    with t.assertRaises(ValueError):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
try:
    with t.assertRaises(ValueError, msg="ctx msg"):
        pass
except AssertionError as e:
    print(e)
check(t.assertRaises, ValueError, foo=1)
def warner():
    warnings.warn("deprecated thing", DeprecationWarning)
with t.assertWarns(DeprecationWarning) as cm:
    warner()
print(cm.warning, type(cm.warning).__name__, cm.lineno, cm.filename.endswith('test_unittest_asserts.py'))
check(t.assertWarns, UserWarning, lambda: None)
check(t.assertWarnsRegex, DeprecationWarning, "nomatch", warner)
t.assertWarnsRegex(DeprecationWarning, "thing", warner)
with t.assertLogs('foo', level='INFO') as cm:
    logging.getLogger('foo').info('first message')
    logging.getLogger('foo.bar').error('second message')
    logging.getLogger('foo').debug('hidden')
print(cm.output)
print([r.getMessage() for r in cm.records])
try:
    with t.assertLogs('quiet'):
        pass
except AssertionError as e:
    print(e)
with t.assertLogs() as cm:
    logging.warning("root warn")
print(cm.output)
check(t.assertEqual, {1: 'a'}, {1: 'b', 2: 'c'})
check(t.assertEqual, [1, 'a', None], [1, 'a', None, 3.5])
class MyErr(AssertionError): pass
class U(unittest.TestCase):
    failureException = MyErr
    def runTest(self): pass
check(U().assertEqual, 1, 2)
print(repr(t), str(t), t.id(), t.shortDescription(), t.countTestCases())
print(T() == T(), hash(T()) == hash(T()))
try:
    T('nosuch')
except ValueError as e:
    print(e)
check(t.assertSequenceEqual, [1, 2], [1, 3], seq_type=tuple)
check(t.assertSequenceEqual, 5, [1])
check(t.assertEqual, "x" * 1000, "x" * 999 + "y")
t.maxDiff = 80 * 8
check(t.assertEqual, ["item %d" % i for i in range(40)], ["item %d" % i for i in range(1, 41)])
check(t.assertEqual, {"k": list(range(20)), "other": "value " * 10},
      {"k": list(range(21)), "other": "value " * 10})
check(t.assertEqual, {1, 2, 3}, {3, 4})
check(t.assertEqual, 1.5, 1)
check(t.assertEqual, (1, [2, 3]), (1, [2, 4]))
with t.assertNoLogs('silent'):
    pass
try:
    with t.assertNoLogs('noisy', level='WARNING'):
        logging.getLogger('noisy').warning('oops %d', 42)
except AssertionError as e:
    print(e)
with t.assertLogs('lvl', level=logging.DEBUG) as cm:
    logging.getLogger('lvl').debug('dbg')
print(cm.output)
# Long strings inside containers are split across lines by the pretty-printer.
check(t.assertEqual, ["a long string with words " * 5, "short"],
      ["a long string with words " * 5 + "!", "short"])
check(t.assertEqual, {"key": "x " * 50, "n": [1, 2]}, {"key": "x " * 49, "n": [1, 2]})
check(t.assertEqual, ("line one\nline two " * 6,), ("line one\nline too " * 6,))
