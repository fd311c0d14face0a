# int: floor division and modulo signs, powers, shifts, two's complement bit operations,
# big-int boundaries around the machine word, constructors and methods.
for a in (7, -7, 2 ** 70 + 3, -(2 ** 70) - 3):
    for b in (2, -2, 3 ** 50, -(3 ** 50)):
        print(a // b, a % b, divmod(a, b), a / b)
edges = [2 ** 62 - 1, 2 ** 62, -(2 ** 62), -(2 ** 62) - 1, 2 ** 63 - 1, 2 ** 63, -(2 ** 63), 2 ** 64]
for x in edges:
    print(x + 1, x - 1, x * 2, -x, ~x, abs(x), x >> 1, x << 1, x // -1, x & 0xFFFF, x | 1, x ^ -1)
print(pow(3, 4, 5), pow(2, 100, 1000), pow(3, -1, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(5, -2, 13))
print(2 ** -2, (-2) ** -3, 10 ** 20, (-3) ** 41, 0 ** 0, 1 ** (10 ** 30), (-1) ** (10 ** 30 + 1))
print(-17 >> 3, -1 >> 1000, 1 << 100, -(1 << 100) >> 99, 12345 << 0)
print(-6 & 0xFF, -(2 ** 70) & 0xFFFF, ~(2 ** 70), (2 ** 70) ^ (2 ** 69), -8 | 3, 5 & -1)
print(int('  -0b1010  ', 0), int('0o777', 0), int('Z', 36), int('1_000_000'), int(b'42'), int(bytearray(b'7')))
print(int(3.99), int(-3.99), int(1e20), int(-2.0 ** 70), int(True), int('١٢٣'))
print((255).bit_length(), (-2 ** 100).bit_length(), (0).bit_length(), (-7).bit_count(), (2 ** 100 - 1).bit_count())
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (0).to_bytes(0, 'big'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes([1, 2], 'little'), int.from_bytes(b''))
print((5).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(round(15, -1), round(25, -1), round(-15, -1), round(123, -100), round(7, 2), round(10 ** 30 + 5 * 10 ** 9, -10))
print(format(255, '#x'), format(1234567, ','), format(10 ** 30, '_'), format(-42, '+08d'), f'{2 ** 70:e}', f'{12:b}')
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 100)), hash(10 ** 30) == hash(float(10 ** 30)))
print(True + True, True * 2.5, True / 4, True << 70, -True, ~False, abs(True), True // 1, divmod(True, 2))
print(10 ** 20 > 10 ** 19, -(10 ** 20) < 2, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 < float('inf'), 3 < 3.5, -3 > -3.5)
print(sum(range(10 ** 6)), 7 ** 77 % 1000, str(3 ** 1000)[:30], len(str(3 ** 1000)))
errors = [lambda: 1 // 0, lambda: 1 % 0, lambda: 1 / 0, lambda: divmod(1, 0), lambda: 0 ** -1, lambda: 1 << -1,
          lambda: 1 >> -1, lambda: pow(2, -1, 4), lambda: pow(2, 2, 0), lambda: pow(2.0, 2, 3), lambda: int('abc'),
          lambda: int('1', 1), lambda: int(1.5, 2), lambda: int(None), lambda: int(float('nan')), lambda: int(float('inf')),
          lambda: (2 ** 100).to_bytes(2, 'big'), lambda: (-1).to_bytes(2, 'big'), lambda: (1).to_bytes(2, 'mid'),
          lambda: (10 ** 400) / 1, lambda: float(10 ** 400), lambda: 10 ** 400 + 0.5, lambda: round(5, 1.5),
          lambda: int('010', 0), lambda: int(b'x'), lambda: int(base=10), lambda: 1 + 'a', lambda: 'a' * 2.0]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
