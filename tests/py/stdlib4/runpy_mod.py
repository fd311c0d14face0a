# runpy.run_module / run_path on a throwaway tree of modules, packages and directories.
import os
import runpy
import shutil
import sys
import tempfile

root = os.path.realpath(tempfile.mkdtemp())
files = {
    'rp_mod.py': '"""doc of rp_mod"""\nimport os, sys\nx = 42\n'
                 'print("rp_mod running:", __name__, repr(__package__), os.path.relpath(__file__), '
                 'sys.argv[0] == __file__)\n'
                 'print("  sees init global:", globals().get("injected"))\n'
                 'print("  in sys.modules:", sys.modules.get(__name__) is not None and '
                 'sys.modules[__name__].__dict__ is globals())\n',
    'rp_pkg/__init__.py': 'print("rp_pkg imported as", __name__)\n',
    'rp_pkg/__main__.py': 'import os\nprint("rp_pkg.__main__:", __name__, repr(__package__), os.path.relpath(__file__))\n'
                          'from . import helper\nprint("  relative import:", helper.VALUE)\n',
    'rp_pkg/helper.py': 'VALUE = "helped"\n',
    'rp_pkg/sub/__init__.py': '',
    'rp_pkg/sub/leaf.py': 'leaf = __name__\nprint("leaf:", __name__, repr(__package__))\n',
    'rp_nomain/__init__.py': 'print("rp_nomain imported")\n',
    'rp_fail.py': 'print("rp_fail starts")\nraise KeyError("inside")\n',
    'rp_exit.py': 'import sys\nsys.exit(3)\n',
    'dir_main/__main__.py': 'import os\nprint("dir_main:", __name__, repr(__package__), os.path.relpath(__file__))\n'
                            'import sys\nprint("  path[0] is dir:", sys.path[0].endswith("dir_main"))\nz = 3\n',
    'dir_plain/other.py': 'print("never run")\n',
    'script.py': 'import sys, os\ns = "script"\nprint("script:", __name__, repr(__package__), os.path.relpath(__file__), '
                 '__file__ == sys.argv[0])\n',
    'bad_syntax.py': 'x = (\n',
}
for name, text in files.items():
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)
sys.path.insert(0, root)
os.chdir(root)


def clean(value):
    return str(value).replace(root, '<ROOT>')


def show(g):
    names = sorted(k for k in g if k != '__builtins__')
    print('  globals:', names)
    print('  ', clean({k: g[k] for k in ('__name__', '__package__', '__file__', '__doc__')}))


def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except BaseException as e:
        print('  ->', type(e).__name__, clean(e))


argv0 = sys.argv[0]
print('run_module rp_mod')
g = runpy.run_module('rp_mod')
show(g)
print('  x =', g['x'], '| rp_mod imported:', 'rp_mod' in sys.modules)
print('run_module rp_mod, init_globals, run_name, alter_sys')
g = runpy.run_module('rp_mod', {'injected': 'yes', 'x': 0}, '__main__', alter_sys=True)
show(g)
print('  x =', g['x'], g['injected'], '| argv restored:', sys.argv[0] == argv0,
      '| __main__ restored:', sys.modules['__main__'].__file__ == __file__)
print('run_module rp_pkg')
g = runpy.run_module('rp_pkg')
show(g)
print('run_module rp_pkg as __main__')
g = runpy.run_module('rp_pkg', run_name='__main__', alter_sys=True)
print('  ', clean(g['__name__']), clean(g['__file__']))
print('run_module rp_pkg.sub.leaf')
g = runpy.run_module('rp_pkg.sub.leaf')
show(g)
print('  spec:', g['__spec__'].name, clean(g['__spec__'].origin), g['__spec__'].parent)
print('run_module rp_pkg.__main__')
g = runpy.run_module('rp_pkg.__main__', run_name='renamed')
print('  ', g['__name__'], g['__package__'])

print('run_path script.py')
g = runpy.run_path('script.py')
show(g)
print('  spec, loader:', g['__spec__'], g['__loader__'])
print('run_path absolute, run_name=a.b.c')
g = runpy.run_path(os.path.join(root, 'script.py'), {'pre': 1}, run_name='a.b.c')
show(g)
print('run_path dir_main')
g = runpy.run_path('dir_main')
show(g)
print('  z =', g['z'], '| path restored:', sys.path[0] == root, '| argv restored:', sys.argv[0] == argv0)
print('run_path dir_main, run_name=pkg.main')
g = runpy.run_path(os.path.join(root, 'dir_main'), run_name='pkg.main')
print('  ', g['__name__'], repr(g['__package__']))

print('errors')
attempt(runpy.run_module, 'no_such_module')
attempt(runpy.run_module, 'no_such_pkg.mod')
attempt(runpy.run_module, '.relative')
attempt(runpy.run_module, 'rp_mod.py')
attempt(runpy.run_module, 'rp_mod.inner')
attempt(runpy.run_module, 'rp_nomain')
attempt(runpy.run_module, 'rp_pkg.sub')
attempt(runpy.run_module, 'rp_pkg.missing')
attempt(runpy.run_module, 'rp_pkg.__main__.x')
attempt(runpy.run_module, '__main__')
attempt(runpy.run_module, 'rp_fail')
attempt(runpy.run_module, 'rp_exit')
attempt(runpy.run_module, 'bad_syntax')
attempt(runpy.run_path, 'dir_plain')
attempt(runpy.run_path, 'missing.py')
attempt(runpy.run_path, 'rp_fail.py')
print('after errors: argv', sys.argv[0] == argv0, '| path', sys.path[0] == root,
      '| stray modules', [m for m in ('<run_path>', 'rp_fail') if m in sys.modules])
print(sorted(runpy.__all__))

os.chdir('/')
shutil.rmtree(root)
