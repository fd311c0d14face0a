"""Look at live objects: type predicates, call signatures, docstrings, source and frames."""

import enum
import functools
import linecache
import os
import re
import sys
import types
from collections import namedtuple

__all__ = [
    'BoundArguments', 'CO_ASYNC_GENERATOR', 'CO_COROUTINE', 'CO_GENERATOR',
    'CO_ITERABLE_COROUTINE', 'CO_NESTED', 'CO_NEWLOCALS', 'CO_NOFREE', 'CO_OPTIMIZED',
    'CO_VARARGS', 'CO_VARKEYWORDS', 'FrameInfo', 'FullArgSpec', 'Parameter', 'Signature',
    'Traceback', 'cleandoc', 'currentframe', 'formatannotation', 'get_annotations',
    'getattr_static', 'getcallargs', 'getdoc', 'getfile', 'getframeinfo', 'getfullargspec',
    'getinnerframes', 'getmembers', 'getmembers_static', 'getmodule', 'getouterframes',
    'getsource', 'getsourcefile', 'getsourcelines', 'isabstract', 'isasyncgen',
    'isasyncgenfunction', 'isawaitable', 'isbuiltin', 'isclass', 'iscode', 'iscoroutine',
    'iscoroutinefunction', 'isdatadescriptor', 'isframe', 'isfunction', 'isgenerator',
    'isgeneratorfunction', 'isgetsetdescriptor', 'ismemberdescriptor', 'ismethod',
    'ismethoddescriptor', 'ismodule', 'isroutine', 'istraceback', 'signature', 'stack',
    'trace', 'unwrap',
]

# Code object flag bits (code.co_flags).
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


# ---------------------------------------------------------------------------
# What kind of object is this?

