"""Dates, times, datetimes, time differences and fixed-offset time zones (the proleptic
Gregorian calendar, years MINYEAR..MAXYEAR)."""

import time as _time
import math as _math
from operator import index as _index

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR",
           "UTC")

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_MAX_DAYS = 999999999
_MISSING = object()

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic. Day numbers are proleptic Gregorian ordinals (0001-01-01 is day 1); the
# conversions count from a March-based year so that the leap day falls at the end of a year.

_DAYS_PER_ERA = 146097          # days in 400 years
_MARCH_SHIFT = 305              # ordinal of 0000-03-01 is -305


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(year, month):
    if month == 2 and _leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def _to_ordinal(year, month, day):
    if month <= 2:
        year -= 1
        month += 12
    era, year_of_era = divmod(year, 400)
    day_of_year = (153 * (month - 3) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * _DAYS_PER_ERA + day_of_era - _MARCH_SHIFT


def _from_ordinal(ordinal):
    era, day_of_era = divmod(ordinal + _MARCH_SHIFT, _DAYS_PER_ERA)
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524
                   - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153          # 0 is March
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    year = era * 400 + year_of_era
    if shifted_month >= 10:
        return year + 1, shifted_month - 9, day
    return year, shifted_month + 3, day


_MAX_ORDINAL = _to_ordinal(MAXYEAR, 12, 31)
_EPOCH_ORDINAL = _to_ordinal(1970, 1, 1)


def _iso_week1_monday(year):
    # Week 1 is the week holding January 4th.
    jan4 = _to_ordinal(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _iso_weeks_in(year):
    return (_iso_week1_monday(year + 1) - _iso_week1_monday(year)) // 7


def _struct_time(year, month, day, hour, minute, second, isdst):
    ordinal = _to_ordinal(year, month, day)
    yday = ordinal - _to_ordinal(year, 1, 1) + 1
    return _time.struct_time((year, month, day, hour, minute, second, (ordinal + 6) % 7, yday,
                              isdst))


# ---------------------------------------------------------------------------------------------
# Argument checking shared by the constructors.

def _type_name(cls):
    # CPython's C types are named 'datetime.X' in reprs and messages; subclasses by bare name.
    if cls.__module__ == "datetime":
        return "datetime." + cls.__name__
    return cls.__name__


def _date_fields(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if year < MINYEAR or year > MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if month < 1 or month > 12:
        raise ValueError("month must be in 1..12")
    if day < 1 or day > _month_length(year, month):
        raise ValueError("day is out of range for month")
    return int(year), int(month), int(day)


def _time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second = _index(hour), _index(minute), _index(second)
    microsecond = _index(microsecond)
    for value, top, name in ((hour, 23, "hour"), (minute, 59, "minute"), (second, 59, "second"),
                             (microsecond, 999999, "microsecond")):
        if value < 0 or value > top:
            raise ValueError("%s must be in 0..%d" % (name, top))
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return int(hour), int(minute), int(second), int(microsecond), int(fold)


def _check_tz(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _type_name(type(tz)))


def _missing_argument(name, position):
    raise TypeError("function missing required argument '%s' (pos %d)" % (name, position))


def _round_half_even(numerator, denominator):
    """numerator / denominator rounded to the nearest int, ties to even."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and quotient & 1):
        quotient += 1
    return quotient


def _posix_seconds(t, round_floor):
    """Splits a timestamp into whole seconds and microseconds, as time_t conversion does."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if _math.isinf(t):
            raise OverflowError("timestamp out of range for platform time_t")
        if round_floor:
            seconds, us = _math.floor(t), 0
        else:
            fraction, whole = _math.modf(t)
            seconds, us = int(whole), round(fraction * 1e6)
            if us >= _US_PER_SECOND:
                seconds, us = seconds + 1, us - _US_PER_SECOND
            elif us < 0:
                seconds, us = seconds - 1, us + _US_PER_SECOND
    else:
        seconds, us = _index(t), 0
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError("timestamp out of range for platform time_t")
    return seconds, us


# ---------------------------------------------------------------------------------------------
# Local time, through the time module.

def _wall_seconds(fields):
    """Seconds from the epoch to the (year, month, day, hour, minute, second) wall clock
    reading, counting every day as 86400 seconds."""
    y, mo, d, h, mi, s = fields[:6]
    return (_to_ordinal(y, mo, d) - _EPOCH_ORDINAL) * 86400 + h * 3600 + mi * 60 + s


def _local_offset(posix):
    return _wall_seconds(_time.localtime(posix)) - posix


def _local_to_posix(wall, fold):
    """The POSIX second whose local reading is `wall`; around a transition fold picks the
    offset in force before (0) or after (1) it, also inside a gap (PEP 495)."""
    before = wall - _local_offset(wall - 86400)
    after = wall - _local_offset(wall + 86400)
    before_ok = _local_offset(before) == wall - before
    after_ok = _local_offset(after) == wall - after
    if before_ok != after_ok:
        return before if before_ok else after
    return after if fold else before


def _local_timezone(posix):
    tm = _time.localtime(posix)
    return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)


# ---------------------------------------------------------------------------------------------
# Text helpers.

def _clock_text(hour, minute, second, us, timespec, position):
    if not isinstance(timespec, str):
        raise TypeError("isoformat() argument %d must be str, not %s"
                        % (position, _type_name(type(timespec))))
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % hour
    if timespec == "minutes":
        return "%02d:%02d" % (hour, minute)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hour, minute, second)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hour, minute, second, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hour, minute, second, us)
    raise ValueError("Unknown timespec value")


