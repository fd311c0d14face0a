# datetime: construction, arithmetic, tz handling, fold, timestamps, iso formats, pickling
import pickle
import copy
from datetime import datetime, date, time, timedelta, timezone, tzinfo, UTC


def show(f, msg=True):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e if msg else '')


class Fixed(tzinfo):
    def __init__(self, minutes=0, name='FX'):
        self.off = None if minutes is None else timedelta(minutes=minutes)
        self.name = name

    def utcoffset(self, dt):
        return self.off

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return timedelta(0)

    def __repr__(self):
        return 'Fixed(%r)' % (self.off,)


class Eastern(tzinfo):
    """US Eastern with 2007+ rules (second Sunday of March, first Sunday of November)."""

    def _bounds(self, year):
        start = datetime(year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(year, 11, 1, 2)
        end += timedelta(days=(6 - end.weekday()) % 7)
        return start, end

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return timedelta(0)
        start, end = self._bounds(dt.year)
        naive = dt.replace(tzinfo=None)
        if start + timedelta(hours=1) <= naive < end - timedelta(hours=1):
            return timedelta(hours=1)
        if end - timedelta(hours=1) <= naive < end:
            return timedelta(0) if dt.fold else timedelta(hours=1)
        if start <= naive < start + timedelta(hours=1):
            return timedelta(hours=1) if dt.fold else timedelta(0)
        return timedelta(0)

    def tzname(self, dt):
        return 'EDT' if self.dst(dt) else 'EST'

    def __repr__(self):
        return 'Eastern()'


dt = datetime(2024, 3, 4, 5, 6, 7, 890123)
for x in [datetime(1, 1, 1), datetime(2024, 3, 4), datetime(2024, 3, 4, 5), datetime(2024, 3, 4, 5, 6), datetime(2024, 3, 4, 0, 0, 7),
          dt, datetime(2024, 3, 4, fold=1), datetime(2024, 3, 4, 5, tzinfo=UTC), datetime(2024, 3, 4, 5, 6, 7, 8, Fixed(30), fold=1),
          datetime.max, datetime.min]:
    print(repr(x), str(x), x.isoformat(), x.ctime(), x.utcoffset(), x.tzname(), x.dst(), x.fold)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(dt.isoformat(' ', spec), datetime(2000, 1, 1, tzinfo=UTC).isoformat(timespec=spec))
show(lambda: dt.isoformat('ab'))
show(lambda: dt.isoformat(5), False)
show(lambda: dt.isoformat(timespec='x'))
print(dt.isoformat('\u00e9'), dt.date(), repr(dt.time()), repr(datetime(1, 2, 3, 4, 5, tzinfo=UTC, fold=1).timetz()), repr(datetime(1, 2, 3, 4, 5, fold=1).time()))
print(dt.timetuple(), dt.utctimetuple(), datetime(2024, 3, 4, 5, tzinfo=Fixed(-120)).utctimetuple())
print(datetime(2024, 7, 1, 12, tzinfo=Eastern()).timetuple().tm_isdst, datetime(2024, 1, 1, 12, tzinfo=Eastern()).timetuple().tm_isdst,
      datetime(2024, 1, 1, tzinfo=Fixed(None)).timetuple().tm_isdst, datetime(1, 1, 1, tzinfo=Fixed(-60)).utctimetuple())
show(lambda: datetime(1, 1, 1, tzinfo=Fixed(60)).utctimetuple())
show(lambda: datetime.max.replace(tzinfo=Fixed(-60)).utctimetuple())
print(dt.toordinal(), dt.weekday(), dt.isoweekday(), dt.isocalendar())
print(dt.strftime('%Y-%m-%dT%H:%M:%S.%f %I%p %j %U %a %b %c|%x|%X %z%Z'), format(dt, '%s' if False else '%H'), format(dt), f'{dt:%d}')
print(datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-7, minutes=-30, seconds=-5, microseconds=-7))).strftime('%z %Z'))

