"""gilviz: renders a minipy timeline trace (-X trace=FILE, gil.trace_start) as an SVG picture.

    minipy -m gilviz trace.json -o timeline.svg
    python3 stdlib/lib/gilviz/__main__.py trace.json -o timeline.svg    (any Python 3)

One lane per thread: a band coloured by GIL state (running Python, waiting for the GIL,
blocked in I/O or sleep with the GIL released) and, when the thread ran an asyncio loop, a
band of task steps labelled with the task names. See docs/instrumentation.md.
"""

from .render import load_trace, render_svg, main

__all__ = ["load_trace", "render_svg", "main"]
