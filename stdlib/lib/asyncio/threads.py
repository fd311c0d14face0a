"""asyncio.to_thread."""

import functools

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in the loop's default executor and await the result."""
    loop = events.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))
