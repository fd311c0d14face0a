# An uncaught exception in a Thread prints "Exception in thread NAME:" and the traceback to
# stderr, and the other threads carry on. Stderr is captured; frames inside threading.py (whose
# line numbers are the implementation's own) are left out, and this file's path is shortened.
import io
import os
import sys
import threading


def fail(kind):
    raise kind("boom from " + threading.current_thread().name)


def shown(report):
    lines = report.replace(__file__, os.path.basename(__file__)).splitlines(keepends=True)
    kept = []
    skip_source = False
    for line in lines:
        if skip_source:
            skip_source = False
            continue
        if line.startswith('  File "') and "threading" in line.split('"')[1]:
            skip_source = True
            continue
        kept.append(line)
    return "".join(kept)


def run(**kwargs):
    captured = io.StringIO()
    saved = sys.stderr
    sys.stderr = captured
    try:
        t = threading.Thread(**kwargs)
        t.start()
        t.join()
    finally:
        sys.stderr = saved
    print(shown(captured.getvalue()), end="")
    print("alive after join:", t.is_alive())


run(target=fail, args=(ValueError,), name="worker-1")
run(target=fail, args=(KeyError,), name="worker-2")
run(target=fail, args=(SystemExit,), name="quiet")
print("main thread still running")
