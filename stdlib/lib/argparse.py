"""Command-line option and argument parsing.

ArgumentParser turns a list of strings into a Namespace, following the
actions declared with add_argument(); it also writes usage, help and error
messages.  The help layout, the usage wrapping and the messages are those of
CPython's argparse, so scripts print the same text under both.

The parser sorts the command line into a string of letters, one per word:
'O' for an option, 'A' for an argument and '-' for the '--' separator.
Each action's nargs says which runs of letters it may take (see
_match_lengths); options take the longest run they can, and the positionals
share out each stretch of arguments between two options, as many of them as
possible, earlier ones first.
"""

import os as _os
import sys as _sys

__all__ = ['ArgumentParser', 'ArgumentError', 'ArgumentTypeError',
           'BooleanOptionalAction', 'FileType', 'HelpFormatter',
           'ArgumentDefaultsHelpFormatter', 'RawDescriptionHelpFormatter',
           'RawTextHelpFormatter', 'MetavarTypeHelpFormatter', 'Namespace',
           'Action', 'ONE_OR_MORE', 'OPTIONAL', 'PARSER', 'REMAINDER',
           'SUPPRESS', 'ZERO_OR_MORE']

SUPPRESS = '==SUPPRESS=='

OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'

# A sub-parser leaves the strings it did not recognise in this namespace
# attribute; parse_known_args() moves them to its list of extras.
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'

# Help text is re-flowed on ASCII whitespace only (other spaces such as
# U+00A0 stay inside words).
_ASCII_SPACES = ' \t\n\r\x0b\x0c'


def _squeeze_spaces(text):
    """Turn every run of ASCII whitespace into one space."""
    pieces = []
    in_space = False
    for ch in text:
        if ch in _ASCII_SPACES:
            if not in_space:
                pieces.append(' ')
            in_space = True
        else:
            pieces.append(ch)
            in_space = False
    return ''.join(pieces)


def _is_negative_number(text):
    """'-5', '-0.5' and '-.5' count as numbers, '-1e3' and '-inf' do not."""
    if len(text) < 2 or text[0] != '-':
        return False
    body = text[1:]
    if body.isdecimal():
        return True
    whole, _, fraction = body.partition('.')
    return (body.count('.') == 1 and fraction.isdecimal()
            and (whole == '' or whole.isdecimal()))


def _closing_end(text, start, closer):
    """For a usage chunk opening at text[start], the index just past the
    first run of `closer` characters that is followed by whitespace or the
    end of the text, without crossing a newline; None if there is none."""
    i = start + 1
    while i < len(text) and text[i] != '\n':
        if text[i] == closer:
            j = i
            while j < len(text) and text[j] == closer:
                j += 1
            if j == len(text) or text[j].isspace():
                return j
            i = j
        else:
            i += 1
    return None


def _usage_chunks(text):
    """Split a usage string into the pieces that line wrapping keeps whole:
    bracketed or parenthesised groups ending before a space, and words."""
    chunks = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        end = None
        if text[i] == '(':
            end = _closing_end(text, i, ')')
        elif text[i] == '[':
            end = _closing_end(text, i, ']')
        if end is None:
            end = i
            while end < len(text) and not text[end].isspace():
                end += 1
        chunks.append(text[i:end])
        i = end
    return chunks


def _tidy_brackets(text):
    """Drop the spaces just inside brackets and parentheses, then any
    bracket pair left with only spaces inside."""
    kept = [ch for i, ch in enumerate(text)
            if not (ch == ' ' and i > 0 and text[i - 1] in '[(')]
    text = ''.join(kept)
    kept = [ch for i, ch in enumerate(text)
            if not (ch == ' ' and i + 1 < len(text) and text[i + 1] in '])')]
    text = ''.join(kept)
    out = []
    i = 0
    while i < len(text):
        if text[i] in '[(':
            j = i + 1
            while j < len(text) and text[j] == ' ':
                j += 1
            if j < len(text) and text[j] in '])':
                i = j + 1
                continue
        out.append(text[i])
        i += 1
    return ''.join(out).strip()


# ----------------------------------------------------------------------
# Help formatting
# ----------------------------------------------------------------------

