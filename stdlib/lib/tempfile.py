"""Temporary files and directories.

Everything is created in one step that fails if the name exists (O_EXCL, mkdir), readable and
writable by the owner only, under a random name in gettempdir() unless `dir` says otherwise.
The high-level classes remove what they created when closed or cleaned up.
"""

import _thread
import errno as _errno
import io as _io
import os as _os
from types import GenericAlias as _GenericAlias

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = getattr(_os, "TMP_MAX", 10000)
template = "tmp"
# The directory the functions use by default; found on first use unless set first.
tempdir = None

_tempdir_lock = _thread.allocate_lock()
_OPEN_FLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | _os.O_NOFOLLOW | _os.O_CLOEXEC
_NAME_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_name_source = None  # (pid, random.Random): a child process after fork() gets its own


def _random_part():
    """Eight random letters for a new name."""
    global _name_source
    pid = _os.getpid()
    if _name_source is None or _name_source[0] != pid:
        import random
        _name_source = (pid, random.Random())
    choose = _name_source[1].choice
    return "".join(choose(_NAME_LETTERS) for _ in range(8))


def _usable(directory):
    """Whether a file can be created, written and removed in `directory`."""
    for _ in range(100):
        probe = _os.path.join(directory, _random_part())
        try:
            fd = _os.open(probe, _OPEN_FLAGS, 0o600)
        except FileExistsError:
            continue
        except OSError:
            return False
        try:
            _os.write(fd, b"minipy")
            return True
        except OSError:
            return False
        finally:
            _os.close(fd)
            _os.unlink(probe)
    return False


def _find_tempdir():
    """The first usable of $TMPDIR, $TEMP, $TMP, the usual system folders, and the cwd."""
    candidates = [_os.getenv(name) for name in ("TMPDIR", "TEMP", "TMP")]
    candidates += ["/tmp", "/var/tmp", "/usr/tmp"]
    try:
        candidates.append(_os.getcwd())
    except OSError:
        candidates.append(_os.curdir)
    for directory in candidates:
        if directory and _usable(directory):
            return _os.path.abspath(directory)
    raise FileNotFoundError(_errno.ENOENT, "No usable temporary directory found in %s" %
                            [c for c in candidates if c])


def gettempdir():
    """The default directory for temporary files, as str."""
    global tempdir
    if tempdir is None:
        with _tempdir_lock:
            if tempdir is None:
                tempdir = _find_tempdir()
    return _os.fsdecode(tempdir)


def gettempdirb():
    """The default directory for temporary files, as bytes."""
    return _os.fsencode(gettempdir())


def gettempprefix():
    """The default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """The default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


def _name_parts(prefix, suffix, directory):
    """Defaults for missing parts, all of one type: bytes if any part given is bytes."""
    given = [part for part in (prefix, suffix, directory) if part is not None]
    given = [_os.fspath(part) if isinstance(part, _os.PathLike) else part for part in given]
    as_bytes = any(isinstance(part, bytes) for part in given)
    if as_bytes and not all(isinstance(part, bytes) for part in given):
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    if isinstance(directory, _os.PathLike):
        directory = _os.fspath(directory)
    if as_bytes:
        return (gettempprefixb() if prefix is None else prefix, b"" if suffix is None else suffix,
                gettempdirb() if directory is None else directory, bytes)
    return (gettempprefix() if prefix is None else prefix, "" if suffix is None else suffix,
            gettempdir() if directory is None else directory, str)


def _create_unique(prefix, suffix, directory, make):
    """Calls make(path) on new random paths until one does not exist yet; returns both."""
    for _ in range(TMP_MAX):
        middle = _random_part()
        if isinstance(prefix, bytes):
            middle = _os.fsencode(middle)
        path = _os.path.abspath(_os.path.join(directory, prefix + middle + suffix))
        try:
            return make(path), path
        except FileExistsError:
            continue
    raise FileExistsError(_errno.EEXIST, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a new file readable and writable by its owner only; returns (fd, absolute path).

    The caller owns the file: it is not removed automatically. `text` makes no difference on
    POSIX systems.
    """
    prefix, suffix, dir, _ = _name_parts(prefix, suffix, dir)
    return _create_unique(prefix, suffix, dir, lambda path: _os.open(path, _OPEN_FLAGS, 0o600))


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a new directory accessible by its owner only; returns its absolute path."""
    prefix, suffix, dir, _ = _name_parts(prefix, suffix, dir)
    return _create_unique(prefix, suffix, dir, lambda path: _os.mkdir(path, 0o700))[1]


def mktemp(suffix="", prefix=template, dir=None):
    """A path that did not exist when asked (deprecated: another process may take it first)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _random_part() + suffix)
        if not _os.path.lexists(path):
            return path
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


def _open_new(mode, buffering, encoding, newline, errors, suffix, prefix, dir):
    """A file object on a new temporary file, and that file's path."""
    if "b" not in mode:
        encoding = _io.text_encoding(encoding)
    fd, path = mkstemp(suffix, prefix, dir)
    try:
        return _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors), path
    except BaseException:
        _os.close(fd)
        _os.unlink(path)
        raise


