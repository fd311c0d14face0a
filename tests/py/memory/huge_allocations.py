# Allocations far beyond any machine's address space fail with CPython's exception.
def attempt(expr):
    try:
        eval(expr)
        print('ok', expr)
    except MemoryError as e:
        print('MemoryError', repr(str(e)), expr)
    except OverflowError as e:
        print('OverflowError', e, '|', expr)

for expr in ["b'ab' * 10**15", "bytearray(b'ab') * 10**15", "(1).to_bytes(10**15, 'big')",
             "bytearray(10**15)", "bytes(10**15)", "[0] * 10**15", "[1, 2] * 10**15",
             "(0,) * 10**15", "list(range(10**15))", "[*range(10**15)]", "'ab' * 10**15",
             "'\u00e9' * 10**15", "[None] * 2**60", "' ' * 2**62", "list(range(10**20))",
             "'x'.ljust(10**15)", "b'x'.center(10**15)", "'%*d' % (10**15, 1)"]:
    attempt(expr)

def grow():
    x = [0] * 10**15
try:
    grow()
except MemoryError:
    print('caught in caller')

x = [1, 2]
try:
    x *= 10**15
except MemoryError:
    print('inplace', x)
print('still fine', sum(range(10)), [0] * 3)
