# asyncio: many tasks created, switched with sleep(0), gathered; a queue between producer and
# consumer tasks.
import asyncio
import sys


async def worker(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return i % 7


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item


async def main(n):
    results = await asyncio.gather(*(worker(i) for i in range(n)))
    q = asyncio.Queue(maxsize=64)
    _, total = await asyncio.gather(producer(q, n), consumer(q))
    return sum(results) + total


n = int(15_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(asyncio.run(main(n)))
