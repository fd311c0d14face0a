import unittest


class Deep(unittest.TestCase):
    def test_d(self):
        raise RuntimeError("deep")
