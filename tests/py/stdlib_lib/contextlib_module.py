# contextlib: generator-based managers (exception identity, chaining, StopIteration rules),
# ExitStack and AsyncExitStack semantics (ordering, suppression, __context__ fixing), the
# small managers, ABC checks, reprs and error messages.
import contextlib
import io
import os
import sys
from contextlib import (AbstractAsyncContextManager, AbstractContextManager, AsyncExitStack,
                        ExitStack, aclosing, asynccontextmanager, chdir, closing, contextmanager,
                        nullcontext, redirect_stderr, redirect_stdout, suppress)
from _show import show


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError('coroutine suspended')


def outcome(f):
    try:
        r = f()
    except BaseException as e:
        ctx = e.__context__
        cause = e.__cause__
        return '%s(%s) ctx=%s cause=%s' % (type(e).__name__, e, type(ctx).__name__ if ctx else None,
                                           type(cause).__name__ if cause else None)
    return 'returned %r' % (r,)


print(sorted(contextlib.__all__))

# -- contextmanager
log = []


@contextmanager
def plain(x=1, *, y=2):
    """Plain docs."""
    log.append(('enter', x, y))
    yield x + y
    log.append('exit')


print(plain.__name__, plain.__doc__, plain.__wrapped__.__name__, plain(5).__doc__)
cm = plain(3, y=4)
print(type(cm).__name__, hasattr(cm, 'gen'), hasattr(cm, 'func'), cm.args, cm.kwds)
with cm as v:
    print('value', v, hasattr(cm, 'args'), hasattr(cm, 'func'))
print(log)
print(isinstance(cm, AbstractContextManager), isinstance(cm, contextlib.ContextDecorator))
print(cm.__exit__(None, None, None) if False else 'skip')


@contextmanager
def handler(kind):
    try:
        yield
    except ValueError as e:
        if kind == 'swallow':
            return
        if kind == 'reraise':
            raise
        if kind == 'raise_from':
            raise KeyError('new') from e
        if kind == 'raise_new':
            raise KeyError('new2')
        if kind == 'yield_again':
            yield
        if kind == 'raise_same_obj':
            raise e


def body_raises(cm, exc):
    with cm:
        raise exc
    return 'after'


for kind in ['swallow', 'reraise', 'raise_from', 'raise_new', 'yield_again', 'raise_same_obj', 'ignore']:
    print(kind, outcome(lambda: body_raises(handler(kind), ValueError('v'))))
print('other exc', outcome(lambda: body_raises(handler('swallow'), TypeError('t'))))

err = ValueError('identity')
try:
    with handler('reraise'):
        raise err
except ValueError as e:
    print('same object', e is err, e.__traceback__ is not None)


@contextmanager
def passthrough():
    yield


@contextmanager
def catch_stop():
    try:
        yield
    except StopIteration:
        log.append('caught stop')


@contextmanager
def convert_stop():
    try:
        yield
    except StopIteration:
        raise RuntimeError('converted')


log.clear()
print('stop passthrough', outcome(lambda: body_raises(passthrough(), StopIteration('s'))))
print('stop caught', outcome(lambda: body_raises(catch_stop(), StopIteration('s'))), log)
print('stop converted', outcome(lambda: body_raises(convert_stop(), StopIteration('s'))))
print('runtime passthrough', outcome(lambda: body_raises(passthrough(), RuntimeError('r'))))
print('genexit', outcome(lambda: body_raises(passthrough(), GeneratorExit())))
print('keyboard', outcome(lambda: body_raises(passthrough(), KeyboardInterrupt('k'))))
print('stopasync', outcome(lambda: body_raises(passthrough(), StopAsyncIteration('sa'))))


@contextmanager
def no_yield():
    return
    yield


@contextmanager
def two():
    yield 1
    yield 2


@contextmanager
def raises_on_enter():
    raise OSError('enter failed')
    yield


