# signal: handlers run in the main thread, getsignal/SIG_DFL/SIG_IGN, alarm, wakeup fd.
import os
import signal
import threading
import time

got = []


def handler(signum, frame):
    got.append(signum)


print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# alarm interrupts a sleep; the handler's exception propagates out of it.
class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout('alarm fired')


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(5)
except Timeout as e:
    print('Timeout:', e)
print(signal.alarm(0))

# The wakeup fd receives the signal number.
r, w = os.pipe()
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR2, handler)
os.kill(os.getpid(), signal.SIGUSR2)
print(os.read(r, 10) == bytes([signal.SIGUSR2]), got[-1] == signal.SIGUSR2)
print(signal.set_wakeup_fd(-1) == w)

try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print('KeyboardInterrupt from default_int_handler')
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM), signal.NSIG, len(signal.valid_signals()) > 30)
print(signal.SIGINT, signal.SIGTERM == 15, int(signal.SIG_DFL), int(signal.SIG_IGN))
for bad in [lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(signal.SIGUSR1, 5),
            lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN), lambda: signal.getsignal(99),
            lambda: signal.strsignal(0), lambda: signal.set_wakeup_fd(1), lambda: signal.alarm('x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


def in_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        print('thread:', e)


t = threading.Thread(target=in_thread)
t.start()
t.join()
