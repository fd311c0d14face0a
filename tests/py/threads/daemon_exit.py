# Daemon threads (busy or sleeping) do not keep the process alive; a non-daemon thread still
# running when the main thread ends is waited for. A hang here fails the test by timeout.
import threading
import time


def spin():
    while True:
        pass


def nap():
    while True:
        time.sleep(0.01)


def late():
    time.sleep(0.2)
    print("non-daemon thread finished")


threading.Thread(target=spin, daemon=True).start()
threading.Thread(target=nap, daemon=True).start()
threading.Thread(target=late).start()
print("main thread done")
