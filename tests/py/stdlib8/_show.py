"""The helper these tests share: prints what a call returns (and its type, if asked) or raises."""


def show(label, fn, with_type=False):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        if with_type:
            print(label, '->', repr(r), type(r).__name__)
        else:
            print(label, '->', repr(r))
