"""Trace loading and the SVG timeline (see the package docstring)."""

import argparse
import json
import os
import sys

from .svg import Svg, nice_step

RUNNING = "running Python (holds GIL)"
WAITING = "waiting for GIL"
BLOCKED = "blocked in I/O / sleep (GIL released)"

# (legend label, colour, word for the per-thread summary) per GIL state, in legend order.
STATES = {
    RUNNING: ("running", "#43a047", "run"),
    WAITING: ("waiting for GIL", "#e53935", "wait"),
    BLOCKED: ("blocked / I/O", "#90caf9", "I/O"),
}
STEP_COLOURS = ("#8e24aa", "#5e35b1", "#3949ab", "#00897b", "#6d4c41", "#d81b60")

LEFT = 210
RIGHT = 20
TOP = 58
STATE_H = 20
STEP_H = 16
LANE_GAP = 12
LEGEND_H = 40


class Thread:
    def __init__(self, key, name):
        self.key = key
        self.name = name
        self.spans = []  # (start_us, dur_us, state name)
        self.steps = []  # (start_us, dur_us, task name)


class Trace:
    def __init__(self, threads, duration_us, dropped):
        self.threads = threads
        self.duration_us = duration_us
        self.dropped = dropped


def _number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"event field {what!r} is not a number: {value!r}")
    return float(value)


