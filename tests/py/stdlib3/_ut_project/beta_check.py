import unittest


class Beta(unittest.TestCase):
    def test_b(self):
        pass

    def test_b_error(self):
        raise RuntimeError("beta broke")
