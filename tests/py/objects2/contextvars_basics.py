# contextvars: ContextVar get/set/reset with Tokens, defaults, copy_context, Context.run and the
# Context mapping API, per-thread contexts, error messages.
import contextvars as cv
import threading


def show(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, (cv.ContextVar, cv.Token)) else type(r).__name__)
    except Exception as e:
        text = str(e)
        print(type(e).__name__, text.split(' at 0x')[0])


v = cv.ContextVar('x')
w = cv.ContextVar('y', default=1)
print(v.name, repr(v).startswith("<ContextVar name='x' at 0x"), repr(w).startswith("<ContextVar name='y' default=1 at"))
show(lambda: v.get())
print(v.get(7), w.get(), w.get(5))
show(lambda: cv.ContextVar(1))
show(lambda: cv.ContextVar())
show(lambda: cv.ContextVar('z', 1))
show(lambda: v.get(1, 2))
show(lambda: v.reset(1))
show(lambda: cv.Context(1))
show(lambda: cv.copy_context()[1])
show(lambda: cv.copy_context()[v])
show(lambda: type('X', (cv.Context,), {}))
show(lambda: type('X', (cv.ContextVar,), {}))
show(lambda: cv.Token())

t = v.set(5)
print(repr(t).startswith('<Token var=<ContextVar'), t.var is v, t.old_value, cv.Token.MISSING, v.get())
t2 = v.set(6)
print(t2.old_value, v.get())
v.reset(t2)
print(v.get())
show(lambda: v.reset(t2))
show(lambda: w.reset(t))

ctx = cv.copy_context()
print(len(ctx), ctx[v], v in ctx, w in ctx, list(ctx.keys()) == [v], list(ctx.values()), ctx.get(w), ctx.get(w, 9))
print(list(ctx) == [v], [(k.name, val) for k, val in ctx.items()])


def f(a):
    v.set(a)
    return v.get()


print(ctx.run(f, 10), v.get(), ctx[v])
show(lambda: ctx.run(lambda: ctx.run(f, 1)))
t3 = ctx.run(v.set, 3)
show(lambda: v.reset(t3))
print(ctx[v], cv.Context() == cv.Context(), len(cv.Context()), ctx == ctx.copy() if hasattr(ctx, 'copy') else True)
print(cv.ContextVar[int], cv.Token[str])

# A new thread starts with an empty context; the main thread's value is untouched.
seen = []


def worker():
    seen.append(v.get('unset'))
    v.set('thread')
    seen.append(v.get())


th = threading.Thread(target=worker)
th.start()
th.join()
print(seen, v.get())

# Context.run in a copy isolates changes made by the callee.
def in_copy():
    v.set('copied')
    w.set(2)
    return v.get(), w.get()


print(cv.copy_context().run(in_copy), v.get(), w.get())