def load_trace(path):
    """Reads a Chrome-trace JSON file (object with "traceEvents", or a bare event array)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    other = {}
    if isinstance(data, dict):
        events = data.get("traceEvents")
        other = data.get("otherData") or {}
    else:
        events = data
    if not isinstance(events, list):
        raise ValueError("not a trace: no traceEvents array")
    threads = {}
    order = []

    def thread(ev):
        key = (ev.get("pid", 0), ev.get("tid", 0))
        if key not in threads:
            threads[key] = Thread(key, f"thread {key[1]}")
            order.append(key)
        return threads[key]

    end = 0.0
    for ev in events:
        if not isinstance(ev, dict):
            raise ValueError(f"not a trace event: {ev!r}")
        ph = ev.get("ph")
        if ph == "M" and ev.get("name") == "thread_name":
            name = (ev.get("args") or {}).get("name")
            if isinstance(name, str):
                thread(ev).name = name
        elif ph == "X":
            start = _number(ev.get("ts", 0), "ts")
            dur = _number(ev.get("dur", 0), "dur")
            name = str(ev.get("name", ""))
            t = thread(ev)
            if name in STATES:
                t.spans.append((start, dur, name))
            else:
                t.steps.append((start, dur, name))
            end = max(end, start + dur)
    duration = other.get("duration_us")
    if not isinstance(duration, (int, float)) or isinstance(duration, bool):
        duration = end
    dropped = other.get("dropped_events", 0)
    result = []
    for key in order:
        t = threads[key]
        if t.spans or t.steps:
            t.spans.sort()
            t.steps.sort()
            result.append(t)
    return Trace(result, max(float(duration), end), dropped)


def _format_time(us, step):
    """An axis label: `us` in the unit that suits a tick step of `step` microseconds."""
    if step >= 1e6:
        return f"{us / 1e6:g} s"
    if step >= 1e3:
        return f"{us / 1e3:g} ms"
    return f"{us:g} µs"


def _format_duration(us):
    if us >= 1e6:
        return f"{us / 1e6:.3f} s"
    if us >= 1e3:
        return f"{us / 1e3:.3f} ms"
    return f"{us:.1f} µs"


def _runs(items, total, bins):
    """Reduces spans to at most `bins` pixel columns: each column shows the name that covers most
    of it, and neighbouring columns with the same name merge into one run. A trace with many
    thousands of hand-offs per pixel thus still gives a small file; wide spans stay exact to
    the pixel. Returns (first column, end column, name, microseconds of that name in the run)."""
    columns = [None] * bins
    scale = bins / total
    for start, dur, name in items:
        a = start * scale
        b = max((start + dur) * scale, a + 1e-9)
        i = int(a)
        while i < bins and i < b:
            part = min(b, i + 1) - max(a, i)
            if part > 0:
                if columns[i] is None:
                    columns[i] = {}
                columns[i][name] = columns[i].get(name, 0.0) + part / scale
            i += 1
    runs = []
    for i, col in enumerate(columns):
        if not col:
            continue
        name = max(col, key=lambda n: (col[n], n))
        last = runs[-1] if runs else None
        if last and last[1] == i and last[2] == name:
            last[1] = i + 1
            last[3] += col[name]
        else:
            runs.append([i, i + 1, name, col[name]])
    return runs


def _summary(t, total):
    totals = {}
    for _, dur, name in t.spans:
        totals[name] = totals.get(name, 0.0) + dur
    if total <= 0:
        return ""
    parts = []
    for name, (_, _, word) in STATES.items():
        if totals.get(name):
            parts.append(f"{word} {100 * totals[name] / total:.0f}%")
    return ", ".join(parts)


def render_svg(trace, width=1200, title=None):
    """The timeline of `trace` (a Trace) as an Svg."""
    plot_w = width - LEFT - RIGHT  # one column per pixel
    lanes = []
    y = TOP
    for t in trace.threads:
        h = STATE_H + (STEP_H + 2 if t.steps else 0)
        lanes.append((t, y, h))
        y += h + LANE_GAP
    height = y + LEGEND_H
    svg = Svg(width, height)
    total = trace.duration_us if trace.duration_us > 0 else 1.0

    def x_of(us):
        return LEFT + us / total * plot_w

    heading = title or "GIL timeline"
    info = f"{_format_duration(trace.duration_us)}, {len(trace.threads)} threads"
    if trace.dropped:
        info += f", {trace.dropped} events dropped (buffer full)"
    svg.text(10, 20, f"{heading} ({info})", size=15, weight="bold")

    step = nice_step(total, 10)
    tick = 0.0
    while tick <= total + step * 1e-9:
        x = x_of(tick)
        svg.line(x, TOP - 10, x, height - LEGEND_H, stroke="#dddddd", width=1)
        svg.text(x, TOP - 14, _format_time(tick, step), size=10, anchor="middle", fill="#555555")
        tick += step

    step_colours = {}

    def step_colour(name):
        if name not in step_colours:
            step_colours[name] = STEP_COLOURS[len(step_colours) % len(STEP_COLOURS)]
        return step_colours[name]

    for t, ly, h in lanes:
        svg.text(10, ly + 13, t.name, size=12, weight="bold")
        svg.text(10, ly + 26, _summary(t, total), size=9, fill="#555555")
        svg.rect(LEFT, ly, plot_w, STATE_H, "#f5f5f5")
        for c0, c1, name, dur in _runs(t.spans, total, plot_w):
            svg.rect(LEFT + c0, ly, c1 - c0, STATE_H, STATES[name][1], title=f"{name}: {dur / 1e3:.3f} ms")
        if t.steps:
            sy = ly + STATE_H + 2
            for c0, c1, name, dur in _runs(t.steps, total, plot_w):
                x0 = LEFT + c0
                svg.rect(x0, sy, c1 - c0, STEP_H, step_colour(name), title=f"task step {name}: {dur / 1e3:.3f} ms")
                chars = int((c1 - c0 - 4) / 6)
                if chars >= 3:
                    label = name if len(name) <= chars else name[: chars - 1] + "…"
                    svg.text(x0 + 2, sy + 12, label, size=10, fill="#ffffff")

    ly = height - LEGEND_H + 14
    lx = LEFT
    legend = [(label, colour) for label, colour, _ in STATES.values()]
    legend.append(("asyncio task step", STEP_COLOURS[0]))
    for label, colour in legend:
        svg.rect(lx, ly, 14, 14, colour)
        svg.text(lx + 18, ly + 11, label, size=11)
        lx += 40 + 7 * len(label)
    return svg


def main(argv=None):
    parser = argparse.ArgumentParser(prog="gilviz", description="Render a minipy trace as an SVG timeline.")
    parser.add_argument("trace", help="trace file written by -X trace=FILE or gil.trace_stop()")
    parser.add_argument("-o", "--output", help="SVG file to write (default: the trace's name with .svg)")
    parser.add_argument("--width", type=int, default=1200, help="picture width in pixels (default 1200)")
    parser.add_argument("--title", help="heading (default: 'GIL timeline')")
    args = parser.parse_args(argv)
    if args.width < LEFT + RIGHT + 100:
        parser.error(f"--width must be at least {LEFT + RIGHT + 100}")
    try:
        trace = load_trace(args.trace)
    except (OSError, ValueError) as e:
        parser.error(f"cannot read {args.trace}: {e}")
    out = args.output or os.path.splitext(args.trace)[0] + ".svg"
    render_svg(trace, args.width, args.title).save(out)
    print(f"{out}: {len(trace.threads)} threads")
    return 0