def _offset_text(offset, sep):
    """'+HH:MM', with ':SS' and '.ffffff' only when needed; '' for no offset."""
    if offset is None:
        return ""
    us = offset._total_us()
    sign = "-" if us < 0 else "+"
    seconds, us = divmod(abs(us), _US_PER_SECOND)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = "%s%02d%s%02d" % (sign, hours, sep, minutes)
    if seconds or us:
        text += "%s%02d" % (sep, seconds)
        if us:
            text += ".%06d" % us
    return text


def _check_offset(offset, method):
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, _type_name(type(offset))))
    if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24).")
    return offset


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _type_name(type(name)))
    return name


def _strftime(obj, fmt, timetuple):
    """time.strftime, after expanding the directives only datetime objects know: %f (the
    microsecond), %z (the UTC offset) and %Z (the zone name)."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _type_name(type(fmt)))
    pieces = []
    start = 0
    pos = fmt.find("%")
    while pos >= 0 and pos + 1 < len(fmt):
        code = fmt[pos + 1]
        if code in "fzZ":
            pieces.append(fmt[start:pos])
            if code == "f":
                pieces.append("%06d" % getattr(obj, "microsecond", 0))
            elif code == "z":
                pieces.append(_offset_text(obj.utcoffset(), "") if hasattr(obj, "utcoffset")
                              else "")
            else:
                name = obj.tzname() if hasattr(obj, "tzname") else None
                pieces.append("" if name is None else name.replace("%", "%%"))
            start = pos + 2
        pos = fmt.find("%", pos + 2)
    pieces.append(fmt[start:])
    return _time.strftime("".join(pieces), timetuple)


def _format(obj, fmt):
    if not isinstance(fmt, str):
        raise TypeError("__format__() argument must be str, not %s" % _type_name(type(fmt)))
    return obj.strftime(fmt) if fmt else str(obj)


# ---------------------------------------------------------------------------------------------
# ISO 8601 parsing. The accepted forms and their quirks follow CPython 3.11's fromisoformat.

class _BadIso(Exception):
    pass


def _digits(text, pos, count):
    chunk = text[pos:pos + count]
    if len(chunk) != count or not all("0" <= c <= "9" for c in chunk):
        raise _BadIso
    return int(chunk)


def _iso_date(text):
    """(year, month, day) of the YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D] or YYYYWww[D] date that
    starts text (what follows is not looked at)."""
    year = _digits(text, 0, 4)
    dashed = text[4:5] == "-"
    pos = 5 if dashed else 4
    if text[pos:pos + 1] == "W":
        week = _digits(text, pos + 1, 2)
        pos += 3
        weekday = 1
        if pos < len(text):
            if dashed:
                if text[pos] != "-":
                    raise _BadIso
                pos += 1
            weekday = _digits(text, pos, 1)
        if not 1 <= week <= _iso_weeks_in(year) or not 1 <= weekday <= 7:
            raise _BadIso
        if year == 0:
            # CPython 3.11 lets the constructor reject these, as a bad month.
            return MINYEAR, 0, 0
        return _from_ordinal(_iso_week1_monday(year) + (week - 1) * 7 + weekday - 1)
    month = _digits(text, pos, 2)
    pos += 2
    if dashed:
        if text[pos:pos + 1] != "-":
            raise _BadIso
        pos += 1
    return year, month, _digits(text, pos, 2)


def _iso_date_length(text):
    """Where the date ends in a datetime string; one character of any kind then separates
    the time. Digit separators make some forms ambiguous: those are settled as CPython does."""
    if len(text) == 7:
        return 7
    if text[4:5] == "-":
        if text[5:6] != "W":
            return 10
        if text[8:9] != "-":
            return 8
        if len(text) == 9:
            raise _BadIso
        # YYYY-Www-D or YYYY-Www, '-', then a time: a digit after D means the latter.
        return 8 if "0" <= text[10:11] <= "9" else 10
    if text[4:5] != "W":
        return 8
    # YYYYWww or YYYYWwwD, then a separator and a time of an even number of digits: the
    # parity of the run of digits tells whether the weekday digit is there.
    end = 7
    while "0" <= text[end:end + 1] <= "9":
        end += 1
    if end < 9:
        return end
    return 7 if end % 2 == 0 else 8


def _iso_clock(text, pos, end):
    """Reads HH[[:]MM[[:]SS[.fff]]] (',' may replace '.') from text[pos:end].

    Returns (hour, minute, second, microsecond, clean); clean is false when a stray character
    ends the clock, which is tolerated just before a UTC offset."""
    fields = [0, 0, 0]
    colons = True
    for i in range(3):
        fields[i] = _digits(text, pos, 2)
        after = text[pos + 2:pos + 3]
        pos += 3
        if i == 0:
            colons = after == ":"
        if pos >= end:
            return fields[0], fields[1], fields[2], 0, after == ""
        if colons and after == ":":
            continue
        if after == "." or after == ",":
            break
        if colons:
            raise _BadIso
        pos -= 1
    width = min(end - pos, 6)
    us = _digits(text, pos, width) * 10 ** (6 - width)
    pos += width
    while "0" <= text[pos:pos + 1] <= "9":
        pos += 1
    return fields[0], fields[1], fields[2], us, pos >= len(text)


def _iso_time(text, start):
    """(hour, minute, second, microsecond, tzinfo) of the time in text[start:]."""
    end = start
    while end < len(text) and text[end] not in "+-Z":
        end += 1
    hour, minute, second, us, clean = _iso_clock(text, start, end)
    if end == len(text):
        if not clean:
            raise _BadIso
        return hour, minute, second, us, None
    if text[end] == "Z":
        if end + 1 != len(text):
            raise _BadIso
        return hour, minute, second, us, timezone.utc
    off_h, off_m, off_s, off_us, clean = _iso_clock(text, end + 1, len(text))
    if not clean:
        raise _BadIso
    seconds = off_h * 3600 + off_m * 60 + off_s
    if not seconds:
        return hour, minute, second, us, timezone.utc
    sign = -1 if text[end] == "-" else 1
    return hour, minute, second, us, timezone(timedelta(seconds=sign * seconds,
                                                        microseconds=sign * off_us))


def _iso_argument(text):
    if not isinstance(text, str):
        raise TypeError("fromisoformat: argument must be str")
    return text


def _iso_error(text):
    return ValueError("Invalid isoformat string: %r" % (text,))


# ---------------------------------------------------------------------------------------------

# Microseconds per unit, in the order CPython accumulates the constructor's arguments (float
# rounding of the leftover fractions depends on it).
_UNIT_US = (("microseconds", 1), ("milliseconds", 1000), ("seconds", _US_PER_SECOND),
            ("minutes", 60 * _US_PER_SECOND), ("hours", 3600 * _US_PER_SECOND),
            ("days", _US_PER_DAY), ("weeks", 7 * _US_PER_DAY))


def _new_delta(us, cls=None):
    """A timedelta (or cls instance) of `us` microseconds, range-checked."""
    days, us = divmod(us, _US_PER_DAY)
    if not -2 ** 31 <= days < 2 ** 31:
        raise OverflowError("Python int too large to convert to C int")
    if abs(days) > _MAX_DAYS:
        raise OverflowError("days=%d; must have magnitude <= %d" % (days, _MAX_DAYS))
    self = object.__new__(cls or timedelta)
    self._days = days
    self._seconds, self._microseconds = divmod(us, _US_PER_SECOND)
    return self


class timedelta:
    """A duration: days, seconds and microseconds, normalised so that only days is negative."""

    __slots__ = ("_days", "_seconds", "_microseconds")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        given = {"days": days, "seconds": seconds, "microseconds": microseconds,
                 "milliseconds": milliseconds, "minutes": minutes, "hours": hours,
                 "weeks": weeks}
        total = 0
        leftover = 0.0
        for name, per in _UNIT_US:
            value = given[name]
            if isinstance(value, int):
                total += value * per
            elif isinstance(value, float):
                fraction, whole = _math.modf(value)
                total += int(whole) * per
                if fraction:
                    fraction, whole = _math.modf(fraction * per)
                    total += int(whole)
                    leftover += fraction
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (name, _type_name(type(value))))
        if leftover:
            # Round the summed fractions half to even, judged on the final total.
            extra = _math.floor(leftover)
            rest = leftover - extra
            if rest > 0.5 or (rest == 0.5 and (total + extra) & 1):
                extra += 1
            total += extra
        return _new_delta(total, cls)

    @property
    def days(self):
        """Days (may be negative)."""
        return self._days

    @property
    def seconds(self):
        """Seconds, 0 <= seconds < 86400."""
        return self._seconds

    @property
    def microseconds(self):
        """Microseconds, 0 <= microseconds < 1000000."""
        return self._microseconds

    def _total_us(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    def total_seconds(self):
        """The whole duration in seconds."""
        return self._total_us() / _US_PER_SECOND

    def __repr__(self):
        parts = ["%s=%d" % (name, value) for name, value in
                 (("days", self._days), ("seconds", self._seconds),
                  ("microseconds", self._microseconds)) if value]
        return "%s(%s)" % (_type_name(type(self)), ", ".join(parts) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._total_us() + other._total_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._total_us() - other._total_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(other._total_us() - self._total_us())
        return NotImplemented

    def __neg__(self):
        return _new_delta(-self._total_us())

    def __pos__(self):
        return _new_delta(self._total_us())

    def __abs__(self):
        return _new_delta(abs(self._total_us()))

    def __mul__(self, other):
        if isinstance(other, int):
            return _new_delta(self._total_us() * other)
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            return _new_delta(_round_half_even(self._total_us() * numerator, denominator))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() / other._total_us()
        if isinstance(other, int):
            if not other:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _new_delta(_round_half_even(self._total_us(), other))
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            if not numerator:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _new_delta(_round_half_even(self._total_us() * denominator, numerator))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() // other._total_us()
        if isinstance(other, int):
            return _new_delta(self._total_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._total_us() % other._total_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            quotient, rest = divmod(self._total_us(), other._total_us())
            return quotient, _new_delta(rest)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() == other._total_us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() != other._total_us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() < other._total_us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() <= other._total_us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() > other._total_us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() >= other._total_us()
        return NotImplemented

    def __hash__(self):
        return hash(self._total_us())

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return type(self), (self._days, self._seconds, self._microseconds)


timedelta.min = _new_delta(-_MAX_DAYS * _US_PER_DAY)
timedelta.max = _new_delta((_MAX_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = _new_delta(1)


# ---------------------------------------------------------------------------------------------

class _IsoCalendarDate(tuple):
    """(year, week, weekday) with names, as date.isocalendar() returns it."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self

    def __reduce__(self):
        # Pickles as a plain tuple: the class is not reachable by name.
        return tuple, (tuple(self),)