for args, kw in [((2024, 2, 30), {}), ((2024, 1, 1, 24), {}), ((2024, 1, 1, 0, 60), {}), ((2024, 1, 1, 0, 0, 60), {}),
                 ((2024, 1, 1, 0, 0, 0, 10**6), {}), ((2024, 1, 1), {'fold': 2}), ((2024, 1, 1, 0, 0, 0, 0, 1), {}),
                 ((2024, 1, 1.0), {}), ((10000, 1, 1), {}), ((2024,), {}), ((), {'year': 2024, 'month': 1, 'day': 2, 'hour': 3})]:
    show(lambda: datetime(*args, **kw), bool(args))

# arithmetic
a = datetime(2024, 2, 28, 23, 30)
print(a + timedelta(hours=1), timedelta(minutes=90) + a, a - timedelta(days=59, seconds=1), a - datetime(2024, 1, 1),
      datetime(2024, 1, 1) - a, a + timedelta(microseconds=-1), a - timedelta(-1))
show(lambda: datetime.max + timedelta.resolution)
show(lambda: datetime.min - timedelta.resolution)
show(lambda: datetime.min - timedelta.max)
show(lambda: a - date(2024, 1, 1), False)
show(lambda: a + a, False)
show(lambda: a - 1, False)
show(lambda: a - datetime(2024, 1, 1, tzinfo=UTC))
aw = datetime(2024, 1, 1, 12, tzinfo=UTC)
aw2 = datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=5)))
print(aw - aw2, aw2 - aw, repr(aw + timedelta(1)), aw == aw2, aw > aw2, aw == datetime(2024, 1, 1, 17, tzinfo=timezone(timedelta(hours=5))))
print(hash(aw) == hash(datetime(2024, 1, 1, 17, tzinfo=timezone(timedelta(hours=5)))), hash(a) == hash(a.replace(fold=1)))
show(lambda: aw < a)
print(aw == a, aw != a, a == date(2024, 2, 28), a != date(2024, 2, 28), date(2024, 2, 28) == a, a == 5)
show(lambda: a < date(2025, 1, 1), False)
show(lambda: date(2025, 1, 1) > a, False)
show(lambda: a <= 'x', False)
e1 = datetime(2024, 11, 3, 1, 30, tzinfo=Eastern())
e2 = e1.replace(fold=1)
print(e1.utcoffset(), e2.utcoffset(), e1 == e2, e1 - e2, e1.tzname(), e2.tzname(), e1 < e2, e1 == e1.replace(), hash(e1) == hash(e1.replace()))
print(e1.astimezone(UTC), e2.astimezone(UTC), e2.astimezone(UTC).astimezone(Eastern()), e2.astimezone(UTC).astimezone(Eastern()).fold)
print(datetime(2024, 3, 10, 2, 30, tzinfo=Eastern()).astimezone(UTC), datetime(2024, 3, 10, 7, 30, tzinfo=UTC).astimezone(Eastern()))
e3 = datetime(2024, 11, 3, 1, 30, tzinfo=Fixed(-300))
print(e1 == e3, e2 == e3, e1 != e2.replace(tzinfo=Fixed(-240)))

# timezones and astimezone
print(repr(aw.astimezone(timezone(timedelta(hours=-8)))), repr(aw.astimezone(UTC)), aw.astimezone(UTC) is aw)
print(repr(datetime(2024, 1, 1, tzinfo=Fixed(60)).astimezone(Fixed(-60))))
show(lambda: aw.astimezone(5))
show(lambda: datetime(2024, 1, 1, tzinfo=Fixed(None)).astimezone(UTC).tzinfo is UTC)
show(lambda: datetime.max.replace(tzinfo=Fixed(-60)).astimezone(UTC))
tz2 = timezone(timedelta(hours=2))
print(UTC.fromutc(datetime(2024, 1, 1, tzinfo=UTC)), repr(tz2.fromutc(datetime(2024, 1, 1, tzinfo=tz2))))
show(lambda: UTC.fromutc(datetime(2024, 1, 1)))
show(lambda: UTC.fromutc(datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1)))))
show(lambda: UTC.fromutc(5))
f90 = Fixed(90)
print(repr(f90.fromutc(datetime(2024, 1, 1, tzinfo=f90))))
show(lambda: f90.fromutc(datetime(2024, 1, 1, tzinfo=Fixed(80))))
fnone = Fixed(None)
show(lambda: fnone.fromutc(datetime(2024, 1, 1, tzinfo=fnone)))
show(lambda: tz2.fromutc(datetime(2024, 1, 1)))
show(lambda: tz2.fromutc(datetime(2024, 1, 1, tzinfo=UTC)))

