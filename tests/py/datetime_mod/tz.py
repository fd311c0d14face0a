# timezone and tzinfo: construction, names, reprs, equality, hashing, pickling, errors
import pickle
import copy
from datetime import timezone, timedelta, tzinfo, datetime, time, UTC


def show(f, msg=True):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e if msg else '')


for off in [timedelta(0), timedelta(hours=5, minutes=30), timedelta(hours=-3), timedelta(minutes=-1), timedelta(seconds=59),
            timedelta(microseconds=1), timedelta(hours=-23, minutes=-59, seconds=-59, microseconds=-999999),
            timedelta(hours=23, minutes=59, seconds=59, microseconds=999999), timedelta(hours=-12, seconds=-30)]:
    tz = timezone(off)
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), tz.tzname(datetime(2020, 1, 1)))
named = timezone(timedelta(hours=1), 'CET')
print(repr(named), str(named), named.tzname(None), repr(timezone(timedelta(0), 'UTC')), repr(timezone(timedelta(0), '')), str(timezone(timedelta(0), '')))
print(timezone(timedelta(0)) is UTC, timezone(timedelta(0), 'UTC') is UTC, timezone(offset=timedelta(0)) is timezone.utc, UTC is timezone.utc)
print(repr(timezone.min), repr(timezone.max), timezone.min, timezone.max, str(UTC), repr(UTC))
print(named == timezone(timedelta(hours=1)), named == timezone(timedelta(hours=1), 'X'), hash(named) == hash(timezone(timedelta(hours=1))),
      UTC == timezone(timedelta(0), 'Z'), named != UTC, named == 5, len({UTC, timezone(timedelta(0), 'x'), named}))
show(lambda: named < UTC, False)
for args in [(timedelta(hours=24),), (timedelta(hours=-24),), (5,), (timedelta(0), 5), (timedelta(0), None), (), (timedelta(days=-2),)]:
    show(lambda: timezone(*args), args != ())
show(lambda: timezone(timedelta(0), 'a', 'b'), False)
show(lambda: named.utcoffset(5))
show(lambda: named.tzname('x'))
show(lambda: named.dst(5))
print(named.utcoffset(datetime(2024, 1, 1)), named.tzname(datetime(2024, 1, 1)), named.dst(datetime(2024, 1, 1)))
print(repr(named.fromutc(datetime(2024, 1, 1, 23, tzinfo=named))))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(repr(pickle.loads(pickle.dumps(named, proto))), pickle.loads(pickle.dumps(UTC, proto)) is UTC, end='; ')
print()
print(copy.copy(named) == named, copy.deepcopy(UTC) is UTC, named.__getinitargs__(), UTC.__getinitargs__(), timezone(timedelta(hours=2)).__getinitargs__())
print(isinstance(UTC, tzinfo), type(UTC).__name__, timezone.__mro__[1].__name__)

# the abstract base
base = tzinfo()
show(lambda: base.utcoffset(None))
show(lambda: base.dst(None))
show(lambda: base.tzname(None))
show(lambda: base.fromutc(datetime(2020, 1, 1, tzinfo=base)))
show(lambda: base.fromutc(5))
print(type(pickle.loads(pickle.dumps(base))).__name__)


class Named(tzinfo):
    def __init__(self, name='N'):
        self.name = name

    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return self.name

    def __getinitargs__(self):
        return (self.name,)


n = Named('zz')
p = pickle.loads(pickle.dumps(n))
print(type(p).__name__, p.name, repr(datetime(2020, 1, 1, tzinfo=n).astimezone(UTC)))
show(lambda: n.fromutc(datetime(2020, 1, 1, tzinfo=n)))


class NoDst(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)

    def dst(self, dt):
        return None


show(lambda: NoDst().fromutc(datetime(2020, 1, 1, tzinfo=NoDst())))
nd = NoDst()
show(lambda: nd.fromutc(datetime(2020, 1, 1, tzinfo=nd)))


class Odd(tzinfo):
    def utcoffset(self, dt):
        return timedelta(seconds=30, microseconds=5)

    def tzname(self, dt):
        return None

    def dst(self, dt):
        return None


o = datetime(2020, 1, 1, tzinfo=Odd())
print(o.isoformat(), str(o), o.strftime('[%z][%Z]'), o.utcoffset(), o.tzname(), time(1, tzinfo=Odd()).isoformat())
