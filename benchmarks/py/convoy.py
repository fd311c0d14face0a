#!/usr/bin/env python3
"""Runs gil_convoy.py (the GIL convoy-effect probe) under several interpreters, interleaved,
and prints the median of each figure per interpreter and number of CPU-bound threads.

    python3 benchmarks/py/convoy.py --python python3 --python build/minipy \
        --python fair="build/minipy -X gil=fair" [--runs 3] [--seconds 1.0] \
        [--script ../shared/bench/concurrency/gil_convoy.py]

The markdown table shows, per case, p50/p99 round-trip latency (µs), round trips per second,
the CPU-bound threads' loop rate (M iterations/s) both as the script reports it and over the
whole time they ran (convoy_probe.py explains the difference: the script's figure leaves its
warm-up out of the time but not out of the iterations), and each interpreter's p99 as a
fraction of the first interpreter's.
"""

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCRIPT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "..", "shared", "bench",
                              "concurrency", "gil_convoy.py")
sys.path.insert(0, HERE)
from compare import parse_interp  # noqa: E402

LINE = re.compile(r"hogs=(\d+)\s+round_trips=(\d+)\s+rt_per_s=([\d.]+)\s+mean_us=([\d.]+)\s+p50_us=([\d.]+)"
                  r"\s+p90_us=([\d.]+)\s+p99_us=([\d.]+)\s+max_us=([\d.]+)\s+slow_pct=([\d.]+)\s+hog_Miter_s=([\d.]+)"
                  r"\s+hog_run_Miter_s=([\d.]+)")
PROBE = os.path.join(HERE, "convoy_probe.py")


def run(interp, script, seconds, timeout):
    proc = subprocess.run(interp["argv"] + [PROBE, script, repr(seconds)], capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        raise SystemExit(f"convoy.py: {interp['label']} failed:\n{proc.stderr}")
    cases = {}
    for m in LINE.finditer(proc.stdout):
        cases[int(m.group(1))] = {"rt_per_s": float(m.group(3)), "p50": float(m.group(5)),
                                  "p99": float(m.group(7)), "hog": float(m.group(10)), "hog_run": float(m.group(11))}
    return cases


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", action="append", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--script", default=DEFAULT_SCRIPT)
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not os.path.isfile(args.script):
        ap.error(f"--script {args.script}: no such file")
    interps = [parse_interp(s) for s in args.python]
    samples = {}
    for r in range(args.runs):
        for interp in interps:
            for hogs, figures in run(interp, os.path.abspath(args.script), args.seconds, 60 + 10 * args.seconds).items():
                for k, v in figures.items():
                    samples.setdefault((interp["label"], hogs, k), []).append(v)
            print(f"run {r + 1}/{args.runs} {interp['label']} done", file=sys.stderr)
    med = {k: statistics.median(v) for k, v in samples.items()}
    first = interps[0]["label"]
    print(f"median of {args.runs} interleaved runs, {args.seconds:g} s per case")
    print("| interpreter | CPU threads | p50 µs | p99 µs | round trips/s | CPU threads M iter/s (script) | "
          f"(whole run) | p99 / {first} p99 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for hogs in (0, 1, 2):
        for interp in interps:
            label = interp["label"]
            if (label, hogs, "p99") not in med:
                continue
            base = med.get((first, hogs, "p99"))
            frac = f"{med[(label, hogs, 'p99')] / base:.2f}" if base else "-"
            print(f"| {label} | {hogs} | {med[(label, hogs, 'p50')]:.0f} | {med[(label, hogs, 'p99')]:.0f} | "
                  f"{med[(label, hogs, 'rt_per_s')]:.0f} | {med[(label, hogs, 'hog')]:.2f} | "
                  f"{med[(label, hogs, 'hog_run')]:.2f} | {frac} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
