import unittest


class Hidden(unittest.TestCase):
    def test_hidden(self):
        pass

    def test_chosen(self):
        pass


def load_tests(loader, tests, pattern):
    # Only one of the two tests is run, whatever the pattern.
    return unittest.TestSuite([Hidden('test_chosen')])
