"""Helpers for help_pages.py.

A module with functions and data only."""

LIMIT = 10
GREETING = 'hello'
_private = 1
# Values the page shortens: long containers and texts, object addresses, backslashes.
TABLE = list(range(30))
WORDS = {i: str(i) * 3 for i in range(12)}
BANNER = '=' * 150
PATTERN = 'C:\\temp\\new'
SENTINEL = object()


def scale(value, factor=2, *, clamp=None):
    """Multiplies value by factor.

    With clamp, the result is at most clamp."""
    result = value * factor
    return result if clamp is None else min(result, clamp)


def bare(a, /, b, *rest, **options):
    pass


async def fetch(url):
    "Pretends to fetch url."
