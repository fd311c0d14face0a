"""Pathname operations for POSIX (os.path). Every function accepts str, bytes or an
os.PathLike object and answers in the type its arguments have."""

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir", "isfile",
           "ismount", "expanduser", "expandvars", "normpath", "abspath",
           "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

# After the constants: os imports them from here, and "import posixpath" may come first.
import os
import stat


class _Tokens:
    """The separator and special names, in the flavour (str or bytes) of one path."""

    def __init__(self, kind):
        encode = (lambda s: s.encode('ascii')) if kind is bytes else (lambda s: s)
        self.sep = encode('/')
        self.dot = encode('.')
        self.dotdot = encode('..')
        self.empty = encode('')
        self.tilde = encode('~')
        self.dollar = encode('$')


_STR_TOKENS = _Tokens(str)
_BYTES_TOKENS = _Tokens(bytes)


def _tokens(path):
    return _BYTES_TOKENS if isinstance(path, bytes) else _STR_TOKENS


def _fspath_or_self(obj):
    # The value to type-check: what os.fspath gives, or the object itself when it has none.
    try:
        return os.fspath(obj)
    except TypeError:
        return obj


def _same_flavour(funcname, paths):
    """Raises CPython's TypeError unless the paths are all str or all bytes."""
    for p in paths:
        if not isinstance(p, (str, bytes)):
            raise TypeError('%s() argument must be str, bytes, or os.PathLike object, not %r'
                            % (funcname, type(p).__name__))
    if len({isinstance(p, bytes) for p in paths}) > 1:
        raise TypeError("Can't mix strings and bytes in path components")


def _nonempty_parts(path, tok):
    return [part for part in path.split(tok.sep) if part and part != tok.dot]


# -- pure string operations -----------------------------------------------------------------

def normcase(s):
    """POSIX names are case sensitive: the path comes back unchanged."""
    return os.fspath(s)


def isabs(s):
    """Does the path start at the root?"""
    s = os.fspath(s)
    return s.startswith(_tokens(s).sep)


def join(a, *p):
    """Joins components with '/'; an absolute component restarts the path."""
    result = os.fspath(a)
    rest = [_fspath_or_self(part) for part in p]
    _same_flavour('join', [result] + rest)
    slash = _tokens(result).sep
    for part in rest:
        if part.startswith(slash) or not result:
            result = part
        elif result.endswith(slash):
            result += part
        else:
            result += slash + part
    return result


def _cut(path):
    """Index just past the last separator: where the final component starts."""
    return path.rfind(_tokens(path).sep) + 1


def _trim_head(head, slash):
    # Trailing separators go, unless the head is nothing but separators (the root).
    stripped = head.rstrip(slash)
    return stripped if stripped else head


def split(p):
    """(head, tail): tail is the final component, head everything before it."""
    p = os.fspath(p)
    i = _cut(p)
    return _trim_head(p[:i], _tokens(p).sep), p[i:]


def basename(p):
    """The final component of the path."""
    p = os.fspath(p)
    return p[_cut(p):]


def dirname(p):
    """The path without its final component."""
    p = os.fspath(p)
    return _trim_head(p[:_cut(p)], _tokens(p).sep)


def splitext(p):
    """(root, ext): ext starts at the final component's last dot; the dots a name starts
    with (as in '.bashrc') do not begin an extension."""
    p = os.fspath(p)
    dot = _tokens(p).dot
    start = _cut(p)
    name = p[start:]
    leading_dots = len(name) - len(name.lstrip(dot))
    last_dot = name.rfind(dot)
    if last_dot < leading_dots:
        return p, p[:0]
    return p[:start + last_dot], p[start + last_dot:]


def splitdrive(p):
    """POSIX has no drive letters: (empty, p)."""
    p = os.fspath(p)
    return p[:0], p


