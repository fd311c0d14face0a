"""9. One event loop, three tasks: the interleaving the tutorials draw.

Each task computes (CPU), waits for I/O (here asyncio.sleep stands for a network reply), then
computes again. The loop runs one task at a time until it awaits; while one task waits the
others compute, so the waits overlap but the CPU phases never do. We record every phase and
draw it as text: '#' computing, '.' waiting for I/O, '-' ready but waiting for the loop.

Under minipy the same run can be recorded and drawn as an SVG timeline:
    minipy -X trace=/tmp/loop.json examples/09_event_loop_timeline.py
    minipy -m gilviz /tmp/loop.json -o timeline.svg"""
import asyncio
import time

T0 = time.perf_counter()
phases = []                                  # (task, kind, start, end) in seconds from T0
waits = []                                   # (start, resumed) of each await


def compute(name, seconds=0.04):
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        pass
    phases.append((name, "cpu", start - T0, time.perf_counter() - T0))


async def task(name):
    compute(name)
    start = time.perf_counter()
    await asyncio.sleep(0.1)                 # the loop runs other tasks meanwhile
    resumed = time.perf_counter()
    # The reply is due after 0.1 s; from then until `resumed` the task is ready but waiting.
    phases.append((name, "io", start - T0, min(start + 0.1, resumed) - T0))
    waits.append((start, resumed))
    compute(name)


async def main():
    # Named tasks, so that a minipy trace labels their steps A, B and C.
    await asyncio.gather(*(asyncio.create_task(task(n), name=n) for n in "ABC"))

asyncio.run(main())
cpu = sorted((p for p in phases if p[1] == "cpu"), key=lambda p: p[2])
order = [name for name, *_ in cpu]
print("order in which the CPU phases ran:", " ".join(order))

end = max(p[3] for p in phases)
width = 60
for name in "ABC":
    row = [" "] * width
    mine = [p for p in phases if p[0] == name]
    for i in range(min(width, int(max(p[3] for p in mine) / end * width) + 1)):
        row[i] = "-"
    for _, kind, start, stop in mine:
        for i in range(int(start / end * width), min(width, int(stop / end * width) + 1)):
            row[i] = "#" if kind == "cpu" else "."
    print(f"  {name} |{''.join(row)}|")
print(f"    0 s{' ' * (width - 8)}{end:.2f} s")

cpu_overlap = any(a[3] > b[2] for a, b in zip(cpu, cpu[1:]))
waits_overlap = all(a[1] > b[0] for a in waits for b in waits)
if order == list("ABCABC") and not cpu_overlap and waits_overlap:
    print("conclusion: the I/O waits overlapped; the CPU phases ran one at a time, in turn")
else:
    print(f"conclusion: unexpected interleaving {order}")
