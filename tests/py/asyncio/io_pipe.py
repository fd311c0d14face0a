# add_reader / add_writer with an os.pipe: readiness callbacks and removal
import asyncio
import os

async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    os.set_blocking(r, False)
    os.set_blocking(w, False)
    got = loop.create_future()
    chunks = []
    def on_readable():
        data = os.read(r, 100)
        chunks.append(data)
        if data.endswith(b'!'):
            print('remove_reader:', loop.remove_reader(r))
            got.set_result(b''.join(chunks))
    loop.add_reader(r, on_readable)
    writable = loop.create_future()
    def on_writable():
        print('remove_writer:', loop.remove_writer(w))
        writable.set_result(True)
    loop.add_writer(w, on_writable)
    await writable
    os.write(w, b'hello')
    await asyncio.sleep(0.01)
    os.write(w, b' world!')
    print(await got)
    print('remove again:', loop.remove_reader(r), loop.remove_writer(w))
    os.close(r)
    os.close(w)

asyncio.run(main())