_IsoCalendarDate.__name__ = _IsoCalendarDate.__qualname__ = "IsoCalendarDate"


def _make_date(cls, year, month, day):
    if cls is date:
        self = object.__new__(date)
        self._year, self._month, self._day = year, month, day
        return self
    return cls(year, month, day)


class date:
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day")

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING):
        if (isinstance(year, bytes) and len(year) == 4 and month is _MISSING
                and 1 <= year[2] <= 12):
            self = object.__new__(cls)
            self._year, self._month, self._day = year[0] * 256 + year[1], year[2], year[3]
            return self
        for value, name, position in ((year, "year", 1), (month, "month", 2), (day, "day", 3)):
            if value is _MISSING:
                _missing_argument(name, position)
        self = object.__new__(cls)
        self._year, self._month, self._day = _date_fields(year, month, day)
        return self

    @classmethod
    def fromtimestamp(cls, t):
        """The local date of a POSIX timestamp."""
        seconds = _posix_seconds(t, True)[0]
        tm = _time.localtime(seconds)
        return cls(tm[0], tm[1], tm[2])

    @classmethod
    def today(cls):
        """The current local date."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date of proleptic Gregorian ordinal n (1 is 0001-01-01)."""
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """Parses the dates date.isoformat() writes, plus the compact and ISO week forms."""
        text = _iso_argument(date_string)
        if len(text) not in (7, 8, 10):
            raise _iso_error(text)
        try:
            return cls(*_iso_date(text))
        except _BadIso:
            raise _iso_error(text) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO calendar (year, week, weekday) triple."""
        year, week, day = _index(year), _index(week), _index(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        if not 1 <= week <= _iso_weeks_in(year):
            raise ValueError("Invalid week: %d" % week)
        if not 1 <= day <= 7:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return cls(*_from_ordinal(_iso_week1_monday(year) + (week - 1) * 7 + day - 1))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_type_name(type(self)), self._year, self._month, self._day)

    def isoformat(self):
        """YYYY-MM-DD."""
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        """The date in asctime() form, e.g. 'Thu Feb 29 00:00:00 2024'."""
        return "%s %s %2d 00:00:00 %04d" % (_DAY_ABBR[self.weekday()],
                                            _MONTH_ABBR[self._month - 1], self._day, self._year)

    def strftime(self, format):
        """Formats the date with time.strftime's directives."""
        return _strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        return _format(self, fmt)

    def timetuple(self):
        """The date as a time.struct_time (midnight, tm_isdst -1)."""
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """Proleptic Gregorian ordinal: 0001-01-01 is 1."""
        return _to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        """Monday is 0, Sunday is 6."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Monday is 1, Sunday is 7."""
        return (self.toordinal() + 6) % 7 + 1

    def isocalendar(self):
        """The ISO (year, week, weekday) of the date."""
        ordinal = self.toordinal()
        year = self._year
        if ordinal >= _iso_week1_monday(year + 1):
            year += 1
        elif ordinal < _iso_week1_monday(year):
            year -= 1
        week, day = divmod(ordinal - _iso_week1_monday(year), 7)
        return _IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        """A copy with the given fields changed."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _same_kind(self, other):
        # A datetime never equals or orders with a plain date.
        return isinstance(other, date) and not isinstance(other, datetime)

    def _fields(self):
        return self._year, self._month, self._day

    def __eq__(self, other):
        if self._same_kind(other):
            return self._fields() == other._fields()
        return NotImplemented

    def __ne__(self, other):
        if self._same_kind(other):
            return self._fields() != other._fields()
        return NotImplemented

    def __lt__(self, other):
        if self._same_kind(other):
            return self._fields() < other._fields()
        return NotImplemented

    def __le__(self, other):
        if self._same_kind(other):
            return self._fields() <= other._fields()
        return NotImplemented

    def __gt__(self, other):
        if self._same_kind(other):
            return self._fields() > other._fields()
        return NotImplemented

    def __ge__(self, other):
        if self._same_kind(other):
            return self._fields() >= other._fields()
        return NotImplemented

    def __hash__(self):
        return hash(self._fields())

    def _shifted(self, days):
        ordinal = self.toordinal() + days
        if not 1 <= ordinal <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        return _make_date(type(self), *_from_ordinal(ordinal))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other._days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(-other._days)
        if self._same_kind(other):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return type(self), (bytes((self._year >> 8, self._year & 255, self._month, self._day)),)


date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------------------------------

class tzinfo:
    """Abstract base for time zone information: subclasses give utcoffset(), dst() and
    tzname()."""

    __slots__ = ()

    def tzname(self, dt):
        """Name of the zone at dt."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """Offset of local time from UTC at dt (east is positive)."""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """Daylight saving adjustment included in utcoffset(dt)."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """Converts dt, a UTC time carrying self as tzinfo, to local time (the standard
        algorithm for zones whose standard offset does not vary)."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        saving = dt.dst()
        if saving is None:
            raise ValueError("fromutc: non-None dst() result required")
        dt += offset - saving
        saving = dt.dst()
        if saving is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + saving

    def __reduce__(self):
        initargs = getattr(self, "__getinitargs__", None)
        args = initargs() if initargs is not None else ()
        state = getattr(self, "__dict__", None)
        if state:
            return type(self), args, state
        return type(self), args


