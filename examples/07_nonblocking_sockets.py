"""7. Non-blocking sockets and epoll: the mechanism under asyncio, by hand.

A blocking recv() on a socket with no data would wait forever. Set the socket non-blocking
and recv() raises BlockingIOError at once instead ("come back later"). To know *when* to come
back without trying again and again, register the socket with epoll and ask which sockets are
ready: that one call waits on any number of sockets, which is what an event loop does."""
import select
import socket
import time

left, right = socket.socketpair()          # two connected sockets, like client and server
right.setblocking(False)

try:
    right.recv(100)
    got_error = False
except BlockingIOError as e:
    got_error = True
    print(f"1. recv() with nothing to read: BlockingIOError: {e}")

ep = select.epoll()
ep.register(right.fileno(), select.EPOLLIN)
start = time.perf_counter()
events = ep.poll(0.2)                      # wait up to 0.2 s for right to become readable
waited = time.perf_counter() - start
print(f"2. epoll.poll(0.2) before any data: {events} after {waited:.2f} s (timed out)")

left.send(b"hello")
events = ep.poll(0.2)
readable = [fd for fd, mask in events if mask & select.EPOLLIN]
print(f"3. after the peer sent 5 bytes: poll says fd {readable} is readable "
      f"(right is fd {right.fileno()})")
data = right.recv(100)
print(f"4. now recv() returns at once: {data!r}")

# Writing has the same shape: fill the send buffer until the kernel says "later".
sent = 0
try:
    while True:
        sent += right.send(b"x" * 65536)
except BlockingIOError:
    print(f"5. send() accepted {sent:,} bytes, then raised BlockingIOError (buffer full)")
ep.modify(right.fileno(), select.EPOLLOUT)
writable_before = ep.poll(0)
while not ep.poll(0):                      # the peer reads until right has room again
    left.recv(65536)
writable_after = ep.poll(0)
print(f"6. EPOLLOUT while full: {writable_before}; after the peer read: {writable_after}")
ep.close()
left.close()
right.close()

if got_error and readable and data == b"hello" and not writable_before and writable_after:
    print("conclusion: non-blocking calls raise instead of waiting, and epoll tells when "
          "a socket is ready")
else:
    print("conclusion: unexpected results")
