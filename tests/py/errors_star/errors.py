# except* errors: types it cannot catch (at run time) and the SyntaxErrors of compile().
import traceback


def attempt(title, f):
    try:
        f()
    except BaseException as e:
        print(title, "->", type(e).__name__ + ":", e)
        print("   context:", repr(e.__context__))
    else:
        print(title, "-> nothing")


def catch(t):
    def f():
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* t:
            print("   handled", t)
    return f


attempt("ExceptionGroup", catch(ExceptionGroup))
attempt("BaseExceptionGroup", catch(BaseExceptionGroup))
attempt("tuple with group", catch((ValueError, ExceptionGroup)))
attempt("subclass of group", catch(type("G", (ExceptionGroup,), {})))
attempt("not a class", catch(42))
attempt("tuple with non-class", catch((ValueError, "x")))
attempt("object", catch(object))
attempt("valid tuple", catch((KeyError, ValueError)))


def naked_with_group_type():
    try:
        raise ValueError("naked")
    except* ExceptionGroup:
        pass


attempt("naked vs ExceptionGroup", naked_with_group_type)


def type_expr_fails():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* undefined_name:
        pass


attempt("type expression raises", type_expr_fails)


# The later clause's check fails after an earlier one ran.
def second_clause_bad():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("   first clause ran")
    except* ExceptionGroup:
        pass


attempt("second clause bad", second_clause_bad)


def split_bad():
    class Bad(ExceptionGroup):
        def derive(self, excs):
            return 42

    try:
        raise Bad("bad", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass


attempt("derive returns non-group", split_bad)

try:
    catch(ExceptionGroup)()
except TypeError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"), end="")

cases = [
    "try:\n    pass\nexcept*:\n    pass\n",
    "try:\n    pass\nexcept* :\n    pass\n",
    "try:\n    pass\nexcept*\n    pass\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept:\n    pass\n",
    "try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept:\n    pass\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return x.y\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "def f():\n  while 1:\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        finally:\n            break\n",
    "def f():\n  try:\n    pass\n  except* ValueError:\n    try:\n      pass\n    except* TypeError:\n      return\n",
    "class C:\n    try:\n        pass\n    except* ValueError:\n        return\n",
    "try:\n    pass\nexcept* ValueError, TypeError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\npass\n",
    "try:\n    pass\nexcept** ValueError:\n    pass\n",
    "try:\n    pass\nexcept* *ValueError:\n    pass\n",
    "try:\n    pass\nexcept* ValueError as e.x:\n    pass\n",
    # Valid programs.
    "def f():\n    try:\n        pass\n    except* ValueError:\n        for i in x: break\n        def g(): return 1\n",
    "try:\n    pass\nexcept *ValueError:\n    pass\n",
    "try:\n    pass\nexcept*ValueError:\n    pass\nexcept* (TypeError, KeyError) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "while 1:\n    try:\n        break\n    except* ValueError:\n        pass\n    else:\n        continue\n    finally:\n        break\n",
    "async def f():\n    try:\n        pass\n    except* ValueError:\n        await x\n        async for i in y: break\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
