# difflib's text diffs: ndiff/Differ (with '?' hint lines), unified_diff, context_diff,
# restore and the junk predicates.
import difflib
import sys

text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
d = difflib.Differ()
result = list(d.compare(text1, text2))
sys.stdout.writelines(result)
print("--- restore")
print(''.join(difflib.restore(result, 1)), end="")
print(''.join(difflib.restore(result, 2)), end="")
try:
    list(difflib.restore(result, 3))
except ValueError as e:
    print("ValueError:", e)

print("--- ndiff with tabs and whitespace hints")
diff = difflib.ndiff(['\tone\n', 'two  three\n', 'ore\n'],
                     ['\tonx\n', 'two three\n', 'tree\n', 'emu\n'])
print(''.join(diff), end="")

print("--- ndiff of lines without newlines")
for line in difflib.ndiff(["abcdefg", "hello world", "same"],
                          ["abXdefgh", "hello, world!", "same", "extra"]):
    print(repr(line))

print("--- plain replace (nothing similar)")
print(''.join(difflib.ndiff(["aaaa\n", "bbbb\n"], ["zzzzzz\n", "yyyyyy\n", "xxxxxx\n"])), end="")
print(''.join(difflib.ndiff(["qqqq\n", "rrrr\n", "ssss\n"], ["zz\n"])), end="")

print("--- synchronising on an identical line inside a replace")
print(''.join(difflib.ndiff(["a\n", "b\n", "c\n", "same\n", "d\n"],
                            ["x\n", "same\n", "y\n", "z\n"])), end="")

print("--- linejunk")
a = ["line\n", "\n", "# \n", "other\n"]
b = ["line\n", "other\n", "\n"]
print(''.join(difflib.ndiff(a, b, linejunk=difflib.IS_LINE_JUNK)), end="")
for s in ("\n", "  #  \n", "x\n", " # x\n", ""):
    print(repr(s), difflib.IS_LINE_JUNK(s))
print([difflib.IS_CHARACTER_JUNK(c) for c in " \tx\n"])

print("--- unified_diff")
s1 = ['bacon\n', 'eggs\n', 'ham\n', 'guido\n']
s2 = ['python\n', 'eggy\n', 'hamster\n', 'guido\n']
sys.stdout.writelines(difflib.unified_diff(s1, s2, fromfile='before.py', tofile='after.py'))
sys.stdout.writelines(difflib.unified_diff(s1, s2, 'a', 'b', 'Mon Jan  1', 'Tue Jan  2', n=0))
for line in difflib.unified_diff('one two three four'.split(), 'zero one tree four'.split(),
                                 'Original', 'Current', lineterm=''):
    print(line)
print(list(difflib.unified_diff(s1, s1)))

a = ['%d\n' % i for i in range(30)]
b = a[:3] + a[4:20] + ['new\n'] + a[20:]
b.append('end\n')
sys.stdout.writelines(difflib.unified_diff(a, b))
sys.stdout.writelines(difflib.unified_diff([], ['only\n']))
sys.stdout.writelines(difflib.unified_diff(['gone\n'], []))

print("--- context_diff")
sys.stdout.writelines(difflib.context_diff(s1, s2, fromfile='before.py', tofile='after.py'))
sys.stdout.writelines(difflib.context_diff(a, b, n=1))
sys.stdout.writelines(difflib.context_diff([], ['only\n'], 'x', 'y'))
sys.stdout.writelines(difflib.context_diff(['gone\n', 'kept\n'], ['kept\n'], 'x', 'y',
                                           '2020', '2021'))

print("--- type checks")
for args in (([b'a'], ['a']), (['a'], [b'a']), (['a'], ['b'], b'name')):
    try:
        list(difflib.unified_diff(*args))
    except TypeError as e:
        print("TypeError:", e)

print("--- Differ with charjunk")
d = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
print(''.join(d.compare(["the quick brown fox\n"], ["the  quick brown  fax\n"])), end="")
