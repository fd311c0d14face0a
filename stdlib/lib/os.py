"""Operating-system interfaces: everything in posix, plus os.path (posixpath), the
environ mapping, and the helpers written in Python (makedirs, walk, fsencode, ...)."""

import abc
import sys

import posix
from posix import *
from posix import _exit

import posixpath as path
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                       devnull)

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep", "_exit", "makedirs", "removedirs", "renames", "walk",
           "getenv", "supports_bytes_environ", "environb", "getenvb",
           "execl", "execle", "execlp", "execlpe", "execvp", "execvpe",
           "PathLike"]
__all__.extend(n for n in dir(posix) if not n.startswith('_'))

# Which functions accept dir_fd, a descriptor for the path, follow_symlinks=False, and
# effective_ids (shutil and pathlib consult these).
supports_dir_fd = {access, chmod, link, lstat, mkdir, open, readlink, remove,
                   rename, replace, rmdir, stat, symlink, unlink, utime}
supports_fd = {chdir, chmod, listdir, scandir, stat, truncate, utime}
supports_follow_symlinks = {access, chmod, link, stat, utime}
supports_effective_ids = {access}


# -- directories --------------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir -p: creates the leaf directory and every missing parent. An existing leaf is
    an error unless exist_ok."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # created by someone else meanwhile
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes the leaf directory, then each parent that becomes empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename() that creates the new path's directories and prunes the old one's."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for each directory under top. With topdown
    the caller may prune dirnames in place before the walk descends."""
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


# -- the environment ----------------------------------------------------------------------

try:
    from collections.abc import MutableMapping as _MutableMapping, Mapping as _Mapping
except ImportError:
    _MutableMapping = _Mapping = object


class _Environ(_MutableMapping):
    """os.environ: a mapping over the process environment. Changes go to the C environment
    too (putenv/unsetenv), so child processes see them."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        formatted_items = ", ".join(
            "%r: %r" % (self.decodekey(key), self.decodevalue(value))
            for key, value in self._data.items())
        return "environ({%s})" % formatted_items

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _check_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


def _identity(value):
    return value


def _encode_bytes_key(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return fsdecode(value)


environ = _Environ(posix.environ, _check_str, _identity, _check_str, _identity)
# environb shares environ's storage (kept as str) and converts at the boundary.
supports_bytes_environ = True
environb = _Environ(posix.environ, _encode_bytes_key, lambda k: fsencode(k),
                    _encode_bytes_key, lambda v: fsencode(v))


def getenv(key, default=None):
    """environ.get(key, default)."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """environb.get(key, default)."""
    return environb.get(key, default)


# -- file-system encoding -----------------------------------------------------------------

def fsencode(filename):
    """A path as bytes (str encoded as UTF-8 with surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """A path as str (bytes decoded as UTF-8 with surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def get_exec_path(env=None):
    """The directories a program name is looked up in (PATH of env, default environ)."""
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    if isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    return path_list.split(pathsep)


# -- processes ----------------------------------------------------------------------------

def execl(file, *args):
    """execv(file, args)."""
    execv(file, args)


def execle(file, *args):
    """execve(file, args[:-1], args[-1])."""
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    """execvp(file, args)."""
    execvp(file, args)


def execlpe(file, *args):
    """execvpe(file, args[:-1], args[-1])."""
    env = args[-1]
    execvpe(file, args[:-1], env)


def execvp(file, args):
    """execv, looking the file up along PATH when it has no slash."""
    _execvpe(file, args)


def execvpe(file, args, env):
    """execve, looking the file up along PATH when it has no slash."""
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is not None:
        exec_func = execve
        argrest = (args, env)
    else:
        exec_func = execv
        argrest = (args,)
        env = environ
    if path.dirname(file):
        exec_func(file, *argrest)
        return
    saved_exc = None
    for dir in get_exec_path(env):
        fullname = path.join(dir, file)
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last_exc = e
        except OSError as e:
            last_exc = e
            if saved_exc is None:
                saved_exc = e
    if saved_exc is not None:
        raise saved_exc
    raise last_exc


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """open() on an existing descriptor."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


# -- os.PathLike --------------------------------------------------------------------------

class PathLike(abc.ABC):
    """Abstract base class for objects with a file-system path (__fspath__)."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for klass in subclass.__mro__:
                if '__fspath__' in klass.__dict__:
                    if klass.__dict__['__fspath__'] is None:
                        return NotImplemented
                    return True
        return NotImplemented

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)
