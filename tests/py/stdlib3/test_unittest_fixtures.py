# Class and module fixtures: setUpClass/tearDownClass/setUpModule/tearDownModule
# errors (reported as "setUpClass (module.Class)" pseudo-tests), SkipTest raised by
# setUpClass, class and module cleanups, enterContext.
import sys
import unittest

from _unittest_support import run, counts

log = []


def setUpModule():
    log.append("setUpModule")
    unittest.addModuleCleanup(log.append, "module cleanup")


def tearDownModule():
    log.append("tearDownModule")
    raise ValueError("tearDownModule broke")


class A(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("A.setUpClass")
        cls.addClassCleanup(log.append, "A class cleanup")
        cls.addClassCleanup(cls.bad_cleanup)

    @classmethod
    def bad_cleanup(cls):
        raise OSError("class cleanup broke")

    @classmethod
    def tearDownClass(cls):
        log.append("A.tearDownClass")
        raise KeyError("tearDownClass broke")

    def test_a1(self):
        f = self.enterContext(open(__file__))
        self.addCleanup(lambda: log.append("file closed: %s" % f.closed))
        log.append("test_a1, file closed: %s" % f.closed)

    def test_a2(self):
        log.append("test_a2")


class B(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("skip class B from setUpClass")

    def test_b(self):
        log.append("test_b must not run")


class C(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(log.append, "C cleanup after failed setUpClass")
        raise RuntimeError("C setup")

    def test_c(self):
        log.append("test_c must not run")


class D(unittest.TestCase):
    def test_d(self):
        log.append("test_d")


module = sys.modules[__name__]
for verbosity in (1, 2):
    result = run(unittest.defaultTestLoader.loadTestsFromModule(module), verbosity)
    counts(result)
    print([str(test) for test, _ in result.errors])
    print(result.skipped)
    print(log)
    del log[:]

print("--- a failing setUpModule skips the whole module")


def broken_setup():
    log.append("broken setUpModule")
    raise RuntimeError("no database")


module.setUpModule = broken_setup
counts(run(unittest.defaultTestLoader.loadTestsFromTestCase(D), 2))
print(log)
