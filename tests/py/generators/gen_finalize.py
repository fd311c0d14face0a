# Generators are closed (their finally blocks run) when a for loop drops them, on close(),
# and at interpreter exit. (minipy's collector finalizes other dropped generators at some later
# safe point, so a golden test cannot pin down when.)


def guarded(tag):
    try:
        yield 1
        yield 2
    finally:
        print('finally', tag)


def loop_break():
    for x in guarded('loop break'):
        break
    print('after loop')


loop_break()

# Finished: the finally ran on the way out.
g = guarded('finished')
for _ in g:
    pass
g.close()


def with_cm():
    class CM:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            print('exit', exc[0].__name__ if exc[0] else None)

    with CM():
        yield 'in with'


w = with_cm()
print(next(w))
w.close()

survivor = guarded('at exit')
next(survivor)
print('end of script')
