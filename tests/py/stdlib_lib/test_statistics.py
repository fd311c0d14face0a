# Exercises statistics: exact means/variances typed like the data, medians, modes,
# quantiles, fmean/geometric/harmonic means, and the StatisticsError messages.
import statistics as st
from fractions import Fraction as F
import random
print(st.mean([1, 2, 3]), st.mean([1, 2]), st.mean([1.5, 2.5, 4]), st.mean([F(1, 3), F(1, 6)]), st.mean([1, 2.5]), st.mean(iter([True, False, 1])))
print(st.median([3, 1, 2]), st.median([4, 1, 3, 2]), st.median_low([4, 1, 3, 2]), st.median_high([4, 1, 3, 2]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3]), st.mode('aabbbc'), st.multimode('aabbcd'), st.multimode([]), st.mode(['red', 'blue', 'red']))
print(st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.variance([1, 2, 3], xbar=2))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4]), st.variance([F(1, 2), F(3, 4), 1]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 1, 1]), round(st.geometric_mean([54, 24, 36]), 9), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([0, 5]), st.harmonic_mean([7]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), st.quantiles([1, 2], n=3), st.quantiles([1.5, 2.5, 9]))
r = random.Random(7)
vals = [r.random() * 100 for _ in range(50)]
print(st.stdev(vals), st.pstdev(vals), st.variance(vals), st.mean(vals))
print(issubclass(st.StatisticsError, ValueError))
for bad in [lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.pvariance([]),
            lambda: st.stdev([1]), lambda: st.pstdev([]), lambda: st.fmean([]), lambda: st.geometric_mean([1, -1]), lambda: st.harmonic_mean([]),
            lambda: st.harmonic_mean([1, -1]), lambda: st.quantiles([1], n=4), lambda: st.quantiles([1, 2], n=0),
            lambda: st.quantiles([1, 2], method='x'), lambda: st.mean(['a', 'b']), lambda: st.median_low([]), lambda: st.fmean([1, 2], weights=[1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
