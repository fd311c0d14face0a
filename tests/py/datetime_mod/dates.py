# date: calendar arithmetic over the whole range, ISO calendar, formatting, parsing, errors
import pickle
from datetime import date, timedelta, MINYEAR, MAXYEAR


def show(f, msg=True):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e if msg else '')


# ordinal round trips, checked against a day-by-day walk of the calendar
dim = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
n = 0
bad = 0
weeks = {}
for y in list(range(1, 30)) + list(range(1580, 1620)) + list(range(1890, 1910)) + list(range(1995, 2105)) + list(range(9970, 10000)):
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    if n == 0 or y - 1 not in weeks:
        n = date(y, 1, 1).toordinal() - 1
    for m in range(1, 13):
        days = 29 if m == 2 and leap else dim[m - 1]
        for d in range(1, days + 1):
            n += 1
            x = date(y, m, d)
            if x.toordinal() != n or date.fromordinal(n) != x or (x.year, x.month, x.day) != (y, m, d):
                bad += 1
            if x.weekday() != (n + 6) % 7 or x.isoweekday() != (n + 6) % 7 + 1:
                bad += 1
            iso = x.isocalendar()
            if date.fromisocalendar(*iso) != x:
                bad += 1
            weeks[y] = max(weeks.get(y, 0), iso[1] if iso[0] == y else 0)
            if x.timetuple().tm_yday != (x - date(y, 1, 1)).days + 1:
                bad += 1
print('walked', bad, sorted(y for y, w in weeks.items() if w == 53)[:12])
print(date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal(), date(1970, 1, 1).toordinal(), date(2000, 2, 29).toordinal())
for o in [1, 2, 365, 366, 730119, 730120, 146097, 146098, 3652059, 36524, 36525, 1461, 1462]:
    print(o, date.fromordinal(o))
show(lambda: date.fromordinal(0))
show(lambda: date.fromordinal(3652060))
show(lambda: date.fromordinal(-5))
show(lambda: date.fromordinal(1.5), False)

d = date(2024, 2, 29)
print(repr(d), str(d), d.isoformat(), d.ctime(), d.year, d.month, d.day, d.weekday(), d.isoweekday())
ic = d.isocalendar()
print(ic, repr(ic), ic.year, ic.week, ic.weekday, tuple(ic), ic[0], len(ic), ic == (2024, 9, 4), type(ic).__name__)
print(isinstance(ic, tuple), pickle.loads(pickle.dumps(ic)), ic._asdict() if hasattr(ic, '_asdict') else 'no')
for y, m, dd in [(2008, 12, 29), (2010, 1, 3), (2020, 12, 31), (2021, 1, 1), (2026, 12, 31), (1, 1, 1), (9999, 12, 31), (2004, 12, 31), (2005, 1, 2)]:
    print(y, m, dd, date(y, m, dd).isocalendar())
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(1, 1, 1), date.fromisocalendar(9999, 52, 5), date.fromisocalendar(2004, 1, 1))
for args in [(2021, 53, 1), (2020, 54, 1), (2020, 0, 1), (2020, 1, 0), (2020, 1, 8), (0, 1, 1), (10000, 1, 1), (9999, 52, 6), (2020, 1, 1.0), ('2020', 1, 1)]:
    show(lambda: date.fromisocalendar(*args))

print(d.timetuple(), d.toordinal())
print(d.replace(year=2023, day=28), d.replace(month=3), d.replace())
show(lambda: d.replace(year=2023))
show(lambda: d.replace(month=13))
show(lambda: d.replace(hour=1), False)
print(d + timedelta(1), timedelta(1) + d, d - timedelta(60), d - date(2000, 1, 1), date(2000, 1, 1) - d,
      d + timedelta(hours=23, minutes=59), d - timedelta(hours=1), d + timedelta(days=-1, seconds=1))
