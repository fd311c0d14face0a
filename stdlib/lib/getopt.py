"""Parser for command line options, in the style of Unix getopt().

getopt() stops at the first non-option argument; gnu_getopt() lets options
and operands mix, as GNU getopt does."""

import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    msg = ''
    opt = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """getopt(args, options[, long_options]) -> opts, args

    Parses args (typically sys.argv[1:]) until the first argument that is
    not an option. Returns the list of (option, value) pairs and the
    remaining arguments."""
    longopts = _as_list(longopts)
    opts = []
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            args = _take_long(opts, args[0][2:], longopts, args[1:])
        else:
            args = _take_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt(), but options may follow operands.

    A leading '+' in shortopts, or POSIXLY_CORRECT in the environment,
    restores getopt()'s stop-at-first-operand rule."""
    longopts = _as_list(longopts)
    opts = []
    operands = []
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        stop_at_operand = True
    else:
        stop_at_operand = bool(os.environ.get("POSIXLY_CORRECT"))
    while args:
        arg = args[0]
        if arg == '--':
            operands += args[1:]
            break
        if arg[:2] == '--':
            args = _take_long(opts, arg[2:], longopts, args[1:])
        elif arg[:1] == '-' and arg != '-':
            args = _take_shorts(opts, arg[1:], shortopts, args[1:])
        elif stop_at_operand:
            operands += args
            break
        else:
            operands.append(arg)
            args = args[1:]
    return opts, operands


def _as_list(longopts):
    # A single long option may be given as a bare string.
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def _take_long(opts, text, longopts, rest):
    """Appends the option in '--text' to opts; returns the unconsumed args."""
    name, eq, value = text.partition('=')
    takes_value, name = _match_long(name, longopts)
    if takes_value:
        if not eq:
            if not rest:
                raise GetoptError('option --%s requires argument' % name, name)
            value, rest = rest[0], rest[1:]
    elif eq:
        raise GetoptError('option --%s must not have an argument' % name, name)
    opts.append(('--' + name, value))
    return rest


def _match_long(name, longopts):
    """(takes_value, full_name) for a long option given by a unique prefix."""
    candidates = [o for o in longopts if o.startswith(name)]
    if not candidates:
        raise GetoptError('option --%s not recognized' % name, name)
    # An exact match wins over longer options sharing the prefix.
    if name in candidates:
        return False, name
    if name + '=' in candidates:
        return True, name
    if len(candidates) > 1:
        raise GetoptError('option --%s not a unique prefix' % name, name)
    full = candidates[0]
    if full.endswith('='):
        return True, full[:-1]
    return False, full


def _take_shorts(opts, letters, shortopts, rest):
    """Appends each option of '-letters' to opts; returns the unconsumed args."""
    while letters:
        letter, letters = letters[0], letters[1:]
        if _short_takes_value(letter, shortopts):
            # The value is the rest of this argument, or else the next one.
            if not letters:
                if not rest:
                    raise GetoptError('option -%s requires argument' % letter,
                                      letter)
                letters, rest = rest[0], rest[1:]
            value, letters = letters, ''
        else:
            value = ''
        opts.append(('-' + letter, value))
    return rest


def _short_takes_value(letter, shortopts):
    for i, c in enumerate(shortopts):
        if c == letter and c != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError('option -%s not recognized' % letter, letter)
