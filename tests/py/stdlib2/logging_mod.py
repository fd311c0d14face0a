# logging: loggers, levels, handlers, formatters, filters, basicConfig and lastResort
import io
import logging
import sys
import threading

sys.stderr = sys.stdout   # the golden file captures stdout; route stderr output there too

logging.warning('last resort %s', 'warning')
logging.getLogger('quiet').info('not shown')
logging.getLogger('lr').error('error via lastResort')
print(logging.root.handlers)

print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15))
logging.addLevelName(15, 'VERBOSE')
print(logging.getLevelName(15), logging.getLevelName('VERBOSE'))
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL,
      logging.FATAL, logging.WARN, logging.NOTSET)

root = logging.getLogger()
print(root is logging.root, repr(root), root.name, root.level)
a = logging.getLogger('app')
ab = logging.getLogger('app.db')
abc = logging.getLogger('app.db.conn')
print(repr(a), ab.parent is a, abc.parent is ab, a.parent is root, logging.getLogger('app') is a)
x = logging.getLogger('x.y.z')
xy = logging.getLogger('x.y')
print(x.parent is xy, xy.parent is root, a.getChild('db') is ab)

buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter('%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(lineno)d|%(filename)s|%(module)s|%(threadName)s'))
a.addHandler(h)
a.setLevel(logging.INFO)
print(a.isEnabledFor(logging.DEBUG), a.isEnabledFor(logging.INFO), ab.getEffectiveLevel())


def work():
    ab.info('hello %s and %d', 'world', 42)


work()
ab.debug('hidden')
a.warning('dict %(k)s', {'k': 'v'})
a.log(25, 'custom level')
a.critical('crit')
print(buf.getvalue(), end='')

print('--- propagate')
buf.seek(0)
buf.truncate()
ab.propagate = False
ab.warning('no handlers here')
ab.propagate = True
print(repr(buf.getvalue()), ab.hasHandlers(), logging.getLogger('zzz').hasHandlers())

print('--- exception')
buf.seek(0)
buf.truncate()
h.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
a.propagate = False   # the root handler would print paths that vary
try:
    1 / 0
except ZeroDivisionError:
    a.exception('failed %d', 1)
a.propagate = True
text = buf.getvalue()
print(text.splitlines()[0], text.splitlines()[1], text.splitlines()[-1])
print('1 / 0' in text, text.count('File'))
buf.seek(0)
buf.truncate()
a.error('with exc_info', exc_info=ValueError('v'))
print(repr(buf.getvalue()))

print('--- filters')
buf.seek(0)
buf.truncate()
h.addFilter(logging.Filter('app.db'))
a.warning('filtered out')
ab.warning('passes')
abc.warning('child passes')
h.filters.clear()
h.addFilter(lambda r: 'secret' not in r.getMessage())
a.warning('secret thing')
a.warning('public thing')
print(buf.getvalue(), end='')
f = logging.Filter('app')
rec = logging.LogRecord('application', logging.INFO, 'p.py', 1, 'm', (), None)
print(f.filter(rec), logging.Filter().filter(rec), logging.Filter('application').filter(rec))
h.filters.clear()

print('--- formatter')
fmt = logging.Formatter()
rec = logging.LogRecord('n', logging.INFO, '/a/b/mod.py', 7, 'msg %s', ('arg',), None, 'fn')
print(fmt.format(rec), rec.filename, rec.module, rec.lineno, rec.funcName, rec.levelname)
rec.created = 1704164645.678
rec.msecs = 678.0
import time
fmt2 = logging.Formatter('%(asctime)s %(message)s')
fmt2.converter = time.gmtime
print(fmt2.format(rec))
fmt3 = logging.Formatter('[%(asctime)s] %(message)s', datefmt='%d/%m/%Y %H:%M')
fmt3.converter = time.gmtime
print(fmt3.format(rec))
print(logging.Formatter('{levelname}-{message}', style='{').format(rec))
print(logging.Formatter('%(levelname)-8s|%(message)s').format(rec))
print(repr(rec))
try:
    logging.Formatter('%(nosuch)s').format(rec)
except ValueError as e:
    print('ValueError:', e)
try:
    logging.Formatter('x', style='!')
except ValueError as e:
    print('ValueError:', e)

print('--- levels')
for bad in ['LOUD', 1.5]:
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a.setLevel('DEBUG')
print(a.level, logging.getLevelName(a.getEffectiveLevel()))
try:
    a.log('INFO', 'x')
except TypeError as e:
    print('TypeError:', e)

print('--- basicConfig')
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(levelname)s %(name)s: %(message)s')
logging.info('root info')
logging.debug('root debug hidden')
logging.getLogger('other').warning('other warning')
print(len(root.handlers), repr(root), type(root.handlers[0]).__name__)
logging.basicConfig(format='ignored %(message)s')
logging.info('still the old format')
logging.basicConfig(stream=sys.stdout, format='forced:%(message)s', force=True)
logging.warning('after force')
logging.info('info filtered at WARNING? no: level stays INFO')
try:
    logging.basicConfig(stream=sys.stdout, filename='x.log', force=True)
except ValueError as e:
    print('ValueError:', e)
try:
    logging.basicConfig(bogus=1, force=True)
except ValueError as e:
    print('ValueError:', e)

print('--- FileHandler / NullHandler')
import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    logging.basicConfig(filename=path, filemode='w', format='%(name)s %(message)s', force=True, level=logging.DEBUG)
    logging.getLogger('f').debug('to file')
    logging.getLogger('f').info('again')
    fh = root.handlers[0]
    print(type(fh).__name__, fh.baseFilename == path, fh.mode)
    fh.close()
    root.removeHandler(fh)
    with open(path) as fp:
        print(repr(fp.read()))
nl = logging.getLogger('lib')
nl.addHandler(logging.NullHandler())
nl.propagate = False
nl.error('swallowed')
print(repr(logging.NullHandler()), repr(logging.StreamHandler(sys.stdout)).startswith('<StreamHandler'))

print('--- threads')
logging.basicConfig(stream=sys.stdout, format='%(threadName)s %(message)s', force=True)
def worker(n):
    logging.getLogger('t').warning('from worker %d', n)
t = threading.Thread(target=worker, args=(1,), name='Worker-1')
t.start()
t.join()
logging.getLogger('t').warning('from main')

print('--- adapter, disable, extra')
ad = logging.LoggerAdapter(logging.getLogger('ad'), {'user': 'bob'})
logging.basicConfig(stream=sys.stdout, format='%(user)s %(message)s', force=True)
ad.warning('adapted')
logging.getLogger('ex').warning('extra', extra={'user': 'eve'})
logging.basicConfig(stream=sys.stdout, format='%(message)s', force=True)
logging.disable(logging.WARNING)
logging.warning('disabled')
logging.error('error still shown')
logging.disable(logging.NOTSET)
try:
    logging.getLogger('ex').warning('x', extra={'message': 1})
except KeyError as e:
    print('KeyError:', e)
r = logging.makeLogRecord({'msg': 'made', 'levelno': 30})
print(r.msg, r.levelno, r.getMessage())
for bad in ['{x', 'no fields']:
    try:
        logging.Formatter(bad, style='{')
    except ValueError as e:
        print('ValueError:', e)
print(logging.Formatter('{levelname:>8}|{lineno:d}', style='{').format(logging.makeLogRecord({'levelname': 'X', 'lineno': 3})))
