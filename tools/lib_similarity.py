"""How much of a stdlib/lib module's code repeats CPython's, line for line.

    python3 tools/lib_similarity.py CPYTHON_FILE MINIPY_FILE

minipy's Python modules must be written, not copied from CPython's Lib. Matching behaviour
forces some lines to be the same (signatures, error messages), so this counts only code: both
files are tokenized, comments and docstrings dropped, and each logical line longer than 30
characters is compared by its tokens. Modules written independently here score 20-30%; ones
reproduced from CPython's sources score 60% and more.
"""
import io
import sys
import tokenize

SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
           tokenize.ENCODING)
STATEMENT_START = (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL)


def code_lines(path):
    """The file's code lines as token strings, without docstrings and bare string lines."""
    with open(path, encoding='utf-8') as f:
        tokens = list(tokenize.generate_tokens(io.StringIO(f.read()).readline))
    lines = {}
    previous = None
    for tok in tokens:
        if tok.type in SKIPPED:
            if tok.type != tokenize.COMMENT:
                previous = tok
            continue
        docstring = tok.type == tokenize.STRING and (previous is None or previous.type in STATEMENT_START)
        previous = tok
        if not docstring:
            lines.setdefault(tok.start[0], []).append(tok.string)
    return [' '.join(parts) for _, parts in sorted(lines.items()) if len(' '.join(parts)) > 30]


def main():
    cpython, minipy = sys.argv[1], sys.argv[2]
    theirs = set(code_lines(cpython))
    ours = code_lines(minipy)
    same = sum(1 for line in ours if line in theirs)
    print(f'{minipy}: {same}/{len(ours)} code lines identical to {cpython} '
          f'({same / max(1, len(ours)) * 100:.0f}%)')


if __name__ == '__main__':
    main()
