"""Filename globbing utility."""

import fnmatch
import os
import stat

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern.

    The pattern may contain simple shell-style wildcards a la
    fnmatch. Unlike fnmatch, filenames starting with a
    dot are special cases that are not matched by '*' and '?'
    patterns by default.

    If `include_hidden` is true, the patterns '*', '?', '**'  will match hidden
    directories.

    If `recursive` is true, the pattern '**' will match any files and
    zero or more directories and subdirectories.
    """
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern.

    The pattern may contain simple shell-style wildcards a la
    fnmatch. However, unlike fnmatch, filenames starting with a
    dot are special cases that are not matched by '*' and '?'
    patterns.

    If recursive is true, the pattern '**' will match any files and
    zero or more directories and subdirectories.
    """
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    finder = _Finder(root_dir, dir_fd, recursive, include_hidden)
    # An empty result stands for the start directory itself (a leading '**'
    # matching no directory); it is not a path to report.
    return (path for path in finder.expand(pathname, False) if path)


def has_magic(s):
    """Whether s contains a wildcard character."""
    if isinstance(s, bytes):
        return any(c in b'*?[' for c in s)
    return any(c in '*?[' for c in s)


def escape(pathname):
    """Escape all special characters.
    """
    drive, rest = os.path.splitdrive(pathname)
    if isinstance(rest, bytes):
        escaped = b''.join(b'[%c]' % c if c in b'*?[' else bytes((c,)) for c in rest)
    else:
        escaped = ''.join('[' + c + ']' if c in '*?[' else c for c in rest)
    return drive + escaped


def _is_hidden(name):
    return name[:1] in ('.', b'.')


def _is_double_star(part):
    return part in ('**', b'**')


class _Finder:
    """Expands one glob pattern; paths are relative to root_dir and dir_fd."""

    def __init__(self, root_dir, dir_fd, recursive, include_hidden):
        self.root_dir = root_dir
        self.dir_fd = dir_fd
        self.recursive = recursive
        self.include_hidden = include_hidden

    def expand(self, pattern, dirs_only):
        """Yield the existing paths matching pattern."""
        head, tail = os.path.split(pattern)
        if not has_magic(pattern):
            if self._literal(head, tail):
                yield pattern
            return
        if has_magic(head):
            parents = self.expand(head, True)
        else:
            parents = (head,)
        for parent in parents:
            for name in self._names_matching(parent, tail, dirs_only):
                yield os.path.join(parent, name)

    def _literal(self, parent, name):
        # A pattern ending in a separator names a directory.
        if name:
            return self._stat_ok(os.path.join(parent, name), os.lstat)
        return self._is_dir(parent)

    def _names_matching(self, parent, part, dirs_only):
        """Names under directory parent matching the single component part."""
        if self.recursive and _is_double_star(part):
            return self._walk(parent, dirs_only)
        if not has_magic(part):
            return [part] if self._literal(parent, part) else []
        names = [name for name, _ in self._entries(parent, dirs_only)]
        if not self.include_hidden and not _is_hidden(part):
            names = [name for name in names if not _is_hidden(name)]
        return fnmatch.filter(names, part)

    def _walk(self, parent, dirs_only):
        # '**' also matches zero directories, hence the empty name first.
        yield parent[:0]
        yield from self._descendants(parent, dirs_only)

    def _descendants(self, parent, dirs_only):
        for name, is_dir in self._entries(parent, dirs_only):
            if _is_hidden(name) and not self.include_hidden:
                continue
            yield name
            if is_dir:
                below = os.path.join(parent, name)
                for sub in self._descendants(below, dirs_only):
                    yield os.path.join(name, sub)

    def _where(self, path):
        if self.root_dir is not None:
            return os.path.join(self.root_dir, path)
        return path

    def _stat_ok(self, path, stat_func):
        try:
            if self.dir_fd is None:
                return stat_func(self._where(path))
            return stat_func(self._where(path), dir_fd=self.dir_fd)
        except (OSError, ValueError):
            return None

    def _is_dir(self, path):
        info = self._stat_ok(path, os.stat)
        return info is not None and stat.S_ISDIR(info.st_mode)

    def _entries(self, parent, dirs_only):
        """(name, is_dir) pairs for directory parent; none if unreadable."""
        where = self._where(parent) or (b'.' if isinstance(parent, bytes) else '.')
        try:
            if self.dir_fd is None:
                return self._scan(where, dirs_only)
            fd = os.open(where, os.O_RDONLY | os.O_DIRECTORY, dir_fd=self.dir_fd)
            try:
                pairs = self._scan(fd, dirs_only)
            finally:
                os.close(fd)
        except OSError:
            return []
        # Scanning a descriptor gives str names; bytes patterns need bytes.
        if isinstance(parent, bytes):
            pairs = [(os.fsencode(name), is_dir) for name, is_dir in pairs]
        return pairs

    @staticmethod
    def _scan(target, dirs_only):
        pairs = []
        with os.scandir(target) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir or not dirs_only:
                    pairs.append((entry.name, is_dir))
        return pairs
