# configparser: deprecated pieces (LegacyInterpolation, SafeConfigParser, readfp) and files.
import warnings, configparser
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c = configparser.ConfigParser(interpolation=configparser.LegacyInterpolation())
    c.read_string('[s]\na = %(B)s!\nb = %(c)s\nc = x%%\nd = %(nope)s\ne = %(e)s\nf = %()s\n')
    for o in 'abcdef':
        try: print(o, repr(c.get('s', o)))
        except Exception as e: print(o, type(e).__name__, e)
    s = configparser.SafeConfigParser()
    s.read_string('[x]\ny=1\n')
    print(s['x']['y'], [str(x.message) for x in w], [x.category.__name__ for x in w])
    e = configparser.ParsingError(filename='f')
    print(e.filename, e.source)
    c = configparser.RawConfigParser()
    import io
    c.readfp(io.StringIO('[q]\nz=1\n'), 'name')
    print(c['q']['z'], len(w))

# Files: read() skips unreadable names, read_file() names errors after the file.
import os
import pathlib
import tempfile
with tempfile.TemporaryDirectory() as d:
    first = os.path.join(d, 'first.ini')
    with open(first, 'w', encoding='utf-8') as f:
        f.write('[main]\nname = café\ncount = 3\n')
    second = pathlib.Path(d) / 'second.ini'
    second.write_text('[main]\ncount = 4\n[extra]\nflag = on\n', encoding='utf-8')
    c = configparser.ConfigParser()
    got = c.read([first, os.path.join(d, 'missing.ini'), second], encoding='utf-8')
    print([os.path.basename(g) for g in got], type(got[1]).__name__)
    print(c['main']['name'], c.getint('main', 'count'), c.getboolean('extra', 'flag'))
    print([os.path.basename(g) for g in c.read(first, encoding='utf-8')])
    out = os.path.join(d, 'out.ini')
    with open(out, 'w', encoding='utf-8') as f:
        c.write(f)
    back = configparser.ConfigParser()
    with open(out, encoding='utf-8') as f:
        back.read_file(f)
    print({s: dict(back[s]) for s in back.sections()})
    bad = os.path.join(d, 'bad.ini')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write('[s]\nok = 1\n???\n')
    try:
        with open(bad, encoding='utf-8') as f:
            configparser.ConfigParser().read_file(f)
    except configparser.ParsingError as e:
        print(str(e).replace(d, '<dir>'), [n for n, _ in e.errors])
