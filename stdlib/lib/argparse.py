"""Command-line parsing library.

ArgumentParser with positional and optional arguments, the standard
actions (store, store_const, store_true/false, append, append_const,
count, extend, help, version, BooleanOptionalAction), nargs (N, ?, *, +,
REMAINDER), choices, type, required, dest, metavar, argument groups,
mutually exclusive groups, sub-commands, parents and fromfile_prefix_chars,
plus the help formatter classes.  Parsing decisions, help layout, usage
wrapping and error messages follow CPython's argparse so that output is
identical.  No regular expressions are used: the argument patterns and the
usage clean-ups are matched by small hand-written functions.

How parsing works: every command-line string is classified as an option
('O'), an argument ('A') or the '--' separator ('-'), giving a pattern
string such as 'OAAOA'.  Each action's nargs is a small pattern over
these letters (see _nargs_items); options take the longest run of
arguments their pattern allows, and the positionals share out the
arguments between options, as many positionals as possible at a time.
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

# Namespace attribute through which sub-parsers hand back the strings they
# did not recognise.
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'

_ASCII_WS = ' \t\n\r\x0b\x0c'


# ---------------------------------------------------------------------------
# Small text helpers

def _collapse_whitespace(text):
    """Replace each run of ASCII whitespace by one space."""
    out = []
    previous_ws = False
    for c in text:
        is_ws = c in _ASCII_WS
        if not (is_ws and previous_ws):
            out.append(' ' if is_ws else c)
        previous_ws = is_ws
    return ''.join(out)


def _terminal_width():
    """Columns of the terminal, as shutil.get_terminal_size() finds them:
    $COLUMNS, else the size of stdout's terminal, else 80."""
    try:
        columns = int(_os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = _os.get_terminal_size(_sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns


def _is_negative_number(s):
    """Whether s looks like '-12' or '-1.5' / '-.5'."""
    if not s.startswith('-'):
        return False
    whole, dot, frac = s[1:].partition('.')
    if not dot:
        return whole.isdecimal()
    return (whole == '' or whole.isdecimal()) and frac.isdecimal()


def _split_usage_parts(text):
    """Split usage text into the pieces that line wrapping keeps whole: a
    bracketed or parenthesised group (up to a run of closing brackets that
    is followed by a space or the end), or else a run of non-spaces."""
    parts = []
    n = len(text)
    i = 0
    while i < n:
        if text[i] in _ASCII_WS:
            i += 1
            continue
        end = None
        if text[i] in '[(':
            close = ']' if text[i] == '[' else ')'
            k = text.find(close, i + 1)
            while k >= 0:
                m = k
                while m < n and text[m] == close:
                    m += 1
                if m == n or text[m] in _ASCII_WS:
                    end = m
                    break
                k = text.find(close, m)
        if end is None:
            end = i
            while end < n and text[end] not in _ASCII_WS:
                end += 1
        parts.append(text[i:end])
        i = end
    return parts


def _tidy_brackets(text):
    """Remove a space just after an opening or before a closing bracket or
    parenthesis, then any bracket pairs left empty (they come from groups
    whose options are all suppressed)."""
    text = ''.join(c for i, c in enumerate(text)
                   if not (c == ' ' and i and text[i - 1] in '[('))
    text = ''.join(c for i, c in enumerate(text)
                   if not (c == ' ' and text[i + 1:i + 2] in (']', ')')))
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
    return ''.join(out)


# ---------------------------------------------------------------------------
# Help formatting

class HelpFormatter(object):
    """Formatter for generating usage messages and argument help strings.

    Only the name of this class is considered a public API; subclasses
    customise it through the _fill_text, _split_lines, _get_help_string
    and _get_default_metavar_* hooks.

    Help is collected as a tree of sections whose items are rendered only
    in format_help(), once every argument is known, so that the help
    column can fit the longest argument.
    """

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            width = _terminal_width() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        self._root_section = self._Section(self, None)
        self._current_section = self._root_section

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, 'Indent decreased below 0.'

    class _Section(object):
        """A (possibly titled) list of deferred formatting calls."""

        def __init__(self, formatter, parent, heading=None):
            self.formatter = formatter
            self.parent = parent
            self.heading = heading
            self.items = []

        def format_help(self):
            formatter = self.formatter
            if self.parent is not None:
                formatter._indent()
            item_help = formatter._join_parts(
                [func(*args) for func, args in self.items])
            if self.parent is not None:
                formatter._dedent()
            if not item_help:
                return ''       # empty sections vanish with their heading
            heading = ''
            if self.heading is not SUPPRESS and self.heading is not None:
                heading = '%*s%s:\n' % (formatter._current_indent, '',
                                        self.heading)
            return formatter._join_parts(['\n', heading, item_help, '\n'])

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    # Building the help

    def start_section(self, heading):
        self._indent()
        section = self._Section(self, self._current_section, heading)
        self._add_item(section.format_help, [])
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, [usage, actions, groups,
                                                prefix])

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # The help column must clear the longest invocation, including
        # those of sub-actions (indented one level more).
        invocations = [self._format_action_invocation(action)]
        for subaction in self._iter_indented_subactions(action):
            invocations.append(self._format_action_invocation(subaction))
        length = max(map(len, invocations)) + self._current_indent
        self._action_max_length = max(self._action_max_length, length)
        self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        help = self._root_section.format_help()
        if help:
            while '\n\n\n' in help:
                help = help.replace('\n\n\n', '\n\n')
            help = help.strip('\n') + '\n'
        return help

    def _join_parts(self, part_strings):
        return ''.join([part for part in part_strings
                        if part and part is not SUPPRESS])

    # Usage

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
        action_usage = self._format_actions_usage(optionals + positionals,
                                                  groups)
        usage = ' '.join([s for s in [prog, action_usage] if s])
        text_width = self._width - self._current_indent
        if len(prefix) + len(usage) <= text_width:
            return usage

        # Too long for one line: wrap the optionals and the positionals,
        # each starting on a new line.
        opt_parts = _split_usage_parts(
            self._format_actions_usage(optionals, groups))
        pos_parts = _split_usage_parts(
            self._format_actions_usage(positionals, groups))

        def wrap(parts, indent, first_line_prefix=None):
            lines = []
            line = []
            used = len(first_line_prefix if first_line_prefix is not None
                       else indent) - 1
            for part in parts:
                if line and used + 1 + len(part) > text_width:
                    lines.append(indent + ' '.join(line))
                    line = []
                    used = len(indent) - 1
                line.append(part)
                used += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if first_line_prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            # Continuation lines align after "usage: prog ".
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = wrap([prog] + opt_parts, indent, prefix)
                lines.extend(wrap(pos_parts, indent))
            elif pos_parts:
                lines = wrap([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            # A long prog gets a line of its own.
            indent = ' ' * len(prefix)
            lines = wrap(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = wrap(opt_parts, indent) + wrap(pos_parts, indent)
            lines = [prog] + lines
        return '\n'.join(lines)

    def _format_actions_usage(self, actions, groups):
        # Mutually exclusive groups whose actions appear consecutively are
        # shown as [a | b] (or (a | b) when required): remember what to
        # insert before each action index.
        group_actions = set()
        inserts = {}
        for group in groups:
            if not group._group_actions:
                raise ValueError(f'empty group {group}')
            try:
                start = actions.index(group._group_actions[0])
            except ValueError:
                continue
            end = start + len(group._group_actions)
            if actions[start:end] != group._group_actions:
                continue
            group_actions.update(group._group_actions)
            shown = sum(1 for a in group._group_actions
                        if a.help is not SUPPRESS)
            if not group.required:
                opening, closing = '[', ']'
            elif shown > 1:
                opening, closing = '(', ')'
            else:
                opening = closing = None
            if opening is not None:
                inserts[start] = (inserts[start] + ' ' + opening
                                  if start in inserts else opening)
                inserts[end] = (inserts[end] + closing
                                if end in inserts else closing)
            for i in range(start + 1, end):
                inserts[i] = '|'

        parts = []
        for i, action in enumerate(actions):
            if action.help is SUPPRESS:
                # Hidden: drop it together with one adjacent separator.
                parts.append(None)
                if inserts.get(i) == '|':
                    inserts.pop(i)
                elif inserts.get(i + 1) == '|':
                    inserts.pop(i + 1)
            elif not action.option_strings:
                default = self._get_default_metavar_for_positional(action)
                part = self._format_args(action, default)
                if action in group_actions and part[0] == '[' and \
                        part[-1] == ']':
                    part = part[1:-1]   # the group supplies the brackets
                parts.append(part)
            else:
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    default = self._get_default_metavar_for_optional(action)
                    part = '%s %s' % (action.option_strings[0],
                                      self._format_args(action, default))
                if not action.required and action not in group_actions:
                    part = '[%s]' % part
                parts.append(part)

        for i in sorted(inserts, reverse=True):
            parts[i:i] = [inserts[i]]
        text = ' '.join([part for part in parts if part is not None])
        return _tidy_brackets(text).strip()

    # Text and argument entries

    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        text_width = max(self._width - self._current_indent, 11)
        indent = ' ' * self._current_indent
        return self._fill_text(text, text_width, indent) + '\n\n'

    def _format_action(self, action):
        # The invocation goes in the left column; the help starts in the
        # help column, on the same line when the invocation fits there.
        help_position = min(self._action_max_length + 2,
                            self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent_first = 0
        if not action.help:
            header = '%*s%s\n' % (self._current_indent, '', header)
        elif len(header) <= action_width:
            header = '%*s%-*s  ' % (self._current_indent, '', action_width,
                                    header)
        else:
            header = '%*s%s\n' % (self._current_indent, '', header)
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append('%*s%s\n' % (indent_first, '', lines[0]))
                for line in lines[1:]:
                    parts.append('%*s%s\n' % (help_position, '', line))
        elif not header.endswith('\n'):
            parts.append('\n')
        for subaction in self._iter_indented_subactions(action):
            parts.append(self._format_action(subaction))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._get_default_metavar_for_optional(action)
        args_string = self._format_args(action, default)
        return ', '.join('%s %s' % (option_string, args_string)
                         for option_string in action.option_strings)

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join(str(c) for c in action.choices)
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get_metavar(1)
        if nargs == OPTIONAL:
            return '[%s]' % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return '[%s [%s ...]]' % metavar
            return '[%s ...]' % metavar
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get_metavar(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get_metavar(1)
        if nargs == SUPPRESS:
            return ''
        try:
            formats = ['%s'] * nargs
        except TypeError:
            raise ValueError('invalid nargs value') from None
        return ' '.join(formats) % get_metavar(nargs)

    def _expand_help(self, action):
        # %-format the help with the action's attributes, using names for
        # types and functions and a plain list for choices.
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], '__name__'):
                params[name] = params[name].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        get_subactions = getattr(action, '_get_subactions', None)
        if get_subactions is not None:
            self._indent()
            yield from get_subactions()
            self._dedent()

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_collapse_whitespace(text).strip(), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_collapse_whitespace(text).strip(), width,
                             initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Help message formatter which retains any formatting in
    descriptions."""

    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Help message formatter which retains formatting of all help text."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Help message formatter which adds default values to argument
    help."""

    def _get_help_string(self, action):
        help = action.help or ''
        if '%(default)' not in help and action.default is not SUPPRESS:
            if action.option_strings or \
                    action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += ' (default: %(default)s)'
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    """Help message formatter which uses the argument 'type' as the default
    metavar value (instead of the argument 'dest')."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---------------------------------------------------------------------------
# Errors

def _get_action_name(argument):
    """How an argument is named in error messages."""
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return '{' + ','.join(argument.choices) + '}'
    return None


class ArgumentError(Exception):
    """An error from creating or using an argument (optional or
    positional); str() gives the message prefixed by the argument's
    name."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """An error from trying to convert a command line string to a type."""


# ---------------------------------------------------------------------------
# Actions

class _AttributeHolder(object):
    """Provides a repr listing _get_args() and _get_kwargs()."""

    def __repr__(self):
        arg_strings = [repr(arg) for arg in self._get_args()]
        star_args = {}
        for name, value in self._get_kwargs():
            if name.isidentifier():
                arg_strings.append('%s=%r' % (name, value))
            else:
                star_args[name] = value
        if star_args:
            arg_strings.append('**%s' % repr(star_args))
        return '%s(%s)' % (type(self).__name__, ', '.join(arg_strings))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


class Action(_AttributeHolder):
    """How to turn the strings of one argument into a value: called with
    (parser, namespace, values, option_string) once the strings are
    converted.  The attributes are those given to add_argument()."""

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
        names = ['option_strings', 'dest', 'nargs', 'const', 'default',
                 'type', 'choices', 'required', 'help', 'metavar']
        return [(name, getattr(self, name)) for name in names]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


def _copy_items(items):
    # Appending actions must not modify a default list in place.
    if items is None:
        return []
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


class BooleanOptionalAction(Action):
    """An option --foo that also gets a --no-foo form, storing True or
    False."""

    def __init__(self, option_strings, dest, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        all_option_strings = []
        for option_string in option_strings:
            all_option_strings.append(option_string)
            if option_string.startswith('--'):
                all_option_strings.append('--no-' + option_string[2:])
        super().__init__(option_strings=all_option_strings, dest=dest,
                         nargs=0, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest,
                    not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


def _check_value_nargs(kind, nargs, const, zero_message):
    if nargs == 0:
        raise ValueError('nargs for %s actions must be != 0; %s'
                         % (kind, zero_message))
    if const is not None and nargs != OPTIONAL:
        raise ValueError('nargs must be %r to supply const' % OPTIONAL)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        _check_value_nargs('store', nargs, const,
                           'if you have nothing to store, actions such as '
                           'store true or store const may be more '
                           'appropriate')
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default,
                         type=type, choices=choices, required=required,
                         help=help, metavar=metavar)

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
        super().__init__(option_strings=option_strings, dest=dest,
                         const=True, default=default, required=required,
                         help=help)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest,
                         const=False, default=default, required=required,
                         help=help)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        _check_value_nargs('append', nargs, const,
                           'if arg strings are not supplying the value to '
                           'append, the append const action may be more '
                           'appropriate')
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default,
                         type=type, choices=choices, required=required,
                         help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         const=const, default=default, required=required,
                         help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
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
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _ExtendAction(_AppendAction):

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _SubParsersAction(Action):
    """The positional that selects a sub-command: its value is the command
    name followed by the strings left for that command's parser."""

    class _ChoicesPseudoAction(Action):
        # Stands for one sub-command in the help listing.

        def __init__(self, name, aliases, help):
            metavar = dest = name
            if aliases:
                metavar += ' (%s)' % ', '.join(aliases)
            super().__init__(option_strings=[], dest=dest, help=help,
                             metavar=metavar)

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
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ArgumentError(self, 'conflicting subparser: %s' % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(
                    self, 'conflicting subparser alias: %s' % alias)
        if 'help' in kwargs:
            self._choices_actions.append(self._ChoicesPseudoAction(
                name, aliases, kwargs.pop('help')))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name, arg_strings = values[0], values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            raise ArgumentError(self, 'unknown parser %r (choices: %s)' % (
                parser_name, ', '.join(self._name_parser_map))) from None
        # The sub-command's values (and defaults) override the parent's.
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings,
                                                               None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(arg_strings)


class FileType(object):
    """Factory for creating file object types: FileType('w')(name) opens
    the file; '-' means stdin or stdout."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            binary = 'b' in self._mode
            if 'r' in self._mode:
                return _sys.stdin.buffer if binary else _sys.stdin
            if any(c in self._mode for c in 'wax'):
                return _sys.stdout.buffer if binary else _sys.stdout
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            return open(string, self._mode, self._bufsize, self._encoding,
                        self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = [repr(arg) for arg in (self._mode, self._bufsize)
                if arg != -1]
        args += ['%s=%r' % (kw, arg) for kw, arg in
                 (('encoding', self._encoding), ('errors', self._errors))
                 if arg is not None]
        return '%s(%s)' % (type(self).__name__, ', '.join(args))


class Namespace(_AttributeHolder):
    """Simple object for storing attributes.

    Implements equality by attribute names and values, and provides a
    simple string representation.
    """

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ---------------------------------------------------------------------------
# Matching nargs against the pattern of argument kinds

_MANY = None


def _nargs_items(nargs, is_optional):
    """The pattern matching the strings one action consumes, as a list of
    (allowed kinds, minimum, maximum) items over 'A' (argument), 'O'
    (option) and '-' ('--').  Positionals may include '--' markers;
    options may not."""
    dashes = [] if is_optional else [('-', 0, _MANY)]
    args_or_dashes = 'A' if is_optional else 'A-'
    anything = 'AO' if is_optional else '-AO'
    if nargs is None:
        return dashes + [('A', 1, 1)] + dashes
    if nargs == OPTIONAL:
        return dashes + [('A', 0, 1)] + dashes
    if nargs == ZERO_OR_MORE:
        return dashes + [(args_or_dashes, 0, _MANY)]
    if nargs == ONE_OR_MORE:
        return dashes + [('A', 1, 1), (args_or_dashes, 0, _MANY)]
    if nargs == REMAINDER:
        return [(anything, 0, _MANY)]
    if nargs == PARSER:
        return dashes + [('A', 1, 1), (anything, 0, _MANY)]
    if nargs == SUPPRESS:
        return dashes + dashes
    items = list(dashes)
    for i in range(nargs):
        if i:
            items.extend(dashes)
        items.append(('A', 1, 1))
    return items + dashes


def _match_groups(groups, text):
    """Match consecutive groups of items at the start of text, each item
    as greedily as possible but giving way (backtracking) so that later
    items can match too.  Return the length matched by each group, or None
    if there is no match."""
    items = [(kinds, lo, hi, index)
             for index, group in enumerate(groups)
             for kinds, lo, hi in group]
    ends = [0] * len(items)

    def match(i, pos):
        if i == len(items):
            return True
        kinds, lo, hi, _ = items[i]
        limit = pos
        while limit < len(text) and text[limit] in kinds and \
                (hi is _MANY or limit - pos < hi):
            limit += 1
        for end in range(limit, pos + lo - 1, -1):
            ends[i] = end
            if match(i + 1, end):
                return True
        return False

    if not match(0, 0):
        return None
    lengths = []
    start = 0
    for index in range(len(groups)):
        end = start
        for item, item_end in zip(items, ends):
            if item[3] == index:
                end = item_end
        lengths.append(end - start)
        start = end
    return lengths


# ---------------------------------------------------------------------------
# Containers of arguments: parsers and groups

class _ActionsContainer(object):
    """What parsers and argument groups share: adding arguments, the
    action registry, option strings and defaults."""

    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        super().__init__()
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler

        self._registries = {}
        for name, action_class in (
                (None, _StoreAction), ('store', _StoreAction),
                ('store_const', _StoreConstAction),
                ('store_true', _StoreTrueAction),
                ('store_false', _StoreFalseAction),
                ('append', _AppendAction),
                ('append_const', _AppendConstAction),
                ('count', _CountAction), ('help', _HelpAction),
                ('version', _VersionAction), ('parsers', _SubParsersAction),
                ('extend', _ExtendAction)):
            self.register('action', name, action_class)

        self._get_handler()     # validates conflict_handler

        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        # Non-empty when some option looks like a negative number (then
        # '-1' on the command line is an option, not a value).  A list so
        # that groups can share it with their parser.
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

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

    def add_argument(self, *args, **kwargs):
        """
        add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)
        """
        if not args or len(args) == 1 and args[0][0] not in self.prefix_chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional '
                                 'argument')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)

        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default

        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)

        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        if type_func is FileType:
            raise ValueError('%r is a FileType class object, instance of it'
                             ' must be passed' % (type_func,))

        # Formatting the arguments checks that a tuple metavar has as many
        # names as nargs needs.
        if hasattr(self, '_get_formatter'):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError('length of metavar tuple does not match '
                                 'nargs')
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
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
            if _is_negative_number(option_string) and \
                    not self._has_negative_number_optionals:
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        """Copy the arguments of container (a parent parser), keeping them
        in groups of the same titles and in the same exclusive groups."""
        groups_by_title = {}
        for group in self._action_groups:
            if group.title in groups_by_title:
                raise ValueError('cannot merge actions - two groups are '
                                 'named %r' % (group.title,))
            groups_by_title[group.title] = group
        target = {}
        for group in container._action_groups:
            if group.title not in groups_by_title:
                groups_by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                target[action] = groups_by_title[group.title]
        for group in container._mutually_exclusive_groups:
            mutex_group = self.add_mutually_exclusive_group(
                required=group.required)
            for action in group._group_actions:
                target[action] = mutex_group
        for action in container._actions:
            target.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for "
                            "positionals")
        # A positional is required unless it can match nothing ('?', or
        # '*' with a default).
        nargs = kwargs.get('nargs')
        if nargs not in (OPTIONAL, ZERO_OR_MORE) or \
                nargs == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with '
                                 'a character %r'
                                 % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and \
                    option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)
        # dest comes from the first long option ('--foo-bar' -> 'foo_bar'),
        # else from the first short one ('-x' -> 'x').
        dest = kwargs.pop('dest', None)
        if dest is None:
            source = (long_option_strings or option_strings)[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r'
                                 % option_string)
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop('action', default)
        return self._registry_get('action', action, action)

    def _get_handler(self):
        try:
            return getattr(self, '_handle_conflict_%s' % self.conflict_handler)
        except AttributeError:
            raise ValueError('invalid conflict_resolution value: %r'
                             % self.conflict_handler) from None

    def _check_conflict(self, action):
        conflicts = [(option_string, self._option_string_actions[option_string])
                     for option_string in action.option_strings
                     if option_string in self._option_string_actions]
        if conflicts:
            self._get_handler()(action, conflicts)

    def _handle_conflict_error(self, action, conflicting_actions):
        message = ('conflicting option string: %s'
                   if len(conflicting_actions) == 1 else
                   'conflicting option strings: %s')
        raise ArgumentError(action, message % ', '.join(
            option_string for option_string, _ in conflicting_actions))

    def _handle_conflict_resolve(self, action, conflicting_actions):
        # The new action wins: older actions lose the option strings (and
        # disappear when none are left).
        for option_string, old_action in conflicting_actions:
            old_action.option_strings.remove(option_string)
            self._option_string_actions.pop(option_string, None)
            if not old_action.option_strings:
                old_action.container._remove_action(old_action)


class _ArgumentGroup(_ActionsContainer):
    """A titled group of arguments in the help.  Its arguments also belong
    to the parser, with which it shares actions, option strings and
    defaults."""

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = \
            container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    """Arguments of which at most one (exactly one if required) may be
    given."""

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


class _ParseRun:
    """One run of ArgumentParser._parse_known_args over arg_strings."""

    def __init__(self, parser, arg_strings, namespace):
        self.parser = parser
        self.arg_strings = arg_strings
        self.namespace = namespace
        self.extras = []
        self.seen_actions = set()
        self.seen_non_default_actions = set()
        # For each action in an exclusive group, the others of the group.
        self.conflicts = {}
        for group in parser._mutually_exclusive_groups:
            for action in group._group_actions:
                self.conflicts.setdefault(action, []).extend(
                    a for a in group._group_actions if a is not action)
        # Classify the strings: 'O' option, 'A' argument, '-' the first
        # '--' (everything after it is an argument).
        self.option_tuples = {}
        kinds = []
        after_dashes = False
        for i, arg_string in enumerate(arg_strings):
            if after_dashes:
                kinds.append('A')
            elif arg_string == '--':
                kinds.append('-')
                after_dashes = True
            else:
                option_tuple = parser._parse_optional(arg_string)
                if option_tuple is None:
                    kinds.append('A')
                else:
                    self.option_tuples[i] = option_tuple
                    kinds.append('O')
        self.kinds = ''.join(kinds)
        self.positionals = parser._get_positional_actions()

    def take_action(self, action, argument_strings, option_string=None):
        self.seen_actions.add(action)
        values = self.parser._get_values(action, argument_strings)
        # An action that only produced its default does not count as given
        # for the exclusive-group checks.
        if values is not action.default:
            self.seen_non_default_actions.add(action)
            for other in self.conflicts.get(action, ()):
                if other in self.seen_non_default_actions:
                    raise ArgumentError(action, 'not allowed with argument %s'
                                        % _get_action_name(other))
        if values is not SUPPRESS:
            action(self.parser, self.namespace, values, option_string)

    def consume_optional(self, index):
        """Handle the option at index (and its arguments); return the
        index after them."""
        parser = self.parser
        action, option_string, explicit_arg = self.option_tuples[index]
        calls = []
        while True:
            if action is None:
                # Not an option of this parser (maybe of a sub-parser).
                self.extras.append(self.arg_strings[index])
                return index + 1
            if explicit_arg is None:
                start = index + 1
                count = parser._match_argument(action, self.kinds[start:])
                calls.append((action, self.arg_strings[start:start + count],
                              option_string))
                stop = start + count
                break
            # The option came with an attached argument ('--x=1', '-x1').
            count = parser._match_argument(action, 'A')
            if count == 1:
                calls.append((action, [explicit_arg], option_string))
                stop = index + 1
                break
            if count == 0 and option_string[1] not in parser.prefix_chars \
                    and explicit_arg != '':
                # '-xyz' with a flag -x: the rest are more short flags.
                calls.append((action, [], option_string))
                option_string = option_string[0] + explicit_arg[0]
                if option_string not in parser._option_string_actions:
                    raise ArgumentError(action, 'ignored explicit argument '
                                        '%r' % explicit_arg)
                action = parser._option_string_actions[option_string]
                explicit_arg = explicit_arg[1:] or None
                continue
            raise ArgumentError(action, 'ignored explicit argument %r'
                                % explicit_arg)
        for action, args, option_string in calls:
            self.take_action(action, args, option_string)
        return stop

    def consume_positionals(self, index):
        """Give the arguments from index on to as many of the remaining
        positionals as can match; return the index after them."""
        counts = self.parser._match_arguments_partial(self.positionals,
                                                      self.kinds[index:])
        for action, count in zip(self.positionals, counts):
            self.take_action(action, self.arg_strings[index:index + count])
            index += count
        del self.positionals[:len(counts)]
        return index

    def run(self):
        index = 0
        last_option = max(self.option_tuples, default=-1)
        while index <= last_option:
            next_option = min(i for i in self.option_tuples if i >= index)
            if index != next_option:
                end = self.consume_positionals(index)
                if end > index:
                    # The positionals may have taken the option too (for
                    # example with nargs=REMAINDER).
                    index = end
                    continue
            if index not in self.option_tuples:
                # Arguments that no positional wanted.
                self.extras.extend(self.arg_strings[index:next_option])
                index = next_option
            index = self.consume_optional(index)
        end = self.consume_positionals(index)
        self.extras.extend(self.arg_strings[end:])
        self.check_required()
        return self.namespace, self.extras

    def check_required(self):
        parser = self.parser
        namespace = self.namespace
        missing = []
        for action in parser._actions:
            if action in self.seen_actions:
                continue
            if action.required:
                missing.append(_get_action_name(action))
            elif (isinstance(action.default, str) and
                  hasattr(namespace, action.dest) and
                  action.default is getattr(namespace, action.dest)):
                # String defaults go through type conversion, but only
                # when the argument was not given.
                setattr(namespace, action.dest,
                        parser._get_value(action, action.default))
        if missing:
            parser.error('the following arguments are required: %s'
                         % ', '.join(missing))
        for group in parser._mutually_exclusive_groups:
            if group.required and not any(
                    a in self.seen_non_default_actions
                    for a in group._group_actions):
                names = [_get_action_name(a) for a in group._group_actions
                         if a.help is not SUPPRESS]
                parser.error('one of the arguments %s is required'
                             % ' '.join(names))


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Object for parsing command line strings into Python objects.

    Keyword Arguments:
        - prog -- The name of the program (default:
            ``os.path.basename(sys.argv[0])``)
        - usage -- A usage message (default: auto-generated from arguments)
        - description -- A description of what the program does
        - epilog -- Text following the argument descriptions
        - parents -- Parsers whose arguments should be copied into this one
        - formatter_class -- HelpFormatter class for printing help messages
        - prefix_chars -- Characters that prefix optional arguments
        - fromfile_prefix_chars -- Characters that prefix files containing
            additional arguments
        - argument_default -- The default value for all arguments
        - conflict_handler -- String indicating how to handle conflicts
        - add_help -- Add a -h/-help option
        - allow_abbrev -- Allow long options to be abbreviated unambiguously
        - exit_on_error -- Determines whether or not ArgumentParser exits with
            error info when an error occurs
    """

    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars='-',
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True,
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

        def identity(string):
            return string
        self.register('type', None, identity)

        if self.add_help:
            prefix = '-' if '-' in prefix_chars else prefix_chars[0]
            # An explicit default keeps argument_default from applying.
            self.add_argument(prefix + 'h', prefix * 2 + 'help',
                              action='help', default=SUPPRESS,
                              help='show this help message and exit')

        for parent in parents:
            self._add_container_actions(parent)
            defaults = getattr(parent, '_defaults', None)
            if defaults is not None:
                self._defaults.update(defaults)

    def _get_kwargs(self):
        names = ['prog', 'usage', 'description', 'formatter_class',
                 'conflict_handler', 'add_help']
        return [(name, getattr(self, name)) for name in names]

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        # Sub-parsers are named after this parser's usage without options.
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        parsers_class = self._pop_action_class(kwargs, 'parsers')
        action = parsers_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_optional_actions(self):
        return [action for action in self._actions if action.option_strings]

    def _get_positional_actions(self):
        return [action for action in self._actions
                if not action.option_strings]

    # Parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error('unrecognized arguments: %s' % ' '.join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        # Defaults first, without overwriting what the namespace has.
        for action in self._actions:
            if action.dest is not SUPPRESS and \
                    not hasattr(namespace, action.dest) and \
                    action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)
        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)
        return _ParseRun(self, arg_strings, namespace).run()

    def _read_args_from_files(self, arg_strings):
        # '@file' (for each prefix char) is replaced by the file's lines,
        # recursively.
        new_arg_strings = []
        for arg_string in arg_strings:
            if not arg_string or \
                    arg_string[0] not in self.fromfile_prefix_chars:
                new_arg_strings.append(arg_string)
                continue
            try:
                with open(arg_string[1:]) as args_file:
                    file_args = []
                    for arg_line in args_file.read().splitlines():
                        file_args.extend(
                            self.convert_arg_line_to_args(arg_line))
                new_arg_strings.extend(self._read_args_from_files(file_args))
            except OSError as err:
                self.error(str(err))
        return new_arg_strings

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _match_argument(self, action, arg_strings_pattern):
        """How many of the strings described by the pattern the action
        consumes."""
        items = _nargs_items(action.nargs, bool(action.option_strings))
        lengths = _match_groups([items], arg_strings_pattern)
        if lengths is None:
            messages = {None: 'expected one argument',
                        OPTIONAL: 'expected at most one argument',
                        ONE_OR_MORE: 'expected at least one argument'}
            message = messages.get(action.nargs)
            if message is None:
                message = ('expected %s argument' if action.nargs == 1 else
                           'expected %s arguments') % action.nargs
            raise ArgumentError(action, message)
        return lengths[0]

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        """Argument counts for the longest prefix of actions that can all
        match."""
        for i in range(len(actions), 0, -1):
            groups = [_nargs_items(a.nargs, bool(a.option_strings))
                      for a in actions[:i]]
            lengths = _match_groups(groups, arg_strings_pattern)
            if lengths is not None:
                return lengths
        return []

    def _parse_optional(self, arg_string):
        """(action or None, option string, attached argument or None) if
        arg_string is an option, None if it is an argument."""
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        if arg_string in self._option_string_actions:
            return self._option_string_actions[arg_string], arg_string, None
        if len(arg_string) == 1:
            return None     # a lone '-' is an argument (often stdin)
        if '=' in arg_string:
            option_string, explicit_arg = arg_string.split('=', 1)
            if option_string in self._option_string_actions:
                return (self._option_string_actions[option_string],
                        option_string, explicit_arg)
        # Abbreviations and short options with attached values.
        option_tuples = self._get_option_tuples(arg_string)
        if len(option_tuples) > 1:
            options = ', '.join(option_string for _, option_string, _
                                in option_tuples)
            self.error('ambiguous option: %s could match %s'
                       % (arg_string, options))
        elif len(option_tuples) == 1:
            return option_tuples[0]
        # Negative numbers are arguments unless options look like them.
        if _is_negative_number(arg_string) and \
                not self._has_negative_number_optionals:
            return None
        if ' ' in arg_string:
            return None
        # An unknown option (a sub-parser may know it).
        return None, arg_string, None

    def _get_option_tuples(self, option_string):
        """The options that option_string may abbreviate (long options,
        when allow_abbrev) or start with (short options)."""
        result = []
        chars = self.prefix_chars
        actions = self._option_string_actions
        if option_string[0] in chars and option_string[1] in chars:
            if self.allow_abbrev:
                prefix, sep, explicit_arg = option_string.partition('=')
                if not sep:
                    explicit_arg = None
                for candidate in actions:
                    if candidate.startswith(prefix):
                        result.append((actions[candidate], candidate,
                                       explicit_arg))
        elif option_string[0] in chars:
            short_prefix = option_string[:2]
            short_explicit_arg = option_string[2:]
            for candidate in actions:
                if candidate == short_prefix:
                    result.append((actions[candidate], candidate,
                                   short_explicit_arg))
                elif candidate.startswith(option_string):
                    result.append((actions[candidate], candidate, None))
        else:
            self.error('unexpected option string: %s' % option_string)
        return result

    # Converting strings to values

    def _get_values(self, action, arg_strings):
        if action.nargs not in (PARSER, REMAINDER):
            # The '--' separator is not a value.
            try:
                arg_strings.remove('--')
            except ValueError:
                pass
        nargs = action.nargs
        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and nargs == ZERO_OR_MORE and \
                not action.option_strings:
            value = (action.default if action.default is not None
                     else arg_strings)
            self._check_value(action, value)
        elif len(arg_strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise ArgumentError(action, '%r is not callable' % type_func)
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r'
                                % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)'
                                % (value, ', '.join(map(repr,
                                                        action.choices))))

    # Help

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for action_group in self._action_groups:
            formatter.start_section(action_group.title)
            formatter.add_text(action_group.description)
            formatter.add_arguments(action_group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            try:
                (file or _sys.stderr).write(message)
            except (AttributeError, OSError):
                pass

    # Exiting

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """error(message: string)

        Prints a usage message incorporating the message to stderr and
        exits with status 2.  An override should not return: it should
        either exit or raise an exception.
        """
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))
