# Where the standard library uses pwd and grp: os.path.expanduser, Path.owner() / group(),
# shutil.chown and os.chown. Files are only ever given to their current owner.
import grp
import os
import pathlib
import pwd
import shutil
import tempfile


scratch = tempfile.mkdtemp()


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(' ', type(e).__name__, str(e).replace(scratch, 'SCRATCH'))
    else:
        print('  ok', r)


root_home = pwd.getpwnam('root').pw_dir
print(os.path.expanduser('~root') == root_home)
print(os.path.expanduser('~root/x/y') == root_home.rstrip('/') + '/x/y')
print(os.path.expanduser(b'~root/x') == os.fsencode(root_home.rstrip('/') + '/x'))
print(os.path.expanduser('~no such user here/a'), os.path.expanduser(b'~no such user here'))
print(os.path.expanduser('x~root'), os.path.expanduser('~root') == pathlib.Path('~root').expanduser().as_posix())

# Without HOME, '~' is the current user's database entry.
saved = os.environ.pop('HOME', None)
try:
    me = pwd.getpwuid(os.getuid())
    print(os.path.expanduser('~') == (me.pw_dir.rstrip('/') or '/'))
    print(os.path.expanduser('~/f') == me.pw_dir.rstrip('/') + '/f')
    print(pathlib.Path.home() == pathlib.Path(me.pw_dir))
finally:
    if saved is not None:
        os.environ['HOME'] = saved
os.environ['HOME'] = '/somewhere/home/'
print(os.path.expanduser('~'), os.path.expanduser('~/a'), os.path.expanduser(b'~/b'))
if saved is not None:
    os.environ['HOME'] = saved

try:
    d = scratch
    path = os.path.join(d, 'f')
    with open(path, 'w'):
        pass
    p = pathlib.Path(path)
    st = os.stat(path)
    print(p.owner() == pwd.getpwuid(st.st_uid).pw_name, p.group() == grp.getgrgid(st.st_gid).gr_name)
    print(pathlib.Path('/').owner(), pathlib.Path('/').group())
    attempt(pathlib.Path(d, 'missing').owner)
    attempt(pathlib.Path(d, 'missing').group)

    uid, gid = os.getuid(), os.getgid()
    user = pwd.getpwuid(uid).pw_name
    try:
        group = grp.getgrgid(gid).gr_name
    except KeyError:
        group = gid
    print('shutil.chown')
    attempt(shutil.chown, path, user=user)
    attempt(shutil.chown, path, group=group)
    attempt(shutil.chown, path, user, group)
    attempt(shutil.chown, path, uid, gid)
    attempt(shutil.chown, pathlib.Path(path), user=uid)
    print(os.stat(path).st_uid == uid, os.stat(path).st_gid == gid)
    attempt(shutil.chown, path)
    attempt(shutil.chown, path, None, None)
    attempt(shutil.chown, path, user='no such user here')
    attempt(shutil.chown, path, group='no such group here')
    attempt(shutil.chown, path, user='no such user here', group='no such group here')
    attempt(shutil.chown, path, user=1.5)
    attempt(shutil.chown, path, group=1.5)
    attempt(shutil.chown, path, user=b'root')
    attempt(shutil.chown, path, user='a\0b')
    attempt(shutil.chown, os.path.join(d, 'missing'), user=uid)
    print('chown' in shutil.__all__)
    try:
        shutil.chown(path, user='no such user here')
    except LookupError as e:
        print(type(e).__name__, e.__context__, e.__cause__)

    print('os.chown')
    attempt(os.chown, path, uid, gid)
    attempt(os.chown, path, -1, -1)
    attempt(os.chown, path, uid=uid, gid=gid, follow_symlinks=False)
    with open(path) as f:
        attempt(os.chown, f.fileno(), uid, gid)
        attempt(os.fchown, f.fileno(), uid, -1)
    attempt(os.lchown, path, -1, gid)
    attempt(os.chown, path, 1.5, 0)
    attempt(os.chown, path, 0, 'x')
    attempt(os.chown, path, -2, 0)
    attempt(os.chown, path, 0, 2**40)
    attempt(os.chown, path, 2**32, 0)
    attempt(os.chown, path, 2**64, 0)
    attempt(os.chown, path)
    attempt(os.chown, path, 0)
    attempt(os.chown, None, 0, 0)
    attempt(os.chown, os.path.join(d, 'missing'), -1, -1)
    attempt(os.chown, path, -1, -1, dir_fd='x')
    attempt(os.lchown, path, 1.0, 0)
    attempt(os.lchown, 3, -1, -1)
    attempt(os.lchown, os.path.join(d, 'missing'), -1, -1)
    attempt(os.lchown, path, 0)
    attempt(os.fchown, 9999, -1, -1)
    attempt(os.fchown, 'x', -1, -1)
    attempt(os.fchown, 1.0, -1, -1)
    attempt(os.fchown, 1)
    print(os.stat(path).st_uid == uid, os.stat(path).st_gid == gid)
finally:
    shutil.rmtree(scratch)
