# time: fields, fold, tzinfo, isoformat/fromisoformat, comparisons, hashing, errors
import pickle
from datetime import time, timezone, timedelta, tzinfo, datetime


def show(f, msg=True):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e if msg else '')


class Fixed(tzinfo):
    def __init__(self, minutes=0, name='FX', dst=None):
        self.off = None if minutes is None else timedelta(minutes=minutes)
        self.name = name
        self.d = dst

    def utcoffset(self, dt):
        return self.off

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return self.d

    def __repr__(self):
        return 'Fixed(%r)' % (self.off,)


for t in [time(), time(1), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(0, 0, 0, 1), time(12, 0, 30, 500000),
          time(23, 59, 59, 999999), time(5, fold=1), time(5, 6, tzinfo=timezone.utc), time(5, 6, 7, 8, timezone(timedelta(hours=-3)), fold=1)]:
    print(repr(t), str(t), t.isoformat(), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, t.utcoffset(), t.tzname(), t.dst(), bool(t))
t = time(13, 14, 15, 161718)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, t.isoformat(spec), time(1, 2, 3).isoformat(spec), time(1, 2, 3, 999).isoformat(timespec=spec))
show(lambda: t.isoformat('bogus'))
show(lambda: t.isoformat(5), False)
print(t.strftime('%H|%I|%M|%S|%f|%p|%z|%Z|%Y-%m-%d|%j|%a'), format(t, '%H:%M'), format(t), f'{t}')
print(time(1, 2, tzinfo=timezone(timedelta(hours=5, minutes=30), 'IST')).strftime('%z %Z %%z'))
print(time(1, 2, tzinfo=Fixed(-90, 'A%B')).strftime('%z|%Z'), time(1, 2, tzinfo=Fixed(None, None)).strftime('[%z|%Z]'))
print(time(1, 2, tzinfo=Fixed(0, 'Z')).isoformat(), repr(time(1, 2, tzinfo=Fixed(30))))
print(time(1, tzinfo=timezone(timedelta(seconds=30))).isoformat(), time(1, tzinfo=timezone(timedelta(microseconds=-30))).isoformat())
for args, kw in [((24,), {}), ((0, 60), {}), ((0, 0, 60), {}), ((0, 0, 0, 1000000), {}), ((-1,), {}), ((0,), {'fold': 2}),
                 ((0,), {'fold': -1}), ((1.0,), {}), (('1',), {}), ((0, 0, 0, 0, 'utc'), {}), ((0,), {'tzinfo': 5})]:
    show(lambda: time(*args, **kw))
show(lambda: time(0, fold=True))
show(lambda: time(1, 2, 3, 4, None, 0), False)

print(t.replace(hour=1), t.replace(microsecond=0), repr(t.replace(tzinfo=timezone.utc)), repr(t.replace(tzinfo=timezone.utc).replace(tzinfo=None)),
      t.replace(fold=1).fold, repr(t.replace()))
show(lambda: t.replace(hour=24))
show(lambda: t.replace(fold=3))
show(lambda: t.replace(tzinfo=1))

# comparisons and hashing
a, b = time(1, 2), time(1, 2, 0, 1)
print(a < b, a <= b, a == b, a != b, a > b, a >= b, a == time(1, 2, fold=1), hash(a) == hash(time(1, 2, fold=1)), a == 5, a != None)
u1 = time(12, tzinfo=timezone.utc)
u2 = time(13, tzinfo=timezone(timedelta(hours=1)))
u3 = time(12, tzinfo=Fixed(0))
print(u1 == u2, hash(u1) == hash(u2), u1 < time(12, 1, tzinfo=timezone(timedelta(hours=1))), u1 == u3, u1 == time(12), u1 != time(12),
      hash(u3) == hash(u1), hash(time(12, tzinfo=Fixed(None))) == hash(time(12)))
show(lambda: u1 < time(12))
show(lambda: a < 5, False)
show(lambda: a >= 'x', False)
print(time(12, tzinfo=Fixed(None)) == time(12), time(12, tzinfo=Fixed(None)) < time(13))
print(sorted([time(5), time(1), time(3, 30)]), len({time(1), time(1, fold=1), time(1, tzinfo=timezone.utc)}))

# offsets that tzinfo implementations return
for tz in [Fixed(24 * 60), Fixed(-24 * 60), Fixed(None), Fixed(1439)]:
    show(lambda: time(1, tzinfo=tz).utcoffset())


class BadOff(tzinfo):
    def utcoffset(self, dt):
        return 5

    def dst(self, dt):
        return 'x'

    def tzname(self, dt):
        return 7


bt = time(1, tzinfo=BadOff())
show(lambda: bt.utcoffset())
show(lambda: bt.dst())
show(lambda: bt.tzname())
show(lambda: bt.isoformat())
show(lambda: time(1, tzinfo=tzinfo()).utcoffset())
show(lambda: time(1, tzinfo=tzinfo()).tzname())
show(lambda: time(1, tzinfo=tzinfo()).dst())
print(time(1, tzinfo=Fixed(60, dst=timedelta(minutes=30))).dst())

# fromisoformat
for s in ['01:02', '01:02:03', '01:02:03.4', '01:02:03.45', '01:02:03.456', '01:02:03.4567', '01:02:03.456789', '01:02:03,5',
          '01', '0102', '010203', '010203.5', '01:02:03+05:30', '01:02:03-0530', '01:02:03Z', '01:02:03.5+05:30:15',
          '01:02:03+05:30:15.123456', '01:02:03.1234567', '12:00:00.000000001', 'T01:02', 'T0102', '01:02:03+05', '01:02Z', '01Z',
          '23:59:59.999999-23:59']:
    show(lambda: time.fromisoformat(s))
for s in ['', '1:02', '01:2', '24:00', '01:60', '01:02:60', '01:02:03.', '01:02:03+5', '01:02:03+24:00', '01:02:03 ', '01:02:03.abc',
          '01:0203', '0102:03', 'x', '01:02:03+05:30:', '01:02:03+0530:15', '01:02:03+05:3', '1', 'T', '01:02:03ZZ', '01-02']:
    show(lambda: time.fromisoformat(s))
show(lambda: time.fromisoformat(5))
print(time.fromisoformat(t.isoformat()) == t, repr(time.fromisoformat('00:00:00+00:00').tzinfo))

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for x in [t, time(5, fold=1), time(5, 6, tzinfo=timezone(timedelta(hours=2), 'X'))]:
        y = pickle.loads(pickle.dumps(x, proto))
        print(repr(y), y.fold, end='; ')
print()
print(time.min, time.max, repr(time.resolution))
show(lambda: time(1) + timedelta(1), False)
show(lambda: time(1) - time(0), False)


class T(time):
    pass


x = T(1, 2, 3)
print(repr(x), type(x.replace(hour=5)).__name__, type(T.fromisoformat('01:02')).__name__, type(pickle.loads(pickle.dumps(x))).__name__)
