#!/usr/bin/env python3
"""Reference values for the numerical core (Sources/YJStat/Numerics).

Writes Tests/YJStatTests/Fixtures/numerics.json. Run from the repository root:

    python3 Scripts/oracles/numerics.py

Oracles (all independent of the Swift implementation's algorithms where it matters):
  * mpmath at 60 significant digits is the primary oracle:
      - normal cdf/sf: mpmath.ncdf (erfc based); quantiles by Newton iteration on mpmath.ncdf
        in log space to 50 digits, started from scipy.special.ndtri;
      - log gamma / log beta: mpmath.loggamma;
      - incomplete beta: x^a (1-x)^b / (a B(a,b)) * 2F1(a+b, 1; a+1; x) with mpmath.hyp2f1
        (mpmath applies its own transformations near x = 1), each tail computed directly
        (the upper tail as I_{1-x}(b, a)); cross-checked against mpmath.quad on a sample;
      - incomplete gamma: mpmath.gammainc (regularized), both tails directly;
      - inverses: Newton iteration in mpmath on the oracle functions above (to 1e-40);
      - binomial and hypergeometric pmf: exact binomial coefficients (mpmath.binomial);
        their cdf/sf: exact tail sums in 60-digit arithmetic (summed to 1e-55 relative),
        cross-checked against the incomplete-beta oracle (binomial) on a sample;
      - Poisson pmf: exp(k log lam - lam - loggamma(k+1)); cdf/sf: mpmath.gammainc.
  * scipy only supplies starting points and the x locations of tail points.

Values below 1e-300 (subnormal territory, where relative accuracy is meaningless) are left
out. Every table is {"columns": [...], "rows": [[...], ...]}; the last column is the
reference value, the others are the exact double inputs.
"""

import json
import math
import os
import sys

import mpmath as mp
import numpy as np
from scipy import special, stats

mp.mp.dps = 60
FLOOR = 1e-300
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "numerics.json")

tables = {}


def table(name, columns):
    tables[name] = {"columns": columns, "rows": []}
    return tables[name]["rows"]


def representable(v):
    """True when an mpf value is a normal double we can test with relative error."""
    return v == 0 or (abs(v) >= FLOOR and abs(v) < 1e300)


def f(v):
    return float(v)


# ---------------------------------------------------------------- normal

def normal_tables():
    cdf = table("normal_cdf", ["x", "cdf"])
    sf = table("normal_sf", ["x", "sf"])
    xs = sorted(set([round(v, 6) for v in np.arange(-38.0, 38.0001, 0.125)]
                    + [1e-300, -1e-300, 1e-20, -1e-20, 1e-8, -1e-8, 0.3333333333333333,
                       -1.2345678901234567, 2.718281828459045, -7.389056098930650,
                       26.5, -26.5, 37.5, -37.5, 37.9, 8.3, -8.3]))
    for x in xs:
        xm = mp.mpf(x)
        c = mp.ncdf(xm)
        s = mp.ncdf(-xm)
        if representable(c) and c > 0:
            cdf.append([x, f(c)])
        if representable(s) and s > 0:
            sf.append([x, f(s)])

    logcdf = table("normal_logcdf", ["x", "logcdf"])
    for x in [-1e4, -1000.0, -200.0, -100.0, -50.0, -40.0, -39.0, -38.5, -37.0, -30.0, -20.0,
              -10.0, -5.0, -1.0, -0.5, 0.5, 1.0, 5.0, 10.0, 20.0, 30.0]:
        logcdf.append([x, f(mp.log(mp.ncdf(mp.mpf(x))))])

    quantile = table("normal_quantile", ["p", "x"])
    ps = [10.0 ** -e for e in range(1, 301)]
    ps += [k / 100 for k in range(1, 100)]
    ps += [0.5 + 1e-16 * 1.5, 0.5 - 1e-10, 0.075, 0.925, 0.074, 0.926, 0.0001234, 2.5e-7]
    ps += [1 - 10.0 ** -e for e in range(1, 17)]
    for p in sorted(set(ps)):
        if p <= 0 or p >= 1:
            continue
        quantile.append([p, f(normal_quantile(p))])

    # z = Φ⁻¹(1 − α/2) for confidence levels 1 − α in [0.5, 1), where (1 − c)/2 is exact in
    # double arithmetic (Sterbenz), so the reference is for the double level itself.
    critical = table("normal_two_sided_critical", ["confidence", "z"])
    for c in [0.5, 0.6, 0.8, 0.9, 0.95, 0.975, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9999,
              0.999999, 0.99999999, 0.9999999999, 1 - 2.0 ** -40]:
        critical.append([c, f(-normal_quantile((1 - c) / 2))])


