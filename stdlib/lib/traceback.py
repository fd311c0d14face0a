"""Extracting, formatting and printing stack traces and exceptions, in the same text the
interpreter prints for an uncaught exception."""

import _opcode
import keyword
import linecache
import sys

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only",
           "format_list", "format_stack", "format_tb", "print_exc", "format_exc",
           "print_exception", "print_last", "print_stack", "print_tb",
           "FrameSummary", "StackSummary", "TracebackException", "walk_stack", "walk_tb"]


def print_list(extracted_list, file=None):
    """Prints the entries of extract_tb()/extract_stack() output."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """One string per entry: '  File "f", line n, in name\\n    source\\n'."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of the traceback's entries, oldest first."""
    return StackSummary._extract_from_extended_frame_gen(_walk_tb_with_full_positions(tb),
                                                         limit=limit)


_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")

_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    # 3.10+: the exception alone may be passed as the first argument.
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f"Exception expected for value, {type(exc).__name__} found")
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints the exception and its traceback (and chained exceptions) to file (stderr)."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    if file is None:
        file = sys.stderr
    for line in te.format(chain=chain):
        print(line, file=file, end="")


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines print_exception would print, each ending in a newline."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of a traceback: 'Type: message\\n' (plus SyntaxError details and
    notes)."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, "exception")
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f"<{what} {func.__name__}() failed>"


def print_exc(limit=None, file=None, chain=True):
    """Prints the exception being handled (sys.exception())."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The text print_exc would print, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Prints the last uncaught exception (sys.last_type/last_value/last_traceback)."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


def print_stack(f=None, limit=None, file=None):
    """Prints the stack from frame f (the caller by default) down to it."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the current stack (or from frame f), outermost first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


class FrameSummary:
    """One entry of a stack: filename, lineno, name and the source line (loaded lazily)."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno", "name", "_line",
                 "locals")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The line as linecache returns it: indentation, trailing blanks and newline kept.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def walk_stack(f):
    """Yields (frame, lineno) from frame f outwards (the caller of this by default)."""
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yields (frame, lineno) for each entry of a traceback, oldest first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    """Yields (frame, (lineno, end_lineno, colno, end_colno)) for each entry of a traceback:
    the source range of the instruction each frame stopped at."""
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            positions = (tb.tb_lineno,) + positions[1:]
        yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_offset):
    if instruction_offset < 0:
        return (None, None, None, None)
    # co_positions() has one entry per code unit; tb_lasti counts bytes.
    index = instruction_offset // _opcode.CODE_UNIT_SIZE
    for i, position in enumerate(code.co_positions()):
        if i == index:
            return position
    return (None, None, None, None)


_RECURSIVE_CUTOFF = 3


class StackSummary(list):
    """A list of FrameSummary objects that formats itself like a printed traceback."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """Builds a StackSummary from (frame, lineno) pairs; limit keeps the first entries
        (negative: the last ones), defaulting to sys.tracebacklimit."""
        extended = ((f, (lineno, None, None, None)) for f, lineno in frame_gen)
        return klass._extract_from_extended_frame_gen(extended, limit=limit,
                                                      lookup_lines=lookup_lines,
                                                      capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None, lookup_lines=True,
                                         capture_locals=False):
        # extract() for (frame, (lineno, end_lineno, colno, end_colno)) pairs.
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            if limit >= 0:
                frames = frames[:limit]
            else:
                frames = frames[limit:]
        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frames:
            co = f.f_code
            filename = co.co_filename
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(filename, lineno, co.co_name, lookup_line=False,
                                       locals=f_locals, end_lineno=end_lineno, colno=colno,
                                       end_colno=end_colno))
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or (filename, lineno, name, line)
        tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The text for one entry: the File line, the stripped source line and the markers
        under the failing part of it."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line))
            row.append(_caret_line(frame_summary))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        """One string per entry; runs of more than three identical entries (deep recursion)
        end with '[Previous line repeated N more times]'."""
        result = []
        last_file = None
        last_line = None
        last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(
                        f"  [Previous line repeated {count} more "
                        f'time{"s" if count > 1 else ""}]\n'
                    )
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted_frame)
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f"  [Previous line repeated {count} more "
                f'time{"s" if count > 1 else ""}]\n'
            )
        return result


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


class TracebackException:
    """An exception captured for later formatting: its type, text, stack, and the chained
    __cause__/__context__ exceptions."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, "exception")
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        self.__cause__ = None
        self.__context__ = None
        # Chains are followed iteratively so a long chain cannot exhaust the stack.
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if (e and e.__cause__ is not None and id(e.__cause__) not in _seen):
                cause = TracebackException(type(e.__cause__), e.__cause__,
                                           e.__cause__.__traceback__, limit=limit,
                                           lookup_lines=lookup_lines,
                                           capture_locals=capture_locals, _seen=_seen)
            else:
                cause = None
            if compact:
                need_context = (cause is None and e is not None and not e.__suppress_context__)
            else:
                need_context = True
            if (e and e.__context__ is not None and need_context and
                    id(e.__context__) not in _seen):
                context = TracebackException(type(e.__context__), e.__context__,
                                             e.__context__.__traceback__, limit=limit,
                                             lookup_lines=lookup_lines,
                                             capture_locals=capture_locals, _seen=_seen)
            else:
                context = None
            te.__cause__ = cause
            te.__context__ = context
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """The final lines: 'Type: message', the SyntaxError block, then notes."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + "." + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, (list, tuple)):
            for note in self.__notes__:
                note = _safe_string(note, "note")
                yield "{}\n".format(note)
        elif self.__notes__ is not None:
            yield "{}\n".format(_safe_string(self.__notes__, "__notes__", func=repr))

    def _format_syntax_error(self, stype):
        filename_suffix = ""
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = " ({})".format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            yield "    {}\n".format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    caretspace = ((c if c.isspace() else " ") for c in ltext[:colno])
                    yield "    {}{}\n".format("".join(caretspace), "^" * (end_colno - colno))
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True):
        """The lines of the full report: chained exceptions first, each with its
        'Traceback (most recent call last):' block, then this one."""
        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg = _cause_message
                    chained_exc = exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg = _context_message
                    chained_exc = exc.__context__
                else:
                    chained_msg = None
                    chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))
        for msg, exc in reversed(output):
            if msg is not None:
                yield msg
            if exc.stack:
                yield "Traceback (most recent call last):\n"
                yield from exc.stack.format()
            yield from exc.format_exception_only()
