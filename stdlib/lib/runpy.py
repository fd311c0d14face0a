"""Locate and run Python code by module name or by path, as `-m` does.

run_module() runs a module found on the import path, run_path() a script
file or a directory holding a __main__.py. Both return the globals of the
code they ran.

minipy has no importlib: modules are found here by searching the same
places as the import system (MINIPYPATH, then sys.path, or the parent
package's __path__). Modules compiled into the interpreter have no source
to run and are reported as having no code object."""

import os
import sys

__all__ = ["run_module", "run_path"]


class _ModuleSpec:
    """What is known about a module found on disk (a subset of ModuleSpec)."""

    loader = None
    cached = None
    has_location = True

    def __init__(self, name, origin, search_locations=None):
        self.name = name
        self.origin = origin
        self.submodule_search_locations = search_locations

    @property
    def parent(self):
        if self.submodule_search_locations is not None:
            return self.name
        return self.name.rpartition('.')[0]

    def __repr__(self):
        return "ModuleSpec(name=%r, loader=None, origin=%r)" % (self.name, self.origin)


class _TempModule:
    """Puts a fresh module in sys.modules[name] for the duration of a with block."""

    def __init__(self, mod_name):
        self.mod_name = mod_name
        self.module = type(sys)(mod_name)
        self._saved = []

    def __enter__(self):
        name = self.mod_name
        if name in sys.modules:
            self._saved.append(sys.modules[name])
        sys.modules[name] = self.module
        return self

    def __exit__(self, *args):
        if self._saved:
            sys.modules[self.mod_name] = self._saved.pop()
        else:
            del sys.modules[self.mod_name]


class _ModifiedArgv0:
    """Sets sys.argv[0] for the duration of a with block."""

    def __init__(self, value):
        self.value = value
        self._saved = []

    def __enter__(self):
        self._saved.append(sys.argv[0])
        sys.argv[0] = self.value

    def __exit__(self, *args):
        sys.argv[0] = self._saved.pop()


def _run_code(code, run_globals, init_globals=None, mod_name=None,
              mod_spec=None, pkg_name=None, script_name=None):
    """Runs code in run_globals, after setting the module attributes."""
    if init_globals is not None:
        run_globals.update(init_globals)
    if mod_spec is None:
        fname = script_name
    else:
        fname = mod_spec.origin
        if pkg_name is None:
            pkg_name = mod_spec.parent
    run_globals.update(__name__=mod_name, __file__=fname, __cached__=None,
                       __doc__=None, __loader__=None, __package__=pkg_name,
                       __spec__=mod_spec)
    exec(code, run_globals)
    return run_globals


def _run_module_code(code, init_globals=None, mod_name=None, mod_spec=None,
                     pkg_name=None, script_name=None):
    """Runs code in a temporary module registered as mod_name, with sys.argv[0]
    set to its file; returns a copy of its globals."""
    fname = script_name if mod_spec is None else mod_spec.origin
    with _TempModule(mod_name) as temp_module, _ModifiedArgv0(fname):
        mod_globals = temp_module.module.__dict__
        _run_code(code, mod_globals, init_globals, mod_name, mod_spec,
                  pkg_name, script_name)
    # The temporary module may be gone by now: copy what it held.
    return mod_globals.copy()


def _search(last, directories, fullname):
    """The spec of module `last` in one of directories, or None."""
    for entry in directories:
        if isinstance(entry, os.PathLike):
            entry = os.fspath(entry)
        if not isinstance(entry, str):
            continue
        base = os.path.join(os.path.abspath(entry), last)
        init = os.path.join(base, '__init__.py')
        if os.path.isfile(init):
            return _ModuleSpec(fullname, init, [base])
        if os.path.isfile(base + '.py'):
            return _ModuleSpec(fullname, base + '.py')
    return None


def _spec_of_loaded(name, module):
    """The spec of an already imported module, from its __file__."""
    spec = getattr(module, '__spec__', None)
    if spec is not None:
        return spec
    # A script's __main__ has no spec in CPython either.
    if name == '__main__':
        raise ValueError('{}.__spec__ is None'.format(name))
    return _ModuleSpec(name, getattr(module, '__file__', None),
                       getattr(module, '__path__', None))


def _find_spec(name):
    """Finds module `name` without running it (its parents are imported)."""
    if name in sys.modules:
        return _spec_of_loaded(name, sys.modules[name])
    parent, _, last = name.rpartition('.')
    if parent:
        parent_module = __import__(parent, fromlist=['__name__'])
        try:
            directories = parent_module.__path__
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent!r} "
                f"while trying to find {name!r}", name=name) from e
        return _search(last, directories, name)
    # The import system's order: MINIPYPATH (empty entries skipped), then sys.path.
    minipypath = [d for d in os.environ.get('MINIPYPATH', '').split(':') if d]
    spec = _search(last, minipypath + sys.path, name)
    if spec is None:
        # Compiled into minipy (native or embedded): found, but without source.
        try:
            module = __import__(name)
        except ImportError:
            return None
        spec = _spec_of_loaded(name, module)
    return spec


