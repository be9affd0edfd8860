#!/usr/bin/env python3
"""Reference values for proportion intervals, from independent implementations.

Oracles:
  wald, wilson, agresti-coull, jeffreys, clopper-pearson  statsmodels.stats.proportion.proportion_confint
                                                          (methods normal, wilson, agresti_coull, jeffreys, beta)
  wilson-cc        R prop.test(k, n, correct = TRUE)$conf.int (Newcombe 1998 method 4); p chosen so that
                   R's Yates term is the full 1/2 (R shrinks it when |k - n p| < 1/2)
  mid-p            root of P(X > k) + P(X = k)/2 = alpha/2 (and the mirror): for n <= 60 by exact
                   summation in mpmath (50 digits); for larger n with scipy.stats.binom and brentq
  hypergeometric   scipy.stats.hypergeom: linear scan over the population count K
  fpc-wald         formula evaluated with scipy.stats.norm.ppf

Writes Tests/YJStatTests/Fixtures/intervals.json. Run from the repository root:
    python3 Scripts/oracles/intervals.py
Needs: scipy, statsmodels, mpmath, and Rscript on PATH.
"""
import json
import os
import sys
from fractions import Fraction
from math import comb
import subprocess
import tempfile

import mpmath as mp
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

mp.mp.dps = 50
OUT = os.path.join("Tests", "YJStatTests", "Fixtures", "intervals.json")


