"""Runs every examples/NN_*.py under the given interpreter and checks its final "conclusion:"
line: the structural result each example demonstrates, never its timings.

Usage: python3 tests/examples/check_examples.py path/to/minipy [--jobs N]
(also works with python3 as the interpreter, to check the examples under CPython)."""
import argparse
import concurrent.futures
import pathlib
import re
import shutil
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"

# What each example must conclude (a regular expression matched against its conclusion line).
EXPECTED = {
    "01_io_vs_cpu_bound.py": r"the I/O-bound job mostly waited and threads sped it up; "
                             r"the CPU-bound job.s threads never computed on more than one core",
    "02_sync_vs_async.py": r"asyncio overlapped the three waits; same answers, less time",
    "03_concurrency_vs_parallelism.py": r"threads used at most one core; processes "
                                        r"(ran in parallel on two cores|could run in parallel)",
    "04_preemptive_vs_cooperative.py": r"the switch interval sets how often threads are "
                                       r"preempted; coroutines switch only at await.*"
                                       r"\(asyncio debug mode logged it\)",
    "05_processes_threads_coroutines.py": r"a process costs more than a thread, a thread more "
                                          r"than a coroutine, in start-up time and in memory",
    "06_gil_counter.py": r"without a lock updates were lost despite the GIL; with a lock none",
    "07_nonblocking_sockets.py": r"non-blocking calls raise instead of waiting, and epoll tells",
    "08_event_loop_from_scratch.py": r"loop and asyncio interleaved the tasks in the same order",
    "09_event_loop_timeline.py": r"the I/O waits overlapped; the CPU phases ran one at a time",
    "10_echo_server_1000_clients.py": r"one thread served \d+ simultaneous connections",
}
TIMEOUT = 100


def check(interpreter, name):
    """Returns None when the example ran and concluded as expected, else what went wrong."""
    try:
        run = subprocess.run([interpreter, name], cwd=EXAMPLES, capture_output=True,
                             text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT} s"
    conclusions = [line for line in run.stdout.splitlines() if line.startswith("conclusion:")]
    if run.returncode != 0:
        return f"exit status {run.returncode}:\n{run.stderr[-2000:]}"
    if not conclusions:
        return f"no conclusion line in:\n{run.stdout[-2000:]}"
    if not re.search(EXPECTED[name], conclusions[-1]):
        return f"wrong conclusion: {conclusions[-1]}\nfull output:\n{run.stdout[-3000:]}"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("interpreter")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    # The examples run in examples/, so a relative path must be resolved first.
    interpreter = args.interpreter
    if "/" in interpreter:
        interpreter = str(pathlib.Path(interpreter).resolve())
    elif shutil.which(interpreter) is None:
        parser.error(f"no interpreter {interpreter!r} on PATH")
    found = sorted(p.name for p in EXAMPLES.glob("[0-9][0-9]_*.py"))
    unknown = set(found) ^ set(EXPECTED)
    if unknown:
        print(f"examples and expectations differ: {sorted(unknown)}")
        return 1
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        outcomes = pool.map(lambda name: (name, check(interpreter, name)), found)
        for name, problem in outcomes:
            print(f"{'ok  ' if problem is None else 'FAIL'} {name}")
            if problem is not None:
                failures += 1
                print("    " + problem.replace("\n", "\n    "))
    print(f"{len(found) - failures}/{len(found)} examples concluded as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
