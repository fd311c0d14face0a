"""Utilities for with-statement contexts: generator-based context managers, exit stacks
and a few small managers (closing, suppress, redirect_stdout, chdir, ...)."""

import os
import sys
from abc import ABC, abstractmethod
from collections.abc import _check_methods
from functools import wraps
from types import GenericAlias, MethodType

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


# -- the abstract base classes --------------------------------------------------------------

class AbstractContextManager(ABC):
    """The ABC of objects usable in a with statement (__enter__ and __exit__)."""

    __class_getitem__ = classmethod(GenericAlias)

    def __enter__(self):
        """Entering gives the manager itself unless a subclass says otherwise."""
        return self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Leaves the context; a true result suppresses the block's exception."""
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _check_methods(other, "__enter__", "__exit__")


class AbstractAsyncContextManager(ABC):
    """The ABC of objects usable in an async with statement (__aenter__, __aexit__)."""

    __class_getitem__ = classmethod(GenericAlias)

    async def __aenter__(self):
        """Entering gives the manager itself unless a subclass says otherwise."""
        return self

    @abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Leaves the context; a true result suppresses the block's exception."""
        return None

    @classmethod
    def __subclasshook__(cls, other):
        if cls is not AbstractAsyncContextManager:
            return NotImplemented
        return _check_methods(other, "__aenter__", "__aexit__")


class ContextDecorator(object):
    """Mixin for context managers that also decorate functions: each call of the
    decorated function runs inside the context."""

    def _recreate_cm(self):
        """The manager to use for one call of the decorated function (self; one-shot
        managers return a fresh copy)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def managed_call(*args, **kwargs):
            with self._recreate_cm():
                return func(*args, **kwargs)
        return managed_call


class AsyncContextDecorator(object):
    """ContextDecorator for async context managers and coroutine functions."""

    def _recreate_cm(self):
        """The manager to use for one call of the decorated coroutine function."""
        return self

    def __call__(self, func):
        @wraps(func)
        async def managed_call(*args, **kwargs):
            async with self._recreate_cm():
                return await func(*args, **kwargs)
        return managed_call


# -- @contextmanager and @asynccontextmanager -----------------------------------------------

def _verdict_after_throw(raised, thrown, traceback, finished, converted):
    """Reads what came out of throwing `thrown` into the generator: True when the generator
    finished (the exception was handled), False when `thrown` itself came back (not
    handled; its traceback is restored), None when the generator raised something new.
    `finished` is the exception ending the generator; `converted` the types the generator
    turns into RuntimeError (PEP 479), which also count as `thrown` coming back."""
    if raised is thrown:
        raised.__traceback__ = traceback
        return False
    if isinstance(raised, finished):
        return True
    if (isinstance(raised, RuntimeError) and isinstance(thrown, converted)
            and raised.__cause__ is thrown):
        thrown.__traceback__ = traceback
        return False
    return None


class _GeneratorContextManagerBase:
    """What the generator-based managers share: the generator, and the function and
    arguments that made it (kept until entry, to make a fresh manager per decorated call)."""

    def __init__(self, func, args, kwds):
        self.func = func
        self.args = args
        self.kwds = kwds
        self.gen = func(*args, **kwds)
        # help() on the manager shows the generator function's documentation.
        own_doc = getattr(func, "__doc__", None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        # A generator runs once: every decorated call needs a manager of its own.
        return type(self)(self.func, self.args, self.kwds)

    def _entered(self):
        # An entered manager is never recreated; dropping the recipe frees its arguments.
        for name in ('args', 'kwds', 'func'):
            delattr(self, name)


class _GeneratorContextManager(_GeneratorContextManagerBase,
                               AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._entered()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        # An instance is needed to recognise the exception if it comes back.
        thrown = exc_type() if exc_value is None else exc_value
        try:
            self.gen.throw(thrown)
        except BaseException as raised:
            verdict = _verdict_after_throw(raised, thrown, traceback, StopIteration,
                                           StopIteration)
            if verdict is None:
                raise
            return verdict
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase,
                                    AbstractAsyncContextManager, AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._entered()
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        thrown = exc_type() if exc_value is None else exc_value
        try:
            await self.gen.athrow(thrown)
        except BaseException as raised:
            verdict = _verdict_after_throw(raised, thrown, traceback, StopAsyncIteration,
                                           (StopIteration, StopAsyncIteration))
            if verdict is None:
                raise
            return verdict
        raise RuntimeError("generator didn't stop after athrow()")


def _manager_factory(func, manager_class):
    @wraps(func)
    def make_manager(*args, **kwargs):
        return manager_class(func, args, kwargs)
    return make_manager


def contextmanager(func):
    """Decorator turning a generator function into a factory of context managers. The
    code before its single yield runs on entry, the yielded value is what `as` binds,
    an exception of the with block is raised at the yield, and the code after it runs
    on exit."""
    return _manager_factory(func, _GeneratorContextManager)


def asynccontextmanager(func):
    """@asynccontextmanager decorator: contextmanager for async generator functions,
    giving async context managers (async with)."""
    return _manager_factory(func, _AsyncGeneratorContextManager)


# -- small managers -------------------------------------------------------------------------

class closing(AbstractContextManager):
    """Calls thing.close() when the with block ends, however it ends; entering gives
    thing."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, exc_type, exc_value, traceback):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Awaits thing.aclose() when the async with block ends (for async generators and
    other resources closed asynchronously); entering gives thing."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, exc_type, exc_value, traceback):
        await self.thing.aclose()


