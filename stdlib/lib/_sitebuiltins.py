"""The exit and quit objects of the interactive prompt, as CPython's site module makes them."""


class Quitter:
    """Typing the bare name shows how to leave; calling it leaves with SystemExit(code)."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f'Use {self.name}() or {self.eof} to exit'

    def __call__(self, code=None):
        raise SystemExit(code)
