# Exercises codecs: lookup and aliases, encode/decode through text codecs and the
# hex/base64/rot13 ones, getencoder/getdecoder, BOMs, codecs.open, and the errors
# (wrapped with the codec's name as CPython does).
import codecs
import os
print([codecs.lookup(n).name for n in ['UTF8', 'utf_8', 'latin_1', 'ISO-8859-1', 'ascii', 'US-ASCII', 'hex', 'rot13', 'base64', 'utf-8-sig', 'UTF_8_SIG']])
ci = codecs.lookup('utf-8')
print(ci.encode('é'), ci.decode(b'\xc3\xa9'), type(ci).__name__, isinstance(ci, tuple), ci[0] is ci.encode, repr(ci).startswith('<codecs.CodecInfo object for encoding utf-8 at 0x'))
print(codecs.encode('héllo'), codecs.encode('héllo', 'latin-1'), codecs.decode(b'h\xc3\xa9', 'utf-8'), codecs.decode(b'h\xe9', 'latin_1'))
print(codecs.encode('é', 'ascii', 'replace'), codecs.encode('é', 'ascii', 'ignore'), codecs.decode(b'\xff', 'utf-8', 'replace'), codecs.decode(b'a\xffb', 'ascii', 'ignore'))
print(codecs.encode(b'abc', 'hex'), codecs.decode(b'616263', 'hex'), codecs.decode('616263', 'hex'), codecs.encode(bytearray(b'\x00\xff'), 'hex'))
print(codecs.encode('Hello, World!', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
print(codecs.encode(b'hi there', 'base64'), codecs.decode(b'aGk=\n', 'base64'))
print(codecs.decode(b'\xef\xbb\xbfabc', 'utf-8-sig'), codecs.decode(b'abc', 'utf-8-sig'), codecs.encode('abc', 'utf-8-sig'))
print(codecs.getencoder('utf-8')('hé'), codecs.getdecoder('latin-1')(b'h\xe9'), codecs.encode('x', 'utf-8', 'bogus'))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16 in (codecs.BOM_LE, codecs.BOM_BE), codecs.BOM == codecs.BOM_UTF16)
with codecs.open('_codecs_tmp.txt', 'w', encoding='utf-8') as f:
    f.write('line é\r\nnext\n')
with open('_codecs_tmp.txt', 'rb') as f:
    print(f.read())
with codecs.open('_codecs_tmp.txt', 'r', encoding='utf-8') as f:
    print(repr(f.read()))
with codecs.open('_codecs_tmp.txt', 'rb') as f:
    print(f.read())
os.remove('_codecs_tmp.txt')


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: codecs.lookup('nope'))
show(lambda: codecs.encode('x', 'nope'))
show(lambda: codecs.encode('abc', 'hex'))
show(lambda: codecs.decode(b'61626', 'hex'))
show(lambda: codecs.encode('é', 'ascii'))
show(lambda: codecs.encode(b'x', 'utf-8'))
show(lambda: codecs.decode('x', 'utf-8'))
show(lambda: codecs.decode(b'\xff', 'utf-8'))
show(lambda: codecs.encode(1, 'latin-1'))
show(lambda: codecs.encode('x', 'utf-8', 'bogus') + codecs.encode('é', 'ascii', 'bogus'))
show(lambda: codecs.lookup(1))
show(lambda: codecs.open('_no_such_dir/x.txt', 'r', encoding='utf-8'))
