# A ThreadPoolExecutor that is never shut down does not keep the interpreter from exiting:
# calls still queued at exit run first, then the workers stop.
import threading
import concurrent.futures as cf

ex = cf.ThreadPoolExecutor(max_workers=1)
print('result', ex.submit(pow, 2, 5).result(timeout=30))
gate = threading.Event()
ex.submit(gate.wait)
ex.submit(print, 'queued call ran at exit')
idle = cf.ThreadPoolExecutor(max_workers=3)
idle.submit(abs, -1).result(timeout=30)
print('end of script')
gate.set()
