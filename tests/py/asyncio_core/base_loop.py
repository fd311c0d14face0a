# BaseEventLoop: repr and states, run_until_complete/run_forever/stop, closing, executors,
# exception handlers (the default one logs to the 'asyncio' logger) and the handle reprs
# that use the callback formatting of asyncio.events.
import asyncio
import concurrent.futures
import functools
import logging
import sys
import traceback

handler = logging.StreamHandler(sys.stdout)


class Formatter(logging.Formatter):
    # Only the exception's last line: tracebacks hold file paths.
    def formatException(self, exc_info):
        return 'EXC ' + ''.join(traceback.format_exception_only(exc_info[0], exc_info[1])).strip()


handler.setFormatter(Formatter('LOG %(levelname)s %(name)s: %(message)s'))
logging.getLogger('asyncio').addHandler(handler)
logging.getLogger('asyncio').propagate = False


def attempt(label, fn, *args):
    try:
        r = fn(*args)
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


loop = asyncio.new_event_loop()
print(repr(loop).split(' ', 1)[1])
print('running/closed/debug:', loop.is_running(), loop.is_closed(), loop.get_debug())
loop.set_debug(True)
print('debug now:', loop.get_debug())
loop.set_debug(False)


async def answer(x):
    await asyncio.sleep(0)
    return x * 2


async def failing():
    await asyncio.sleep(0)
    raise KeyError('boom')

print('run_until_complete coroutine:', loop.run_until_complete(answer(21)))
fut = loop.create_future()
loop.call_soon(fut.set_result, 'from future')
print('run_until_complete future:', loop.run_until_complete(fut))
task = loop.create_task(answer(5), name='named')
print('task name:', task.get_name())
print('run_until_complete task:', loop.run_until_complete(task))
attempt('run_until_complete failing', loop.run_until_complete, failing())
attempt('run_until_complete 5', loop.run_until_complete, 5)


async def inner_repr():
    return repr(asyncio.get_running_loop()).split(' ', 1)[1]

print('repr while running:', loop.run_until_complete(inner_repr()))


async def nested():
    coro = answer(1)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print('nested run_until_complete ->', e)
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print('nested run_forever ->', e)
    try:
        loop.close()
    except RuntimeError as e:
        print('close while running ->', e)
    other = asyncio.new_event_loop()
    try:
        other.run_forever()
    except RuntimeError as e:
        print('other loop while running ->', e)
    other.close()

loop.run_until_complete(nested())

# stop() from a callback ends run_forever after the current iteration.
order = []
loop.call_soon(order.append, 1)
loop.call_soon(loop.stop)
loop.call_soon(order.append, 2)
loop.run_forever()
print('after stop:', order)
loop.call_soon(order.append, 3)
loop.run_until_complete(asyncio.sleep(0))
print('next run:', order)

# stop before the future completes.
pending = loop.create_future()
loop.call_soon(loop.stop)
attempt('stopped early', loop.run_until_complete, pending)
pending.cancel()

# stop() called before run_forever: one iteration runs.
order.clear()
loop.stop()
loop.call_soon(order.append, 'x')
loop.run_forever()
print('stop before run_forever:', order)

# A future from another loop.
other = asyncio.new_event_loop()
foreign = other.create_future()
attempt('foreign future', loop.run_until_complete, foreign)
other.close()

# Executors.
def blocking(a, b):
    return a + b

with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    print('own executor:', loop.run_until_complete(loop.run_in_executor(ex, blocking, 'a', 'b')))
attempt('set_default_executor(1)', loop.set_default_executor, 1)
ex = concurrent.futures.ThreadPoolExecutor(max_workers=2)
loop.set_default_executor(ex)
print('default executor used:', loop.run_until_complete(loop.run_in_executor(None, blocking, 1, 1)))
print('run_in_executor:', loop.run_until_complete(loop.run_in_executor(None, blocking, 2, 3)))
c = answer(1)
loop.set_debug(True)
attempt('debug run_in_executor coroutine', loop.run_in_executor, None, c)
attempt('debug run_in_executor coroutine function', loop.run_in_executor, None, answer)
loop.set_debug(False)
attempt('run_in_executor coroutine', loop.run_until_complete, loop.run_in_executor(None, c))
c.close()
loop.run_until_complete(loop.shutdown_default_executor())
attempt('after shutdown_default_executor', loop.run_in_executor, None, blocking, 1, 2)

# Exception handlers.
print('default handler:', loop.get_exception_handler())
attempt('set_exception_handler(3)', loop.set_exception_handler, 3)
seen = []


def handler(lp, context):
    seen.append((lp is loop, sorted(context), context.get('message')))

loop.set_exception_handler(handler)
print('handler set:', loop.get_exception_handler() is handler)
loop.call_exception_handler({'message': 'hello', 'extra': 1})
print('seen:', seen)


def bad_callback():
    raise ValueError('in callback')

loop.call_soon(bad_callback)
loop.run_until_complete(asyncio.sleep(0))
print('callback error:', seen[-1][2].split(' at ')[0], seen[-1][1])


def broken_handler(lp, context):
    raise RuntimeError('handler broke')

loop.set_exception_handler(broken_handler)
loop.call_exception_handler({'message': 'to broken'})
loop.set_exception_handler(None)
print('handler reset:', loop.get_exception_handler())
loop.call_exception_handler({'message': 'plain', 'key': 'value', 'another': [1, 2]})
loop.call_exception_handler({})
try:
    raise OSError('disk')
except OSError as e:
    err = e
loop.default_exception_handler({'message': 'with exc', 'exception': err, 'future': 'F'})
loop.call_exception_handler({'exception': ZeroDivisionError('z')})


# Handle reprs.
h = loop.call_soon(blocking, 1, 2)
print(repr(h).split(' at ')[0])
h.cancel()
print(repr(h))
p = functools.partial(blocking, 1)
h = loop.call_soon(p, 2)
print(repr(h).split(' at ')[0])
h.cancel()
th = loop.call_later(100, print, 'x')
print(repr(th).split(' when=')[0], 'cancelled:', th.cancelled())
th.cancel()
print('timer cancelled:', th.cancelled())

loop.close()
print('closed:', loop.is_closed(), repr(loop).split(' ', 1)[1])
loop.close()
attempt('run_forever closed', loop.run_forever)
c = answer(1)
attempt('run_until_complete closed', loop.run_until_complete, c)
c.close()
c = answer(1)
attempt('create_task closed', loop.create_task, c)
c.close()
attempt('call_soon closed', loop.call_soon, print)
attempt('run_in_executor closed', loop.run_in_executor, None, print)


# Failures inside the handlers themselves.
class FragileLoop(type(asyncio.new_event_loop())):
    def default_exception_handler(self, context):
        raise ValueError('default broke')


fragile = FragileLoop()
fragile.call_exception_handler({'message': 'a'})
fragile.set_exception_handler(broken_handler)
fragile.call_exception_handler({'message': 'b'})


def exiting_handler(lp, context):
    raise SystemExit(3)

fragile.set_exception_handler(exiting_handler)
attempt('SystemExit from handler', fragile.call_exception_handler, {'message': 'c'})
fragile.close()
