# minipy-only (the gil module has no CPython counterpart): gil_stats.exp is written by hand and
# holds conclusions only, never timings.
#
# The gil module's counters: CPU-bound threads sharing the GIL are forced to release it,
# sleeping releases it voluntarily, reset() zeroes the counters, and the introspection
# functions agree with sys and threading.
import sys
import threading
import time

import gil

print("policy:", gil.policy())
print("interval agrees:", gil.switch_interval() == sys.getswitchinterval())
sys.setswitchinterval(0.002)
print("interval follows sys:", gil.switch_interval() == 0.002)
print("holder is me:", gil.holder() == threading.get_ident())

gil.reset()
me = gil.stats()[threading.get_ident()]
print("fields:", sorted(me))
print("after reset:", me["acquisitions"], me["voluntary_releases"], me["forced_releases"], me["waited_ns"])
print("main named, holding:", me["name"], me["holding"])
print("native id:", me["native_id"] == threading.get_native_id())

records = {}


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    # A thread's counters live as long as the thread: read them before it ends.
    records[threading.current_thread().name] = gil.stats()[threading.get_ident()]


def nap():
    for _ in range(3):
        time.sleep(0.001)
    records["sleeper"] = gil.stats()[threading.get_ident()]


threads = [threading.Thread(target=spin, args=(0.1,), name=n) for n in ("cpu-1", "cpu-2")]
threads.append(threading.Thread(target=nap, name="sleeper"))
for t in threads:
    t.start()
for t in threads:
    t.join()

cpu = [records["cpu-1"], records["cpu-2"]]
print("cpu threads forced to release:", all(r["forced_releases"] > 0 for r in cpu))
print("cpu threads waited:", all(r["waited_ns"] > 0 for r in cpu))
print("cpu threads held the GIL:", all(r["held_ns"] > 0 and r["holding"] for r in cpu))
print("acquisitions cover releases:", all(r["acquisitions"] >= r["forced_releases"] + r["voluntary_releases"]
                                          for r in records.values()))
print("sleeper released voluntarily:", records["sleeper"]["voluntary_releases"] >= 3)
print("names:", sorted(r["name"] for r in records.values()))

main = gil.stats()[threading.get_ident()]
print("main blocked in join:", main["voluntary_releases"] > 0)
gil.reset()
print("reset again:", gil.stats()[threading.get_ident()]["voluntary_releases"])

for call in (lambda: gil.stats(1), lambda: gil.reset(x=1), lambda: gil._task_step_begin(None)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
# Task steps outside a trace do nothing.
gil._task_step_begin("nothing")
gil._task_step_end()
gil._task_step_end()
print("done")
