# urllib.parse: splitting, joining, result attributes, quoting and query strings.
from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag,
                          quote, quote_plus, quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode, parse_qs, parse_qsl, ParseResult,
                          SplitResult, DefragResult, ParseResultBytes, SplitResultBytes)
import urllib.parse


def show(label, fn, *args, **kw):
    try:
        print(label, repr(fn(*args, **kw)))
    except Exception as e:
        print(label, type(e).__name__, e)


for u in ['http://www.Example.com:80/a/b;p?q=1&r=2#frag', 'HTTPS://user:pw@host/x',
          'mailto:someone@example.com', 'file:///etc/passwd', '//netloc/only', 'path/only',
          ' \t http://a/b\nc\r', 'http://[::1]:8080/', 'http://[fe80::1%25eth0]/',
          'x:1', '1x:y', 'a+b-c.d://n/p', 'http:/p', 'http://h?q#f?g', 'tel:+1-23;ext=4',
          'http://h/a;b/c;d?x', '', b'http://h/p?q#f', 'http://[v7.abc]/']:
    show('urlparse', urlparse, u)
    show('urlsplit', urlsplit, u)
show('nofrag', urlsplit, 'http://h/p#f?x', allow_fragments=False)
show('scheme default', urlparse, '//h/p', 'ftp')
show('scheme default bytes', urlparse, b'//h/p', b'ftp')
show('mix', urlparse, b'//h/p', 'ftp')
show('ipv6 bad', urlsplit, 'http://[::1/')
show('ipv6 bad2', urlsplit, 'http://::1]/')
show('ipv6 bad3', urlsplit, 'http://[zz]/')
show('ipv4 brackets', urlsplit, 'http://[1.2.3.4]/')
show('ipvfuture bad', urlsplit, 'http://[vx.1]/')

r = urlparse('http://User:Pass@WWW.Host.COM:8042/over/there?name=ferret#nose')
print(r, r.username, r.password, r.hostname, r.port, r.geturl())
print(r._replace(scheme='https', netloc='h').geturl(), isinstance(r, tuple), r[1], len(r))
for n in ['h:0', 'h:65535', 'h:65536', 'h:-1', 'h:abc', 'h:', 'h', 'u@h', 'u:@h', ':p@h:1',
          '[::1]', '[::1]:9', '[FE80::A%Zone]:1', 'h:１２']:
    s = urlsplit('http://' + n + '/')
    try:
        port = s.port
    except ValueError as e:
        port = 'ValueError: %s' % e
    print(repr(n), s.username, s.password, s.hostname, port)
b = urlsplit(b'http://u:p@H:81/x')
print(b, b.username, b.password, b.hostname, b.port, b.geturl())
try:
    urlsplit(b'http://h:x/').port
except ValueError as e:
    print('ValueError', e)
print(b.decode(), urlsplit('http://h/x').encode('ascii'), type(b).__name__)
print(urldefrag('http://h/p?q#frag'), urldefrag('http://h/p'), urldefrag(b'a#b'))
print(urldefrag('a#b').geturl(), urldefrag(b'a#').geturl(), DefragResult('u', 'f'))
print(urlunparse(('http', 'h', '/p', 'a', 'q', 'f')), urlunsplit(('http', 'h', 'p', '', '')))
print(urlunsplit(('http', '', '/p', '', '')), urlunsplit(('', '', '//p', '', '')),
      urlunsplit(('mailto', '', 'x@y', '', '')), urlunparse((b'http', b'h', b'', b'', b'q', b'')))
print(SplitResult('a', 'b', 'c', 'd', 'e'), ParseResultBytes(*[b''] * 6))

base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x',
            'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../',
            '../../g', '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..',
            '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y',
            'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'http:', 'https:g',
            'a//b', '../x//y/..']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('http://a/b/', '../../..'), urljoin('', 'x'), urljoin('http://a', ''),
      urljoin(b'http://a/b', b'c'), urljoin('svn+ssh://h/a/b', 'c'),
      urljoin('mailto:a@b', 'c'), urljoin('http://a/b#f', '#g', allow_fragments=False))
show('join mix', urljoin, 'http://a/', b'x')

for s in ['abc', 'a b&c=d/é', '', '~_.-', '/path/ with/slash', 'ü€😀']:
    print(repr(s), quote(s), quote(s, safe=''), quote_plus(s), quote_plus(s, safe='/'))
print(quote(b'a b\xff'), quote_plus(b'a b+'), quote('é', encoding='latin-1'),
      quote('é€', encoding='ascii', errors='replace'), quote('a/b', safe=b'/'),
      quote_from_bytes(b'\x00a/', safe='é/'), quote_from_bytes(bytearray(b'x y')))
show('quote bytes enc', quote, b'x', encoding='utf-8')
show('quote bytes err', quote, b'x', errors='strict')
show('quote int', quote, 5)
show('quote_from_bytes str', quote_from_bytes, 'x')
show('quote strict', quote, 'é', encoding='ascii')
for s in ['abc', '%41%42', '%4', '%zz%41', 'a+b', '%C3%A9', '%C3', 'é%C3%A9', '%e9',
          '%%41', '100%', '']:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), repr(unquote_to_bytes(s)),
          repr(unquote(s, encoding='latin-1')))
print(unquote(b'%41%C3%A9'), unquote_to_bytes(b'a%2Fb'), unquote('%e9', errors='strict'
      if False else 'ignore'), unquote_plus('a+%2B'))
show('unquote None', unquote, None)
show('unquote_to_bytes None', unquote_to_bytes, None)
show('unquote strict', unquote, '%ff', errors='strict')

print(urlencode({'a': 1, 'b': 'x y', 'c': 'é&=', 'd': b'\xff', b'k': None}))
print(urlencode([('a', [1, 2]), ('b', 'xy'), ('c', (b'p', 'q'))], doseq=True))
print(urlencode([('a', [1, 2]), ('b', 3)]), urlencode({'p': '/x y'}, safe='/'))
print(urlencode({'s': 'a b'}, quote_via=quote), urlencode({'e': 'é'}, encoding='latin-1'))
print(urlencode([]), urlencode({}), urlencode({'x': 5}, doseq=True))
show('urlencode bad', urlencode, 'abc')
show('urlencode bad2', urlencode, [1, 2])
show('urlencode bad3', urlencode, 5)

for q in ['a=1&b=2&a=3', 'a=&b', 'a=1;b=2', '&&a=1&', 'a+b=c+d&e=%41%zz', 'x=%C3%A9',
          '=v', 'a==b', '']:
    print(repr(q), parse_qsl(q), parse_qsl(q, keep_blank_values=True), parse_qs(q),
          parse_qs(q, True))
print(parse_qsl(b'a=1&b=%41+'), parse_qs(b'a=1&a=2'), parse_qsl('a=1;b=2', separator=';'))
print(parse_qsl('x=%E9', encoding='latin-1'), parse_qsl('x=%E9'))
show('strict empty', parse_qsl, 'a=1&&b=2', strict_parsing=True)
show('strict bad', parse_qsl, 'a=1&b', strict_parsing=True)
show('max fields', parse_qsl, 'a=1&b=2&c=3', max_num_fields=2)
print(parse_qsl('a=1&b=2', max_num_fields=2))
show('separator', parse_qsl, 'a=1', separator='')
show('separator None', parse_qsl, 'a=1', separator=None)
show('bytes nonascii', parse_qsl, b'a=%C3%A9')
print(urllib.parse.unwrap('<URL:http://h/>'), 'ftp' in urllib.parse.uses_netloc,
      sorted(urllib.parse.__all__)[:3])
