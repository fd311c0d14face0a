"""Object-oriented file system paths (POSIX flavour).

A path is kept as its root ('', '/' or '//': POSIX lets two leading slashes mean something
else) and its names, with '' and '.' components dropped when it is made. Pure paths only
compute; Path adds the methods that touch the file system, which go through os with the
path's string.
"""

import fnmatch
import io
import os
import stat

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]

_SEP = "/"
# errno values that mean "no such file" for the is_*() and exists() questions.
_MISSING_ERRNOS = (2, 20, 9, 40)  # ENOENT, ENOTDIR, EBADF, ELOOP


def _text_of(arg):
    """The str a constructor argument stands for."""
    if isinstance(arg, PurePath):
        return str(arg)
    text = os.fspath(arg)
    if not isinstance(text, str):
        raise TypeError("argument should be a str object or an os.PathLike object returning str, "
                        f"not {type(text)!r}")
    return text


def _split(texts):
    """(root, names) of the path the texts make when joined: an absolute one starts over."""
    root, names = "", []
    for text in texts:
        if text.startswith(_SEP):
            # Exactly two leading slashes are kept; one, or three and more, are one root.
            root = "//" if text.startswith("//") and not text.startswith("///") else "/"
            names = []
        names.extend(part for part in text.split(_SEP) if part and part != ".")
    return root, names


