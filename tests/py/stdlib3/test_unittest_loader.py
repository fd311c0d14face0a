# TestLoader: loading from classes, modules and dotted names, method name selection
# (prefix, sort order, -k patterns), TestSuite behaviour, and discover().
import os
import sys
import unittest

from _unittest_support import run, counts


class Ordered(unittest.TestCase):
    def check_b(self):
        pass

    def check_a(self):
        pass

    def test_z(self):
        pass

    def test_a(self):
        pass

    test_not_callable = 5


class OnlyRunTest(unittest.TestCase):
    def runTest(self):
        pass


def make_suite():
    return unittest.TestSuite([Ordered('test_a')])


def make_case():
    return Ordered('test_z')


def make_nothing():
    return 42


module = sys.modules[__name__]
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Ordered))
print(loader.loadTestsFromTestCase(Ordered))
print(loader.loadTestsFromTestCase(OnlyRunTest))
custom = unittest.TestLoader()
custom.testMethodPrefix = 'check'
custom.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(custom.getTestCaseNames(Ordered))
custom.sortTestMethodsUsing = None
print(custom.getTestCaseNames(Ordered))
patterns = unittest.TestLoader()
patterns.testNamePatterns = ['*_z', '*Ordered.test_a*']
print(patterns.getTestCaseNames(Ordered))
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(unittest.getTestCaseNames(Ordered, 'check'))
    print(unittest.makeSuite(Ordered).countTestCases())
    print(unittest.findTestCases(module).countTestCases())
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename))

for name in ('Ordered', 'Ordered.test_z', 'make_suite', 'make_case', 'OnlyRunTest'):
    print(name, '->', loader.loadTestsFromName(name, module))
print(loader.loadTestsFromNames(['Ordered.test_a', 'OnlyRunTest'], module))
try:
    loader.loadTestsFromName('make_nothing', module)
except TypeError as e:
    print('TypeError: ...', str(e).split(' returned ')[1])
try:
    loader.loadTestsFromName('module', module)
except TypeError as e:
    print('TypeError:', str(e).split(':')[0])
missing = loader.loadTestsFromName('Ordered.test_missing', module)
print(missing, len(loader.errors), loader.errors[-1].splitlines()[0])
counts(run(missing, 2))

# A dotted name imports the longest importable prefix.
print(loader.loadTestsFromName('os.path'))
failed = loader.loadTestsFromName('no_such_module_xyz')
print(failed, loader.errors[-1].splitlines()[0])
try:
    loader.loadTestsFromTestCase(unittest.TestSuite)
except TypeError as e:
    print('TypeError:', e)

print('--- suites')
suite = unittest.TestSuite()
suite.addTest(Ordered('test_z'))
suite.addTests([Ordered('test_a'), unittest.TestSuite([OnlyRunTest()])])
print(suite.countTestCases(), suite == unittest.TestSuite(list(suite)))
for bad in (Ordered, 5, "abc"):
    try:
        if isinstance(bad, str):
            suite.addTests(bad)
        else:
            suite.addTest(bad)
    except TypeError as e:
        print('TypeError:', e)
result = unittest.TestResult()
suite.run(result)
print(result, suite.countTestCases(), list(suite))
print(loader.loadTestsFromModule(module).countTestCases())

print('--- discover')
here = os.path.dirname(os.path.abspath(__file__))
project = os.path.join(here, '_ut_project')


def flatten(test):
    if isinstance(test, unittest.TestSuite):
        return [t for sub in test for t in flatten(sub)]
    return [test.id()]


found = unittest.TestLoader().discover(project)
print(flatten(found))
result = run(unittest.TestLoader().discover(project, pattern='test_[ilp]*.py'))
counts(result)
print(flatten(unittest.TestLoader().discover(project, pattern='*_check.py')))
print(flatten(unittest.TestLoader().discover(os.path.join(project, 'pkg'), top_level_dir=project)))
broken = unittest.TestLoader()
print(flatten(broken.discover(project, pattern='test_broken*.py')))
print(len(broken.errors), broken.errors[0].splitlines()[0], broken.errors[0].splitlines()[-1])
try:
    unittest.TestLoader().discover(os.path.join(project, 'notpkg'), top_level_dir=project)
except ImportError as e:
    print('ImportError:', str(e).split(':')[0])
