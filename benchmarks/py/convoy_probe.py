"""gil_convoy.py with one more figure: the CPU-bound threads' rate over the whole time they ran.

    minipy benchmarks/py/convoy_probe.py PATH/TO/gil_convoy.py [SECONDS_PER_CASE]

gil_convoy.py divides the iterations its CPU-bound threads did since they started by the time
since the end of its 20 warm-up round trips. Under a GIL where each round trip waits about an
interval (CPython's, `-X gil=fair`) the warm-up takes about 0.2 s, which the threads spend
spinning, so its hog_Miter_s for that policy counts 1.2 s of work per measured second. This
runs the script's own cases and loop unchanged and adds hog_run_Miter_s: the same iterations
divided by the time from the first CPU-bound thread's start to the last one's end.
"""

import sys
import time
import types


def main():
    script = sys.argv[1]
    convoy = types.ModuleType("gil_convoy")
    convoy.__file__ = script
    with open(script) as f:
        exec(compile(f.read(), script, "exec"), convoy.__dict__)

    spans = []
    script_hog = convoy.hog

    def timed_hog(flag, counts, k):
        start = time.perf_counter()
        script_hog(flag, counts, k)
        spans.append((start, time.perf_counter(), counts[k]))

    convoy.hog = timed_hog
    script_format = convoy.format_case

    def format_case(prefix, nhogs, r):
        line = script_format(prefix, nhogs, r)
        rate = 0.0
        if spans:
            rate = sum(n for _, _, n in spans) / (max(e for _, e, _ in spans) - min(s for s, _, _ in spans)) / 1e6
        spans.clear()
        return line + "  hog_run_Miter_s=%.2f" % rate

    convoy.format_case = format_case
    sys.argv = [script] + sys.argv[2:]
    convoy.main()


if __name__ == "__main__":
    main()