class HelpFormatter(object):
    """Lays out usage and help text.

    Only the name of this class is public; subclasses customise the output
    by overriding _fill_text, _split_lines, _get_help_string,
    _format_action_invocation and the _get_default_metavar_for_* methods.
    """

    class _Section(object):
        """A titled block of help.  Its items are rendered only when the
        whole help is, because the column of the argument help depends on
        every argument added."""

        def __init__(self, heading=None):
            self.heading = heading
            self.items = []

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            import shutil
            width = shutil.get_terminal_size().columns - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        # The sections being filled: the whole help, then nested ones.
        self._open_sections = [self._Section()]

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, 'Indent decreased below 0.'

    def _queue(self, render, *args):
        self._open_sections[-1].items.append(lambda: render(*args))

    def _render_section(self, section, nested=True):
        if nested:
            self._indent()
        body = self._join_parts([render() for render in section.items])
        if nested:
            self._dedent()
        if not body:
            return ''
        title = ''
        if section.heading is not None and section.heading is not SUPPRESS:
            title = ' ' * self._current_indent + '%s:\n' % (section.heading,)
        return self._join_parts(['\n', title, body, '\n'])

    # -- building the help: the order of calls is the order of the output

    def start_section(self, heading):
        self._indent()
        section = self._Section(heading)
        self._queue(self._render_section, section)
        self._open_sections.append(section)

    def end_section(self):
        self._open_sections.pop()
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._queue(self._format_text, text)

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._queue(self._format_usage, usage, actions, groups, prefix)

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # The help column is placed after the widest invocation, so measure
        # every invocation (sub-actions included) now.
        widest = len(self._format_action_invocation(action))
        for sub in self._iter_indented_subactions(action):
            widest = max(widest, len(self._format_action_invocation(sub)))
        self._action_max_length = max(self._action_max_length,
                                      widest + self._current_indent)
        self._queue(self._format_action, action)

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._render_section(self._open_sections[0], nested=False)
        if not text:
            return text
        while '\n\n\n' in text:
            text = text.replace('\n\n\n', '\n\n')
        return text.strip('\n') + '\n'

    def _join_parts(self, part_strings):
        return ''.join(part for part in part_strings
                       if part and part is not SUPPRESS)

    # -- usage

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = '%(prog)s' % dict(prog=self._prog)
        else:
            usage = self._generated_usage(actions, groups, prefix)
        return '%s%s\n\n' % (prefix, usage)

    def _generated_usage(self, actions, groups, prefix):
        prog = '%(prog)s' % dict(prog=self._prog)
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        whole = self._format_actions_usage(optionals + positionals, groups)
        one_line = ' '.join(s for s in (prog, whole) if s)
        room = self._width - self._current_indent
        if len(prefix) + len(one_line) <= room:
            return one_line

        opt_chunks = _usage_chunks(self._format_actions_usage(optionals, groups))
        pos_chunks = _usage_chunks(self._format_actions_usage(positionals, groups))

        if len(prefix) + len(prog) <= 0.75 * room:
            # Continuation lines line up with the first word after prog.
            margin = ' ' * (len(prefix) + len(prog) + 1)
            if opt_chunks:
                lines = self._wrap_chunks([prog] + opt_chunks, margin, room,
                                          len(prefix))
                lines += self._wrap_chunks(pos_chunks, margin, room)
            elif pos_chunks:
                lines = self._wrap_chunks([prog] + pos_chunks, margin, room,
                                          len(prefix))
            else:
                lines = [prog]
        else:
            # prog is too long to share its line: everything goes below it.
            margin = ' ' * len(prefix)
            lines = self._wrap_chunks(opt_chunks + pos_chunks, margin, room)
            if len(lines) > 1:
                lines = (self._wrap_chunks(opt_chunks, margin, room)
                         + self._wrap_chunks(pos_chunks, margin, room))
            lines = [prog] + lines
        return '\n'.join(lines)

    @staticmethod
    def _wrap_chunks(chunks, margin, room, first_offset=None):
        """Greedy-fill chunks into lines of at most `room` columns, each
        line starting with `margin`.  With first_offset, the first line
        instead starts after a prefix of that many columns (and carries no
        margin of its own)."""
        lines = []
        current = []
        used = (len(margin) if first_offset is None else first_offset) - 1
        for chunk in chunks:
            if current and used + 1 + len(chunk) > room:
                lines.append(margin + ' '.join(current))
                current = []
                used = len(margin) - 1
            current.append(chunk)
            used += len(chunk) + 1
        if current:
            lines.append(margin + ' '.join(current))
        if first_offset is not None:
            lines[0] = lines[0][len(margin):]
        return lines

    def _format_actions_usage(self, actions, groups):
        # Where a mutually exclusive group's actions sit together in
        # `actions`, mark its ends with brackets and its joints with '|'.
        in_group = set()
        marks = {}

        def mark(index, text):
            marks[index] = marks[index] + ' ' + text if index in marks else text

        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError(f'empty group {group}')
            if members[0] not in actions:
                continue
            first = actions.index(members[0])
            last = first + len(members)
            if actions[first:last] != members:
                continue
            in_group.update(members)
            shown = sum(1 for a in members if a.help is not SUPPRESS)
            if not group.required:
                mark(first, '[')
                mark(last, ']')
            elif shown > 1:
                mark(first, '(')
                mark(last, ')')
            for i in range(first + 1, last):
                marks[i] = '|'

        pieces = []
        for i, action in enumerate(actions):
            if action.help is SUPPRESS:
                pieces.append(None)
                # a hidden member takes one neighbouring '|' with it
                if marks.get(i) == '|':
                    del marks[i]
                elif marks.get(i + 1) == '|':
                    del marks[i + 1]
            elif action.option_strings:
                pieces.append(self._optional_usage(action, action in in_group))
            else:
                text = self._format_args(
                    action, self._get_default_metavar_for_positional(action))
                if action in in_group and text[:1] == '[' and text[-1:] == ']':
                    text = text[1:-1]
                pieces.append(text)

        for index in sorted(marks, reverse=True):
            pieces.insert(index, marks[index])
        return _tidy_brackets(' '.join(p for p in pieces if p is not None))

    def _optional_usage(self, action, grouped):
        if action.nargs == 0:
            text = action.format_usage()
        else:
            metavar = self._get_default_metavar_for_optional(action)
            text = '%s %s' % (action.option_strings[0],
                              self._format_args(action, metavar))
        if action.required or grouped:
            return text
        return '[%s]' % text

    # -- text and arguments

    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        width = max(self._width - self._current_indent, 11)
        return self._fill_text(text, width, ' ' * self._current_indent) + '\n\n'

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2,
                            self._max_help_position)
        help_width = max(self._width - help_position, 11)
        name_width = help_position - self._current_indent - 2
        name = self._format_action_invocation(action)
        pad = ' ' * self._current_indent

        # The help starts beside the name when the name fits in its
        # column, else on the next line.
        if not action.help:
            parts = [pad + name + '\n']
            first_indent = 0
        elif len(name) <= name_width:
            parts = [pad + name.ljust(name_width) + '  ']
            first_indent = 0
        else:
            parts = [pad + name + '\n']
            first_indent = help_position

        if action.help and action.help.strip():
            text = self._expand_help(action)
            if text:
                lines = self._split_lines(text, help_width)
                parts.append(' ' * first_indent + lines[0] + '\n')
                parts.extend(' ' * help_position + line + '\n'
                             for line in lines[1:])
        elif not parts[0].endswith('\n'):
            parts.append('\n')

        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args = self._format_args(action, default)
        return ', '.join('%s %s' % (option, args)
                         for option in action.option_strings)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            name = action.metavar
        elif action.choices is not None:
            name = '{%s}' % ','.join(str(choice) for choice in action.choices)
        else:
            name = default_metavar

        def format(tuple_size):
            return name if isinstance(name, tuple) else (name,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        metavars = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % metavars(1)
        if nargs == OPTIONAL:
            return '[%s]' % metavars(1)
        if nargs == ZERO_OR_MORE:
            names = metavars(1)
            if len(names) == 2:
                return '[%s [%s ...]]' % names
            return '[%s ...]' % names
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % metavars(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % metavars(1)
        if nargs == SUPPRESS:
            return ''
        try:
            template = ' '.join(['%s'] * nargs)
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return template % metavars(nargs)

    def _expand_help(self, action):
        params = {}
        for key, value in dict(vars(action), prog=self._prog).items():
            if value is SUPPRESS:
                continue
            params[key] = getattr(value, '__name__', value)
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        subactions = getattr(action, '_get_subactions', None)
        if subactions is None:
            return
        self._indent()
        yield from subactions()
        self._dedent()

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_squeeze_spaces(text).strip(), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_squeeze_spaces(text).strip(), width,
                             initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog exactly as written."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps all help text, argument help included, as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Appends ' (default: ...)' to the help of arguments that have one."""

    def _get_help_string(self, action):
        text = action.help or ''
        if '%(default)' in text or action.default is SUPPRESS:
            return text
        if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
            text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names each argument's value after its type (int, str, ...)."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ----------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------

def _get_action_name(argument):
    """How error messages name an argument: its option strings, metavar,
    dest or choices, whichever comes first."""
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    for name in (argument.metavar, argument.dest):
        if name is not None and name is not SUPPRESS:
            return name
    if argument.choices:
        return '{%s}' % ','.join(argument.choices)
    return None


class ArgumentError(Exception):
    """A problem with one argument: bad value, missing value, conflict."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by type= converters; its text becomes the error message."""


# ----------------------------------------------------------------------
# Actions
# ----------------------------------------------------------------------

class _AttributeHolder(object):
    """repr() as Name(positional, key=value, **{'odd key': value})."""

    def __repr__(self):
        shown = [repr(arg) for arg in self._get_args()]
        odd = {}
        for key, value in self._get_kwargs():
            if key.isidentifier():
                shown.append('%s=%r' % (key, value))
            else:
                odd[key] = value
        if odd:
            shown.append('**%r' % (odd,))
        return '%s(%s)' % (type(self).__name__, ', '.join(shown))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Action(_AttributeHolder):
    """What one argument does when it is met on the command line.

    Subclasses implement __call__(parser, namespace, values,
    option_string=None), which usually stores `values` on the namespace.
    """

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        names = ('option_strings', 'dest', 'nargs', 'const', 'default',
                 'type', 'choices', 'required', 'help', 'metavar')
        return [(name, getattr(self, name)) for name in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class BooleanOptionalAction(Action):
    """--flag sets True and the added --no-flag sets False."""

    def __init__(self, option_strings, dest, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        spellings = []
        for option in option_strings:
            spellings.append(option)
            if option.startswith('--'):
                spellings.append('--no-' + option[2:])
        super().__init__(option_strings=spellings, dest=dest, nargs=0,
                         default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


def _check_store_nargs(nargs, const, verb, hint):
    if nargs == 0:
        raise ValueError('nargs for %s actions must be != 0; if %s' % (verb, hint))
    if const is not None and nargs != OPTIONAL:
        raise ValueError('nargs must be %r to supply const' % OPTIONAL)


def _list_copy(value):
    """A fresh list holding the items of an append/extend destination, so
    the default list is never modified in place."""
    if value is None:
        return []
    if type(value) is list:
        return value[:]
    import copy
    return copy.copy(value)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        _check_store_nargs(nargs, const, 'store',
                           'you have nothing to store, actions such as store '
                           'true or store const may be more appropriate')
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         const=const, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=False, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, const=True,
                         default=default, required=required, help=help)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, const=False,
                         default=default, required=required, help=help)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        _check_store_nargs(nargs, const, 'append',
                           'arg strings are not supplying the value to append, '
                           'the append const action may be more appropriate')
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _list_copy(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         const=const, default=default, required=required,
                         help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _list_copy(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, (count or 0) + 1)


class _HelpAction(Action):

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest,
                         default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):

    def __init__(self, option_strings, version=None, dest=SUPPRESS,
                 default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings=option_strings, dest=dest,
                         default=default, nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        text = self.version if self.version is not None else parser.version
        formatter = parser._get_formatter()
        formatter.add_text(text)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _ExtendAction(_AppendAction):

    def __call__(self, parser, namespace, values, option_string=None):
        items = _list_copy(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _SubParsersAction(Action):
    """The positional that picks a sub-command and hands the rest of the
    command line to that command's parser."""

    class _ChoicesPseudoAction(Action):
        """One line of the sub-command list in the help."""

        def __init__(self, name, aliases, help):
            label = name
            if aliases:
                label += ' (%s)' % ', '.join(aliases)
            super().__init__(option_strings=[], dest=name, help=help,
                             metavar=label)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=PARSER, choices=self._name_parser_map,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        """Create, register and return the parser of sub-command `name`."""
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ArgumentError(self, 'conflicting subparser: %s' % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, 'conflicting subparser alias: %s' % alias)
        if 'help' in kwargs:
            self._choices_actions.append(
                self._ChoicesPseudoAction(name, aliases, kwargs.pop('help')))
        parser = self._parser_class(**kwargs)
        for key in (name, *aliases):
            self._name_parser_map[key] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        command, rest = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, command)
        try:
            subparser = self._name_parser_map[command]
        except KeyError:
            choices = ', '.join(self._name_parser_map)
            raise ArgumentError(self, 'unknown parser %r (choices: %s)'
                                % (command, choices)) from None
        # The command's own defaults win over the parent's values.
        sub_namespace, leftover = subparser.parse_known_args(rest, None)
        for key, value in vars(sub_namespace).items():
            setattr(namespace, key, value)
        if leftover:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(leftover)


class FileType(object):
    """A type= factory that opens the named file ('-' is stdin/stdout)."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                stream = _sys.stdin
            elif any(c in self._mode for c in 'wax'):
                stream = _sys.stdout
            else:
                raise ValueError('argument "-" with mode %r' % self._mode)
            return stream.buffer if 'b' in self._mode else stream
        try:
            return open(string, self._mode, self._bufsize, self._encoding,
                        self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        shown = [repr(value) for value in (self._mode, self._bufsize)
                 if value != -1]
        shown += ['%s=%r' % (key, value)
                  for key, value in (('encoding', self._encoding),
                                     ('errors', self._errors))
                  if value is not None]
        return '%s(%s)' % (type(self).__name__, ', '.join(shown))


class Namespace(_AttributeHolder):
    """A plain object holding the parsed values as attributes."""

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ----------------------------------------------------------------------
# Matching nargs against the command-line pattern
# ----------------------------------------------------------------------

def _run_length(pattern, start, letters):
    end = start
    while end < len(pattern) and pattern[end] in letters:
        end += 1
    return end - start


def _match_lengths(nargs, positional, pattern, start):
    """The numbers of strings, longest first, that an argument with this
    nargs can take from pattern[start:].  Only positionals may swallow
    '--' separators ('-') around their values."""
    if not positional:
        args = _run_length(pattern, start, 'A')
        if nargs is None:
            return [1] if args else []
        if nargs == OPTIONAL:
            return [1, 0] if args else [0]
        if nargs == ZERO_OR_MORE:
            return range(args, -1, -1)
        if nargs == ONE_OR_MORE:
            return range(args, 0, -1)
        if nargs == REMAINDER:
            return range(_run_length(pattern, start, 'AO'), -1, -1)
        if nargs == PARSER:
            if not args:
                return []
            return range(_run_length(pattern, start, 'AO'), 0, -1)
        if nargs == SUPPRESS:
            return [0]
        return [nargs] if args >= nargs else ([0] if nargs <= 0 else [])

    dashes = _run_length(pattern, start, '-')
    value_at = start + dashes
    has_value = value_at < len(pattern) and pattern[value_at] == 'A'
    rest = len(pattern) - start
    if nargs is None:
        if not has_value:
            return []
        tail = _run_length(pattern, value_at + 1, '-')
        return range(dashes + 1 + tail, dashes, -1)
    if nargs == OPTIONAL:
        lengths = list(range(dashes, -1, -1))
        if has_value:
            tail = _run_length(pattern, value_at + 1, '-')
            lengths[:0] = range(dashes + 1 + tail, dashes, -1)
        return lengths
    if nargs == ZERO_OR_MORE:
        return range(_run_length(pattern, start, 'A-'), -1, -1)
    if nargs == ONE_OR_MORE:
        if not has_value:
            return []
        return range(_run_length(pattern, start, 'A-'), dashes, -1)
    if nargs == REMAINDER:
        return range(rest, -1, -1)
    if nargs == PARSER:
        return range(rest, dashes, -1) if has_value else []
    if nargs == SUPPRESS or nargs <= 0:
        return range(dashes, -1, -1)
    # N values, with any separators between them and after them.
    end = start
    for _ in range(nargs):
        end += _run_length(pattern, end, '-')
        if end >= len(pattern) or pattern[end] != 'A':
            return []
        end += 1
    tail = _run_length(pattern, end, '-')
    return range(end - start + tail, end - start - 1, -1)


def _share_out(actions, pattern):
    """Counts of strings for as many of `actions` (from the first) as can
    match a prefix of pattern together, each taking as much as it can
    while leaving enough for the ones after it; [] if not even one can."""
    for count in range(len(actions), 0, -1):
        kinds = [(a.nargs, not a.option_strings) for a in actions[:count]]
        dead_ends = set()

        def fit(i, pos):
            if i == len(kinds):
                return []
            if (i, pos) in dead_ends:
                return None
            nargs, positional = kinds[i]
            for n in _match_lengths(nargs, positional, pattern, pos):
                tail = fit(i + 1, pos + n)
                if tail is not None:
                    return [n] + tail
            dead_ends.add((i, pos))
            return None

        counts = fit(0, 0)
        if counts is not None:
            return counts
    return []


# ----------------------------------------------------------------------
# Containers of actions: parsers and groups
# ----------------------------------------------------------------------

class _ActionsContainer(object):

    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        super().__init__()
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._get_handler()

        self._registries = {}
        for name, cls in ((None, _StoreAction), ('store', _StoreAction),
                          ('store_const', _StoreConstAction),
                          ('store_true', _StoreTrueAction),
                          ('store_false', _StoreFalseAction),
                          ('append', _AppendAction),
                          ('append_const', _AppendConstAction),
                          ('count', _CountAction), ('help', _HelpAction),
                          ('version', _VersionAction),
                          ('parsers', _SubParsersAction),
                          ('extend', _ExtendAction)):
            self.register('action', name, cls)

        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        # Holds an entry once an option looks like a negative number; then
        # '-5' on the command line is taken for an option, not a value.
        self._has_negative_number_optionals = []

    # -- registries map names used in add_argument() to classes/functions

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries.get(registry_name, {}).get(value, default)

    # -- defaults

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # -- adding arguments

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)
        """
        if not args or (len(args) == 1 and args[0][0] not in self.prefix_chars):
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)

        if 'default' not in kwargs:
            if kwargs['dest'] in self._defaults:
                kwargs['default'] = self._defaults[kwargs['dest']]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default

        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)

        converter = self._registry_get('type', action.type, action.type)
        if not callable(converter):
            raise ValueError('%r is not callable' % (converter,))
        if converter is FileType:
            raise ValueError('%r is a FileType class object, instance of it'
                             ' must be passed' % (converter,))
        if isinstance(self, ArgumentParser):
            # Formatting the arguments now catches a metavar tuple of the
            # wrong size before it breaks the help.
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError('length of metavar tuple does not match nargs')
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option in action.option_strings:
            self._option_string_actions[option] = action
            if _is_negative_number(option) and not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        """Copy the arguments, groups and mutually exclusive groups of a
        parent parser into this one."""
        by_title = {}
        for group in self._action_groups:
            if group.title in by_title:
                raise ValueError('cannot merge actions - two groups are named %r'
                                 % (group.title,))
            by_title[group.title] = group

        # Each parent argument goes to the group of the same title (made
        # when missing), or to a copy of its mutually exclusive group.
        home = {}
        for theirs in container._action_groups:
            ours = by_title.get(theirs.title)
            if ours is None:
                ours = by_title[theirs.title] = self.add_argument_group(
                    title=theirs.title, description=theirs.description,
                    conflict_handler=theirs.conflict_handler)
            home.update(dict.fromkeys(theirs._group_actions, ours))
        for theirs in container._mutually_exclusive_groups:
            ours = self.add_mutually_exclusive_group(required=theirs.required)
            home.update(dict.fromkeys(theirs._group_actions, ours))
        for action in container._actions:
            home.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get('nargs')
        # '?' and '*' positionals may be left out (a '*' one only when it
        # has a default).
        if nargs not in (OPTIONAL, ZERO_OR_MORE) or (
                nargs == ZERO_OR_MORE and 'default' not in kwargs):
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        long_options = []
        for option in args:
            if option[0] not in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with a '
                                 'character %r' % (option, self.prefix_chars))
            if len(option) > 1 and option[1] in self.prefix_chars:
                long_options.append(option)
        dest = kwargs.pop('dest', None)
        if dest is None:
            source = long_options[0] if long_options else args[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r'
                                 % (args[-1],))
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=list(args))

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop('action', default)
        return self._registry_get('action', action, action)

    # -- option string conflicts

    def _get_handler(self):
        handler = getattr(self, '_handle_conflict_%s' % self.conflict_handler,
                          None)
        if handler is None:
            raise ValueError('invalid conflict_resolution value: %r'
                             % self.conflict_handler)
        return handler

    def _check_conflict(self, action):
        clashes = [(option, self._option_string_actions[option])
                   for option in action.option_strings
                   if option in self._option_string_actions]
        if clashes:
            self._get_handler()(action, clashes)

    def _handle_conflict_error(self, action, conflicting_actions):
        options = ', '.join(option for option, _ in conflicting_actions)
        noun = 'string' if len(conflicting_actions) == 1 else 'strings'
        raise ArgumentError(action, 'conflicting option %s: %s' % (noun, options))

    def _handle_conflict_resolve(self, action, conflicting_actions):
        # The newer argument takes the option strings; an older one left
        # with none disappears.
        for option, older in conflicting_actions:
            older.option_strings.remove(option)
            self._option_string_actions.pop(option, None)
            if not older.option_strings:
                older.container._remove_action(older)


