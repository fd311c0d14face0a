import sys
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught", e, sys.exc_info()[0].__name__)
        return "from except"
    finally:
        print("finally runs")
print(f())
print(sys.exc_info())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(g())
def h():
    try:
        return "try"
    finally:
        return "finally wins"
print(h())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise KeyError("outer")
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise KeyError("outer") from v
except KeyError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise TypeError
except (ValueError, TypeError) as e:
    print("tuple match", type(e).__name__)
try:
    try:
        raise OSError("x")
    except ValueError:
        print("wrong")
    else:
        print("no")
except OSError:
    print("propagated")
try:
    pass
except Exception:
    pass
else:
    print("else runs")
try:
    raise
except RuntimeError as e:
    print(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("reraised", e)
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print(e)
try:
    raise 5
except TypeError as e:
    print(e)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, e.args)
e = "keep"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("e was deleted:", err)
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("inside", a.name, b.name)
with CM("s", True):
    raise ValueError("suppressed")
print("after suppress")
try:
    with CM("p"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
def ret_in_with():
    with CM("r"):
        return "returned"
print(ret_in_with())
try:
    with 5:
        pass
except TypeError as e:
    print(e)
def tb():
    raise ValueError("tb")
try:
    tb()
except ValueError as e:
    t = e.__traceback__
    lines = []
    while t:
        lines.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(lines)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print("recovered", deep.__name__)
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
    except ValueError as e:
        print("loop caught", e)
        continue
    finally:
        print("loop finally", i)
