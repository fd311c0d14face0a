# Exercises textwrap: wrap/fill options, hyphen and em-dash splitting,
# long words, max_lines/placeholder, shorten, dedent and indent.
import textwrap
from textwrap import TextWrapper, wrap, fill, shorten, dedent, indent


from _show import show


text = ("The quick brown fox jumps over the lazy dog. It was a well-known "
        "self-evident truth -- or so they said--that text-wrapping is "
        "surprisingly hard to get right!  Supercalifragilisticexpialidocious "
        "words, e.g. pneumonoultramicroscopicsilicovolcanoconiosis, break.")
for width in (1, 5, 10, 12, 15, 20, 30, 45, 70, 200):
    print(width, wrap(text, width))
print(fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(wrap(text, 25, break_long_words=False))
print(wrap(text, 25, break_on_hyphens=False))
print(wrap(text, 18, break_long_words=False, break_on_hyphens=False))
print(wrap('  leading and trailing   ', 10))
print(wrap('  leading and trailing   ', 10, drop_whitespace=False))
print(wrap('tab\there\tand\tthere', 12), wrap('tab\there', 30, expand_tabs=False),
      wrap('tab\there', 30, tabsize=4), wrap('a\tb', 30, replace_whitespace=False, expand_tabs=False))
print(wrap('line one\nline two\r\nthree', 40), wrap('', 10), wrap('   ', 10))
print(wrap('Hello there.  How are you? I am "fine." Yes! ok', 80, fix_sentence_endings=True))
print(wrap('Mr. Smith went. Dr. Who?', 80, fix_sentence_endings=True))
words = 'one two three four five six seven eight nine ten eleven twelve'
for n in (1, 2, 3, 5):
    print(n, wrap(words, 15, max_lines=n), wrap(words, 15, max_lines=n, placeholder='...'))
print(wrap('aaaaaaaaaaaaaaaaaaaa bbb', 10, max_lines=1))
print(wrap('short', 10, max_lines=1), wrap('word ' * 3, 12, max_lines=2))
print(wrap('hello world foo', 11, max_lines=2, placeholder=' [..]'))
show('placeholder big', lambda: wrap('x', 4, max_lines=1, placeholder=' [...]'))
show('width 0', lambda: wrap('abc', 0))
print(wrap('well-known-hyphen-chain a-b x--y --z -- end', 8))
print(wrap('e-mail re-use co-op ab-cd-ef x-1 1-x --a b-- ---', 6))
print(wrap('hyphen------------------dashes', 10), wrap('-------', 3))
print(wrap('self-contained', 7), wrap('self-contained', 4))
print(wrap('Hello—world—unicode dash and naïve café-au-lait', 12))
w = TextWrapper(width=20, initial_indent='>>> ', subsequent_indent='... ')
print(w.wrap(text[:80]), w.fill('short'))
print(w.width, w.max_lines, w.placeholder, w.break_on_hyphens)

print(shorten('Hello  world!', width=12), '|', shorten('Hello  world!', width=11))
print(shorten('Hello world!', width=10, placeholder='...'), '|', shorten(text, 50))
print(repr(shorten('', 5)), repr(shorten('   spaces   everywhere  ', 40)))
show('shorten small', lambda: shorten('hello world', 3))

print(repr(dedent('''\
    def f():
        return 1
    ''')))
print(repr(dedent('  a\n\tb\n')), repr(dedent('    x\n  \n      y\n')), repr(dedent('\t\tx\n\t  y')))
print(repr(dedent('no indent\n  some')), repr(dedent('   \n  a\n   \n  b')), repr(dedent('')))
print(repr(dedent('  a\r\n  b\r\n')), repr(dedent('   ')), repr(dedent('  x\n \ty')))
print(repr(indent('a\n\nb\n  \nc', '> ')), repr(indent('a\nb', '+', lambda l: True)))
print(repr(indent('x\r\ny\rz', '- ')), repr(indent('', '# ')))
