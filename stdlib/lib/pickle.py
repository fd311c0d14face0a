"""Serialise Python objects to bytes and back (CPython's pickle protocols 0 to 5).

dumps(obj) / dump(obj, file) write a pickle, loads(data) / load(file) read one. The default
protocol (4) produces the same bytes as CPython's for the built-in types, so pickles travel
between minipy and CPython in both directions.

Classes and functions are stored by reference (module and qualified name) and looked up again
when loading; instances store their state (__dict__, or what __getstate__ / __reduce__ /
__reduce_ex__ return). Shared and recursive references are preserved through the memo.

Warning: the pickle module is not secure. Loading a pickle can call any importable callable
with any arguments, i.e. run arbitrary code. Only unpickle data you trust; use a format such
as json for data from untrusted sources.
"""

import sys
import io
from struct import pack, unpack
import copyreg
from copyreg import dispatch_table, _extension_registry, _inverted_registry, _extension_cache

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler", "dump",
           "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL", "PickleBuffer"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

bytes_types = (bytes, bytearray)


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


# Protocol 5 out-of-band buffers need the buffer protocol; minipy has none exposed to Python
# yet, so PickleBuffer wraps bytes-like objects only.
class PickleBuffer:
    def __init__(self, buffer):
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
        self._buffer = buffer

    def raw(self):
        return self._buffer

    def release(self):
        self._buffer = None


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000


def encode_long(x):
    """Two's complement little-endian bytes of x, as short as possible (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, byteorder='little', signed=True)


def _getattribute(obj, name):
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't pickle local object %r" % name)
        obj = getattr(obj, subpath)
    return obj


def whichmodule(obj, name):
    """The name of the module where obj (named name there) is defined."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module is None:
            continue
        try:
            if _getattribute(module, name) is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _raw_unicode_escape(s):
    out = []
    for ch in s:
        c = ord(ch)
        if c < 256 and ch not in '\\\0\n\r\x1a':
            out.append(ch)
        elif c < 0x10000:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)
    return ''.join(out).encode('latin-1')


def _raw_unicode_unescape(data):
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b == 0x5c and i + 1 < n and data[i + 1] in (0x75, 0x55):
            width = 4 if data[i + 1] == 0x75 else 8
            digits = data[i + 2:i + 2 + width]
            if len(digits) != width:
                raise UnpicklingError("truncated \\u escape in UNICODE")
            try:
                out.append(chr(int(digits, 16)))
            except ValueError:
                raise UnpicklingError("invalid \\u escape in UNICODE") from None
            i += 2 + width
        else:
            out.append(chr(b))
            i += 1
    return ''.join(out)


class _Framer:
    """Collects protocol-4 output into frames of about 64 KiB, each prefixed by FRAME."""

    def __init__(self, file_write):
        self.file_write = file_write
        self.current_frame = None

    def start_framing(self):
        self.current_frame = bytearray()

    def end_framing(self):
        if self.current_frame is not None:
            self.commit_frame(force=True)
            self.current_frame = None

    def commit_frame(self, force=False):
        f = self.current_frame
        if f is not None and (force or len(f) >= _FRAME_SIZE_TARGET):
            if len(f) >= _FRAME_SIZE_MIN:
                self.file_write(FRAME + pack("<Q", len(f)))
            if f:
                self.file_write(bytes(f))
            self.current_frame = bytearray()

    def write(self, data):
        if self.current_frame is not None:
            self.current_frame += data
        else:
            self.file_write(data)

    def write_large_bytes(self, header, payload):
        # Large payloads go outside any frame so that they are not copied into one.
        if self.current_frame is not None:
            self.commit_frame(force=True)
        self.file_write(header)
        self.file_write(bytes(payload))