def ismodule(object):
    """True for module objects."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """True for classes (instances of type)."""
    return isinstance(object, type)


def ismethod(object):
    """True for bound methods."""
    return isinstance(object, types.MethodType)


def isfunction(object):
    """True for Python functions (def and lambda)."""
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    """True for built-in functions and methods bound to an object."""
    return isinstance(object, types.BuiltinFunctionType)


def iscode(object):
    """True for code objects."""
    return isinstance(object, types.CodeType)


def isframe(object):
    """True for frame objects."""
    return isinstance(object, types.FrameType)


def istraceback(object):
    """True for traceback objects."""
    return isinstance(object, types.TracebackType)


def _plain_callable(object):
    # Descriptor tests leave out the objects that have their own predicate.
    return isclass(object) or ismethod(object) or isfunction(object)


def ismethoddescriptor(object):
    """True for objects with __get__ but no __set__ on their type (str.join, classmethod...)."""
    if _plain_callable(object):
        return False
    kind = type(object)
    return hasattr(kind, '__get__') and not hasattr(kind, '__set__')


def isdatadescriptor(object):
    """True for objects whose type defines __set__ or __delete__ (property, slots...)."""
    if _plain_callable(object):
        return False
    kind = type(object)
    return hasattr(kind, '__set__') or hasattr(kind, '__delete__')


def isgetsetdescriptor(object):
    """True for attributes of built-in types computed by getter/setter functions."""
    return isinstance(object, types.GetSetDescriptorType)


def ismemberdescriptor(object):
    """True for __slots__ members and other struct-field descriptors."""
    return isinstance(object, types.MemberDescriptorType)


def isroutine(object):
    """True for any kind of function or method, Python or built-in."""
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or isinstance(object, types.MethodWrapperType) or ismethoddescriptor(object))


def isabstract(object):
    """True for a class that cannot be instantiated because of abstract methods."""
    if not isinstance(object, type):
        return False
    pending = getattr(object, '__abstractmethods__', None)
    if pending is not None:
        return bool(pending)
    # An ABC being created: __abstractmethods__ is not computed yet.
    if any(getattr(value, '__isabstractmethod__', False) for value in object.__dict__.values()):
        return True
    for base in object.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if getattr(getattr(object, name, None), '__isabstractmethod__', False):
                return True
    return False


def _code_flags(obj):
    # Methods and functools.partial objects are looked through to the function they call.
    while True:
        if ismethod(obj):
            obj = obj.__func__
        elif isinstance(obj, functools.partial):
            obj = obj.func
        else:
            break
    return obj.__code__.co_flags if isfunction(obj) else 0


def isgeneratorfunction(obj):
    """True for a function (or method, or partial of one) defined with yield."""
    return bool(_code_flags(obj) & CO_GENERATOR)


def iscoroutinefunction(obj):
    """True for a function (or method, or partial of one) defined with async def."""
    return bool(_code_flags(obj) & CO_COROUTINE)


def isasyncgenfunction(obj):
    """True for an async def function containing yield."""
    return bool(_code_flags(obj) & CO_ASYNC_GENERATOR)


def isgenerator(object):
    """True for generator objects."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """True for coroutine objects made by async def functions."""
    return isinstance(object, types.CoroutineType)


def isasyncgen(object):
    """True for asynchronous generator objects."""
    return isinstance(object, types.AsyncGeneratorType)


def isawaitable(object):
    """True if `object` can be used in an await expression."""
    if iscoroutine(object):
        return True
    if isgenerator(object):
        # Generators from @types.coroutine functions are awaitable.
        return bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE)
    return getattr(type(object), '__await__', None) is not None


# ---------------------------------------------------------------------------
# Members and static attribute lookup

def _collect_members(object, predicate, fetch):
    names = set(dir(object))
    if isclass(object):
        # A metaclass __dir__ may hide names the class really has.
        for klass in object.__mro__:
            names.update(klass.__dict__)
    found = []
    for name in names:
        try:
            value = fetch(object, name)
        except AttributeError:
            if not isclass(object):
                continue
            owners = [klass for klass in object.__mro__ if name in klass.__dict__]
            if not owners:
                continue
            value = owners[0].__dict__[name]
        if predicate is None or predicate(value):
            found.append((name, value))
    found.sort(key=lambda pair: pair[0])
    return found


def getmembers(object, predicate=None):
    """All (name, value) attribute pairs of `object`, sorted by name, optionally filtered."""
    return _collect_members(object, predicate, getattr)


def getmembers_static(object, predicate=None):
    """getmembers() without running descriptors, __getattr__ or __getattribute__."""
    return _collect_members(object, predicate, getattr_static)


_MISSING = object()
_type_mro = type.__dict__['__mro__'].__get__
_type_dict = type.__dict__['__dict__'].__get__


def _lookup_in(classes, name):
    for klass in classes:
        namespace = _type_dict(klass)
        if name in namespace:
            return namespace[name]
    return _MISSING


def _instance_dict(obj):
    # Only a real __dict__ slot counts: a __dict__ property would run code.
    slot = _lookup_in(_type_mro(type(obj)), '__dict__')
    if isinstance(slot, types.GetSetDescriptorType) and slot.__name__ == '__dict__':
        try:
            return slot.__get__(obj, type(obj))
        except AttributeError:
            pass
    return {}


def _is_data_descriptor(value):
    kind_mro = _type_mro(type(value))
    return (_lookup_in(kind_mro, '__set__') is not _MISSING
            or _lookup_in(kind_mro, '__delete__') is not _MISSING)


def getattr_static(obj, attr, default=_MISSING):
    """Find an attribute the way getattr() would, without triggering any code.

    Descriptors are returned as they are stored, not called.
    """
    if isinstance(obj, type):
        own = _lookup_in(_type_mro(obj), attr)
        meta = _lookup_in(_type_mro(type(obj)), attr)
    else:
        own = _instance_dict(obj).get(attr, _MISSING)
        meta = _lookup_in(_type_mro(type(obj)), attr)
    # A data descriptor on the type wins over what the object itself holds.
    if meta is not _MISSING and _is_data_descriptor(meta):
        return meta
    if own is not _MISSING:
        return own
    if meta is not _MISSING:
        return meta
    if default is not _MISSING:
        return default
    raise AttributeError(attr)


# ---------------------------------------------------------------------------
# Docstrings

def cleandoc(doc):
    """Normalise a docstring: tabs expanded, common indentation (after line 1) removed,
    blank lines at both ends dropped."""
    lines = doc.expandtabs().split('\n')
    lines[0] = lines[0].lstrip()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()]
    if indents:
        margin = min(indents)
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[0]:
        del lines[0]
    while lines and not lines[-1]:
        del lines[-1]
    return '\n'.join(lines)


def _owner_by_qualname(func):
    # The class a function was defined in, found through its __qualname__.
    path = func.__qualname__.split('.')[:-1]
    if not path or '<locals>' in path:
        return None
    holder = sys.modules.get(func.__module__)
    for part in path:
        holder = getattr(holder, part, None)
    return holder if isclass(holder) else None


def _inherited_doc(obj):
    if isclass(obj):
        for klass in obj.__mro__:
            if klass is not object and isinstance(klass.__doc__, str):
                return klass.__doc__
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        owner = obj.__self__
        # A classmethod is bound to the class itself; anything else to an instance.
        via_class = getattr(getattr(owner, name, None), '__func__', None) is obj.__func__
        if not (isclass(owner) and via_class):
            owner = type(owner)
    elif isfunction(obj):
        name = obj.__name__
        owner = _owner_by_qualname(obj)
    elif isinstance(obj, property):
        if obj.fget is None:
            return None
        name = obj.fget.__name__
        owner = _owner_by_qualname(obj.fget)
    elif ismethoddescriptor(obj) or isdatadescriptor(obj):
        name = getattr(obj, '__name__', None)
        owner = getattr(obj, '__objclass__', None)
    else:
        return None
    if owner is None or name is None:
        return None
    for klass in owner.__mro__:
        doc = getattr(klass.__dict__.get(name), '__doc__', None)
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """The cleaned-up docstring of `object`, inherited from its class hierarchy if it has
    none of its own; None if there is no string to show."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        doc = _inherited_doc(object)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