class _SysStreamSwap(AbstractContextManager):
    """Puts new_target in place of the sys attribute named _attribute while active."""

    _attribute = None

    def __init__(self, new_target):
        self._replacement = new_target
        # What was there before, last on top: one instance may be entered again while active.
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(sys, self._attribute))
        setattr(sys, self._attribute, self._replacement)
        return self._replacement

    def __exit__(self, exc_type, exc_value, traceback):
        setattr(sys, self._attribute, self._saved.pop())


class redirect_stdout(_SysStreamSwap):
    """Makes sys.stdout the given file object while the with block runs."""

    _attribute = "stdout"


class redirect_stderr(_SysStreamSwap):
    """Makes sys.stderr the given file object while the with block runs."""

    _attribute = "stderr"


class suppress(AbstractContextManager):
    """Silences the given exception types: one raised in the with block ends the block,
    and execution goes on after the with statement."""

    def __init__(self, *exceptions):
        self._suppressed_types = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        return exc_type is not None and issubclass(exc_type, self._suppressed_types)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager (sync and async) with no effect, for when one is optional;
    entering it gives enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, exc_type, exc_value, traceback):
        return None

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class chdir(AbstractContextManager):
    """Makes path the current directory while the with block runs (the process-wide
    setting: not safe with threads)."""

    def __init__(self, path):
        self.path = path
        self._return_to = []  # a stack: the same instance may be re-entered

    def __enter__(self):
        self._return_to.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, exc_type, exc_value, traceback):
        os.chdir(self._return_to.pop())


# -- exit stacks ----------------------------------------------------------------------------

def _protocol_error(cm, what):
    cls = type(cm)
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support "
                     f"the {what} protocol")


def _link_context(error, previous, outer):
    """Makes the __context__ chain of error (raised by an exit callback) lead to previous,
    the exception the callback was given, in place of outer, the exception being handled
    around the stack: the chain nested with statements would have produced."""
    seen = set()
    link = error
    while id(link) not in seen:
        seen.add(id(link))
        context = link.__context__
        if context is None or context is previous:
            return
        if context is outer:
            break
        link = context
    link.__context__ = previous


def _raise_keeping_context(error):
    # Raising sets __context__ to the exception being handled; keep the chain built above.
    context = error.__context__
    try:
        raise error
    except BaseException:
        error.__context__ = context
        raise


