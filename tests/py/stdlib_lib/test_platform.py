# Exercises platform: uname and its parts against os.uname, the Python version,
# architecture, libc_ver and platform() (compared, since the values are machine-specific).
import os
import platform
import sys
u = os.uname()
print(platform.system(), platform.system() == u.sysname, platform.node() == u.nodename, platform.release() == u.release)
print(platform.version() == u.version, platform.machine() == u.machine, platform.processor() == '')
r = platform.uname()
print(type(r).__name__, r.system == u.sysname, r.machine == u.machine, len(r), r[0] == r.system, r._fields)
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3], platform.python_version_tuple() == tuple(map(str, sys.version_info[:3])))
print(platform.architecture())
lib, ver = platform.libc_ver()
print(lib, ver.count('.'), all(p.isdigit() for p in ver.split('.')))
p = platform.platform()
print(p.startswith('%s-%s-%s-with-%s' % (u.sysname, u.release.replace(' ', '_'), u.machine, lib)), p == platform.platform(terse=True), ' ' in p)
print(isinstance(platform.python_implementation(), str))
try:
    platform.libc_ver('/nonexistent/file')
except OSError as e:
    print(type(e).__name__, e.errno)
# os.confstr, which libc_ver asks first.
print(os.confstr('CS_GNU_LIBC_VERSION').split()[0], 'CS_PATH' in os.confstr_names)
for name in ('nope', 1.5, 99999):
    try:
        os.confstr(name)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
