"""Helpers these asyncio tests share."""
import asyncio
import re


def r(obj):
    """repr(obj) without memory addresses."""
    return re.sub(r' at 0x[0-9a-fA-F]+', '', repr(obj))


async def spin(n=5):
    """Lets other tasks run for n loop iterations."""
    for _ in range(n):
        await asyncio.sleep(0)
