# except* (PEP 654): matching splits the exception group; each clause runs at most once.
import sys


def run(make):
    try:
        make()
    except BaseException as e:
        print("  escaped:", repr(e))


# A group split over two clauses; the unmatched rest propagates.
def two_clauses():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), ValueError(4)])
    except* ValueError as e:
        print("  ValueError clause:", repr(e), type(e).__name__)
        print("  exc_info is e:", sys.exc_info()[1] is e, sys.exc_info()[0].__name__)
    except* TypeError as e:
        print("  TypeError clause:", repr(e))
        print("  exc_info is e:", sys.exc_info()[1] is e)


print("two clauses")
run(two_clauses)


# Everything matched: nothing propagates, the else clause is skipped, finally runs.
def all_matched():
    try:
        raise ExceptionGroup("all", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("  tuple clause:", repr(e))
    except* KeyError:
        print("  never")
    else:
        print("  else (wrong)")
    finally:
        print("  finally")
    print("  after, exc_info:", sys.exc_info())


print("all matched")
run(all_matched)


# A naked exception is wrapped in a group for the handler.
def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  wrapped:", repr(e), type(e).__name__, repr(e.exceptions[0]))
        print("  message:", repr(e.message), e.__traceback__)


print("naked")
run(naked)


def naked_base():
    try:
        raise KeyboardInterrupt("stop")
    except* KeyboardInterrupt as e:
        print("  wrapped:", repr(e), type(e).__name__)


print("naked BaseException")
run(naked_base)


# A naked exception nobody matches propagates unwrapped.
def naked_unmatched():
    try:
        raise ValueError("alone")
    except* TypeError:
        print("  never")


print("naked unmatched")
run(naked_unmatched)


# No exception: the else clause runs.
def no_exception():
    try:
        print("  body")
    except* ValueError:
        print("  never")
    else:
        print("  else")
    finally:
        print("  finally")


print("no exception")
run(no_exception)


# Nested groups: the structure is kept in both parts.
def nested():
    inner = ExceptionGroup("inner", [ValueError("a"), TypeError("b")])
    try:
        raise ExceptionGroup("outer", [inner, ValueError("c"), OSError("d")])
    except* ValueError as e:
        print("  values:", repr(e))
    except* OSError as e:
        print("  oserrors:", repr(e))


print("nested")
run(nested)


# except* Exception takes a whole ExceptionGroup (the group itself matches).
def catch_all():
    eg = ExceptionGroup("eg", [ValueError(1)])
    try:
        raise eg
    except* Exception as e:
        print("  same object:", e is eg)


print("catch all")
run(catch_all)


# A clause matches only once even when later parts would match again.
def once():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("  first:", repr(e))
    except* ValueError as e:
        print("  second (never):", repr(e))


print("once")
run(once)


# The name is unbound after the clause, like a plain except.
def unbinds():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        e
    except NameError as err:
        print("  ", err)
    except UnboundLocalError as err:
        print("  ", err)


print("unbinds")
run(unbinds)


# sys.exc_info() inside nested handlers and after them.
def exc_info_layers():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  in ValueError:", repr(sys.exc_info()[1]))
        except* TypeError:
            print("  in TypeError:", repr(sys.exc_info()[1]))
            try:
                raise OSError("inner")
            except OSError:
                print("  in inner:", repr(sys.exc_info()[1]))
            print("  back:", repr(sys.exc_info()[1]))
        print("  after try:", repr(sys.exc_info()[1]))


print("exc_info")
run(exc_info_layers)


# A subclass's split() override is used for partial matches.
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "+", excs)


def subclass():
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("  part:", type(e).__name__, repr(e))


print("subclass")
run(subclass)


# Loops and functions inside a clause may use break, continue and return.
def inner_control():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        for i in range(5):
            if i == 1:
                continue
            if i == 3:
                break
            print("  loop", i)

        def f():
            return "returned"

        print(" ", f())


print("inner control flow")
run(inner_control)


# In a loop and a generator.
def gen():
    for i in range(3):
        try:
            if i % 2:
                raise ExceptionGroup("eg", [ValueError(i)])
            yield i
        except* ValueError as e:
            yield repr(e)


print("generator:", list(gen()))
