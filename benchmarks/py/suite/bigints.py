# Arbitrary-precision integers: factorials, Fibonacci, pow with modulus, divmod, shifts.
import sys


def run(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    a, b = 0, 1
    for _ in range(n * 4):
        a, b = b, a + b
    digits = 0
    x = f
    while x:
        x, r = divmod(x, 10 ** 50)
        digits += r % 97
    m = pow(3, f & 0xFFFFFFFF, (1 << 127) - 1)
    return (digits + (a >> (n // 2)) % 1_000_003 + m % 1_000_033) % 1_000_000_007


n = int(8_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
