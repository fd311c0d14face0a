# How handle and future reprs describe callbacks (asyncio.events formats them): partials with
# args and keywords, bound methods, callable objects, lambdas, wrapped functions, long args.
import asyncio
import functools
import os

HERE = os.path.basename(__file__)


def f(a, b=1):
    pass


@functools.wraps(f)
def wrapper(*a):
    pass


class C:
    def m(self, x):
        pass

    def __call__(self, y):
        pass

    def __repr__(self):
        return 'C()'

    @staticmethod
    def s():
        pass


def clean(text):
    return text.replace(__file__, HERE)


loop = asyncio.new_event_loop()
cases = [(f, (1, 'x')), (functools.partial(f, 1, b=2), (3,)),
         (functools.partial(functools.partial(f, 1), 2), ()), (C().m, (1,)), (C(), (2,)),
         (lambda: 0, ()), (print, ('p',)), (functools.partial(print, sep='-'), ()),
         (functools.partial(C()), (5,)), (wrapper, (1,)), (C.s, ()),
         (functools.partial(f, a=[1, 2]), ()), (f, ('a' * 3, None, 1.5)),
         (print, ('x' * 100, list(range(50)), {i: i for i in range(20)}))]
for cb, args in cases:
    h = loop.call_soon(cb, *args)
    print(clean(repr(h)))
    h.cancel()
    t = loop.call_at(5.5, cb, *args)
    print(clean(repr(t)).replace(' when=5.5', ' WHEN'))
    t.cancel()

fut = loop.create_future()
fut.add_done_callback(functools.partial(f, 9))
fut.add_done_callback(C().m)
print(clean(repr(fut)))
loop.close()
