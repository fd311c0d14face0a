# calendar: date helpers, Calendar iterators, TextCalendar layouts, module-level functions, errors.
import calendar
import datetime


from _show import show


for y in [1, 4, 100, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2100, 0, -4, -100, 10000]:
    print(y, calendar.isleap(y), end='; ')
print()
for y1, y2 in [(2000, 2000), (2000, 2001), (1900, 2025), (1, 10000), (2025, 1900), (-100, 100), (0, 1)]:
    print('leapdays', y1, y2, calendar.leapdays(y1, y2))
for ymd in [(2024, 2, 29), (1, 1, 1), (9999, 12, 31), (10000, 1, 1), (12000, 3, 1), (0, 1, 1), (-1, 12, 31),
            (1970, 1, 1), (2000, 2, 29)]:
    show('weekday%r' % (ymd,), lambda: calendar.weekday(*ymd))
show('weekday bad day', lambda: calendar.weekday(2023, 2, 29))
show('weekday bad month', lambda: calendar.weekday(2023, 13, 1))
for ym in [(2024, 2), (2023, 2), (1900, 2), (2000, 2), (2025, 1), (2025, 12), (2025, 4), (10000, 2),
           (2024, 0), (2024, 13), (2024, -1)]:
    show('monthrange%r' % (ym,), lambda: calendar.monthrange(*ym))
show('monthrange str', lambda: calendar.monthrange('2024', 1))
e = calendar.IllegalMonthError(13)
print(e.month, str(e), repr(e.args), isinstance(e, ValueError), calendar.error is ValueError)
w = calendar.IllegalWeekdayError(9)
print(w.weekday, str(w), isinstance(w, ValueError))
print(calendar.MONDAY, calendar.TUESDAY, calendar.WEDNESDAY, calendar.THURSDAY, calendar.FRIDAY,
      calendar.SATURDAY, calendar.SUNDAY, calendar.January, calendar.February)
print(calendar.mdays)
print(len(calendar.month_name), len(calendar.month_abbr), len(calendar.day_name), len(calendar.day_abbr))
print(calendar.month_name[0] == '', calendar.month_name[1], calendar.month_name[12], calendar.month_abbr[5],
      calendar.day_name[0], calendar.day_name[6], calendar.day_abbr[2], calendar.day_name[-1],
      calendar.month_name[-1], list(calendar.month_name[1:4]), list(calendar.day_abbr[5:]))
print(list(calendar.month_name), list(calendar.month_abbr), list(calendar.day_name), list(calendar.day_abbr))
print('May' in calendar.month_name, 'Mon' in calendar.day_abbr)

for fw in range(7):
    c = calendar.Calendar(fw)
    print('fw', fw, c.firstweekday, c.getfirstweekday(), list(c.iterweekdays()))
    print(' days', list(c.itermonthdays(2024, 2)))
    print(' days2', list(c.itermonthdays2(2025, 3))[:9])
    print(' days3', list(c.itermonthdays3(2024, 12))[:3], list(c.itermonthdays3(2024, 12))[-3:])
    print(' days4', list(c.itermonthdays4(2024, 1))[:2], list(c.itermonthdays4(2024, 1))[-2:])
    print(' dates', [d.isoformat() for d in c.itermonthdates(2023, 1)][:3])
    print(' cal', c.monthdayscalendar(2026, 2))
c = calendar.Calendar(8)
print('fw 8', c.firstweekday, list(c.iterweekdays()))
c.setfirstweekday(-1)
print('fw -1', c.firstweekday, c.getfirstweekday())
c.firstweekday = 3
print('fw set', c.firstweekday)
c = calendar.Calendar()
print(c.monthdatescalendar(2024, 2)[0], len(c.monthdatescalendar(2024, 2)))
print(c.monthdays2calendar(2021, 2))
print(len(c.yeardatescalendar(2024)), len(c.yeardatescalendar(2024, 4)), len(c.yeardatescalendar(2024, 5)),
      [len(r) for r in c.yeardatescalendar(2024, 5)], [len(r) for r in c.yeardays2calendar(2024, 7)])
