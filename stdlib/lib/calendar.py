"""Calendar printing functions and date arithmetic helpers.

The text layout is that of the Unix cal program; names are the English ones
of the C locale. By default weeks start on Monday (0) and end on Sunday (6).
"""
import datetime
import itertools

__all__ = ['IllegalMonthError', 'IllegalWeekdayError', 'setfirstweekday',
           'firstweekday', 'isleap', 'leapdays', 'weekday', 'monthrange',
           'monthcalendar', 'prmonth', 'month', 'prcal', 'calendar',
           'timegm', 'month_name', 'month_abbr', 'day_name', 'day_abbr',
           'Calendar', 'TextCalendar', 'weekheader',
           'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
           'SATURDAY', 'SUNDAY', 'error']

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f'bad month number {self.month!r}; must be 1-12'


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return (f'bad weekday number {self.weekday!r}; '
                'must be 0 (Monday) to 6 (Sunday)')


MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
January, February = 1, 2

# Length of each month in a common year; index 0 is a placeholder so that
# month numbers can index it.
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

day_name = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split()
day_abbr = [name[:3] for name in day_name]
month_name = [''] + ('January February March April May June July August '
                     'September October November December').split()
month_abbr = [name[:3] for name in month_name]


def isleap(year):
    """Return True for leap years, False for non-leap years."""
    if year % 100 == 0:
        return year % 400 == 0
    return year % 4 == 0


def _leap_years_before(year):
    """How many leap years there are from year 1 to year - 1 (counted
    backwards, negatively, for years before 1)."""
    year -= 1
    return year // 4 - year // 100 + year // 400


def leapdays(y1, y2):
    """Return number of leap years in range [y1, y2).
       Assume y1 <= y2."""
    return _leap_years_before(y2) - _leap_years_before(y1)


def weekday(year, month, day):
    """Return weekday (0-6 ~ Mon-Sun) for year, month (1-12), day (1-31)."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        # Weekdays repeat every 400 years: use a year that datetime accepts.
        year = 2000 + year % 400
    return datetime.date(year, month, day).weekday()


def _month_length(year, month):
    if month == February and isleap(year):
        return 29
    return mdays[month]


def monthrange(year, month):
    """Return weekday (0-6 ~ Mon-Sun) and number of days (28-31) for
       year, month."""
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    return weekday(year, month, 1), _month_length(year, month)


def _month_before(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_after(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _in_groups(items, size):
    """Consecutive lists of `size` elements of a list (the last may be
    shorter)."""
    return [items[start:start + size] for start in range(0, len(items), size)]


class Calendar:
    """Base calendar class: the weeks of a month as lists of dates, day
    numbers or (day, weekday) pairs, weeks starting on firstweekday."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """Weekday numbers for one week, starting with firstweekday."""
        start = self.firstweekday
        return ((start + offset) % 7 for offset in range(7))

    def _padding(self, year, month):
        """(days shown before the 1st, length of the month, days shown after
        the last day) when the month is laid out in whole weeks."""
        first, length = monthrange(year, month)
        before = (first - self.firstweekday) % 7
        return before, length, -(before + length) % 7

    def itermonthdays(self, year, month):
        """Day numbers of the month's weeks; days outside it are 0."""
        before, length, after = self._padding(year, month)
        return itertools.chain(itertools.repeat(0, before),
                               range(1, length + 1),
                               itertools.repeat(0, after))

    def itermonthdays2(self, year, month):
        """(day number, weekday) pairs of the month's weeks."""
        start = self.firstweekday
        for offset, day in enumerate(self.itermonthdays(year, month)):
            yield day, (start + offset) % 7

    def itermonthdays3(self, year, month):
        """(year, month, day) triples of the month's weeks, including the
        days of the neighbouring months that complete them."""
        before, length, after = self._padding(year, month)
        prev_year, prev_month = _month_before(year, month)
        prev_length = _month_length(prev_year, prev_month)
        for day in range(prev_length - before + 1, prev_length + 1):
            yield prev_year, prev_month, day
        for day in range(1, length + 1):
            yield year, month, day
        next_year, next_month = _month_after(year, month)
        for day in range(1, after + 1):
            yield next_year, next_month, day

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) of the month's weeks."""
        start = self.firstweekday
        for offset, ymd in enumerate(self.itermonthdays3(year, month)):
            yield ymd + ((start + offset) % 7,)

    def itermonthdates(self, year, month):
        """datetime.date objects of the month's weeks."""
        for ymd in self.itermonthdays3(year, month):
            yield datetime.date(*ymd)

    def monthdatescalendar(self, year, month):
        """The month's weeks as lists of seven datetime.date objects."""
        return _in_groups(list(self.itermonthdates(year, month)), 7)

    def monthdays2calendar(self, year, month):
        """The month's weeks as lists of seven (day, weekday) pairs."""
        return _in_groups(list(self.itermonthdays2(year, month)), 7)

    def monthdayscalendar(self, year, month):
        """The month's weeks as lists of seven day numbers (0 outside)."""
        return _in_groups(list(self.itermonthdays(year, month)), 7)

    def yeardatescalendar(self, year, width=3):
        """The year's months in rows of `width`, each a monthdatescalendar."""
        return _in_groups([self.monthdatescalendar(year, m)
                           for m in range(1, 13)], width)

    def yeardays2calendar(self, year, width=3):
        """Like yeardatescalendar, with (day, weekday) pairs."""
        return _in_groups([self.monthdays2calendar(year, m)
                           for m in range(1, 13)], width)

    def yeardayscalendar(self, year, width=3):
        """Like yeardatescalendar, with day numbers."""
        return _in_groups([self.monthdayscalendar(year, m)
                           for m in range(1, 13)], width)


