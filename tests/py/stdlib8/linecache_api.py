# linecache: reading, caching, invalidation, lazy loader sources, pseudo-file names, encodings.
import linecache
import os
import sys
import tempfile

print(sorted(linecache.__all__))
print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 2)))
print(linecache.getline(__file__, 0) == '', linecache.getline(__file__, -1) == '',
      linecache.getline(__file__, 100000) == '')
print(linecache.getlines(__file__)[:2])
print(__file__ in linecache.cache, type(linecache.cache).__name__)
print(linecache.getlines('/no/such/dir/file.py'), linecache.getline('/no/such/dir/file.py', 1) == '')
for name in ['<string>', '<stdin>', '<frozen os>', '', '<>']:
    print(repr(name), linecache.getlines(name), repr(linecache.getline(name, 1)), name in linecache.cache)

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'sample.py')


def write(data, mode='w'):
    with open(path, mode) as f:
        f.write(data)


write('alpha\nbeta\r\ngamma')
print(linecache.getlines(path))
print(repr(linecache.getline(path, 3)), repr(linecache.getline(path, 4)))
entry = linecache.cache[path]
print(len(entry), entry[0], entry[2], entry[3] == path, type(entry[1]).__name__)
# Changing the file is not seen until checkcache() notices the new size.
write('one\ntwo-two-two\nthree\nfour\n')
print(linecache.getline(path, 1), end='')
linecache.checkcache(path)
print(path in linecache.cache)
print(linecache.getline(path, 2), end='')
write('uno\n')
linecache.checkcache()
print(linecache.getline(path, 1), end='')
print(linecache.updatecache(path))
print(linecache.getlines(path))
linecache.checkcache('not-in-cache.py')
os.remove(path)
linecache.checkcache(path)
print(path in linecache.cache, linecache.getlines(path))
print(linecache.updatecache(path))

write('empty-after\n')
write('')
print(linecache.getlines(path), path in linecache.cache)
write(b'caf\xc3\xa9\n\xe2\x82\xac\n', 'wb')
print(linecache.updatecache(path))
write('\ufeffbom line\n', 'w')
print(linecache.updatecache(path))
write(b'# -*- coding: latin-1 -*-\ncaf\xe9\n', 'wb')
print(linecache.updatecache(path))
write(b'\xff\xfe bad utf8\n', 'wb')
print(linecache.updatecache(path))
write('form\x0cfeed\nv\x0bt\n\x1c\nx\x85y\nz\u2028w\n')
print(linecache.updatecache(path))
write('a\rb\rc')
print(linecache.updatecache(path))

# Relative names are looked up along sys.path.
sys.path.insert(0, tmp)
write('found via sys.path\n')
print(linecache.getlines('sample.py'))
print(linecache.cache['sample.py'][3] == path)
sys.path.pop(0)
linecache.clearcache()
print(linecache.getlines('sample.py'), linecache.cache)

# A directory is not a source file.
print(linecache.getlines(tmp))


# Lazy loading through a module's __loader__.get_source.
class Loader:
    def __init__(self, text):
        self.text = text
        self.calls = 0

    def get_source(self, name):
        self.calls += 1
        print('get_source', name)
        return self.text


ld = Loader('x = 1\ny = 2')
g = {'__name__': 'virtualmod', '__loader__': ld}
print(linecache.lazycache('virtual.py', g))
print(len(linecache.cache['virtual.py']), callable(linecache.cache['virtual.py'][0]), ld.calls)
print(linecache.lazycache('virtual.py', g))
print(linecache.getlines('virtual.py'), ld.calls)
print(linecache.cache['virtual.py'][0], linecache.cache['virtual.py'][1], linecache.cache['virtual.py'][3])
print(linecache.lazycache('virtual.py', g))
print(linecache.getline('virtual.py', 2), ld.calls)
linecache.checkcache('virtual.py')
print('virtual.py' in linecache.cache)
print(linecache.getlines('virtual2.py', g), ld.calls)
print(linecache.getlines('virtual3.py', {'__name__': 'n', '__loader__': Loader(None)}))
print('virtual3.py' in linecache.cache)
print(linecache.lazycache('<string>', g), linecache.lazycache('', g), linecache.lazycache('v.py', None),
      linecache.lazycache('v.py', {}), linecache.lazycache('v.py', {'__name__': 'n'}),
      linecache.lazycache('v.py', {'__name__': '', '__loader__': ld}),
      linecache.lazycache('v.py', {'__name__': 'n', '__loader__': object()}))


class Spec:
    loader = Loader('from spec\n')


print(linecache.lazycache('spec.py', {'__name__': 'specmod', '__spec__': Spec()}))
print(linecache.getlines('spec.py'))


class BadLoader:
    def get_source(self, name):
        raise ImportError('nope')


print(linecache.getlines('bad.py', {'__name__': 'b', '__loader__': BadLoader()}), 'bad.py' in linecache.cache)


class OSErrLoader:
    def get_source(self, name):
        raise OSError('nope')


print(linecache.getlines('oserr.py', {'__name__': 'b', '__loader__': OSErrLoader()}))
# An existing file wins over the loader.
write('real file\n')
print(linecache.getlines(path, {'__name__': 'm', '__loader__': Loader('loader text\n')}))
linecache.clearcache()
print(linecache.cache)
os.remove(path)
os.rmdir(tmp)