class _TemporaryFileWrapper:
    """A file object that removes its file when closed (if `delete`), with the file's `name`.

    Everything else is the wrapped file's: attribute access goes through to it.
    """

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._removed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def close(self):
        try:
            self.file.close()
        finally:
            if self.delete and not self._removed:
                self._removed = True
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb):
        result = self.file.__exit__(exc_type, exc, tb)
        self.close()
        return result

    def __iter__(self):
        # Iterating the file directly would hand out the file, not the wrapper that owns it.
        for line in self.file:
            yield line

    def __del__(self):
        if not self.__dict__.get("_removed", True):
            self.close()


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (its `name`), removed on close unless delete=False."""
    file, path = _open_new(mode, buffering, encoding, newline, errors, suffix, prefix, dir)
    return _TemporaryFileWrapper(file, path, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """A temporary file without a name in the file system: it is gone once closed."""
    if "b" not in mode:
        encoding = _io.text_encoding(encoding)
    fd, path = mkstemp(suffix, prefix, dir)
    try:
        _os.unlink(path)
        return _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory until it grows past max_size or needs a descriptor.

    Then it "rolls over" to a TemporaryFile with the same contents and position.
    """

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                 prefix=None, dir=None, *, errors=None):
        self._binary = "b" in mode
        if self._binary:
            self._file = _io.BytesIO()
        else:
            encoding = _io.text_encoding(encoding)
            if encoding == "locale":
                encoding = "UTF-8"
            self._file = _io.StringIO(newline=newline)
        self._max_size = max_size
        self._mode = mode
        self._encoding = encoding
        self._errors = errors if errors is not None or self._binary else "strict"
        self._file_args = dict(mode=mode, buffering=buffering, suffix=suffix, prefix=prefix, encoding=encoding,
                               newline=newline, dir=dir, errors=errors)

    __class_getitem__ = classmethod(_GenericAlias)

    def _check_size(self):
        if self._max_size and not self._rolled and self._file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        """Moves the contents to a real temporary file (once)."""
        if self._rolled:
            return
        memory = self._file
        position = memory.tell()
        disk = TemporaryFile(**self._file_args)
        if self._binary:
            disk.write(memory.getvalue())
        else:
            contents = memory.getvalue()
            disk.write(contents)
            # Text positions on disk count encoded bytes.
            position = len(contents[:position].encode(self._encoding, self._errors))
        disk.seek(position, 0)
        self._file = disk
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc_type, exc, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __del__(self):
        if not self.closed:
            self.close()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        if self._binary:
            return self._file.encoding
        return self._encoding

    @property
    def errors(self):
        if self._binary:
            return self._file.errors
        return self._errors

    @property
    def mode(self):
        return self._file.mode if self._rolled else self._mode

    @property
    def name(self):
        return self._file.name if self._rolled else None

    @property
    def newlines(self):
        return self._file.newlines

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    def readable(self):
        return self._file.readable()

    def seekable(self):
        return self._file.seekable()

    def writable(self):
        return self._file.writable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is not None and self._max_size and size > self._max_size:
            self.rollover()
        if size is None:
            return self._file.truncate()
        return self._file.truncate(size)

    def write(self, s):
        written = self._file.write(s)
        self._check_size()
        return written

    def writelines(self, iterable):
        result = self._file.writelines(iterable)
        self._check_size()
        return result

    def detach(self):
        return self._file.detach()


class TemporaryDirectory:
    """A temporary directory removed with its contents by cleanup() or at the end of a with block.

    `with TemporaryDirectory() as name:` gives the path. ignore_cleanup_errors=True makes
    removal errors silent.
    """

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._removed = False

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc_type, exc, tb):
        self.cleanup()

    def __del__(self):
        if not self.__dict__.get("_removed", True):
            self.cleanup()

    __class_getitem__ = classmethod(_GenericAlias)

    def cleanup(self):
        if self._removed or not _os.path.lexists(self.name):
            self._removed = True
            return
        self._removed = True
        import shutil
        shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