def _lines_text(lines, spacing):
    """Lines without trailing blanks, each followed by `spacing` newlines."""
    end = '\n' * spacing
    return ''.join(line.rstrip() + end for line in lines)


class TextCalendar(Calendar):
    """A calendar laid out as plain text, like the Unix cal program."""

    def prweek(self, theweek, width):
        """Print a single week (no newline)."""
        print(self.formatweek(theweek, width), end='')

    def formatday(self, day, weekday, width):
        """A day number centred in `width` (blank outside the month)."""
        return ('%2d' % day if day else '').center(width)

    def formatweek(self, theweek, width):
        """A week of (day, weekday) pairs as one line."""
        return ' '.join([self.formatday(day, wd, width) for day, wd in theweek])

    def formatweekday(self, day, width):
        """A weekday name cut to `width` (full names from width 9 up)."""
        name = day_name[day] if width >= 9 else day_abbr[day]
        return name[:width].center(width)

    def formatweekheader(self, width):
        """The header line of weekday names."""
        return ' '.join([self.formatweekday(wd, width)
                         for wd in self.iterweekdays()])

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        """The month's name (and year), centred in `width`."""
        title = month_name[themonth]
        if withyear:
            title = f'{title} {theyear!r}'
        return title.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        """Print a month's calendar."""
        print(self.formatmonth(theyear, themonth, w, l), end='')

    def formatmonth(self, theyear, themonth, w=0, l=0):
        """A month's calendar as a multi-line string: w is the width of a
        day column, l the number of lines each week takes."""
        w = max(w, 2)
        lines = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1),
                 self.formatweekheader(w)]
        lines += [self.formatweek(week, w)
                  for week in self.monthdays2calendar(theyear, themonth)]
        return _lines_text(lines, max(l, 1))

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """A year's calendar as a multi-line string, m months per row
        separated by c spaces (w and l as for formatmonth)."""
        w = max(w, 2)
        c = max(c, 2)
        colwidth = 7 * (w + 1) - 1
        header = self.formatweekheader(w)
        lines = [repr(theyear).center(m * colwidth + (m - 1) * c)]
        for row, calendars in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(row * m + 1, row * m + 1 + len(calendars))
            lines.append('')
            lines.append(formatstring(
                [self.formatmonthname(theyear, k, colwidth, False)
                 for k in months], colwidth, c))
            lines.append(formatstring([header] * len(calendars), colwidth, c))
            for index in range(max(map(len, calendars))):
                weeks = [self.formatweek(weeks[index], w)
                         if index < len(weeks) else '' for weeks in calendars]
                lines.append(formatstring(weeks, colwidth, c))
        return _lines_text(lines, max(l, 1))

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        """Print a year's calendar."""
        print(self.formatyear(theyear, w, l, c, m), end='')


def formatstring(cols, colwidth=20, spacing=6):
    """Centre each string of cols in colwidth and join them with `spacing`
    blanks between."""
    return (' ' * spacing).join([col.center(colwidth) for col in cols])


# The module-level functions use one shared TextCalendar.
c = TextCalendar()

firstweekday = c.getfirstweekday


def setfirstweekday(firstweekday):
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.firstweekday = firstweekday


monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def timegm(tuple):
    """Unrelated but handy function to calculate Unix timestamp from GMT."""
    year, month, day, hour, minute, second = tuple[:6]
    days = datetime.date(year, month, 1).toordinal() - _EPOCH_ORDINAL + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second