print('no yield', outcome(lambda: body_raises(no_yield(), ValueError())))
print('two no exc', outcome(lambda: body_raises(two(), None) if False else two().__enter__()))
c = two()
c.__enter__()
print('two exit', outcome(lambda: c.__exit__(None, None, None)))
c = two()
c.__enter__()
print('two exit exc', outcome(lambda: c.__exit__(ValueError, ValueError('x'), None)))
print('raises on enter', outcome(lambda: body_raises(raises_on_enter(), ValueError())))
c = plain()
c.__enter__()
print('exit type only', outcome(lambda: c.__exit__(ValueError, None, None)))
c = handler('swallow')
c.__enter__()
print('exit type only swallow', outcome(lambda: c.__exit__(ValueError, None, None)))

# contextmanager as a decorator gets a fresh generator per call.
calls = []


@contextmanager
def counted():
    calls.append('in')
    yield
    calls.append('out')


@counted()
def work(a, b=0):
    """Work docs."""
    calls.append(a + b)
    return a * b


print(work(2, b=3), work(4), calls, work.__name__, work.__doc__)


@counted()
def failing():
    raise IndexError('inside')


print(outcome(failing), calls[-1])

# -- asynccontextmanager
alog = []


@asynccontextmanager
async def ahandler(kind):
    alog.append('enter')
    try:
        yield 'av'
    except ValueError:
        if kind == 'reraise':
            raise
        if kind == 'new':
            raise KeyError('anew')
    finally:
        alog.append('exit')


async def abody(cm, exc):
    async with cm as v:
        alog.append(v)
        if exc:
            raise exc
    return 'after'


for kind in ['swallow', 'reraise', 'new']:
    print('async', kind, outcome(lambda: run(abody(ahandler(kind), ValueError('v')))))
print('async stop', outcome(lambda: run(abody(ahandler('x'), StopIteration('s')))))
print('async stopasync', outcome(lambda: run(abody(ahandler('x'), StopAsyncIteration('s')))))


@asynccontextmanager
async def ano_yield():
    if False:
        yield


@asynccontextmanager
async def atwo():
    yield 1
    yield 2


print('async no yield', outcome(lambda: run(abody(ano_yield(), None))))
print('async two', outcome(lambda: run(abody(atwo(), None))))
print('async two exc', outcome(lambda: run(abody(atwo(), ValueError('x')))))
acm = ahandler('x')
print(type(acm).__name__, isinstance(acm, AbstractAsyncContextManager), acm.__doc__ is not None)


@ahandler('deco')
async def adecorated(n):
    alog.append('body %d' % n)
    return n * 10


alog.clear()
print(run(adecorated(1)), run(adecorated(2)), alog)

# -- ExitStack ordering, suppression and chaining
log = []


class CM:
    def __init__(self, name, suppress=False, fail=None):
        self.name, self.suppress, self.fail = name, suppress, fail

    def __enter__(self):
        log.append('enter ' + self.name)
        return self.name

    def __exit__(self, t, v, tb):
        log.append('exit %s %s' % (self.name, t.__name__ if t else None))
        if self.fail:
            raise self.fail
        return self.suppress


def stack_run(cms, body_exc=None):
    log.clear()
    with ExitStack() as st:
        for c in cms:
            st.enter_context(c)
        if body_exc:
            raise body_exc
    return 'done'


print(outcome(lambda: stack_run([CM('a'), CM('b'), CM('c')])), log)
print(outcome(lambda: stack_run([CM('a'), CM('b', suppress=True), CM('c')], ValueError('v'))), log)
print(outcome(lambda: stack_run([CM('a'), CM('b', fail=KeyError('kb')), CM('c')], ValueError('v'))), log)
print(outcome(lambda: stack_run([CM('a', fail=TypeError('ta')), CM('b', fail=KeyError('kb'))])), log)
print(outcome(lambda: stack_run([CM('a', suppress=True), CM('b', fail=KeyError('kb'))])), log)
print(outcome(lambda: stack_run([CM('a', fail=TypeError('ta')), CM('b', suppress=True)], ValueError('v'))), log)

try:
    stack_run([CM('a', fail=TypeError('ta')), CM('b', fail=KeyError('kb'))], ValueError('body'))
except TypeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append('%s(%s)' % (type(x).__name__, x))
        x = x.__context__
    print('chain', chain)

try:
    try:
        raise OSError('outer')
    except OSError:
        with ExitStack() as st:
            st.callback(lambda: 1 / 0)
            raise ValueError('inner')
except ZeroDivisionError as e:
    print('ctx', type(e.__context__).__name__, type(e.__context__.__context__).__name__)

