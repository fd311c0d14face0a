# complex: literals, arithmetic, powers, repr of signed zeros and non-finite parts, equality.
z = 1 + 2j
w = 3 - 1j
print(z, w, z + w, z - w, z * w, z / w, -z, +z, abs(3 + 4j), z.conjugate(), z.real, z.imag)
print(1j * 1j, 1j ** 2, (1 + 1j) ** -2, (2 + 0j) ** 0.5, (1 + 1j) ** 1j, 2 - 1j, 5 + 1j, 1.5 * 2j, 1j / 2)
print(complex(), complex(1), complex(1, 2), complex('1+2j'), complex(' ( 3-4.5J ) '), complex('-j'), complex(1 + 2j, 3j))
print(complex(0, -0.0), complex(-0.0, 0), complex(1, float('nan')), complex(1, -float('inf')), complex('inf+nanj'))
print(1j == 1j, 1 + 0j == 1, 1j == 0, 2.0 + 0j == 2.0, 1j != 2j, hash(1j), hash(1 + 0j) == hash(1), bool(0j), bool(1j))
errors = [lambda: 1j / 0, lambda: 0j ** -1, lambda: 1j < 2j, lambda: 1j // 1, lambda: complex('1+'),
          lambda: complex('1', 2), lambda: complex(1, '2'), lambda: complex(None), lambda: pow(1j, 2, 3), lambda: int(1j)]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
