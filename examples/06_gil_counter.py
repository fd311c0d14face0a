"""6. The GIL does not make your code atomic.

Four threads add 1 to a shared counter. The GIL lets only one thread run Python code at a
time, but nothing promises that a switch will not fall in the middle of a statement. The
statement `counter += 1` is several bytecodes: read counter, add 1, store counter. If a switch
falls between the read and the store, two threads store the same value and an update is lost.

First the plain statement (usually nothing is lost: by luck of where the interpreter switches,
not by promise). Then, to make the window easy to hit, the read-modify-write spelled out with a
switch point in the middle (time.sleep(0) releases the GIL, like any blocking call would), and
finally the same with a lock held around it: no update can be lost."""
import sys
import threading
import time

THREADS, ADDS = 4, 2_000
counter = 0
lock = threading.Lock()


def plain_add():
    global counter
    for _ in range(50_000):
        counter += 1            # load, add, store: no switch point of its own


def unsafe_add():
    global counter
    for _ in range(ADDS):
        value = counter         # read ...
        time.sleep(0)           # ... another thread may run here ...
        counter = value + 1     # ... and this store overwrites its update


def locked_add():
    global counter
    for _ in range(ADDS):
        with lock:              # nobody else can be between the read and the store
            value = counter
            time.sleep(0)
            counter = value + 1


def run(worker):
    global counter
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counter, time.perf_counter() - start


# The interpreter only switches threads at a few places (a loop jumping back, a function being
# entered), so a plain `counter += 1` is rarely split, even with a tiny switch interval. Rarely
# is not never: nothing in the language promises it, and any call in between (like the sleep
# below) opens the gap.
interval = sys.getswitchinterval()
sys.setswitchinterval(0.0001)
plain, _ = run(plain_add)
sys.setswitchinterval(interval)
print(f"plain counter += 1: {plain:,} of {THREADS * 50_000:,} (lost {THREADS * 50_000 - plain:,}"
      f" this time)")
expected = THREADS * ADDS
unsafe, unsafe_time = run(unsafe_add)
print(f"without a lock: counter = {unsafe:,} of {expected:,} "
      f"({expected - unsafe:,} updates lost) in {unsafe_time:.2f} s")
safe, safe_time = run(locked_add)
print(f"with a lock:    counter = {safe:,} of {expected:,} "
      f"({expected - safe:,} updates lost) in {safe_time:.2f} s")

if unsafe < expected and safe == expected:
    print("conclusion: without a lock updates were lost despite the GIL; with a lock none were")
else:
    print(f"conclusion: unexpected: lost {expected - unsafe} without a lock, "
          f"{expected - safe} with one")
