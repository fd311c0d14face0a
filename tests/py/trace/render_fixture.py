# gilviz on a fixed trace (fixture_trace.json, two threads and task steps): the SVG is well
# formed, has one lane per thread with the thread's name, the three GIL states and the task
# labels; bad input files give argparse-style errors. Runs under CPython too (gilviz is plain
# Python), which is where the expected output comes from.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "stdlib", "lib"))

import gilviz
import _xmlcheck

out = "render_fixture.out.svg"
trace = gilviz.load_trace("fixture_trace.json")
print([t.name for t in trace.threads], trace.duration_us, trace.dropped)
print([len(t.spans) for t in trace.threads], [len(t.steps) for t in trace.threads])
gilviz.main(["fixture_trace.json", "-o", out, "--title", "fixture"])
with open(out, encoding="utf-8") as f:
    text = f.read()
os.remove(out)
names = _xmlcheck.elements(text)
print(names[0], names.count("rect") > 10, names.count("text") > 10)
for needle in ("MainThread", "worker-1", "running", "waiting for GIL", "blocked / I/O",
               "asyncio task step", "fetch-1", "fixture (", 'fill="#43a047"', 'fill="#e53935"',
               'fill="#90caf9"'):
    print(needle, needle in text)

for bad, content in (("bad_not_json.json", "{nope"), ("bad_no_events.json", '{"x": 1}'),
                     ("bad_ts.json", '{"traceEvents": [{"ph": "X", "ts": "a", "dur": 1}]}')):
    with open(bad, "w") as f:
        f.write(content)
    try:
        gilviz.main([bad, "-o", out])
    except SystemExit as e:
        print(bad, "exit", e.code)
    finally:
        os.remove(bad)
try:
    gilviz.main(["missing.json"])
except SystemExit as e:
    print("missing exit", e.code)
try:
    gilviz.main(["fixture_trace.json", "--width", "10"])
except SystemExit as e:
    print("narrow exit", e.code)
