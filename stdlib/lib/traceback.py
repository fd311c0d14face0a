"""Extracting, formatting and printing stack traces and exceptions, in the text the interpreter
prints for an uncaught exception (runtime/traceback_print.cpp draws the same, natively).

The pieces: FrameSummary (one frame: file, line, function, source), StackSummary (a list of
them that formats itself), TracebackException (an exception captured with its stack, the
exceptions chained to it and, for exception groups, its members). The module functions are
thin layers over those.
"""

import _opcode
import collections.abc
import keyword
import linecache
import sys

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only",
           "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
           "print_exception", "print_last", "print_stack", "print_tb", "clear_frames",
           "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb"]

# Identical entries beyond this many in a row (deep recursion) are counted, not shown.
_REPEATS_SHOWN = 3
_CAUSE_SEPARATOR = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT_SEPARATOR = "\nDuring handling of the above exception, another exception occurred:\n\n"
_NOT_GIVEN = object()


# ---------------------------------------------------------------------------------------------
# Module functions

def _output(file):
    return sys.stderr if file is None else file


def _write_all(pieces, file):
    out = _output(file)
    for piece in pieces:
        print(piece, file=out, end="")


def print_list(extracted_list, file=None):
    """Prints what extract_tb() or extract_stack() returned, as a traceback shows it."""
    _write_all(format_list(extracted_list), file)


def format_list(extracted_list):
    """One string per entry: '  File "f", line n, in name\\n    source\\n'."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of a traceback's entries, oldest call first."""
    return StackSummary._from_positions(_tb_positions(tb), limit=limit)


def _exception_and_tb(exc, value, tb):
    """The (value, traceback) to report for the functions taking (exc, /, value, tb)."""
    if (value is _NOT_GIVEN) != (tb is _NOT_GIVEN):
        raise ValueError("Both or neither of value and tb must be given")
    if value is not _NOT_GIVEN:
        return value, tb
    # Since 3.10 the exception alone will do.
    if exc is None:
        return None, None
    if not isinstance(exc, BaseException):
        raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
    return exc, exc.__traceback__


def print_exception(exc, /, value=_NOT_GIVEN, tb=_NOT_GIVEN, limit=None, file=None, chain=True):
    """Prints an exception with its traceback and the exceptions chained to it (to stderr)."""
    value, tb = _exception_and_tb(exc, value, tb)
    TracebackException(type(value), value, tb, limit=limit, compact=True).print(file=file, chain=chain)


def format_exception(exc, /, value=_NOT_GIVEN, tb=_NOT_GIVEN, limit=None, chain=True):
    """The lines print_exception() prints, each ending with a newline."""
    value, tb = _exception_and_tb(exc, value, tb)
    return list(TracebackException(type(value), value, tb, limit=limit, compact=True).format(chain=chain))