show(lambda: date(9999, 12, 31) + timedelta(1))
show(lambda: date(1, 1, 1) - timedelta(1))
show(lambda: date(1, 1, 1) + timedelta.max)
show(lambda: d + 1, False)
show(lambda: d - 1, False)
show(lambda: 1 - d, False)
show(lambda: d < 1, False)
show(lambda: d <= 'x', False)
print(d == date(2024, 2, 29), d != date(2024, 2, 28), d < date(2024, 3, 1), d > date(2024, 3, 1), d >= d, d <= d, d == 5, d != 'x')
print(hash(d) == hash(date(2024, 2, 29)), len({date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)}))
print(date.min, date.max, repr(date.min), repr(date.resolution), MINYEAR, MAXYEAR)
for args in [(2023, 2, 29), (2024, 13, 1), (2024, 0, 1), (0, 1, 1), (10000, 1, 1), (2024, 4, 31), (2024, 1, 0), (-1, 1, 1)]:
    show(lambda: date(*args))
for args in [(2024.0, 1, 1), ('2024', 1, 1), (2024, None, 1), (2024, 1, 1.5)]:
    show(lambda: date(*args))
show(lambda: date(2024), False)
show(lambda: date(2024, 1), False)
show(lambda: date(True, True, True))
show(lambda: date(year=2020, month=5, day=6))

# strftime / format
for fmt in ['%Y-%m-%d', '%a %A %b %B %d %j %U %W %w %y %C', '%%Y %H:%M:%S %f %z %Z|', '%G-W%V-%u', '%x', '%c', '', 'plain', '%e %D %F %T %R %n %t.', '%%', '%']:
    show(lambda: d.strftime(fmt))
print(format(d), format(d, ''), f'{d:%d/%m/%Y}', '{:%A}'.format(d), date(5, 3, 7).strftime('%Y %y %G'), date(1, 1, 1).strftime('%Y|%C|%y'))
show(lambda: d.strftime(5), False)
show(lambda: format(d, 5), False)
show(lambda: d.strftime(), False)
print(date(1900, 1, 1).strftime('%a %U %W'), date(2023, 1, 1).strftime('%U %W %j'))

# parsing
for s in ['2024-02-29', '20240229', '2024-W09-4', '2024W094', '2024-W09', '2024W09', '0001-01-01', '9999-12-31', '2020-W53-7']:
    show(lambda: date.fromisoformat(s))
for s in ['2023-02-29', '2024-2-29', '2024-02-29T00:00', '2024/02/29', '', '2024-02', '24-02-29', '2024-W54-1', '2021-W53-1', '2024-W09-8', '2024-13-01', ' 2024-01-01', '2024-01-01 ', '２０２４-01-01', '2024-0101', '202401-01', '0000-01-01']:
    show(lambda: date.fromisoformat(s))
show(lambda: date.fromisoformat(20240101))
show(lambda: date.fromisoformat(b'2024-01-01'))
print(date.fromtimestamp(0) <= date(1970, 1, 2), date.fromtimestamp(86400 * 365.5).year, type(date.today()).__name__)
show(lambda: date.fromtimestamp('x'), False)
show(lambda: date.fromtimestamp(float('nan')))
show(lambda: date.fromtimestamp(1e20))

# pickling, copying, subclassing
import copy
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(d, proto))
    print(proto, p, p == d, type(p).__name__, end='; ')
print()
print(copy.copy(d), copy.deepcopy(d), d.__reduce__()[0].__name__)


class D(date):
    def extra(self):
        return 'extra'


e = D(2020, 5, 17)
print(repr(e), e, type(e + timedelta(1)).__name__, type(e - timedelta(1)).__name__, type(e.replace(day=1)).__name__,
      type(D.fromordinal(5)).__name__, type(D.fromisoformat('2020-01-01')).__name__, type(D.fromisocalendar(2020, 1, 1)).__name__,
      e == date(2020, 5, 17), hash(e) == hash(date(2020, 5, 17)), e - date(2020, 5, 1), pickle.loads(pickle.dumps(e)).extra())


class D2(date):
    def __new__(cls, y, m, d, note):
        self = super().__new__(cls, y, m, d)
        self.note = note
        return self


f = D2(2020, 1, 2, 'hi')
print(f.note, repr(f))
show(lambda: setattr(d, 'year', 5), False)
