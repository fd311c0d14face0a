"""10. One asyncio server, 1,000 clients at once.

An echo server (asyncio.start_server) and 1,000 client connections, all in this one thread:
every client connects, sends a line, reads the echo, and stays connected until the server,
once all are answered, broadcasts a line to everyone (a chat room's message), so the server
really holds 1,000 sockets at once. A thread per connection would need 1,000 threads; the
event loop needs one, waiting on all sockets with one epoll (fewer if `ulimit -n` < 2,050)."""
import asyncio
import time


def open_files_limit():
    with open("/proc/self/limits") as f:
        for line in f:
            if line.startswith("Max open files"):
                return int(line.split()[3])    # the soft limit, what `ulimit -n` shows


# Two file descriptors per client (its socket and the server's); keep some for the interpreter.
CLIENTS = min(1000, (open_files_limit() - 50) // 2)
open_now = peak = finished = 0
connected = set()                  # the server's writers: a chat room's members


async def handle(reader, writer):
    global open_now, peak
    open_now += 1
    peak = max(peak, open_now)
    connected.add(writer)
    while line := await reader.readline():
        writer.write(line)         # echo it back
        await writer.drain()
    open_now -= 1
    connected.discard(writer)
    writer.close()


async def client(i, port, all_answered):
    global finished
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        message = f"hello from client {i}\n".encode()
        writer.write(message)
        echoed = await reader.readline()
    finally:
        finished += 1              # counted even on failure, so main never waits forever
        if finished == CLIENTS:
            all_answered.set()
    news = await reader.readline() # stay connected until the server talks to everyone
    writer.close()
    await writer.wait_closed()
    return echoed == message and news == b"everyone is here\n"


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    all_answered = asyncio.Event()
    start = time.perf_counter()
    tasks = [asyncio.create_task(client(i, port, all_answered)) for i in range(CLIENTS)]
    await all_answered.wait()
    elapsed = time.perf_counter() - start
    for member in connected:       # a chat broadcast: one line to every open connection
        member.write(b"everyone is here\n")
    results = await asyncio.gather(*tasks, return_exceptions=True)
    server.close()
    await server.wait_closed()
    return results, elapsed


results, elapsed = asyncio.run(main())
ok = sum(r is True for r in results)
print(f"{CLIENTS} clients connected and were echoed in {elapsed:.2f} s "
      f"({CLIENTS / elapsed:,.0f} connections per second), one thread")
print(f"correct echo and broadcast: {ok}/{CLIENTS}; most connections open at once on the "
      f"server: {peak}")
if ok == CLIENTS and peak == CLIENTS:
    print(f"conclusion: one thread served {CLIENTS} simultaneous connections correctly")
else:
    print("conclusion: unexpected: some connections failed or never overlapped")
