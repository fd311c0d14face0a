"""Grouped bar charts for the demonstrations, drawn with gilviz's small SVG writer
(stdlib/lib/gilviz/svg.py), imported from the source tree so python3 can use it too."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "stdlib", "lib"))
from gilviz.svg import Svg, nice_step  # noqa: E402  (needs the path above)

COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"]


def bar_chart(path, title, groups, series, unit):
    """groups: the x-axis labels; series: {name: [one value per group]}; unit: y-axis label."""
    width, height, left, top, bottom = 120 + 110 * len(groups), 360, 70, 50, 70
    plot_w, plot_h = width - left - 20, height - top - bottom
    peak = max((v for values in series.values() for v in values), default=0)
    step = nice_step(peak or 1, 4)
    axis_top = step * (int(peak / step) + 1)
    svg = Svg(width, height)
    svg.text(width / 2, 22, title, size=15, anchor="middle")
    svg.text(8, top - 12, unit, size=11)
    tick = 0.0
    while tick <= axis_top + step / 2:                  # horizontal grid with values
        y = top + plot_h - plot_h * tick / axis_top
        svg.line(left, y, left + plot_w, y, stroke="#dddddd")
        svg.text(left - 6, y + 4, f"{tick:.4g}", size=11, anchor="end")
        tick += step
    slot = plot_w / len(groups)
    bar = slot * 0.8 / max(1, len(series))
    for g, label in enumerate(groups):
        x0 = left + g * slot + slot * 0.1
        for s, (name, values) in enumerate(series.items()):
            h = plot_h * values[g] / axis_top
            x = x0 + s * bar
            svg.rect(x, top + plot_h - h, bar - 2, h, COLOURS[s % len(COLOURS)],
                     title=f"{name}: {values[g]:.4g} {unit}")
            svg.text(x + bar / 2 - 1, top + plot_h - h - 3, f"{values[g]:.3g}", size=10,
                     anchor="middle")
        svg.text(left + g * slot + slot / 2, top + plot_h + 16, label, anchor="middle")
    for s, name in enumerate(series):                   # legend under the axis labels
        x = left + s * 200
        svg.rect(x, height - 28, 12, 12, COLOURS[s % len(COLOURS)])
        svg.text(x + 17, height - 18, name)
    svg.save(path)
