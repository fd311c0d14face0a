# Exercises subprocess: run/call/check_call/check_output/getoutput with pipes, text
# mode, input, env, cwd, DEVNULL and files; Popen with communicate, poll, wait,
# terminate and kill; and the errors (CalledProcessError incl. signals, missing
# programs, bad cwd, timeouts, conflicting arguments).
import os
import subprocess
import sys
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r.returncode, r.stdout, r.stderr, r)
r = subprocess.run('echo out; echo err >&2; exit 3', shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr), r.args)
r = subprocess.run(['cat'], input=b'piped data\n', stdout=subprocess.PIPE)
print(r.stdout, r.stderr)
r = subprocess.run(['tr', 'a-z', 'A-Z'], input='text mode\n', capture_output=True, text=True)
print(repr(r.stdout))
print(subprocess.check_output(['printf', 'a\\nb\\n']), subprocess.check_output('echo $((6 * 7))', shell=True, text=True))
print(subprocess.check_output('echo both; echo e >&2', shell=True, stderr=subprocess.STDOUT))
print(subprocess.call(['true']), subprocess.call(['false']), subprocess.call('exit 7', shell=True), subprocess.check_call(['true']))
print(subprocess.run(['sh', '-c', 'echo $FOO'], env={'FOO': 'from-env', 'PATH': os.environ['PATH']}, capture_output=True).stdout)
print(subprocess.run(['pwd'], cwd='/', capture_output=True).stdout)
print(subprocess.run(['echo', 'new session'], start_new_session=True, capture_output=True).stdout)
print(subprocess.run(['echo', 'after preexec'], preexec_fn=lambda: None, capture_output=True).stdout)
print(subprocess.run(['echo', 'quiet'], stdout=subprocess.DEVNULL).stdout)
with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    out, err = p.communicate(b'x' * 100000)
print(len(out), err, p.returncode)
p = subprocess.Popen(['sh', '-c', 'read line; echo got:$line'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('hi\n')
p.stdin.flush()
print(repr(p.stdout.readline()), p.wait(), p.poll())
p.stdin.close()
p.stdout.close()
p = subprocess.Popen(['sleep', '10'])
print(p.poll())
p.terminate()
print(p.wait())
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait(), p.returncode)
print(subprocess.getoutput('echo one; echo two'), subprocess.getstatusoutput('echo x; exit 2'), subprocess.getstatusoutput('echo err >&2'))
with open('_sub_out.txt', 'w') as f:
    subprocess.run(['echo', 'to file'], stdout=f)
with open('_sub_out.txt') as f:
    print(repr(f.read()))
os.remove('_sub_out.txt')
r = subprocess.run([sys.executable, '-c', 'import sys; sys.exit(5)'])
print(r.returncode)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: subprocess.run(['false'], check=True))
show(lambda: subprocess.check_call('exit 4', shell=True))
show(lambda: subprocess.check_output(['sh', '-c', 'echo partial; exit 1']))
show(lambda: subprocess.run(['no-such-command-xyz']))
show(lambda: subprocess.run(['/no/such/path']))
show(lambda: subprocess.run(['ls'], cwd='/no/such/dir'))
show(lambda: subprocess.run(['/']))
show(lambda: subprocess.run(['true'], preexec_fn=lambda: 1 / 0))
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)
show(lambda: subprocess.run(['true'], input=b'x', stdin=subprocess.PIPE))
show(lambda: subprocess.run(['true'], capture_output=True, stdout=subprocess.PIPE))
show(lambda: subprocess.check_output(['true'], stdout=subprocess.PIPE))
show(lambda: subprocess.run('kill -9 $$', shell=True, check=True))
show(lambda: subprocess.run('kill -TERM $$', shell=True).check_returncode())
e = subprocess.CalledProcessError(2, ['x'], b'o', b'e')
print(e.returncode, e.cmd, e.output, e.stdout, e.stderr, str(e), str(subprocess.TimeoutExpired('cmd', 1.5)))
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError), issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(subprocess.CompletedProcess(['a'], 0), subprocess.CompletedProcess('a', 1, b'', None))
