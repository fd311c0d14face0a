"""Priority queues as binary min-heaps kept in plain lists.

A list is a heap when every item is at most its two children: heap[k] <= heap[2*k + 1] and
heap[k] <= heap[2*k + 2]; heap[0] is then the smallest. Items are compared with < only.
The routines below compare the same items in the same order as CPython's, so the lists they
leave behind are the same item for item (programs print heaps).
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _require_list(heap, function, numbered=True):
    if not isinstance(heap, list):
        which = 'argument 1' if numbered else 'argument'
        shown = 'None' if heap is None else type(heap).__name__
        raise TypeError(f'{function}() {which} must be list, not {shown}')


def _move_up(heap, top, pos):
    """Moves heap[pos] towards index `top` past every ancestor greater than it."""
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        if not item < heap[parent]:
            break
        heap[pos] = heap[parent]
        pos = parent
    heap[pos] = item


def _refill_from_below(heap, pos):
    """Restores the heap below `pos` after heap[pos] was replaced.

    The smaller child moves up level by level down to a leaf, and the new item then moves up
    from there. An item taken from the bottom of the heap usually belongs near the bottom
    again, so this needs fewer comparisons than stopping as soon as it fits (Floyd).
    """
    item = heap[pos]
    top = pos
    end = len(heap)
    child = 2 * pos + 1
    while child < end:
        if child + 1 < end and not heap[child] < heap[child + 1]:
            child += 1
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _move_up(heap, top, pos)


def heappush(heap, item):
    """Adds item to the heap."""
    _require_list(heap, 'heappush')
    heap.append(item)
    _move_up(heap, 0, len(heap) - 1)


def heappop(heap):
    """Removes and returns the smallest item."""
    _require_list(heap, 'heappop', numbered=False)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    smallest, heap[0] = heap[0], last
    _refill_from_below(heap, 0)
    return smallest


def heapreplace(heap, item):
    """Removes and returns the smallest item, then adds item (which may be smaller still)."""
    _require_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    smallest, heap[0] = heap[0], item
    _refill_from_below(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Adds item, then removes and returns the smallest item, in one pass."""
    _require_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _refill_from_below(heap, 0)
    return item


def heapify(x):
    """Rearranges the list x into a heap, in linear time."""
    _require_list(x, 'heapify', numbered=False)
    # Leaves are heaps already; fix the inner nodes from the last one up to the root.
    for pos in range(len(x) // 2 - 1, -1, -1):
        _refill_from_below(x, pos)


class _Front:
    """The next value of one of merge()'s inputs, ordered for a min-heap.

    Ties between equal keys go to the input given first, which makes the merge stable; the
    values themselves are never compared, only their keys.
    """

    __slots__ = ('key', 'index', 'value', 'rest', 'descending')

    def __init__(self, index, rest, descending):
        self.index = index
        self.rest = rest
        self.descending = descending

    def __lt__(self, other):
        if self.descending:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
        else:
            if self.key < other.key:
                return True
            if other.key < self.key:
                return False
        return self.index < other.index


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream, lazily.

    Gives what sorted(itertools.chain(*iterables), key=key, reverse=reverse) would, without
    reading the inputs ahead: each must already be sorted the same way.
    """
    fronts = []
    for index, iterable in enumerate(iterables):
        front = _Front(index, iter(iterable), reverse)
        if _advance(front, key):
            fronts.append(front)
    heapify(fronts)
    while len(fronts) > 1:
        front = fronts[0]
        yield front.value
        if _advance(front, key):
            heapreplace(fronts, front)
        else:
            heappop(fronts)
    if fronts:
        last = fronts[0]
        yield last.value
        yield from last.rest


def _advance(front, key):
    """Moves `front` to its input's next value; False when that input is exhausted."""
    for value in front.rest:
        front.value = value
        front.key = value if key is None else key(value)
        return True
    return False


def _select(n, iterable, key, largest):
    """The n smallest (or largest) items, as sorted(iterable, key=key, reverse=largest)[:n]."""
    if n == 1:
        missing = object()
        pick = max if largest else min
        found = pick(iter(iterable), default=missing, key=key)
        return [] if found is missing else [found]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    # The n best items so far, in a heap whose root is the worst of them. Entries are
    # (key, position, item), the position negated for "largest", so that ties keep their input
    # order and items are only compared through their keys.
    wrap = _Ascending if largest else _Descending
    sign = -1 if largest else 1
    kept = []
    for position, item in enumerate(iterable):
        k = item if key is None else key(item)
        if len(kept) < n:
            kept.append(wrap((k, sign * position, item)))
            if len(kept) == n:
                heapify(kept)
            continue
        worst = kept[0].entry[0]
        if (worst < k) if largest else (k < worst):
            heapreplace(kept, wrap((k, sign * position, item)))
    return [entry[2] for entry in sorted((w.entry for w in kept), reverse=largest)]


class _Ascending:
    """A heap entry for nlargest(): the root is the smallest of the kept entries."""

    __slots__ = ('entry',)

    def __init__(self, entry):
        self.entry = entry

    def __lt__(self, other):
        return self.entry < other.entry


class _Descending(_Ascending):
    """A heap entry for nsmallest(): the root is the greatest of the kept entries."""

    __slots__ = ()

    def __lt__(self, other):
        return other.entry < self.entry


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable: sorted(iterable, key=key)[:n]."""
    return _select(n, iterable, key, largest=False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable: sorted(iterable, key=key, reverse=True)[:n]."""
    return _select(n, iterable, key, largest=True)
