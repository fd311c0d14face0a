# Struct sequences (time.struct_time, os.stat_result): hidden fields (tm_zone, tm_gmtoff), the
# constructor's length checks and dict argument, and no read past the items of a made one.
import os, time, sys
t = time.localtime(0)
print(t.tm_zone is not None, isinstance(t.tm_gmtoff, int), len(t), time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff)
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)).tm_zone, time.struct_time((1,) * 11).tm_zone)
print(time.struct_time((1,) * 9, {'tm_zone': 'ABC', 'tm_gmtoff': 60}).tm_zone, time.struct_time((1,) * 9, {'tm_zone': 'ABC'}).tm_gmtoff)
for args in [((1,) * 3,), ((1,) * 12,), (5,)]:
    try:
        time.struct_time(*args)
    except TypeError as e:
        print(e)
s = os.stat_result((1,) * 10)
print(s.st_blocks, s.st_atime, s.st_mtime_ns, len(s), s.n_fields, s.n_sequence_fields)
for n in (3, 20):
    try:
        os.stat_result((1,) * n)
    except TypeError as e:
        print(e)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.mktime(time.localtime(100)))
print(time.strftime('%Y', time.struct_time((2001, 1, 1, 0, 0, 0, 0, 1, 0))))
