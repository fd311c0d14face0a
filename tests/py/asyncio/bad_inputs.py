# Bad inputs to the native Future, Task and loop core raise CPython's exceptions, never crash
# (running a cancelled handle used to dereference its dropped callback).
import asyncio
import os


def tryit(label, f):
    try:
        r = f()
        print(label, 'ok', type(r).__name__)
    except BaseException as e:
        print(label, type(e).__name__, e)


loop = asyncio.new_event_loop()
tryit('result-bad-self', lambda: asyncio.Future.result(42))
tryit('uninit-result', lambda: asyncio.Future.__new__(asyncio.Future).result())
tryit('uninit-set', lambda: asyncio.Future.__new__(asyncio.Future).set_result(1))
tryit('uninit-cancel', lambda: asyncio.Future.__new__(asyncio.Future).cancel())
tryit('uninit-adc', lambda: asyncio.Future.__new__(asyncio.Future).add_done_callback(print))
tryit('uninit-repr', lambda: repr(asyncio.Future.__new__(asyncio.Future)))
tryit('uninit-task-repr', lambda: repr(asyncio.Task.__new__(asyncio.Task)))
tryit('uninit-await', lambda: next(iter(asyncio.Future.__new__(asyncio.Future))))
h = loop.call_soon(print, 'x')
h.cancel()
tryit('cancelled-run', lambda: h._run())
tryit('timer-cmp', lambda: loop.call_later(1, print) < 3)
tryit('call_at-none', lambda: loop.call_at(None, print))
tryit('call_later-none', lambda: loop.call_later(None, print))
tryit('add_reader-bad', lambda: loop.add_reader(-1, print))
class NoFileno:
    def __repr__(self):
        return '<NoFileno>'


tryit('add_reader-obj', lambda: loop.add_reader(NoFileno(), print))
tryit('remove_reader-none', lambda: loop.remove_reader(999))
tryit('iter-throw', lambda: iter(loop.create_future()).throw(1))
tryit('iter-throw-cls', lambda: iter(loop.create_future()).throw(KeyError))
tryit('set_exc-bad', lambda: loop.create_future().set_exception(42))
tryit('create_future-arg', lambda: loop.create_future(1))
tryit('create_future-kw', lambda: loop.create_future(loop=loop))
r, w = os.pipe()
loop.add_reader(r, print, 'readable')
os.close(r)
tryit('closed-fd-remove', lambda: loop.remove_reader(r))
os.close(w)
loop.close()
tryit('closed-call_soon', lambda: loop.call_soon(print))
tryit('closed-call_later', lambda: loop.call_later(1, print))
coro = asyncio.sleep(0)
tryit('closed-run', lambda: loop.run_until_complete(coro))
coro.close()
