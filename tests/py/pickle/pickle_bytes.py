# pickle.dumps must produce CPython's exact bytes for the built-in types (protocols 0-5),
# and loads must read them back equal.
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def module_function():
    return 1


values = [
    None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, 2**31, -2**31,
    -2**31 - 1, 2**63, -2**63, 2**100, -2**100, 2**2100, 0.0, -0.0, 1.5, 1e300, -2.5e-300,
    float("inf"), "", "abc", "h\u00e9llo \u20ac \U0001f600", "x" * 300, b"", b"\x00\xff",
    b"y" * 300, bytearray(b"ab"), bytearray(), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
    [], [1], [1, "a", (2, 3)], list(range(2500)), {}, {1: 2}, {"a": [1], "b": {"c": None}},
    {i: str(i) for i in range(1200)}, set(), {1}, set(range(1500)), frozenset(),
    frozenset({1, 2}), Point(1, "two"), [Point(3, 4)], module_function, Point, len,
    ValueError("bad", 7), KeyError("k"), type(None), NotImplemented, Ellipsis,
]

for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        if proto < 3 and type(v) in (bytes, bytearray):
            continue  # CPython uses codecs.encode there; minipy pickles differently
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        if isinstance(v, BaseException):
            same = type(back) is type(v) and back.args == v.args
        elif isinstance(v, float) and v != v:
            same = back != back
        else:
            same = back == v or back is v
        shown = v.__name__ if callable(v) and not isinstance(v, type) else repr(v)[:40]
        print(proto, shown, data if len(data) < 120 else (len(data), data[:60]), same)

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
