# html: escape/unescape, the entity tables, and HTMLParser's callback sequence.
import html
import html.entities as ent
from html.parser import HTMLParser

print(html.escape('<a href="x">\'Tom & Jerry\'</a>'), html.escape('"<>\'&', quote=False))
for s in ['&amp;', '&amp', '&ampx', '&AMP;', '&notin;', '&notit;', '&not', '&nosuch;', '&#65;',
          '&#x41;', '&#X41', '&#65', '&#0;', '&#128;', '&#x81;', '&#x9f;', '&#xd800;',
          '&#x110000;', '&#99999999999999999999;', '&#1;', '&#x0b;', '&#xfffe;', '&#x10ffff;',
          '&#13;', '&#x7f;', '&#xfdd0;', '&acE;', '&fjlig;', '&', '&;', '&#;', '&#x;', 'a&b c',
          '&lt&gt', '&copy2019', '&Aacute', '&aacutex', '&thinsp;', 'no refs', '&' + 'a' * 40,
          '&nbsp&nbsp;', '&#x1F600;', '&#128512']:
    print(repr(s), repr(html.unescape(s)))
print(len(ent.html5), len(ent.name2codepoint), len(ent.codepoint2name), len(ent.entitydefs))
print(ent.name2codepoint['amp'], ent.codepoint2name[169], ent.entitydefs['lt'],
      repr(ent.html5['nbsp']), ent.html5['acE;'] == '\u223e\u0333', 'amp' in ent.html5,
      'notin' in ent.html5, ent.name2codepoint['lang'], repr(ent.html5['lang;']))
print(sorted(ent.html5)[:6], sorted(ent.name2codepoint)[-3:], sorted(ent.__all__))


class Recorder(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(('start', tag, attrs, self.get_starttag_text(), self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(('startend', tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(('end', tag, self.getpos()))

    def handle_data(self, data):
        self.events.append(('data', data))

    def handle_comment(self, data):
        self.events.append(('comment', data))

    def handle_decl(self, decl):
        self.events.append(('decl', decl))

    def handle_pi(self, data):
        self.events.append(('pi', data))

    def handle_charref(self, name):
        self.events.append(('charref', name))

    def handle_entityref(self, name):
        self.events.append(('entityref', name))

    def unknown_decl(self, data):
        self.events.append(('unknown_decl', data))


def run(src, chunks=None, **kw):
    p = Recorder(**kw)
    try:
        if chunks:
            for c in chunks:
                p.feed(c)
        else:
            p.feed(src)
        p.close()
    except AssertionError as e:
        p.events.append(('AssertionError', str(e)))
    return p.events


DOCS = [
    '<!DOCTYPE html>\n<html lang="en"><head><title>T &amp; C</title></head>\n<body></body></html>',
    '<p class=intro id="x" data-v=\'1\' hidden>Hello&nbsp;world &copy; 2024 &#169; &#xA9;</p>',
    '<a href="/x?a=1&amp;b=2" title=\'it&#39;s\'>link</a><br/><img src=x.png />',
    '<DIV CLASS="A"><Span>mixed</SPAN></div>',
    '<script>if (a < b && c > d) { x = "</div>"; }</script><style>p > a {}</style>',
    '<script>a</scriptx>b</SCRIPT >after',
    '<!-- a comment -- > <!----> <!--x--!> text',
    '<?xml version="1.0"?><?php echo 1 ?>',
    '<![CDATA[ raw <data> ]]><![if !IE]>ie<![endif]>',
    '<![foo[x]]>',
    '</>  </ x> </p foo="bar"> <!bogus> </3>',
    '<a b c=d e = "f" g==h i=\'j k\' l="m n" /o>',
    '<input value="a&amp;b&lt;c" disabled selected=selected>',
    '<a href=\'unclosed>text', '<a x= "unclosed>z</a>', '<a x=="y>z</a>',
    'a < b > c & d &unknown; &#xyz; &#12a; &lt',
    'text &amp more &ampere; &notin &notit; &#1234 &#x12G',
    '<p>unterminated', '<p', 'x<', '<a/b>', '<a\tb\nc\r\fd>', '<a b=/>', '<a b="/">',
    'line1\nline2 <b>\n<i>x</i></b>\n\n<u>y</u>',
    '<scrIPT type="text/javascript">document.write("<p>&amp;</p>");</script>',
    '<style>unclosed', '<!DOCTYPE unclosed', '<!-- unclosed', '<?pi unclosed',
]
for doc in DOCS:
    print(repr(doc))
    print('  cc ', run(doc))
    print('  raw', run(doc, convert_charrefs=False))

# Incremental feeding gives the same events as one feed.
doc = '<div id="a">Caf&eacute; &amp; <b>bar</b><!-- c --><script>1<2</script></div>'
whole = run(doc)
print(all(run(doc, [doc[:i], doc[i:]]) == whole for i in range(len(doc) + 1)))
print(run(doc, list(doc)) == whole)
print(run('', ['<a hr', 'ef="x', '">t', 'ext &am', 'p; y</a', '>']))
print(run('', ['&#3', '9;', '&am', 'p;x'], convert_charrefs=False))


class Plain(HTMLParser):
    pass


p = Plain()
p.feed('<a href="x">y</a>')
print(p.get_starttag_text(), p.getpos(), p.lasttag, p.rawdata, p.convert_charrefs)
p.feed('<b>tail')
print(repr(p.rawdata), p.getpos())
p.reset()
print(p.getpos(), repr(p.rawdata), p.get_starttag_text())
p.close()
print(HTMLParser.CDATA_CONTENT_ELEMENTS)


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            self.links.append(dict(attrs).get('href'))


c = Collect()
c.feed('<ul><li><a href="/one">1</a><li><A HREF=/two>2</A><li><a name=x>3</a></ul>')
c.close()
print(c.links)
