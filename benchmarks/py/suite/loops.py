# Integer loops: nested for/while, arithmetic, comparisons, bit operations.
import sys


def run(n):
    total = 0
    for i in range(n):
        j = i
        while j > 0:
            total = (total + (j % 7) * (j ^ 3)) & 0xFFFFFFF
            j //= 3
    return total


n = int(360_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
