"""Operating-system interfaces: everything the native posix module offers, os.path
(posixpath), the environ mappings and the helpers written in Python (makedirs, walk,
fsencode, the exec*p family, ...)."""

import abc
import sys
from collections.abc import Mapping, MutableMapping, _check_methods

import posix
from posix import *
from posix import _exit

import posixpath as path
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                       devnull)

# "import os.path" must find the module os imported as its path attribute.
sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
supports_bytes_environ = True

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep", "_exit", "makedirs", "removedirs", "renames", "walk",
           "getenv", "supports_bytes_environ", "environb", "getenvb",
           "execl", "execle", "execlp", "execlpe", "execvp", "execvpe"]
__all__ += [n for n in dir(posix) if not n.startswith('_')]

# The functions accepting a dir_fd argument, a file descriptor in place of the path,
# follow_symlinks=False, and effective_ids=True (shutil and pathlib ask).
supports_dir_fd = {access, chmod, link, lstat, mkdir, open, readlink, remove,
                   rename, replace, rmdir, stat, symlink, unlink, utime}
supports_fd = {chdir, chmod, listdir, scandir, stat, truncate, utime}
supports_follow_symlinks = {access, chmod, link, stat, utime}
supports_effective_ids = {access}


# -- directory trees ------------------------------------------------------------------------

def _parent(p):
    """The directory holding p (trailing separators ignored); empty when p has none."""
    head, tail = path.split(p)
    if not tail:
        head = path.split(head)[0]
    return head


def makedirs(name, mode=0o777, exist_ok=False):
    """Creates the directory name and every missing ancestor (like mkdir -p). mode applies
    to the leaf only. An existing leaf raises FileExistsError unless exist_ok."""
    missing = []
    ancestor = _parent(name)
    while ancestor and not path.exists(ancestor):
        missing.append(ancestor)
        ancestor = _parent(ancestor)
    for directory in reversed(missing):
        try:
            mkdir(directory)
        except FileExistsError:
            pass  # another process made it meanwhile, or it is a '.' or '..' alias
    if missing and path.basename(name) in (curdir, curdir.encode()):
        return  # "x/." names the directory just created
    try:
        mkdir(name, mode)
    except OSError:
        if not (exist_ok and path.isdir(name)):
            raise


def removedirs(name):
    """Removes the directory name, then each ancestor that this leaves empty."""
    rmdir(name)
    ancestor = _parent(name)
    while ancestor:
        try:
            rmdir(ancestor)
        except OSError:
            return
        ancestor = _parent(ancestor)


def renames(old, new):
    """rename() that first creates the directories new needs, then removes the ones old
    leaves empty."""
    target_dir, target_name = path.split(new)
    if target_dir and target_name and not path.exists(target_dir):
        makedirs(target_dir)
    rename(old, new)
    source_dir, source_name = path.split(old)
    if source_dir and source_name:
        try:
            removedirs(source_dir)
        except OSError:
            pass


def _list_directory(top, onerror, want_descend, followlinks):
    """One directory's (dirs, nondirs, subdirectory paths to descend into), or None when it
    cannot be read (onerror is told). Descend paths are only gathered if want_descend."""
    dirs, nondirs, descend = [], [], []
    try:
        with scandir(top) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (dirs if is_dir else nondirs).append(entry.name)
                if is_dir and want_descend and (followlinks or not _entry_is_link(entry)):
                    descend.append(entry.path)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return None
    return dirs, nondirs, descend


