# // and % on two small ints skip the generic path: floor rounding for every sign, zero
# divisors, quotients that leave the small-int range, bools and int subclasses.
vals = (7, -7, 3, -3, 1, -1, 0, 2 ** 62 - 1, -(2 ** 62), 2 ** 61, 10 ** 18)
rows = []
for a in vals:
    for b in vals:
        if b == 0:
            continue
        rows.append((a // b, a % b, divmod(a, b) == (a // b, a % b)))
print(rows)
lo = -(2 ** 62)
print(lo // -1, lo % -1, type(lo // -1).__name__, (lo - 1) // -1)
for a, b in ((1, 0), (0, 0), (-5, 0)):
    for op in ("//", "%"):
        try:
            eval(f"a {op} b")
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError:", e)
print(True // 1, True % 2, 7 // True, False % 3, type(True // True).__name__)


class I(int):
    def __floordiv__(self, other):
        return "I.__floordiv__"

    def __rmod__(self, other):
        return "I.__rmod__"


print(I(7) // 2, 7 % I(2), I(7) % 2, type(I(7) % 2).__name__)
x = 17
x //= -5
print(x)
x %= 3
print(x)
x = -17
x %= 5
print(x)
print(7.5 // 2, 7 % 2.5, -7 // 2.0)