# ---------------------------------------------------------------------------
# Modules, files and source code

def getfile(object):
    """The name of the file a module, class, method, function, traceback, frame or code
    object was defined in."""
    if ismodule(object):
        path = getattr(object, '__file__', None)
        if path:
            return path
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        path = getattr(module, '__file__', None)
        if path:
            return path
        raise TypeError('{!r} is a built-in class'.format(object))
    code = _code_of(object)
    if code is None:
        raise TypeError('module, class, method, function, traceback, frame, or code object '
                        'was expected, got {}'.format(type(object).__name__))
    return code.co_filename


def _code_of(object):
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        return object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        return object.f_code
    return object if iscode(object) else None


def getsourcefile(object):
    """The Python source file `object` comes from, or None when it cannot be read."""
    path = getfile(object)
    if path.endswith(('.pyc', '.pyo')):
        path = path[:-1]
    if os.path.exists(path) or linecache.getlines(path):
        return path
    return None


def getmodule(object):
    """The module `object` was defined in, or None when that cannot be told."""
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        return sys.modules.get(name)
    try:
        path = getfile(object)
    except TypeError:
        return None
    wanted = os.path.normcase(os.path.abspath(path))
    for module in list(sys.modules.values()):
        candidate = getattr(module, '__file__', None)
        if isinstance(candidate, str) and os.path.normcase(os.path.abspath(candidate)) == wanted:
            return module
    return None


_HEADER = r'\s*(?:async\s+)?(?:def|class)\b'  # compiled on first use, not at import


def _scan_logical_line(lines, first):
    """Index just after the logical line starting at lines[first], and its last code char."""
    depth = 0
    quote = None          # the delimiter of the string we are inside, if any
    last = ''
    index = first
    while index < len(lines):
        text = lines[index]
        pos = 0
        while pos < len(text):
            char = text[pos]
            if quote:
                if char == '\\':
                    pos += 2
                    continue
                if text.startswith(quote, pos):
                    pos += len(quote)
                    quote = None
                    last = char
                    continue
                pos += 1
                continue
            if char == '#':
                break
            if char in '\'"':
                quote = char * 3 if text.startswith(char * 3, pos) else char
                pos += len(quote)
                continue
            if char in '([{':
                depth += 1
            elif char in ')]}':
                depth -= 1
            if not char.isspace():
                last = char
            pos += 1
        index += 1
        if quote and len(quote) == 1:
            quote = None      # an unterminated one-line string ends with its line
        continued = text.rstrip('\r\n').endswith('\\') and not text.lstrip().startswith('#')
        if depth <= 0 and not quote and not continued:
            break
    return index, last


def _indent(text):
    return len(text) - len(text.lstrip())


def _is_code(text):
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith('#')


def _block_end(lines, start):
    """Index just after the statement (with its decorators and body) at lines[start]."""
    index = start
    while lines[index].lstrip().startswith('@'):
        index, _ = _scan_logical_line(lines, index)
    header_indent = _indent(lines[index])
    end, last = _scan_logical_line(lines, index)
    if not (re.match(_HEADER, lines[index]) and last == ':'):
        return end
    index = end
    body_indent = None
    while index < len(lines):
        text = lines[index]
        if not text.strip():
            index += 1
        elif not _is_code(text):
            # Comments belong to the body when indented at least as deep as it.
            if body_indent is not None and _indent(text) >= body_indent:
                end = index + 1
            index += 1
        elif _indent(text) <= header_indent:
            break
        else:
            if body_indent is None:
                body_indent = _indent(text)
            index, _ = _scan_logical_line(lines, index)
            end = index
    return end


def _statement_starts(lines):
    # Line indexes where a logical line begins (so not inside a string or brackets).
    starts = []
    index = 0
    while index < len(lines):
        starts.append(index)
        index, _ = _scan_logical_line(lines, index)
    return starts


def _with_decorators(lines, start):
    # Step back over the decorator lines right above a def or class.
    indent = _indent(lines[start])
    while start > 0:
        above = lines[start - 1]
        if not above.lstrip().startswith('@') or _indent(above) != indent:
            break
        start -= 1
    return start


def _find_class(lines, qualname):
    starts = _statement_starts(lines)
    low, high, outer = 0, len(lines), -1
    start = None
    for part in qualname.split('.'):
        if part == '<locals>':
            continue
        pattern = re.compile(r'(\s*)(?:class|def|async\s+def)\s+%s\b' % re.escape(part))
        best = None
        for number in starts:
            if not low <= number < high:
                continue
            match = pattern.match(lines[number])
            if match and len(match.group(1)) > outer:
                if best is None or len(match.group(1)) < _indent(lines[best]):
                    best = number
        if best is None:
            raise OSError('could not find class definition')
        start, outer = best, _indent(lines[best])
        low, high = best + 1, _block_end(lines, best)
    return _with_decorators(lines, start)


