"""What every demonstration shares: the command line, the table, the JSON line for
run_demos.py and the SVG bar chart."""
import argparse
import json
import os
import sys

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results", "demos")


def interpreter_name():
    return "minipy" if sys.implementation.name == "minipy" else f"python{sys.version[:4]}"


def main(name, title, columns, measure):
    """measure(args) returns rows: [(label, {column: value})]; the first column is charted."""
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    parser.add_argument("--json", action="store_true", help="print one JSON line (run_demos.py)")
    parser.add_argument("--svg", help="where to write the bar chart "
                        "(default benchmarks/results/demos/NAME-INTERPRETER.svg)")
    args = parser.parse_args()
    rows = measure(args)
    if args.json:
        print(json.dumps({"demo": name, "title": title, "columns": columns,
                          "interpreter": interpreter_name(), "rows": rows}))
        return
    print(f"{title} ({interpreter_name()}, best of {args.runs})")
    print_table(["configuration"] + columns, [[label] + [values[c] for c in columns]
                                              for label, values in rows])
    from _svg import bar_chart
    path = args.svg or os.path.join(RESULTS, f"{name}-{interpreter_name()}.svg")
    bar_chart(path, f"{title} ({interpreter_name()})", [label for label, _ in rows],
              {interpreter_name(): [values[columns[0]] for _, values in rows]}, columns[0])
    print(f"chart: {os.path.relpath(path)}")


def table_lines(header, rows):
    """A Markdown table (pastes straight into benchmarks/README.md); floats to 3 decimals."""
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    return (["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
            + ["| " + " | ".join(row) + " |" for row in cells])


def print_table(header, rows):
    print("\n".join(table_lines(header, rows)))


def best_of(runs, configs):
    """{label: the fastest of `runs` runs} for [(label, fn)], where fn returns a wall time or a
    tuple starting with one: load can only slow a run down. Rounds run every configuration
    once, so that the host's speed drifting over the demo (up to 20% within a minute on a
    shared VM) does not favour the configurations that happen to run first."""
    results = {label: [] for label, _ in configs}
    for _ in range(runs):
        for label, fn in configs:
            results[label].append(fn())
    return {label: min(values) for label, values in results.items()}