def format_exception_only(exc, /, value=_NOT_GIVEN):
    """The closing lines of a report: 'Type: message' (a SyntaxError's source and caret
    before it, notes after it)."""
    if value is _NOT_GIVEN:
        value = exc
    return list(TracebackException(type(value), value, None, compact=True).format_exception_only())


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """What print_exc() prints, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Prints the last uncaught exception (the one sys.last_value keeps for the REPL)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


def _caller(f, depth=2):
    return sys._getframe(depth) if f is None else f


def print_stack(f=None, limit=None, file=None):
    """Prints the stack from the outermost call down to frame f (by default, the caller)."""
    print_list(extract_stack(_caller(f), limit=limit), file=file)


def format_stack(f=None, limit=None):
    return format_list(extract_stack(_caller(f), limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack down to frame f (by default, the caller), outermost first."""
    stack = StackSummary.extract(walk_stack(_caller(f)), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clears the local variables of every frame of a traceback (a running one is skipped)."""
    for frame, _ in walk_tb(tb):
        try:
            frame.clear()
        except (RuntimeError, AttributeError):
            pass


def walk_stack(f):
    """(frame, line number) from frame f outwards (by default, from the caller's caller)."""
    frame = sys._getframe(2) if f is None else f
    while frame is not None:
        yield frame, frame.f_lineno
        frame = frame.f_back


def walk_tb(tb):
    """(frame, line number) for each entry of a traceback, oldest call first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _tb_positions(tb):
    """(frame, (lineno, end_lineno, colno, end_colno)) for each entry of a traceback: the
    source range of the instruction its frame was running."""
    while tb is not None:
        yield tb.tb_frame, _instruction_position(tb.tb_frame.f_code, tb.tb_lasti, tb.tb_lineno)
        tb = tb.tb_next


def _instruction_position(code, byte_offset, lineno):
    if byte_offset < 0:
        return lineno, None, None, None
    wanted = byte_offset // _opcode.CODE_UNIT_SIZE
    for index, position in enumerate(code.co_positions()):
        if index == wanted:
            return (lineno if position[0] is None else position[0],) + tuple(position[1:])
    return lineno, None, None, None


def _text_of(value, what, to_text=str):
    """to_text(value), or what CPython shows when that fails."""
    try:
        return to_text(value)
    except Exception:
        return f"<{what} {to_text.__name__}() failed>"


# ---------------------------------------------------------------------------------------------
# Frames and stacks

class FrameSummary:
    """One frame of a stack: file, line number, function name and source line (read lazily
    through linecache), with the source range of the instruction when known."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line", "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self.locals = None if not locals else {key: repr(value) for key, value in locals.items()}
        if lookup_line:
            self.line

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.locals) == \
                (other.filename, other.lineno, other.name, other.locals)
        if isinstance(other, tuple):
            return self._as_tuple() == other
        return NotImplemented

    def __getitem__(self, index):
        return self._as_tuple()[index]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    @property
    def _original_line(self):
        # The source line as linecache has it: indentation, trailing blanks and newline kept.
        self.line
        return self._line

    @property
    def line(self):
        """The source line without surrounding blanks ('' when unknown, None without lineno)."""
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary entries that formats itself as a traceback's body."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """The summary of (frame, line number) pairs. limit: how many to keep from the start
        (negative: from the end); by default sys.tracebacklimit, if set."""
        pairs = ((frame, (lineno, None, None, None)) for frame, lineno in frame_gen)
        return klass._from_positions(pairs, limit=limit, lookup_lines=lookup_lines,
                                     capture_locals=capture_locals)

    @classmethod
    def _from_positions(klass, frame_positions, *, limit=None, lookup_lines=True, capture_locals=False):
        # extract() for (frame, (lineno, end_lineno, colno, end_colno)) pairs.
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None:
                limit = max(limit, 0)
        entries = list(frame_positions)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        summary = klass()
        for frame, (lineno, end_lineno, colno, end_colno) in entries:
            code = frame.f_code
            # Modules loaded by a loader keep their source reachable for linecache.
            linecache.lazycache(code.co_filename, frame.f_globals)
            summary.append(FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=False,
                                        locals=frame.f_locals if capture_locals else None,
                                        end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in {entry.filename for entry in summary}:
            linecache.checkcache(filename)
        if lookup_lines:
            for entry in summary:
                entry.line
        return summary

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects and (filename, lineno, name, line) tuples."""
        summary = StackSummary()
        for item in a_list:
            if not isinstance(item, FrameSummary):
                filename, lineno, name, line = item
                item = FrameSummary(filename, lineno, name, line=line)
            summary.append(item)
        return summary

    def format_frame_summary(self, frame_summary):
        """One entry's text: the File line, the source line and the markers under its failing
        part, and the captured locals."""
        text = f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n'
        if frame_summary.line:
            text += f"    {frame_summary.line}\n" + _caret_line(frame_summary)
        for name, value in sorted((frame_summary.locals or {}).items()):
            text += f"    {name} = {value}\n"
        return text

    def format(self):
        """One string per entry; after three identical entries in a row (recursion) the rest
        of the run is counted in one '[Previous line repeated N more times]' line."""
        lines = []
        previous = None
        run = 0

        def close_run():
            hidden = run - _REPEATS_SHOWN
            if hidden > 0:
                lines.append(f"  [Previous line repeated {hidden} more time{'s' if hidden > 1 else ''}]\n")

        for entry in self:
            text = self.format_frame_summary(entry)
            if text is None:
                continue
            key = (entry.filename, entry.lineno, entry.name)
            if key != previous or entry.lineno is None:
                close_run()
                previous, run = key, 0
            run += 1
            if run <= _REPEATS_SHOWN:
                lines.append(text)
        close_run()
        return lines



# ---------------------------------------------------------------------------------------------
# Exceptions

class TracebackException:
    """An exception captured for formatting later: its type and text, its stack, the
    exceptions chained to it (__cause__, __context__) and, for an exception group, its
    members (`exceptions`), all as TracebackException objects. No reference to the exception
    or its frames is kept."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        # Exceptions already captured, by id: chains may loop (an exception in its own context).
        seen = set() if _seen is None else _seen
        options = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,
                       max_group_width=max_group_width, max_group_depth=max_group_depth)
        # Long chains are followed with a work list, not recursion.
        pending = [(self, exc_type, exc_value, exc_traceback)]
        while pending:
            target, etype, value, tb = pending.pop()
            seen.add(id(value))
            target._capture(etype, value, tb, options)
            cause = value.__cause__ if value is not None else None
            context = value.__context__ if value is not None else None
            target.__cause__ = target.__context__ = None
            if cause is not None and id(cause) not in seen:
                seen.add(id(cause))
                target.__cause__ = TracebackException.__new__(TracebackException)
                pending.append((target.__cause__, type(cause), cause, cause.__traceback__))
            wanted = not compact or (target.__cause__ is None and not target.__suppress_context__)
            if wanted and context is not None and id(context) not in seen:
                seen.add(id(context))
                target.__context__ = TracebackException.__new__(TracebackException)
                pending.append((target.__context__, type(context), context, context.__traceback__))
            # Members come after the chain: an exception both chained and inside a member's
            # chain is shown in the outer chain.
            target.exceptions = None
            if etype is not None and issubclass(etype, BaseExceptionGroup):
                target.exceptions = [TracebackException(type(member), member, member.__traceback__,
                                                        compact=compact, _seen=seen, **options)
                                     for member in value.exceptions]

    def _capture(self, exc_type, exc_value, exc_traceback, options):
        """Everything but the chain and the group members: type, text, notes, stack."""
        self.max_group_width = options["max_group_width"]
        self.max_group_depth = options["max_group_depth"]
        self.stack = StackSummary._from_positions(
            _tb_positions(exc_traceback), limit=options["limit"], lookup_lines=options["lookup_lines"],
            capture_locals=options["capture_locals"])
        self.exc_type = exc_type
        self._str = _text_of(exc_value, "exception")
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            lineno, end_lineno = exc_value.lineno, exc_value.end_lineno
            self.filename = exc_value.filename
            self.lineno = None if lineno is None else str(lineno)
            self.end_lineno = None if end_lineno is None else str(end_lineno)
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """Captures exc with its own traceback."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def _type_name(self):
        name = self.exc_type.__qualname__
        module = self.exc_type.__module__
        if module in ("__main__", "builtins"):
            return name
        return (module if isinstance(module, str) else "<unknown>") + "." + name

    def format_exception_only(self):
        """The closing lines: 'Type: message' (after a SyntaxError's location and source), then
        the notes."""
        if self.exc_type is None:
            yield _final_line(None, self._str)
            return
        if issubclass(self.exc_type, SyntaxError):
            yield from self._syntax_error_lines()
        else:
            yield _final_line(self._type_name(), self._str)
        notes = self.__notes__
        if isinstance(notes, collections.abc.Sequence):
            for note in notes:
                yield _text_of(note, "note") + "\n"
        elif notes is not None:
            # Without a newline, as CPython 3.11 has it.
            yield _text_of(notes, "__notes__", repr)

    def _syntax_error_lines(self):
        where = ""
        if self.lineno is not None:
            yield f'  File "{self.filename or "<string>"}", line {self.lineno}\n'
        elif self.filename is not None:
            where = f" ({self.filename})"
        if self.text is not None:
            shown = self.text.rstrip("\n")
            stripped = shown.lstrip(" \n\f")
            yield f"    {stripped}\n"
            if self.offset is not None:
                yield from self._syntax_caret(stripped, len(shown) - len(stripped))
        yield f"{self._type_name()}: {self.msg or '<no detail available>'}{where}\n"

    def _syntax_caret(self, stripped, indent):
        # Offsets are 1-based columns of the unstripped line; a missing or empty range is one
        # column wide. Blanks before the caret copy the line's own (tabs stay tabs).
        start = self.offset
        end = self.end_offset if self.end_offset not in (None, 0) else start
        if end == start or end == -1:
            end = start + 1
        first, last = start - 1 - indent, end - 1 - indent
        if first >= 0:
            lead = "".join(c if c.isspace() else " " for c in stripped[:first])
            yield "    " + lead + "^" * (last - first) + "\n"

    def format(self, *, chain=True):
        """The lines of the whole report: the exceptions chained to this one first, then this
        one with its 'Traceback (most recent call last):' block. Exception groups are drawn as
        boxes holding their members."""
        yield from _Report(chain).lines(self, 0)

    def print(self, *, file=None, chain=True):
        """Prints format()'s lines (to stderr)."""
        _write_all(self.format(chain=chain), file)


def _final_line(type_name, text):
    return f"{type_name}\n" if text is None or not text else f"{type_name}: {text}\n"


class _Report:
    """format()'s text. Inside an exception group every line carries the margin of its
    nesting level L: 2L blanks and '| ' ('+ ' before the outermost group's traceback)."""

    def __init__(self, chain):
        self.chain = chain

    def lines(self, te, level):
        """te after the exceptions chained to it. level: its margin level, 0 at the top (where
        a group's own lines go to level 1) and one more than its group's for a member; a
        group nested deeper than max_group_depth is left out."""
        if te.exceptions is not None and level > te.max_group_depth:
            yield from _with_margin([f"... (max_group_depth is {te.max_group_depth})\n"], level)
            return
        chain = []
        while True:
            chain.append(te)
            if not self.chain:
                break
            if te.__cause__ is not None:
                te, separator = te.__cause__, _CAUSE_SEPARATOR
            elif te.__context__ is not None and not te.__suppress_context__:
                te, separator = te.__context__, _CONTEXT_SEPARATOR
            else:
                break
            chain.append(separator)
        for item in reversed(chain):
            if isinstance(item, str):
                yield from _with_margin([item], level)
            elif item.exceptions is None:
                yield from _with_margin(self._plain(item), level)
            else:
                yield from self._group(item, max(level, 1))

    def _plain(self, te):
        if te.stack:
            yield "Traceback (most recent call last):\n"
            yield from te.stack.format()
        yield from te.format_exception_only()

    def _group(self, te, level):
        head = []
        if te.stack:
            head.append("Exception Group Traceback (most recent call last):\n")
            head.extend(te.stack.format())
        head.extend(te.format_exception_only())
        yield from _with_margin(head, level, first="+" if te.stack and level == 1 else "|")
        inner = "  " * (level + 1)
        dashes = "-" * 16
        shown = te.exceptions[:te.max_group_width]
        closed = False
        for number, member in enumerate(shown, 1):
            opener = "  " * level + "+-+" if number == 1 else inner + "+"
            yield f"{opener}{dashes} {number} {dashes}\n"
            yield from self.lines(member, level + 1)
            # A member group that was drawn has closed the box already.
            closed = member.exceptions is not None and level + 1 <= member.max_group_depth
        hidden = len(te.exceptions) - len(shown)
        if hidden:
            yield f"{inner}+{dashes} ... {dashes}\n"
            yield from _with_margin([f"and {hidden} more exception{'s' if hidden > 1 else ''}\n"], level + 1)
            closed = False
        if not closed:
            yield inner + "+" + "-" * 36 + "\n"


def _with_margin(pieces, level, first="|"):
    """The pieces' lines behind the margin of `level` (unchanged at level 0)."""
    if level == 0:
        yield from pieces
        return
    indent = "  " * level
    for piece in pieces:
        for line in piece.splitlines(keepends=True):
            yield f"{indent}{first} {line}"
            first = "|"


# ---------------------------------------------------------------------------------------------
# Markers under a source line (PEP 657 positions)

def _caret_line(frame_summary):
    """The marker line under a frame's source line ('' when there is none): '^' under the
    failing range, or '~' with '^' under the operator of a binary operation or the brackets of
    a subscript.  Nothing when the position is unknown, or when the range covers the whole
    line and has no operator or brackets to point at; a range running onto later lines is
    marked to the end of its first line."""
    if frame_summary.colno is None or frame_summary.end_colno is None:
        return ""
    line = frame_summary._original_line
    stripped = frame_summary.line
    start = _char_offset(line, frame_summary.colno)
    end = _char_offset(line, frame_summary.end_colno)
    anchors = None
    if frame_summary.lineno == frame_summary.end_lineno:
        try:
            anchors = _caret_anchors(line[start:end])
        except Exception:
            anchors = None
    else:
        end = len(line.rstrip())
    if end - start >= len(stripped) and not (anchors and anchors[1] > anchors[0]):
        return ""
    # As in CPython 3.11, the indentation to remove is counted as everything the shown line
    # lost, trailing blanks and newline included, less one: markers shift left on lines with
    # trailing blanks.
    lost = len(line) - len(stripped)
    markers = " " * (start + 1 - lost)
    if anchors:
        left_end, right_start = anchors
        markers += "~" * left_end + "^" * (right_start - left_end)
        markers += "~" * (end - start - right_start)
    else:
        markers += "^" * (end - start)
    return "    " + markers + "\n"


def _char_offset(text, byte_offset):
    """Characters in the first byte_offset bytes of text's UTF-8."""
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))