class _Parents:
    """path.parents: the ancestors of a path, nearest first, as a read-only sequence."""

    __slots__ = ("_path", "_count")

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index >= self._count or index < -self._count:
            raise IndexError(index)
        if index < 0:
            index += self._count
        return self._path._with_names(self._path._names[:self._count - index - 1])

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    """A path that is only computed with, never looked up. PurePath(...) makes the flavour of
    this system: a PurePosixPath."""

    __slots__ = ("_root", "_names", "_text")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_texts(args)

    @classmethod
    def _from_texts(cls, args):
        self = object.__new__(cls)
        self._root, self._names = _split(_text_of(arg) for arg in args)
        self._text = None
        return self

    def _with_names(self, names, root=None):
        """A path of the same class with this root (or `root`) and these names."""
        other = object.__new__(type(self))
        other._root = self._root if root is None else root
        other._names = list(names)
        other._text = None
        return other

    def __reduce__(self):
        return type(self), tuple(self.parts)

    def __str__(self):
        if self._text is None:
            self._text = self._root + _SEP.join(self._names) or "."
        return self._text

    __fspath__ = __str__

    def as_posix(self):
        """The path with forward slashes."""
        return str(self)

    def as_uri(self):
        """The path as a file: URI (for an absolute path)."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return "file://" + quote_from_bytes(os.fsencode(str(self)))

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    # Paths of one flavour compare by their parts (case matters on POSIX).
    def _comparable(self, other):
        return isinstance(other, PurePath) and other._flavour is self._flavour

    def __eq__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self.parts == other.parts

    def __hash__(self):
        return hash(self.parts)

    def __lt__(self, other):
        return self.parts < other.parts if self._comparable(other) else NotImplemented

    def __le__(self, other):
        return self.parts <= other.parts if self._comparable(other) else NotImplemented

    def __gt__(self, other):
        return self.parts > other.parts if self._comparable(other) else NotImplemented

    def __ge__(self, other):
        return self.parts >= other.parts if self._comparable(other) else NotImplemented

    @property
    def drive(self):
        """Always '' on POSIX."""
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        """The root (if any) and the names, as a tuple."""
        return ((self._root,) if self._root else ()) + tuple(self._names)

    @property
    def name(self):
        """The last name ('' for a bare root or '.')."""
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        """The last name's extension, with its dot ('' when there is none)."""
        name = self.name
        dot = name.rfind(".")
        return name[dot:] if 0 < dot < len(name) - 1 else ""

    @property
    def suffixes(self):
        """All of the last name's extensions, in order: ['.tar', '.gz']."""
        name = self.name
        if name.endswith("."):
            return []
        return ["." + ext for ext in name.lstrip(".").split(".")[1:]]

    @property
    def stem(self):
        """The last name without its suffix."""
        name, suffix = self.name, self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    def with_name(self, name):
        """The path with its last name replaced."""
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        root, names = _split([name])
        if not name or name.endswith(_SEP) or root or len(names) != 1:
            raise ValueError(f"Invalid name {name!r}")
        return self._with_names(self._names[:-1] + [name])

    def with_stem(self, stem):
        """The path with the last name's stem replaced (the suffix kept)."""
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """The path with the last suffix replaced (added if there is none, removed with '')."""
        if _SEP in suffix or (suffix and not suffix.startswith(".")) or suffix == ".":
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        return self._with_names(self._names[:-1] + [name[:len(name) - len(old)] + suffix])

    def relative_to(self, *other):
        """This path relative to `other` (joined); ValueError when it is not inside it."""
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        if base._root != self._root or self._names[:len(base._names)] != base._names:
            shown = str(base) if base._root or base._names else ""
            raise ValueError(f"{str(self)!r} is not in the subpath of {shown!r} OR one path is relative "
                             "and the other is absolute.")
        return self._with_names(self._names[len(base._names):], root="")

    def is_relative_to(self, *other):
        """Whether relative_to(*other) would succeed."""
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def joinpath(self, *args):
        """This path with the arguments appended (an absolute one starts over)."""
        return type(self)._from_texts((self,) + args)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_texts((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        """The path without its last name (a root or '.' is its own parent)."""
        return self._with_names(self._names[:-1]) if self._names else self

    @property
    def parents(self):
        return _Parents(self)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        """Reserved names exist only on Windows."""
        return False

    def match(self, path_pattern):
        """Whether the path ends with the glob-style pattern (matches whole if it is absolute)."""
        root, pattern_names = _split([path_pattern])
        if not root and not pattern_names:
            raise ValueError("empty pattern")
        if root:
            if root != self._root or len(pattern_names) != len(self._names):
                return False
        elif len(pattern_names) > len(self._names):
            return False
        tail = self._names[len(self._names) - len(pattern_names):]
        return all(fnmatch.fnmatchcase(name, pattern) for name, pattern in zip(tail, pattern_names))


# Paths of different flavours never compare equal; there is one flavour here.
PurePath._flavour = "posix"


class PurePosixPath(PurePath):
    """A pure path with POSIX rules."""

    __slots__ = ()


class PureWindowsPath(PurePath):
    """Windows paths are not supported by minipy."""

    __slots__ = ()

    def __new__(cls, *args):
        raise NotImplementedError("minipy has no Windows path flavour")


class Path(PurePath):
    """A path on this system's file system. Path(...) makes a PosixPath."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_texts(args)

    # Deprecated in 3.11 but still there: `with Path(...)` does nothing.
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        pass

    @classmethod
    def cwd(cls):
        """The current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """The user's home directory."""
        return cls("~").expanduser()

    def absolute(self):
        """The path made absolute against the current directory (no symlinks resolved)."""
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        """The absolute path with symlinks and '..' resolved; strict: it must exist."""
        return type(self)(os.path.realpath(str(self), strict=strict))

    def stat(self, *, follow_symlinks=True):
        return os.stat(str(self), follow_symlinks=follow_symlinks)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def owner(self):
        """The name of the user owning the file."""
        import pwd
        return pwd.getpwuid(self.stat().st_uid).pw_name

    def group(self):
        """The name of the group owning the file."""
        import grp
        return grp.getgrgid(self.stat().st_gid).gr_name

    def exists(self):
        return self._mode_satisfies(lambda mode: True)

    def _mode_satisfies(self, test, follow_symlinks=True):
        """test(st_mode), or False when the path cannot be looked at."""
        try:
            mode = self.stat(follow_symlinks=follow_symlinks).st_mode
        except OSError as e:
            if e.errno not in _MISSING_ERRNOS:
                raise
            return False
        except ValueError:
            return False
        return test(mode)

    def is_dir(self):
        return self._mode_satisfies(stat.S_ISDIR)

    def is_file(self):
        return self._mode_satisfies(stat.S_ISREG)

    def is_symlink(self):
        return self._mode_satisfies(stat.S_ISLNK, follow_symlinks=False)

    def is_block_device(self):
        return self._mode_satisfies(stat.S_ISBLK)

    def is_char_device(self):
        return self._mode_satisfies(stat.S_ISCHR)

    def is_fifo(self):
        return self._mode_satisfies(stat.S_ISFIFO)

    def is_socket(self):
        return self._mode_satisfies(stat.S_ISSOCK)

    def is_mount(self):
        """Whether the directory is a mount point: on another device than its parent, or its
        own parent (compared through .parent, as CPython 3.11 does)."""
        if not self.is_dir():
            return False
        try:
            parent = self.parent.stat()
        except OSError:
            return False
        mine = self.stat()
        return mine.st_dev != parent.st_dev or mine.st_ino == parent.st_ino

    def samefile(self, other_path):
        """Whether both paths are the same file (other_path: a path or a string)."""
        other = other_path if isinstance(other_path, Path) else type(self)(other_path)
        return os.path.samestat(self.stat(), other.stat())

    def iterdir(self):
        """The directory's entries (not '.' and '..'), in the order the system gives."""
        for name in os.listdir(str(self)):
            yield self._with_names(self._names + [name])

    def glob(self, pattern):
        """The existing paths under this directory that match the relative pattern; '**' stands
        for this directory and all directories below it, a trailing '/' for directories only."""
        if not pattern:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        root, names = _split([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern.endswith(_SEP):
            names.append("")
        yield from self._glob_from(names)

    def rglob(self, pattern):
        """glob() of the pattern in this directory and every directory below it."""
        yield from self.glob("**/" + pattern)

    def _glob_from(self, names):
        if not names:
            yield self
            return
        first, rest = names[0], names[1:]
        if first == "":
            if self.is_dir():
                yield self
        elif first == "**":
            seen = set()
            for directory in self._walk_dirs():
                for found in directory._glob_from(rest):
                    if found not in seen:
                        seen.add(found)
                        yield found
        elif any(c in first for c in "*?["):
            for name in self._listing():
                child = self._with_names(self._names + [name])
                if fnmatch.fnmatchcase(name, first) and (not rest or child.is_dir()):
                    yield from child._glob_from(rest)
        else:
            child = self._with_names(self._names + [first])
            if child.is_dir() if rest else child.exists():
                yield from child._glob_from(rest)

    def _listing(self):
        try:
            return os.listdir(str(self))
        except OSError:
            return []

    def _walk_dirs(self):
        """This directory and all below it, not following symlinks to directories."""
        yield self
        for name in self._listing():
            child = self._with_names(self._names + [name])
            if child.is_dir() and not child.is_symlink():
                yield from child._walk_dirs()

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=io.text_encoding(encoding), errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open("wb") as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError(f"data must be str, not {type(data).__name__}")
        with self.open("w", encoding=io.text_encoding(encoding), errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        """The path a symbolic link points to."""
        return type(self)(os.readlink(str(self)))

    def touch(self, mode=0o666, exist_ok=True):
        """Creates the file, or (exist_ok) updates its modification time."""
        if exist_ok:
            try:
                os.utime(str(self), None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
        os.close(os.open(str(self), flags, mode))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Creates the directory; parents: missing ancestors too; exist_ok: no error if it is
        already a directory."""
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        """Renames to target; returns the new path."""
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        """Renames to target, replacing what is there; returns the new path."""
        os.replace(str(self), os.fspath(target))
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        """Makes this path a symbolic link to target."""
        os.symlink(os.fspath(target), str(self), target_is_directory)

    def hardlink_to(self, target):
        """Makes this path a hard link to the file target."""
        os.link(os.fspath(target), str(self))

    def expanduser(self):
        """The path with a leading ~ or ~user replaced by that home directory."""
        if self._root or not self._names or not self._names[0].startswith("~"):
            return self
        home = os.path.expanduser(self._names[0])
        if home.startswith("~"):
            raise RuntimeError("Could not determine home directory.")
        return type(self)(home, *self._names[1:])


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""

    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Cannot be made on this system."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