class Pickler:
    """Writes pickles of objects to a binary file (anything with a write(bytes) method)."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self._buffer_callback = buffer_callback
        self.framer = _Framer(self._file_write)
        self.write = self.framer.write
        self.memo = {}
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        # Equal module and attribute names share one object, so that they are memoized once
        # (CPython gets the same effect from its interned identifiers).
        self._names = {}

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (self.__class__.__name__,))
        if self.proto >= 2:
            self.write(PROTO + pack("<B", self.proto))
        if self.proto >= 4:
            self.framer.start_framing()
        self.save(obj)
        self.write(STOP)
        self.framer.end_framing()

    def memoize(self, obj):
        if self.fast:
            return
        idx = len(self.memo)
        self.write(self.put(idx))
        self.memo[id(obj)] = idx, obj

    def put(self, idx):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if idx < 256:
                return BINPUT + pack("<B", idx)
            return LONG_BINPUT + pack("<I", idx)
        return PUT + repr(idx).encode("ascii") + b'\n'

    def get(self, i):
        if self.bin:
            if i < 256:
                return BINGET + pack("<B", i)
            return LONG_BINGET + pack("<I", i)
        return GET + repr(i).encode("ascii") + b'\n'

    def persistent_id(self, obj):
        return None

    def _name(self, s):
        return self._names.setdefault(s, s)

    def save(self, obj, save_persistent_id=True):
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        t = type(obj)
        if obj is None:
            self.write(NONE)
        elif obj is True or obj is False:
            if self.proto >= 2:
                self.write(NEWTRUE if obj else NEWFALSE)
            else:
                self.write(TRUE if obj else FALSE)
        elif t is int:
            self.save_long(obj)
        elif t is float:
            self.save_float(obj)
        else:
            x = self.memo.get(id(obj))
            if x is not None:
                self.write(self.get(x[0]))
            else:
                self._save_other(obj, t)
        # Frames end at object boundaries, like CPython's.
        self.framer.commit_frame()

    def _save_other(self, obj, t):
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = getattr(self, "reducer_override", None)
        rv = NotImplemented
        if reduce is not None:
            rv = reduce(obj)
        if rv is NotImplemented:
            table = getattr(self, "dispatch_table", dispatch_table)
            reduce = table.get(t)
            if reduce is not None:
                rv = reduce(obj)
            elif isinstance(t, type) and issubclass(t, type):
                self.save_global(obj)
                return
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is None:
                        raise PicklingError("Can't pickle %r object: %r" % (t.__name__, obj))
                    rv = reduce()
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return string or tuple" % self._reduce_name(t))
        if not 2 <= len(rv) <= 6:
            raise PicklingError("Tuple returned by %s must have two to six elements"
                                % self._reduce_name(t))
        self.save_reduce(obj=obj, *rv)

    @staticmethod
    def _reduce_name(t):
        return "%s.__reduce__" % getattr(t, "__name__", "object")

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
        else:
            try:
                self.write(PERSID + str(pid).encode("ascii") + b'\n')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj_ex__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj_ex__ args has the wrong class")
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                save(_partial_newobj(cls, args, kwargs))
                save(())
                write(REDUCE)
        elif self.proto < 2 and func_name == "__newobj__":
            # Protocols 0 and 1 have no NEWOBJ: CPython's copyreg._reconstructor form.
            cls = args[0]
            base = next(b for b in cls.__mro__ if b.__module__ == 'builtins')
            base_state = None if base is object else base(obj)
            save(copyreg._reconstructor)
            save((cls, base, base_state))
            write(REDUCE)
            if base_state is not None:
                # The base's copy already holds the items.
                listitems = dictitems = None
        elif self.proto >= 2 and func_name == "__newobj__":
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            write(NEWOBJ)
            if state is None or isinstance(state, dict):
                state = _with_slot_state(obj, state)
        else:
            save(func)
            save(args)
            write(REDUCE)

        if obj is not None:
            # A recursive reference saved while saving the arguments: pop the new copy and
            # use the one already in the memo.
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    def save_long(self, obj):
        if self.bin:
            if obj >= 0:
                if obj <= 0xff:
                    self.write(BININT1 + pack("<B", obj))
                    return
                if obj <= 0xffff:
                    self.write(BININT2 + pack("<H", obj))
                    return
            if -0x80000000 <= obj <= 0x7fffffff:
                self.write(BININT + pack("<i", obj))
                return
        if self.proto >= 2:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + pack("<B", n) + encoded)
            else:
                self.write(LONG4 + pack("<i", n) + encoded)
            return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(INT + repr(obj).encode("ascii") + b'\n')
        else:
            self.write(LONG + repr(obj).encode("ascii") + b'L\n')

    def save_float(self, obj):
        if self.bin:
            self.write(BINFLOAT + pack('>d', obj))
        else:
            self.write(FLOAT + repr(obj).encode("ascii") + b'\n')

    def _write_sized(self, short_op, op4, op8, data):
        n = len(data)
        if n <= 0xff and short_op is not None:
            self.write(short_op + pack("<B", n) + data)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large(op8 + pack("<Q", n), data)
        else:
            self._write_large(op4 + pack("<I", n), data)

    def _write_large(self, header, data):
        if len(data) >= _FRAME_SIZE_TARGET:
            self.framer.write_large_bytes(header, data)
        else:
            self.write(header + data)

    def save_bytes(self, obj):
        if self.proto < 3:
            # No bytes opcodes before protocol 3: rebuild from the list of byte values.
            self.save_reduce(bytes, (list(obj),), obj=obj)
            return
        self._write_sized(SHORT_BINBYTES, BINBYTES, BINBYTES8, obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(bytearray, (bytes(obj),) if obj else (), obj=obj)
            return
        n = len(obj)
        self._write_large(BYTEARRAY8 + pack("<Q", n), obj)
        self.memoize(obj)

    def save_str(self, obj):
        if self.bin:
            encoded = obj.encode('utf-8', 'surrogatepass')
            short = SHORT_BINUNICODE if self.proto >= 4 else None
            self._write_sized(short, BINUNICODE, BINUNICODE8, encoded)
        else:
            self.write(UNICODE + _raw_unicode_escape(obj) + b'\n')
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            if self.bin:
                self.write(EMPTY_TUPLE)
            else:
                self.write(MARK + TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            if id(obj) in memo:
                self.write(POP * n + self.get(memo[id(obj)][0]))
            else:
                self.write(_tuplesize2code[n])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            if self.bin:
                write(POP_MARK + get)
            else:
                write(POP * (n + 1) + get)
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        if self.bin:
            self.write(EMPTY_LIST)
        else:
            self.write(MARK + LIST)
        self.memoize(obj)
        if not self.bin:
            for x in obj:
                self.save(x)
                self.write(APPEND)
            return
        n = len(obj)
        if n == 1:
            self.save(obj[0])
            self.write(APPEND)
            return
        # Exact lists are written in MARK ... APPENDS batches even when the last one holds
        # a single item: that is the byte sequence CPython produces.
        i = 0
        while i < n:
            self.write(MARK)
            for x in obj[i:i + _BATCHSIZE]:
                self.save(x)
            self.write(APPENDS)
            i += _BATCHSIZE

    def _batch_appends(self, items):
        if not self.bin:
            for x in items:
                self.save(x)
                self.write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                self.write(MARK)
                for x in batch:
                    self.save(x)
                self.write(APPENDS)
            elif n:
                self.save(batch[0])
                self.write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self.write(EMPTY_DICT)
        else:
            self.write(MARK + DICT)
        self.memoize(obj)
        if not self.bin:
            self._batch_setitems(obj.items())
            return
        n = len(obj)
        if n == 1:
            for k, v in obj.items():
                self.save(k)
                self.save(v)
            self.write(SETITEM)
            return
        items = list(obj.items())
        i = 0
        while i < n:
            self.write(MARK)
            for k, v in items[i:i + _BATCHSIZE]:
                self.save(k)
                self.save(v)
            self.write(SETITEMS)
            i += _BATCHSIZE

    def _batch_setitems(self, items):
        if not self.bin:
            for k, v in items:
                self.save(k)
                self.save(v)
                self.write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for item in it:
                batch.append(item)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                self.write(MARK)
                for k, v in batch:
                    self.save(k)
                    self.save(v)
                self.write(SETITEMS)
            elif n:
                k, v = batch[0]
                self.save(k)
                self.save(v)
                self.write(SETITEM)
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for i in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for item in items[i:i + _BATCHSIZE]:
                self.save(item)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            self.write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
        module_name = self._name(whichmodule(obj, name))
        name = self._name(name)
        try:
            __import__(module_name, level=0)
            module = sys.modules[module_name]
        except (ImportError, KeyError):
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        try:
            obj2 = _getattribute(module, name)
        except AttributeError as e:
            if 'local object' in str(e):
                raise
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))

        if self.proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    self.write(EXT1 + pack("<B", code))
                elif code <= 0xffff:
                    self.write(EXT2 + pack("<H", code))
                else:
                    self.write(EXT4 + pack("<i", code))
                return
        lastname = name.rpartition('.')[2]
        if module is obj:
            name = lastname
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        elif module is obj or '.' in name:
            # Older protocols name one attribute only: reach nested ones through getattr.
            self.save_reduce(getattr, (module if module is obj else _parent(module, name), lastname))
            return
        else:
            if self.fix_imports:
                module_name, name = _to_python2_name(module_name, name)
            try:
                line = (module_name + '\n' + name + '\n').encode("ascii" if self.proto < 3 else "utf-8")
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i"
                                    % (module_name, name, self.proto)) from None
            self.write(GLOBAL + line)
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    dispatch = {}


# Protocols 0-2 are readable by Python 2, where some modules had other names.
_PYTHON3_MODULES = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'exceptions': 'builtins'}
_PYTHON2_EXCEPTIONS = frozenset((
    'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BufferError',
    'BytesWarning', 'DeprecationWarning', 'EOFError', 'EnvironmentError', 'Exception',
    'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'IOError', 'ImportError',
    'ImportWarning', 'IndentationError', 'IndexError', 'KeyError', 'KeyboardInterrupt',
    'LookupError', 'MemoryError', 'NameError', 'NotImplementedError', 'OSError',
    'OverflowError', 'PendingDeprecationWarning', 'ReferenceError', 'RuntimeError',
    'RuntimeWarning', 'StopIteration', 'SyntaxError', 'SyntaxWarning', 'SystemError',
    'SystemExit', 'TabError', 'TypeError', 'UnboundLocalError', 'UnicodeDecodeError',
    'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning',
    'UserWarning', 'ValueError', 'Warning', 'ZeroDivisionError'))


def _to_python2_name(module_name, name):
    if module_name == 'builtins':
        return ('exceptions' if name in _PYTHON2_EXCEPTIONS else '__builtin__'), name
    if module_name == 'copyreg':
        return 'copy_reg', name
    return module_name, name


def _with_slot_state(obj, state):
    """object.__getstate__'s (dict, slots) form for instances with __slots__ values."""
    if obj is None or type(obj).__getstate__ is not object.__getstate__:
        return state
    slots = {}
    for klass in type(obj).__mro__:
        names = klass.__dict__.get('__slots__', ())
        for name in ((names,) if isinstance(names, str) else names):
            if name in ('__dict__', '__weakref__') or name in slots:
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
    if not slots:
        return state
    # minipy keeps slot values with the instance attributes: leave them to the slots part.
    if state is not None:
        state = {k: v for k, v in state.items() if k not in slots} or None
    return (state, slots)