# ---------------------------------------------------------------------------------------------
# Behaviour shared by time and datetime, which both carry a clock reading and a tzinfo.

def _compare(a, b, equality, kind):
    """Sign of a - b. Naive and aware values only compare for (in)equality; an equality test
    that must fail that way, or by PEP 495's rule for ambiguous datetimes, gives None."""
    x, y = a._wall_us(), b._wall_us()
    if a._tzinfo is b._tzinfo:
        return (x > y) - (x < y)
    offset_a, offset_b = a.utcoffset(), b.utcoffset()
    if (offset_a is None) != (offset_b is None):
        if equality:
            return None
        raise TypeError("can't compare offset-naive and offset-aware %s" % kind)
    if offset_a is not None and offset_a != offset_b:
        x -= offset_a._total_us()
        y -= offset_b._total_us()
    if x == y and equality and (a._offset_depends_on_fold() or b._offset_depends_on_fold()):
        return None
    return (x > y) - (x < y)


class _Clock:
    """Mixin for time and datetime: the tzinfo queries, comparisons and hashing."""

    __slots__ = ()

    def _tz_argument(self):
        return self

    def utcoffset(self):
        """The tzinfo's UTC offset for this value (None if naive)."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(self._tz_argument()), "utcoffset")

    def dst(self):
        """The tzinfo's daylight saving adjustment (None if naive)."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self._tz_argument()), "dst")

    def tzname(self):
        """The tzinfo's zone name (None if naive)."""
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self._tz_argument()))

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def _clock_us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND \
            + self._microsecond

    def _offset_depends_on_fold(self):
        return False

    def _order(self, other):
        """Sign of self - other for <, <=, > and >=; None when other is not comparable."""
        if isinstance(other, self._peer):
            return _compare(self, other, False, self._plural)
        if isinstance(self, date) and isinstance(other, date):
            # A datetime never orders with a plain date.
            raise TypeError("can't compare %s to %s" % (_type_name(type(self)),
                                                         _type_name(type(other))))
        return None

    def __eq__(self, other):
        if isinstance(other, self._peer):
            return _compare(self, other, True, self._plural) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, self._peer):
            return _compare(self, other, True, self._plural) != 0
        return NotImplemented

    def __lt__(self, other):
        sign = self._order(other)
        return NotImplemented if sign is None else sign < 0

    def __le__(self, other):
        sign = self._order(other)
        return NotImplemented if sign is None else sign <= 0

    def __gt__(self, other):
        sign = self._order(other)
        return NotImplemented if sign is None else sign > 0

    def __ge__(self, other):
        sign = self._order(other)
        return NotImplemented if sign is None else sign >= 0

    def __hash__(self):
        # Equal values hash alike: hash the UTC reading, with the offset that fold=0 gives.
        offset = (self.replace(fold=0) if self._fold else self).utcoffset()
        return hash(self._wall_us() - (offset._total_us() if offset else 0))

    def _repr_tail(self):
        return ", fold=1" if self._fold else ""

    def __format__(self, fmt):
        return _format(self, fmt)

    def __reduce__(self):
        return self.__reduce_ex__(2)


