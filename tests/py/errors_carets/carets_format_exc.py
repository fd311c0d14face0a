# traceback.format_exc() marks the failing part of each source line (PEP 657): '^' under
# the range, '~' with '^' under the operator of a binary operation or the brackets of a
# subscript, nothing when the range is the whole line.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(HERE, "DIR"))


def divide(x):
    return x[1] / 0


def floor_divide(a, b):
    return a // b


def power(x):
    return (x)  **  "a"


def parenthesized(a, b):
    return (a + 1)   % b  # comment


def shift():
    return 1 << "a"


def mixed():
    return 1 + 2 * (3 / 0) - 4


def subscript(d):
    return d["key"]


def spaced_subscript(a):
    return a [0] [ 3 ]


def call_result():
    return dict(a=1)["b"]


def raises():
    raise ValueError("inner")


def call_then_add():
    return raises() + 2


def whole_line_call():
    raises()


def attribute(obj):
    return obj.missing.other


def method():
    return [].nope()


def name():
    return undefined_name


def multi_line_call():
    x = [
        raises()]
    return x


def multi_line_start(f):
    return f(1,  # trailing comment
             2)


def non_ascii(s):
    t = "héllo wörld"; return t + s


def non_ascii_key(d):
    return ("äöü", d["ä"])


def lambda_error():
    f = lambda x: x / 0
    return f(1)


def comprehension(values):
    return [1 / v for v in values]


def fstring(x):
    return f"{1 / x}"


def compare():
    return 1 < "a"


def unpack():
    a, b = [1]


def store_subscript(x):
    x[5] = 2


def delete_subscript(x):
    del x[5]


def store_attribute(x):
    x.a = 2


def augmented(x):
    x /= 0


def assertion():
    assert 1 == 2, "message"


def assertion_bare():
    assert 1 == 2


def slicing(x):
    return x[1:2]


def generator():
    yield 1 / 0


def decorated():
    def deco(f):
        raise TypeError("no")

    @deco
    def g():
        pass


def nested_a():
    return nested_b(1)


def nested_b(x):
    return nested_c(x, 2)


def nested_c(x, y):
    return x / (y - 2)


def chained():
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("v") from e


show(divide, [1, 2])
show(floor_divide, 1, 0)
show(power, 1)
show(parenthesized, 1, 0)
show(shift)
show(mixed)
show(subscript, {})
show(spaced_subscript, [[1]])
show(call_result)
show(call_then_add)
show(whole_line_call)
show(attribute, object())
show(method)
show(name)
show(multi_line_call)
show(multi_line_start, raises)
show(non_ascii, 1)
show(non_ascii_key, {})
show(lambda_error)
show(comprehension, [1, 0])
show(fstring, 0)
show(compare)
show(unpack)
show(store_subscript, [1])
show(delete_subscript, [1])
show(store_attribute, None)
show(augmented, 1)
show(assertion)
show(assertion_bare)
show(slicing, None)
show(lambda: list(generator()))
show(decorated)
show(nested_a)
show(chained)

# The positions are also on the summaries, and stacks from frames have none.
try:
    divide([1, 2])
except Exception as e:
    for entry in traceback.extract_tb(e.__traceback__):
        print(entry.name, entry.lineno, entry.end_lineno, entry.colno, entry.end_colno)
print("".join(traceback.format_stack()[-1:]).replace(HERE, "DIR"))
print(traceback.format_list([("f.py", 1, "g", "x = 1 / 0")]))