def _source_lines(object):
    """All lines of the file `object` is in, and the index of its first line (None when
    the object is the whole file: a module or module-level code)."""
    path = getsourcefile(object)
    if path is None:
        path = getfile(object)
        if not (path.startswith('<') and path.endswith('>')):
            raise OSError('source code not available')
    module = getmodule(object)
    lines = linecache.getlines(path, module.__dict__) if module else linecache.getlines(path)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, None
    if isclass(object):
        return lines, _find_class(lines, object.__qualname__)
    code = _code_of(object)
    if code is None:
        raise OSError('could not find code object')
    if code.co_name == '<module>' and not iscode(object):
        return lines, None      # a frame running the module itself
    start = code.co_firstlineno - 1
    if not 0 <= start < len(lines):
        raise OSError('lineno is out of bounds')
    return lines, _with_decorators(lines, start)


def getsourcelines(object):
    """(lines, first line number) of the source of `object`; the number is 0 for a module."""
    object = unwrap(object)
    lines, start = _source_lines(object)
    if start is None:
        return lines, 0
    return lines[start:_block_end(lines, start)], start + 1


def getsource(object):
    """The source text of a module, class, method, function, traceback, frame or code object."""
    lines, _ = getsourcelines(object)
    return ''.join(lines)


# ---------------------------------------------------------------------------
# Frames and the stack

def currentframe():
    """The frame of the function that calls this."""
    return sys._getframe(1)


_frame_fields = ('filename', 'lineno', 'function', 'code_context', 'index')


class Traceback(namedtuple('_Traceback', _frame_fields)):
    """Where a frame is: file, line, function and the source lines around it."""

    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        self = super().__new__(cls, filename, lineno, function, code_context, index)
        self.positions = positions
        return self


class FrameInfo(namedtuple('_FrameInfo', ('frame',) + _frame_fields)):
    """A frame together with its Traceback information."""

    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        self = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        self.positions = positions
        return self


