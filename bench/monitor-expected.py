# Expected values for kernels/monitor/*.test.ts, computed once from the formulas in plain Python
# (scipy was not installable on the build machine; the formulas are the textbook ones).
#   /usr/bin/python3 bench/monitor-expected.py
import math


def kolmogorov_q(lam):
    return 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 200))


print('Q_KS(1.0)', kolmogorov_q(1.0))
print('Q_KS(1.36)', kolmogorov_q(1.36))
en = math.sqrt(10 * 10 / 20)
print('KS [5,5,0] vs [0,5,5] p', kolmogorov_q((en + 0.12 + 0.11 / en) * 0.5))
stat = (40 - 50) ** 2 / 50 + (40 - 30) ** 2 / 30
print('chi2 statistic', stat, 'p (df 2)', math.exp(-stat / 2))
p, q = [0.25, 0.75], [0.5, 0.5]
m = [(a + b) / 2 for a, b in zip(p, q)]
js = 0.5 * sum(a * math.log(a / c) for a, c in zip(p, m)) + 0.5 * sum(b * math.log(b / c) for b, c in zip(q, m))
print('JS distance', math.sqrt(js))
print('PSI [.5,.5] vs [.6,.4]', 0.1 * math.log(1.2) - 0.1 * math.log(0.8))
