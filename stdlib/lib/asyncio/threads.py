"""asyncio.to_thread."""

import functools
import sys

from . import events

__all__ = ('to_thread',)


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in the loop's default executor and await the result."""
    loop = events.get_running_loop()
    # The function sees the caller's context variables (when contextvars is in use at all).
    contextvars = sys.modules.get('contextvars')
    if contextvars is not None:
        func_call = functools.partial(contextvars.copy_context().run, func, *args, **kwargs)
    else:
        func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
