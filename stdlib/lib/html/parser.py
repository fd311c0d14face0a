"""HTMLParser: a tolerant, incremental HTML tokenizer that reports tags, text, comments,
declarations and references through handle_* methods, with CPython 3.11's callback sequence.

The start-tag grammar relies on lookbehind/lookahead, which the regex engine (RE2) lacks, so
start tags and attributes are scanned by hand; the simpler tokens use regular expressions.
"""

import re
from html import unescape

__all__ = ['HTMLParser']

_INTERESTING_NORMAL = re.compile('[&<]')
_INCOMPLETE = re.compile('&[a-zA-Z#]')
_ENTITYREF = re.compile('&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_CHARREF = re.compile('&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_STARTTAGOPEN = re.compile('<[a-zA-Z]')
_ENDTAGFIND = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_COMMENTCLOSE = re.compile(r'--\s*>')
_MARKEDSECTIONCLOSE = re.compile(r']\s*]\s*>')
_MSMARKEDSECTIONCLOSE = re.compile(r']\s*>')
_DECLNAME = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')
_AMP_END = re.compile(r'[\s;]')

_TAGNAME_STOP = '\t\n\r\f />\x00'


def _skip_separators(raw, pos):
    """Skip whitespace and any '/' that does not start '/>'."""
    n = len(raw)
    while pos < n and (raw[pos].isspace() or (raw[pos] == '/' and raw[pos + 1:pos + 2] != '>')):
        pos += 1
    return pos


def _skip_space(raw, pos):
    n = len(raw)
    while pos < n and raw[pos].isspace():
        pos += 1
    return pos


def _scan_tag_name(raw, pos):
    """pos is at a letter; return the end of the tag name."""
    n = len(raw)
    pos += 1
    while pos < n and raw[pos] not in _TAGNAME_STOP:
        pos += 1
    return pos


def _scan_bare_value(raw, pos):
    n = len(raw)
    while pos < n and raw[pos] != '>' and not raw[pos].isspace():
        pos += 1
    return pos


def _scan_attribute(raw, pos):
    """Match one attribute at pos: (name, has_value, value, end) or None.

    An attribute must follow a quote, a space or '/'. Its value is quoted or bare; an
    unterminated quote falls back the way a backtracking regex would: to an empty value when
    spaces follow the '=', to a bare value starting at the last '=' when there are several.
    """
    n = len(raw)
    if pos >= n or pos == 0:
        return None
    prev = raw[pos - 1]
    if not (prev in '\'"/' or prev.isspace()):
        return None
    ch = raw[pos]
    if ch.isspace() or ch in '/>':
        return None
    end = pos + 1
    while end < n and not (raw[end].isspace() or raw[end] in '/=>'):
        end += 1
    name = raw[pos:end]
    has_value, value = False, None
    eq_start = _skip_space(raw, end)
    if eq_start < n and raw[eq_start] == '=':
        eq_end = eq_start
        while eq_end < n and raw[eq_end] == '=':
            eq_end += 1
        start = _skip_space(raw, eq_end)
        if start < n and raw[start] in '\'"':
            close = raw.find(raw[start], start + 1)
            if close >= 0:
                has_value, value_end = True, close + 1
            elif start > eq_end:
                has_value, start, value_end = True, start - 1, start - 1
            elif eq_end - eq_start > 1:
                start = eq_end - 1
                has_value, value_end = True, _scan_bare_value(raw, start)
        else:
            has_value, value_end = True, _scan_bare_value(raw, start)
        if has_value:
            value = raw[start:value_end]
            end = value_end
    return name, has_value, value, _skip_separators(raw, end)


class HTMLParser:
    """Feed it text with feed(); override the handle_* methods to receive the parts.

    With convert_charrefs (the default) character references in text are converted and
    text arrives through handle_data only; otherwise handle_charref/handle_entityref get them.
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style")
    # Not cleared by reset(): the last start tag text stays available, as in CPython.
    _starttag_text = None

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Forget all unprocessed data and start again at line 1."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = _INTERESTING_NORMAL
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0

    def feed(self, data):
        """Add text; complete constructs are reported, a partial one waits for more."""
        self.rawdata = self.rawdata + data
        self.goahead(False)

    def close(self):
        """Report everything still buffered, as if the input ended here."""
        self.goahead(True)

    def getpos(self):
        """(line, column) of the start of the construct being reported."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """The source text of the most recent start tag."""
        return self._starttag_text

    def updatepos(self, i, j):
        if i >= j:
            return j
        rawdata = self.rawdata
        newlines = rawdata.count('\n', i, j)
        if newlines:
            self.lineno += newlines
            self.offset = j - (rawdata.rindex('\n', i, j) + 1)
        else:
            self.offset += j - i
        return j

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = _INTERESTING_NORMAL
        self.cdata_elem = None

    def _text(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(text))
        else:
            self.handle_data(text)

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = rawdata.find('<', i)
                if j < 0:
                    # A reference cut by the end of this chunk must wait for the rest.
                    amppos = rawdata.rfind('&', max(i, n - 34))
                    if amppos >= 0 and not _AMP_END.search(rawdata, amppos):
                        break
                    j = n
            else:
                match = self.interesting.search(rawdata, i)
                if match:
                    j = match.start()
                elif self.cdata_elem:
                    break
                else:
                    j = n
            if i < j:
                self._text(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                if _STARTTAGOPEN.match(rawdata, i):
                    k = self.parse_starttag(i)
                elif rawdata.startswith('</', i):
                    k = self.parse_endtag(i)
                elif rawdata.startswith('<!--', i):
                    k = self.parse_comment(i)
                elif rawdata.startswith('<?', i):
                    k = self.parse_pi(i)
                elif rawdata.startswith('<!', i):
                    k = self.parse_html_declaration(i)
                elif i + 1 < n:
                    self.handle_data('<')
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    # At the end an unfinished construct is text up to its '>' or next '<'.
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(rawdata[i:k])
                i = self.updatepos(i, k)
            elif rawdata.startswith('&#', i):
                match = _CHARREF.match(rawdata, i)
                if match:
                    self.handle_charref(match.group()[2:-1])
                    k = match.end()
                    if rawdata[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                if ';' in rawdata[i:]:
                    self.handle_data(rawdata[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            elif rawdata.startswith('&', i):
                match = _ENTITYREF.match(rawdata, i)
                if match:
                    self.handle_entityref(match.group(1))
                    k = match.end()
                    if rawdata[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                match = _INCOMPLETE.match(rawdata, i)
                if match:
                    if end and match.group() == rawdata[i:]:
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data('&')
                    i = self.updatepos(i, i + 1)
                else:
                    break
            else:
                raise AssertionError('interesting.search() lied')
        if end and i < n and not self.cdata_elem:
            self._text(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    # ---- the constructs; each returns the index after it, or -1 if it is incomplete ----

    def parse_html_declaration(self, i):
        rawdata = self.rawdata
        if rawdata[i:i + 4] == '<!--':
            return self.parse_comment(i)
        if rawdata[i:i + 3] == '<![':
            return self.parse_marked_section(i)
        if rawdata[i:i + 9].lower() == '<!doctype':
            gtpos = rawdata.find('>', i + 9)
            if gtpos == -1:
                return -1
            self.handle_decl(rawdata[i + 2:gtpos])
            return gtpos + 1
        return self.parse_bogus_comment(i)

    def parse_comment(self, i, report=1):
        rawdata = self.rawdata
        if rawdata[i:i + 4] != '<!--':
            raise AssertionError('unexpected call to parse_comment()')
        match = _COMMENTCLOSE.search(rawdata, i + 4)
        if not match:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:match.start()])
        return match.end()

    def parse_bogus_comment(self, i, report=1):
        rawdata = self.rawdata
        pos = rawdata.find('>', i + 2)
        if pos == -1:
            return -1
        if report:
            self.handle_comment(rawdata[i + 2:pos])
        return pos + 1

    def parse_marked_section(self, i, report=1):
        rawdata = self.rawdata
        start = i + 3
        if start == len(rawdata):
            return -1
        match = _DECLNAME.match(rawdata, start)
        if not match:
            self.updatepos(i, start)
            raise AssertionError('expected name token at %r' % rawdata[i:i + 20])
        if match.end() == len(rawdata):
            return -1
        name = match.group().strip().lower()
        if name in ('temp', 'cdata', 'ignore', 'include', 'rcdata'):
            close = _MARKEDSECTIONCLOSE.search(rawdata, start)
        elif name in ('if', 'else', 'endif'):
            close = _MSMARKEDSECTIONCLOSE.search(rawdata, start)
        else:
            raise AssertionError('unknown status keyword %r in marked section'
                                 % rawdata[start:match.end()])
        if not close:
            return -1
        if report:
            self.unknown_decl(rawdata[start:close.start()])
        return close.end()

    def parse_pi(self, i):
        rawdata = self.rawdata
        gtpos = rawdata.find('>', i + 2)
        if gtpos < 0:
            return -1
        self.handle_pi(rawdata[i + 2:gtpos])
        return gtpos + 1

    def check_for_whole_start_tag(self, i):
        """Return the end of the start tag at i, or -1 when it may continue in later data."""
        rawdata = self.rawdata
        j = _scan_tag_name(rawdata, i + 1)
        while j < len(rawdata) and (rawdata[j].isspace() or rawdata[j] == '/'):
            j += 1
        while True:
            attr = _scan_attribute(rawdata, j)
            if attr is None:
                break
            j = attr[3]
        j = _skip_space(rawdata, j)
        following = rawdata[j:j + 1]
        if following == '>':
            return j + 1
        if following == '/':
            if rawdata.startswith('/>', j):
                return j + 2
            return -1
        if following == '':
            return -1
        if following in ('abcdefghijklmnopqrstuvwxyz=/'
                         'ABCDEFGHIJKLMNOPQRSTUVWXYZ'):
            return -1
        return j if j > i else i + 1

    def parse_starttag(self, i):
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        rawdata = self.rawdata
        self._starttag_text = rawdata[i:endpos]
        name_end = _scan_tag_name(rawdata, i + 1)
        self.lasttag = tag = rawdata[i + 1:name_end].lower()
        k = _skip_separators(rawdata, name_end)
        attrs = []
        while k < endpos:
            attr = _scan_attribute(rawdata, k)
            if attr is None:
                break
            name, has_value, value, k = attr
            if not has_value:
                value = None
            elif value[:1] == '\'' == value[-1:] or value[:1] == '"' == value[-1:]:
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
        end = rawdata[k:endpos].strip()
        if end not in ('>', '/>'):
            self.handle_data(rawdata[i:endpos])
            return endpos
        if end.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def parse_endtag(self, i):
        rawdata = self.rawdata
        gtpos = rawdata.find('>', i + 1)
        if gtpos < 0:
            return -1
        gtpos += 1
        match = _ENDTAGFIND.match(rawdata, i)
        if not match:
            if self.cdata_elem is not None:
                self.handle_data(rawdata[i:gtpos])
                return gtpos
            first = rawdata[i + 2:i + 3]
            if not (first.isascii() and first.isalpha()):
                if rawdata[i:i + 3] == '</>':
                    return i + 3
                return self.parse_bogus_comment(i)
            name_end = _scan_tag_name(rawdata, i + 2)
            # Whatever lies between the name and the next '>' is ignored.
            self.handle_endtag(rawdata[i + 2:name_end].lower())
            return rawdata.find('>', name_end) + 1
        elem = match.group(1).lower()
        if self.cdata_elem is not None and elem != self.cdata_elem:
            self.handle_data(rawdata[i:gtpos])
            return gtpos
        self.handle_endtag(elem)
        self.clear_cdata_mode()
        return gtpos

    # ---- overridable handlers ----

    def handle_startendtag(self, tag, attrs):
        """An empty-element tag (<br/>): by default a start tag then an end tag."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
