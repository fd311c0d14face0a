# Function __defaults__ / __kwdefaults__: set, cleared, emptied, and their type errors.
def f(a, b=1, *, c=2):
    return a, b, c


print(f.__defaults__, f.__kwdefaults__, f(0))
f.__defaults__ = (5,)
print(f(0), f.__defaults__)
f.__defaults__ = ()
print(f.__defaults__)
try:
    f(0)
except TypeError as e:
    print(e)
f.__defaults__ = None
print(f.__defaults__)
f.__kwdefaults__ = {}
print(f.__kwdefaults__)
for value in ([1], 'x'):
    try:
        f.__defaults__ = value
    except TypeError as e:
        print(e)
try:
    f.__kwdefaults__ = [1]
except TypeError as e:
    print(e)
del f.__defaults__
print(f.__defaults__)
