"""Information about the platform minipy runs on: the operating system
(from os.uname), the machine, the C library and the Python version."""
import collections
import os
import sys

__all__ = ['architecture', 'libc_ver', 'machine', 'node', 'platform',
           'processor', 'python_implementation', 'python_version',
           'python_version_tuple', 'release', 'system', 'uname',
           'uname_result', 'version']

_uname_cache = None


class uname_result(collections.namedtuple(
        'uname_result', 'system node release version machine')):
    """A uname_result that's largely compatible with a simple namedtuple
    except that 'processor' is resolved late."""
    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        yield from super().__iter__()
        yield self.processor

    def __len__(self):
        return len(tuple(iter(self)))

    def __getitem__(self, key):
        return tuple(self)[key]

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


def uname():
    """Fairly portable uname interface. Returns a tuple of strings
    (system, node, release, version, machine, processor)."""
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release,
                                    u.version, u.machine)
    return _uname_cache


def system():
    """The system/OS name, e.g. 'Linux'."""
    return uname().system


def node():
    """The computer's network name (may be empty)."""
    return uname().node


def release():
    """The system's release, e.g. '6.1.0'."""
    return uname().release


def version():
    """The system's release version, e.g. '#1 SMP ...'."""
    return uname().version


def machine():
    """The machine type, e.g. 'x86_64'."""
    return uname().machine


def processor():
    """The (real) processor name; Linux does not report one, which CPython
    shows as an empty string too."""
    return ''


def python_implementation():
    """The Python implementation: 'minipy'."""
    return sys.implementation.name


def python_version():
    """The version of the language implemented, as 'major.minor.patch'."""
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    """The version as a tuple of strings (major, minor, patchlevel)."""
    return tuple(str(n) for n in sys.version_info[:3])


def _executable_head(executable, size):
    try:
        with open(executable, 'rb') as f:
            return f.read(size)
    except OSError:
        return b''


def architecture(executable=sys.executable, bits='', linkage=''):
    """(bits, linkage) of the executable: the pointer size and the binary
    format, e.g. ('64bit', 'ELF')."""
    if not bits:
        bits = '%dbit' % ((sys.maxsize.bit_length() + 1))
    if not linkage and _executable_head(executable, 4) == b'\x7fELF':
        linkage = 'ELF'
    return bits, linkage


def _glibc_versions(data):
    """The (major, minor) of each b'GLIBC_x.y' in data."""
    pos = data.find(b'GLIBC_')
    while pos >= 0:
        end = pos + 6
        while end < len(data) and data[end] in b'0123456789.':
            end += 1
        parts = data[pos + 6:end].split(b'.')
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            yield int(parts[0]), int(parts[1])
        pos = data.find(b'GLIBC_', end)


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """(lib, version) of the C library the executable links against: the
    newest GLIBC_x.y symbol version named in the file."""
    if executable is None:
        # The C library says which it is (a static binary names no symbol versions).
        try:
            parts = os.confstr('CS_GNU_LIBC_VERSION').split(maxsplit=1)
            if len(parts) == 2:
                return tuple(parts)
        except (AttributeError, ValueError, OSError):
            pass
        executable = sys.executable
    with open(executable, 'rb') as f:
        versions = list(_glibc_versions(f.read()))
    if not versions:
        return lib, version
    return 'glibc', '%d.%d' % max(versions)


def platform(aliased=False, terse=False):
    """A single string identifying the platform, e.g.
    'Linux-6.1.0-x86_64-with-glibc2.36'."""
    u = uname()
    # Like CPython on Linux, terse and aliased forms are the full one.
    lib, ver = libc_ver()
    text = '%s-%s-%s' % (u.system, u.release, u.machine)
    if lib:
        text += '-with-%s%s' % (lib, ver)
    return text.replace(' ', '_')