def _caret_anchors(segment):
    """(left_end, right_start): the part of segment to mark with '^' when it is one binary
    operation (its operator) or one subscript (its brackets); None otherwise."""
    parsed = _binary_op_or_subscript(segment)
    if parsed is None:
        return None
    kind, first, second = parsed
    if kind == "subscript":
        return first, second
    # first/second: the left operand's end and the right operand's start (characters).  The
    # operator is the first non-blank after the left operand, two characters long when the
    # next one is not blank either; then ')' and blanks are skipped.  Like CPython, this mixes
    # byte and character offsets, which only matters for non-ASCII left operands.
    operator = segment[first:second]
    skipped = len(operator) - len(operator.lstrip())
    left = len(segment[:first].encode("utf-8")) + skipped
    right = left + 1
    if skipped + 1 < len(operator) and not operator[skipped + 1].isspace():
        right += 1
    while left < len(segment) and (segment[left].isspace() or segment[left] in ")#"):
        left += 1
        right += 1
    return _char_offset(segment, left), _char_offset(segment, right)


# Binary operators by precedence (higher binds tighter); '**' is right-associative.
_BINARY_PRECEDENCE = {"|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5,
                      "*": 6, "/": 6, "//": 6, "%": 6, "@": 6, "**": 8}

_token_re = None


