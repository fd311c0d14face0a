"""Helpers the argparse tests share: run a parse in-process and print what it
returned, or what it wrote to stdout/stderr and its exit status."""
import io
import sys


def run(parser, args, method='parse_args'):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        try:
            result = getattr(parser, method)(args)
        finally:
            sys.stdout, sys.stderr = old
    except SystemExit as e:
        print(args, '-> exit', e.code)
        if out.getvalue():
            print('stdout:', repr(out.getvalue()))
        if err.getvalue():
            print('stderr:', err.getvalue(), end='')
    else:
        print(args, '->', result)


def show(label, f):
    try:
        r = f()
    except SystemExit as e:
        print(label, '-> SystemExit', e.code)
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(r))


def helps(parser):
    print(parser.format_help(), end='')
    print('=' * 20)