def normal_quantile(p):
    pm = mp.mpf(p)
    if p == 0.5:
        return mp.mpf(0)
    lower = pm < 0.5
    target = mp.log(pm) if lower else mp.log(1 - pm)
    x = mp.mpf(special.ndtri(p))
    for _ in range(100):
        if lower:
            logt = mp.log(mp.ncdf(x))
            slope = mp.npdf(x) / mp.exp(logt)
        else:
            logt = mp.log(mp.ncdf(-x))
            slope = -mp.npdf(x) / mp.exp(logt)
        step = (logt - target) / slope
        x -= step
        if abs(step) <= mp.mpf(10) ** -45 * max(1, abs(x)):
            break
    return x


# ---------------------------------------------------------------- gamma and beta functions

def log_gamma_tables():
    rows = table("log_gamma", ["x", "logGamma"])
    xs = [10.0 ** e for e in np.arange(-300, 15.01, 1.5)]
    xs += [0.5, 1.5, 2.5, 3.0, 4.0, 10.0, 0.999999, 1.000001, 1.1, 0.9, 1.9, 2.1,
           1.9999999, 2.0000001, 7.25, 33.3, 170.6, 171.7, 1000.5, 12345.678]
    for x in sorted(set(float(v) for v in xs)):
        rows.append([x, f(mp.loggamma(mp.mpf(x)))])
    rows.append([1.0, 0.0])
    rows.append([2.0, 0.0])

    rows = table("log_beta", ["a", "b", "logBeta"])
    shapes = [0.5, 1.0, 2.5, 10.0, 50.0, 500.0, 1e4, 1e5]
    for a in shapes + [0.1, 3.7, 1e6]:
        for b in shapes:
            am, bm = mp.mpf(a), mp.mpf(b)
            rows.append([a, b, f(mp.loggamma(am) + mp.loggamma(bm) - mp.loggamma(am + bm))])


def ibeta_log_prefactor(a, b, x, y=None):
    """log(x^a y^b / B(a, b)) with y = 1 - x, straight from mpmath's log-gamma (60 digits)."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    log_y = mp.log1p(-x) if y is None else mp.log(y)
    return a * mp.log(x) + b * log_y - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))


def ibeta_hyp2f1(a, b, x, y=None):
    """I_x(a, b) = x^a (1-x)^b / (a B(a,b)) * 2F1(a+b, 1; a+1; x) with mpmath.hyp2f1."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    log_pre = ibeta_log_prefactor(a, b, x, y)
    if log_pre < -1000:
        # Far below the 1e-300 floor when x <= (a+1)/(a+b+2), where the 2F1 terms fall from the
        # start and the factor is below (a+b+2)/2. Elsewhere a wrong zero would break the
        # lower + upper = 1 assertion in ibeta_tails, so nothing false can be tabulated.
        return mp.mpf(0)
    return mp.exp(log_pre) / a * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10 ** 7)


def ibeta_continued_fraction(a, b, x, y=None):
    """I_x(a, b) for x <= (a+1)/(a+b+2) from the continued fraction of DLMF 8.17.22 evaluated
    by Lentz's method in 60-digit arithmetic (fast where hyp2f1 needs ~1e5 terms). Validated
    against ibeta_hyp2f1 on every shape pair in incomplete_beta_tables."""
    a = mp.mpf(a)
    b = mp.mpf(b)
    log_pre = ibeta_log_prefactor(a, b, x, y)
    if log_pre < -1000:
        return mp.mpf(0)  # the fraction is below (a+b+2)/2 here, see ibeta_hyp2f1
    tiny = mp.mpf(10) ** -200
    eps = mp.mpf(10) ** -55
    c = mp.mpf(1)
    d = 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    m = 0
    while True:
        m += 1
        for coefficient in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + coefficient * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + coefficient / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < eps or m > 10 ** 6:
            break
    return mp.exp(log_pre) / a * h


