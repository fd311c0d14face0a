# datetime: construction, reprs, str forms, arithmetic, comparisons, parsing and formatting
import datetime
from datetime import date, time, timedelta, timezone, MINYEAR, MAXYEAR

print(MINYEAR, MAXYEAR)
d = date(2024, 1, 2)
print(repr(d), str(d), d.isoformat(), d.weekday(), d.isoweekday(), d.isocalendar())
print(d.isocalendar().week, tuple(d.isocalendar()), d.toordinal(), date.fromordinal(738887))
print(d.ctime(), d.strftime('%Y/%m/%d %a %A %b %B %j'), f'{d:%d.%m.%Y}', format(d, ''))
print(d.replace(day=31), d + timedelta(days=30), d - timedelta(days=2), d - date(2023, 1, 1))
print(d < date(2024, 1, 3), d == date(2024, 1, 2), hash(d) == hash(date(2024, 1, 2)))
print(date.fromisoformat('2024-02-29'), date.fromisoformat('20240301'),
      date.fromisocalendar(2020, 53, 5), date(2021, 1, 3).isocalendar())
print(date.min, date.max, repr(date.resolution), d.timetuple()[:8])
for bad in [(2023, 2, 29), (2024, 13, 1), (0, 1, 1), (2024, 4, 31)]:
    try:
        date(*bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    date(2024.0, 1, 1)
except TypeError as e:
    print('TypeError:', e)

dt = datetime.datetime(2024, 1, 2, 3, 4, 5)
print(repr(dt), str(dt), dt.isoformat(), dt.isoformat(' ', 'minutes'))
dt2 = datetime.datetime(2024, 1, 2, 3, 4, 5, 678000)
print(repr(dt2), dt2, dt2.isoformat(timespec='milliseconds'))
print(repr(datetime.datetime(2024, 1, 2)), repr(datetime.datetime(2024, 1, 2, 0, 0, 7)))
print(dt.date(), dt.time(), repr(dt.time()), dt.weekday(), dt.ctime())
print(dt.strftime('%Y-%m-%d %H:%M:%S.%f %I %p %y %%'), f'{dt:%H:%M}')
print(dt + timedelta(hours=23), dt - timedelta(days=3, minutes=5), dt2 - dt)
print(dt - datetime.datetime(2023, 12, 31), (dt - datetime.datetime(2023, 12, 31)).total_seconds())
print(datetime.datetime.combine(d, time(12, 30)), dt.replace(year=2000, second=0))
print(datetime.datetime.fromisoformat('2024-01-02T03:04:05'),
      datetime.datetime.fromisoformat('2024-01-02 03:04:05.123'),
      repr(datetime.datetime.fromisoformat('2024-01-02T03:04:05+05:30')),
      datetime.datetime.fromisoformat('2024-01-02'))
print(datetime.datetime.strptime('2024-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'))
print(repr(datetime.datetime.strptime('04/Mar/24 11:15 PM', '%d/%b/%y %I:%M %p')))
print(datetime.datetime.strptime('2024-03-04T05:06:07.25+0100', '%Y-%m-%dT%H:%M:%S.%f%z'))
print(datetime.datetime.strptime('Monday 1 January 2024', '%A %d %B %Y'))
for s, f in [('2024-13-01', '%Y-%d-%m'), ('2024', '%Y-%m'), ('2024-01-02x', '%Y-%m-%d')]:
    try:
        datetime.datetime.strptime(s, f)
    except ValueError as e:
        print('ValueError:', e)
print(dt < dt2, dt == datetime.datetime(2024, 1, 2, 3, 4, 5), dt != d, dt == d)
print(isinstance(dt, date), datetime.datetime.min, datetime.datetime.max)

t = time(3, 4, 5, 6)
print(repr(t), t, time(12), repr(time(12)), t.isoformat('seconds'), time.fromisoformat('10:11:12'))
print(t.replace(hour=9), t < time(4), time(1, 2).strftime('%H.%M.%S'), repr(time.max))

print(repr(timedelta(days=1, seconds=3600)), repr(timedelta()), repr(timedelta(microseconds=-1)))
print(timedelta(days=1, seconds=3600), timedelta(hours=-1), timedelta(days=2, microseconds=5))
print(timedelta(weeks=1, minutes=90), timedelta(seconds=1.5), repr(timedelta(milliseconds=2.5)))
print(timedelta(days=-1, seconds=1), -timedelta(seconds=1), abs(timedelta(hours=-3)))
td = timedelta(hours=5)
print(td * 2, 2 * td, td / 2, td // 3, td / timedelta(hours=1), td // timedelta(minutes=7))
print(td % timedelta(hours=2), divmod(td, timedelta(hours=2)), td * 0.5, td / 4.0)
print(td.total_seconds(), td.days, td.seconds, td.microseconds, bool(timedelta()))
print(timedelta.max, timedelta.min, repr(timedelta.resolution))
print(timedelta(hours=1) == timedelta(minutes=60), timedelta(1) > timedelta(0, 86399),
      hash(timedelta(1)) == hash(timedelta(hours=24)))
try:
    timedelta(days=10**9)
except OverflowError as e:
    print('OverflowError:', e)
try:
    timedelta(days='1')
except TypeError as e:
    print('TypeError:', e)

utc = timezone.utc
print(repr(utc), str(utc), utc is datetime.UTC)
tz = timezone(timedelta(hours=5, minutes=30))
print(repr(tz), str(tz), tz.utcoffset(None), tz.tzname(None), timezone(timedelta(hours=-3), 'BRT'))
print(repr(timezone(timedelta(hours=-3), 'BRT')), timezone(timedelta(0)) is utc)
aware = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=utc)
print(repr(aware), aware, aware.isoformat(), aware.utcoffset(), aware.tzname())
print(aware.astimezone(tz), aware.timestamp(), aware.strftime('%z %Z'))
print(datetime.datetime.fromtimestamp(0, utc), datetime.datetime.fromtimestamp(86400.5, tz))
print(datetime.datetime.utcfromtimestamp(1700000000))
print(aware == aware.astimezone(tz), aware - datetime.datetime(2024, 1, 1, tzinfo=tz))
print(dt == aware)
try:
    dt < aware
except TypeError as e:
    print('TypeError:', e)
try:
    aware - dt
except TypeError as e:
    print('TypeError:', e)
now = datetime.datetime.now()
print(type(now).__name__, now.year >= 2024, type(date.today()).__name__,
      abs(datetime.datetime.now(utc) - datetime.datetime.now(utc)) < timedelta(minutes=1))
local = datetime.datetime(2024, 6, 1, 12)
print(datetime.datetime.fromtimestamp(local.timestamp()) == local)
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 1)]))
print({dt: 1}[datetime.datetime(2024, 1, 2, 3, 4, 5)])
for s, f in [('10:61', '%H:%M'), ('24:00', '%H:%M'), ('00/01/2024', '%m/%d/%Y'), ('x', '%Q')]:
    try:
        print(datetime.datetime.strptime(s, f))
    except ValueError as e:
        print('ValueError:', e)
print(datetime.datetime.strptime('7/4/2024 9:05:03', '%m/%d/%Y %H:%M:%S'),
      datetime.datetime.strptime('2024 366', '%Y %j'), datetime.datetime.strptime('12 AM', '%I %p'))
try:
    datetime.datetime(2024, 1, 1) < date(2024, 1, 1)
except TypeError as e:
    print('TypeError:', e)
