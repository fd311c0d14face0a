import unittest


class Unreachable(unittest.TestCase):
    def test_u(self):
        pass
