# minipy-only (the gil module has no CPython counterpart): trace_asyncio.exp is written by
# hand and holds conclusions only, never timings.
#
# A trace of an asyncio program: every task step is a span named after its task on the loop's
# thread, steps do not overlap each other, and the thread's GIL spans nest inside steps or
# lie outside them (never straddle an edge). gilviz labels the steps.
import asyncio
import json
import os

import gil
import gilviz
import _xmlcheck

path = "trace_asyncio.out.json"


async def fetch(i):
    for _ in range(3):
        await asyncio.sleep(0.001)
    return i


async def main():
    tasks = [asyncio.create_task(fetch(i), name=f"fetch-{i}") for i in range(3)]
    return await asyncio.gather(*tasks)


gil.trace_start(path)
print(asyncio.run(main()))
gil.trace_stop()

with open(path) as f:
    events = json.load(f)["traceEvents"]
steps = [e for e in events if e["ph"] == "X" and e["cat"] == "asyncio"]
gil_spans = [e for e in events if e["ph"] == "X" and e["cat"] == "gil"]
names = sorted({e["name"] for e in steps})
print("task names:", [n for n in names if n.startswith("fetch-")])
# create, 3 sleeps: each fetch task runs 4 steps.
print("steps per fetch task:", sorted({sum(1 for e in steps if e["name"] == n) for n in names if n.startswith("fetch-")}))
print("one thread:", len({e["tid"] for e in steps}) == 1)
print("durations >= 0:", all(e["dur"] >= 0 for e in steps + gil_spans))
ordered = sorted(steps, key=lambda e: e["ts"])
print("steps never overlap:", all(b["ts"] >= a["ts"] + a["dur"] - 0.0015 for a, b in zip(ordered, ordered[1:])))
loop_tid = steps[0]["tid"]


def straddles(span, step):
    s0, s1 = span["ts"], span["ts"] + span["dur"]
    t0, t1 = step["ts"], step["ts"] + step["dur"]
    inside = s0 >= t0 - 0.0015 and s1 <= t1 + 0.0015
    outside = s1 <= t0 + 0.0015 or s0 >= t1 - 0.0015
    return not (inside or outside)


print("GIL spans nest in steps:", not any(straddles(g, s) for g in gil_spans if g["tid"] == loop_tid for s in steps))
svg = "trace_asyncio.out.svg"
gilviz.main([path, "-o", svg])
with open(svg) as f:
    text = f.read()
print("svg ok:", _xmlcheck.elements(text)[0], "fetch-0" in text)
os.remove(svg)
os.remove(path)