# timestamps (only UTC-independent values)
for t in [0, 1, -1, 1.5, -1.5, 1e9, 1700000000.123456, 1700000000.9999996, -0.0000004, 253402300799, -62135596800, 0.0000005, 0.0000015]:
    x = datetime.fromtimestamp(t, UTC)
    print(t, repr(x), x.timestamp(), repr(datetime.utcfromtimestamp(t)))
show(lambda: datetime.fromtimestamp(1e20, UTC))
show(lambda: datetime.fromtimestamp(float('nan'), UTC))
show(lambda: datetime.fromtimestamp(float('inf'), UTC))
show(lambda: datetime.fromtimestamp('1', UTC), False)
show(lambda: datetime.fromtimestamp(0, 5))
show(lambda: datetime.utcfromtimestamp(253402300800))
print(datetime.fromtimestamp(86400 * 400, timezone(timedelta(hours=-5))), datetime(2024, 1, 1, tzinfo=Fixed(-90)).timestamp())
print(datetime(2024, 1, 1).timestamp() - datetime(2023, 1, 1).timestamp() in (365 * 86400, 365 * 86400 + 3600, 365 * 86400 - 3600))
n = datetime.now()
print(type(n).__name__, n.tzinfo, datetime.now(UTC).tzinfo, type(datetime.utcnow()).__name__, datetime.today().tzinfo)
show(lambda: datetime.now(5))
print(abs(datetime.now(UTC) - datetime.now(timezone(timedelta(hours=3)))) < timedelta(seconds=10))
print(datetime.fromtimestamp(0).astimezone().tzinfo is not None, type(datetime(2024, 6, 1).astimezone().tzinfo).__name__)

# combine / replace
print(repr(datetime.combine(date(2024, 1, 2), time(3, 4, tzinfo=UTC, fold=1))), repr(datetime.combine(date(2024, 1, 2), time(3), UTC)),
      repr(datetime.combine(date(2024, 1, 2), time(3, tzinfo=UTC), tzinfo=None)), repr(datetime.combine(dt, time(1))))
show(lambda: datetime.combine(time(1), date(2024, 1, 1)))
show(lambda: datetime.combine(date(2024, 1, 1), 5))
show(lambda: datetime.combine(date(2024, 1, 1), time(1), 5))
print(repr(dt.replace(year=2000, microsecond=0, tzinfo=UTC)), repr(dt.replace(tzinfo=UTC).replace(tzinfo=None)), dt.replace(fold=1).fold)
show(lambda: dt.replace(month=2, day=30))
show(lambda: dt.replace(tzinfo='x'))
show(lambda: dt.replace(fold=2))

# fromisoformat (3.11 formats)
for s in ['2024-03-04', '2024-03-04T05', '2024-03-04T05:06', '2024-03-04 05:06:07', '2024-03-04T05:06:07.8', '2024-03-04T05:06:07,891',
          '2024-03-04T05:06:07.891234', '20240304T050607', '2024-03-04T050607.5', '20240304', '2024-W10-1T05:06', '2024W101T0506Z',
          '2024-03-04T05:06:07+05:30', '2024-03-04T05:06:07-0800', '2024-03-04T05:06:07Z', '2024-03-04T05:06:07.1234567+01:00',
          '2024-03-04x05:06', '2024-03-04T24:00', '2024-03-04T05:06:07.123456789', '2024-03-04T00:00:00+00:00:01.5', '2024-W10',
          '2024-03-04 05:06:07+0530', '2024-03-04T05:06:07.5Z', '2024-03-04\u00e905:06', '2024-03-04T05+05']:
    show(lambda: datetime.fromisoformat(s))
