"""Python part of the warnings subsystem: issuing warnings, the filters that decide what
happens to them, and how they are shown.

A filter is an (action, message, category, module, lineno) tuple. message and module are
None (anything), a plain string (compared for equality) or a compiled regular expression
(matched at the start). Registries remember what was shown where: each module has one in its
__warningregistry__ global, emptied whenever the filters change (see _filters_version).
"""

import operator
import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]

_ACTIONS = ("default", "always", "ignore", "module", "once", "error")

# The filters of a release build of CPython, as tuples of that form.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

_filters_version = 1


def _filters_mutated():
    # Registries record the version they were filled under and are emptied on a mismatch:
    # a new filter may want a warning shown again.
    global _filters_version
    _filters_version += 1


# -- showing warnings -----------------------------------------------------------------------

class WarningMessage(object):
    """One warning with everything known about it (catch_warnings(record=True) lists
    these)."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def _standard_text(msg):
    """The standard two-line form: where, category and message; then the source line."""
    category = msg.category.__name__
    text = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, category, msg.message)
    line = msg.line
    if line is None:
        # Any failure (a lineno that is not a number, an interpreter shutting down) only
        # costs the source line.
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    if line:
        text += "  %s\n" % line.strip()
    if msg.source is not None:
        # minipy has no tracemalloc, so CPython's hint for untraced objects always applies.
        text += "%s: Enable tracemalloc to get the object allocation traceback\n" % category
    return text


def _render(msg):
    # A formatwarning replaced by the user has the last word on the text.
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _standard_text(msg)


def _showwarnmsg_impl(msg):
    # The default destination; catch_warnings(record=True) swaps in a list's append.
    stream = sys.stderr if msg.file is None else msg.file
    if stream is None:
        return  # no stderr at all (pythonw-like): nowhere to show it
    try:
        stream.write(_render(msg))
    except OSError:
        pass  # a closed or broken stream must not turn the warning into an error


def _deliver(msg):
    hook = showwarning
    if hook is _showwarning_orig:
        _showwarnmsg_impl(msg)
        return
    if not callable(hook):
        raise TypeError("warnings.showwarning() must be set to a function or method")
    hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes the warning, formatted, to file (default sys.stderr). Programs may replace
    this function to show warnings their own way."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes for a warning: location, category, message, and the
    source line (read from the file when line is None)."""
    return _standard_text(WarningMessage(message, category, filename, lineno, None, line))


# The originals, to notice when a user replaced the hooks.
_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


# -- issuing warnings -----------------------------------------------------------------------

def _current(registry):
    """The registry, emptied first if it was filled under other filters."""
    if registry.get('version') != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    return registry


def _note(registry, key):
    """Records key in the registry; True if it was there already."""
    if _current(registry).get(key):
        return True
    registry[key] = True
    return False


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text) is not None


def _find_filter(text, category, module, lineno):
    """The first filter that applies: (action, the filter), or the default action."""
    for entry in filters:
        action, message_pattern, filter_category, module_pattern, filter_lineno = entry
        if (_matches(message_pattern, text) and issubclass(category, filter_category)
                and _matches(module_pattern, module)
                and (filter_lineno == 0 or filter_lineno == lineno)):
            return action, entry
    return defaultaction, None


def _handle(message, category, filename, lineno, module, registry, source):
    if registry is not None:
        _current(registry)
    if isinstance(message, Warning):
        text, category = str(message), type(message)
    else:
        text, message = message, category(message)
    key = (text, category, lineno)
    if registry is not None and registry.get(key):
        return  # shown from this very place already
    action, entry = _find_filter(text, category, module, lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always" and registry is not None:
        registry[key] = True
    if action == "once":
        if _note(onceregistry if registry is None else registry, (text, category)):
            return
    elif action == "module":
        if registry is not None and _note(registry, (text, category)):
            return
    elif action not in ("default", "always"):
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s"
                           % (action, entry))
    _deliver(WarningMessage(message, category, filename, lineno, source=source))


def _caller_context(stacklevel):
    """(filename, lineno, globals) of the code stacklevel frames above warn()'s caller's
    caller; sys's own context when the stack is not that deep."""
    try:
        # 0 is warn's caller here; a stacklevel below 1 still means the caller.
        frame = sys._getframe(max(stacklevel, 1) + 1)
    except ValueError:
        return "sys", 1, sys.__dict__
    return frame.f_code.co_filename, frame.f_lineno, frame.f_globals


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning attributed to the code stacklevel frames up (1: the caller). The
    filters decide whether it is shown, ignored or raised as an exception."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    filename, lineno, module_globals = _caller_context(operator.index(stacklevel))
    module = module_globals.get('__name__', '<string>')
    registry = module_globals.setdefault('__warningregistry__', {})
    _handle(message, category, filename, lineno, module, registry, source)


_NO_MODULE = object()


