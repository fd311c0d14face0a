"""The awaitable the builtin anext(iterator, default) returns."""


async def anext_or_default(awaitable, default):
    """Awaits iterator.__anext__()'s awaitable; the default when the iterator is exhausted."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
