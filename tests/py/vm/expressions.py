# Every expression form.
print(1 + 2 * 3 - 4 / 2, 7 // 2, 7 % 3, 2 ** 10, -5, +5, ~5, not 5)
x = 1
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2, 3 > 2 >= 2, "a" in "abc", 1 not in [2], None is None, x is not None)
print(True and 0, 0 or "x", None or [] or "last", 1 and 2 and 3)
print("yes" if 1 else "no", "yes" if 0 else "no")
print((n := 10) + n)
print([1, *[2, 3], 4], (1, *(2, 3)), {1, *{2}}, {"a": 1, **{"b": 2}, "c": 3})
print([i * i for i in range(5) if i % 2 == 0], {i % 3 for i in range(10)}, {i: str(i) for i in range(3)})
print(list(i + j for i in range(3) for j in range(2)))
print([[j for j in range(i)] for i in range(4)])
print((lambda a, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, d=4))
name, width = "pi", 10
print(f"{name!r:>{width}} {3.14159:.2f} {name=} {{braces}} {42:#x} {'nested' + f'{1+1}'}")
s = "hello world"
print(s[1], s[-1], s[1:5], s[::2], s[::-1], s[:], s[2:], s[:3])
print(len(s), s.upper(), s.split())
t = (1,)
print(t, (), (1, 2), type(t).__name__)
d = {}
d[1, 2] = "tuple key"
print(d)
print(1_000_000, 0x1f, 0o17, 0b101, 1e3, 1.5j, 10 ** 20, -2 ** 2, (-2) ** 2)
print("con" "cat", b"bytes", r"raw\n", """tri
ple""")
x = [0, 1, 2, 3]
x[1:3] = ["a", "b", "c"]
print(x)
print(...)