def warn_explicit(message, category, filename, lineno, module=_NO_MODULE,
                  registry=None, module_globals=None, source=None):
    """warn() with the place the warning is attributed to given rather than found on the
    stack; registry is the dict remembering what was shown from that module."""
    if not isinstance(filename, str):
        raise TypeError("warn_explicit() argument 3 must be str, not %s"
                        % type(filename).__name__)
    lineno = operator.index(lineno)
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'"
                        % type(module_globals).__name__)
    if module is None:
        return  # as in CPython, an explicit None module silences the warning
    if module is _NO_MODULE:
        module = (filename[:-3] if filename.endswith('.py') else filename) or '<unknown>'
    _handle(message, category, filename, lineno, module, registry, source)


# -- the filters ----------------------------------------------------------------------------

def _require(condition, message):
    if not condition:
        raise AssertionError(message)


def _add_filter(entry, append):
    # The same filter added again moves to the front (or, appended, stays where it is).
    if append:
        if entry not in filters:
            filters.append(entry)
    else:
        if entry in filters:
            filters.remove(entry)
        filters.insert(0, entry)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="",
                   lineno=0, append=False):
    """Adds a filter giving action to the warnings that match: message and module are
    regular expressions for the start of the text (case ignored) and of the module name,
    category a Warning subclass, lineno a line (0: any). New filters take precedence over
    the existing ones, unless append puts them last."""
    _require(action in _ACTIONS, "invalid action: %r" % (action,))
    _require(isinstance(message, str), "message must be a string")
    _require(isinstance(category, type), "category must be a class")
    _require(issubclass(category, Warning), "category must be a Warning subclass")
    _require(isinstance(module, str), "module must be a string")
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    message_pattern = module_pattern = None
    if message or module:
        import re
        message_pattern = re.compile(message, re.I) if message else None
        module_pattern = re.compile(module) if module else None
    _add_filter((action, message_pattern, category, module_pattern, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a filter matching every message and module (at the front, or at the end with
    append)."""
    _require(action in _ACTIONS, "invalid action: %r" % (action,))
    _require(isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Removes every filter (the default action then applies to all warnings)."""
    filters[:] = []
    _filters_mutated()


class catch_warnings(object):
    """A context manager that saves the warnings filters and showwarning on entry and
    restores them on exit. With record=True, warnings are not shown but collected as
    WarningMessage objects in the list that entering returns. With action, the filter
    simplefilter(action, category, lineno, append) is added on entry. module is the
    warnings module to act on (tests pass a stand-in)."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        details = []
        if self._record:
            details.append("record=True")
        if self._module is not sys.modules['warnings']:
            details.append("module=%r" % (self._module,))
        return "%s(%s)" % (type(self).__name__, ", ".join(details))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        target = self._module
        self._saved = (target.filters, target.showwarning, target._showwarnmsg_impl)
        target.filters = list(target.filters)
        target._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        # With the original showwarning, warnings reach _showwarnmsg_impl: the log here.
        target._showwarnmsg_impl = log.append
        target.showwarning = target._showwarning_orig
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        target = self._module
        target.filters, target.showwarning, target._showwarnmsg_impl = self._saved
        target._filters_mutated()


# -- -W options (sys.warnoptions) -----------------------------------------------------------

class _OptionError(Exception):
    """A -W option that cannot be applied."""


def _option_action(text):
    if not text:
        return "default"
    if text == "all":
        return "always"
    for action in _ACTIONS:
        if action.startswith(text):
            return action
    raise _OptionError("invalid action: %r" % (text,))


def _option_category(text):
    if not text:
        return Warning
    module_name, _, class_name = text.rpartition('.')
    if module_name:
        try:
            namespace = __import__(module_name, None, None, [class_name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module_name,)) from None
    else:
        import builtins as namespace
    try:
        category = getattr(namespace, class_name)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (text,)) from None
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise _OptionError("invalid warning category: %r" % (text,))
    return category


def _option_lineno(text):
    if not text:
        return 0
    try:
        value = int(text)
    except (ValueError, OverflowError):
        raise _OptionError("invalid lineno %r" % (text,)) from None
    if value < 0:
        raise _OptionError("invalid lineno %r" % (value,))
    return value


def _apply_option(option):
    """Adds the filter a -W option action:message:category:module:lineno describes (every
    field optional; message and module are literal text, not regular expressions)."""
    fields = option.split(':')
    if len(fields) > 5:
        raise _OptionError("too many fields (max 5): %r" % (option,))
    fields = [f.strip() for f in fields] + [''] * (5 - len(fields))
    action = _option_action(fields[0])
    category = _option_category(fields[2])
    message, module = fields[1], fields[3]
    if message or module:
        import re
        message = re.escape(message)
        module = re.escape(module) + r'\Z' if module else ''
    filterwarnings(action, message, category, module, _option_lineno(fields[4]))


def _processoptions(args):
    for option in args:
        try:
            _apply_option(option)
        except _OptionError as problem:
            print("Invalid -W option ignored:", problem, file=sys.stderr)


_processoptions(getattr(sys, 'warnoptions', ()))
