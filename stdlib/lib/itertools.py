"""Functions creating iterators for efficient looping.

Most tools are functions that check their arguments (and call iter()) at
once, as CPython does, then return a generator doing the lazy work.
count and repeat are classes because their reprs show their state.
"""

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile',
           'tee', 'zip_longest']


def _index(value):
    # The integer value of an index-like object, with CPython's message.
    if isinstance(value, int):
        return value
    if not hasattr(type(value), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return value.__index__()


def _is_number(value):
    return isinstance(value, (int, float, complex)) or \
        hasattr(type(value), '__index__') or hasattr(type(value), '__float__')


class count:
    """Return a count object whose .__next__() method returns consecutive
    values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return '%s(%r)' % (type(self).__name__, self._value)
        return '%s(%r, %r)' % (type(self).__name__, self._value, step)


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the
    object for the specified number of times.  If not specified, returns
    the object endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            times = max(_index(times), 0)
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._times)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted.  Then
    repeat the sequence indefinitely."""
    it = iter(iterable)

    def gen():
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            for element in saved:
                yield element
    return gen()


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function
    results)."""
    it = iter(iterable)

    def gen():
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total
    return gen()


def chain(*iterables):
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""
    for it in iterables:
        yield from it


def _from_iterable(iterable):
    """Alternative chain() constructor taking a single iterable argument
    that evaluates lazily."""
    it = iter(iterable)

    def gen():
        for iterable in it:
            yield from iterable
    return gen()


chain.from_iterable = _from_iterable


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    data = iter(data)
    selectors = iter(selectors)

    def gen():
        for d, s in zip(data, selectors):
            if s:
                yield d
    return gen()


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true."""
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it
    return gen()


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                return
            yield x
    return gen()


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""
    it = iter(iterable)

    def gen():
        if function is None:
            for x in it:
                if not x:
                    yield x
        else:
            for x in it:
                if not function(x):
                    yield x
    return gen()


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    it = iter(iterable)

    def gen():
        for args in it:
            if type(args) is not tuple:
                args = tuple(args)
            yield function(*args)
    return gen()


def groupby(iterable, key=None):
    """make an iterator that returns consecutive keys and groups from the
    iterable.  Advancing to the next group makes the previous group
    iterator empty."""
    it = iter(iterable)

    def gen():
        # currkey/currvalue: the last item fetched and its key; havevalue is
        # False once a group iterator has handed currvalue out.  owner is
        # the token of the only group iterator still allowed to run.
        currkey = currvalue = tgtkey = owner = None
        havekey = havevalue = False

        def step():
            nonlocal currkey, currvalue, havekey, havevalue
            value = next(it)
            currkey = value if key is None else key(value)
            currvalue = value
            havekey = havevalue = True

        def grouper(tgt, token):
            nonlocal havevalue
            while owner is token:
                if not havevalue:
                    try:
                        step()
                    except StopIteration:
                        return
                if not (tgt is currkey or tgt == currkey):
                    return
                havevalue = False
                yield currvalue

        first = True
        while True:
            owner = None
            # Skip the rest of the current group.
            while True:
                if havekey and (first or not (tgtkey is currkey or
                                              tgtkey == currkey)):
                    break
                try:
                    step()
                except StopIteration:
                    return
            first = False
            tgtkey = currkey
            owner = token = object()
            yield currkey, grouper(tgtkey, token)
    return gen()


_ISLICE_STOP = ('Stop argument for islice() must be None or an integer: '
                '0 <= x <= sys.maxsize.')
_ISLICE_INDEX = ('Indices for islice() must be None or an integer: '
                 '0 <= x <= sys.maxsize.')


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        value = _index(value)
    except TypeError:
        raise ValueError(message) from None
    if value < 0:
        raise ValueError(message)
    return value


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable."""
    if len(args) == 1:
        start, stop, step = 0, _islice_arg(args[0], _ISLICE_STOP), 1
    elif 2 <= len(args) <= 3:
        start = _islice_arg(args[0], _ISLICE_INDEX)
        stop = _islice_arg(args[1], _ISLICE_INDEX)
        step = args[2] if len(args) == 3 else None
        if start is None:
            start = 0
        if step is None:
            step = 1
        else:
            try:
                step = _index(step)
            except TypeError:
                step = 0
            if step <= 0:
                raise ValueError('Step for islice() must be a positive '
                                 'integer or None.')
    elif not args:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d'
                        % (len(args) + 1))
    it = iter(iterable)

    def gen():
        # Consumes exactly what CPython's islice consumes: items up to the
        # next selected index, and never beyond stop.
        cnt = 0
        nxt = start
        while stop is None or cnt < stop:
            while cnt < nxt:
                try:
                    next(it)
                except StopIteration:
                    return
                cnt += 1
            if stop is not None and cnt >= stop:
                return
            try:
                item = next(it)
            except StopIteration:
                return
            cnt += 1
            nxt += step
            if stop is not None and nxt > stop:
                nxt = stop
            yield item
    return gen()


def pairwise(iterable):
    """Return an iterator of overlapping pairs taken from the input
    iterator: pairwise('ABCD') --> AB BC CD"""
    it = iter(iterable)

    def gen():
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b
    return gen()


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)

    # The iterators share a singly linked list of [value, next_link]
    # cells; the cell at the tail is unfilled ([None, None]) until some
    # iterator reaches it and pulls the next value from the source.
    def gen(link):
        while True:
            if link[1] is None:
                try:
                    value = next(it)
                except StopIteration:
                    return
                link[0] = value
                link[1] = [None, None]
            value = link[0]
            link = link[1]
            yield value

    head = [None, None]
    return tuple(gen(head) for _ in range(n))


def zip_longest(*iterables, fillvalue=None):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument.  Missing
    values of exhausted iterables are replaced by fillvalue."""
    iterators = [iter(it) for it in iterables]

    def gen():
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)
    return gen()


def product(*iterables, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops."""
    repeat = _index(repeat)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat

    def gen():
        # Odometer over indices: the rightmost index advances fastest.
        if any(not pool for pool in pools):
            return
        indices = [0] * len(pools)
        while True:
            yield tuple(pool[i] for pool, i in zip(pools, indices))
            for k in reversed(range(len(pools))):
                indices[k] += 1
                if indices[k] < len(pools[k]):
                    break
                indices[k] = 0
            else:
                return
    return gen()


def _check_r(r, default):
    if r is None:
        return default
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the
    iterable."""
    pool = tuple(iterable)
    n = len(pool)
    r = _check_r(r, n)

    def gen():
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return
    return gen()


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the
    iterable."""
    pool = tuple(iterable)
    n = len(pool)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')

    def gen():
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)
    return gen()


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    pool = tuple(iterable)
    n = len(pool)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(r).__name__)
    if r < 0:
        raise ValueError('r must be non-negative')

    def gen():
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
    return gen()
