"""Helper module whose source inspect reads back."""


def top(a, b=1):
    """Top doc."""
    return a + b


class Klass:
    """Klass doc."""

    def meth(self):
        return 1

    class Inner:
        x = 1


@staticmethod
def decorated():  # decorator line is part of the source
    pass


lam = lambda x: x * 2  # noqa: E731


def make():
    def nested(q):
        return q
    return nested


TEXT = """
class Decorated:
    fake = True
"""


def identity(cls):
    return cls


@identity
class Decorated:
    doc = ('a',
           'b')

    def long_signature(self,
                       first,
                       second=(1,
    2)):
        value = """text
at column zero"""
        # a comment at a lower indentation
        return value

    # trailing comment, not part of the method


def factory():
    class Made:
        attr = 1
    return Made


def one_liner(): return 1