st = ExitStack()
print(st.__enter__() is st, st.__exit__(None, None, None), st.__exit__(ValueError, ValueError(), None))
st = ExitStack()
st.push(lambda *exc: True)
print('exit returns', st.__exit__(ValueError, ValueError(), None))
st = ExitStack()
st.push(lambda *exc: True)
print('exit returns no exc', st.__exit__(None, None, None))

obj = CM('pushed')
st = ExitStack()
print(st.push(obj) is obj)
log.clear()
st.close()
print(log)


def cb(*args, **kwargs):
    log.append(('cb', args, kwargs))


st = ExitStack()
r = st.callback(cb, 1, 2, key='v')
print(r is cb)
log.clear()
st.close()
st.close()
print(log)
st = ExitStack()
st.callback(cb, callback='kw', self='kw2')
log.clear()
st.close()
print(log)
show('callback no args', lambda: ExitStack().callback())


class NoExit:
    def __enter__(self):
        return self


class NoEnter:
    def __exit__(self, *a):
        pass


show('enter_context int', lambda: ExitStack().enter_context(5))
show('enter_context no exit', lambda: ExitStack().enter_context(NoExit()))
show('enter_context no enter', lambda: ExitStack().enter_context(NoEnter()))
show('push int', lambda: ExitStack().push(5))
st = ExitStack()
st.push(5)
show('close with bad callback', st.close)

with ExitStack() as outer:
    outer.callback(print, 'outer callback')
    with ExitStack() as s2:
        s2.callback(print, 'moved callback')
        moved = s2.pop_all()
    print('moved not run yet', type(moved).__name__)
    outer.enter_context(moved)

# Instance-level __enter__/__exit__ do not count: type lookup only.
inst = NoExit()
inst.__exit__ = lambda *a: None
show('instance exit', lambda: ExitStack().enter_context(inst))


class SubStack(ExitStack):
    pass


s = SubStack()
print(type(s.pop_all()).__name__)

# -- AsyncExitStack
alog = []


class ACM:
    def __init__(self, name, suppress=False, fail=None):
        self.name, self.suppress, self.fail = name, suppress, fail

    async def __aenter__(self):
        alog.append('aenter ' + self.name)
        return self.name

    async def __aexit__(self, t, v, tb):
        alog.append('aexit %s %s' % (self.name, t.__name__ if t else None))
        if self.fail:
            raise self.fail
        return self.suppress


async def amain(body_exc=None):
    async with AsyncExitStack() as st:
        print(await st.enter_async_context(ACM('x')))
        print(st.enter_context(CM('sync')))
        st.push_async_exit(ACM('pushed', suppress=True))

        async def aexit_fn(t, v, tb):
            alog.append('aexit fn %s' % (t.__name__ if t else None))
        print(st.push_async_exit(aexit_fn) is aexit_fn)

        async def acb(*a, **k):
            alog.append(('acb', a, k))
        print(st.push_async_callback(acb, 1, k=2) is acb)
        st.callback(alog.append, 'sync cb')
        if body_exc:
            raise body_exc
    return 'amain done'


log.clear()
print(outcome(lambda: run(amain())), alog, log)
alog.clear()
print(outcome(lambda: run(amain(ValueError('av')))), alog)


async def abad(kind):
    async with AsyncExitStack() as st:
        if kind == 1:
            await st.enter_async_context(CM('sync only'))
        elif kind == 2:
            await st.enter_async_context(5)
        else:
            st.enter_context(ACM('async only'))


for kind in (1, 2, 3):
    show('async bad %d' % kind, lambda: run(abad(kind)))


async def achain():
    async with AsyncExitStack() as st:
        await st.enter_async_context(ACM('f1', fail=TypeError('t1')))
        await st.enter_async_context(ACM('f2', fail=KeyError('k2')))
        raise ValueError('abody')

print(outcome(lambda: run(achain())))
ast = AsyncExitStack()
ast.callback(alog.append, 'aclose cb')
alog.clear()
run(ast.aclose())
print(alog, type(AsyncExitStack().pop_all()).__name__)

# -- small managers
class Thing:
    def close(self):
        log.append('closed')

    async def aclose(self):
        log.append('aclosed')


