"""The objects CPython's site module adds to builtins: exit, quit, copyright, credits, license
and help. The help pages themselves come from pydoc, imported only when help() is called."""
import builtins
import sys


class Quitter:
    """Typing the bare name shows how to leave; calling it leaves with SystemExit(code)."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f'Use {self.name}() or {self.eof} to exit'

    def __call__(self, code=None):
        raise SystemExit(code)


class _Printer:
    """A text shown whole as the repr when it is short; calling the object pages through it."""

    MAXLINES = 23

    def __init__(self, name, text):
        self.__name = name
        self.__lines = text.split('\n')

    def __repr__(self):
        if len(self.__lines) <= self.MAXLINES:
            return '\n'.join(self.__lines)
        return f'Type {self.__name}() to see the full {self.__name} text'

    def __call__(self):
        prompt = 'Hit Return for more, or q (and Return) to quit: '
        shown = 0
        while shown < len(self.__lines):
            for line in self.__lines[shown:shown + self.MAXLINES]:
                print(line)
            shown += self.MAXLINES
            if shown >= len(self.__lines):
                break
            key = None
            while key not in ('', 'q'):
                key = input(prompt)
            if key == 'q':
                break


class _Helper:
    """help(): the interactive help utility; help(thing): the documentation of thing."""

    def __repr__(self):
        return ('Type help() for interactive help, '
                'or help(object) for help about object.')

    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)


CREDITS = """\
    Thanks to the CPython developers, whose language, documentation and test
    expectations minipy follows, and to the authors of the Boehm-Demers-Weiser
    garbage collector, GMP, RE2, libedit and OpenSSL's libcrypto, which it uses."""

LICENSE = """\
minipy is a Python 3.11 interpreter written from scratch in C++; it contains
no CPython source code. The Python language and its documentation are
covered by the PSF License Agreement: https://docs.python.org/3.11/license.html

minipy links these libraries, each under its own license:
    Boehm-Demers-Weiser GC    MIT-style license
    GMP                       GNU LGPL v3 or GNU GPL v2
    RE2                       BSD 3-clause license
    libedit                   BSD 3-clause license
    OpenSSL libcrypto         Apache License 2.0"""


def install():
    """Puts the objects into the builtins module, as site.py does at start-up."""
    builtins.exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
    builtins.quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
    builtins.copyright = _Printer('copyright', sys.copyright)
    builtins.credits = _Printer('credits', CREDITS)
    builtins.license = _Printer('license', LICENSE)
    builtins.help = _Helper()