# What an argument group shares with the parser (or group) it belongs to.
_SHARED_WITH_GROUPS = ('_registries', '_actions', '_option_string_actions',
                       '_defaults', '_has_negative_number_optionals',
                       '_mutually_exclusive_groups')


class _ArgumentGroup(_ActionsContainer):
    """A titled section of the help; its arguments belong to the parser."""

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # Arguments added through the group are the container's arguments.
        for name in _SHARED_WITH_GROUPS:
            setattr(self, name, getattr(container, name))

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """Arguments of which at most one (exactly one if required) is given."""

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


# ----------------------------------------------------------------------
# One run of the parser over a command line
# ----------------------------------------------------------------------

class _Parse(object):
    """The state of one parse: the strings, their O/A/- pattern, what
    has been seen so far and what is left over."""

    def __init__(self, parser, strings, namespace):
        self.parser = parser
        self.strings = strings
        self.namespace = namespace
        self.extras = []
        self.seen = set()
        self.seen_non_default = set()
        self.waiting = [a for a in parser._actions if not a.option_strings]

        # Every member of a mutually exclusive group excludes the others.
        self.excludes = {}
        for group in parser._mutually_exclusive_groups:
            for member in group._group_actions:
                self.excludes.setdefault(member, []).extend(
                    other for other in group._group_actions if other is not member)

        # 'O' option, 'A' argument, '-' the first '--' (after which every
        # string is an argument).
        self.options = {}
        letters = []
        for i, text in enumerate(strings):
            if '-' in letters:
                letters.append('A')
            elif text == '--':
                letters.append('-')
            else:
                found = parser._parse_optional(text)
                if found is not None:
                    self.options[i] = found
                letters.append('A' if found is None else 'O')
        self.pattern = ''.join(letters)

    def run(self):
        positions = sorted(self.options)
        upcoming = 0
        index = 0
        while True:
            while upcoming < len(positions) and positions[upcoming] < index:
                upcoming += 1
            if upcoming == len(positions):
                break
            option_at = positions[upcoming]
            if index != option_at:
                end = self.consume_positionals(index)
                if end > index:
                    index = end
                    continue
                # no positional wants these strings
                self.extras.extend(self.strings[index:option_at])
                index = option_at
            index = self.consume_option(index)
        end = self.consume_positionals(index)
        self.extras.extend(self.strings[end:])
        self.finish()
        return self.namespace, self.extras

    def apply(self, action, strings, option_string=None):
        parser = self.parser
        self.seen.add(action)
        values = parser._get_values(action, strings)
        # Only a value other than the default itself counts against the
        # other members of a mutually exclusive group.
        if values is not action.default:
            self.seen_non_default.add(action)
            for other in self.excludes.get(action, ()):
                if other in self.seen_non_default:
                    raise ArgumentError(action, 'not allowed with argument %s'
                                        % _get_action_name(other))
        if values is not SUPPRESS:
            action(parser, self.namespace, values, option_string)

    def consume_positionals(self, index):
        counts = _share_out(self.waiting, self.pattern[index:])
        for action, count in zip(self.waiting[:], counts):
            strings = self.strings[index:index + count]
            index += count
            self.apply(action, strings)
        del self.waiting[:len(counts)]
        return index

    def consume_option(self, index):
        parser = self.parser
        action, option_string, explicit = self.options[index]
        calls = []
        while True:
            if action is None:
                self.extras.append(self.strings[index])
                return index + 1
            if explicit is None:
                count = parser._match_argument(action, self.pattern[index + 1:])
                calls.append((action, self.strings[index + 1:index + 1 + count],
                              option_string))
                end = index + 1 + count
                break
            count = parser._match_argument(action, 'A')
            if count == 1:
                calls.append((action, [explicit], option_string))
                end = index + 1
                break
            # '-xyz' where -x takes no value: go on with -y, then -z.
            if (count == 0 and option_string[1] not in parser.prefix_chars
                    and explicit != ''):
                calls.append((action, [], option_string))
                option_string = option_string[0] + explicit[0]
                follower = parser._option_string_actions.get(option_string)
                if follower is not None:
                    action, explicit = follower, explicit[1:] or None
                    continue
            raise ArgumentError(action, 'ignored explicit argument %r' % explicit)
        for act, strings, used in calls:
            self.apply(act, strings, used)
        return end

    def finish(self):
        parser = self.parser
        missing = []
        for action in parser._actions:
            if action in self.seen:
                continue
            if action.required:
                missing.append(_get_action_name(action))
            elif (isinstance(action.default, str)
                  and hasattr(self.namespace, action.dest)
                  and getattr(self.namespace, action.dest) is action.default):
                # string defaults go through type= like command-line values
                setattr(self.namespace, action.dest,
                        parser._get_value(action, action.default))
        if missing:
            parser.error('the following arguments are required: %s'
                         % ', '.join(missing))
        for group in parser._mutually_exclusive_groups:
            if group.required and not any(a in self.seen_non_default
                                          for a in group._group_actions):
                names = [_get_action_name(a) for a in group._group_actions
                         if a.help is not SUPPRESS]
                parser.error('one of the arguments %s is required'
                             % ' '.join(names))


