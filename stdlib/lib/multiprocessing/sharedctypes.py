"""Value and Array: numbers and arrays in shared memory, visible to forked children.

minipy has no ctypes, so types are given by struct-style typecodes ('i', 'l', 'd', 'c', ...).
The data lives in a _multiprocessing.SharedBuffer (a MAP_SHARED mapping)."""

import struct

from _multiprocessing import SharedBuffer
from multiprocessing import synchronize

__all__ = ['RawValue', 'RawArray', 'Value', 'Array']

_ctype_names = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short',
    'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
    'q': 'c_longlong', 'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double',
}


def _struct_for(typecode):
    if not isinstance(typecode, str) or typecode not in _ctype_names or typecode == 'u':
        raise TypeError("unsupported typecode %r (minipy's Value and Array take a typecode, "
                        "one of %s)" % (typecode, ''.join(c for c in _ctype_names if c != 'u')))
    return struct.Struct(typecode)


def _check_value(typecode, value):
    if typecode == 'c':
        if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
            raise TypeError("one character bytes, bytearray or integer expected")
    elif typecode in 'fd':
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
    elif not isinstance(value, int):
        raise TypeError("an integer is required (got type %s)" % type(value).__name__)


def _wrap_int(typecode, size, value):
    # ctypes integers wrap around silently rather than raising.
    if typecode in 'cfd':
        return value
    bits = size * 8
    value &= (1 << bits) - 1
    if typecode in 'bhilq' and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


class RawValue:
    """A single value of C type `typecode` in shared memory."""

    def __init__(self, typecode_or_type, *args):
        self._typecode = typecode_or_type
        self._struct = _struct_for(typecode_or_type)
        self._buf = SharedBuffer(self._struct.size)
        if args:
            self.value = args[0]

    @property
    def value(self):
        return self._struct.unpack(self._buf.read(0, self._struct.size))[0]

    @value.setter
    def value(self, v):
        _check_value(self._typecode, v)
        v = _wrap_int(self._typecode, self._struct.size, v)
        self._buf.write(0, self._struct.pack(v))

    def __repr__(self):
        return '%s(%r)' % (_ctype_names[self._typecode], self.value)


class RawArray:
    """A fixed-size array of C type `typecode` in shared memory."""

    def __init__(self, typecode_or_type, size_or_initializer):
        self._typecode = typecode_or_type
        self._struct = _struct_for(typecode_or_type)
        if isinstance(size_or_initializer, int):
            self._length = size_or_initializer
            init = None
        else:
            init = list(size_or_initializer)
            if typecode_or_type == 'c' and isinstance(size_or_initializer, (bytes, bytearray)):
                init = [bytes([b]) for b in size_or_initializer]
            self._length = len(init)
        if self._length < 0:
            raise ValueError("Array length must be >= 0, not %d" % self._length)
        self._buf = SharedBuffer(self._length * self._struct.size)
        if init is not None:
            for i, v in enumerate(init):
                self[i] = v

    def __len__(self):
        return self._length

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("indices must be integers")
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._length))]
        i = self._index(i)
        size = self._struct.size
        return self._struct.unpack(self._buf.read(i * size, size))[0]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            values = list(value)
            if len(values) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for k, v in zip(indices, values):
                self[k] = v
            return
        i = self._index(i)
        _check_value(self._typecode, value)
        value = _wrap_int(self._typecode, self._struct.size, value)
        self._buf.write(i * self._struct.size, self._struct.pack(value))

    def __iter__(self):
        for i in range(self._length):
            yield self[i]

    @property
    def raw(self):
        if self._typecode != 'c':
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        return self._buf.read(0, self._length)

    @raw.setter
    def raw(self, data):
        if self._typecode != 'c':
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        if len(data) > self._length:
            raise ValueError("byte string too long")
        self._buf.write(0, bytes(data))

    @property
    def value(self):
        if self._typecode != 'c':
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        return self.raw.split(b'\0', 1)[0]

    @value.setter
    def value(self, data):
        if self._typecode != 'c':
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        data = bytes(data)
        if len(data) > self._length:
            raise ValueError("byte string too long")
        if len(data) < self._length:
            data += b'\0'
        self._buf.write(0, data)

    def __repr__(self):
        return '<%s_Array_%d %r>' % (_ctype_names[self._typecode], self._length, self[:])


class _Synchronized:
    """Wraps a raw value or array with a (process-shared) lock."""

    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock if lock is not None else synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError('Synchronized objects should only be shared between processes '
                           'through inheritance')

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %r>' % (type(self).__name__, self._obj)


def _locked_attribute(name):
    """A property reading and writing the wrapped object's attribute under the wrapper's lock."""
    def get(self):
        with self._lock:
            return getattr(self._obj, name)

    def set(self, v):
        with self._lock:
            setattr(self._obj, name, v)
    return property(get, set)


class Synchronized(_Synchronized):
    value = _locked_attribute('value')


class SynchronizedArray(_Synchronized):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        return iter(self[:])


class SynchronizedString(SynchronizedArray):
    value = _locked_attribute('value')
    raw = _locked_attribute('raw')


def _lock_for(lock):
    if lock is True:
        return None
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value; with lock (the default) wrapped with an RLock (get_lock())."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array; with lock (the default) wrapped with an RLock (get_lock())."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    cls = SynchronizedString if typecode_or_type == 'c' else SynchronizedArray
    return cls(obj, _lock_for(lock))
