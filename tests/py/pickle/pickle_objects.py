# pickle: objects, references, reduce protocols, errors and malformed input.
import io
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]


class WithState:
    def __init__(self, x):
        self.x = x
        self.cache = "not pickled"

    def __getstate__(self):
        return {"x": self.x}

    def __setstate__(self, state):
        self.x = state["x"] * 10
        self.cache = None


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


class ReducedEx:
    def __reduce_ex__(self, protocol):
        return (dict, (), None, None, iter([("protocol", protocol)]))


class MyList(list):
    pass


class MyDict(dict):
    pass


class Outer:
    class Inner:
        pass


class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code


def make_local():
    def local():
        pass
    return local


p = pickle.loads(pickle.dumps(Plain()))
print(type(p).__name__, p.a, p.b)
w = pickle.loads(pickle.dumps(WithState(4)))
print(w.x, w.cache)
r = pickle.loads(pickle.dumps(Reduced(1, "z")))
print(type(r).__name__, r.a, r.b, pickle.dumps(Reduced(1, "z")))
print(pickle.loads(pickle.dumps(ReducedEx(), 3)))
ml = MyList([1, 2, 3])
ml.tag = "t"
ml2 = pickle.loads(pickle.dumps(ml))
print(type(ml2).__name__, ml2, ml2.tag)
md = pickle.loads(pickle.dumps(MyDict(a=1)))
print(type(md).__name__, md)
print(pickle.loads(pickle.dumps(Outer.Inner)) is Outer.Inner, pickle.dumps(Outer.Inner))
e = pickle.loads(pickle.dumps(MyError("failed", 3)))
print(type(e).__name__, e.args, e.code)
for exc in (ValueError("v"), KeyError("k"), OSError(2, "No such file"), StopIteration(5), SystemExit(3)):
    back = pickle.loads(pickle.dumps(exc))
    print(type(back).__name__, back.args, str(back))

# Shared and recursive references.
shared = [1, 2]
data = [shared, shared, {"s": shared}]
back = pickle.loads(pickle.dumps(data))
print(back[0] is back[1] is back[2]["s"], pickle.dumps(data))
rec = [1]
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[1] is back, pickle.dumps(rec))
d = {}
d["self"] = d
back = pickle.loads(pickle.dumps(d))
print(back["self"] is back)
t = ([],)
t[0].append(t)
back = pickle.loads(pickle.dumps(t))
print(back[0][0] is back, pickle.dumps(t))
obj = Plain()
obj.me = obj
back = pickle.loads(pickle.dumps(obj))
print(back.me is back)

# Files, Pickler / Unpickler.
f = io.BytesIO()
pickle.dump({"k": (1, 2)}, f)
pickle.dump("second", f, protocol=2)
f.seek(0)
print(pickle.load(f), pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print("EOFError:", e)
f = io.BytesIO()
pk = pickle.Pickler(f, protocol=4)
pk.dump([1, 2])
pk.dump("x")
f.seek(0)
up = pickle.Unpickler(f)
print(up.load(), up.load())


class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return "ext:" + obj if isinstance(obj, str) and obj.startswith("@") else None


class PersistentUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return pid.upper()


f = io.BytesIO()
PersistentPickler(f).dump(["@a", "b"])
print(f.getvalue())
f.seek(0)
print(PersistentUnpickler(f).load())
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)

# What cannot be pickled.
import threading
for bad in (lambda: 1, make_local(), threading.Lock(), iter([]).__class__):
    try:
        pickle.dumps(bad)
        print("pickled", type(bad).__name__)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        msg = str(e)
        print(type(e).__name__, msg.split(" at 0x")[0] if " at 0x" in msg else msg, msg.split(">")[-1] if " at 0x" in msg else "")
try:
    pickle.dumps(1, protocol=6)
except ValueError as e:
    print("ValueError:", e)
try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError:", e)
try:
    pickle.Pickler(object())
except TypeError as e:
    print("TypeError:", e)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))

# Malformed input: an exception, never a crash.
valid = pickle.dumps({"key": [1, 2.5, "s", b"b", (None, True)], "n": 2**70})
cases = [b"", b"\x80", b"\x80\x04", b"\x80\x04\x95", b"x", b"\x80\x04K", b"\x80\x04h\x05.",
         b"0", b"(.", b"\x80\x09N.", b"K\x01K\x02.", b"\x80\x04\x95\xff\x00\x00\x00\x00\x00\x00\x00N.",
         b"\x80\x04\x8c\x03ab", b"\x80\x04N\x85.", b"]N\x85e.", b"}K\x01s.", b"\x8c\x03abc\x8c\x03def\x93.",
         b"\x80\x02c__main__\nNoSuchThing\n.", b"\x80\x04\x8c\x0bnosuchmodule\x8c\x01x\x93.",
         b"I12x\n.", b"\x80\x04N\x81."]
cases += [valid[:i] for i in range(0, len(valid), 7)]
cases += [valid[:i] + b"\xff" + valid[i + 1:] for i in range(2, len(valid), 5)]
outcomes = {}
for data in cases:
    try:
        pickle.loads(data)
        kind = "loaded"
    except Exception as e:
        kind = type(e).__name__
    outcomes[kind] = outcomes.get(kind, 0) + 1
for data in cases[:21]:
    try:
        print(data, "->", repr(pickle.loads(data)))
    except AttributeError as e:
        print(data, "->", type(e).__name__, str(e).split(" on ")[0])
    except Exception as e:
        print(data, "->", type(e).__name__, e)
print("all malformed inputs raised or loaded:", sum(outcomes.values()) == len(cases))