def _context(filename, lineno, context):
    if context <= 0:
        return None, None
    lines = linecache.getlines(filename)
    if not lines:
        return None, None
    first = max(0, min(lineno - 1 - context // 2, len(lines) - context))
    return lines[first:first + context], lineno - 1 - first


def getframeinfo(frame, context=1):
    """A Traceback for a frame or traceback object, with `context` source lines."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    elif isframe(frame):
        lineno = frame.f_lineno
    else:
        raise TypeError('{!r} is not a frame or traceback object'.format(frame))
    code = frame.f_code
    lines, index = _context(code.co_filename, lineno, context)
    return Traceback(code.co_filename, lineno, code.co_name, lines, index)


def _frame_record(frame, context, tb=None):
    info = getframeinfo(tb if tb is not None else frame, context)
    return FrameInfo(frame, *info)


def getouterframes(frame, context=1):
    """FrameInfo records for `frame` and every frame that called it, innermost first."""
    records = []
    while frame is not None:
        records.append(_frame_record(frame, context))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """FrameInfo records from a traceback's frame down to where the exception was raised."""
    records = []
    while tb is not None:
        records.append(_frame_record(tb.tb_frame, context, tb))
        tb = tb.tb_next
    return records


def stack(context=1):
    """FrameInfo records for the caller's stack, innermost first."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo records between the current frame and where the handled exception was raised."""
    return getinnerframes(sys.exc_info()[2], context)


# ---------------------------------------------------------------------------
# Annotations

def formatannotation(annotation, base_module=None):
    """How an annotation is written in a signature."""
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return '{}.{}'.format(annotation.__module__, annotation.__qualname__)
    return repr(annotation)


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    """A new dict of the annotations of a module, class or callable; with eval_str, string
    annotations are evaluated in the object's namespace."""
    if isclass(obj):
        found = obj.__dict__.get('__annotations__')
        module = sys.modules.get(obj.__module__)
        namespace = getattr(module, '__dict__', None)
        own_names = dict(vars(obj))
        target = obj
    elif ismodule(obj):
        found = getattr(obj, '__annotations__', None)
        namespace = obj.__dict__
        own_names = None
        target = None
    elif callable(obj):
        found = getattr(obj, '__annotations__', None)
        namespace = getattr(obj, '__globals__', None)
        own_names = None
        target = obj
    else:
        raise TypeError('{!r} is not a module, class, or callable.'.format(obj))
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise ValueError('{!r}.__annotations__ is neither a dict nor None'.format(obj))
    if not eval_str:
        return dict(found)
    # Decorated and partially applied callables evaluate in the wrapped function's globals.
    while target is not None:
        if hasattr(target, '__wrapped__'):
            target = target.__wrapped__
        elif isinstance(target, functools.partial):
            target = target.func
        else:
            break
        namespace = getattr(target, '__globals__', namespace)
    if globals is None:
        globals = namespace
    if locals is None:
        locals = own_names
    return {key: eval(value, globals, locals) if isinstance(value, str) else value
            for key, value in found.items()}


# ---------------------------------------------------------------------------
# Parameters and signatures

class _empty:
    """Marker for 'no default' and 'no annotation'."""


class _void:
    """Marker for 'argument not given' in replace()."""


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_WORDS[self]


_KIND_WORDS = {
    _ParameterKind.POSITIONAL_ONLY: 'positional-only',
    _ParameterKind.POSITIONAL_OR_KEYWORD: 'positional or keyword',
    _ParameterKind.VAR_POSITIONAL: 'variadic positional',
    _ParameterKind.KEYWORD_ONLY: 'keyword-only',
    _ParameterKind.VAR_KEYWORD: 'variadic keyword',
}

_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD
_POSITIONAL = (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD)
_VARIADIC = (_VAR_POSITIONAL, _VAR_KEYWORD)


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation (immutable)."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError('value {!r} is not a valid Parameter.kind'.format(kind))
        if default is not _empty and kind in _VARIADIC:
            raise ValueError('{} parameters cannot have default values'.format(kind.description))
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a {}'.format(type(name).__name__))
        # Comprehensions and generator expressions take their iterable as '.0'.
        if name[:1] == '.' and name[1:].isdigit():
            if kind is not _POSITIONAL_OR_KEYWORD:
                raise ValueError('implicit arguments must be passed as positional or keyword '
                                 'arguments, not {}'.format(kind.description))
            name = 'implicit' + name[1:]
        if not name.isidentifier():
            raise ValueError('{!r} is not a valid parameter name'.format(name))
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        """A copy with the given fields changed."""
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __reduce__(self):
        return type(self), (self._name, self._kind), {'_default': self._default,
                                                        '_annotation': self._annotation}

    def __setstate__(self, state):
        self._default = state['_default']
        self._annotation = state['_annotation']

    def __str__(self):
        stars = {_VAR_POSITIONAL: '*', _VAR_KEYWORD: '**'}.get(self._kind, '')
        text = stars + self._name
        if self._annotation is not _empty:
            text += ': ' + formatannotation(self._annotation)
        if self._default is not _empty:
            text += (' = {!r}' if self._annotation is not _empty else '={!r}').format(self._default)
        return text

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def _key(self):
        return self._name, self._kind, self._annotation, self._default

    def __hash__(self):
        return hash(self._key())

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return self._key() == other._key()


def _check_order(parameters):
    """Raise ValueError unless the parameters could come from one def statement."""
    seen = set()
    highest = _POSITIONAL_ONLY
    defaulted = False
    for param in parameters:
        kind = param.kind
        if kind < highest:
            raise ValueError('wrong parameter order: {} parameter before {} parameter'
                             .format(highest.description, kind.description))
        highest = kind
        if kind in _POSITIONAL:
            if param.default is not _empty:
                defaulted = True
            elif defaulted:
                raise ValueError('non-default argument follows default argument')
        if param.name in seen:
            raise ValueError('duplicate parameter name: {!r}'.format(param.name))
        seen.add(param.name)


class BoundArguments:
    """The result of Signature.bind(): which argument went to which parameter."""

    __slots__ = ('arguments', '_signature', '__weakref__')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        """The positional arguments to pass to call the function again."""
        result = []
        for param in self._signature.parameters.values():
            if param.kind in (_KEYWORD_ONLY, _VAR_KEYWORD) or param.name not in self.arguments:
                break
            value = self.arguments[param.name]
            if param.kind is _VAR_POSITIONAL:
                result.extend(value)
            else:
                result.append(value)
        return tuple(result)

    @property
    def kwargs(self):
        """The keyword arguments to pass to call the function again."""
        result = {}
        by_keyword = False    # once a positional slot is missing, the rest go by keyword
        for param in self._signature.parameters.values():
            present = param.name in self.arguments
            if param.kind in (_KEYWORD_ONLY, _VAR_KEYWORD) or not present:
                by_keyword = True
            if not (by_keyword and present):
                continue
            value = self.arguments[param.name]
            if param.kind is _VAR_KEYWORD:
                result.update(value)
            else:
                result[param.name] = value
        return result

    def apply_defaults(self):
        """Fill in the default of every parameter that got no argument."""
        filled = {}
        for param in self._signature.parameters.values():
            if param.name in self.arguments:
                filled[param.name] = self.arguments[param.name]
            elif param.kind is _VAR_POSITIONAL:
                filled[param.name] = ()
            elif param.kind is _VAR_KEYWORD:
                filled[param.name] = {}
            elif param.default is not _empty:
                filled[param.name] = param.default
        self.arguments = filled

    __hash__ = None

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __getstate__(self):
        return {'_signature': self._signature, 'arguments': self.arguments}

    def __setstate__(self, state):
        self._signature = state['_signature']
        self.arguments = state['arguments']

    def __repr__(self):
        shown = ', '.join('{}={!r}'.format(name, value) for name, value in self.arguments.items())
        return '<{} ({})>'.format(type(self).__name__, shown)


class Signature:
    """The parameters and return annotation of a callable (immutable)."""

    __slots__ = ('_parameters', '_return_annotation')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        parameters = list(parameters or ())
        if __validate_parameters__:
            _check_order(parameters)
        self._parameters = types.MappingProxyType({param.name: param for param in parameters})
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        """The signature of any callable."""
        reader = _SignatureReader(cls, follow_wrapped, globals, locals, eval_str)
        return reader.read(obj)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        """A copy with the given fields changed."""
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _compare_key(self):
        ordered = tuple(p for p in self._parameters.values() if p.kind is not _KEYWORD_ONLY)
        # Keyword-only parameters can be passed in any order.
        by_name = {p.name: p for p in self._parameters.values() if p.kind is _KEYWORD_ONLY}
        return ordered, by_name, self._return_annotation

    def __hash__(self):
        ordered, by_name, returns = self._compare_key()
        return hash((ordered, frozenset(by_name.values()), returns))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._compare_key() == other._compare_key()

    def _bind(self, args, kwargs, partial):
        pending = dict(kwargs)
        arguments = {}
        params = list(self._parameters.values())
        queue = list(args)
        # Positional arguments fill the positional parameters in order.
        for param in params:
            if param.kind is _VAR_POSITIONAL:
                arguments[param.name] = tuple(queue)
                queue = []
                break
            if param.kind not in _POSITIONAL or not queue:
                break
            if param.kind is _POSITIONAL_OR_KEYWORD and param.name in pending:
                raise TypeError('multiple values for argument {!r}'.format(param.name))
            arguments[param.name] = queue.pop(0)
        if queue:
            raise TypeError('too many positional arguments')
        # Keywords fill the rest; what is still unfilled must be optional.
        extra_name = None
        for param in params:
            if param.kind is _VAR_KEYWORD:
                extra_name = param.name
                continue
            if param.name in arguments or param.kind is _VAR_POSITIONAL:
                continue
            if param.kind is _POSITIONAL_ONLY and param.name in pending:
                raise TypeError('{!r} parameter is positional only, but was passed as a keyword'
                                .format(param.name))
            if param.kind is not _POSITIONAL_ONLY and param.name in pending:
                arguments[param.name] = pending.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError('missing a required argument: {!r}'.format(param.name))
        if pending:
            if extra_name is None:
                raise TypeError('got an unexpected keyword argument {!r}'
                                .format(next(iter(pending))))
            arguments[extra_name] = pending
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        """Map arguments to parameters as a call would; TypeError if the call would fail."""
        return self._bind(args, kwargs, partial=False)

    def bind_partial(self, /, *args, **kwargs):
        """Like bind(), but required parameters may be left without an argument."""
        return self._bind(args, kwargs, partial=True)

    def __reduce__(self):
        return type(self), (tuple(self._parameters.values()),), {
            '_return_annotation': self._return_annotation}

    def __setstate__(self, state):
        self._return_annotation = state['_return_annotation']

    def __repr__(self):
        return '<{} {}>'.format(type(self).__name__, self)

    def __str__(self):
        pieces = []
        kinds = [param.kind for param in self._parameters.values()]
        for number, param in enumerate(self._parameters.values()):
            before = kinds[number - 1] if number else None
            if before is _POSITIONAL_ONLY and param.kind is not _POSITIONAL_ONLY:
                pieces.append('/')
            if param.kind is _KEYWORD_ONLY and before not in (_KEYWORD_ONLY, _VAR_POSITIONAL):
                pieces.append('*')
            pieces.append(str(param))
        if kinds and kinds[-1] is _POSITIONAL_ONLY:
            pieces.append('/')
        text = '({})'.format(', '.join(pieces))
        if self._return_annotation is not _empty:
            text += ' -> ' + formatannotation(self._return_annotation)
        return text


def _without_first(sig):
    """The signature seen through a bound method: the first parameter is already given."""
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
        raise ValueError('invalid method signature')
    if params[0].kind is _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def _python_method(owner, name):
    # A method `name` written in Python (not a slot wrapper or built-in), looked up on owner.
    try:
        found = getattr(owner, name)
    except AttributeError:
        return None
    if isinstance(found, (types.WrapperDescriptorType, types.MethodWrapperType,
                          types.BuiltinFunctionType, types.MethodDescriptorType,
                          types.ClassMethodDescriptorType)):
        return None
    return found


def _partial_signature(sig, partial_obj, args, keywords):
    """What remains of `sig` once `args` and `keywords` are supplied in advance."""
    try:
        bound = sig.bind_partial(*args, **keywords)
    except TypeError as exc:
        raise ValueError('partial object {!r} has incorrect arguments'.format(partial_obj)) from exc
    remaining = []
    # A positional-or-keyword parameter given by keyword makes every later one keyword-only.
    keyword_only_now = False
    for param in sig.parameters.values():
        given = param.name in bound.arguments
        if param.kind is _VAR_POSITIONAL:
            if not keyword_only_now:
                remaining.append(param)
        elif param.kind is _VAR_KEYWORD:
            remaining.append(param)
        elif given and param.name in keywords and param.kind is not _POSITIONAL_ONLY:
            remaining.append(param.replace(kind=_KEYWORD_ONLY, default=keywords[param.name]))
            keyword_only_now = True
        elif given:
            continue      # filled by a positional argument
        elif keyword_only_now and param.kind is _POSITIONAL_OR_KEYWORD:
            remaining.append(param.replace(kind=_KEYWORD_ONLY))
        else:
            remaining.append(param)
    return sig.replace(parameters=remaining)


class _SignatureReader:
    """Works out the Signature of one callable, following the options of from_callable()."""

    def __init__(self, sig_cls, follow_wrapped, globals, locals, eval_str,
                 skip_bound=True):
        self.sig_cls = sig_cls
        self.follow_wrapped = follow_wrapped
        self.globals = globals
        self.locals = locals
        self.eval_str = eval_str
        # getfullargspec() keeps the self/cls parameter that binding supplies.
        self.skip_bound = skip_bound

    def bound(self, sig):
        return _without_first(sig) if self.skip_bound else sig

    def read(self, obj):
        if not callable(obj):
            raise TypeError('{!r} is not a callable object'.format(obj))
        if ismethod(obj):
            return self.bound(self.read(obj.__func__))
        if self.follow_wrapped:
            obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
            if ismethod(obj):
                return self.read(obj)
        try:
            declared = obj.__signature__
        except AttributeError:
            declared = None
        if declared is not None:
            if not isinstance(declared, Signature):
                raise TypeError('unexpected object {!r} in __signature__ attribute'
                                .format(declared))
            return declared
        if isfunction(obj):
            pm = getattr(obj, '_partialmethod', None)
            if isinstance(pm, functools.partialmethod):
                return self.from_partialmethod(pm)
            return self.from_function(obj)
        if isinstance(obj, functools.partial):
            return _partial_signature(self.read(obj.func), obj, obj.args, obj.keywords)
        if isclass(obj):
            return self.from_class(obj)
        if not isroutine(obj):
            call = _python_method(type(obj), '__call__')
            if call is not None:
                return self.bound(self.read(call))
        if isroutine(obj):
            raise ValueError('no signature found for builtin {!r}'.format(obj))
        raise ValueError('callable {!r} is not supported by signature'.format(obj))

    def from_function(self, func):
        code = func.__code__
        names = code.co_varnames
        annotations = get_annotations(func, globals=self.globals, locals=self.locals,
                                      eval_str=self.eval_str)
        defaults = func.__defaults__ or ()
        kw_defaults = func.__kwdefaults__ or {}
        positional = code.co_argcount
        keyword_only = code.co_kwonlyargcount
        first_default = positional - len(defaults)

        def make(name, kind, default=_empty):
            return self.sig_cls._parameter_cls(name, kind, default=default,
                                               annotation=annotations.get(name, _empty))

        params = []
        for number in range(positional):
            kind = _POSITIONAL_ONLY if number < code.co_posonlyargcount else _POSITIONAL_OR_KEYWORD
            default = defaults[number - first_default] if number >= first_default else _empty
            params.append(make(names[number], kind, default))
        # co_varnames: positional names, keyword-only names, then *args, then **kwargs.
        extra = positional + keyword_only
        if code.co_flags & CO_VARARGS:
            params.append(make(names[extra], _VAR_POSITIONAL))
            extra += 1
        for name in names[positional:positional + keyword_only]:
            params.append(make(name, _KEYWORD_ONLY, kw_defaults.get(name, _empty)))
        if code.co_flags & CO_VARKEYWORDS:
            params.append(make(names[extra], _VAR_KEYWORD))
        return self.sig_cls(params, return_annotation=annotations.get('return', _empty),
                            __validate_parameters__=False)

    def from_partialmethod(self, pm):
        full = self.read(pm.func)
        params = list(full.parameters.values())
        if params and params[0].kind is _VAR_POSITIONAL:
            return _partial_signature(full, pm, pm.args, pm.keywords)
        # The first parameter receives the instance, before the frozen arguments.
        rest = _partial_signature(full, pm, (None,) + tuple(pm.args), pm.keywords)
        return full.replace(parameters=params[:1] + list(rest.parameters.values()))

    def from_class(self, cls):
        call = _python_method(type(cls), '__call__')
        if call is not None:
            return self.bound(self.read(call))
        for klass in cls.__mro__:
            for name in ('__new__', '__init__'):
                if name in klass.__dict__:
                    method = _python_method(cls, name)
                    if method is not None:
                        return self.bound(self.read(method))
        if type in cls.__mro__:
            raise ValueError('no signature found for builtin {!r}'.format(cls))
        if cls.__init__ is object.__init__ and cls.__new__ is object.__new__:
            return self.sig_cls()
        raise ValueError('no signature found for builtin type {!r}'.format(cls))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped, globals=globals,
                                   locals=locals, eval_str=eval_str)


def unwrap(func, *, stop=None):
    """Follow the __wrapped__ chain left by functools.wraps to the innermost function
    (or the first one for which stop() is true)."""
    start = func
    visited = {id(func)}
    limit = sys.getrecursionlimit()
    while hasattr(func, '__wrapped__') and not (stop is not None and stop(func)):
        func = func.__wrapped__
        if id(func) in visited or len(visited) >= limit:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(start))
        visited.add(id(func))
    return func


