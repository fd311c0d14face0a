# Generator protocol: next/send/throw/close, return values, yield from, PEP 479, attributes.


def tb_names(exc):
    names = []
    tb = exc.__traceback__
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - FIRST))
        tb = tb.tb_next
    return names


FIRST = tb_names.__code__.co_firstlineno


def counter(n):
    total = 0
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                total += got
    finally:
        print('counter finally, total', total)
    return total


g = counter(3)
print(type(g).__name__, g.__name__, g.__qualname__, g.gi_code.co_name, g.gi_running)
print(g.gi_frame is not None, g.gi_frame.f_lineno - FIRST, g.gi_yieldfrom)
print(next(g), g.send(10), g.send(5))
try:
    next(g)
except StopIteration as e:
    print('StopIteration value', e.value, e.args)
print(g.gi_frame, g.gi_running)
try:
    next(g)
except StopIteration as e:
    print('exhausted again', e.value, e.args)

# send() before the first next() needs None.
g = counter(2)
try:
    g.send(1)
except TypeError as e:
    print('TypeError', e)
print(g.send(None))
g.close()
g.close()
print('closed twice')


# throw(): caught inside, re-raised with the generator frame in the traceback.
def thrower():
    try:
        yield 1
    except KeyError as e:
        print('caught', repr(e))
        yield 2
    yield 3


g = thrower()
next(g)
print(g.throw(KeyError('k')))
try:
    g.throw(ValueError('v'))
except ValueError as e:
    print('propagated', repr(e), tb_names(e))
try:
    g.throw(ValueError)
except ValueError as e:
    print('after finish', repr(e), tb_names(e))
g = thrower()
try:
    g.throw(IndexError, IndexError('unstarted'))
except IndexError as e:
    print('unstarted throw', e, g.gi_frame)
g = thrower()
next(g)
try:
    g.throw(TypeError, 'from type and value')
except TypeError as e:
    print('type+value', repr(e))
try:
    g.throw(42)
except TypeError as e:
    print('TypeError', e)


# close(): GeneratorExit, finally blocks, yield during close.
def closing():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit')
        raise
    finally:
        print('finally on close')


g = closing()
next(g)
print(g.close())


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError', e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return 5


g = returns_on_close()
next(g)
print('close returned', g.close())


def raises_on_close():
    try:
        yield
    finally:
        raise ValueError('from finally')


g = raises_on_close()
next(g)
try:
    g.close()
except ValueError as e:
    print('close raised', e, type(e.__context__).__name__)


# PEP 479: StopIteration escaping a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration('inner')


g = leaky()
next(g)
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__), e.__suppress_context__)


def leaky_next():
    it = iter(())
    yield next(it)


try:
    list(leaky_next())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)


# "generator already executing"
def reentrant():
    yield me.gi_running
    yield next(me)


me = reentrant()
print(next(me))
try:
    next(me)
except ValueError as e:
    print('ValueError', e)


# yield from: send/throw/close are delegated; the return value comes back.
def inner():
    try:
        x = yield 'inner-1'
        print('inner got', x)
        y = yield 'inner-2'
        print('inner got', y)
    except KeyError:
        print('inner caught KeyError')
        yield 'inner-recovered'
    finally:
        print('inner finally')
    return 'inner-result'


def outer():
    r = yield from inner()
    print('outer got result', r)
    yield 'outer-end'


g = outer()
print(next(g), g.send('a'), g.send('b'), g.gi_yieldfrom)
g = outer()
next(g)
print(g.gi_yieldfrom.__name__, g.throw(KeyError), next(g))
g = outer()
next(g)
g.close()
print('outer closed', g.gi_frame)


def delegate_iter():
    r = yield from [1, 2]
    print('list gives', r)
    yield from range(3, 5)


print(list(delegate_iter()))
g = delegate_iter()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print('AttributeError', e)


def throw_into_list():
    yield from iter([1, 2])


g = throw_into_list()
next(g)
try:
    g.throw(OSError('into iterator'))
except OSError as e:
    print('OSError', e)


# Return values.
def ret(v):
    return v
    yield


for v in (None, 0, (1, 2), StopIteration('x')):
    try:
        next(ret(v))
    except StopIteration as e:
        print('value', repr(e.value), e.args)


# Tracebacks through nested generators show every frame.
def level3():
    yield 1
    raise LookupError('deep')


def level2():
    yield from level3()


def level1():
    for x in level2():
        yield x


try:
    list(level1())
except LookupError as e:
    print(tb_names(e))

# Generator expressions.
ge = (x * x for x in range(4))
print(ge.__name__, ge.__qualname__, next(ge), list(ge), list(ge))
try:
    (1 / x for x in [0]).__next__()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (x for x in 5)
except TypeError as e:
    print('TypeError', e)
print(repr(counter(1))[:30].startswith('<generator object counter at'))
