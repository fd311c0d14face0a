# statistics: averages, medians, modes, spread, quantiles; types of results and error messages.
import math
import statistics as st
from fractions import Fraction as F


from _show import show as _show


def show(label, fn):
    _show(label, fn, with_type=True)


for name in ['StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median',
             'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev',
             'pvariance', 'quantiles', 'stdev', 'variance']:
    print(name, name in st.__all__, hasattr(st, name))
print(issubclass(st.StatisticsError, ValueError), st.StatisticsError.__module__)

datasets = [
    [1, 2, 3, 4, 4],
    [1, 2],
    [1, 2, 3],
    [2.5, 3.25, 5.5, 11.25, 11.75],
    [F(1, 2), F(3, 4), F(5, 8)],
    [F(1, 2), 2],
    [1, 2.0],
    [F(1, 3), 0.5],
    [True, False, True],
    [-1, -5, 3, 7, 100],
    [0.1] * 10,
    [1e308, 1e308],
    [10**20, 10**20 + 1, 10**20 + 2],
    [3],
    [1, 1],
    [float('inf'), 1],
    [float('nan'), 1, 2],
    [float('inf'), float('-inf')],
    [5, 3, 1, 4, 2, 6],
    [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
    (x / 7 for x in range(10)),
    range(10),
]
for data in datasets:
    data_l = list(data) if not isinstance(data, list) else data
    print('data', data_l if len(repr(data_l)) < 120 else repr(data_l)[:120])
    for fname in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped',
                  'mode', 'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'harmonic_mean',
                  'geometric_mean']:
        # CPython 3.11 raises AttributeError here (a bug); minipy returns inf/nan.
        if fname in ('stdev', 'pstdev') and not all(map(math.isfinite, data_l)):
            continue
        show('  ' + fname, lambda: getattr(st, fname)(iter(data_l)))
        show('  ' + fname + '[list]', lambda: getattr(st, fname)(data_l))

for fname in ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode',
              'multimode', 'variance', 'pvariance', 'stdev', 'pstdev', 'harmonic_mean',
              'geometric_mean', 'quantiles']:
    show('empty ' + fname, lambda: getattr(st, fname)([]))
    show('empty iter ' + fname, lambda: getattr(st, fname)(iter([])))

# mode / multimode on nominal data
show('mode str', lambda: st.mode('aabbbcc'))
show('mode tie', lambda: st.mode([1, 1, 2, 2]))
show('mode words', lambda: st.mode(['red', 'blue', 'blue', 'red', 'green', 'red']))
show('multimode', lambda: st.multimode('aabbbbccddddeeffffgg'))
show('multimode tie', lambda: st.multimode([3, 1, 1, 3, 2]))
show('mode unhashable', lambda: st.mode([[1], [1]]))
show('median strs', lambda: st.median_low(['b', 'a', 'c', 'd']))
show('median strs2', lambda: st.median_high(['b', 'a', 'c', 'd']))
show('median strs mid', lambda: st.median(['b', 'a', 'c', 'd']))

# median_grouped with interval
for data, iv in [([52, 52, 53, 54], 1), ([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], 1), ([1, 3, 3, 5, 7], 1),
                 ([1, 3, 3, 5, 7], 2), ([1.5, 2.5, 2.5, 3.5], 0.5), ([F(1, 2), F(3, 2), F(3, 2)], 1),
                 ([10, 20, 20, 30], 10), ([1], 3), ([2, 2, 2], 1), ([1, 2, 3, 4], 1)]:
    show('median_grouped(%r, %r)' % (data, iv), lambda: st.median_grouped(data, iv))
show('median_grouped str', lambda: st.median_grouped(['a', 'b']))
show('median_grouped str iv', lambda: st.median_grouped([1, 2], 'x'))

