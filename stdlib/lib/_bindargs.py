"""Argument binding for functions that are generated at run time.

namedtuple.__new__ and dataclass.__init__ are built as closures taking
*args/**kwargs (instead of exec'ing generated source), so they bind the
arguments themselves here, raising the same TypeErrors, in the same order,
as a real function with that signature would.
"""

# Marks a parameter that has no default.
REQUIRED = object()


def _name_list(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % tuple(quoted)
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _missing(qualname, kind, names):
    return TypeError('%s() missing %d required %s argument%s: %s'
                     % (qualname, len(names), kind,
                        '' if len(names) == 1 else 's', _name_list(names)))


def bind(qualname, positional, kwonly, defaults, args, kwargs, implicit=1):
    """Bind args/kwargs to the parameter names and return {name: value}.

    positional and kwonly are lists of parameter names; defaults maps a
    name to its default value (REQUIRED or absent means required);
    implicit is the number of leading parameters (self/cls) already bound,
    which CPython includes in its positional counts."""
    values = {}
    npos = len(positional)
    for name, value in zip(positional, args):
        values[name] = value
    kwonly_given = 0
    for name, value in kwargs.items():
        if name in values:
            raise TypeError('%s() got multiple values for argument %r'
                            % (qualname, name))
        if name in kwonly:
            kwonly_given += 1
        elif name not in positional:
            raise TypeError('%s() got an unexpected keyword argument %r'
                            % (qualname, name))
        values[name] = value
    if len(args) > npos:
        ndefaults = sum(1 for n in positional
                        if defaults.get(n, REQUIRED) is not REQUIRED)
        if ndefaults:
            sig = 'from %d to %d' % (npos - ndefaults + implicit,
                                     npos + implicit)
            plural = True
        else:
            sig = '%d' % (npos + implicit)
            plural = npos + implicit != 1
        given = len(args) + implicit
        if kwonly_given:
            extra = ' positional argument%s (and %d keyword-only argument%s)' % (
                '' if given == 1 else 's', kwonly_given,
                '' if kwonly_given == 1 else 's')
        else:
            extra = ''
        raise TypeError('%s() takes %s positional argument%s but %d%s %s given'
                        % (qualname, sig, 's' if plural else '', given, extra,
                           'was' if given == 1 and not kwonly_given
                           else 'were'))
    for kind, names in (('positional', positional), ('keyword-only', kwonly)):
        missing = []
        for name in names:
            if name not in values:
                default = defaults.get(name, REQUIRED)
                if default is REQUIRED:
                    missing.append(name)
                else:
                    values[name] = default
        if missing:
            raise _missing(qualname, kind, missing)
    return values