def commonprefix(m):
    """The longest string every item starts with (compared item by item, not by component)."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = [os.fspath(item) for item in m]
    lowest, highest = min(m), max(m)
    # Every item sorts between these two, so their common prefix is everyone's.
    for i, (x, y) in enumerate(zip(lowest, highest)):
        if x != y:
            return lowest[:i]
    return lowest


def normpath(path):
    """Removes redundant separators, '.' and resolvable '..' components, lexically.
    Exactly two leading slashes are kept, as POSIX allows them a special meaning."""
    path = os.fspath(path)
    tok = _tokens(path)
    if not path:
        return tok.dot
    slashes = len(path) - len(path.lstrip(tok.sep))
    root = tok.sep * 2 if slashes == 2 else tok.sep * min(slashes, 1)
    kept = []
    for part in _nonempty_parts(path, tok):
        if part != tok.dotdot:
            kept.append(part)
        elif kept and kept[-1] != tok.dotdot:
            kept.pop()
        elif not root:
            kept.append(part)
        # '..' at the root stays at the root.
    return (root + tok.sep.join(kept)) or tok.dot


def _cwd_like(path):
    return os.getcwdb() if isinstance(path, bytes) else os.getcwd()


def abspath(path):
    """The absolute, normalised form of the path."""
    path = os.fspath(path)
    if not isabs(path):
        path = join(_cwd_like(path), path)
    return normpath(path)


def relpath(path, start=None):
    """The path written relative to start (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    tok = _tokens(path)
    start = tok.dot if start is None else os.fspath(start)
    _same_flavour('relpath', [path, start])
    target = _nonempty_parts(abspath(path), tok)
    origin = _nonempty_parts(abspath(start), tok)
    shared = 0
    for a, b in zip(target, origin):
        if a != b:
            break
        shared += 1
    steps = [tok.dotdot] * (len(origin) - shared) + target[shared:]
    return join(*steps) if steps else tok.dot


def commonpath(paths):
    """The longest path every one of the paths lies under (whole components)."""
    paths = [os.fspath(p) for p in paths]
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    _same_flavour('commonpath', paths)
    tok = _tokens(paths[0])
    if len({p.startswith(tok.sep) for p in paths}) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [_nonempty_parts(p, tok) for p in paths]
    common = min(split_paths, key=len)
    for parts in split_paths:
        n = 0
        while n < len(common) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    root = tok.sep if paths[0].startswith(tok.sep) else tok.empty
    return root + tok.sep.join(common)


# -- questions to the file system -----------------------------------------------------------

def _stat_or_none(path, follow):
    try:
        return os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None


def _has_mode(path, follow, predicate):
    st = _stat_or_none(path, follow)
    return st is not None and predicate(st.st_mode)


def exists(path):
    """Does the path name an existing file (symlinks followed)?"""
    return _stat_or_none(path, True) is not None


def lexists(path):
    """Does the path exist? A broken symlink counts."""
    return _stat_or_none(path, False) is not None


def isfile(path):
    """Is the path a regular file (symlinks followed)?"""
    return _has_mode(path, True, stat.S_ISREG)


def isdir(s):
    """Is the path a directory (symlinks followed)?"""
    return _has_mode(s, True, stat.S_ISDIR)


def islink(path):
    """Is the path a symbolic link?"""
    return _has_mode(path, False, stat.S_ISLNK)


def ismount(path):
    """Is the path a mount point: its parent lies on another device, or is itself (/)?"""
    here = _stat_or_none(path, False)
    if here is None or stat.S_ISLNK(here.st_mode):
        return False
    path = os.fspath(path)
    parent = _stat_or_none(realpath(join(path, _tokens(path).dotdot)), False)
    if parent is None:
        return False
    return here.st_dev != parent.st_dev or here.st_ino == parent.st_ino


def getsize(filename):
    """The file's size in bytes."""
    return os.stat(filename).st_size


def getmtime(filename):
    """The last modification time, in seconds since the epoch."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """The last access time, in seconds since the epoch."""
    return os.stat(filename).st_atime


def getctime(filename):
    """The last metadata change time, in seconds since the epoch."""
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    """Do the two stat results describe the same file (device and inode)?"""
    return (s1.st_dev, s1.st_ino) == (s2.st_dev, s2.st_ino)


def samefile(f1, f2):
    """Do the two paths name the same file?"""
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    """Are the two file descriptors open on the same file?"""
    return samestat(os.fstat(fp1), os.fstat(fp2))


# -- expansions -----------------------------------------------------------------------------

def _home_of(user):
    """The home directory of user (None: the current user), as str; None if unknown."""
    if user is None and 'HOME' in os.environ:
        return os.environ['HOME']
    try:
        import pwd
    except ImportError:
        return None
    try:
        entry = pwd.getpwuid(os.getuid()) if user is None else pwd.getpwnam(user)
    except KeyError:
        return None
    return entry.pw_dir


def expanduser(path):
    """Replaces a leading '~' or '~user' by that user's home directory; the path is
    returned unchanged when the home directory cannot be found."""
    path = os.fspath(path)
    tok = _tokens(path)
    if not path.startswith(tok.tilde):
        return path
    end = path.find(tok.sep, 1)
    if end < 0:
        end = len(path)
    user = path[1:end]
    if isinstance(user, bytes):
        user = str(user, 'ascii')
    home = _home_of(user or None)
    if home is None:
        return path
    if isinstance(path, bytes):
        home = os.fsencode(home)
    return (home.rstrip(tok.sep) + path[end:]) or tok.sep


def _is_word_char(c):
    # What \w matches in ASCII mode: letters, digits and the underscore.
    return c == '_' or ('0' <= c <= '9') or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _variable_at(text, i):
    """The variable reference starting with the '$' at text[i] (text is str):
    (name, index after it), or None when no name follows."""
    if text.startswith('{', i + 1):
        close = text.find('}', i + 2)
        if close < 0:
            return None
        return text[i + 2:close], close + 1
    end = i + 1
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    if end == i + 1:
        return None
    return text[i + 1:end], end


def expandvars(path):
    """Replaces $name and ${name} by the environment variable's value; references to
    unknown variables are left as written."""
    path = os.fspath(path)
    tok = _tokens(path)
    if tok.dollar not in path:
        return path
    if isinstance(path, bytes):
        # Scan a latin-1 view: one character per byte, so indexes carry over.
        text = path.decode('latin-1')
        environ = os.environb

        def lookup(name):
            return environ[name.encode('latin-1')].decode('latin-1')
    else:
        text = path

        def lookup(name):
            return os.environ[name]
    pieces = []
    done = 0
    i = text.find('$')
    while i >= 0:
        found = _variable_at(text, i)
        if found is None:
            i = text.find('$', i + 1)
            continue
        name, after = found
        try:
            value = lookup(name)
        except KeyError:
            pass
        else:
            pieces.append(text[done:i])
            pieces.append(value)
            done = after
        i = text.find('$', after)
    pieces.append(text[done:])
    result = ''.join(pieces)
    return result.encode('latin-1') if isinstance(path, bytes) else result


# -- symbolic links -------------------------------------------------------------------------

def realpath(filename, *, strict=False):
    """The canonical path: every symlink resolved and '.' and '..' removed. A missing
    component or a symlink loop is left unresolved, or raises OSError when strict."""
    filename = os.fspath(filename)
    tok = _tokens(filename)
    resolved = [] if isabs(filename) else _nonempty_parts(_cwd_like(filename), tok)
    # Components still to handle, the next one last; a tuple marks where the expansion of
    # the symlink it names ends.
    todo = list(reversed(filename.split(tok.sep)))
    expanding = set()
    known = {}

    def here():
        return tok.sep + tok.sep.join(resolved)

    while todo:
        part = todo.pop()
        if isinstance(part, tuple):
            link = part[0]
            expanding.discard(link)
            known[link] = list(resolved)
            continue
        if not part or part == tok.dot:
            continue
        if part == tok.dotdot:
            if resolved:
                resolved.pop()
            continue
        candidate = join(here(), part)
        try:
            is_link = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            resolved.append(part)
            continue
        if candidate in known:
            resolved = list(known[candidate])
            continue
        if candidate in expanding:
            if strict:
                os.stat(candidate)  # raises the ELOOP error
            rest = [p for p in reversed(todo) if not isinstance(p, tuple)]
            return join(candidate, *rest)
        target = os.readlink(candidate)
        if isabs(target):
            resolved = []
        expanding.add(candidate)
        todo.append((candidate,))
        todo.extend(reversed(target.split(tok.sep)))
    return here()
