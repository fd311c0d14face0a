# Dicts and strings: word counting, split/join/lower/replace, f-strings, sorting by key.
import sys

WORDS = "the quick brown fox jumps over the lazy dog while seven wizards quietly hex jolly bees".split()


def run(n):
    counts = {}
    parts = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        key = f"{w}-{i % 13}".upper().lower().replace("-", "_")
        counts[key] = counts.get(key, 0) + 1
        if i % 50 == 0:
            parts.append(" ".join(WORDS[i % 5:i % 5 + 4]).strip())
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return len(counts), top[0], len("|".join(parts))


n = int(360_000 * (float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
print(run(n))
