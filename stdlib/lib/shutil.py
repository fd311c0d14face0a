"""High-level file operations: copying files, their metadata and whole trees, removing
trees, moving, changing ownership, finding programs (which) and the terminal size."""

import os
import stat
import sys

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2", "copytree",
           "move", "rmtree", "Error", "SpecialFileError", "ignore_patterns", "which",
           "get_terminal_size", "SameFileError", "chown"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    """A failure of a high-level operation; copytree gives it the list of (src, dst, why)."""


class SameFileError(Error):
    """Source and destination of a copy name one file."""


class SpecialFileError(OSError):
    """The operation (copying, say) makes no sense for this kind of file (a named pipe)."""


# -- files ----------------------------------------------------------------------------------

def copyfileobj(fsrc, fdst, length=0):
    """Copies everything fsrc.read() gives to fdst.write(), length at a time."""
    chunk_size = length or COPY_BUFSIZE
    chunk = fsrc.read(chunk_size)
    while chunk:
        fdst.write(chunk)
        chunk = fsrc.read(chunk_size)


def _is_same_file(src, dst):
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False  # one of them does not exist yet


def _refuse_named_pipes(*paths):
    for p in paths:
        try:
            mode = os.stat(p).st_mode
        except OSError:
            continue
        if stat.S_ISFIFO(mode):
            raise SpecialFileError("`%s` is a named pipe" % os.fspath(p))


