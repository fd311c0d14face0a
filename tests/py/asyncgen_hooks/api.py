# sys.set_asyncgen_hooks / sys.get_asyncgen_hooks: the struct sequence, argument handling and
# CPython's error messages.
import sys


def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)


def first(agen):
    pass


def last(agen):
    pass


hooks = sys.get_asyncgen_hooks()
print(hooks)
print(type(hooks).__name__, type(hooks).__module__, isinstance(hooks, tuple))
print(hooks.firstiter, hooks.finalizer, hooks[0], hooks[1], len(hooks), tuple(hooks))
firstiter, finalizer = hooks
print(firstiter, finalizer)

print(sys.set_asyncgen_hooks(firstiter=first, finalizer=last))
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is first, hooks.finalizer is last)

# A hook left out is kept; None clears it; positional arguments are accepted.
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is last)
sys.set_asyncgen_hooks()
print(sys.get_asyncgen_hooks().finalizer is last)
sys.set_asyncgen_hooks(first)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer is last)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(print, len)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(*(None, None))
print(sys.get_asyncgen_hooks())

# Any callable will do.
class Callable:
    def __call__(self, agen):
        pass

sys.set_asyncgen_hooks(firstiter=Callable(), finalizer=Callable)
print(type(sys.get_asyncgen_hooks().firstiter).__name__, sys.get_asyncgen_hooks().finalizer.__name__)
sys.set_asyncgen_hooks(None, None)

attempt('firstiter=1', lambda: sys.set_asyncgen_hooks(firstiter=1))
attempt('finalizer="x"', lambda: sys.set_asyncgen_hooks(finalizer='x'))
attempt('positional int', lambda: sys.set_asyncgen_hooks(1))
attempt('positional list', lambda: sys.set_asyncgen_hooks(None, []))
attempt('both bad', lambda: sys.set_asyncgen_hooks(firstiter=1, finalizer=2.5))
attempt('unknown keyword', lambda: sys.set_asyncgen_hooks(foo=1))
attempt('unknown with valid', lambda: sys.set_asyncgen_hooks(foo=1, firstiter=None))
attempt('three arguments', lambda: sys.set_asyncgen_hooks(None, None, None))
attempt('two plus keyword', lambda: sys.set_asyncgen_hooks(None, None, finalizer=None))
attempt('name and position', lambda: sys.set_asyncgen_hooks(None, firstiter=None))
attempt('name and position 2', lambda: sys.set_asyncgen_hooks(print, None, **{}))
attempt('get with argument', lambda: sys.get_asyncgen_hooks(1))
attempt('get with keyword', lambda: sys.get_asyncgen_hooks(x=1))
print(sys.get_asyncgen_hooks())

# The finalizer is set before firstiter is checked, as in CPython.
attempt('good finalizer, bad firstiter', lambda: sys.set_asyncgen_hooks(firstiter=1, finalizer=last))
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is last)
attempt('bad finalizer, good firstiter', lambda: sys.set_asyncgen_hooks(firstiter=first, finalizer=1))
print(sys.get_asyncgen_hooks().firstiter, sys.get_asyncgen_hooks().finalizer is last)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