# variance with given means
show('variance xbar', lambda: st.variance([1, 2, 3, 4], 2.5))
show('variance xbar F', lambda: st.variance([F(1, 2), F(3, 2), 2], F(4, 3)))
show('pvariance mu', lambda: st.pvariance([1, 2, 3, 4], 2.5))
show('pvariance mu int', lambda: st.pvariance([1, 2, 3, 4], 2))
show('stdev xbar', lambda: st.stdev([1, 2, 3, 4], 2.5))
show('pstdev mu', lambda: st.pstdev([1, 2, 3, 4], 2))
show('variance 1', lambda: st.variance([1]))
show('stdev 1', lambda: st.stdev([1]))
show('pvariance 1', lambda: st.pvariance([7]))
show('pstdev 1', lambda: st.pstdev([7]))
show('variance F', lambda: st.variance([F(1, 4), F(5, 4), F(1, 2)]))
show('pvariance F', lambda: st.pvariance([F(1, 4), F(5, 4), F(1, 2)]))
show('stdev F', lambda: st.stdev([F(1, 4), F(5, 4), F(1, 2)]))
show('variance ints exact', lambda: st.variance([1, 2, 4]))
show('variance ints frac', lambda: st.variance([1, 2, 3, 5]))
show('pvariance ints frac', lambda: st.pvariance([1, 2, 3, 5]))
show('stdev big', lambda: st.stdev([10**15 + 1, 10**15 + 2, 10**15 + 4]))
show('stdev tiny', lambda: st.stdev([1e-300, 2e-300, 4e-300]))
show('stdev huge', lambda: st.stdev([1e300, 2e300, 4e300]))
show('pstdev precise', lambda: st.pstdev([0.1, 0.2, 0.3, 0.4]))
show('stdev precise', lambda: st.stdev([1.1, 2.2, 3.3, 4.4, 5.5, 6.6]))
show('variance str', lambda: st.variance(['a', 'b']))
show('mean str', lambda: st.mean(['a', 'b']))
show('mean mixed', lambda: st.mean([1, 'a']))
show('mean complex', lambda: st.mean([1j, 2j]))
show('mean F float', lambda: st.mean([F(1, 2), 1.5, 2]))
show('mean bool', lambda: st.mean([True, True, False]))
show('variance bool', lambda: st.variance([True, False, True]))

# fmean weights
show('fmean w', lambda: st.fmean([1, 2, 3], [3, 2, 1]))
show('fmean w iter', lambda: st.fmean(iter([1, 2, 3]), iter([3, 2, 1])))
show('fmean w len', lambda: st.fmean([1, 2, 3], [1, 2]))
show('fmean w zero', lambda: st.fmean([1, 2], [1, -1]))
show('fmean str', lambda: st.fmean(['a']))
show('fmean F', lambda: st.fmean([F(1, 3), F(2, 3)]))
show('fmean big', lambda: st.fmean([1e308, 1e308]))
show('fmean precise', lambda: st.fmean([0.1] * 10))

# harmonic and geometric means
show('harmonic', lambda: st.harmonic_mean([40, 60]))
show('harmonic w', lambda: st.harmonic_mean([40, 60], weights=[5, 30]))
show('harmonic w F', lambda: st.harmonic_mean([F(1, 2), F(1, 3)], weights=[1, 2]))
show('harmonic 0', lambda: st.harmonic_mean([1, 0, 2]))
show('harmonic neg', lambda: st.harmonic_mean([1, -2]))
show('harmonic neg 1', lambda: st.harmonic_mean([-2]))
show('harmonic w neg', lambda: st.harmonic_mean([1, 2], weights=[1, -1]))
show('harmonic w len', lambda: st.harmonic_mean([1, 2], weights=[1]))
show('harmonic w zero', lambda: st.harmonic_mean([1, 2], weights=[0, 0]))
show('harmonic one', lambda: st.harmonic_mean([2.5]))
show('harmonic one F', lambda: st.harmonic_mean([F(2, 5)]))
show('harmonic one str', lambda: st.harmonic_mean(['x']))
show('harmonic strs', lambda: st.harmonic_mean(['x', 'y']))
show('harmonic floats', lambda: st.harmonic_mean([2.5, 3.0, 10.0]))
show('harmonic iter w', lambda: st.harmonic_mean(iter([1, 2, 4]), weights=iter([1, 1, 2])))
show('geometric', lambda: st.geometric_mean([54, 24, 36]))
show('geometric neg', lambda: st.geometric_mean([1, -1]))
show('geometric zero', lambda: st.geometric_mean([1, 0]))
show('geometric F', lambda: st.geometric_mean([F(1, 2), F(8)]))