print(c.yeardayscalendar(2024, 2)[5][1][:2], c.yeardays2calendar(2023, 6)[1][0][0])
show('itermonthdates 1/1', lambda: list(c.itermonthdates(1, 1))[:2])
show('itermonthdates 9999/12', lambda: list(c.itermonthdates(9999, 12))[-2:])
show('itermonthdays3 1/1', lambda: list(c.itermonthdays3(1, 1))[:2])
show('itermonthdays3 9999/12', lambda: list(c.itermonthdays3(9999, 12))[-2:])
show('itermonthdays bad', lambda: list(c.itermonthdays(2024, 13)))
show('monthdayscalendar bad', lambda: c.monthdayscalendar(2024, 0))

t = calendar.TextCalendar()
for args in [(2024, 2), (2025, 11, 3, 2), (2023, 10, 0, 0), (2021, 2, 1), (2024, 9, 5), (2024, 9, 10)]:
    print(repr(t.formatmonth(*args)))
print(t.formatyear(2024), end='')
print(repr(t.formatyear(2023, 3, 1, 2, 4)))
print(repr(t.formatyear(2023, 2, 2, 6, 5)))
print(repr(t.formatyear(2025, 2, 1, 6, 12)))
print(repr(t.formatyear(2025, 2, 1, 6, 1)[:200]))
for wd in range(7):
    print(repr(t.formatweekday(wd, 1)), repr(t.formatweekday(wd, 2)), repr(t.formatweekday(wd, 3)),
          repr(t.formatweekday(wd, 8)), repr(t.formatweekday(wd, 9)), repr(t.formatweekday(wd, 12)))
print(repr(t.formatweekheader(1)), repr(t.formatweekheader(4)), repr(t.formatweekheader(10)))
print(repr(t.formatmonthname(2024, 5, 20)), repr(t.formatmonthname(2024, 5, 20, False)),
      repr(t.formatmonthname(2024, 9, 5)), repr(t.formatmonthname(-3, 1, 25)))
print(repr(t.formatday(0, 0, 3)), repr(t.formatday(5, 0, 3)), repr(t.formatday(25, 0, 4)), repr(t.formatday(7, 0, 1)))
print(repr(t.formatweek([(0, 0), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)], 2)))
t.prweek([(1, 0), (2, 1), (0, 2)], 3)
print('|')
t.prmonth(2024, 3)
t.prmonth(2024, 3, 3, 1)
t.pryear(2022, 2, 1, 3, 6)
ts = calendar.TextCalendar(calendar.SUNDAY)
print(ts.formatmonth(2023, 10), end='')
print(ts.formatyear(2024, m=4), end='')

# module-level shortcuts
print(calendar.firstweekday(), calendar.monthcalendar(2024, 3))
print(repr(calendar.week([(1, 0), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5), (7, 6)], 2)))
print(repr(calendar.weekheader(2)), repr(calendar.weekheader(9)), repr(calendar.weekheader(1)))
print(calendar.month(2024, 2), end='')
print(repr(calendar.month(2025, 11, w=3, l=2)))
print(repr(calendar.calendar(2024, 2, 1, 6, 3)[:300]))
calendar.prmonth(2024, 7)
calendar.prcal(2021, m=6)
calendar.prweek([(1, 0), (2, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6)], 3)
print('|')
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.monthcalendar(2024, 3)[0], repr(calendar.weekheader(3)))
print(calendar.month(2024, 6), end='')
show('setfirstweekday 7', lambda: calendar.setfirstweekday(7))
show('setfirstweekday -1', lambda: calendar.setfirstweekday(-1))
print(calendar.firstweekday())
calendar.setfirstweekday(0)
show('month 13', lambda: calendar.month(2024, 13))
show('calendar str', lambda: calendar.calendar('2024'))

for tup in [(2024, 1, 1, 0, 0, 0), (1970, 1, 2, 3, 4, 5, 0, 0, 0), (1969, 12, 31, 23, 59, 59),
            (2000, 2, 29, 12, 30, 15.5), (1970, 1, 1, 0, 0, 0), (2024, 13, 1, 0, 0, 0), (2024, 1, 40, 0, 0, 0),
            (2024, 1, 1, 25, 61, 61), (1, 1, 1, 0, 0, 0)]:
    show('timegm%r' % (tup,), lambda: calendar.timegm(tup))
show('timegm short', lambda: calendar.timegm((2024, 1, 1)))
import time
print(calendar.timegm(time.gmtime(1700000000)), calendar.timegm(datetime.datetime(2020, 5, 17, 8, 9, 10).timetuple()))
