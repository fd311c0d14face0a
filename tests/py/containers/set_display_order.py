# Set displays of constants are folded to a frozenset constant (as CPython does) and {*s} copies
# the table, so their order is CPython's too; set_order.py covers sets built at run time.
print({3747, 3, 80406053, 6}, {3008496, 1, 89384, 730, 10})
a = {100, 5, 37, 9999, 64}
print({*a}, {*a, 1}, [x for x in {3747, 3, 80406053, 6}], {x for x in {3747, 3, 80406053, 6}})
for x in {3008496, 1, 89384, 730, 10}: print(x, end=' ')
print()
print({1, 2}, {80406053, 3}, frozenset({3747, 3, 80406053, 6}), set([3747, 3, 80406053, 6]))
def f(): return {3747, 3, 80406053, 6}
print(f(), f() is f())
