"""Support for pickle and copy: the table of reduction functions by type, the helpers that
rebuild objects from their reduced form, and the registry of extension codes."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension", "clear_extension_cache"]

# type -> reduction function; pickle and copy consult it before __reduce_ex__.
dispatch_table = {}

# The extension registry behind the EXT1/EXT2/EXT4 opcodes: (module, name) <-> code, plus
# what the unpickler has already resolved (code -> object). pickle imports these three.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}

_MAX_EXTENSION_CODE = 0x7fffffff


def _require_callable(obj, message):
    if not callable(obj):
        raise TypeError(message)


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Make pickle_function the reduction function for objects of type ob_type."""
    _require_callable(pickle_function, "reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Declare object a valid constructor (only checks that it can be called)."""
    _require_callable(object, "constructors must be callable")


def __newobj__(cls, *args):
    """What the NEWOBJ opcode does: cls.__new__(cls, *args)."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """What the NEWOBJ_EX opcode does: cls.__new__ with keyword arguments too."""
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    """Rebuilds an instance for pickle protocols 0 and 1: base is the nearest built-in class
    of cls and state the value it was initialised with (None for object)."""
    if base is object:
        return object.__new__(cls)
    instance = base.__new__(cls, state)
    # Mutable built-ins (list, dict, ...) are filled by __init__, immutable ones by __new__.
    if base.__init__ is not object.__init__:
        base.__init__(instance, state)
    return instance


def add_extension(module, name, code):
    """Register code as the extension code of the global module.name."""
    code = int(code)
    if code < 1 or code > _MAX_EXTENSION_CODE:
        raise ValueError("code out of range")
    key = (module, name)
    registered_code = _extension_registry.get(key)
    registered_key = _inverted_registry.get(code)
    if registered_code == code and registered_key == key:
        return
    if registered_code is not None:
        raise ValueError("key %s is already registered with code %s" % (key, registered_code))
    if registered_key is not None:
        raise ValueError("code %s is already in use for key %s" % (code, registered_key))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code (used by tests)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key], _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    """Forget the objects the unpickler resolved from extension codes."""
    _extension_cache.clear()