log.clear()
t = Thing()
with closing(t) as got:
    print(got is t)
try:
    with closing(t):
        raise ValueError('x')
except ValueError:
    pass


async def use_aclosing():
    async with aclosing(t) as got:
        return got is t


print(run(use_aclosing()), log)
print(repr(closing(t).thing is t), aclosing(t).thing is t)

with suppress(ValueError, TypeError) as s:
    print('suppress enter', s)
    int('x')
print(outcome(lambda: body_raises(suppress(ValueError), KeyError('k'))))
print(outcome(lambda: body_raises(suppress(LookupError), KeyError('k'))))
print(outcome(lambda: body_raises(suppress(), KeyError('k'))))
print(outcome(lambda: body_raises(suppress(BaseException), SystemExit(3))))
sup = suppress(KeyError)
print(sup.__exit__(None, None, None), sup.__exit__(KeyError, KeyError(), None), sup.__exit__(OSError, None, None))
try:
    with suppress(ZeroDivisionError):
        raise ExceptionGroup('eg', [ZeroDivisionError()])
except ExceptionGroup as e:
    print('group not suppressed in 3.11', type(e).__name__)

n = nullcontext('r')
with n as v1:
    with n as v2:
        print(v1, v2)
print(nullcontext().enter_result, run(n.__aenter__()), run(n.__aexit__(None, None, None)),
      n.__exit__(ValueError, ValueError(), None))
print(outcome(lambda: body_raises(nullcontext(), KeyError('k'))))

buf1, buf2 = io.StringIO(), io.StringIO()
r = redirect_stdout(buf1)
with r as target:
    print('one', target is buf1)
    with r:
        print('two')
    print('three')
with redirect_stdout(buf2):
    with redirect_stdout(None):
        pass
    print('four')
print(repr(buf1.getvalue()), repr(buf2.getvalue()))
ebuf = io.StringIO()
with redirect_stderr(ebuf):
    sys.stderr.write('err text')
print(repr(ebuf.getvalue()), sys.stderr is sys.__stderr__)

here = os.getcwd()
c = chdir('/')
with c:
    print(os.getcwd())
    with chdir('/tmp') as inner:
        print(os.getcwd() == os.path.realpath('/tmp'), inner)
    with c:
        print(os.getcwd())
    print(os.getcwd())
print(os.getcwd() == here)
show('chdir missing', lambda: chdir('/no/such/dir').__enter__())
print(os.getcwd() == here)

# -- ABCs
class Dummy:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return None


class ExitNone(Dummy):
    __exit__ = None


class ADummy:
    async def __aenter__(self):
        pass

    async def __aexit__(self, *a):
        pass


print(isinstance(Dummy(), AbstractContextManager), issubclass(ExitNone, AbstractContextManager),
      isinstance(ADummy(), AbstractAsyncContextManager), isinstance(Dummy(), AbstractAsyncContextManager),
      issubclass(int, AbstractContextManager))


class Concrete(AbstractContextManager):
    def __exit__(self, *a):
        return None


with Concrete() as cc:
    print(type(cc).__name__)
show('abstract', lambda: AbstractContextManager())
show('abstract async', lambda: AbstractAsyncContextManager())


class MissingExit(AbstractContextManager):
    pass


show('missing exit', lambda: MissingExit())
print(AbstractContextManager[int], AbstractAsyncContextManager[str])
print(run(Concrete().__exit__(None, None, None) or nullcontext().__aenter__()))


class AConcrete(AbstractAsyncContextManager):
    async def __aexit__(self, *a):
        return None


x = AConcrete()
print(run(x.__aenter__()) is x)


class Deco(contextlib.ContextDecorator):
    def __enter__(self):
        log.append('deco in')

    def __exit__(self, *exc):
        log.append('deco out %s' % (exc[0].__name__ if exc[0] else None))
        return True


@Deco()
def deco_fails():
    raise ValueError


log.clear()
print(deco_fails(), log)


class ADeco(contextlib.AsyncContextDecorator):
    async def __aenter__(self):
        log.append('adeco in')

    async def __aexit__(self, *exc):
        log.append('adeco out')


@ADeco()
async def adeco_fn(x):
    return x + 1


log.clear()
print(run(adeco_fn(1)), log, adeco_fn.__name__)