def _parent(module, dotted):
    return _getattribute(module, dotted.rpartition('.')[0])


def _partial_newobj(cls, args, kwargs):
    import functools
    return functools.partial(cls.__new__, cls, *args, **kwargs)


Pickler.dispatch[bytes] = Pickler.save_bytes
Pickler.dispatch[bytearray] = Pickler.save_bytearray
Pickler.dispatch[str] = Pickler.save_str
Pickler.dispatch[tuple] = Pickler.save_tuple
Pickler.dispatch[list] = Pickler.save_list
Pickler.dispatch[dict] = Pickler.save_dict
Pickler.dispatch[set] = Pickler.save_set
Pickler.dispatch[frozenset] = Pickler.save_frozenset
Pickler.dispatch[type] = Pickler.save_type
for _t in (type(len), type(_parent)):
    Pickler.dispatch[_t] = Pickler.save_global
del _t


class _Unframer:
    """Reads from the file, or from the current frame when one is open."""

    def __init__(self, file_read, file_readline):
        self.file_read = file_read
        self.file_readline = file_readline
        self.frame = None
        self.pos = 0

    def read(self, n):
        if self.frame is not None:
            if self.pos == len(self.frame):
                self.frame = None
                return self._read_file(n)
            data = self.frame[self.pos:self.pos + n]
            if len(data) < n:
                raise UnpicklingError("pickle exhausted before end of frame")
            self.pos += n
            return data
        return self._read_file(n)

    def _read_file(self, n):
        data = self.file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def read_opcode(self):
        if self.frame is not None and self.pos < len(self.frame):
            op = self.frame[self.pos]
            self.pos += 1
            return op
        self.frame = None
        data = self.file_read(1)
        if not data:
            raise EOFError("Ran out of input")
        return data[0]

    def readline(self):
        if self.frame is not None:
            if self.pos == len(self.frame):
                self.frame = None
                return self.file_readline()
            end = self.frame.find(b'\n', self.pos)
            if end < 0:
                raise UnpicklingError("pickle exhausted before end of frame")
            line = self.frame[self.pos:end + 1]
            self.pos = end + 1
            return line
        return self.file_readline()

    def load_frame(self, size):
        if self.frame is not None and self.pos != len(self.frame):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        self.frame = bytes(self._read_file(size))
        self.pos = 0


