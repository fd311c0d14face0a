# asyncio.TaskGroup failures caught with except*.
import asyncio
import traceback


async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def ok(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.01, ValueError("v")))
            tg.create_task(fail(0.01, TypeError("t")))
            slow = tg.create_task(ok(1, "never"))
    except* ValueError as e:
        print("ValueError part:", repr(e))
    except* TypeError as e:
        print("TypeError part:", repr(e))
    print("slow cancelled:", slow.cancelled())

    # A failure not handled propagates as a group out of the coroutine.
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(0, KeyError("k")))
                tg.create_task(fail(0, ValueError("v2")))
        except* ValueError:
            print("handled v2")
    except ExceptionGroup as g:
        print("escaped:", repr(g))
        # (the group's own traceback runs through the standard library's files)
        print("".join(traceback.format_exception_only(g)), end="")
        text = "".join(traceback.format_exception(g.exceptions[0])).replace(__file__, "FILE")
        print(text, end="")

    # Awaiting inside a clause, and a clause raising a new error.
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(0, OSError("io")))
        except* OSError as e:
            await asyncio.sleep(0)
            raise RuntimeError("retry failed") from e
    except* RuntimeError as r:
        print("runtime:", repr(r), repr(r.exceptions[0].__cause__))

    # Successful group: else runs.
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(ok(0, 5))
    except* Exception:
        print("never")
    else:
        print("result:", t.result())


asyncio.run(main())
