# os.fork/waitpid/pipe/kill and exit statuses; the child reports through a pipe. Output is
# flushed before each fork so the child does not inherit (and repeat) buffered lines.
import os
import signal
import sys

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'child pid differs: %d' % (os.getpid() != os.getppid()))
    os.close(w)
    os._exit(7)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
got, status = os.waitpid(pid, 0)
print(data.decode(), got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

# A child killed by a signal.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    signal.pause()
    os._exit(0)
os.kill(pid, signal.SIGTERM)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM, os.waitstatus_to_exitcode(status))

# WNOHANG on a child still running, then reaping it.
rr, ww = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(ww)
    os.read(rr, 1)
    os._exit(3)
print(os.waitpid(pid, os.WNOHANG))
os.write(ww, b'x')
print(os.waitpid(pid, 0)[1] >> 8)
os.close(rr)
os.close(ww)

# The interpreter keeps working in a child: objects, imports, threads.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import threading
    out = []
    t = threading.Thread(target=lambda: out.append(sum(range(10))))
    t.start()
    t.join()
    sys.stdout.write('child thread result %d\n' % out[0])
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)

try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print('ChildProcessError', e.errno)
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print('ProcessLookupError', e)
print(os.system('exit 5') >> 8)
