# pwd: lookups by uid and name, the whole database, struct_passwd, and CPython's errors.
# Only root (uid 0) is assumed; everything else is checked by relations.
import os
import pwd
import threading


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(' ', type(e).__name__, e)
    else:
        print('  ok', type(r).__name__)


root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, root.pw_dir)
print(type(root).__name__, type(root).__module__, type(root) is pwd.struct_passwd)
print(len(root), isinstance(root, tuple), root[0] == root.pw_name, root[2:4], root[-1] == root.pw_shell)
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields, pwd.struct_passwd.n_unnamed_fields)
print([type(x).__name__ for x in root])
print(repr(root).startswith("pwd.struct_passwd(pw_name='root', pw_passwd="))
print(pwd.getpwnam('root') == root, pwd.getpwuid(True) == pwd.getpwuid(1))
print(sorted(n for n in dir(pwd) if not n.startswith('_')))


class Index:
    def __index__(self):
        return 0


print(pwd.getpwuid(Index()).pw_name)

me = pwd.getpwuid(os.getuid())
print(pwd.getpwnam(me.pw_name).pw_uid == os.getuid(), me.pw_uid == os.getuid())
print(all(isinstance(f, str) for f in (me.pw_name, me.pw_passwd, me.pw_gecos, me.pw_dir, me.pw_shell)))

everyone = pwd.getpwall()
print(type(everyone).__name__, root in everyone, me in everyone)
print(all(type(e) is pwd.struct_passwd and len(e) == 7 for e in everyone))
print(all(pwd.getpwnam(e.pw_name).pw_uid == e.pw_uid for e in everyone if e.pw_name == 'root'))

custom = pwd.struct_passwd(('a', 'b', 1, 2, 'g', 'd', 's'))
print(custom)
print(custom.pw_shell, custom.pw_uid + custom.pw_gid)
attempt(pwd.struct_passwd, ('a', 'b', 1))

print('getpwuid errors')
for uid in [3999999999, -1, -2, 2**32 - 1, 2**32, 2**63, 2**64, -2**64]:
    attempt(pwd.getpwuid, uid)


class BadIndex:
    def __index__(self):
        raise ValueError('no')


class WithInt:
    def __int__(self):
        return 0


for bad in [1.5, 0.0, '0', None, b'0', BadIndex(), WithInt()]:
    attempt(pwd.getpwuid, bad)
attempt(pwd.getpwuid)
attempt(pwd.getpwuid, 0, 1)
attempt(pwd.getpwuid, uid=0)

print('getpwnam errors')
for name in ['no such user here', '', 'a\0b', b'root', 1, None, '\udcff', '\ud800', 'é']:
    attempt(pwd.getpwnam, name)
attempt(pwd.getpwnam)
attempt(pwd.getpwnam, 'root', 1)
attempt(pwd.getpwnam, name='root')

print('getpwall errors')
attempt(pwd.getpwall, 1)
attempt(pwd.getpwall, x=1)

# Lookups release the GIL: threads looking up at once all see the same database.
results = []


def lookup_all():
    for _ in range(20):
        results.append((len(pwd.getpwall()), pwd.getpwuid(0).pw_name, pwd.getpwnam('root').pw_uid))


threads = [threading.Thread(target=lookup_all) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), len(set(results)), results[0][1:], results[0][0] == len(everyone))
