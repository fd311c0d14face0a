# help(thing) as CPython's site module installs it: pydoc's plain-text pages on stdout.
import io
import os
import sys

import _helpmod


def documented(a, b=1, *args, c, d=2, **kw):
    """First line.

        Indented detail.
    Last line."""


class Widget:
    """A widget."""
    kind = 'plain'

    def __init__(self, size):
        """Makes a widget of the given size."""
        self.size = size

    def grow(self, by=1):
        "Grows the widget."

    @classmethod
    def default(cls):
        "The default widget."
        return cls(1)

    @staticmethod
    def check(size):
        return size > 0

    @property
    def area(self):
        "Size squared."
        return self.size ** 2


class Gadget(Widget):
    def grow(self, by=2):
        pass


help(documented)
help(lambda x, y=3: x)
help(Widget(2).grow)
help(_helpmod.scale)
help(_helpmod.bare)
help(_helpmod.fetch)
help('_helpmod.scale')
help('_helpmod.no_such_name')


def page(thing):
    saved, sys.stdout = sys.stdout, io.StringIO()
    try:
        help(thing)
        return sys.stdout.getvalue()
    finally:
        sys.stdout = saved


# The module page: the path differs between runs, so only its last line is replaced.
text = page(_helpmod)
print(text.replace(os.path.abspath(_helpmod.__file__), '<path>'))

# Class pages: the sections and entries pydoc shows (object's own descriptors differ in
# wording between interpreters, so they are not compared).
text = page(Widget)
lines = text.split('\n')
print(lines[0])
print(lines[2])
for wanted in [' |  Widget(size)', ' |  A widget.', ' |  Methods defined here:',
               ' |  __init__(self, size)', ' |      Makes a widget of the given size.',
               ' |  grow(self, by=1)', ' |      Grows the widget.',
               ' |  Class methods defined here:', ' |  default() from builtins.type',
               ' |  Static methods defined here:', ' |  check(size)',
               ' |  Readonly properties defined here:', ' |  area', ' |      Size squared.',
               ' |  Data and other attributes defined here:', " |  kind = 'plain'"]:
    print(repr(wanted), wanted in lines)
print([line for line in lines if line.endswith(':') and 'here' in line])

text = page(Gadget)
lines = text.split('\n')
print(lines[:7])
print([line for line in lines if 'inherited from' in line][:2])
# A method without a doc string shows the doc of the one it overrides.
print(lines[lines.index(' |  grow(self, by=2)') + 1])

# An instance: the page of its class.
print(page(Gadget(3)).split('\n')[:3])
