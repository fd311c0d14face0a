"""CSV parsing and writing: reader, writer, DictReader, DictWriter and the
dialects (excel, excel-tab, unix), with CPython's quoting rules and errors."""
__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE',
           'Error', 'Dialect', 'excel', 'excel_tab', 'unix_dialect',
           'reader', 'writer', 'register_dialect', 'get_dialect',
           'list_dialects', 'unregister_dialect', 'field_size_limit',
           'DictReader', 'DictWriter', '__version__']

__version__ = '1.0'

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_field_limit = 128 * 1024


class Error(Exception):
    pass


class Dialect:
    """Describe a CSV dialect.

    This must be subclassed (see csv.excel).  Valid attributes are:
    delimiter, quotechar, escapechar, doublequote, skipinitialspace,
    lineterminator, quoting.
    """
    _name = ''
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        _Params(self)


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


_dialects = {}


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _Params(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    """Sets an upper limit on parsed fields; returns the old limit."""
    global _field_limit
    if len(args) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d'
                        % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = args[0]
    return old


def _char_param(name, value, default, allow_none):
    if value is None:
        if allow_none:
            return None
        value = default
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %s' %
                        (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Params:
    """A validated dialect: the attributes of `dialect` (an instance, a
    class or a registered name) overridden by keyword arguments."""
    _names = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
              'quotechar', 'quoting', 'skipinitialspace', 'strict')

    def __init__(self, dialect=None, **fmtparams):
        for key in fmtparams:
            if key not in self._names:
                raise TypeError('%r is an invalid keyword argument for this '
                                'function' % key)
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def get(name, default):
            if name in fmtparams:
                return fmtparams[name]
            value = getattr(dialect, name, None) if dialect is not None \
                else None
            return default if value is None else value

        quoting = get('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC,
                           QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        self.delimiter = _char_param('delimiter', get('delimiter', ','), ',',
                                     False)
        self.quotechar = _char_param('quotechar', get('quotechar', '"'), '"',
                                     True)
        self.escapechar = _char_param('escapechar', get('escapechar', None),
                                      None, True)
        lineterminator = get('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self.lineterminator = lineterminator
        self.doublequote = bool(get('doublequote', True))
        self.skipinitialspace = bool(get('skipinitialspace', False))
        self.strict = bool(get('strict', False))


def _params_of(dialect, fmtparams):
    if isinstance(dialect, _Params) and not fmtparams:
        return dialect
    return _Params(dialect, **fmtparams)


class _Reader:
    def __init__(self, lines, dialect):
        self._lines = lines
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = 'start_record'
        # Under QUOTE_NONNUMERIC a field that starts unquoted becomes a float.
        numeric = False

        def save_field():
            nonlocal field, numeric
            text = ''.join(field)
            if len(text) > _field_limit:
                raise Error('field larger than field limit (%d)'
                            % _field_limit)
            fields.append(float(text) if numeric else text)
            field = []
            numeric = False

        def begin_field(c):
            nonlocal numeric
            field.append(c)
            numeric = d.quoting == QUOTE_NONNUMERIC

        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if field or state == 'in_quoted_field':
                    if d.strict:
                        raise Error('unexpected end of data') from None
                    save_field()
                    return fields
                raise
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the '
                            'file should be opened in text mode)'
                            % type(line).__name__)
            self.line_num += 1
            for c in line:
                if state == 'start_record':
                    if c in '\r\n':
                        state = 'eat_crnl'
                        continue
                    state = 'start_field'
                if state == 'start_field':
                    if c in '\r\n':
                        save_field()
                        state = 'eat_crnl'
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = 'in_quoted_field'
                    elif c == d.escapechar:
                        state = 'escaped_char'
                    elif c == ' ' and d.skipinitialspace:
                        pass
                    elif c == d.delimiter:
                        save_field()
                    else:
                        begin_field(c)
                        state = 'in_field'
                elif state == 'escaped_char':
                    field.append(c)
                    state = 'after_escaped_crnl' if c in '\r\n' \
                        else 'in_field'
                elif state in ('in_field', 'after_escaped_crnl'):
                    if c in '\r\n':
                        save_field()
                        state = 'eat_crnl'
                    elif c == d.escapechar:
                        state = 'escaped_char'
                    elif c == d.delimiter:
                        save_field()
                        state = 'start_field'
                    else:
                        field.append(c)
                        state = 'in_field'
                elif state == 'in_quoted_field':
                    if c == d.escapechar:
                        state = 'escape_in_quoted_field'
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = 'quote_in_quoted_field' if d.doublequote \
                            else 'in_field'
                    else:
                        field.append(c)
                elif state == 'escape_in_quoted_field':
                    field.append(c)
                    state = 'in_quoted_field'
                elif state == 'quote_in_quoted_field':
                    if d.quoting != QUOTE_NONE and c == d.quotechar:
                        field.append(c)
                        state = 'in_quoted_field'
                    elif c == d.delimiter:
                        save_field()
                        state = 'start_field'
                    elif c in '\r\n':
                        save_field()
                        state = 'eat_crnl'
                    elif not d.strict:
                        field.append(c)
                        state = 'in_field'
                    else:
                        raise Error("'%s' expected after '%s'"
                                    % (d.delimiter, d.quotechar))
                elif c not in '\r\n':     # state == 'eat_crnl'
                    raise Error('new-line character seen in unquoted field - '
                                'do you need to open the file in '
                                'universal-newline mode?')
            # The end of a line ends the record, unless a quoted field or an
            # escaped line break carries it over to the next line.
            if state == 'in_quoted_field':
                continue
            if state == 'escape_in_quoted_field':
                field.append('\n')
                state = 'in_quoted_field'
                continue
            if state == 'escaped_char':
                field.append('\n')
                state = 'after_escaped_crnl'
                continue
            if state == 'after_escaped_crnl':
                continue
            if state in ('start_field', 'in_field', 'quote_in_quoted_field'):
                save_field()
            return fields


def reader(csvfile, dialect='excel', **fmtparams):
    """Return a reader over the lines of csvfile (any iterable of str)."""
    lines = iter(csvfile)
    return _Reader(lines, _params_of(dialect, fmtparams))


class _Writer:
    def __init__(self, write, dialect):
        self._write = write
        self.dialect = dialect

    def _quote(self, field, only):
        d = self.dialect
        if field is None:
            text = ''
        elif isinstance(field, str):
            text = field
        elif isinstance(field, float):
            text = repr(field)
        else:
            text = str(field)
        numeric = isinstance(field, (int, float, complex))
        special = {d.delimiter, '\n', '\r'} | set(d.lineterminator)
        if d.quotechar is not None:
            special.add(d.quotechar)
        if d.escapechar is not None:
            special.add(d.escapechar)
        quote = d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and
                                           not numeric)
        out = []
        for c in text:
            if c in special:
                # A special character is escaped (QUOTE_NONE, an undoubled
                # quotechar, the escapechar itself) or makes the field quoted.
                escape = d.quoting == QUOTE_NONE or c == d.escapechar
                if c == d.quotechar and d.quoting != QUOTE_NONE:
                    if d.doublequote:
                        out.append(c)
                    else:
                        escape = True
                if escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
                else:
                    quote = True
            out.append(c)
        if only and not text:
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            quote = True
        if quote and d.quoting == QUOTE_NONE:
            quote = False
        if quote and d.quotechar is None:
            raise Error('quotechar must be set if quoting enabled')
        text = ''.join(out)
        if quote:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        try:
            fields = list(row)
        except TypeError:
            raise Error('iterable expected, not %s'
                        % type(row).__name__) from None
        line = self.dialect.delimiter.join(
            self._quote(f, len(fields) == 1) for f in fields)
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    """Return a writer that formats rows onto csvfile (anything with a
    write method)."""
    write = getattr(csvfile, 'write', None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    return _Writer(write, _params_of(dialect, fmtparams))


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        # Blank lines are skipped, as CPython does.
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval='', extrasaction='raise',
                 dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == 'raise':
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError('dict contains fields not in fieldnames: '
                                 + ', '.join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


register_dialect('excel', excel)
register_dialect('excel-tab', excel_tab)
register_dialect('unix', unix_dialect)
