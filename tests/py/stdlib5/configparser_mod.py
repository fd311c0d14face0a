# configparser: reading, typed getters, interpolation, the mapping protocol, write() and errors.
import configparser
import io
from configparser import (ConfigParser, RawConfigParser, ExtendedInterpolation,
                          BasicInterpolation, Interpolation)


def show(label, fn, *args, **kw):
    try:
        print(label, repr(fn(*args, **kw)))
    except Exception as e:
        print(label, type(e).__name__, str(e), e.args)


def dump(cfg, **kw):
    out = io.StringIO()
    cfg.write(out, **kw)
    print(out.getvalue(), end='---\n')


SRC = """
# a comment
; another comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes
home = /home/%(user)s

[bitbucket.org]
User = hg
path: %(home)s/repo
ratio = 0.75
pct = 50%%

[topsecret.server.com]
Port = 50022
ForwardX11 = no
multi = first line
    second line

    fourth after blank
empty =
[Weird Section ]
key with spaces = value with = sign
colon: a:b
"""
cfg = ConfigParser()
cfg.read_string(SRC)
print(cfg.sections(), cfg.defaults())
print(cfg.options('bitbucket.org'), cfg.has_section('DEFAULT'), cfg.has_section('Weird Section '))
print(cfg.get('bitbucket.org', 'user'), cfg.get('bitbucket.org', 'USER'), cfg['bitbucket.org']['path'])
print(cfg.get('bitbucket.org', 'path', raw=True), cfg.get('bitbucket.org', 'pct'))
print(cfg.get('bitbucket.org', 'home', vars={'user': 'bob'}), cfg.get('bitbucket.org', 'home', vars={'USER': 'x'}))
print(cfg.getint('topsecret.server.com', 'port'), cfg.getfloat('bitbucket.org', 'ratio'),
      cfg.getboolean('topsecret.server.com', 'forwardx11'), cfg.getboolean('bitbucket.org', 'compression'))
print(repr(cfg['topsecret.server.com']['multi']), repr(cfg['topsecret.server.com']['empty']))
print(cfg['Weird Section ']['key with spaces'], cfg['Weird Section ']['colon'])
show('missing opt', cfg.get, 'bitbucket.org', 'nope')
show('missing sect', cfg.get, 'nosect', 'user')
show('fallback', cfg.get, 'nosect', 'user', fallback='fb')
show('fallback2', cfg.get, 'bitbucket.org', 'nope', fallback=None)
show('getint fallback', cfg.getint, 'bitbucket.org', 'nope', fallback=7)
show('getint bad', cfg.getint, 'bitbucket.org', 'user')
show('getfloat bad', cfg.getfloat, 'bitbucket.org', 'user')
show('getboolean bad', cfg.getboolean, 'bitbucket.org', 'user')
show('interp missing', cfg.get, 'bitbucket.org', 'home')
show('items', cfg.items, 'bitbucket.org', raw=True)
show('items vars', cfg.items, 'topsecret.server.com', vars={'user': 'u'})
show('items nosect', cfg.items, 'nosect')
show('items DEFAULT', cfg.items, 'DEFAULT', raw=True)
print([name for name, _ in cfg.items()], list(cfg), len(cfg), 'DEFAULT' in cfg, 'x' in cfg)
sec = cfg['bitbucket.org']
print(sec, sec.name, sec.parser is cfg, len(sec), list(sec), 'user' in sec, 'User' in sec, 'zz' in sec)
print(sec.get('nope'), sec.get('nope', 'dflt'), sec.getint('compressionlevel'),
      sec.getint('nope'), sec.getboolean('forwardx11'), sec.getfloat('ratio'))
print({k: cfg['DEFAULT'].get(k, raw=True) for k in cfg['DEFAULT']}, cfg['DEFAULT'].get('compression'))
show('getitem missing', lambda: cfg['nosect'])
show('proxy missing', lambda: sec['nope'])
for b in ['1', 'yes', 'TRUE', 'On', '0', 'no', 'False', 'off', 'maybe']:
    cfg.set('bitbucket.org', 'flag', b)
    show('bool ' + b, cfg.getboolean, 'bitbucket.org', 'flag')

# Modification.
cfg.add_section('new')
cfg.set('new', 'Key', 'Value')
cfg['new']['other'] = '2'
show('dup section', cfg.add_section, 'new')
show('default section', cfg.add_section, 'DEFAULT')
show('set nosect', cfg.set, 'nosect', 'a', 'b')
show('set nonstr', cfg.set, 'new', 'a', 1)
show('set bad interp', cfg.set, 'new', 'a', '100%')
show('set bad interp2', cfg.set, 'new', 'a', '%(x)s and 5%')
show('add nonstr', cfg.add_section, 5)
show('proxy set nonstr', cfg['new'].__setitem__, 'k', 3)
print(cfg.has_option('new', 'key'), cfg.has_option('new', 'home'), cfg.has_option('nosect', 'x'),
      cfg.has_option('DEFAULT', 'home'), cfg.has_option('', 'home'))
print(cfg.remove_option('new', 'other'), cfg.remove_option('new', 'other'))
show('remove_option nosect', cfg.remove_option, 'nosect', 'x')
del cfg['new']['key']
show('del missing', cfg['new'].__delitem__, 'key')
print(cfg.remove_section('new'), cfg.remove_section('new'))
show('del DEFAULT', cfg.__delitem__, 'DEFAULT')
show('del missing section', cfg.__delitem__, 'nosect')
cfg['DEFAULT'] = {'only': 'this'}
print(cfg.defaults())
cfg['assigned'] = {'a': 1, 'B': 'two'}
print(dict(cfg['assigned']))
cfg['assigned'] = cfg['assigned']
print(dict(cfg['assigned']))
del cfg['Weird Section ']
print(cfg.popitem()[0], cfg.sections())
dump(cfg)
dump(cfg, space_around_delimiters=False)

