# Demo for docs/instrumentation.md and benchmarks/README.md: an event loop running four tasks
# that sleep and compute, a worker thread (asyncio.to_thread) and a CPU-bound thread competing
# for the GIL, traced with the gil module after the imports.
# usage: minipy asyncio_steps.py TRACE.json
import asyncio
import sys
import threading
import time

import gil


async def fetch(i):
    for _ in range(4):
        await asyncio.sleep(0.004 * (i + 1))
        sum(range(150000))


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


async def main():
    await asyncio.gather(*(asyncio.create_task(fetch(i), name=f"fetch-{i}") for i in range(4)))
    await asyncio.to_thread(time.sleep, 0.005)
    hog = threading.Thread(target=spin, args=(0.03,), name="cpu-hog")
    hog.start()
    await asyncio.gather(*(asyncio.create_task(fetch(i), name=f"late-{i}") for i in range(2)))
    hog.join()


gil.trace_start(sys.argv[1])
asyncio.run(main())
gil.trace_stop()
