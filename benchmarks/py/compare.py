#!/usr/bin/env python3
"""Runs a benchmark suite under several Pythons and compares them.

    python3 benchmarks/py/compare.py --python python3 --python build/minipy \
        [--runs 5] [--suite DIR] [--size 1.0] [--filter NAME] [--metric wall|cpu] [--out DIR]

The suite is every *.py in DIR (default: benchmarks/py/suite; `--suite ../shared/bench` runs
the shared corpus) except run.py, compare.py and names starting with "_". Each script takes an
optional size multiplier as argv[1] and prints a checksum on stdout. Runs are interleaved
(bench1: A B, bench1: A B, ... so that load changes hit every interpreter alike), stdout is
compared with the first interpreter's, and the table shows median seconds, the ratio to the
first interpreter and the geometric mean of the ratios. With --out, writes results.md (the
table), results.json (every sample) and ratios.svg (a bar chart) there.

--python takes a command line, optionally prefixed with LABEL= to name it in the table.
"""

import argparse
import json
import math
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# gilviz's SVG helper; appended so that it never shadows the running Python's own library.
sys.path.append(os.path.join(REPO, "stdlib", "lib"))
from gilviz.svg import Svg, nice_step  # noqa: E402

LABEL_RE = re.compile(r"^([A-Za-z0-9_.+-]+)=(.+)$")
SKIP = {"run.py", "compare.py"}


def parse_interp(spec):
    m = LABEL_RE.match(spec)
    if m and not os.path.exists(spec):
        label, cmd = m.group(1), m.group(2)
    else:
        label, cmd = None, spec
    argv = shlex.split(cmd)
    if not argv:
        raise SystemExit(f"compare.py: empty --python command: {spec!r}")
    if label is None:
        label = os.path.basename(argv[0])
    argv[0] = resolve_shim(argv[0])
    return {"label": label, "argv": argv}