def _tokens(text):
    """(kind, text, start, end) for each token of a one-line expression, or None when it
    holds something else (a comment, an unknown character)."""
    global _token_re
    if _token_re is None:
        import re
        _token_re = re.compile(
            r"(?P<space>[ \t\f]+)"
            r"|(?P<string>[rRbBuUfF]{0,2}(?:'(?:\\.|[^\\'])*'|\"(?:\\.|[^\\\"])*\"))"
            r"|(?P<number>\.?[0-9](?:[eE][-+]|[\w.])*)"
            r"|(?P<name>\w+)"
            r"|(?P<open>[(\[{])"
            r"|(?P<close>[)\]}])"
            r"|(?P<op>\*\*=?|//=?|<<=?|>>=?|->|:=|[-+*/%@&|^=<>!]=?|[~.,:;])")
    tokens = []
    pos = 0
    while pos < len(text):
        m = _token_re.match(text, pos)
        if m is None:
            return None
        if m.lastgroup != "space":
            tokens.append((m.lastgroup, m.group(), m.start(), m.end()))
        pos = m.end()
    return tokens


def _top_level(tokens):
    """The tokens outside brackets, each bracketed group as one ("group", opener, start, end,
    inner tokens) unit; None when the brackets do not balance."""
    units = []
    depth = 0
    for token in tokens:
        kind = token[0]
        if kind == "open":
            if depth == 0:
                opener, inner = token, []
            else:
                inner.append(token)
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                units.append(("group", opener[1], opener[2], token[3], inner))
            else:
                inner.append(token)
        elif depth:
            inner.append(token)
        else:
            units.append(token + (None,))
    return units if depth == 0 else None


