import textwrap
from textwrap import TextWrapper

text = ("The quick brown fox jumped over the lazy dog.  Mr. Smith went to "
        "Washington. Is it well-known? Yes!  It is a long-established, "
        "hard-to-find, self-explanatory thing--really--with supercalifragilisticexpialidocious words.\t"
        "Tabs\there and\nnewlines\r\nand  double  spaces.")
for w in (1, 5, 10, 12, 20, 33, 70, 200):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_long_words=False))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 25, break_on_hyphens=False, break_long_words=False))
print(textwrap.wrap(text, 25, fix_sentence_endings=True))
print(textwrap.wrap(text, 25, replace_whitespace=False))
print(textwrap.wrap(text, 25, drop_whitespace=False))
print(textwrap.wrap(text, 25, expand_tabs=False))
print(textwrap.wrap("a\tb\tc\td", 8, tabsize=4))
print(textwrap.wrap(text, 25, max_lines=3))
print(textwrap.wrap(text, 25, max_lines=3, placeholder=' ...'))
print(textwrap.wrap(text, 25, max_lines=1))
print(textwrap.wrap("hello world foo", 11, max_lines=1))
print(textwrap.wrap("short", 25, max_lines=1))
print(textwrap.wrap("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bb", 10, max_lines=2))
print(textwrap.wrap("   leading and trailing   ", 10))
print(textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("    ", 10), textwrap.fill("", 5))
print(textwrap.wrap("one two", 10, initial_indent='>>>>>>>>'))
print(textwrap.wrap("a-b-c-d-e-f-g-h", 4))
print(textwrap.wrap("--foo--bar-- x-y -- -a- a--b 123-456 foo-1 1-foo", 6))
print(textwrap.wrap("what's it's don't e.g. i.e. U.S.A. end.", 7))
print(textwrap.wrap("Hello. World! Why? Yes.\" No.' ok", 8, fix_sentence_endings=True))
print(textwrap.wrap("éèà-ööö überlänge-wort ñ", 6))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world!", width=10, placeholder="..."))
print(textwrap.shorten(text, 40))
print(textwrap.shorten("  \t ", 5))
for kw in ({'width': 0}, {'width': -1}, {'width': 5, 'max_lines': 2, 'placeholder': ' [.......]'},
           {'width': 5, 'max_lines': 1, 'initial_indent': 'xxxxx'}):
    try:
        print(textwrap.wrap("some words here to wrap", **kw))
    except Exception as e:
        print(type(e).__name__, e)
try:
    textwrap.shorten("abc def", 3)
except Exception as e:
    print(type(e).__name__, e)
try:
    textwrap.wrap(5)
except Exception as e:
    print(type(e).__name__)

w = TextWrapper(width=15, initial_indent='- ')
print(w.width, w.initial_indent, repr(w.subsequent_indent), w.expand_tabs, w.replace_whitespace,
      w.fix_sentence_endings, w.break_long_words, w.drop_whitespace, w.break_on_hyphens,
      w.tabsize, w.max_lines, repr(w.placeholder))
print(w.wrap("alpha beta gamma delta epsilon"))
w.width = 8
print(w.fill("alpha beta gamma delta epsilon"))
for s in ["  a\n  b\n", "\ta\n\tb", "  a\n\tb\n", "    x\n  y\n      z", "\n\n  a\n   \n  b\n",
          "no indent\n  x", "  \t a\n  \t b", "   \n", "", "  same\r\n  crlf\r\n"]:
    print(repr(textwrap.dedent(s)))
for s, p, pred in [("a\nb\n\nc", "> ", None), ("a\n  \nb", "+", None), ("x\r\ny\rz", "#", None),
                   ("a\n\nb", "* ", lambda l: True), ("ab\ncd\n", "-", lambda l: 'a' in l), ("", "x", None)]:
    print(repr(textwrap.indent(s, p, pred)))
print(sorted(textwrap.__all__))
