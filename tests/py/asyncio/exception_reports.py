# What the default exception handler reports, routed through the 'asyncio' logger (as
# CPython's is) and printed here by a logging handler on stdout: a failing call_soon callback,
# a context without an exception, a failing custom handler, a failing default handler.
import asyncio
import logging
import sys


class ShortFormatter(logging.Formatter):
    # Only the exception's last line: tracebacks name files of each implementation's asyncio.
    def formatException(self, ei):
        return f'{ei[0].__name__}: {ei[1]}'


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(ShortFormatter('%(levelname)s:%(name)s:%(message)s'))
logging.getLogger('asyncio').addHandler(handler)
logging.getLogger('asyncio').propagate = False


class Failing:
    # A callable without source: "Exception in callback" then names no file.
    def __call__(self, n):
        raise ValueError(f'bad {n}')

    def __repr__(self):
        return 'Failing()'


failing = Failing()


class BadRepr:
    def __repr__(self):
        raise OSError('no repr')


def broken_handler(loop, context):
    raise RuntimeError('handler broke')


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(failing, 1)
    await asyncio.sleep(0)
    loop.call_exception_handler({'message': 'just a message', 'detail': [1, 2]})
    loop.call_exception_handler({})
    loop.set_exception_handler(broken_handler)
    loop.call_soon(failing, 2)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    loop.call_exception_handler({'message': 'bad value', 'value': BadRepr()})
    print('end of main')


asyncio.run(main())