def _unparenthesized(units):
    # An expression's range leaves out its parentheses, unless they make a tuple or a
    # generator expression.
    while len(units) == 1 and units[0][0] == "group" and units[0][1] == "(":
        inner = _top_level(units[0][4])
        if not inner or any(u[1] in (",", "for", "yield") for u in inner):
            break
        units = inner
    return units


def _binary_op_or_subscript(segment):
    """("binop", left operand end, right operand start) or ("subscript", '[' offset, offset
    after ']') when segment is one such expression, else None."""
    tokens = _tokens(segment)
    units = _top_level(tokens) if tokens else None
    if not units:
        return None
    binary = []
    after_operand = False
    starts_unary = False
    for i, (kind, text, *_) in enumerate(units):
        if kind == "op":
            if text in _BINARY_PRECEDENCE and after_operand:
                binary.append(i)
            elif text in ("-", "+", "~") and not after_operand:
                starts_unary = starts_unary or i == 0
            elif text != "." or not after_operand:
                return None
            after_operand = False
        elif kind == "name" and text == "await":
            after_operand = False
        elif kind == "name" and keyword.iskeyword(text) and text not in ("True", "False", "None"):
            return None
        else:
            after_operand = True
    if not after_operand:
        return None
    if binary:
        lowest = min(_BINARY_PRECEDENCE[units[i][1]] for i in binary)
        roots = [i for i in binary if _BINARY_PRECEDENCE[units[i][1]] == lowest]
        root = roots[0] if units[roots[0]][1] == "**" else roots[-1]
        if units[root][1] == "**" and starts_unary:
            return None
        left = _unparenthesized(units[:root])
        right = _unparenthesized(units[root + 1:])
        return "binop", left[-1][3], right[0][2]
    last = units[-1]
    if len(units) > 1 and not starts_unary and last[0] == "group" and last[1] == "[":
        return "subscript", last[2], last[3]
    return None