def _clock_repr_args(hour, minute, second, us):
    if us:
        return "%d, %d, %d, %d" % (hour, minute, second, us)
    if second:
        return "%d, %d, %d" % (hour, minute, second)
    return "%d, %d" % (hour, minute)


def _us_bytes(us):
    return bytes((us >> 16, (us >> 8) & 255, us & 255))


def _bytes_us(data):
    return (data[0] << 16) | (data[1] << 8) | data[2]


class time(_Clock):
    """A time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")
    _plural = "times"

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if isinstance(hour, bytes) and len(hour) == 6 and (hour[0] & 127) < 24:
            # Unpickling: the packed fields, then the tzinfo if any (else minute's default).
            zone = None if minute == 0 else minute
            _check_tz(zone)
            self._hour, self._minute, self._second = hour[0] & 127, hour[1], hour[2]
            self._microsecond = _bytes_us(hour[3:])
            self._tzinfo, self._fold = zone, hour[0] >> 7
            return self
        _check_tz(tzinfo)
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _time_fields(hour, minute, second, microsecond, fold)
        self._tzinfo = tzinfo
        return self

    def _tz_argument(self):
        return None

    def _wall_us(self):
        return self._clock_us()

    @classmethod
    def fromisoformat(cls, time_string):
        """Parses the times time.isoformat() writes, plus the compact forms."""
        text = _iso_argument(time_string)
        try:
            hour, minute, second, us, tz = _iso_time(text, 1 if text[:1] == "T" else 0)
        except _BadIso:
            raise _iso_error(text) from None
        return cls(hour, minute, second, us, tz)

    def isoformat(self, timespec="auto"):
        """HH:MM:SS[.ffffff][+HH:MM]; timespec picks the precision."""
        return (_clock_text(self._hour, self._minute, self._second, self._microsecond, timespec,
                            1) + _offset_text(self.utcoffset(), ":"))

    __str__ = isoformat

    def __repr__(self):
        text = "%s(%s" % (_type_name(type(self)), _clock_repr_args(
            self._hour, self._minute, self._second, self._microsecond))
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + self._repr_tail() + ")"

    def strftime(self, format):
        """Formats the time with time.strftime's directives (the date is 1900-01-01)."""
        return _strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second, 0,
                                        1, -1))

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        """A copy with the given fields changed (tzinfo=None makes it naive)."""
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def __reduce_ex__(self, protocol):
        first = self._hour | (128 if self._fold and protocol > 3 else 0)
        state = bytes((first, self._minute, self._second)) + _us_bytes(self._microsecond)
        if self._tzinfo is None:
            return type(self), (state,)
        return type(self), (state, self._tzinfo)


