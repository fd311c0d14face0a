# grp: lookups by gid and name, the whole database, struct_group, and CPython's errors.
# Only the root group (gid 0) is assumed; everything else is checked by relations.
import grp
import os
import threading


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(' ', type(e).__name__, e)
    else:
        print('  ok', type(r).__name__)


root = grp.getgrgid(0)
print(root.gr_name, root.gr_gid, type(root.gr_mem).__name__)
print(type(root).__name__, type(root).__module__, type(root) is grp.struct_group)
print(len(root), isinstance(root, tuple), root[0] == root.gr_name, root[2], root[3] is root.gr_mem)
print(grp.struct_group.n_fields, grp.struct_group.n_sequence_fields, grp.struct_group.n_unnamed_fields)
print([type(x).__name__ for x in root])
print(repr(root).startswith("grp.struct_group(gr_name='root', gr_passwd="))
print(grp.getgrnam('root') == root, grp.getgrgid(id=0) == root, grp.getgrnam(name='root') == root)
print(sorted(n for n in dir(grp) if not n.startswith('_')))

everyone = grp.getgrall()
print(type(everyone).__name__, root in everyone)
print(all(type(g) is grp.struct_group and len(g) == 4 for g in everyone))
print(all(isinstance(g.gr_mem, list) and all(isinstance(m, str) for m in g.gr_mem) for g in everyone))
print(all(grp.getgrnam(g.gr_name).gr_gid == g.gr_gid for g in everyone if g.gr_name == 'root'))
print(all(grp.getgrgid(g.gr_gid).gr_gid == g.gr_gid for g in everyone[:5]))

custom = grp.struct_group(('staff', 'x', 50, ['a', 'b']))
print(custom)
print(custom.gr_mem, custom[1:])
attempt(grp.struct_group, ('a',))

print('getgrgid errors')
for gid in [3999999999, -1, -2, 2**32 - 1, 2**32, 2**63, 2**64, -2**64]:
    attempt(grp.getgrgid, gid)


class BadIndex:
    def __index__(self):
        raise ValueError('no')


for bad in [1.5, '0', None, BadIndex()]:
    attempt(grp.getgrgid, bad)
attempt(grp.getgrgid)
attempt(grp.getgrgid, 0, 1)

print('getgrnam errors')
for name in ['no such group here', '', 'a\0b', b'root', 1, None, '\udcff', '\ud800']:
    attempt(grp.getgrnam, name)
attempt(grp.getgrnam)
attempt(grp.getgrnam, 'root', 'x')

print('getgrall errors')
attempt(grp.getgrall, 1)
attempt(grp.getgrall, x=1)

results = []


def lookup_all():
    for _ in range(20):
        results.append((len(grp.getgrall()), grp.getgrgid(0).gr_name, grp.getgrnam('root').gr_gid))


threads = [threading.Thread(target=lookup_all) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(results), len(set(results)), results[0][1:], results[0][0] == len(everyone))
