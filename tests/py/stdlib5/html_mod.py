# html: escape/unescape and the entity tables.
import html
import html.entities as ent

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
