"""2. Synchronous vs asynchronous.

A local server (started here, on a thread) answers each request after a 0.3 s delay, like a
slow web service. We make three requests one after another with blocking sockets (each waits
for the previous answer), then as three asyncio tasks that wait at the same time."""
import asyncio
import socket
import threading
import time

DELAY = 0.3


def serve(listener):
    """Accept forever; each connection gets its own thread that answers after DELAY."""
    def answer(conn):
        with conn:
            request = conn.recv(100)
            time.sleep(DELAY)
            conn.sendall(b"answer to " + request)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=answer, args=(conn,), daemon=True).start()


listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(16)
port = listener.getsockname()[1]
threading.Thread(target=serve, args=(listener,), daemon=True).start()


def blocking_request(name):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(name.encode())
        return s.recv(100).decode()   # blocks: nothing else happens meanwhile


async def async_request(name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name.encode())
    answer = await reader.read(100)   # the loop runs the other tasks while this one waits
    writer.close()
    await writer.wait_closed()
    return answer.decode()


async def all_at_once():
    return await asyncio.gather(*(async_request(f"request {i}") for i in range(3)))


start = time.perf_counter()
answers = [blocking_request(f"request {i}") for i in range(3)]
sync_time = time.perf_counter() - start
print(f"synchronous : {answers} in {sync_time:.2f} s")

start = time.perf_counter()
answers_async = asyncio.run(all_at_once())
async_time = time.perf_counter() - start
print(f"asynchronous: {answers_async} in {async_time:.2f} s")

print(f"each request waits {DELAY} s: one after another that is about {3 * DELAY:.1f} s, "
      f"overlapped about {DELAY:.1f} s; measured speed-up {sync_time / async_time:.1f}x")
# The synchronous run cannot take less than 3 delays; the overlapped one needs about one.
if answers == answers_async and sync_time >= 3 * DELAY and sync_time / async_time > 1.8:
    print("conclusion: asyncio overlapped the three waits; same answers, less time")
else:
    print("conclusion: unexpected measurements (is the machine overloaded?)")
