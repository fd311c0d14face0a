"""Temporary files and directories: mkstemp, mkdtemp, NamedTemporaryFile, TemporaryFile,
TemporaryDirectory and SpooledTemporaryFile."""

import io as _io
import os as _os
import shutil as _shutil
import _thread

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_once_lock = _thread.allocate_lock()
_characters = "abcdefghijklmnopqrstuvwxyz0123456789_"
# POSIX has no text/binary distinction, so mkstemp's `text` flag changes nothing here.
_flags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | _os.O_NOFOLLOW | _os.O_CLOEXEC


def _random_name():
    # os.urandom keeps names unpredictable without seeding a shared random.Random.
    raw = _os.urandom(8)
    return "".join(_characters[b % len(_characters)] for b in raw)


def _candidate_tempdir_list():
    dirlist = []
    for envname in ("TMPDIR", "TEMP", "TMP"):
        dirname = _os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    dirlist.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        dirlist.append(_os.getcwd())
    except OSError:
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    for dir in _candidate_tempdir_list():
        if dir != _os.curdir:
            dir = _os.path.abspath(dir)
        # A directory counts only if a file can really be created and written in it.
        for _ in range(100):
            filename = _os.path.join(dir, _random_name())
            try:
                fd = _os.open(filename, _flags, 0o600)
                try:
                    _os.write(fd, b"blat")
                finally:
                    _os.close(fd)
                    _os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except OSError:
                break
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % _candidate_tempdir_list())


def gettempdir():
    """The directory temporary files go to (TMPDIR, TEMP, TMP, /tmp, ...)."""
    global tempdir
    if tempdir is None:
        with _once_lock:
            if tempdir is None:
                tempdir = _get_default_tempdir()
    return _os.fsdecode(tempdir)


def gettempdirb():
    return _os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return _os.fsencode(template)


def _sanitize_params(prefix, suffix, dir):
    output_type = str
    for arg in (prefix, suffix, dir):
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        if isinstance(arg, bytes):
            output_type = bytes
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    dir = _os.path.abspath(dir)
    for _ in range(TMP_MAX):
        name = _random_name()
        if output_type is bytes:
            name = _os.fsencode(name)
        file = _os.path.join(dir, pre + name + suf)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, file
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a file only this user can read and write; returns (fd, absolute path)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix, _flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Creates a directory only this user can use; returns its absolute path."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    for _ in range(TMP_MAX):
        name = _random_name()
        if output_type is bytes:
            name = _os.fsencode(name)
        file = _os.path.join(dir, prefix + name + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: another process may take it)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _random_name() + suffix)
        if not _os.path.exists(file):
            return file
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object that also has .name and removes the file on close when delete is true."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def __iter__(self):
        return iter(self.file)

    def __del__(self):
        if not self._closed:
            self.close()

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper object at 0x%x>" % id(self)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (.name), removed on close unless delete=False."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _flags, output_type)
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                        errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """An anonymous temporary file: its name is unlinked at once, so it vanishes on close."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _flags, output_type)
    try:
        _os.unlink(name)
        return _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                        errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class SpooledTemporaryFile:
    """Keeps data in memory until it grows past max_size (or fileno() is needed), then moves
    it to a real TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = _io.BytesIO()
        else:
            self._file = _io.StringIO(newline=newline)
        self._max_size = max_size
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering, "suffix": suffix,
                                   "prefix": prefix, "encoding": encoding, "newline": newline,
                                   "dir": dir, "errors": errors}

    def _check(self, file):
        if self._rolled:
            return
        if self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        # Text positions of the memory file are characters; writing up to the current position
        # first gives the matching (opaque) position in the real file.
        pos = file.tell()
        value = file.getvalue()
        newfile.write(value[:pos])
        mark = newfile.tell()
        newfile.write(value[pos:])
        newfile.seek(mark, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            self._file.truncate()
        else:
            if size > self._max_size:
                self.rollover()
            self._file.truncate(size)

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv


class TemporaryDirectory:
    """A directory made by mkdtemp and removed with everything in it by cleanup() or at the end
    of a with block (which binds the directory's name)."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done:
            return
        self._done = True
        if _os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    def __del__(self):
        if not getattr(self, "_done", True):
            self.cleanup()
