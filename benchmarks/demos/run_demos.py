"""Runs the demonstrations under each interpreter and merges their tables side by side.

    python3 benchmarks/demos/run_demos.py --python python3 --python build/minipy [--runs 3]

Writes benchmarks/results/demos/NAME.svg (one bar per interpreter and configuration) and
benchmarks/results/demos/results.md (the merged tables, as in benchmarks/README.md)."""
import argparse
import json
import os
import pathlib
import subprocess
import sys

import _common
from _svg import bar_chart

HERE = pathlib.Path(__file__).resolve().parent
DEMOS = ["cpu_demo.py", "io_demo.py", "switch_demo.py"]


def run_demo(interpreter, demo, runs):
    out = subprocess.run([interpreter, demo, "--json", "--runs", str(runs)], cwd=HERE,
                         capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        sys.exit(f"{interpreter} {demo} failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", required=True, help="an interpreter")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--demo", action="append", choices=DEMOS, help="default: all")
    args = parser.parse_args()
    interpreters = [p if "/" not in p else str(pathlib.Path(p).resolve()) for p in args.python]
    report = [f"Command: `python3 benchmarks/demos/run_demos.py "
              f"{' '.join('--python ' + p for p in args.python)} --runs {args.runs}`", ""]
    for demo in args.demo or DEMOS:
        results = [run_demo(p, demo, args.runs) for p in interpreters]
        # Label each column by interpreter; the command given tells two minipy builds apart.
        plain = [r["interpreter"] for r in results]
        names = [n if plain.count(n) == 1 else f"{n} ({p})" for n, p in zip(plain, args.python)]
        values = [dict((label, row) for label, row in r["rows"]) for r in results]
        first = results[0]
        labels = [label for label, _ in first["rows"]]
        header = ["configuration"] + [f"{c} {n}" for c in first["columns"] for n in names]
        rows = [[label] + [v[label][c] for c in first["columns"] for v in values]
                for label in labels]
        print(f"\n### {first['title']}\n")
        _common.print_table(header, rows)
        report += [f"### {first['title']}", ""] + _common.table_lines(header, rows) + [""]
        svg = os.path.join(_common.RESULTS, f"{first['demo']}.svg")
        column = first["columns"][0]
        bar_chart(svg, first["title"], labels,
                  {n: [v[label][column] for label in labels] for n, v in zip(names, values)},
                  column)
        print(f"chart: {os.path.relpath(svg)}")
        report += [f"![{first['title']}]({first['demo']}.svg)", ""]
    with open(os.path.join(_common.RESULTS, "results.md"), "w") as f:
        f.write("\n".join(report))


if __name__ == "__main__":
    main()
