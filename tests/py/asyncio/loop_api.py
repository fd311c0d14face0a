# Event loop API: Runner, exception handlers, closed-loop errors, run_until_complete misuse
import asyncio

def handler(loop, context):
    # The message names the callback's source as 'at FILE:LINE'; FILE depends on the cwd.
    message = context['message']
    where = message.rpartition(' at ')[2] if ' at ' in message else ''
    print('handler got:', message.partition(' at ')[0], where.endswith('loop_api.py:15'),
          repr(context.get('exception')))

async def failing_callback_demo():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    print('handler installed:', loop.get_exception_handler() is handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0.01)
    loop.call_exception_handler({'message': 'custom report'})
    loop.set_exception_handler(None)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print('TypeError:', e)
    loop.set_debug(True)
    print('debug:', loop.get_debug())
    loop.set_debug(False)
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        loop.close()
    except RuntimeError as e:
        print('RuntimeError:', e)
    return 'demo done'

print(asyncio.run(failing_callback_demo()))

with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.run(asyncio.sleep(0, 'first run')))
    print(runner.run(asyncio.sleep(0.01, 'second run')), runner.get_loop() is loop)
print('runner loop closed:', loop.is_closed())
try:
    runner.run(asyncio.sleep(0))
except RuntimeError as e:
    print('RuntimeError:', e)

try:
    asyncio.run(42)
except ValueError as e:
    print('ValueError:', e)

lp = asyncio.new_event_loop()
t = lp.time()
h = lp.call_later(10, print, 'never')
print('timer when is in the future:', h.when() > t)
h.cancel()
lp.close()
lp.close()
for call in (lambda: lp.call_soon(print), lambda: lp.call_later(1, print),
             lambda: lp.run_forever(), lambda: lp.create_task(asyncio.sleep(0))):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError:', e)

async def stop_early():
    asyncio.get_running_loop().stop()
    await asyncio.sleep(0.05)

lp = asyncio.new_event_loop()
try:
    lp.run_until_complete(stop_early())
except RuntimeError as e:
    print('RuntimeError:', e)
lp.run_until_complete(asyncio.sleep(0.1))
lp.close()

async def threadsafe():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    import threading
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, 'from thread')).start()
    return await fut
print(asyncio.run(threadsafe()))
