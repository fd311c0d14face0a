# What a try statement with except* clauses re-raises, and how it prints.
import sys
import traceback


def show(title, f):
    print("==", title)
    try:
        f()
    except BaseException as e:
        text = "".join(traceback.format_exception(e))
        print(text.replace(__file__, "FILE"), end="")
        return e
    print("(nothing raised)")


def eg():
    return ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])


# A clause raises: the new exception (chained to the matched part) and the rest form a new group.
def raise_new():
    try:
        raise eg()
    except* ValueError:
        raise RuntimeError("from handler")


e = show("raise new", raise_new)
print(repr(e), repr(e.__context__), e.__traceback__.tb_next)
print("inner context:", repr(e.exceptions[0].__context__))

# A bare raise re-raises the matched part in place: the structure of the original is kept.
def bare_raise():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
    except* ValueError:
        raise
    except* TypeError:
        pass


e = show("bare raise", bare_raise)
print(repr(e))


# Every clause re-raises: the group keeps its structure (a new object).
def all_reraised():
    orig = eg()
    try:
        raise orig
    except* ValueError:
        raise
    except* TypeError:
        raise
    except* KeyError:
        raise


e = show("all reraised", all_reraised)
print(repr(e))


# Raised and re-raised together: new exceptions first, then the re-raised part.
def mixed():
    try:
        raise eg()
    except* ValueError:
        raise
    except* TypeError as t:
        raise OSError("os") from t
    except* KeyError:
        raise NotImplementedError


e = show("mixed", mixed)
print(repr(e))
print("cause:", repr(e.exceptions[0].__cause__), e.exceptions[0].__suppress_context__)


# raise e (not bare) counts as a new raise: the part gets a new traceback entry.
def raise_named():
    try:
        raise eg()
    except* ValueError as v:
        raise v


e = show("raise named", raise_named)
print(repr(e))


# A naked exception: a bare raise re-raises the wrapping group.
def naked_bare():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


e = show("naked bare raise", naked_bare)
print(repr(e), e.__traceback__.tb_next)


def naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("new")


e = show("naked new", naked_new)
print(repr(e), repr(e.__context__))


# Nested try statements with except*.
def nested():
    try:
        try:
            raise eg()
        except* ValueError:
            raise ZeroDivisionError("inner handler")
        except* KeyError:
            pass
    except* TypeError as t:
        print("outer TypeError:", repr(t))
    except* ZeroDivisionError as z:
        print("outer ZeroDivisionError:", repr(z))
        print("its context:", repr(z.exceptions[0].__context__))


show("nested", nested)


# A re-raised group called from inside an except clause is not chained to it.
def called_in_handler():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise_new()
        except ExceptionGroup as g:
            print("context of group:", repr(g.__context__))
        try:
            naked_bare()
        except ExceptionGroup as g:
            print("context of wrapped:", repr(g.__context__))


show("called in handler", called_in_handler)


# The handled exception is restored after the try statement and after a re-raise.
def restore():
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            try:
                raise eg()
            except* ValueError:
                raise
        except ExceptionGroup:
            pass
        print("exc_info restored:", repr(sys.exc_info()[1]))


show("restore", restore)


# Notes are copied to the parts; re-raised parts still keep the structure.
def notes():
    g = eg()
    g.add_note("a note")
    try:
        raise g
    except* ValueError as v:
        print("note copy:", v.__notes__, v.__notes__ is g.__notes__)
        raise
    except* TypeError:
        raise


e = show("notes", notes)
print(repr(e), e.__notes__)


# A group raised from a context keeps it; the re-raised part too.
def with_context():
    try:
        raise OSError("first")
    except OSError:
        try:
            raise eg()
        except* ValueError:
            pass


e = show("with context", with_context)
print(repr(e.__context__), e.__suppress_context__)


# finally runs on the re-raise path.
def finally_reraise():
    try:
        raise eg()
    except* ValueError:
        print("handled ValueError")
    finally:
        print("finally")


show("finally", finally_reraise)

# Exceptions inside a clause caught inside the same clause don't escape.
def caught_inside():
    try:
        raise eg()
    except* ValueError:
        try:
            raise RuntimeError("inside")
        except RuntimeError:
            pass
    except* (TypeError, KeyError):
        pass


show("caught inside", caught_inside)
