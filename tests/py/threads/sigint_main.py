# SIGINT sent by another thread raises KeyboardInterrupt in the main thread, also while it is
# blocked in time.sleep(), in Thread.join() and in Lock.acquire(); a SIGTERM handler installed
# with signal.signal runs in the main thread.
import os
import signal
import threading
import time


def interrupt_soon(signum=signal.SIGINT):
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signum))
    timer.start()
    return timer


timer = interrupt_soon()
try:
    time.sleep(30)
    print("sleep was not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt during sleep")
timer.join()

sleeper = threading.Thread(target=time.sleep, args=(30,), daemon=True)
sleeper.start()
timer = interrupt_soon()
try:
    sleeper.join()
    print("join was not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt during join")
timer.join()

held = threading.Lock()
held.acquire()
timer = interrupt_soon()
try:
    held.acquire()
    print("acquire was not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt during Lock.acquire")
timer.join()


class Stop(Exception):
    pass


seen = []


def on_term(signum, frame):
    seen.append((signum, threading.current_thread() is threading.main_thread()))
    raise Stop


previous = signal.signal(signal.SIGTERM, on_term)
print("previous SIGTERM handler is SIG_DFL:", previous == signal.SIG_DFL)
timer = interrupt_soon(signal.SIGTERM)
try:
    time.sleep(30)
except Stop:
    print("handler stopped the sleep")
timer.join()
print("SIGTERM handled in main thread:", seen == [(signal.SIGTERM, True)])