class _Swapped(object):
    """Temporarily sets attributes on objects; restores them on exit."""

    def __init__(self, changes):
        self.changes = changes
        self.saved = []

    def __enter__(self):
        for obj, name, value in self.changes:
            self.saved.append((obj, name, getattr(obj, name)))
            setattr(obj, name, value)
        return self

    def __exit__(self, *exc):
        for obj, name, value in reversed(self.saved):
            setattr(obj, name, value)
        return False


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line strings into a Namespace of values.

    Keyword arguments: prog, usage, description, epilog, parents,
    formatter_class, prefix_chars, fromfile_prefix_chars, argument_default,
    conflict_handler, add_help, allow_abbrev, exit_on_error.
    """

    def __init__(self,
                 prog=None,
                 usage=None,
                 description=None,
                 epilog=None,
                 parents=[],
                 formatter_class=HelpFormatter,
                 prefix_chars='-',
                 fromfile_prefix_chars=None,
                 argument_default=None,
                 conflict_handler='error',
                 add_help=True,
                 allow_abbrev=True,
                 exit_on_error=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default,
                         conflict_handler=conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0])
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error

        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None

        self.register('type', None, lambda string: string)

        if add_help:
            dash = '-' if '-' in prefix_chars else prefix_chars[0]
            self.add_argument(dash + 'h', dash * 2 + 'help', action='help',
                              default=SUPPRESS,
                              help='show this help message and exit')

        for parent in parents:
            self._add_container_actions(parent)
            defaults = getattr(parent, '_defaults', None)
            if defaults is not None:
                self._defaults.update(defaults)

    def _get_kwargs(self):
        names = ('prog', 'usage', 'description', 'formatter_class',
                 'conflict_handler', 'add_help')
        return [(name, getattr(self, name)) for name in names]

    # -- sub-commands

    def add_subparsers(self, **kwargs):
        """Add the sub-command positional; returns the action whose
        add_parser() creates each command's parser."""
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            # Sub-command usage starts with this parser's prog and the
            # positionals that come before the command.
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        action_class = self._pop_action_class(kwargs, 'parsers')
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        group = self._optionals if action.option_strings else self._positionals
        group._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # -- parsing

    def parse_args(self, args=None, namespace=None):
        return self._without_extras(*self.parse_known_args(args, namespace))

    def _without_extras(self, namespace, extras):
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()

        for action in self._actions:
            if (action.dest is not SUPPRESS and action.default is not SUPPRESS
                    and not hasattr(namespace, action.dest)):
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)

        try:
            namespace, extras = self._parse_known_args(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        # what sub-commands did not recognise comes after our own extras
        from_commands = getattr(namespace, _UNRECOGNIZED_ARGS_ATTR, None)
        if from_commands is not None:
            extras.extend(from_commands)
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, extras

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)
        return _Parse(self, arg_strings, namespace).run()

    def _read_args_from_files(self, arg_strings):
        expanded = []
        for text in arg_strings:
            if not text or text[0] not in self.fromfile_prefix_chars:
                expanded.append(text)
                continue
            try:
                with open(text[1:]) as args_file:
                    lines = args_file.read().splitlines()
            except OSError as err:
                self.error(str(err))
            from_file = []
            for line in lines:
                from_file.extend(self.convert_arg_line_to_args(line))
            expanded.extend(self._read_args_from_files(from_file))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        """The arguments one line of an @file holds: the whole line."""
        return [arg_line]

    def parse_intermixed_args(self, args=None, namespace=None):
        return self._without_extras(
            *self.parse_known_intermixed_args(args, namespace))

    def parse_known_intermixed_args(self, args=None, namespace=None):
        """Like parse_known_args(), but positionals may be interleaved
        with options: the options are parsed first, then the strings left
        over are given to the positionals."""
        positionals = self._get_positional_actions()
        for action in positionals:
            if action.nargs in (PARSER, REMAINDER):
                raise TypeError('parse_intermixed_args: positional arg with '
                                'nargs=%s' % action.nargs)
        for group in self._mutually_exclusive_groups:
            if any(a in positionals for a in group._group_actions):
                raise TypeError('parse_intermixed_args: positional in '
                                'mutuallyExclusiveGroup')

        # Error messages show the full usage in both passes.
        usage = self.usage
        if usage is None:
            usage = self.format_usage()[len('usage: '):]
        with _Swapped([(self, 'usage', usage)]):
            hide_positionals = [(a, name, SUPPRESS) for a in positionals
                                for name in ('nargs', 'default')]
            with _Swapped(hide_positionals):
                namespace, leftover = self.parse_known_args(args, namespace)
            nothing_required = (
                [(a, 'required', False) for a in self._get_optional_actions()]
                + [(g, 'required', False) for g in self._mutually_exclusive_groups])
            with _Swapped(nothing_required):
                return self.parse_known_args(leftover, namespace)

    def _parse_optional(self, arg_string):
        """(action, option string, explicit value) if arg_string reads as
        an option (action None for an unknown one), else None."""
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        known = self._option_string_actions
        if arg_string in known:
            return known[arg_string], arg_string, None
        if len(arg_string) == 1:
            return None
        if '=' in arg_string:
            option, value = arg_string.split('=', 1)
            if option in known:
                return known[option], option, value

        candidates = self._get_option_tuples(arg_string)
        if len(candidates) > 1:
            names = ', '.join(option for _, option, _ in candidates)
            self.error('ambiguous option: %s could match %s' % (arg_string, names))
        if candidates:
            return candidates[0]

        if _is_negative_number(arg_string) and not self._has_negative_number_optionals:
            return None
        if ' ' in arg_string:
            return None
        return None, arg_string, None

    def _get_option_tuples(self, option_string):
        """The registered options that option_string could abbreviate."""
        found = []
        known = self._option_string_actions
        if option_string[1] in self.prefix_chars:
            if not self.allow_abbrev:
                return found
            prefix, sep, value = option_string.partition('=')
            value = value if sep else None
            for option, action in known.items():
                if option.startswith(prefix):
                    found.append((action, option, value))
        else:
            # '-xVALUE' is -x with VALUE, or a prefix of a longer '-xyz'.
            short, attached = option_string[:2], option_string[2:]
            for option, action in known.items():
                if option == short:
                    found.append((action, option, attached))
                elif option.startswith(option_string):
                    found.append((action, option, None))
        return found

    def _match_argument(self, action, arg_strings_pattern):
        lengths = _match_lengths(action.nargs, not action.option_strings,
                                 arg_strings_pattern, 0)
        if lengths:
            return lengths[0]
        if action.nargs is None:
            message = 'expected one argument'
        elif action.nargs == OPTIONAL:
            message = 'expected at most one argument'
        elif action.nargs == ONE_OR_MORE:
            message = 'expected at least one argument'
        else:
            noun = 'argument' if action.nargs == 1 else 'arguments'
            message = 'expected %s %s' % (action.nargs, noun)
        raise ArgumentError(action, message)

    # -- turning strings into values

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER) and '--' in arg_strings:
            arg_strings = list(arg_strings)
            arg_strings.remove('--')
        nargs = action.nargs

        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            return self._checked_value(action, value) if isinstance(value, str) else value
        if not arg_strings and nargs == ZERO_OR_MORE and not action.option_strings:
            if action.default is None:
                return arg_strings
            self._check_value(action, action.default)
            return action.default
        if len(arg_strings) == 1 and nargs in (None, OPTIONAL):
            return self._checked_value(action, arg_strings[0])
        if nargs == SUPPRESS:
            return SUPPRESS
        values = [self._get_value(action, text) for text in arg_strings]
        if nargs == PARSER:
            self._check_value(action, values[0])
        elif nargs != REMAINDER:
            for value in values:
                self._check_value(action, value)
        return values

    def _checked_value(self, action, arg_string):
        value = self._get_value(action, arg_string)
        self._check_value(action, value)
        return value

    def _get_value(self, action, arg_string):
        converter = self._registry_get('type', action.type, action.type)
        if not callable(converter):
            raise ArgumentError(action, '%r is not callable' % (converter,))
        try:
            return converter(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r'
                                % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)'
                                % (value, choices))

    # -- help and messages

    def _formatter_with_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        return formatter

    def format_usage(self):
        return self._formatter_with_usage().format_help()

    def format_help(self):
        formatter = self._formatter_with_usage()
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        self._print_message(self.format_usage(),
                            _sys.stdout if file is None else file)

    def print_help(self, file=None):
        self._print_message(self.format_help(),
                            _sys.stdout if file is None else file)

    def _print_message(self, message, file=None):
        if not message:
            return
        try:
            (_sys.stderr if file is None else file).write(message)
        except (AttributeError, OSError):
            pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Print the usage and the message to stderr, then exit with
        status 2.  Overrides must not return normally."""
        self.print_usage(_sys.stderr)
        self.exit(2, '%(prog)s: error: %(message)s\n'
                  % {'prog': self.prog, 'message': message})
