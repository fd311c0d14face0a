"""Object-oriented paths: PurePath/PurePosixPath do path arithmetic only; Path/PosixPath also
touch the file system. Only POSIX paths exist here (no PureWindowsPath)."""

import io
import os
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISFIFO, S_ISSOCK, S_ISBLK, S_ISCHR

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath", "WindowsPath"]


def _parse_parts(parts):
    """(root, [names]) of path segments joined in order: an absolute segment restarts the path;
    '.' and empty names vanish, '..' stays (it depends on symlinks)."""
    root = ""
    names = []
    for part in parts:
        if not part:
            continue
        if part.startswith("/"):
            # POSIX keeps exactly two leading slashes; one or three and more mean one.
            root = "//" if part.startswith("//") and not part.startswith("///") else "/"
            names = []
        for name in part.split("/"):
            if name and name != ".":
                names.append(name)
    return root, names


class PurePath:
    """A path that is never looked up: joining, splitting and comparing by its text."""

    __slots__ = ("_root", "_names", "_str", "_hash")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                parts.append(str(a))
                continue
            a = os.fspath(a)
            if isinstance(a, str):
                parts.append(a)
            else:
                raise TypeError("argument should be a str object or an os.PathLike object "
                                "returning str, not %r" % type(a))
        root, names = _parse_parts(parts)
        return cls._from_parsed(root, names)

    @classmethod
    def _from_parsed(cls, root, names):
        self = object.__new__(cls)
        self._root = root
        self._names = names
        self._str = None
        self._hash = None
        return self

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._names)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def _key(self):
        return (self._root, self._names)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(str(self))
        return self._hash

    def _cmp_parts(self):
        return [self._root] + self._names

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmp_parts() < other._cmp_parts()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmp_parts() <= other._cmp_parts()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmp_parts() > other._cmp_parts()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._cmp_parts() >= other._cmp_parts()

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._names)
        return tuple(self._names)

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + suffix for suffix in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """The path with its final component replaced."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parsed(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """The path with its suffix changed ('' removes it)."""
        if "/" in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from_parsed(self._root, self._names[:-1] + [name])

    def relative_to(self, *other):
        """The path relative to `other`; ValueError when it is not below it."""
        if not other:
            raise TypeError("need at least one argument")
        base = self._from_parts(other)
        n = len(base._names)
        if base._root != self._root or self._names[:n] != base._names:
            formatted = str(base)
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and "
                             "the other is absolute.".format(str(self), formatted))
        return self._from_parsed("", self._names[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return self._from_parts((self,) + args)

    def __truediv__(self, key):
        try:
            return self._from_parts((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_parts((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        if not self._names:
            return self
        return self._from_parsed(self._root, self._names[:-1])

    @property
    def parents(self):
        """The ancestors, nearest first (a sequence supporting indexing and slicing)."""
        result = []
        names = self._names
        for i in range(len(names) - 1, -1, -1):
            result.append(self._from_parsed(self._root, names[:i]))
        return tuple(result)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Whether the path matches a glob pattern, compared from the right (or wholly when
        the pattern is absolute)."""
        pat = PurePosixPath(path_pattern)
        pat_parts = pat.parts
        if not pat_parts:
            raise ValueError("empty pattern")
        parts = self.parts
        if pat._root:
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        import fnmatch  # needs re; most programs never call match()
        for part, pattern in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pattern):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path with POSIX semantics."""

    __slots__ = ()


class Path(PurePath):
    """A path on the local file system, with methods that look at and change it."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.__class__(other_path).stat()
        return os.path.samestat(st, other_st)

    def iterdir(self):
        """Yields the paths of the directory's entries (not '.' and '..')."""
        for name in os.listdir(self):
            yield self._from_parsed(self._root, self._names + [name])

    def glob(self, pattern):
        """Yields the paths below this one matching a relative glob pattern ('**' recurses)."""
        import glob as _glob
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        if pattern.startswith("/"):
            raise NotImplementedError("Non-relative patterns are unsupported")
        # Unlike glob.glob, pathlib matches names starting with a dot too.
        for name in _glob.iglob(pattern, root_dir=str(self), recursive=True,
                                include_hidden=True):
            yield self.joinpath(name)

    def rglob(self, pattern):
        """glob('**/' + pattern)."""
        yield from self.glob("**/" + pattern)

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parts([os.getcwd(), str(self)])

    def resolve(self, strict=False):
        """The absolute path with symlinks and '..' resolved."""
        s = os.path.realpath(self)
        if strict:
            self.stat()
        return self._from_parts((s,))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                            % type(data).__name__)
        with self.open(mode="wb") as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return self._from_parts((os.readlink(self),))

    def touch(self, mode=0o666, exist_ok=True):
        """Creates the file, or (exist_ok) updates its modification time."""
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Creates the directory (and missing parents with parents=True)."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def rename(self, target):
        """Renames to target and returns the new path."""
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        os.link(target, self)

    def exists(self):
        try:
            self.stat()
        except (OSError, ValueError):
            return False
        return True

    def _mode_is(self, test, follow=True):
        try:
            return test(self.stat(follow_symlinks=follow).st_mode)
        except (OSError, ValueError):
            return False

    def is_dir(self):
        return self._mode_is(S_ISDIR)

    def is_file(self):
        return self._mode_is(S_ISREG)

    def is_mount(self):
        return os.path.ismount(self)

    def is_symlink(self):
        return self._mode_is(S_ISLNK, False)

    def is_block_device(self):
        return self._mode_is(S_ISBLK)

    def is_char_device(self):
        return self._mode_is(S_ISCHR)

    def is_fifo(self):
        return self._mode_is(S_ISFIFO)

    def is_socket(self):
        return self._mode_is(S_ISSOCK)

    def expanduser(self):
        if not self._root and self._names and self._names[0].startswith("~"):
            homedir = os.path.expanduser(self._names[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return self._from_parts([homedir] + self._names[1:])
        return self


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""

    __slots__ = ()


class WindowsPath(Path):
    """Not available on POSIX systems, as in CPython."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
