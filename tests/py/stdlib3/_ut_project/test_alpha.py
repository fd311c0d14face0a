import unittest


class Alpha(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual(2, 3)

    def test_three_skip(self):
        self.skipTest("later")


class AlphaMore(unittest.TestCase):
    def test_more(self):
        pass


if __name__ == '__main__':
    unittest.main()
