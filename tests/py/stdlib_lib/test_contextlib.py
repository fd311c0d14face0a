# Exercises contextlib: contextmanager (incl. as decorator and exception
# handling), closing, suppress, nullcontext, redirect_*, ExitStack and the
# async variants (driven without an event loop).
import sys
from contextlib import *
import contextlib


from _show import show


def run(coro):
    # Runs a coroutine that never suspends.
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError('coroutine suspended')


log = []


@contextmanager
def tag(name):
    """Tag docs."""
    log.append('<%s>' % name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append('handled %r' % e.args[0])
    finally:
        log.append('</%s>' % name)


with tag('a') as v:
    log.append(v)
print(log, tag.__name__, tag.__doc__, tag('x').__doc__)
log.clear()
with tag('b'):
    raise KeyError('k')
print(log)
log.clear()
try:
    with tag('c'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e, log)


@tag('deco')
def decorated(x):
    log.append('body %s' % x)
    return x * 2


log.clear()
print(decorated(1), decorated(2), log)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def swallow():
    try:
        yield
    except Exception:
        pass


@contextmanager
def reraise_other():
    try:
        yield
    except ValueError:
        raise TypeError('converted')


def use(cm, exc=None):
    with cm:
        if exc:
            raise exc
    return 'completed'


show('no yield', lambda: use(no_yield()))
show('two yields', lambda: use(two_yields()))
show('two yields exc', lambda: use(two_yields(), ValueError('v')))
show('swallow', lambda: use(swallow(), ValueError('v')))
show('reraise other', lambda: use(reraise_other(), ValueError('v')))
show('stopiteration', lambda: use(swallow(), StopIteration('s')))


@contextmanager
def passthrough():
    yield


show('stop through', lambda: use(passthrough(), StopIteration('s')))
cm = tag('once')
with cm:
    pass
show('reuse', lambda: cm.__enter__())


class Closable:
    def close(self):
        print('closed')


with closing(Closable()) as c:
    print(type(c).__name__)

with suppress(KeyError, IndexError):
    {}['x']
print('after suppress')
show('suppress other', lambda: use(suppress(KeyError), ValueError('not suppressed')))
with suppress():
    pass
with nullcontext(5) as n:
    print('null', n)
with nullcontext() as n:
    print('null', n)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


out = Sink()
with redirect_stdout(out) as target:
    print('captured', target is out)
err = Sink()
with redirect_stderr(err):
    sys.stderr.write('to stderr')
print(out.parts, err.parts)

print('--- ExitStack')
with ExitStack() as stack:
    for i in range(3):
        stack.callback(log.append, 'cb %d' % i)
    stack.enter_context(tag('ctx'))
    log.clear()
print(log)
log.clear()
with ExitStack() as stack:
    stack.callback(log.append, 'first')
    inner = stack.pop_all()
print(log)
inner.close()
print(log)


def suppressor(*exc):
    log.append('suppressor %s' % (exc[0].__name__ if exc[0] else None))
    return True


log.clear()
with ExitStack() as stack:
    stack.push(suppressor)
    raise ValueError('gone')
print(log)


class CM:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __enter__(self):
        log.append('enter ' + self.name)
        return self

    def __exit__(self, *exc):
        log.append('exit %s %s' % (self.name, exc[0].__name__ if exc[0] else None))
        if self.fail:
            raise RuntimeError('exit failed ' + self.name)
        return False


log.clear()
try:
    with ExitStack() as stack:
        stack.enter_context(CM('one'))
        stack.enter_context(CM('two', fail=True))
        stack.push(CM('three'))
        raise KeyError('body')
except RuntimeError as e:
    print(repr(e), repr(e.__context__), log)
show('enter non-cm', lambda: ExitStack().enter_context(5))
print(ExitStack().callback(len) is len, ExitStack().push(suppressor) is suppressor)
s = ExitStack()
s.callback(print, 'closing', 'now', sep='-')
s.close()


@contextmanager
def inner_cm():
    yield 'inner'


with ExitStack() as stack:
    print(stack.enter_context(inner_cm()))

print('--- ContextDecorator')


class Track(ContextDecorator):
    def __enter__(self):
        log.append('track in')
        return self

    def __exit__(self, *exc):
        log.append('track out')
        return False


@Track()
def tracked():
    log.append('tracked body')
    return 'r'


log.clear()
print(tracked(), log)
print(isinstance(Track(), AbstractContextManager), isinstance(CM('x'), AbstractContextManager),
      isinstance(5, AbstractContextManager), issubclass(ExitStack, AbstractContextManager))

print('--- async')


@asynccontextmanager
async def atag(name):
    log.append('a<%s>' % name)
    try:
        yield name
    finally:
        log.append('a</%s>' % name)


async def main():
    async with atag('x') as v:
        log.append('body ' + v)
    try:
        async with atag('y'):
            raise ValueError('async boom')
    except ValueError as e:
        log.append('caught ' + str(e))
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(atag('z'))
        stack.callback(log.append, 'sync cb')

        async def acb(msg):
            log.append(msg)
        stack.push_async_callback(acb, 'async cb')
    async with nullcontext('n') as n:
        log.append(n)

    class AG:
        def __init__(self):
            self.closed = False

        async def aclose(self):
            log.append('aclosed')
    async with aclosing(AG()):
        pass

    @atag('deco')
    async def f():
        log.append('in f')
        return 'f result'
    log.append(await f())
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(5)
    except TypeError as e:
        log.append(str(e))
    return 'main done'


log.clear()
print(run(main()))
for line in log:
    print(' ', line)
print(isinstance(AsyncExitStack(), AbstractAsyncContextManager),
      isinstance(nullcontext(), AbstractAsyncContextManager))
import os
here = os.getcwd()
with chdir('/'):
    print(os.getcwd())
print(os.getcwd() == here)