def binomial_cases():
    cases = set()
    for conf in (0.95, 0.8):
        for n in range(1, 61):
            for k in range(0, n + 1):
                cases.add((k, n, conf))
    for conf in (0.9, 0.99):
        for n in (1, 2, 3, 4, 5, 7, 10, 17, 20, 29, 30, 45, 58, 60):
            for k in range(0, n + 1):
                cases.add((k, n, conf))
    for conf in (0.8, 0.9, 0.95, 0.99):
        for n in (100, 500, 1000, 10000, 1000000):
            for k in sorted({0, 1, 2, n // 100, n // 4, n // 2, n - 1, n}):
                cases.add((k, n, conf))
    return sorted(cases, key=lambda c: (c[2], c[1], c[0]))


def midp(k, n, conf):
    """Mid-p bounds. n <= 60: exact sums in mpmath at 50 digits, bisection to 2^-120.
    Larger n: scipy.stats.binom tails (double precision) with brentq to xtol 1e-300, rtol 1e-15."""
    if n > 60:
        from scipy.optimize import brentq
        half = (1 - conf) / 2
        lo_f = lambda p: stats.binom.sf(k, n, p) + stats.binom.pmf(k, n, p) / 2 - half
        hi_f = lambda p: half - (stats.binom.cdf(k - 1, n, p) + stats.binom.pmf(k, n, p) / 2)
        lower = 0.0 if k == 0 else brentq(lo_f, 0.0, 1.0, xtol=1e-300, rtol=1e-15, maxiter=500)
        upper = 1.0 if k == n else brentq(hi_f, 0.0, 1.0, xtol=1e-300, rtol=1e-15, maxiter=500)
        return lower, upper
    half = (1 - mp.mpf(conf)) / 2

    def pmf(x, p):
        return mp.binomial(n, x) * p ** x * (1 - p) ** (n - x)

    def below(x, p):  # P(X < x)
        return mp.fsum(pmf(j, p) for j in range(0, x))

    def above(x, p):  # P(X > x)
        return mp.fsum(pmf(j, p) for j in range(x + 1, n + 1))

    def solve(f):
        lo, hi = mp.mpf(0), mp.mpf(1)
        flo = f(lo)
        for _ in range(120):
            mid = (lo + hi) / 2
            fm = f(mid)
            if (fm < 0) == (flo < 0):
                lo, flo = mid, fm
            else:
                hi = mid
        return (lo + hi) / 2

    lower = mp.mpf(0) if k == 0 else solve(lambda p: above(k, p) + pmf(k, p) / 2 - half)
    upper = mp.mpf(1) if k == n else solve(lambda p: half - (below(k, p) + pmf(k, p) / 2))
    return float(lower), float(upper)


def wilson_cc_from_r(cases):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in.csv")
        dst = os.path.join(tmp, "out.csv")
        with open(src, "w") as f:
            f.write("k,n,conf,p\n")
            for k, n, conf in cases:
                p = 1e-7 if 2 * k >= n else 1 - 1e-7
                f.write(f"{k},{n},{conf!r},{p!r}\n")
        script = f"""
        d <- read.csv("{src}")
        lo <- numeric(nrow(d)); hi <- numeric(nrow(d))
        for (i in seq_len(nrow(d))) {{
          ci <- suppressWarnings(prop.test(d$k[i], d$n[i], p = d$p[i], conf.level = d$conf[i], correct = TRUE)$conf.int)
          lo[i] <- ci[1]; hi[i] <- ci[2]
        }}
        write.csv(data.frame(lo = sprintf("%.17g", lo), hi = sprintf("%.17g", hi)), "{dst}", row.names = FALSE)
        """
        subprocess.run(["Rscript", "-e", script], check=True)
        with open(dst) as f:
            rows = f.read().strip().split("\n")[1:]
        return [tuple(float(x.strip('"')) for x in r.split(",")) for r in rows]


def hypergeometric_interval(k, n, N, conf):
    """Exact rational arithmetic: the confidence level is read as the decimal it is written as
    (0.8 = 4/5), tail probabilities are sums of binomial-coefficient ratios, and a tail exactly
    equal to alpha/2 is outside the set. scipy.stats.hypergeom cross-checks the result away from ties."""
    half = (1 - Fraction(str(conf))) / 2
    total = comb(N, n)

    def pmf(x, K):
        if x < 0 or x > n or x > K or n - x > N - K:
            return Fraction(0)
        return Fraction(comb(K, x) * comb(N - K, n - x), total)

    inside = []
    for K in range(k, N - (n - k) + 1):
        upper_tail = sum(pmf(x, K) for x in range(k, n + 1))  # P(X >= k)
        lower_tail = sum(pmf(x, K) for x in range(0, k + 1))  # P(X <= k)
        if upper_tail > half and lower_tail > half:
            inside.append(K)
        # Cross-check the exact tails against scipy.
        assert abs(float(upper_tail) - stats.hypergeom.sf(k - 1, N, K, n)) < 1e-12
        assert abs(float(lower_tail) - stats.hypergeom.cdf(k, N, K, n)) < 1e-12
    return inside[0] / N, inside[-1] / N


def main():
    if sys.argv[1:] == ["--finite-only"]:
        # Regenerate only the finite-population part, keeping the (slow) binomial part.
        with open(OUT) as f:
            binomial = json.load(f)["binomial"]
    else:
        binomial = binomial_cases_with_bounds()
    finite = finite_cases()
    with open(OUT, "w") as f:
        json.dump({"source": "Scripts/oracles/intervals.py", "binomial": binomial, "finite": finite}, f,
                  separators=(",", ":"))
    print(f"wrote {OUT}: {len(binomial)} binomial cases, {len(finite)} finite-population cases")


def binomial_cases_with_bounds():
    cases = binomial_cases()
    methods = {"wald": "normal", "wilson": "wilson", "agresti-coull": "agresti_coull",
               "jeffreys": "jeffreys", "clopper-pearson": "beta"}
    cc = wilson_cc_from_r(cases)
    binomial = []
    for (k, n, conf), wcc in zip(cases, cc):
        row = {"k": k, "n": n, "confidence": conf, "wilson-cc": list(wcc)}
        for name, sm in methods.items():
            lo, hi = proportion_confint(k, n, alpha=1 - conf, method=sm)
            row[name] = [float(lo), float(hi)]
        if n <= 10000:
            row["mid-p"] = list(midp(k, n, conf))
        binomial.append(row)
    return binomial


def finite_cases():
    finite = []
    for N in (5, 10, 20, 40, 58, 100, 500):
        for n in sorted({1, 2, 3, 4, 5, N // 4, N // 2, N - 1, N}):
            if n < 1 or n > N:
                continue
            for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
                if k < 0 or k > n:
                    continue
                for conf in (0.8, 0.95):
                    z = stats.norm.ppf(1 - (1 - conf) / 2)
                    p = k / n
                    half = z * (p * (1 - p) / n * (1 - n / N)) ** 0.5
                    finite.append({"k": k, "n": n, "N": N, "confidence": conf,
                                   "hypergeometric": list(hypergeometric_interval(k, n, N, conf)),
                                   "fpc-wald": [max(0.0, p - half), min(1.0, p + half)]})
    return finite


if __name__ == "__main__":
    main()