class _Unwinding:
    """The state of an exit stack while its callbacks run, last registered first: the
    exception details the next callback gets, whether one suppressed the exception, and
    whether one raised (its exception then propagates unless a later one suppresses it)."""

    def __init__(self, exc_details):
        self.received = exc_details[0] is not None
        self.details = exc_details
        self.outer = sys.exc_info()[1]
        self.suppressed = False
        self.failed = False

    def returned(self, result):
        if result:
            self.suppressed = True
            self.failed = False
            self.details = (None, None, None)

    def raised(self, error):
        _link_context(error, self.details[1], self.outer)
        self.failed = True
        self.details = (type(error), error, error.__traceback__)

    def finish(self):
        if self.failed:
            _raise_keeping_context(self.details[1])
        return self.received and self.suppressed


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the callbacks, as (is_sync, callback)
    pairs taking the (exc_type, exc, traceback) triple."""

    def __init__(self):
        self._callbacks = []

    def pop_all(self):
        """Moves every registered callback to a new stack, returned; this one is left
        empty."""
        taker = type(self)()
        taker._callbacks, self._callbacks = self._callbacks, []
        return taker

    def push(self, exit):
        """Registers a callback with the signature of __exit__ (it may suppress the
        exception by returning true), or the __exit__ of an object that has one.
        Returns exit, so push can be used as a decorator."""
        exit_method = getattr(type(exit), '__exit__', None)
        self._add(exit if exit_method is None else MethodType(exit_method, exit))
        return exit

    def enter_context(self, cm):
        """Enters the context manager cm and registers its __exit__; returns what its
        __enter__ returned."""
        cls = type(cm)
        try:
            enter, exit = cls.__enter__, cls.__exit__
        except AttributeError:
            raise _protocol_error(cm, "context manager") from None
        result = enter(cm)
        self._add(MethodType(exit, cm))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers callback(*args, **kwds), which cannot suppress exceptions. Returns
        callback, so this can be used as a decorator."""
        def call_ignoring_exception(exc_type, exc, tb):
            callback(*args, **kwds)
        call_ignoring_exception.__wrapped__ = callback
        self._add(call_ignoring_exception)
        return callback

    def _add(self, callback, is_sync=True):
        self._callbacks.append((is_sync, callback))


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding any number of exit callbacks and entered context
    managers, decided at run time. When the with statement ends they are exited, the
    last registered first, exactly as nested with statements would be."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        state = _Unwinding(exc_details)
        while self._callbacks:
            is_sync, callback = self._callbacks.pop()
            try:
                state.returned(callback(*state.details))
            except BaseException as error:
                state.raised(error)
        return state.finish()

    def close(self):
        """Runs and forgets every registered callback now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for async with: it also takes async context managers and coroutine
    functions as callbacks."""

    async def enter_async_context(self, cm):
        """Enters the async context manager cm and registers its __aexit__; returns what
        its __aenter__ returned."""
        cls = type(cm)
        try:
            enter, exit = cls.__aenter__, cls.__aexit__
        except AttributeError:
            raise _protocol_error(cm, "asynchronous context manager") from None
        result = await enter(cm)
        self._add(MethodType(exit, cm), False)
        return result

    def push_async_exit(self, exit):
        """push() for a coroutine function with the signature of __aexit__, or for the
        __aexit__ of an object that has one."""
        exit_method = getattr(type(exit), '__aexit__', None)
        self._add(exit if exit_method is None else MethodType(exit_method, exit), False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers the coroutine function call callback(*args, **kwds), which cannot
        suppress exceptions."""
        async def call_ignoring_exception(exc_type, exc, tb):
            await callback(*args, **kwds)
        call_ignoring_exception.__wrapped__ = callback
        self._add(call_ignoring_exception, False)
        return callback

    async def aclose(self):
        """Runs and forgets every registered callback now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        state = _Unwinding(exc_details)
        while self._callbacks:
            is_sync, callback = self._callbacks.pop()
            try:
                result = callback(*state.details)
                if not is_sync:
                    result = await result
                state.returned(result)
            except BaseException as error:
                state.raised(error)
        return state.finish()