def _entry_is_link(entry):
    try:
        return entry.is_symlink()
    except OSError:
        return False


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Generates (dirpath, dirnames, filenames) for the tree rooted at top. Top-down, the
    caller may edit dirnames in place to choose where the walk goes; bottom-up, each
    directory comes after everything below it."""
    # Work items: a path still to list, or a finished triple waiting to be yielded.
    pending = [fspath(top)]
    while pending:
        item = pending.pop()
        if isinstance(item, tuple):
            yield item
            continue
        listing = _list_directory(item, onerror, not topdown, followlinks)
        if listing is None:
            continue
        dirs, nondirs, descend = listing
        if topdown:
            yield item, dirs, nondirs
            descend = [path.join(item, d) for d in dirs]
            descend = [p for p in descend if followlinks or not path.islink(p)]
        else:
            pending.append((item, dirs, nondirs))
        pending.extend(reversed(descend))


# -- the environment ------------------------------------------------------------------------

def _require(kind, value):
    if not isinstance(value, kind):
        raise TypeError("%s expected, not %s" % (kind.__name__, type(value).__name__))
    return value


class _Environ(MutableMapping):
    """A view of the process environment. Assignments and deletions also reach the C
    environment (putenv/unsetenv), so child processes inherit them. The native store holds
    str; to_native/from_native convert this view's keys and values."""

    def __init__(self, store, to_native, from_native):
        self._store = store
        self._to_native = to_native
        self._from_native = from_native

    def __getitem__(self, key):
        try:
            native = self._store[self._to_native(key)]
        except KeyError:
            raise KeyError(key) from None
        return self._from_native(native)

    def __setitem__(self, key, value):
        native_key = self._to_native(key)
        native_value = self._to_native(value)
        putenv(native_key, native_value)
        self._store[native_key] = native_value

    def __delitem__(self, key):
        native_key = self._to_native(key)
        unsetenv(native_key)
        if self._store.pop(native_key, None) is None:
            raise KeyError(key)

    def __iter__(self):
        # A snapshot, so the loop body may change the environment.
        for native_key in list(self._store):
            yield self._from_native(native_key)

    def __len__(self):
        return len(self._store)

    def __repr__(self):
        shown = ', '.join('%r: %r' % (self._from_native(k), self._from_native(v))
                          for k, v in self._store.items())
        return 'environ({%s})' % shown

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
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = dict(self)
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        merged = dict(other)
        merged.update(self)
        return merged


def _str_as_native(value):
    return _require(str, value)


def _native_as_str(value):
    return value


def _bytes_as_native(value):
    return fsdecode(_require(bytes, value))


def _native_as_bytes(value):
    return fsencode(value)


environ = _Environ(posix.environ, _str_as_native, _native_as_str)
# Both views share the one str store; environb converts at its boundary.
environb = _Environ(posix.environ, _bytes_as_native, _native_as_bytes)


def getenv(key, default=None):
    """The environment variable key (a str), or default."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """The environment variable key (a bytes), or default."""
    return environb.get(key, default)


# -- file-system encoding -------------------------------------------------------------------

def fsencode(filename):
    """The path as bytes: str is encoded as UTF-8 with surrogateescape."""
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    """The path as str: bytes are decoded as UTF-8 with surrogateescape."""
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


def get_exec_path(env=None):
    """The directories searched for a program: env's PATH (str or bytes key), os.defpath
    when it has none. env defaults to os.environ."""
    if env is None:
        env = environ
    found = [env[k] for k in ('PATH', b'PATH') if _has_key(env, k)]
    if len(found) > 1:
        raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
    search = found[0] if found and found[0] is not None else defpath
    return fsdecode(search).split(pathsep)


def _has_key(env, key):
    try:
        return key in env
    except TypeError:
        return False  # environ refuses keys of the other type


# -- running programs -----------------------------------------------------------------------

def execl(file, *args):
    """execv(file, args)."""
    execv(file, args)


def execle(file, *args):
    """execve(file, args[:-1], env), env being the last argument."""
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    """execvp(file, args)."""
    execvp(file, args)


def execlpe(file, *args):
    """execvpe(file, args[:-1], env), env being the last argument."""
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    """execv, looking the program up along PATH when file has no directory part."""
    _exec_searching(file, lambda program: execv(program, args), environ)


def execvpe(file, args, env):
    """execve, looking the program up along env's PATH when file has no directory part."""
    _exec_searching(file, lambda program: execve(program, args, env), env)


def _exec_searching(file, run, env):
    if path.dirname(file):
        run(file)
        return
    # A candidate that exists but fails (say, not executable) explains the failure better
    # than "not found" from the directories tried after it.
    first_real_error = last_error = None
    for directory in get_exec_path(env):
        try:
            run(path.join(directory, file))
        except (FileNotFoundError, NotADirectoryError) as error:
            last_error = error
        except OSError as error:
            last_error = error
            if first_real_error is None:
                first_real_error = error
    raise first_real_error or last_error


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object for the open descriptor fd (as io.open(fd, ...))."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


# -- os.PathLike ----------------------------------------------------------------------------

class PathLike(abc.ABC):
    """The abstract base class of objects representing a file-system path (__fspath__)."""

    @abc.abstractmethod
    def __fspath__(self):
        """The file-system path of the object, as str or bytes."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is not PathLike:
            return NotImplemented
        return _check_methods(subclass, '__fspath__')

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)
