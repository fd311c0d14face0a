# Building and dropping millions of objects, reference cycles included, runs in flat memory.
# The resident set size after a warm-up round must not keep growing over the next rounds.


def rss_kib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


def churn(n):
    total = 0
    for i in range(n):
        a = Node(i)
        b = Node([i, str(i), (i, i + 1.5)])
        a.other = b
        b.other = a          # a cycle: only a tracing collector reclaims it
        d = {'a': a, 'self': None}
        d['self'] = d        # a dict that contains itself
        total += a.value
    return total


churn(200_000)
baseline = rss_kib()
for _ in range(5):
    churn(200_000)
growth_mib = (rss_kib() - baseline) / 1024
print('rounds done:', churn(10))
print('memory flat:', growth_mib < 64)
