import unittest


class Inner(unittest.TestCase):
    def test_i(self):
        pass

    def test_j(self):
        pass