def resolve_shim(exe):
    """An absolute path (scripts run in their own folder); pyenv shims cost a wrapper process
    (~0.3 s) per run, so the real interpreter behind one is timed instead."""
    path = os.path.abspath(exe) if os.sep in exe else next(
        (os.path.join(d, exe) for d in os.environ.get("PATH", "").split(os.pathsep)
         if os.access(os.path.join(d, exe), os.X_OK)), exe)
    if "shims" not in path:
        return path
    try:
        real = subprocess.run([path, "-c", "import sys; print(sys.executable)"], capture_output=True,
                              text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return path
    return real or path


def find_scripts(suite, name_filter):
    names = sorted(f for f in os.listdir(suite)
                   if f.endswith(".py") and f not in SKIP and not f.startswith("_"))
    if name_filter:
        names = [n for n in names if name_filter in n]
    return [os.path.join(suite, n) for n in names]


def run_once(interp, script, size, timeout):
    """(status, seconds wall, seconds cpu, stdout)."""
    argv = interp["argv"] + [script] + ([repr(size)] if size is not None else [])
    # getrusage has microsecond resolution (os.times counts 10 ms clock ticks).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=timeout, cwd=os.path.dirname(script))
    except subprocess.TimeoutExpired:
        return "TIMEOUT", None, None, b""
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        return "FAIL", wall, cpu, proc.stdout
    return "OK", wall, cpu, proc.stdout


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def bar_chart(path, title, benches, labels, ratios):
    """Horizontal bars: per benchmark, each non-reference interpreter's time ratio to the first
    (1.0 = as fast; shorter is faster)."""
    others = labels[1:]
    colours = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935"]
    rows = benches + ["geometric mean"]
    bar_h = 14
    row_h = bar_h * max(len(others), 1) + 8
    left, top, right = 150, 50, 90
    width = 820
    height = top + row_h * len(rows) + 50
    biggest = max([r for rs in ratios.values() for r in rs.values() if r] + [1.0])
    scale_max = biggest * 1.05
    plot_w = width - left - right
    svg = Svg(width, height)
    svg.text(10, 22, title, size=15, weight="bold")
    step = nice_step(scale_max, 6)
    tick = 0.0
    while tick <= scale_max:
        x = left + tick / scale_max * plot_w
        svg.line(x, top - 8, x, height - 45, stroke="#dddddd")
        svg.text(x, top - 12, f"{tick:g}x", size=10, anchor="middle", fill="#555555")
        tick += step
    one = left + 1.0 / scale_max * plot_w
    svg.line(one, top - 8, one, height - 45, stroke="#000000", width=1.2, dash="4 3")
    for i, bench in enumerate(rows):
        y = top + i * row_h
        svg.text(left - 6, y + row_h / 2 + 3, bench, size=11, anchor="end",
                 weight="bold" if bench == "geometric mean" else None)
        for k, label in enumerate(others):
            r = ratios[label].get(bench)
            by = y + 4 + k * bar_h
            if r is None:
                svg.text(left + 4, by + bar_h - 3, "no result", size=10, fill="#999999")
                continue
            w = r / scale_max * plot_w
            svg.rect(left, by, w, bar_h - 2, colours[k % len(colours)], title=f"{bench}, {label}: {r:.2f}x")
            svg.text(left + w + 4, by + bar_h - 3, f"{r:.2f}x", size=10)
    ly = height - 30
    lx = left
    for k, label in enumerate(others):
        text = f"{label} time / {labels[0]} time"
        svg.rect(lx, ly, 12, 12, colours[k % len(colours)])
        svg.text(lx + 16, ly + 10, text, size=11)
        lx += 40 + 7 * len(text)
    svg.save(path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", required=True, help="interpreter command, [LABEL=]CMD")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--suite", default=os.path.join(HERE, "suite"))
    ap.add_argument("--size", type=float, default=None, help="size multiplier passed to every script")
    ap.add_argument("--filter", default=None, help="only scripts whose name contains this")
    ap.add_argument("--metric", choices=("wall", "cpu"), default="wall")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--out", default=None, help="directory for results.md, results.json, ratios.svg")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    interps = [parse_interp(s) for s in args.python]
    labels = [i["label"] for i in interps]
    if len(set(labels)) != len(labels):
        ap.error("two --python entries have the same label; name them with LABEL=CMD")
    suite = os.path.abspath(args.suite)
    if not os.path.isdir(suite):
        ap.error(f"--suite {args.suite}: not a directory")
    scripts = find_scripts(suite, args.filter)
    if not scripts:
        ap.error(f"no benchmark scripts in {suite}")

    samples = {}   # (bench, label) -> [seconds]
    status = {}    # (bench, label) -> worst status seen
    reference = {}  # bench -> stdout of the first interpreter that succeeded
    metric_index = 1 if args.metric == "wall" else 2
    for r in range(args.runs):
        for script in scripts:
            bench = os.path.basename(script)[:-3]
            for interp in interps:
                key = (bench, interp["label"])
                result = run_once(interp, script, args.size, args.timeout)
                st, out = result[0], result[3]
                if st == "OK":
                    if bench not in reference:
                        reference[bench] = out
                    elif out != reference[bench]:
                        st = "MISMATCH"
                if st == "OK":
                    samples.setdefault(key, []).append(result[metric_index])
                elif status.get(key, "OK") == "OK":
                    status[key] = st
                print(f"run {r + 1}/{args.runs} {bench:<16} {interp['label']:<12} {st}"
                      + (f" {result[metric_index]:.3f}s" if st == "OK" else ""), file=sys.stderr)

    benches = [os.path.basename(s)[:-3] for s in scripts]
    medians = {}
    for bench in benches:
        for label in labels:
            key = (bench, label)
            if status.get(key, "OK") == "OK" and samples.get(key):
                medians[key] = statistics.median(samples[key])
    ratios = {label: {} for label in labels}
    for label in labels[1:]:
        for bench in benches:
            a, b = medians.get((bench, labels[0])), medians.get((bench, label))
            if a and b:
                ratios[label][bench] = b / a
        gm = geomean(list(ratios[label].values()))
        if gm:
            ratios[label]["geometric mean"] = gm

    head = "| benchmark | " + " | ".join(f"{l} median s" for l in labels) + "".join(
        f" | {l} / {labels[0]}" for l in labels[1:]) + " |"
    lines = [head, "| --- |" + " ---: |" * (len(labels) * 2 - 1)]
    for bench in benches:
        cells = []
        for label in labels:
            m = medians.get((bench, label))
            cells.append(f"{m:.3f}" if m is not None else status.get((bench, label), "FAIL"))
        for label in labels[1:]:
            r = ratios[label].get(bench)
            cells.append(f"{r:.2f}x" if r is not None else "-")
        lines.append(f"| {bench} | " + " | ".join(cells) + " |")
    gm_cells = [""] * len(labels) + [
        f"**{ratios[l]['geometric mean']:.2f}x** ({len(ratios[l]) - 1})" if "geometric mean" in ratios[l] else "-"
        for l in labels[1:]]
    lines.append("| **geometric mean** | " + " | ".join(gm_cells) + " |")
    table = "\n".join(lines)
    note = (f"{args.metric} seconds, median of {args.runs} interleaved runs, suite "
            f"{os.path.relpath(suite, REPO) if suite.startswith(REPO) else suite}"
            + (f", size {args.size:g}" if args.size is not None else ""))
    print(note)
    print(table)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as f:
            f.write(note + "\n\n" + table + "\n")
        with open(os.path.join(args.out, "results.json"), "w", encoding="utf-8") as f:
            json.dump({"metric": args.metric, "runs": args.runs, "suite": suite, "size": args.size,
                       "interpreters": [{"label": i["label"], "argv": i["argv"]} for i in interps],
                       "samples": {f"{b}/{l}": v for (b, l), v in samples.items()},
                       "status": {f"{b}/{l}": v for (b, l), v in status.items()},
                       "medians": {f"{b}/{l}": v for (b, l), v in medians.items()}}, f, indent=1)
        if len(labels) > 1:
            bar_chart(os.path.join(args.out, "ratios.svg"), f"Time relative to {labels[0]} ({args.metric}, "
                      f"median of {args.runs})", benches, labels, ratios)
    failed = any(st != "OK" for st in status.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
