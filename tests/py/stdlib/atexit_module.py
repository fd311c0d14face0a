# atexit: handlers run at exit, last registered first; a failing one does not stop the rest.
import atexit
import sys


def say(*args, **kwargs):
    print('say', args, sorted(kwargs.items()))


def boom():
    raise ValueError('boom in atexit')


atexit.register(say, 'first')
atexit.register(boom)
print(atexit.register(say, 'second', key='value') is say)
atexit.register(print, 'unregistered')
atexit.unregister(print)
try:
    atexit.register(42)
except TypeError as e:
    print(e)


@atexit.register
def decorated():
    print('decorated runs first')
    sys.stdout.flush()


print('main done')
