# Blocking reads and waits release the GIL: a thread blocked in a file read, os.read or
# os.waitpid must not stop the main thread (which would hang this script).
import os
import sys
import threading

r, w = os.pipe()
reader = open(r, 'r')
lines = []
t = threading.Thread(target=lambda: lines.append(reader.readline()))
t.start()
total = sum(range(200000))  # runs while the thread waits in read()
os.write(w, b'from the pipe\n')
t.join()
print(total, lines)

r2, w2 = os.pipe()
chunks = []
t = threading.Thread(target=lambda: chunks.append(os.read(r2, 100)))
t.start()
total = sum(range(100000))
os.write(w2, b'raw bytes')
t.join()
print(total, chunks)

gate_r, gate_w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.read(gate_r, 1)
    os._exit(4)
statuses = []
t = threading.Thread(target=lambda: statuses.append(os.waitpid(pid, 0)[1]))
t.start()
total = sum(range(100000))
os.write(gate_w, b'g')
t.join()
print(total, os.waitstatus_to_exitcode(statuses[0]))

# Threads writing one file at once: every line arrives whole.
path = '/tmp/minipy_io_gil_%d.txt' % os.getpid()
out = open(path, 'w')


def shout(n):
    for i in range(300):
        print('thread %d line %d' % (n, i), file=out)


threads = [threading.Thread(target=shout, args=(n,)) for n in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
out.close()
with open(path) as f:
    got = f.read().splitlines()
os.remove(path)
print(len(got), sorted(got) == sorted('thread %d line %d' % (n, i) for n in range(4) for i in range(300)))
