# -S leaves out what the site module would add to builtins (exit, quit, help...) and says so
# in sys.flags; without -S those names exist in a -c command too.
import subprocess
import sys


def run(*args):
    r = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    last = r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else []
    print(r.returncode, r.stdout.strip(), last)


run('-c', 'import sys; print(sys.flags.no_site, type(exit).__name__, callable(quit))')
run('-S', '-c', 'import sys; print(sys.flags.no_site)')
run('-S', '-c', 'exit')
run('-S', '-c', 'help')
run('-Sc', 'print("grouped")')
run('-c', 'exit(3)')