def _both_links(src, dst):
    return os.path.islink(src) and os.path.islink(dst)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents of src to dst (no metadata) and returns dst. With
    follow_symlinks false, a symlink src is recreated as a symlink."""
    if _is_same_file(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    _refuse_named_pipes(src, dst)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as source, open(dst, 'wb') as target:
        copyfileobj(source, target)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Gives dst the permission bits of src."""
    if not follow_symlinks and _both_links(src, dst):
        return  # symlink permissions cannot be changed on Linux
    os.chmod(dst, stat.S_IMODE(os.stat(src).st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Gives dst the permission bits and the access and modification times of src."""
    if not follow_symlinks and _both_links(src, dst):
        return
    info = os.stat(src)
    os.utime(dst, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.chmod(dst, stat.S_IMODE(info.st_mode))


def _into_directory(src, dst):
    # Copying into a directory means copying to a file of the same name inside it.
    if os.path.isdir(dst):
        return os.path.join(dst, os.path.basename(src))
    return dst


def copy(src, dst, *, follow_symlinks=True):
    """Copies the data and permission bits of src to dst (a file or a directory to copy
    into); returns the file written."""
    dst = _into_directory(src, dst)
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """copy() that also keeps the access and modification times."""
    dst = _into_directory(src, dst)
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


# -- trees ----------------------------------------------------------------------------------

def ignore_patterns(*patterns):
    """An ignore function for copytree: it skips the names matching any glob pattern."""
    # fnmatch brings in re; importing it only here keeps shutil (and tempfile) quick to load.
    import fnmatch

    def ignored(directory, names):
        return {n for n in names if any(fnmatch.fnmatch(n, p) for p in patterns)}
    return ignored


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the directory tree src to dst, creating dst (which must not exist unless
    dirs_exist_ok) and returns dst. Symlinks are copied as links when symlinks is true,
    else what they point to. The failures of single entries are gathered into one Error."""
    with os.scandir(src) as listing:
        entries = list(listing)
    skipped = ignore(os.fspath(src), [e.name for e in entries]) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    failures = []

    def copy_subtree(source, target):
        copytree(source, target, symlinks, ignore, copy_function,
                 ignore_dangling_symlinks, dirs_exist_ok)

    for entry in entries:
        if entry.name in skipped:
            continue
        source = os.path.join(src, entry.name)
        target = os.path.join(dst, entry.name)
        try:
            if entry.is_symlink() and symlinks:
                os.symlink(os.readlink(source), target)
                copystat(source, target, follow_symlinks=False)
            elif entry.is_symlink() and ignore_dangling_symlinks and \
                    not os.path.exists(os.readlink(source)):
                # (As CPython does, a relative target is looked up from the current
                # directory, not from the link's.)
                continue
            elif entry.is_dir():
                copy_subtree(source, target)
            else:
                copy_function(source, target)
        except Error as nested:
            failures.extend(nested.args[0])
        except OSError as why:
            failures.append((source, target, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        failures.append((src, dst, str(why)))
    if failures:
        raise Error(failures)
    return dst


def _report_nothing(function, path, exc_info):
    pass


def _raise_current(function, path, exc_info):
    raise


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Deletes the directory tree at path. A failure is ignored (ignore_errors), passed to
    onerror(function, path, sys.exc_info()), or raised. path must not be a symlink."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    if ignore_errors:
        onerror = _report_nothing
    elif onerror is None:
        onerror = _raise_current
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    if stat.S_ISLNK(mode):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError:
            onerror(os.path.islink, path, sys.exc_info())
        return
    _remove_tree(path, onerror)


# Whether rmtree is immune to symlinks swapped in while it runs (it is not: no *at() calls).
rmtree.avoids_symlink_attacks = False


def _remove_tree(top, onerror):
    try:
        with os.scandir(top) as listing:
            entries = list(listing)
    except OSError:
        onerror(os.scandir, top, sys.exc_info())
        entries = []
    for entry in entries:
        try:
            descend = entry.is_dir(follow_symlinks=False)
        except OSError:
            descend = False
        if descend:
            _remove_tree(entry.path, onerror)
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            onerror(os.unlink, entry.path, sys.exc_info())
    try:
        os.rmdir(top)
    except OSError:
        onerror(os.rmdir, top, sys.exc_info())


def _last_component(p):
    # basename, ignoring trailing separators ("dir/" names "dir", not "").
    p = os.fspath(p)
    return os.path.basename(p.rstrip(b'/' if isinstance(p, bytes) else '/'))


def _is_inside(src, dst):
    """Is dst src itself or somewhere below it?"""
    src, dst = os.path.abspath(src), os.path.abspath(dst)
    slash = b'/' if isinstance(src, bytes) else '/'
    return (dst + slash).startswith(src.rstrip(slash) + slash)


def move(src, dst, copy_function=copy2):
    """Moves the file or tree src to dst (into it, when dst is a directory) and returns
    where it went. os.rename is used when possible, else a copy followed by a removal."""
    destination = dst
    if os.path.isdir(dst):
        if _is_same_file(src, dst):
            # The same directory under another spelling (case-insensitive file systems).
            os.rename(src, dst)
            return None
        destination = os.path.join(dst, _last_component(src))
        if os.path.exists(destination):
            raise Error("Destination path '%s' already exists" % destination)
    try:
        os.rename(src, destination)
        return destination
    except OSError:
        pass  # another file system, or a destination rename refuses: copy then delete
    if os.path.islink(src):
        os.symlink(os.readlink(src), destination)
        os.unlink(src)
    elif os.path.isdir(src):
        if _is_inside(src, dst):
            raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
        copytree(src, destination, copy_function=copy_function, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, destination)
        os.unlink(src)
    return destination


# -- ownership ------------------------------------------------------------------------------

def _database_id(lookup, name, field):
    """The id in name's entry of the user or group database; None when there is no entry."""
    try:
        entry = lookup(name)
    except KeyError:
        return None
    return getattr(entry, field)


def chown(path, user=None, group=None):
    """Changes the owner and/or group of path; each is a name or a numeric id, None
    leaves it as it is."""
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    uid = gid = -1
    # A user that is not a str goes to os.chown as the uid; a group that is not an int is
    # looked up as a name (so both report their own TypeError).
    if isinstance(user, str):
        import pwd
        uid = _database_id(pwd.getpwnam, user, 'pw_uid')
        if uid is None:
            raise LookupError(f"no such user: {user!r}")
    elif user is not None:
        uid = user
    if isinstance(group, int):
        gid = group
    elif group is not None:
        import grp
        gid = _database_id(grp.getgrnam, group, 'gr_gid')
        if gid is None:
            raise LookupError(f"no such group: {group!r}")
    os.chown(path, uid, gid)


# -- programs and the terminal --------------------------------------------------------------

def _env_dimension(variable):
    try:
        value = int(os.environ[variable])
    except (KeyError, ValueError):
        return 0
    return max(value, 0)


def get_terminal_size(fallback=(80, 24)):
    """The terminal size as os.terminal_size: $COLUMNS and $LINES when set to positive
    numbers, else what the terminal on sys.__stdout__ reports, else fallback."""
    columns = _env_dimension('COLUMNS')
    lines = _env_dimension('LINES')
    if not (columns and lines):
        try:
            measured = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            measured = os.terminal_size(fallback)
        columns = columns or measured.columns or fallback[0]
        lines = lines or measured.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _runnable(candidate, mode):
    return (os.path.exists(candidate) and os.access(candidate, mode)
            and not os.path.isdir(candidate))


def _search_path():
    search = os.environ.get('PATH')
    if search is not None:
        return search
    try:
        return os.confstr('CS_PATH')
    except (AttributeError, ValueError):
        return os.defpath


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program cmd would run, looked up along path (default $PATH), or
    None. A cmd with a directory part is checked as it is."""
    if os.path.dirname(cmd):
        return cmd if _runnable(cmd, mode) else None
    if path is None:
        path = _search_path()
    if not path:
        return None
    if isinstance(cmd, bytes):
        directories = os.fsencode(path).split(os.fsencode(os.pathsep))
    else:
        directories = os.fsdecode(path).split(os.pathsep)
    tried = set()
    for directory in directories:
        if directory in tried:
            continue
        tried.add(directory)
        candidate = os.path.join(directory, cmd)
        if _runnable(candidate, mode):
            return candidate
    return None
