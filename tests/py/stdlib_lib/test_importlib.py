# importlib.import_module (absolute, relative, errors), reload of a source module and of a
# frozen one, invalidate_caches.
import importlib
import os
import sys
import tempfile
import types

for args in [('.x',), ('',), ('..x', 'a'), ('nonexist_zz',)]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    importlib.reload(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    importlib.reload(types.ModuleType('ghost'))
except Exception as e:
    print(type(e).__name__, e, e.name)
print(importlib.import_module('.decoder', 'json').__name__, importlib.import_module('json.decoder').__name__)
print(importlib.import_module('json') is sys.modules['json'], importlib.invalidate_caches())

with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    path = os.path.join(d, 'reloaded_mod.py')
    with open(path, 'w') as f:
        f.write('X = 1\n')
    import reloaded_mod
    print(reloaded_mod.X)
    with open(path, 'w') as f:
        f.write('X = 2\nY = 3\n')
    m = importlib.reload(reloaded_mod)
    print(m is reloaded_mod, reloaded_mod.X, reloaded_mod.Y)
    sys.path.remove(d)

import json
j = importlib.reload(json)
print(j is json, callable(json.dumps), json.dumps([1]))
