"""A tiny SVG writer shared by gilviz's timeline and benchmarks/py/compare.py's bar chart.

Only what those two pictures need: rectangles, lines, text, groups with tooltips. Everything
is written with explicit attributes (no CSS) so the file renders the same in browsers and in
image viewers.
"""

__all__ = ["Svg", "escape", "nice_step"]


def escape(text):
    """Text made safe for SVG character data and attribute values."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _num(x):
    # Two decimals are below a pixel's resolution and keep files small.
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def nice_step(span, target_ticks):
    """A round tick step (1, 2 or 5 times a power of ten) giving about target_ticks ticks."""
    if span <= 0 or target_ticks <= 0:
        return 1.0
    raw = span / target_ticks
    power = 1.0
    while power * 10 <= raw:
        power *= 10
    while power > raw:
        power /= 10
    for mult in (1, 2, 5, 10):
        if power * mult >= raw:
            return power * mult
    return power * 10


class Svg:
    def __init__(self, width, height, background="#ffffff"):
        self.width = width
        self.height = height
        self._parts = []
        if background:
            self.rect(0, 0, width, height, background)

    def rect(self, x, y, w, h, fill, title=None, stroke=None):
        extra = f' stroke="{escape(stroke)}" stroke-width="0.5"' if stroke else ""
        head = (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0))}" '
                f'height="{_num(max(h, 0))}" fill="{escape(fill)}"{extra}')
        if title is None:
            self._parts.append(head + "/>")
        else:
            self._parts.append(f"{head}><title>{escape(title)}</title></rect>")

    def line(self, x1, y1, x2, y2, stroke="#000000", width=1.0, dash=None):
        extra = f' stroke-dasharray="{escape(dash)}"' if dash else ""
        self._parts.append(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                           f'stroke="{escape(stroke)}" stroke-width="{_num(width)}"{extra}/>')

    def text(self, x, y, content, size=12, anchor="start", fill="#000000", weight=None, clip=None):
        extra = f' font-weight="{escape(weight)}"' if weight else ""
        if clip:
            extra += f' clip-path="url(#{escape(clip)})"'
        self._parts.append(f'<text x="{_num(x)}" y="{_num(y)}" font-family="sans-serif" '
                           f'font-size="{_num(size)}" text-anchor="{anchor}" fill="{escape(fill)}"'
                           f'{extra}>{escape(content)}</text>')

    def clip_rect(self, ident, x, y, w, h):
        """Defines a clip path (used to keep labels inside their span)."""
        self._parts.append(f'<clipPath id="{escape(ident)}"><rect x="{_num(x)}" y="{_num(y)}" '
                           f'width="{_num(max(w, 0))}" height="{_num(max(h, 0))}"/></clipPath>')

    def to_string(self):
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(self.width)}" '
                f'height="{_num(self.height)}" viewBox="0 0 {_num(self.width)} {_num(self.height)}">')
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n" + "\n".join(self._parts) + "\n</svg>\n"

    def save(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_string())
