# sys.intern across the intern table's growth: every name keeps its one interned object.
import sys

names = [sys.intern('name_%d' % i) for i in range(50000)]
print(all(sys.intern('name_' + str(i)) is names[i] for i in range(0, 50000, 7)))
print(sys.intern('na' + 'me_49999') is names[-1])


class Sub(str):
    pass


for bad in (Sub('sub_name'), 3):
    try:
        sys.intern(bad)
    except TypeError as e:
        print('TypeError', e)
