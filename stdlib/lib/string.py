"""A collection of string constants, capwords(), Template and Formatter."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join.  If the optional
    second argument sep is absent or None, runs of whitespace characters
    are replaced by a single space and leading and trailing whitespace are
    removed, otherwise sep is used to split and join the words.
    """
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


####################################################################
# Template
####################################################################

# Value of re.IGNORECASE, kept here so that the default Template needs no
# regular expressions at all.
_IGNORECASE = 2
_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class _Match:
    """One placeholder found in a template: kind is 'escaped', 'named',
    'braced' or 'invalid'; text is what it spans; invalid_pos is where an
    invalid placeholder's name should have started."""

    def __init__(self, start, end, kind, name, invalid_pos=None):
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.invalid_pos = invalid_pos


def _scan_default(template, delim):
    """Find placeholders for the default identifier pattern (ASCII
    letters, digits and underscores, not starting with a digit)."""
    matches = []
    n = len(template)
    dlen = len(delim)
    i = template.find(delim)
    while i >= 0:
        j = i + dlen
        if template.startswith(delim, j):
            m = _Match(i, j + dlen, 'escaped', None)
        elif j < n and template[j] in _ID_START:
            k = j + 1
            while k < n and template[k] in _ID_CHARS:
                k += 1
            m = _Match(i, k, 'named', template[j:k])
        else:
            m = None
            if template.startswith('{', j) and j + 1 < n and \
                    template[j + 1] in _ID_START:
                k = j + 2
                while k < n and template[k] in _ID_CHARS:
                    k += 1
                if template.startswith('}', k):
                    m = _Match(i, k + 1, 'braced', template[j + 1:k])
            if m is None:
                m = _Match(i, j, 'invalid', None, j)
        matches.append(m)
        i = template.find(delim, max(m.end, i + 1))
    return matches


# Compiled patterns of Template subclasses that customise the identifier
# pattern, the flags or the whole pattern (these need the re module).
_custom_patterns = {}


def _re2_idpattern(idpattern, flags):
    # RE2 has no scoped ASCII flag: the default identifier pattern is spelt
    # with explicit ASCII ranges instead, which matches the same.
    if idpattern != Template.idpattern:
        return idpattern
    if flags & _IGNORECASE:
        return r'(?-i:[_a-zA-Z][_a-zA-Z0-9]*)'
    return '[_a-z][_a-z0-9]*'


def _custom_pattern(cls):
    if cls in _custom_patterns:
        return _custom_patterns[cls]
    import re
    pattern = cls.__dict__.get('pattern')
    if pattern is None:
        for klass in cls.__mro__:
            if 'pattern' in klass.__dict__:
                pattern = klass.__dict__['pattern']
                break
    if pattern is None:
        delim = re.escape(cls.delimiter)
        id = _re2_idpattern(cls.idpattern, cls.flags)
        bid = _re2_idpattern(cls.braceidpattern or cls.idpattern, cls.flags)
        pattern = fr"""
        {delim}(?:
          (?P<escaped>{delim})  |   # Escape sequence of two delimiters
          (?P<named>{id})       |   # delimiter and a Python identifier
          {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
          (?P<invalid>)             # Other ill-formed delimiter exprs
        )
        """
    if isinstance(pattern, str):
        pattern = re.compile(pattern, cls.flags | re.VERBOSE)
    _custom_patterns[cls] = pattern
    return pattern


