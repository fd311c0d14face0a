#!/usr/bin/env python3
"""Regenerates the parser test expectations from CPython 3.11, the reference.

    python3 tests/unit/parser_cases/regen.py [CONFORMANCE_DIR]

Inputs (written by hand):
  valid.txt          programs that parse; cases are separated by a line "@@", each a Python
  syntax_errors.txt  expression: a str or bytes (compiled as "exec"), or a (mode, source)
                     tuple with mode "exec", "eval" or "single", compiled from bytes as
                     minipy reads files, or "exec_text", "eval_text", "single_text",
                     compiled from a str (minipy's ParseFlags::text_input).
  samples/*.py       larger programs.
Outputs (read by tests/unit/test_parser.cpp):
  valid.expected, syntax_errors.expected, samples/*.dump
  conformance.expected   one line per script of the conformance corpus: its path relative to
                         the corpus and the FNV-1a 64 hash of what the test compares (the dump
                         with positions, or the error line), so the corpus is checked without
                         copying it here.
Record format: "== MODE", the escaped
source, the escaped expectation; escaping turns backslash, control characters and non-ASCII
bytes into \\\\, \\n, \\r, \\t and \\xHH.
"""
import ast
import glob
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def escape(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = []
    for b in data:
        c = chr(b)
        if c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif b < 0x20 or b >= 0x7F:
            out.append("\\x%02x" % b)
        else:
            out.append(c)
    return "".join(out)


def outcome(source, mode):
    """What the C++ test compares: the dump with positions, or the error line."""
    if mode.endswith("_text"):
        mode = mode[:-len("_text")]
    elif isinstance(source, str):
        source = source.encode("utf-8")
    try:
        tree = compile(source, "<test>", mode, flags=ast.PyCF_ONLY_AST)
        return ast.dump(tree, include_attributes=True)
    except SyntaxError as e:
        return "%s|%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno or 0, e.offset or 0,
                                        e.end_lineno or 0, e.end_offset or 0, e.text or "")
    except MemoryError:
        return "MemoryError||0|0|0|0|"


def read_cases(name):
    text = open(os.path.join(HERE, name), encoding="utf-8").read()
    cases = []
    for chunk in text.split("\n@@\n"):
        if not chunk.strip():
            continue
        value = eval(chunk)
        cases.append(value if isinstance(value, tuple) else ("exec", value))
    return cases


def write_expected(name, cases, want_error):
    with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as f:
        for mode, source in cases:
            result = outcome(source, mode)
            is_error = not result.startswith(("Module(", "Expression(", "Interactive("))
            if is_error != want_error:
                sys.exit("%s: %r %s" % (name, source, "parses" if want_error else result))
            f.write("== %s\n%s\n%s\n" % (mode, escape(source), escape(result)))


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    warnings.simplefilter("ignore")
    write_expected("valid.expected", read_cases("valid.txt"), False)
    write_expected("syntax_errors.expected", read_cases("syntax_errors.txt"), True)
    for path in sorted(glob.glob(os.path.join(HERE, "samples", "*.py"))):
        with open(path[:-3] + ".dump", "w", encoding="utf-8", newline="\n") as f:
            f.write(outcome(open(path, "rb").read(), "exec") + "\n")
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "..", "..", "shared", "conformance")
    if not os.path.isdir(corpus):
        corpus = "/work/shared/conformance"
    with open(os.path.join(HERE, "conformance.expected"), "w", encoding="ascii", newline="\n") as f:
        for path in sorted(glob.glob(os.path.join(corpus, "**", "*.py"), recursive=True)):
            rel = os.path.relpath(path, corpus)
            result = outcome(open(path, "rb").read(), "exec")
            f.write("%s %016x\n" % (rel, fnv1a64(result.encode("utf-8"))))


main()
