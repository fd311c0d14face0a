# int subclasses carry their own type; arithmetic on them returns plain ints.
class MyInt(int):
    def double(self):
        return self * 2

class Flags(int):
    def __repr__(self):
        return 'Flags(%d)' % int(self)

m = MyInt(5)
print(m, type(m).__name__, m.double(), type(m.double()).__name__, m + 1, type(m + 1).__name__, -m, type(-m).__name__)
print(MyInt('ff', 16), MyInt(2 ** 70), MyInt(), isinstance(m, int), m == 5, hash(m) == hash(5), m < 6, int(m), type(int(m)).__name__)
print(repr(Flags(3)), str(Flags(3)), Flags(3) | 4, f'{Flags(10):x}', Flags.from_bytes(b'\x01', 'big'), type(Flags.from_bytes(b'\x01', 'big')).__name__)
print([MyInt(3)] * 2, 'ab' * MyInt(2), list(range(MyInt(3))), divmod(MyInt(7), 2), MyInt(7) ** 2, round(MyInt(15), -1))
class Idx:
    def __index__(self):
        return 7
class Tr:
    def __trunc__(self):
        return 9
class Fl:
    def __float__(self):
        return 2.5
print(int(Idx()), int(Tr()), float(Fl()), float(Idx()), (3).__round__(Idx()))
print(True + 1, True.real, (True).bit_length(), True & 1, type(True & 1).__name__, True == 1.0, hash(True))
