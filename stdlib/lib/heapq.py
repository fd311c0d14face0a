"""Heap queue algorithm (a.k.a. priority queue).

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all
k, counting from 0; a[0] is then the smallest item.  Only < is used to
compare items, as in CPython.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap
    invariant."""
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item.

    This is more efficient than heappop() followed by heappush(), and the
    returned item may be larger than item."""
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards the root until its parent is not larger.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Move the item at pos down to a leaf along the path of smaller
    # children, then bubble it back up: fewer comparisons on average than
    # stopping early (Knuth, exercise 5.2.3-18).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


# Max-heap variants, used by merge(reverse=True).

def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Similar to sorted(itertools.chain(*iterables)) but returns a generator,
    does not pull the data into memory all at once, and assumes that each
    of the input streams is already sorted (smallest to largest, or
    largest to smallest with reverse=True)."""
    if reverse:
        _heapify_, _heappop_, _heapreplace_ = \
            _heapify_max, _heappop_max, _heapreplace_max
    else:
        _heapify_, _heappop_, _heapreplace_ = heapify, heappop, heapreplace
    # Heap entries are [key, order, value, iterator]; order breaks ties so
    # that equal items keep the order of their input streams (stability)
    # and values are never compared directly.
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([value if key is None else key(value),
                      order * (-1 if reverse else 1), value, it])
            break
    _heapify_(h)
    while len(h) > 1:
        s = h[0]
        yield s[2]
        for value in s[3]:
            s[0] = value if key is None else key(value)
            s[2] = value
            _heapreplace_(h, s)
            break
        else:
            _heappop_(h)
    if h:
        yield h[0][2]
        yield from h[0][3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]"""
    if n <= 0:
        return []
    # Decorate with the input position so ties keep their input order and
    # the items themselves are only compared through their keys.
    it = iter(iterable)
    result = []
    for order, elem in enumerate(it):
        k = elem if key is None else key(elem)
        if len(result) < n:
            result.append((k, order, elem))
            if len(result) == n:
                _heapify_max(result)
        elif k < result[0][0]:
            _heapreplace_max(result, (k, order, elem))
    result.sort()
    return [elem for k, order, elem in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]"""
    if n <= 0:
        return []
    # Negated positions make earlier items win ties, matching the stable
    # sorted(..., reverse=True) order.
    result = []
    for order, elem in enumerate(iterable):
        k = elem if key is None else key(elem)
        if len(result) < n:
            result.append((k, -order, elem))
            if len(result) == n:
                heapify(result)
        elif result[0][0] < k:
            heapreplace(result, (k, -order, elem))
    result.sort(reverse=True)
    return [elem for k, order, elem in result]