for s in ['2024-03-04T', '2024-03-04T5', '2024-03-04T05:6', '2024-03-04T05:06:07.', '2024-03-04T05:06:07+', '2024-0304T05',
          '2024-03-04T25:00', '2024-02-30T00:00', '', 'garbage', '2024-03-04T05:06:07 +05:00', '2024-03-04T05:06:07+05:30:',
          '2024-03-04T05:06:07+2400', '2024-03-04  05:06', '2024-03-04T05:06:07.12345678901234Z1']:
    show(lambda: datetime.fromisoformat(s))
show(lambda: datetime.fromisoformat(None))
print(datetime.fromisoformat(dt.isoformat()) == dt, datetime.fromisoformat(aw2.isoformat()) == aw2)

# pickling
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for x in [dt, aw2, datetime(2024, 11, 3, 1, 30, fold=1), datetime.max, datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=1), 'N'))]:
        y = pickle.loads(pickle.dumps(x, proto))
        print(repr(y) == repr(x), y.fold, end=' ')
print()
print(copy.copy(aw2) == aw2, copy.deepcopy(aw2) == aw2, repr(pickle.loads(pickle.dumps(UTC))), pickle.loads(pickle.dumps(UTC)) is UTC)
print(pickle.loads(pickle.dumps(timezone(timedelta(hours=-2), 'Z'))), pickle.loads(pickle.dumps(timedelta(1, 2, 3))))


class DT(datetime):
    pass


s = DT(2020, 1, 2, 3, 4)
print(repr(s), type(s + timedelta(1)).__name__, type(s - timedelta(1)).__name__, type(s.replace(hour=1)).__name__,
      type(DT.now()).__name__, type(DT.fromtimestamp(0, UTC)).__name__, type(DT.combine(date(2020, 1, 1), time())).__name__,
      type(DT.fromisoformat('2020-01-01')).__name__, type(DT.strptime('2020', '%Y')).__name__, type(s.astimezone(UTC)).__name__,
      type(DT.fromordinal(5)).__name__, type(pickle.loads(pickle.dumps(s))).__name__, type(DT.utcfromtimestamp(0)).__name__,
      s - datetime(2020, 1, 1), isinstance(s, date))
print(datetime.resolution, datetime.min, datetime.max, repr(datetime.resolution))
print(isinstance(dt, date), issubclass(datetime, date), date(2024, 3, 4) == datetime(2024, 3, 4), datetime(2024, 3, 4) == date(2024, 3, 4))

# fromisoformat corner cases: digit separators, ignored date tails, year-0 week dates
for s in ['2024-W10-1805', '2024-W10-1x05', '2024W10105', '2024W101805', '2024-W10-105', '2024W10-05:06', '2024-03-04805',
          '0000-W01-1T99', '0000-W01-1Tx', '05:06:07 +05:00', '05:06:07.+01', '050607.5+0100', '05:06:07+00:00:00.000001']:
    show(lambda: datetime.fromisoformat(s if s[2] != ':' and s[:4] != '0506' else '2024-03-04T' + s))
for s in ['20240304xx', '2024W101xx', '2024W10xxx', '2024W1012x', '0000-W01-1', '0000-W53-7', '9999-W52-6']:
    show(lambda: date.fromisoformat(s))
for t in [1e15, -1e12, 2 ** 63, -2 ** 63 - 1, float('-inf')]:
    show(lambda: datetime.fromtimestamp(t, UTC))
    show(lambda: datetime.utcfromtimestamp(t))
    show(lambda: date.fromtimestamp(t))
