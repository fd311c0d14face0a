# LOAD_ATTR / STORE_ATTR remember where in an instance __dict__ a name was found. The hint must
# never return a wrong value: instances filled in different orders, attributes deleted and
# re-added, __dict__ replaced, keys that are equal but not identical strings, and keys whose
# __eq__ raises.


class P:
    pass


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def make(order):
    o = P()
    for i, name in enumerate(order):
        setattr(o, name, name + str(i))
    return o


objs = [make("xyz"), make("zyx"), make("yxz"), make("x"), make("abcdx")]
for _ in range(3):
    print([get_x(o) for o in objs])
for i, o in enumerate(objs):
    set_x(o, i)
print([get_x(o) for o in objs], [list(vars(o)) for o in objs])

o = objs[0]
del o.x
try:
    get_x(o)
except AttributeError as e:
    print("AttributeError:", e)
set_x(o, "again")
print(get_x(o), list(vars(o)))
o.__dict__ = {"q": 1, "x": "replaced"}
print(get_x(o))
set_x(o, "stored")
print(o.__dict__)
o.__dict__ = {}
try:
    get_x(o)
except AttributeError as e:
    print("AttributeError:", e)
set_x(o, "fresh")
print(o.__dict__)

# A key equal to "x" but not the interned string.
name = "".join(["x"])
w = P()
w.__dict__[name] = "built"
print(get_x(w))
set_x(w, "set")
print(w.__dict__)


class Key(str):
    def __eq__(self, other):
        raise ValueError("Key.__eq__")

    __hash__ = str.__hash__


k = P()
k.__dict__[Key("x")] = 1
for f in (get_x, lambda o: set_x(o, 2)):
    try:
        f(k)
    except ValueError as e:
        print("ValueError:", e)


class D(dict):
    pass


m = P()
m.__dict__ = D(x="from subclass")
print(get_x(m))
set_x(m, "into subclass")
print(type(m.__dict__).__name__, m.__dict__)


# A class attribute shadowed by the instance and then unshadowed.
class C:
    x = "class"


c = C()
print(get_x(c))
set_x(c, "instance")
print(get_x(c))
del c.x
print(get_x(c))
C.x = property(lambda s: "property")
print(get_x(c))
c.__dict__["x"] = "ignored"
print(get_x(c))