# Parsing errors.
for text in ['no header = 1\n[s]\n', '[s]\na = 1\n[s]\n', '[s]\na = 1\nA = 2\n',
             '[s]\ngood = 1\nbad line\nalso bad\n= novalue\n', '[s]\n  \n\tindented = x\n',
             '[DEFAULT]\na=1\n[DEFAULT]\nb=2\n']:
    c = ConfigParser()
    try:
        c.read_string(text, source='<test>')
        print('ok', {s: dict(c[s]) for s in c})
    except configparser.Error as e:
        print(type(e).__name__, repr(str(e)), e.args)
        if isinstance(e, configparser.ParsingError):
            print('  errors', getattr(e, 'errors', None), e.source)
c = ConfigParser(strict=False)
c.read_string('[s]\na = 1\n[s]\na = 2\nb=3\n')
print(dict(c['s']))
show('read_dict dup', ConfigParser().read_dict, {'s': {'a': 1, 'A': 2}})
show('ParsingError args', configparser.ParsingError)
e = configparser.ParsingError('src')
e.append(3, "'x'")
print(str(e), repr(e), e.errors)
print(str(configparser.DuplicateSectionError('s')), str(configparser.DuplicateSectionError('s', 'f', 7)),
      str(configparser.DuplicateOptionError('s', 'o')), str(configparser.DuplicateOptionError('s', 'o', 'f')),
      str(configparser.NoSectionError('s')), str(configparser.NoOptionError('o', 's')), sep='\n')
print(issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError),
      issubclass(configparser.InterpolationMissingOptionError, configparser.InterpolationError),
      issubclass(configparser.NoSectionError, configparser.Error), configparser.DEFAULTSECT,
      configparser.MAX_INTERPOLATION_DEPTH)

# Basic interpolation details.
c = ConfigParser()
c.read_string("""[s]
a = %(b)s
b = %(a)s
c = %(d)s
d = plain
e = 100%%
f = %(nope)s
g = bad % sign
h = %(unclosed
i = %(D)s and %(d)s
""")
for opt in 'abcdefghi':
    show('basic ' + opt, c.get, 's', opt)
show('basic items', c.items, 's', raw=True)

# Extended interpolation.
c = ConfigParser(interpolation=ExtendedInterpolation())
c.read_string("""[common]
home = /home/${user}
user = alice
price = $$5
[app]
dir = ${common:home}/app
log = ${dir}/log
loop = ${loop}
missing = ${nope}
missingsect = ${nosect:x}
toomany = ${a:b:c}
bad = $x
unclosed = ${oops
pct = 100%
""")
for opt in ['dir', 'log', 'loop', 'missing', 'missingsect', 'toomany', 'bad', 'unclosed', 'pct']:
    show('ext ' + opt, c.get, 'app', opt)
show('ext price', c.get, 'common', 'price')
show('ext set bad', c.set, 'app', 'x', 'a $ b')
c.set('app', 'x', 'a $$ b ${dir}')
print(c.get('app', 'x'))

# Raw parser, no interpolation, non-string values, custom syntax.
r = RawConfigParser(defaults={'Num': 5})
r.add_section('s')
r.set('s', 'n', 42)
r.set('s', 'pct', '100%')
print(r.get('s', 'n'), r.get('s', 'pct'), r.get('s', 'num'), r.defaults())
dump(r)
c = ConfigParser(allow_no_value=True, delimiters=('->',), comment_prefixes=('//',),
                 inline_comment_prefixes=('#', ';'))
c.read_string("""[mysqld]
skip-bdb
user -> mysql   # inline comment
path -> a#b ; trailing
  // full comment
quoted -> "x" ;c
""")
print(dict(c['mysqld']), c.get('mysqld', 'skip-bdb'))
dump(c)
c = ConfigParser(empty_lines_in_values=False, default_section='common', interpolation=None)
c.read_string('[common]\nx = 1%\n[s]\nv = a\n\n  b = 2\n')
print(c.sections(), dict(c['s']), c.get('s', 'x'))
c = ConfigParser(inline_comment_prefixes=(';', '#'))
c.read_string('[s]\nk = a;b #c ;d\n')
print(repr(c['s']['k']))


class CaseKeeping(ConfigParser):
    def optionxform(self, optionstr):
        return optionstr


c = CaseKeeping()
c.read_dict({'S': {'Key': 'v', 'n': 3}}, source='<mine>')
print(c.options('S'), c['S']['Key'], 'key' in c['S'])
show('case read_dict dup', c.read_dict, {'T': {'k': 1}, 'T2': {'k': 2}})
c = ConfigParser(converters={'list': lambda v: v.split(',')})
c.read_string('[s]\nitems = a,b,c\n')
print(c.getlist('s', 'items'), c['s'].getlist('items'), sorted(c.converters))
c.converters['upper'] = str.upper
print(c.getupper('s', 'items'), c['s'].getupper('items'))
del c.converters['upper']
print(hasattr(c, 'getupper'), hasattr(c['s'], 'getupper'))
show('read missing files', ConfigParser().read, ['/nonexistent/a.ini', '/nonexistent/b.ini'])
show('bad interpolation arg', ConfigParser, interpolation=5)
show('read_file', ConfigParser().read_file, ['[a]\n', 'x=1\n', 'y\n'])
c = ConfigParser()
c.read_file(iter(['[a]\n', 'x=1\n']), source='lines')
print(dict(c['a']), isinstance(Interpolation(), Interpolation), Interpolation().before_get(None, 's', 'o', 'v', {}))