def ibeta_lower(a, b, x, y=None):
    """I_x(a, b) for 0 < x < 1 (x an mpf, y = 1 - x if given): the continued fraction on its
    fast side, mpmath's hyp2f1 otherwise."""
    if x <= (mp.mpf(a) + 1) / (mp.mpf(a) + b + 2):
        return ibeta_continued_fraction(a, b, x, y)
    return ibeta_hyp2f1(a, b, x, y)


def ibeta_tails(a, b, x, y=None):
    """Both tails at x (y = 1 - x, given separately when x is within 1e-60 of 1); the one on
    the fast side of (a+1)/(a+b+2) directly, the other by complement unless that complement
    is small, in which case it too is computed directly."""
    xm = mp.mpf(x)
    ym = 1 - xm if y is None else y
    if xm <= (mp.mpf(a) + 1) / (mp.mpf(a) + b + 2):
        lower = ibeta_lower(a, b, xm, ym)
        upper = 1 - lower
        if upper < 1e-20:
            upper = ibeta_lower(b, a, ym, xm)
    else:
        upper = ibeta_lower(b, a, ym, xm)
        lower = 1 - upper
        if lower < 1e-20:
            lower = ibeta_lower(a, b, xm, ym)
    assert mp.isfinite(lower) and mp.isfinite(upper), (a, b, x, lower, upper)
    assert abs(lower + upper - 1) < mp.mpf(10) ** -40, (a, b, x, lower, upper)
    return lower, upper


def ibeta_quad(a, b, x):
    """Independent check by quadrature of the density (breakpoints around the mode)."""
    am, bm, xm = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    lb = mp.loggamma(am) + mp.loggamma(bm) - mp.loggamma(am + bm)
    dens = lambda t: mp.exp((am - 1) * mp.log(t) + (bm - 1) * mp.log1p(-t) - lb)
    pts = [mp.mpf(0)]
    if am > 1 and bm > 1:
        mode = (am - 1) / (am + bm - 2)
        sd = mp.sqrt(am * bm / ((am + bm) ** 2 * (am + bm + 1)))
        pts += [mode + k * sd for k in (-16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16) if 0 < mode + k * sd < xm]
    pts = sorted(set(pts)) + [xm]
    return mp.quad(dens, pts)


def tail_points(dist, extra):
    """x locations spread over a distribution, including far tails."""
    probs = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.01, 0.1, 0.3, 0.5]
    xs = set(extra)
    for pr in probs:
        for v in (dist.ppf(pr), dist.isf(pr)):
            if np.isfinite(v):
                xs.add(float(v))
    return sorted(xs)