# quantiles
for data in [[105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
              106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
              103, 107, 101, 81, 109, 104],
             [1, 2], [1, 2, 3], [1.5, 2.5, 10.0], [F(1, 2), F(3, 2), F(7, 3)], [1, 100, 10, 1000]]:
    for n in [1, 2, 3, 4, 10]:
        for method in ['exclusive', 'inclusive']:
            show('quantiles n=%d %s %d' % (n, method, len(data)),
                 lambda: st.quantiles(data, n=n, method=method))
show('quantiles n=0', lambda: st.quantiles([1, 2, 3], n=0))
show('quantiles one', lambda: st.quantiles([1], n=4))
show('quantiles one incl', lambda: st.quantiles([1], n=4, method='inclusive'))
show('quantiles method', lambda: st.quantiles([1, 2, 3], method='bogus'))
show('quantiles positional', lambda: st.quantiles([1, 2, 3], 4))
show('quantiles iter', lambda: st.quantiles(iter(range(1, 11))))

# Mixed and unusual types
show('mean float str', lambda: st.mean([1.5, 'a']))
show('mean F str', lambda: st.mean([F(1, 2), 'a']))
show('mean float complex', lambda: st.mean([1.5, 1j]))


class MyInt(int):
    pass


class MyFloat(float):
    pass


show('mean MyInt', lambda: st.mean([MyInt(2), MyInt(4)]))
show('mean MyInt odd', lambda: st.mean([MyInt(2), 3]))
show('mean MyInt float', lambda: st.mean([MyInt(2), 3.5]))
show('mean MyFloat', lambda: st.mean([MyFloat(2.5), 1]))
show('mean MyFloat F', lambda: st.mean([MyFloat(2.5), F(1, 2)]))
show('variance MyFloat', lambda: st.variance([MyFloat(2.5), 1.0, 4]))
show('mean bool only', lambda: st.mean([True, True]))
show('mode dict', lambda: st.mode({'a': 1, 'b': 5}))
show('multimode dict', lambda: st.multimode({'a': 1, 'b': 5}))
show('harmonic zero then neg', lambda: st.harmonic_mean([0, -1]))
show('harmonic neg then zero', lambda: st.harmonic_mean([-1, 0]))
show('harmonic w zero weight', lambda: st.harmonic_mean([1, 0], weights=[1, 0]))
show('harmonic bool', lambda: st.harmonic_mean([True, True]))
show('fmean iter short', lambda: st.fmean(iter([1, 2, 3]), [1, 2]))
show('fmean iter long', lambda: st.fmean(iter([1, 2]), [1, 2, 3]))
show('fmean tuple', lambda: st.fmean((1, 2, 4)))
show('fmean gen', lambda: st.fmean(x * 0.1 for x in range(7)))
show('variance float xbar', lambda: st.variance([0.1, 0.2, 0.35], 0.2))
show('pvariance gen', lambda: st.pvariance(x / 3 for x in range(5)))
show('median_grouped float iv', lambda: st.median_grouped([1, 2, 2, 3], 0.25))
show('median_grouped list iv', lambda: st.median_grouped([1, 2], [1]))
show('quantiles big', lambda: st.quantiles([i * 0.37 % 5 for i in range(101)], n=7))
show('quantiles big incl', lambda: st.quantiles([i * 0.37 % 5 for i in range(101)], n=7, method='inclusive'))
show('stdev many', lambda: st.stdev([i * 1.1 % 7 for i in range(1000)]))
show('pstdev many', lambda: st.pstdev([i * 1.1 % 7 for i in range(1000)]))
show('variance many', lambda: st.variance([i * 1.1 % 7 for i in range(1000)]))
show('mean many', lambda: st.mean([i * 1.1 % 7 for i in range(1000)]))
show('geometric many', lambda: st.geometric_mean([i * 1.1 % 7 + 1 for i in range(1000)]))
show('harmonic many', lambda: st.harmonic_mean([i * 1.1 % 7 + 1 for i in range(1000)]))