class Unpickler:
    """Reads pickles from a binary file (read(n) and readline() methods).

    Unsafe on untrusted data: loading can call arbitrary importable callables."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (self.__class__.__name__,))
        self._unframer = _Unframer(self._file_read, self._file_readline)
        self.read = self._unframer.read
        self.readline = self._unframer.readline
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        read_opcode = self._unframer.read_opcode
        dispatch = self.dispatch
        try:
            while True:
                key = read_opcode()
                f = dispatch.get(key)
                if f is None:
                    raise UnpicklingError("invalid load key, '%s'." % _key_text(key))
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    def _pop(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            raise UnpicklingError("unpickling stack underflow")
        return self.stack[-1]

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module = _PYTHON3_MODULES.get(module, module)
        __import__(module, level=0)
        mod = sys.modules[module]
        try:
            if self.proto >= 4:
                return _getattribute(mod, name)
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None

    def _readline_checked(self):
        line = self.readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line[:-1]

    def _read_uint(self, fmt, size):
        return unpack(fmt, self.read(size))[0]

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        size = self._read_uint('<Q', 8)
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        self._unframer.load_frame(size)

    def load_persid(self):
        try:
            pid = self._readline_checked().decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self._pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self._readline_checked()
        if data == b'00':
            val = False
        elif data == b'01':
            val = True
        else:
            val = _parse_int(data)
        self.append(val)

    def load_binint(self):
        self.append(self._read_uint('<i', 4))

    def load_binint1(self):
        self.append(self.read(1)[0])

    def load_binint2(self):
        self.append(self._read_uint('<H', 2))

    def load_long(self):
        data = self._readline_checked()
        if data[-1:] == b'L':
            data = data[:-1]
        self.append(_parse_int(data))

    def load_long1(self):
        n = self.read(1)[0]
        self.append(decode_long(self.read(n)))

    def load_long4(self):
        n = self._read_uint('<i', 4)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self.read(n)))

    def load_float(self):
        data = self._readline_checked()
        try:
            self.append(float(data.decode("ascii")))
        except (ValueError, UnicodeDecodeError):
            raise ValueError("could not convert string to float") from None

    def load_binfloat(self):
        self.append(unpack('>d', self.read(8))[0])

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self._readline_checked()
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape_bytes(data)))

    def load_binstring(self):
        n = self._read_uint('<i', 4)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.read(n)))

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))

    def load_binbytes(self):
        n = self._read_uint('<I', 4)
        self.append(bytes(self.read(n)))

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(bytes(self.read(n)))

    def load_binbytes8(self):
        n = self._read_uint('<Q', 8)
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytes(self.read(n)))

    def load_bytearray8(self):
        n = self._read_uint('<Q', 8)
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(bytearray(self.read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers") from None
        self.append(buf.raw() if isinstance(buf, PickleBuffer) else buf)

    def load_readonly_buffer(self):
        buf = self._top()
        if isinstance(buf, bytearray):
            self.stack[-1] = bytes(buf)

    def load_unicode(self):
        self.append(_raw_unicode_unescape(self._readline_checked()))

    def load_binunicode(self):
        n = self._read_uint('<I', 4)
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n = self._read_uint('<Q', 8)
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size of %d bytes" % sys.maxsize)
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def _tuple_n(self, n):
        if len(self.stack) < n:
            raise UnpicklingError("unpickling stack underflow")
        items = tuple(self.stack[len(self.stack) - n:])
        del self.stack[len(self.stack) - n:]
        self.append(items)

    def load_tuple1(self):
        self._tuple_n(1)

    def load_tuple2(self):
        self._tuple_n(2)

    def load_tuple3(self):
        self._tuple_n(3)

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for DICT")
        self.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__"):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" % (klass.__name__, str(err)),
                                err.__traceback__)
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self._readline_checked().decode("ascii")
        name = self._readline_checked().decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        if not args:
            raise UnpicklingError("unpickling stack underflow")
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ expected an arg tuple.")
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self._pop()
        args = self._pop()
        cls = self._pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ_EX class argument must be a type, not %s"
                                  % type(cls).__name__)
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ_EX args argument must be a tuple, not %s"
                                  % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise UnpicklingError("NEWOBJ_EX kwargs argument must be a dict, not %s"
                                  % type(kwargs).__name__)
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self._readline_checked().decode("utf-8")
        name = self._readline_checked().decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self._pop()
        module = self._pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def load_ext1(self):
        self._get_extension(self.read(1)[0])

    def load_ext2(self):
        self._get_extension(self._read_uint('<H', 2))

    def load_ext4(self):
        self._get_extension(self._read_uint('<i', 4))

    def _get_extension(self, code):
        obj = _extension_cache.get(code, _extension_cache)
        if obj is not _extension_cache:
            self.append(obj)
            return
        key = _inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self.append(obj)

    def load_reduce(self):
        args = self._pop()
        func = self._pop()
        if not isinstance(args, tuple):
            raise UnpicklingError("REDUCE expected an arg tuple.")
        self.append(func(*args))

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self.pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self._top())

    def _memo_get(self, idx):
        try:
            self.append(self.memo[idx])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % idx) from None

    def load_get(self):
        self._memo_get(_parse_int(self._readline_checked()))

    def load_binget(self):
        self._memo_get(self.read(1)[0])

    def load_long_binget(self):
        self._memo_get(self._read_uint('<I', 4))

    def _memo_put(self, idx):
        if idx < 0:
            raise ValueError("negative PUT argument")
        self.memo[idx] = self._top()

    def load_put(self):
        self._memo_put(_parse_int(self._readline_checked()))

    def load_binput(self):
        self._memo_put(self.read(1)[0])

    def load_long_binput(self):
        idx = self._read_uint('<I', 4)
        if idx > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self._memo_put(idx)

    def load_memoize(self):
        self.memo[len(self.memo)] = self._top()

    def load_append(self):
        value = self._pop()
        self._top().append(value)

    def load_appends(self):
        items = self.pop_mark()
        lst = self._top()
        if isinstance(lst, list):
            lst.extend(items)
            return
        append = lst.append
        for item in items:
            append(item)

    def load_setitem(self):
        value = self._pop()
        key = self._pop()
        self._top()[key] = value

    def load_setitems(self):
        items = self.pop_mark()
        if len(items) % 2:
            raise UnpicklingError("odd number of items for SETITEMS")
        d = self._top()
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self._top()
        if isinstance(set_obj, set):
            set_obj.update(items)
            return
        add = set_obj.add
        for item in items:
            add(item)

    def load_build(self):
        state = self._pop()
        inst = self._top()
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            if not isinstance(state, dict):
                raise UnpicklingError("state is not a dictionary")
            inst.__dict__.update(state)
        if slotstate:
            if not isinstance(slotstate, dict):
                raise UnpicklingError("slot state is not a dictionary")
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        if self.metastack:
            raise UnpicklingError("unexpected MARK found")
        raise _Stop(self._pop())

    dispatch = {}


def _key_text(key):
    ch = chr(key)
    if ch.isprintable() and key < 128:
        return ch
    return '\\x%02x' % key


def _parse_int(data):
    try:
        return int(data.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        raise ValueError("could not convert string to int") from None


def _unescape_bytes(data):
    out = bytearray()
    i = 0
    n = len(data)
    simple = {0x6e: 10, 0x74: 9, 0x72: 13, 0x5c: 92, 0x27: 39, 0x22: 34, 0x30: 0, 0x61: 7,
              0x62: 8, 0x66: 12, 0x76: 11}
    while i < n:
        b = data[i]
        if b != 0x5c or i + 1 == n:
            out.append(b)
            i += 1
            continue
        c = data[i + 1]
        if c == 0x78:
            try:
                out.append(int(data[i + 2:i + 4].decode("ascii"), 16))
            except (ValueError, UnicodeDecodeError):
                raise UnpicklingError("invalid \\x escape in STRING") from None
            i += 4
        elif c in simple:
            out.append(simple[c])
            i += 2
        else:
            out.append(b)
            i += 1
    return bytes(out)


_opcodes = {
    MARK: Unpickler.load_mark, STOP: Unpickler.load_stop, POP: Unpickler.load_pop,
    POP_MARK: Unpickler.load_pop_mark, DUP: Unpickler.load_dup, FLOAT: Unpickler.load_float,
    INT: Unpickler.load_int, BININT: Unpickler.load_binint, BININT1: Unpickler.load_binint1,
    LONG: Unpickler.load_long, BININT2: Unpickler.load_binint2, NONE: Unpickler.load_none,
    PERSID: Unpickler.load_persid, BINPERSID: Unpickler.load_binpersid,
    REDUCE: Unpickler.load_reduce, STRING: Unpickler.load_string,
    BINSTRING: Unpickler.load_binstring, SHORT_BINSTRING: Unpickler.load_short_binstring,
    UNICODE: Unpickler.load_unicode, BINUNICODE: Unpickler.load_binunicode,
    APPEND: Unpickler.load_append, BUILD: Unpickler.load_build, GLOBAL: Unpickler.load_global,
    DICT: Unpickler.load_dict, EMPTY_DICT: Unpickler.load_empty_dictionary,
    APPENDS: Unpickler.load_appends, GET: Unpickler.load_get, BINGET: Unpickler.load_binget,
    INST: Unpickler.load_inst, LONG_BINGET: Unpickler.load_long_binget, LIST: Unpickler.load_list,
    EMPTY_LIST: Unpickler.load_empty_list, OBJ: Unpickler.load_obj, PUT: Unpickler.load_put,
    BINPUT: Unpickler.load_binput, LONG_BINPUT: Unpickler.load_long_binput,
    SETITEM: Unpickler.load_setitem, TUPLE: Unpickler.load_tuple,
    EMPTY_TUPLE: Unpickler.load_empty_tuple, SETITEMS: Unpickler.load_setitems,
    BINFLOAT: Unpickler.load_binfloat, PROTO: Unpickler.load_proto,
    NEWOBJ: Unpickler.load_newobj, EXT1: Unpickler.load_ext1, EXT2: Unpickler.load_ext2,
    EXT4: Unpickler.load_ext4, TUPLE1: Unpickler.load_tuple1, TUPLE2: Unpickler.load_tuple2,
    TUPLE3: Unpickler.load_tuple3, NEWTRUE: Unpickler.load_true, NEWFALSE: Unpickler.load_false,
    LONG1: Unpickler.load_long1, LONG4: Unpickler.load_long4, BINBYTES: Unpickler.load_binbytes,
    SHORT_BINBYTES: Unpickler.load_short_binbytes,
    SHORT_BINUNICODE: Unpickler.load_short_binunicode,
    BINUNICODE8: Unpickler.load_binunicode8, BINBYTES8: Unpickler.load_binbytes8,
    EMPTY_SET: Unpickler.load_empty_set, ADDITEMS: Unpickler.load_additems,
    FROZENSET: Unpickler.load_frozenset, NEWOBJ_EX: Unpickler.load_newobj_ex,
    STACK_GLOBAL: Unpickler.load_stack_global, MEMOIZE: Unpickler.load_memoize,
    FRAME: Unpickler.load_frame, BYTEARRAY8: Unpickler.load_bytearray8,
    NEXT_BUFFER: Unpickler.load_next_buffer, READONLY_BUFFER: Unpickler.load_readonly_buffer,
}
for _op, _fn in _opcodes.items():
    Unpickler.dispatch[_op[0]] = _fn
del _op, _fn, _opcodes


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = io.BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers, encoding=encoding,
                     errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    return Unpickler(io.BytesIO(data), fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()
