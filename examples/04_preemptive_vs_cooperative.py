"""4. Preemptive vs cooperative multitasking.

Threads are preemptive: the interpreter takes the GIL away from a running thread every
"switch interval" (sys.getswitchinterval()), whatever it is doing. Coroutines are cooperative:
the event loop switches only where a coroutine says `await`. So a coroutine that computes
without awaiting freezes every other task; asyncio's debug mode reports such a slow step."""
import asyncio
import logging
import sys
import threading
import time


def count_switches(interval, seconds=1.0):
    """Two threads append their name in a loop; each change of name is one switch."""
    sys.setswitchinterval(interval)
    trace, stop = [], time.perf_counter() + seconds
    def spin(name):
        while time.perf_counter() < stop:
            trace.append(name)
    threads = [threading.Thread(target=spin, args=(n,)) for n in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(1 for a, b in zip(trace, trace[1:]) if a != b)


default = sys.getswitchinterval()
print(f"threads (preemptive), default switch interval {default * 1000:g} ms")
fast, slow = count_switches(0.0005), count_switches(1.0)
sys.setswitchinterval(default)
print(f"  switch interval 0.5 ms: {fast} switches in 1 s")
print(f"  switch interval 1 s  : {slow} switches in 1 s")

order = []
async def polite(name):
    for step in range(3):
        order.append(f"{name}{step}")
        await asyncio.sleep(0)          # the only place this task can be switched out

async def heartbeat(gaps):
    last = time.perf_counter()
    for _ in range(6):
        await asyncio.sleep(0.05)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now

async def hog():
    await asyncio.sleep(0.1)
    end = time.perf_counter() + 0.5     # computes for 0.5 s without a single await
    while time.perf_counter() < end:
        pass

async def main():
    await asyncio.gather(polite("A"), polite("B"))
    print("coroutines (cooperative) switch at each await:", " ".join(order))
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.2   # debug mode logs any step longer than this
    gaps = []
    await asyncio.gather(heartbeat(gaps), hog())
    return gaps

logged = []
class ShowAndKeep(logging.Handler):
    def emit(self, record):
        logged.append(record.getMessage())
        print("  asyncio logged:", logged[-1])
logging.getLogger("asyncio").addHandler(ShowAndKeep())
gaps = asyncio.run(main(), debug=True)
print(f"heartbeat every 0.05 s; longest gap while the hog ran: {max(gaps):.2f} s")

warned = any(m.startswith("Executing <Task") and "hog()" in m for m in logged)
if fast > 2 * slow and order[:2] == ["A0", "B0"] and max(gaps) >= 0.45 and warned:
    print("conclusion: the switch interval sets how often threads are preempted; "
          "coroutines switch only at await, and one that never awaits freezes the loop "
          "(asyncio debug mode logged it)")
else:
    print(f"conclusion: unexpected measurements (slow step logged: {warned})")