def incomplete_beta_tables():
    lower_rows = table("beta_lower", ["a", "b", "x", "I"])
    upper_rows = table("beta_upper", ["a", "b", "x", "1-I"])
    shapes = [0.5, 1.0, 2.5, 10.0, 50.0, 500.0, 1e4, 1e5]
    fixed = [1e-300, 1e-100, 1e-10, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-3, 1 - 1e-10]
    checked = 0
    series = 0
    for a in shapes:
        for b in shapes:
            with np.errstate(all="ignore"):
                xs = tail_points(stats.beta(a, b), fixed)
            for x in xs:
                if not (0 < x < 1):
                    continue
                lower, upper = ibeta_tails(a, b, x)
                if representable(lower) and lower > 0:
                    lower_rows.append([a, b, x, f(lower)])
                if representable(upper) and upper > 0:
                    upper_rows.append([a, b, x, f(upper)])
                if checked < 40 and x in (0.3, 0.5, 0.7) and min(a, b) >= 1 and lower > 1e-30:
                    q = ibeta_quad(a, b, x)
                    assert abs(q / lower - 1) < 1e-25, (a, b, x, lower, q)
                    checked += 1
            # the continued fraction against mpmath's hyp2f1, at the points where the
            # hypergeometric series is cheap (it needs ~1e5 terms near the mode for the
            # (1e4, 1e5) pairs)
            cheap = [x for x in xs if 0 < x < 1 and (a + b) * x / (a + 1) < 0.9]
            for x in cheap[:: max(1, len(cheap) // 4)]:
                xm = mp.mpf(x)
                if xm <= (mp.mpf(a) + 1) / (mp.mpf(a) + b + 2):
                    cf = ibeta_continued_fraction(a, b, xm)
                    hy = ibeta_hyp2f1(a, b, xm)
                    assert cf == hy or abs(cf / hy - 1) < mp.mpf(10) ** -40, (a, b, x, cf, hy)
                    series += 1
    print(f"  incomplete beta: {checked} quadrature and {series} hyp2f1 cross-checks passed", file=sys.stderr)


def newton_inverse(tails_at, start_u, target, upper, reach=10):
    """Solve a monotone tail equation in mpmath: Newton's method in log space, safeguarded by
    bisection on a bracket in u (u = logit x for beta, log x for gamma).

    tails_at(u) -> (lower, upper, d lower / du); target is the probability of the tail being
    solved (upper=True: the upper tail); reach is the largest move in u per step while the
    bracket is open. Returns u.
    """
    u = mp.mpf(start_u)
    lo, hi = -mp.inf, mp.inf  # bracket: the lower tail at lo is too small, at hi too large
    log_target = mp.log(target)
    for _ in range(1000):
        lower, upp, slope = tails_at(u)
        tail = upp if upper else lower
        if tail <= 0:
            too_small_lower = not upper  # lower tail ~0: u too small; upper tail ~0: u too large
        else:
            residual = mp.log(tail) - log_target
            too_small_lower = (residual < 0) if not upper else (residual > 0)
        if too_small_lower:
            lo = u
        else:
            hi = u
        new_u = None
        if tail > 0 and slope > 0:
            log_slope = slope / tail if not upper else -slope / tail
            new_u = u - (mp.log(tail) - log_target) / log_slope
        if new_u is None or not (lo < new_u < hi) or abs(new_u - u) > 2 * reach:
            if lo == -mp.inf:
                new_u = hi - reach
            elif hi == mp.inf:
                new_u = lo + reach
            else:
                new_u = (lo + hi) / 2
        if abs(new_u - u) < mp.mpf(10) ** -45 * max(1, abs(u)):
            return new_u
        u = new_u
    return u


def inverse_beta_tables():
    rows = table("beta_inverse", ["a", "b", "p", "x"])
    crows = table("beta_inverse_complement", ["a", "b", "q", "x"])
    shapes = [0.5, 1.0, 2.5, 10.0, 50.0, 500.0, 1e4, 1e5]
    ps = [1e-100, 1e-30, 1e-10, 1e-4, 0.025, 0.1, 0.5, 0.9, 0.975, 1 - 1e-4, 1 - 1e-10]
    qs = [1e-100, 1e-30, 1e-10, 1e-4, 0.025, 0.3]
    for a in shapes:
        for b in shapes:
            def tails_at(u, a=a, b=b):
                x = 1 / (1 + mp.exp(-u))
                y = 1 / (1 + mp.exp(u))
                lower, upper = ibeta_tails(a, b, x, y)
                return lower, upper, mp.exp(ibeta_log_prefactor(a, b, x, y))

            for p, complement in [(p, False) for p in ps] + [(q, True) for q in qs]:
                pm = mp.mpf(p)
                if complement:
                    upper_side = pm <= mp.mpf(0.5)
                    target = pm if upper_side else 1 - pm
                    start = special.betaincinv(a, b, 1 - p) if p > 1e-15 else special.betainccinv(a, b, p)
                else:
                    upper_side = pm > mp.mpf(0.5)
                    target = 1 - pm if upper_side else pm
                    start = special.betaincinv(a, b, p)
                if not np.isfinite(start) or start <= 0 or start >= 1:
                    start = 0.5
                u = newton_inverse(tails_at, mp.log(start) - mp.log1p(-start), target, upper_side)
                lower, upper, _ = tails_at(u)
                achieved = upper if upper_side else lower
                assert abs(achieved / target - 1) < mp.mpf(10) ** -35, (a, b, p, u, achieved, target)
                x = 1 / (1 + mp.exp(-u))
                if x < FLOOR:
                    continue
                (crows if complement else rows).append([a, b, p, f(x)])


def gamma_lower_series(a, x):
    """P(a, x) = x^a e^-x / Gamma(a+1) * sum_n x^n / ((a+1)...(a+n)), summed in 60 digits."""
    total = term = mp.mpf(1)
    n = 0
    while True:
        n += 1
        term = term * x / (a + n)
        total += term
        if a + n > x and term < total * mp.mpf(10) ** -58:
            break
    return mp.exp(a * mp.log(x) - x - mp.loggamma(a + 1)) * total


def gamma_tails(a, x):
    """(P(a, x), Q(a, x)) from mpmath.gammainc; where its hypergeometric series gives up
    (a ~ 1e5 near the mode) the lower tail comes from gamma_lower_series instead."""
    am, xm = mp.mpf(a), mp.mpf(x)
    try:
        lower = mp.gammainc(am, 0, xm, regularized=True)
    except mp.libmp.libhyper.NoConvergence:
        lower = gamma_lower_series(am, xm)
    try:
        upper = mp.gammainc(am, xm, mp.inf, regularized=True)
    except mp.libmp.libhyper.NoConvergence:
        upper = 1 - lower
    assert abs(lower + upper - 1) < mp.mpf(10) ** -40, (a, x, lower, upper)
    return lower, upper


def incomplete_gamma_tables():
    lower_rows = table("gamma_p", ["a", "x", "P"])
    upper_rows = table("gamma_q", ["a", "x", "Q"])
    shapes = [0.5, 0.75, 1.0, 2.5, 10.0, 50.0, 500.0, 1e4, 1e5]
    fixed = [1e-300, 1e-100, 1e-10, 1e-3, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 700.0]
    checked = 0
    for a in shapes:
        with np.errstate(all="ignore"):
            xs = tail_points(stats.gamma(a), fixed + [a, a + 1, a - 1, a + 1.5])
        for x in xs:
            if not (x > 0):
                continue
            lower, upper = gamma_tails(a, x)
            if x < a and checked < 30:
                series = gamma_lower_series(mp.mpf(a), mp.mpf(x))
                assert lower == series or abs(series / lower - 1) < mp.mpf(10) ** -40, (a, x, lower, series)
                checked += 1
            if representable(lower) and lower > 0:
                lower_rows.append([a, x, f(lower)])
            if representable(upper) and upper > 0:
                upper_rows.append([a, x, f(upper)])
    print(f"  incomplete gamma: {checked} series cross-checks passed", file=sys.stderr)


def gamma_inverse(a, p, complement):
    am = mp.mpf(a)
    pm = mp.mpf(p)
    lg = mp.loggamma(am)

    def tails_at(u):
        x = mp.exp(u)
        lower, upper = gamma_tails(am, x)
        return lower, upper, mp.exp(am * u - x - lg)

    if complement:
        upper_side = pm <= mp.mpf(0.5)
        target = pm if upper_side else 1 - pm
        start = special.gammainccinv(a, p)
    else:
        upper_side = pm > mp.mpf(0.5)
        target = 1 - pm if upper_side else pm
        start = special.gammaincinv(a, p)
    if not np.isfinite(start) or start <= 0:
        start = a
    u = newton_inverse(tails_at, mp.log(start), target, upper_side, reach=1)
    lower, upper, _ = tails_at(u)
    achieved = upper if upper_side else lower
    assert abs(achieved / target - 1) < mp.mpf(10) ** -35, (a, p, u, achieved, target)
    return mp.exp(u)


def inverse_gamma_tables():
    rows = table("gamma_inverse_p", ["a", "p", "x"])
    crows = table("gamma_inverse_q", ["a", "q", "x"])
    shapes = [0.5, 0.75, 1.0, 2.5, 10.0, 50.0, 500.0, 1e4, 1e5]
    ps = [1e-100, 1e-30, 1e-10, 1e-4, 0.025, 0.1, 0.5, 0.9, 0.975, 1 - 1e-4, 1 - 1e-10]
    qs = [1e-300, 1e-100, 1e-30, 1e-10, 1e-4, 0.025, 0.3]
    for a in shapes:
        for p in ps:
            x = gamma_inverse(a, p, False)
            if x >= FLOOR:
                rows.append([a, p, f(x)])
        for q in qs:
            x = gamma_inverse(a, q, True)
            if x >= FLOOR:
                crows.append([a, q, f(x)])

    chi = table("chi_squared_quantile", ["df", "p", "x"])
    chic = table("chi_squared_complementary_quantile", ["df", "q", "x"])
    for df in range(1, 101):
        for p in [0.001, 0.025, 0.05, 0.5, 0.95, 0.975, 0.999]:
            chi.append([float(df), p, f(2 * gamma_inverse(df / 2, p, False))])
        for q in [1e-10, 0.01]:
            chic.append([float(df), q, f(2 * gamma_inverse(df / 2, q, True))])


# ---------------------------------------------------------------- discrete distributions

def exact_tail(first, ratio, start, stop, step):
    """Sum term(start) + term(start+step) + ... up to term(stop), where term(start) = first
    and ratio(i) = term(i+step)/term(i); stops early once the remaining terms (which fall at
    least geometrically away from the mode) are below 1e-55 of the sum."""
    total = first
    term = first
    i = start
    while i != stop:
        r = ratio(i)
        term = term * r
        total += term
        i += step
        if term == 0:
            break
        if r < 1 and term * r / (1 - r) < total * mp.mpf(10) ** -55:
            break
    return total


def binomial_tables():
    pmf_rows = table("binomial_pmf", ["n", "p", "k", "pmf"])
    cdf_rows = table("binomial_cdf", ["n", "p", "k", "cdf"])
    sf_rows = table("binomial_sf", ["n", "p", "k", "sf"])
    cases = [(0, 0.3), (1, 0.5), (5, 0.1), (10, 0.5), (20, 0.01), (30, 0.9), (17, 0.6470588235294118),
             (100, 0.3), (1000, 0.001), (1000, 0.5), (10000, 0.123), (12345, 0.37), (100000, 0.5),
             (1000000, 0.5), (1000000, 1e-5), (1000000, 0.999), (1000000, 0.1), (500, 1e-3),
             (2000, 0.999999), (3000, 1e-7)]
    checked = 0
    for n, p in cases:
        pm = mp.mpf(p)
        qm = 1 - pm
        if n <= 30:
            ks = list(range(-1, n + 2))
        else:
            mean = n * p
            sd = math.sqrt(n * p * (1 - p))
            ks = {0, 1, 2, 3, n - 3, n - 2, n - 1, n, n + 1, -1}
            for m in [-60, -40, -30, -20, -10, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 10, 20, 30, 40, 60]:
                ks.add(int(round(mean + m * sd)))
            for frac in [0.01, 0.1, 0.25, 0.4, 0.6, 0.75, 0.9, 0.99]:
                ks.add(int(n * frac))
            ks = sorted(k for k in ks if -1 <= k <= n + 1)

        def pmf(k):
            if k < 0 or k > n:
                return mp.mpf(0)
            return mp.binomial(n, k) * pm ** k * qm ** (n - k)

        mode = min(int(math.floor((n + 1) * p)), n)
        for k in ks:
            v = pmf(k)
            if (representable(v) and v > 0) or (v == 0 and k in (-1, n + 1)):
                pmf_rows.append([float(n), p, float(k), f(v)])
            if k < 0:
                lower, upper = mp.mpf(0), mp.mpf(1)
            elif k >= n:
                lower, upper = mp.mpf(1), mp.mpf(0)
            elif k < mode:
                lower = exact_tail(pmf(k), lambda i: i * qm / ((n - i + 1) * pm), k, 0, -1)
                upper = 1 - lower
            else:
                upper = exact_tail(pmf(k + 1), lambda i: (n - i) * pm / ((i + 1) * qm), k + 1, n, 1)
                lower = 1 - upper
            if 0 <= k < n and checked < 30 and 1e-100 < lower < 1 and n >= 10:
                # P(X <= k) = I_{1-p}(n-k, k+1)
                ref = ibeta_lower(n - k, k + 1, 1 - pm)
                assert abs(ref / lower - 1) < mp.mpf(10) ** -35, (n, p, k, lower, ref)
                checked += 1
            if representable(lower) and (lower > 0 or k < 0):
                cdf_rows.append([float(n), p, float(k), f(lower)])
            if representable(upper) and (upper > 0 or k >= n):
                sf_rows.append([float(n), p, float(k), f(upper)])
    print(f"  binomial: {checked} incomplete-beta cross-checks passed", file=sys.stderr)

    log_rows = table("binomial_logsf", ["n", "p", "k", "logsf"])
    # far upper tails, most of them below the 1e-300 floor, through their logarithm
    for n, p, k in [(1000000, 0.5, 900000), (1000000, 0.5, 600000), (1000000, 0.5, 502000),
                    (1000000, 0.5, 999998), (10000, 0.01, 5000), (10000, 0.01, 500),
                    (2000, 0.3, 1999), (2000, 0.3, 1500), (100000, 1e-6, 50), (100000, 1e-6, 5),
                    (50, 0.5, 48), (1000, 0.999, 999 - 1)]:
        pm = mp.mpf(p)
        qm = 1 - pm
        first = mp.binomial(n, k + 1) * pm ** (k + 1) * qm ** (n - k - 1)
        upper = exact_tail(first, lambda i: (n - i) * pm / ((i + 1) * qm), k + 1, n, 1)
        log_rows.append([float(n), p, float(k), f(mp.log(upper))])


def hypergeometric_tables():
    pmf_rows = table("hypergeometric_pmf", ["N", "K", "n", "k", "pmf"])
    cdf_rows = table("hypergeometric_cdf", ["N", "K", "n", "k", "cdf"])
    sf_rows = table("hypergeometric_sf", ["N", "K", "n", "k", "sf"])
    cases = [(0, 0, 0), (1, 1, 1), (10, 4, 3), (20, 7, 20), (50, 20, 10), (100, 50, 50), (120, 3, 40),
             (1000, 30, 200), (10000, 5000, 100), (100000, 10000, 50000), (1000000, 500000, 500000),
             (1000000, 100, 100000), (2000000, 1000000, 1000), (500, 499, 250), (164, 60, 30)]
    for bigN, bigK, n in cases:
        lo = max(0, n - (bigN - bigK))
        hi = min(n, bigK)
        total = mp.binomial(bigN, n)

        def pmf(k):
            if k < lo or k > hi:
                return mp.mpf(0)
            return mp.binomial(bigK, k) * mp.binomial(bigN - bigK, n - k) / total

        if hi - lo <= 40:
            ks = list(range(lo - 1, hi + 2))
        else:
            mean = n * bigK / bigN
            sd = math.sqrt(n * (bigK / bigN) * (1 - bigK / bigN) * (bigN - n) / (bigN - 1))
            ks = {lo - 1, lo, lo + 1, lo + 2, hi - 2, hi - 1, hi, hi + 1}
            for m in [-60, -40, -30, -20, -10, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 10, 20, 30, 40, 60]:
                ks.add(int(round(mean + m * sd)))
            for frac in [0.05, 0.25, 0.5, 0.75, 0.95]:
                ks.add(int(lo + (hi - lo) * frac))
            ks = sorted(k for k in ks if lo - 1 <= k <= hi + 1)
        mode = min(max(int(math.floor((n + 1) * (bigK + 1) / (bigN + 2))), lo), hi)
        for k in ks:
            v = pmf(k)
            if (representable(v) and v > 0) or (v == 0 and k in (lo - 1, hi + 1)):
                pmf_rows.append([float(bigN), float(bigK), float(n), float(k), f(v)])
            if k < lo:
                lower, upper = mp.mpf(0), mp.mpf(1)
            elif k >= hi:
                lower, upper = mp.mpf(1), mp.mpf(0)
            elif k < mode:
                lower = exact_tail(pmf(k), lambda i: mp.mpf(i) * (bigN - bigK - n + i) / ((bigK - i + 1) * (n - i + 1)), k, lo, -1)
                upper = 1 - lower
            else:
                upper = exact_tail(pmf(k + 1), lambda i: mp.mpf(bigK - i) * (n - i) / ((i + 1) * (bigN - bigK - n + i + 1)), k + 1, hi, 1)
                lower = 1 - upper
            if representable(lower) and (lower > 0 or k < lo):
                cdf_rows.append([float(bigN), float(bigK), float(n), float(k), f(lower)])
            if representable(upper) and (upper > 0 or k >= hi):
                sf_rows.append([float(bigN), float(bigK), float(n), float(k), f(upper)])
        # cross-check the exact sums against scipy (loose: scipy is double precision)
        for k in ks[:: max(1, len(ks) // 5)]:
            if lo <= k < hi:
                s = stats.hypergeom(bigN, bigK, n)
                ref = s.cdf(k)
                mine = float(exact_tail(pmf(k), lambda i: mp.mpf(i) * (bigN - bigK - n + i) / ((bigK - i + 1) * (n - i + 1)), k, lo, -1)) if k < mode else 1 - float(exact_tail(pmf(k + 1), lambda i: mp.mpf(bigK - i) * (n - i) / ((i + 1) * (bigN - bigK - n + i + 1)), k + 1, hi, 1))
                assert ref == 0 or abs(mine / ref - 1) < 1e-6 or abs(mine - ref) < 1e-12, (bigN, bigK, n, k, mine, ref)


def poisson_tables():
    pmf_rows = table("poisson_pmf", ["lambda", "k", "pmf"])
    cdf_rows = table("poisson_cdf", ["lambda", "k", "cdf"])
    sf_rows = table("poisson_sf", ["lambda", "k", "sf"])
    for lam in [0.0, 1e-10, 0.001, 0.5, 1.0, 3.7, 10.0, 100.0, 1000.5, 10000.0, 100000.0, 1000000.0]:
        lm = mp.mpf(lam)
        if lam < 20:
            ks = list(range(-1, 40)) + [60, 100, 150]
        else:
            sd = math.sqrt(lam)
            ks = {-1, 0, 1, 2, 5}
            for m in [-40, -30, -20, -10, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 10, 20, 30, 40, 60, 100]:
                ks.add(int(round(lam + m * sd)))
            ks.add(int(lam * 3))
            ks = sorted(k for k in ks if k >= -1)
        for k in ks:
            if k < 0:
                v = mp.mpf(0)
            elif lam == 0:
                v = mp.mpf(1 if k == 0 else 0)
            else:
                v = mp.exp(k * mp.log(lm) - lm - mp.loggamma(k + 1))
            if (representable(v) and v > 0) or k == -1:
                pmf_rows.append([lam, float(k), f(v)])
            if k < 0:
                lower, upper = mp.mpf(0), mp.mpf(1)
            elif lam == 0:
                lower, upper = mp.mpf(1), mp.mpf(0)
            else:
                # P(X <= k) = Q(k+1, lambda), P(X > k) = P(k+1, lambda)
                upper, lower = gamma_tails(k + 1, lm)
            if representable(lower) and (lower > 0 or k < 0):
                cdf_rows.append([lam, float(k), f(lower)])
            if representable(upper) and (upper > 0 or lam == 0):
                sf_rows.append([lam, float(k), f(upper)])


def main():
    """With no arguments regenerate everything; with step names (e.g. `poisson_tables`)
    regenerate only those and keep the other tables of the existing file."""
    steps = [normal_tables, log_gamma_tables, incomplete_beta_tables, inverse_beta_tables,
             incomplete_gamma_tables, inverse_gamma_tables, binomial_tables,
             hypergeometric_tables, poisson_tables]
    selected = sys.argv[1:]
    if selected:
        with open(OUT) as handle:
            tables.update(json.load(handle)["tables"])
    for step in steps:
        if selected and step.__name__ not in selected:
            continue
        print(step.__name__, file=sys.stderr)
        step()
    document = {
        "generator": "Scripts/oracles/numerics.py",
        "oracle": f"mpmath {mp.__version__} at {mp.mp.dps} digits (scipy {__import__('scipy').__version__} for starting points)",
        "floor": FLOOR,
        "tables": tables,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump(document, handle, separators=(",", ":"))
        handle.write("\n")
    counts = {name: len(t["rows"]) for name, t in tables.items()}
    print(json.dumps(counts, indent=1), file=sys.stderr)
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
