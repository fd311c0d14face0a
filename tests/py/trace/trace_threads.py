# minipy-only (the gil module has no CPython counterpart): trace_threads.exp is written by
# hand and holds conclusions only, never timings.
#
# gil.trace_start/trace_stop around two CPU-bound threads, a sleeping thread and the main
# thread: the file is valid JSON in the Chrome-trace format, each thread has its own named
# track, spans have the three GIL state names and durations >= 0, one thread's spans never
# overlap, and no two threads ever hold the GIL at the same time. Then gilviz renders it.
import json
import os
import sys
import threading
import time

import gil
import gilviz
import _xmlcheck

RUNNING = "running Python (holds GIL)"
WAITING = "waiting for GIL"
BLOCKED = "blocked in I/O / sleep (GIL released)"
path = "trace_threads.out.json"


def spin(seconds):
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1


def nap():
    for _ in range(5):
        time.sleep(0.005)


sys.setswitchinterval(0.001)
gil.trace_start(path)
threads = [threading.Thread(target=spin, args=(0.1,), name="cpu-1"),
           threading.Thread(target=spin, args=(0.1,), name="cpu-2"),
           threading.Thread(target=nap, name="sleeper")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("stop returns the path:", gil.trace_stop() == path)

with open(path) as f:
    data = json.load(f)
events = data["traceEvents"]
print("keys:", sorted(data), sorted(data["otherData"]))
print("dropped:", data["otherData"]["dropped_events"])
names = {e["tid"]: e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "thread_name"}
print("threads:", sorted(names.values()))
spans = [e for e in events if e["ph"] == "X"]
print("phases:", sorted({e["ph"] for e in events}))
print("span names:", sorted({e["name"] for e in spans}))
print("fields:", all(set(e) == {"name", "cat", "ph", "pid", "tid", "ts", "dur"} for e in spans))
print("one pid:", len({e["pid"] for e in events}) == 1)
print("every span on a named track:", all(e["tid"] in names for e in spans))
print("ts, dur >= 0:", all(e["ts"] >= 0 and e["dur"] >= 0 for e in spans))
print("within the trace:", all(e["ts"] + e["dur"] <= data["otherData"]["duration_us"] + 0.0015 for e in spans))

by_name = {}
for e in spans:
    by_name.setdefault(names[e["tid"]], []).append(e)
for name in sorted(by_name):
    print(f"{name} runs:", RUNNING in {e["name"] for e in by_name[name]})
# Two CPU-bound threads with a 1 ms switch interval must take turns, so both wait.
print("cpu threads wait:", all(WAITING in {e["name"] for e in by_name[n]} for n in ("cpu-1", "cpu-2")))
print("sleeper blocked:", BLOCKED in {e["name"] for e in by_name["sleeper"]})


def overlapping(items):
    items = sorted(items, key=lambda e: e["ts"])
    return any(b["ts"] < a["ts"] + a["dur"] - 0.0015 for a, b in zip(items, items[1:]))


print("a thread's spans never overlap:", not any(overlapping(v) for v in by_name.values()))
print("one GIL holder at a time:", not overlapping([e for e in spans if e["name"] == RUNNING]))

svg = "trace_threads.out.svg"
gilviz.main([path, "-o", svg])
with open(svg) as f:
    text = f.read()
elements = _xmlcheck.elements(text)
print("svg root:", elements[0])
print("lanes named:", all(f">{n}</text>" in text for n in names.values()))
os.remove(svg)
os.remove(path)

# Misuse.
for call in (lambda: gil.trace_stop(), lambda: gil.trace_start(3), lambda: gil.trace_start()):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
gil.trace_start(path)
try:
    gil.trace_start(path)
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("a trace is already running"))
gil.trace_stop()
os.remove(path)
gil.trace_start("/nonexistent-dir/x.json")
try:
    gil.trace_stop()
except OSError as e:
    print("OSError", "cannot write trace" in str(e))
print("tracing now:", gil._tracing())