def _scan_regex(template, pattern):
    matches = []
    for mo in pattern.finditer(template):
        groups = mo.groupdict()
        if groups.get('escaped') is not None:
            matches.append(_Match(mo.start(), mo.end(), 'escaped', None))
        elif groups.get('named') is not None:
            matches.append(_Match(mo.start(), mo.end(), 'named',
                                  groups['named']))
        elif groups.get('braced') is not None:
            matches.append(_Match(mo.start(), mo.end(), 'braced',
                                  groups['braced']))
        elif groups.get('invalid') is not None:
            matches.append(_Match(mo.start(), mo.end(), 'invalid', None,
                                  mo.start('invalid')))
        else:
            raise ValueError('Unrecognized named group in pattern', pattern)
    return matches


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _IGNORECASE

    def __init__(self, template):
        self.template = template

    def _matches(self):
        cls = type(self)
        if (cls.idpattern == Template.idpattern and
                cls.braceidpattern is None and cls.flags == _IGNORECASE and
                not any('pattern' in k.__dict__ for k in cls.__mro__)):
            return _scan_default(self.template, cls.delimiter)
        return _scan_regex(self.template, _custom_pattern(cls))

    def _invalid(self, m):
        lines = self.template[:m.invalid_pos].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = m.invalid_pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        # Keyword arguments take precedence over the mapping.
        if mapping is None:
            mapping = {}

        def lookup(name):
            if name in kws:
                return kws[name]
            return mapping[name]

        template = self.template
        pieces = []
        pos = 0
        for m in self._matches():
            pieces.append(template[pos:m.start])
            pos = m.end
            if m.kind == 'escaped':
                pieces.append(self.delimiter)
            elif m.kind == 'invalid':
                if not safe:
                    self._invalid(m)
                pieces.append(template[m.start:m.end])
            elif safe:
                try:
                    pieces.append(str(lookup(m.name)))
                except KeyError:
                    pieces.append(template[m.start:m.end])
            else:
                pieces.append(str(lookup(m.name)))
        pieces.append(template[pos:])
        return ''.join(pieces)

    def substitute(self, mapping=None, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        return all(m.kind != 'invalid' for m in self._matches())

    def get_identifiers(self):
        ids = []
        for m in self._matches():
            if m.name is not None and m.name not in ids:
                ids.append(m.name)
        return ids


####################################################################
# Formatter
####################################################################

def _parse_format(s):
    """Split a format string into (literal, field_name, format_spec,
    conversion) tuples, like str.format's parser."""
    result = []
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            c = ''
        at_end = i >= n
        literal_end = i
        markup = c != ''
        if c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{':
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                i += 1          # doubled brace: literal text only
                markup = False
            else:
                literal_end -= 1
        literal = s[start:literal_end]
        if not markup:
            result.append((literal, None, None, None))
            continue
        field_name, spec, conversion, i = _parse_field(s, i)
        result.append((literal, field_name, spec, conversion))
    return result


def _parse_field(s, i):
    """Parse a replacement field starting just after its '{'; return
    (field_name, format_spec, conversion, index after the field)."""
    n = len(s)
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            c = ''
            continue
        if c == '}' or c == ':' or c == '!':
            break
    else:
        c = ''
    field_name = s[start:i - 1] if c else s[start:i]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError('end of string while looking for '
                                 'conversion specifier')
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return field_name, '', conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion "
                                     "specifier")
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    return field_name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return field_name, '', conversion, i


def _split_field_name(name):
    """Split 'a.b[0]' into ('a', [(True, 'b'), (False, 0)]): the first
    part, then (is_attribute, key) accessors.  Digit-only parts are
    ints."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] not in '.[':
                i += 1
            if i == start:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name[start:i]))
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format field specifier")
            key = name[start:i]
            if key == '':
                raise ValueError('Empty attribute in format string')
            i += 1
            rest.append((False, int(key) if key.isdigit() else key))
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format "
                                 "field specifier")
    return first, rest


class Formatter:
    """str.format() as overridable methods: parse, get_field, get_value,
    check_unused_args, format_field and convert_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        # auto_arg_index is the next automatic field number, or False once
        # a field was numbered manually (the two styles cannot be mixed).
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'
                         .format(conversion))

    def parse(self, format_string):
        """Return a list of (literal_text, field_name, format_spec,
        conversion) tuples."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """Given a field_name, find the object it references; returns
        (obj, used_key)."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
