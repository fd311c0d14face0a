"""Helper the typing tests share: prints what a call returns or raises."""


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))