# ---------------------------------------------------------------------------
# The older argument-spec interface

FullArgSpec = namedtuple('FullArgSpec', 'args, varargs, varkw, defaults, kwonlyargs, '
                                        'kwonlydefaults, annotations')


def getfullargspec(func):
    """The parameters of `func` as a FullArgSpec (self/cls of bound methods included)."""
    try:
        sig = _SignatureReader(Signature, False, None, None, False, skip_bound=False).read(func)
    except Exception as exc:
        raise TypeError('unsupported callable') from exc
    args, kwonlyargs = [], []
    varargs = varkw = None
    defaults, kwonlydefaults = [], {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        if param.annotation is not _empty:
            annotations[param.name] = param.annotation
        if param.kind in _POSITIONAL:
            args.append(param.name)
            if param.default is not _empty:
                defaults.append(param.default)
        elif param.kind is _VAR_POSITIONAL:
            varargs = param.name
        elif param.kind is _KEYWORD_ONLY:
            kwonlyargs.append(param.name)
            if param.default is not _empty:
                kwonlydefaults[param.name] = param.default
        else:
            varkw = param.name
    return FullArgSpec(args, varargs, varkw, tuple(defaults) or None, kwonlyargs,
                       kwonlydefaults or None, annotations)


def _quoted_names(names):
    quoted = ["'{}'".format(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return '{} and {}'.format(', '.join(quoted[:-1]), quoted[-1])


def _plural(count, word):
    return '{} {}{}'.format(count, word, '' if count == 1 else 's')


def getcallargs(func, /, *positional, **named):
    """The {parameter name: value} mapping a call func(*positional, **named) would make."""
    spec = getfullargspec(func)
    name = func.__name__
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    values = dict(zip(spec.args, positional))
    if spec.varargs:
        values[spec.varargs] = tuple(positional[len(spec.args):])
    if spec.varkw:
        values[spec.varkw] = {}
    for key, value in named.items():
        if key in spec.args or key in spec.kwonlyargs:
            if key in values:
                raise TypeError('{}() got multiple values for argument {!r}'.format(name, key))
            values[key] = value
        elif spec.varkw:
            values[spec.varkw][key] = value
        else:
            raise TypeError('{}() got an unexpected keyword argument {!r}'.format(name, key))
    defaults = spec.defaults or ()
    required = len(spec.args) - len(defaults)
    if len(positional) > len(spec.args) and not spec.varargs:
        if defaults:
            takes = 'from {} to {} positional arguments'.format(required, len(spec.args))
        else:
            takes = _plural(len(spec.args), 'positional argument')
        given_kwonly = sum(1 for key in named if key in spec.kwonlyargs)
        if given_kwonly:
            given = '{} (and {}) were'.format(_plural(len(positional), 'positional argument'),
                                           _plural(given_kwonly, 'keyword-only argument'))
        else:
            given = '{} {}'.format(len(positional), 'was' if len(positional) == 1 else 'were')
        raise TypeError('{}() takes {} but {} given'.format(name, takes, given))
    missing = [arg for arg in spec.args[:required] if arg not in values]
    if missing:
        raise TypeError('{}() missing {}: {}'.format(
            name, _plural(len(missing), 'required positional argument'), _quoted_names(missing)))
    for arg, default in zip(spec.args[required:], defaults):
        values.setdefault(arg, default)
    kw_defaults = spec.kwonlydefaults or {}
    missing = [arg for arg in spec.kwonlyargs if arg not in values and arg not in kw_defaults]
    if missing:
        raise TypeError('{}() missing {}: {}'.format(
            name, _plural(len(missing), 'required keyword-only argument'), _quoted_names(missing)))
    for arg in spec.kwonlyargs:
        if arg not in values:
            values[arg] = kw_defaults[arg]
    return values