time._peer = time
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------------------------

def _make_datetime(cls, us, tz, fold=0):
    """The datetime whose _wall_us() is `us`."""
    days, us = divmod(us, _US_PER_DAY)
    if not 1 <= days <= _MAX_ORDINAL:
        raise OverflowError("date value out of range")
    year, month, day = _from_ordinal(days)
    seconds, us = divmod(us, _US_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    if cls is not datetime:
        return cls(year, month, day, hour, minute, second, us, tz, fold=fold)
    self = object.__new__(datetime)
    self._year, self._month, self._day = year, month, day
    self._hour, self._minute, self._second, self._microsecond = hour, minute, second, us
    self._tzinfo, self._fold = tz, fold
    return self


class datetime(_Clock, date):
    """A date and a time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")
    _plural = "datetimes"

    def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if isinstance(year, bytes) and len(year) == 10 and 1 <= (year[2] & 127) <= 12:
            # Unpickling: the packed fields, then the tzinfo if any.
            zone = None if month is _MISSING else month
            _check_tz(zone)
            self._year, self._month, self._day = year[0] * 256 + year[1], year[2] & 127, year[3]
            self._hour, self._minute, self._second = year[4], year[5], year[6]
            self._microsecond = _bytes_us(year[7:])
            self._tzinfo, self._fold = zone, year[2] >> 7
            return self
        for value, name, position in ((year, "year", 1), (month, "month", 2), (day, "day", 3)):
            if value is _MISSING:
                _missing_argument(name, position)
        self._year, self._month, self._day = _date_fields(year, month, day)
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _time_fields(hour, minute, second, microsecond, fold)
        _check_tz(tzinfo)
        self._tzinfo = tzinfo
        return self

    def _wall_us(self):
        return self.toordinal() * _US_PER_DAY + self._clock_us()

    def _wall_seconds(self):
        return (self.toordinal() - _EPOCH_ORDINAL) * 86400 + self._clock_us() // _US_PER_SECOND

    def _offset_depends_on_fold(self):
        if self._tzinfo is None:
            return False
        flipped = _make_datetime(datetime, self._wall_us(), self._tzinfo, 1 - self._fold)
        return flipped.utcoffset() != self.utcoffset()

    # -- construction --------------------------------------------------------------------

    @classmethod
    def _from_posix(cls, t, tz, utc):
        seconds, us = _posix_seconds(t, False)
        if utc or tz is not None:
            tm = _time.gmtime(seconds)
        else:
            tm = _time.localtime(seconds)
        fold = 0
        if not utc and tz is None:
            # A repeated local time (clocks set back) is the second occurrence when the same
            # reading also happened earlier, under the offset in force a day before.
            wall = _wall_seconds(tm)
            earlier = wall - _local_offset(seconds - 86400)
            if earlier < seconds and _local_offset(earlier) == wall - earlier:
                fold = 1
        result = cls(tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59), us, tz, fold=fold)
        if tz is not None:
            return tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The local (or, with tz, that zone's) datetime of a POSIX timestamp."""
        _check_tz(tz)
        return cls._from_posix(t, tz, False)

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC datetime of a POSIX timestamp."""
        return cls._from_posix(t, None, True)

    @classmethod
    def now(cls, tz=None):
        """The current local (or, with tz, that zone's) datetime."""
        _check_tz(tz)
        return cls._from_posix(_time.time(), tz, False)

    @classmethod
    def utcnow(cls):
        """The current naive UTC datetime."""
        return cls._from_posix(_time.time(), None, True)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """The datetime of a date and a time (keeping the time's tzinfo unless given)."""
        if not isinstance(date, _date_type):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _type_name(type(date)))
        if not isinstance(time, _time_type):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _type_name(type(time)))
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, time.tzinfo if tzinfo is True else tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """Parses the datetimes datetime.isoformat() writes, plus the compact and ISO week
        date forms; any one character may separate date and time."""
        text = _iso_argument(date_string)
        try:
            if len(text) < 7:
                raise _BadIso
            cut = _iso_date_length(text)
            year, month, day = _iso_date(text[:cut])
            clock = (0, 0, 0, 0, None)
            if len(text) > cut:
                clock = _iso_time(text, cut + 1)
        except _BadIso:
            raise _iso_error(text) from None
        return cls(year, month, day, *clock)

    @classmethod
    def strptime(cls, date_string, format):
        """Parses date_string according to format (strftime's directives)."""
        return _strptime_datetime(cls, date_string, format)

    # -- views ---------------------------------------------------------------------------

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        """The time part, with the tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def timetuple(self):
        """The local time as a time.struct_time (tm_isdst from dst())."""
        saving = self.dst()
        isdst = -1 if saving is None else (1 if saving else 0)
        return _struct_time(self._year, self._month, self._day, self._hour, self._minute,
                            self._second, isdst)

    def utctimetuple(self):
        """The UTC time as a time.struct_time (naive values are taken as UTC)."""
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _struct_time(moment._year, moment._month, moment._day, moment._hour,
                            moment._minute, moment._second, 0)

    def timestamp(self):
        """POSIX timestamp (naive datetimes are local time)."""
        if self._tzinfo is None:
            posix = _local_to_posix(self._wall_seconds(), self._fold)
            return posix + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        """A copy with the given fields changed (tzinfo=None makes it naive)."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        """The same moment in zone tz (the local zone by default)."""
        _check_tz(tz)
        if tz is not None and tz is self._tzinfo:
            return self
        offset = self.utcoffset()
        if offset is None:
            # Naive values (and zones that give no offset) are local time; in a gap, the
            # offset is the one in force at the instant timestamp() picks.
            posix = _local_to_posix(self._wall_seconds(), self._fold)
            offset = timedelta(seconds=_local_offset(posix))
        utc_us = self._wall_us() - offset._total_us()
        if tz is None:
            tz = _local_timezone((utc_us // _US_PER_SECOND) - _EPOCH_ORDINAL * 86400)
        return tz.fromutc(_make_datetime(type(self), utc_us, tz))

    # -- text ----------------------------------------------------------------------------

    def ctime(self):
        """The datetime in asctime() form, e.g. 'Mon Mar  4 05:06:07 2024'."""
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_ABBR[self.weekday()], _MONTH_ABBR[self._month - 1], self._day, self._hour,
            self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        """YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]; sep and timespec as documented."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _type_name(type(sep)))
        return "%04d-%02d-%02d%s%s%s" % (
            self._year, self._month, self._day, sep,
            _clock_text(self._hour, self._minute, self._second, self._microsecond, timespec, 2),
            _offset_text(self.utcoffset(), ":"))

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        text = "%s(%d, %d, %d, %s" % (
            _type_name(type(self)), self._year, self._month, self._day,
            _clock_repr_args(self._hour, self._minute, self._second, self._microsecond))
        text += self._repr_tail()
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + ")"

    def strftime(self, format):
        """Formats the datetime with time.strftime's directives."""
        return _strftime(self, format, self.timetuple())

    # -- arithmetic ----------------------------------------------------------------------

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _make_datetime(type(self), self._wall_us() + other._total_us(),
                                  self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _make_datetime(type(self), self._wall_us() - other._total_us(),
                                  self._tzinfo)
        if not isinstance(other, datetime):
            return NotImplemented
        difference = self._wall_us() - other._wall_us()
        if self._tzinfo is not other._tzinfo:
            mine, theirs = self.utcoffset(), other.utcoffset()
            if (mine is None) != (theirs is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            if mine is not None:
                difference += theirs._total_us() - mine._total_us()
        return _new_delta(difference)

    def __reduce_ex__(self, protocol):
        month = self._month | (128 if self._fold and protocol > 3 else 0)
        state = bytes((self._year >> 8, self._year & 255, month, self._day, self._hour,
                       self._minute, self._second)) + _us_bytes(self._microsecond)
        if self._tzinfo is None:
            return type(self), (state,)
        return type(self), (state, self._tzinfo)


datetime._peer = datetime
datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

# combine()'s parameters shadow the class names.
_date_type = date
_time_type = time


# ---------------------------------------------------------------------------------------------

def _check_zone_argument(dt, method):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                        % (method, _type_name(type(dt))))


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_MISSING):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _type_name(type(offset)))
        if name is _MISSING:
            if not offset:
                return timezone.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % ("None" if name is None else _type_name(type(name))))
        if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                             "and timedelta(hours=24), not %r." % (offset,))
        return _new_timezone(cls, offset, name)

    def utcoffset(self, dt):
        """The fixed offset."""
        _check_zone_argument(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        """Always None: a fixed offset has no daylight saving."""
        _check_zone_argument(dt, "dst")
        return None

    def tzname(self, dt):
        """The name given, or 'UTC±HH:MM'."""
        _check_zone_argument(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _offset_text(self._offset, ":")

    def fromutc(self, dt):
        """The local time of dt, a UTC time carrying self as tzinfo."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_type_name(type(self)), self._offset)
        return "%s(%r, %r)" % (_type_name(type(self)), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return type(self), self.__getinitargs__()


def _new_timezone(cls, offset, name):
    self = tzinfo.__new__(cls)
    self._offset, self._name = offset, name
    return self


timezone.utc = _new_timezone(timezone, timedelta(0), None)
timezone.min = _new_timezone(timezone, -timedelta(hours=23, minutes=59), None)
timezone.max = _new_timezone(timezone, timedelta(hours=23, minutes=59), None)
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

def _strptime_datetime(cls, data_string, format):
    """strptime without regular expressions: each directive consumes its field from the
    text in turn."""
    if not isinstance(data_string, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(data_string).__name__)
    if not isinstance(format, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(format).__name__)
    mismatch = "time data %r does not match format %r" % (data_string, format)
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    ampm = None
    twelve_hour = False
    tz = None
    weekday = julian = None
    pos = 0
    i = 0
    s = data_string
    n = len(format)

    def number(maxlen, lo, hi, minlen=1):
        # Like CPython's patterns (e.g. [0-5]\d|\d for minutes): the longest run of digits
        # whose value is in range, so '61' as minutes reads '6' and leaves '1'.
        nonlocal pos
        digits = 0
        while pos + digits < len(s) and digits < maxlen and s[pos + digits].isdigit():
            digits += 1
        for length in range(digits, minlen - 1, -1):
            value = int(s[pos:pos + length])
            if lo <= value <= hi:
                pos += length
                return value
        raise ValueError(mismatch)

    def word(names):
        nonlocal pos
        low = s[pos:].lower()
        best = None
        for idx, name in enumerate(names):
            if name and low.startswith(name.lower()) and (best is None or
                                                          len(name) > len(names[best])):
                best = idx
        if best is None:
            raise ValueError(mismatch)
        pos += len(names[best])
        return best

    while i < n:
        ch = format[i]
        if ch == "%":
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % format)
            d = format[i + 1]
            i += 2
            if d == "Y":
                year = number(4, 0, 9999, 4)
            elif d == "y":
                year = number(2, 0, 99, 2)
                year += 2000 if year <= 68 else 1900
            elif d == "m":
                month = number(2, 1, 12)
            elif d == "d":
                day = number(2, 1, 31)
            elif d == "H":
                hour = number(2, 0, 23)
            elif d == "I":
                hour = number(2, 1, 12)
                twelve_hour = True
            elif d == "M":
                minute = number(2, 0, 59)
            elif d == "S":
                second = number(2, 0, 61)
            elif d == "f":
                start = pos
                frac = number(6, 0, 999999)
                fraction = frac * 10 ** (6 - (pos - start))
            elif d == "p":
                ampm = ("am", "pm")[word(["AM", "PM"])]
            elif d == "b":
                month = word(_MONTH_ABBR) + 1
            elif d == "B":
                month = word(_MONTH_FULL) + 1
            elif d == "a":
                weekday = word(_DAY_ABBR)
            elif d == "A":
                weekday = word(_DAY_FULL)
            elif d == "j":
                julian = number(3, 1, 366)
            elif d == "z":
                if s[pos:pos + 1] == "Z":
                    pos += 1
                    tz = timezone.utc
                else:
                    if s[pos:pos + 1] not in ("+", "-"):
                        raise ValueError(mismatch)
                    sign = -1 if s[pos] == "-" else 1
                    pos += 1
                    hh = number(2, 0, 99, 2)
                    if s[pos:pos + 1] == ":":
                        pos += 1
                    mm = number(2, 0, 99, 2)
                    ss = 0
                    if s[pos:pos + 1] == ":" or s[pos:pos + 1].isdigit():
                        if s[pos] == ":":
                            pos += 1
                        ss = number(2, 0, 99, 2)
                    tz = timezone(sign * timedelta(hours=hh, minutes=mm, seconds=ss))
            elif d == "Z":
                start = pos
                while pos < len(s) and s[pos].isalpha():
                    pos += 1
                name = s[start:pos]
                if name.upper() not in ("UTC", "GMT") + tuple(_time.tzname):
                    raise ValueError(mismatch)
            elif d == "%":
                if s[pos:pos + 1] != "%":
                    raise ValueError(mismatch)
                pos += 1
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
        elif ch.isspace():
            i += 1
            while pos < len(s) and s[pos].isspace():
                pos += 1
        else:
            i += 1
            if s[pos:pos + 1] != ch:
                raise ValueError(mismatch)
            pos += 1
    if pos != len(s):
        raise ValueError("unconverted data remains: %s" % s[pos:])
    # %p only matters with %I; %I alone reads 12 as midnight, as CPython does.
    if twelve_hour:
        if ampm == "pm":
            if hour != 12:
                hour += 12
        elif hour == 12:
            hour = 0
    if julian is not None:
        d = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        month, day = d.month, d.day
    return cls(year, month, day, hour, minute, second, fraction, tz)
