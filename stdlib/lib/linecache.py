"""Source lines of files, read once and cached (tracebacks and inspect show them)."""

import codecs
import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname) once the lines are known. A source registered by
# lazycache() and not fetched yet is a 1-tuple holding the function that returns its text.
# Sources that came from a loader have mtime None: there is no file to compare them with.
cache = {}


def _is_pseudo(filename):
    """True for '', '<string>', '<stdin>', '<frozen os>' and the like: code with no file."""
    return not filename or (filename.startswith("<") and filename.endswith(">"))


def _is_lazy(entry):
    return len(entry) == 1


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line number `lineno` (from 1) of `filename` with its newline, or '' if there is none."""
    lines = getlines(filename, module_globals)
    if 0 < lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """All lines of `filename`, read at most once; [] when it cannot be read."""
    entry = cache.get(filename)
    if entry is not None and not _is_lazy(entry):
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Forget cached files whose size or modification time changed on disk (or that vanished):
    every file, or only `filename`."""
    if filename is None:
        names = list(cache)
    else:
        names = [filename] if filename in cache else []
    for name in names:
        entry = cache.get(name)
        if entry is None or _is_lazy(entry) or entry[1] is None:
            continue
        size, mtime, _, fullname = entry
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if st.st_size != size or st.st_mtime != mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Read `filename` afresh into the cache and return its lines ([] when unavailable).

    A name that is not a file may get its source from the loader found in module_globals;
    failing that, a relative name is looked up in the directories of sys.path."""
    entry = cache.get(filename)
    if entry is not None and not _is_lazy(entry):
        del cache[filename]
    if _is_pseudo(filename):
        return []
    try:
        fullname, st = filename, os.stat(filename)
    except OSError:
        lines = _fetch_from_loader(filename, module_globals)
        if lines is not None:
            return lines
        fullname, st = _find_on_path(filename)
        if fullname is None:
            return []
    try:
        with open(fullname, "rb") as f:
            raw = f.read()
    except OSError:
        return []
    text = _decode_source(raw)
    if text is None:
        return []
    lines = _split_lines(text)
    cache[filename] = (st.st_size, st.st_mtime, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    """Register the loader named in module_globals as the source of `filename`, to be asked
    only when the lines are needed. True when `filename` now has such a pending source."""
    if filename in cache:
        return _is_lazy(cache[filename])
    if _is_pseudo(filename) or not module_globals or "__name__" not in module_globals:
        return False
    module_name = module_globals["__name__"]
    loader = module_globals.get("__loader__")
    if loader is None:
        loader = getattr(module_globals.get("__spec__"), "loader", None)
    get_source = getattr(loader, "get_source", None)
    if not (module_name and get_source):
        return False
    cache[filename] = (lambda: get_source(module_name),)
    return True


def _fetch_from_loader(filename, module_globals):
    """Lines of `filename` from its registered loader; None when there is no such loader or it
    failed (the registration then stays), [] when it has no source."""
    if not lazycache(filename, module_globals):
        return None
    try:
        text = cache[filename][0]()
    except (ImportError, OSError):
        return None
    if text is None:
        return []
    lines = [line + "\n" for line in text.splitlines()]
    cache[filename] = (len(text), None, lines, filename)
    return lines


def _find_on_path(filename):
    """(path, stat result) of relative `filename` in the first sys.path directory holding it,
    or (None, None)."""
    if os.path.isabs(filename):
        return None, None
    for directory in sys.path:
        try:
            candidate = os.path.join(directory, filename)
        except (TypeError, AttributeError):
            # sys.path may hold entries that are not directory names.
            continue
        try:
            return candidate, os.stat(candidate)
        except OSError:
            pass
    return None, None


def _decode_source(raw):
    """Text of Python source bytes, decoded as PEP 263 says (UTF-8 BOM, else a coding
    declaration in the first two lines, else UTF-8); None when that fails."""
    has_bom = raw.startswith(codecs.BOM_UTF8)
    if has_bom:
        raw = raw[len(codecs.BOM_UTF8):]
    encoding = "utf-8"
    declared = _declared_encoding(raw)
    if declared is not None:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            return None
        if has_bom and encoding != "utf-8":
            return None
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_encoding(raw):
    """The encoding named by a 'coding[:=]NAME' comment on line 1, or on line 2 when line 1 is
    blank or a comment; None without one."""
    for line in raw.split(b"\n", 2)[:2]:
        stripped = line.lstrip(b" \t\f")
        if not stripped.startswith(b"#"):
            if stripped.strip():
                return None
            continue
        name = _coding_name(stripped.decode("latin-1"))
        if name is not None:
            return name
    return None


def _coding_name(comment):
    """NAME from the first 'coding:NAME' or 'coding=NAME' in a comment line, or None."""
    start = 0
    while True:
        at = comment.find("coding", start)
        if at < 0:
            return None
        start = at + len("coding")
        if comment[start:start + 1] in (":", "="):
            rest = comment[start + 1:].lstrip(" \t")
            end = 0
            while end < len(rest) and (rest[end].isalnum() or rest[end] in "-_."):
                end += 1
            if end:
                return rest[:end]


def _split_lines(text):
    """Lines of `text` with universal newlines, each ending with '\\n'."""
    pieces = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if pieces[-1] == "":
        pieces.pop()
    return [piece + "\n" for piece in pieces]
