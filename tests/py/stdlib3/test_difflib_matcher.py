# difflib.SequenceMatcher: matching blocks, opcodes, ratios, junk and popularity
# heuristics, and get_close_matches.
import difflib
import random

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes())
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print(s.find_longest_match(0, 5, 0, 4))
print(s.find_longest_match())

s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3))
for block in s.get_matching_blocks():
    print("a[%d] and b[%d] match for %d elements" % block)
for opcode in s.get_opcodes():
    print("%6s a[%d:%d] b[%d:%d]" % opcode)

# Junk only matters at the edges of an otherwise interesting match.
s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
s = difflib.SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
print(sorted(s.bjunk), s.b2j.get(' '))

# set_seq1 / set_seq2 / set_seqs reuse the b index.
s = difflib.SequenceMatcher()
s.set_seq2("abcdef")
for a in ("abcdef", "fedcba", "xbcdex", ""):
    s.set_seq1(a)
    print(repr(a), s.get_opcodes(), round(s.ratio(), 4))
s.set_seqs("", "")
print(s.ratio(), s.get_opcodes(), s.get_matching_blocks())

# Lists of lines work the same as strings.
a = ["one\n", "two\n", "three\n", "four\n"]
b = ["zero\n", "one\n", "three\n", "four\n", "five\n"]
s = difflib.SequenceMatcher(None, a, b)
print(s.get_opcodes())

# autojunk: in b of 200+ items, items occurring in more than 1% are "popular".
a = "x" * 10 + "abc"
b = "ab" * 150 + "x" * 5 + "abc"
for autojunk in (True, False):
    s = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
    print(autojunk, sorted(s.bpopular), s.get_matching_blocks()[:3], round(s.ratio(), 4))

# get_grouped_opcodes trims context and splits distant changes into hunks.
a = list(map(str, range(1, 40)))
b = a[:]
b[8:10] = ['x']
b[20] = 'y'
b[35:] = []
s = difflib.SequenceMatcher(None, a, b)
for n in (0, 1, 3):
    print(n)
    for group in s.get_grouped_opcodes(n):
        print(" ", group)
print(list(difflib.SequenceMatcher(None, "", "").get_grouped_opcodes()))
print(list(difflib.SequenceMatcher(None, "abc", "abc").get_grouped_opcodes()))

# A larger randomised comparison: the exact blocks depend on the tie-breaking rules.
rnd = random.Random(1234)
total = 0
for i in range(40):
    a = ''.join(rnd.choice('abc ') for _ in range(rnd.randint(0, 40)))
    b = ''.join(rnd.choice('abc ') for _ in range(rnd.randint(0, 40)))
    s = difflib.SequenceMatcher(lambda c: c == ' ' if i % 2 else None, a, b)
    if i < 6:
        print(repr(a), repr(b), s.get_opcodes())
    total += sum(block.size for block in s.get_matching_blocks())
    assert s.quick_ratio() >= s.ratio() and s.real_quick_ratio() >= s.quick_ratio()
print("total matched", total)

m = difflib.Match(1, 2, 3)
print(m, m.a, m.b, m.size, m == (1, 2, 3))

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
import keyword
print(difflib.get_close_matches("wheel", keyword.kwlist))
print(difflib.get_close_matches("pineapple", keyword.kwlist))
print(difflib.get_close_matches("accept", keyword.kwlist))
print(difflib.get_close_matches("lamdba", keyword.kwlist, n=1, cutoff=0.1))
print(difflib.get_close_matches("ab", ["ab", "ba", "abc", "a", "b"], n=10, cutoff=0))
for args in ((0, 0.5), (3, 1.5), (3, -0.1)):
    try:
        difflib.get_close_matches("x", ["x"], *args)
    except ValueError as e:
        print("ValueError:", e)
