# The interpreter's own report of an uncaught exception marks the failing part of each
# source line as CPython 3.11 does (it keeps trailing blanks on the shown line, unlike the
# traceback module).  Each snippet runs in a subprocess; paths are replaced by NAME.py.
import os
import subprocess
import sys
import tempfile

SNIPPETS = {
    "binop": "def f(x):\n    return x[1] / 0\nf([1, 2])\n",
    # Syntax errors: one caret for an IndentationError, none that would point into the
    # indentation, the whole range for other syntax errors.
    "expected_indent": "def f():\nreturn 1\n",
    "unexpected_indent": "if True:\n    x = 1\n      y = 2\n",
    "unindent": "if x:\n  a\n b\n",
    "syntax_range": "if x = 1:\n  pass\n",
    "indentation_error_raised": "raise IndentationError('m', ('f.py', 2, 3, 'return 1', 2, 7))\n",
    "floordiv": "a = 1\nb = 0\nc = a // b\n",
    "power": "x = 1\ny = (x)  **  'a'\n",
    "paren": "a = 1\nb = 0\nc = (a + 1)   % b  # comment\n",
    "subscript": "d = {}\nv = d['key']\n",
    "spaced_subscript": "a = [[1]]\nb = a [0] [ 3 ]\n",
    "call": "def h(a):\n    raise ValueError('x')\nx = h(1) + 2\n",
    "whole_line": "def h():\n    raise OSError\nh()\n",
    "attribute": "class A: pass\nprint(A().missing.other)\n",
    "nested": "def a(): return b(1)\ndef b(x): return c(x, 2)\ndef c(x, y): return x / (y - 2)\na()\n",
    "multi_line": "def f(*a): raise KeyError(1)\ny = f(1,  # comment  \n  2)\n",
    "continuation": "x = (1 +\\\n  2) / 0\n",
    "non_ascii": "s = 'héllo wörld'; t = s + 1\n",
    "non_ascii_key": "d = {'é': 1}\nv = d['é'] + d['x']\n",
    "tabs": "if True:\n\tx = 1\n\ty = x / 0\n",
    "trailing_blanks": "x = 1 / 0    \n",
    "trailing_blanks_whole": "raise ValueError   \n",
    "lambda": "f = lambda x: x / 0\nf(1)\n",
    "comprehension": "l = [1, 0]\nr = [1 / x for x in l]\n",
    "fstring": "x = 0\ns = f'{1 / x}'\n",
    "assert": "assert 1 == 2, 'm'\n",
    "decorator": "def d(f): raise TypeError('no')\n@d\ndef g(): pass\n",
    "augmented": "x = 1\nx /= 0\n",
    "unpack": "a, b = [1]\n",
    "method_call": "class A:\n    def run(self): raise ValueError\n    def go(self):\n        x = self.run()\nA().go()\n",
    "no_newline": "def f(): raise ValueError\nx = 1; f()",
    "context": "try:\n    {}['a']\nexcept Exception:\n    [][1]\n",
}

with tempfile.TemporaryDirectory() as tmp:
    for name, source in SNIPPETS.items():
        path = os.path.join(tmp, name + ".py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        result = subprocess.run([sys.executable, path], capture_output=True,
                                env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        print("==", name)
        print(result.stderr.decode("utf-8").replace(path, name + ".py"), end="")
