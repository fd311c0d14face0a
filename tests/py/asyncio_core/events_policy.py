# events: the running-loop functions, policies, set_event_loop checks, the abstract
# interfaces (every method raises NotImplementedError) and AbstractServer as a context manager.
import asyncio
import threading


def show(label, fn, *args):
    try:
        r = fn(*args)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r if not isinstance(r, asyncio.AbstractEventLoop) else 'a loop')


show('get_running_loop outside', asyncio.get_running_loop)
show('_get_running_loop outside', asyncio._get_running_loop)
show('set_event_loop(5)', asyncio.set_event_loop, 5)
show('set_event_loop_policy(5)', asyncio.set_event_loop_policy, 5)
show('set_event_loop_policy(object())', asyncio.set_event_loop_policy, object())

policy = asyncio.get_event_loop_policy()
print('policy is AbstractEventLoopPolicy:', isinstance(policy, asyncio.AbstractEventLoopPolicy))
print('same policy twice:', policy is asyncio.get_event_loop_policy())
print('DefaultEventLoopPolicy:', isinstance(policy, asyncio.DefaultEventLoopPolicy))

loop = asyncio.new_event_loop()
print('new loop is AbstractEventLoop:', isinstance(loop, asyncio.AbstractEventLoop))
print('new loops differ:', loop is not asyncio.new_event_loop())
asyncio.set_event_loop(loop)
print('get_event_loop is set loop:', asyncio.get_event_loop() is loop)
print('policy get_event_loop is set loop:', policy.get_event_loop() is loop)


async def inside():
    running = asyncio.get_running_loop()
    print('running is loop:', running is loop)
    print('_get_running_loop is loop:', asyncio._get_running_loop() is loop)
    print('get_event_loop inside is loop:', asyncio.get_event_loop() is loop)
    print('events.get_event_loop inside:', asyncio.events.get_event_loop() is loop)
    return 'done'

print(loop.run_until_complete(inside()))
show('get_running_loop after', asyncio.get_running_loop)
asyncio.set_event_loop(None)
show('get_event_loop after set None', policy.get_event_loop)
loop.close()


def in_thread():
    show('thread get_event_loop', asyncio.get_event_loop)
    l2 = asyncio.new_event_loop()
    asyncio.set_event_loop(l2)
    print('thread loop set:', asyncio.get_event_loop() is l2)
    print('thread running:', l2.run_until_complete(asyncio.sleep(0, 'ok')))
    l2.close()

t = threading.Thread(target=in_thread, name='worker-1')
t.start()
t.join()


# A custom policy is used by the module-level functions.
class Policy(asyncio.DefaultEventLoopPolicy):
    made = 0

    def new_event_loop(self):
        Policy.made += 1
        return super().new_event_loop()

asyncio.set_event_loop_policy(Policy())
l3 = asyncio.new_event_loop()
print('custom policy made:', Policy.made, type(asyncio.get_event_loop_policy()).__name__)
print('asyncio.run uses the policy:', asyncio.run(asyncio.sleep(0, 7)), Policy.made >= 2)
l3.close()
asyncio.set_event_loop_policy(None)
print('reset policy is default:', isinstance(asyncio.get_event_loop_policy(), asyncio.DefaultEventLoopPolicy))


# The abstract interfaces.
ael = asyncio.AbstractEventLoop()
names = ['run_forever', 'stop', 'is_running', 'is_closed', 'close', 'time', 'create_future',
         'get_exception_handler', 'get_debug']
for name in names:
    show('AbstractEventLoop.' + name, getattr(ael, name))
for name, args in [('run_until_complete', (None,)), ('call_soon', (print,)),
                   ('call_later', (1, print)), ('call_at', (1, print)),
                   ('create_task', (None,)), ('call_soon_threadsafe', (print,)),
                   ('run_in_executor', (None, print)), ('set_default_executor', (None,)),
                   ('add_reader', (0, print)), ('remove_reader', (0,)),
                   ('add_writer', (0, print)), ('remove_writer', (0,)),
                   ('add_signal_handler', (2, print)), ('remove_signal_handler', (2,)),
                   ('set_exception_handler', (None,)), ('default_exception_handler', ({},)),
                   ('call_exception_handler', ({},)), ('set_debug', (True,))]:
    try:
        r = getattr(ael, name)(*args)
        if asyncio.iscoroutine(r):
            try:
                r.send(None)
            finally:
                r.close()
        print('AbstractEventLoop.' + name, '->', r)
    except NotImplementedError as e:
        print('AbstractEventLoop.' + name, '-> NotImplementedError', repr(e))
for name in ['shutdown_asyncgens', 'shutdown_default_executor']:
    coro = getattr(ael, name)()
    try:
        coro.send(None)
    except NotImplementedError as e:
        print('AbstractEventLoop.' + name, '-> NotImplementedError')

pol = asyncio.AbstractEventLoopPolicy()
for name, args in [('get_event_loop', ()), ('set_event_loop', (None,)), ('new_event_loop', ())]:
    try:
        getattr(pol, name)(*args)
    except NotImplementedError:
        print('AbstractEventLoopPolicy.' + name, '-> NotImplementedError')

srv = asyncio.AbstractServer()
for name in ['close', 'get_loop', 'is_serving']:
    show('AbstractServer.' + name, getattr(srv, name))
for name in ['start_serving', 'serve_forever', 'wait_closed']:
    try:
        getattr(srv, name)().send(None)
    except NotImplementedError:
        print('AbstractServer.' + name, '-> NotImplementedError')


class Server(asyncio.AbstractServer):
    def close(self):
        print('server close')

    async def wait_closed(self):
        print('server wait_closed')


async def use_server():
    async with Server() as s:
        print('entered:', type(s).__name__)

asyncio.run(use_server())