def _get_code(spec):
    origin = spec.origin
    if not (isinstance(origin, str) and os.path.isfile(origin)):
        return None
    with open(origin, 'rb') as f:
        source = f.read()
    return compile(source, origin, 'exec')


def _get_module_details(mod_name, error=ImportError):
    """(mod_name, spec, code) of the module that run_module(mod_name) runs."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    if pkg_name:
        # The package is imported first, as `import pkg.mod` would do.
        try:
            __import__(pkg_name)
        except ImportError as e:
            # A missing package is reported below; a failure inside it is not ours.
            if e.name is None or (e.name != pkg_name and
                                  not pkg_name.startswith(e.name + ".")):
                raise
        existing = sys.modules.get(mod_name)
        if existing is not None and not hasattr(existing, "__path__"):
            from warnings import warn
            msg = ("{mod_name!r} found in sys.modules after import of "
                   "package {pkg_name!r}, but prior to execution of "
                   "{mod_name!r}; this may result in unpredictable "
                   "behaviour".format(mod_name=mod_name, pkg_name=pkg_name))
            warn(RuntimeWarning(msg))
    try:
        spec = _find_spec(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding module specification for {!r} ({}: {})"
        if mod_name.endswith(".py"):
            msg += (f". Try using '{mod_name[:-3]}' instead of "
                    f"'{mod_name}' as the module name.")
        raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
    if spec is None:
        raise error("No module named %s" % mod_name)
    if spec.submodule_search_locations is not None:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return _get_module_details(mod_name + ".__main__", error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot " +
                         "be directly executed") % (e, mod_name))
    code = _get_code(spec)
    if code is None:
        raise error("No code object available for %s" % mod_name)
    return mod_name, spec, code


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Execute a module's code without importing it.

    mod_name -- an absolute module name or package name.
    init_globals -- dictionary used to pre-populate the module's globals.
    run_name -- if not None, this will be used for setting __name__;
                otherwise, __name__ will be set to mod_name + '__main__' if
                the named module is a package and to just mod_name otherwise.
    alter_sys -- if True, sys.argv[0] is updated with the value of __file__
                 and sys.modules[__name__] is updated with a temporary module
                 object for the module being executed. Both are restored to
                 their original values before the function returns.

    Returns the resulting module globals dictionary."""
    mod_name, mod_spec, code = _get_module_details(mod_name)
    if run_name is None:
        run_name = mod_name
    if alter_sys:
        return _run_module_code(code, init_globals, run_name, mod_spec)
    # Leave the sys module alone.
    return _run_code(code, {}, init_globals, run_name, mod_spec)


def _get_main_module_details(error=ImportError):
    """The details of the __main__ module found first on sys.path."""
    main_name = "__main__"
    saved_main = sys.modules[main_name]
    del sys.modules[main_name]
    try:
        return _get_module_details(main_name)
    except ImportError as exc:
        if main_name in str(exc):
            raise error("can't find %r module in %r" %
                        (main_name, sys.path[0])) from exc
        raise
    finally:
        sys.modules[main_name] = saved_main


def run_path(path_name, init_globals=None, run_name=None):
    """Execute code located at the specified filesystem location.

    path_name -- filesystem location of a Python script or a directory
                 containing a top level __main__.py script.
    init_globals -- dictionary used to pre-populate the module's globals.
    run_name -- if not None, this will be used to set __name__;
                otherwise, '<run_path>' will be used for __name__.

    Returns the resulting module globals dictionary."""
    if run_name is None:
        run_name = "<run_path>"
    pkg_name = run_name.rpartition(".")[0]
    # path_name stays as given (a path-like object too) for __file__ and sys.path.
    decoded = os.fsdecode(path_name)
    if not os.path.isdir(decoded):
        with open(os.path.abspath(decoded), 'rb') as f:
            code = compile(f.read(), decoded, 'exec')
        return _run_module_code(code, init_globals, run_name,
                                pkg_name=pkg_name, script_name=path_name)
    # A directory runs its __main__.py, found as the first sys.path entry.
    sys.path.insert(0, path_name)
    try:
        mod_name, mod_spec, code = _get_main_module_details()
        with _TempModule(run_name) as temp_module, _ModifiedArgv0(path_name):
            mod_globals = temp_module.module.__dict__
            return _run_code(code, mod_globals, init_globals, run_name,
                             mod_spec, pkg_name).copy()
    finally:
        try:
            sys.path.remove(path_name)
        except ValueError:
            pass


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("No module specified for execution", file=sys.stderr)
    else:
        del sys.argv[0]  # the module to run is argv[0] now
        run_module(sys.argv[0], run_name="__main__", alter_sys=True)
