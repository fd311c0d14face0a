"""importlib's everyday entry points: import_module, reload and invalidate_caches.

minipy's import system is native (runtime/import.cpp); these go through __import__ and
sys.modules, so they see the same modules, frozen and native ones included."""

import sys

__all__ = ['import_module', 'invalidate_caches', 'reload']


def _resolve_name(name, package, level):
    """The absolute name of a relative import `level` dots deep in `package`."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Imports a module by name (relative to `package` when it starts with dots) and returns
    the module itself, not its top-level package as __import__ does."""
    level = len(name) - len(name.lstrip('.'))
    if level:
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Runs the module's code again in its own namespace and returns it. A module from a
    source file is re-read from it; a frozen or native one is imported afresh and its
    namespace refreshed from that."""
    if not isinstance(module, type(sys)):
        raise TypeError('reload() argument must be a module')
    name = module.__name__
    if sys.modules.get(name) is not module:
        raise ImportError('module {} not in sys.modules'.format(name), name=name)
    path = getattr(module, '__file__', None)
    if path and not path.startswith('<'):
        with open(path, encoding='utf-8') as f:
            source = f.read()
        exec(compile(source, path, 'exec'), module.__dict__)
        return module
    del sys.modules[name]
    try:
        fresh = import_module(name)
    finally:
        sys.modules[name] = module
    module.__dict__.update(fresh.__dict__)
    return module


def invalidate_caches():
    """Nothing to invalidate: minipy's finder reads the file system at every import."""
