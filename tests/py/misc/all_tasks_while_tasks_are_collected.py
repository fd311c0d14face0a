# asyncio.all_tasks() while pending tasks become garbage: the registry of unfinished tasks
# must not free the entry of a collected task whose finalizer has yet to run (that was a
# double free: "free(): double free detected in tcache 2").
import asyncio


async def wait_on(fut):
    await fut


async def sleeper():
    await asyncio.Event().wait()    # until cancelled, however slow the build (ASan)


async def main():
    loop = asyncio.get_running_loop()
    # Many live tasks, so that all_tasks() allocates enough for collections to start inside it.
    kept = [loop.create_task(sleeper(), name=f'kept-{i}') for i in range(1000)]
    for _ in range(300):
        # A task waiting on a future nobody else holds is garbage after its first step.
        for _ in range(200):
            loop.create_task(wait_on(loop.create_future()))
        await asyncio.sleep(0)
        for _ in range(5):
            assert len(asyncio.all_tasks()) >= len(kept)
    names = {t.get_name() for t in asyncio.all_tasks()}
    print(all(f'kept-{i}' in names for i in range(1000)))
    for task in kept:
        task.cancel()
    await asyncio.gather(*kept, return_exceptions=True)
    print(all(task.cancelled() for task in kept))


loop = asyncio.new_event_loop()
# Collected pending tasks are reported ("Task was destroyed but it is pending!"); not here.
loop.set_exception_handler(lambda loop, context: None)
loop.run_until_complete(main())
loop.close()
print('done')
