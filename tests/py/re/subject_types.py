# re on subjects of every kind: CPython's TypeErrors for non-strings, bytes results for
# bytearray and memoryview subjects.
import re
for pat, subj in [('a', 5), ('a', [1]), (b'a', 'x'), ('a', b'x'), (b'a', [1]), ('a', None), ('a', bytearray(b'a')), (b'a', memoryview(b'a'))]:
    for fn in (lambda: re.search(pat, subj), lambda: re.sub(pat, 'b' if isinstance(pat, str) else b'b', subj),
               lambda: list(re.finditer(pat, subj)), lambda: re.findall(pat, subj), lambda: re.split(pat, subj),
               lambda: re.fullmatch(pat, subj)):
        try:
            r = fn()
            print('ok', type(r).__name__)
        except TypeError as e:
            print('TypeError', e)
for subj in (bytearray(b'xaybaz'), memoryview(b'xaybaz')):
    print(re.sub(b'a', b'-', subj), re.split(b'(a)', subj), re.findall(b'a(.)', subj), re.search(b'a(.)', subj).group(0, 1),
          type(re.search(b'a', subj).string).__name__)
print(re.sub(b'a(.)', br'<\1>', bytearray(b'xaybaz')))
class S(str): pass
print(type(re.search('a', S('xay')).group()).__name__, type(re.sub('a', 'b', S('xa'))).__name__)
