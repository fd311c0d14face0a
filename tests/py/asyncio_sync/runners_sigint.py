# asyncio.run / Runner.run and Ctrl-C (SIGINT sent to ourselves): the main task is cancelled,
# then KeyboardInterrupt is raised; a second SIGINT raises at once; handlers are restored.
import asyncio
import os
import signal
import threading


def sigint_is_default():
    return signal.getsignal(signal.SIGINT) is signal.default_int_handler


async def interrupted():
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(5)
        print('not interrupted')
    except asyncio.CancelledError:
        print('main task cancelled, cancelling():', asyncio.current_task().cancelling())
        raise
    finally:
        print('default handler while running:', sigint_is_default())


async def interrupted_twice():
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('first SIGINT cancelled the task')
        try:
            os.kill(os.getpid(), signal.SIGINT)
            await asyncio.sleep(1)
            print('not interrupted')
        except KeyboardInterrupt:
            print('second SIGINT raised KeyboardInterrupt in the task')
            raise


async def swallows():
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        return 'cancellation swallowed'


async def quick():
    await asyncio.sleep(0)
    return sigint_is_default()


def main():
    print('default handler before:', sigint_is_default())
    for coro in (interrupted(), interrupted_twice()):
        try:
            asyncio.run(coro)
        except KeyboardInterrupt as e:
            print('KeyboardInterrupt', repr(e), 'default handler after:', sigint_is_default())
    print(asyncio.run(swallows()), sigint_is_default())

    with asyncio.Runner() as runner:
        try:
            runner.run(interrupted())
        except KeyboardInterrupt:
            print('Runner.run raised KeyboardInterrupt')
        print('runner still usable:', runner.run(quick()))

    # A handler of the program's own is left alone.
    calls = []
    signal.signal(signal.SIGINT, lambda signum, frame: calls.append(signum))

    async def signal_self():
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(0.01)
        return 'finished'

    print(asyncio.run(signal_self()), calls == [signal.SIGINT])
    signal.signal(signal.SIGINT, signal.default_int_handler)

    # Outside the main thread no handler is installed.
    seen = []
    thread = threading.Thread(target=lambda: seen.append(asyncio.run(quick())))
    thread.start()
    thread.join()
    print('in a thread the default handler stays:', seen)


main()
