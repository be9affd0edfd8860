#!/usr/bin/env python3
"""Reference values for service comparisons and funnel plots, from independent implementations.

Oracles:
  binomial test p    scipy.stats.binomtest (two-sided, minimum likelihood with 1 + 1e-7), cross-checked
                     against R binom.test
  Poisson test p     R poisson.test(k, T = 1, r = mean)$p.value
  Fisher test p      scipy.stats.fisher_exact
  Garwood interval   scipy.stats.chi2.ppf(alpha/2, 2k)/2 and chi2.isf(alpha/2, 2k + 2)/2, cross-checked
                     against R poisson.test(k)$conf.int
  Byar interval      the Breslow & Day formula evaluated with scipy.stats.norm.isf (PHEindicatormethods
                     byars_lower / byars_upper)
  proportion vs ref  statsmodels proportion_confint (wilson, beta) shifted / scaled by the reference
  two proportions    statsmodels confint_proportions_2indep (newcomb; log, or log-adjusted with a zero count)
  two rates          R poisson.test(c(k1, k2), c(T1, T2)) (ratio interval, p); statsmodels
                     confint_poisson_2indep(method="wald", compare="diff")
  RRI vs national    log-scale formula with scipy.stats.norm (Altman & Bland 2003)
  funnel limits      scipy.stats.binom / poisson: the quantile r = ppf(p) checked against cdf, then
                     Spiegelhalter's interpolation (cdf(r) - p)/(cdf(r) - cdf(r - 1)), at denominators 1..10,000
                     (all of 1..30, then log-spaced)
  funnel plot        a full example: pooled target, z-scores, flags, and overdispersion with
                     scipy.stats.mstats.winsorize (10% each tail), phi and tau^2

Writes Tests/YJStatTests/Fixtures/comparison.json. Run from the repository root:
    python3 Scripts/oracles/comparison.py
(or with --funnel-examples-only to rewrite only the funnel sections, which need no R)
Needs: scipy, numpy, statsmodels, and Rscript on PATH.
"""
import csv
import json
import math
import sys
import os
import subprocess
import tempfile

import numpy as np
from scipy import stats
from scipy.stats import mstats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.rates import confint_poisson_2indep

OUT = os.path.join("Tests", "YJStatTests", "Fixtures", "comparison.json")


def run_r(script, rows, header):
    """Runs an R script over a CSV of cases; returns the rows of the CSV it writes."""
    with tempfile.TemporaryDirectory() as folder:
        src = os.path.join(folder, "in.csv")
        dst = os.path.join(folder, "out.csv")
        with open(src, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        code = f'd <- read.csv("{src}")\n' + script + f'\nwrite.csv(out, "{dst}", row.names = FALSE)\n'
        subprocess.run(["Rscript", "-e", code], check=True, capture_output=True)
        with open(dst) as f:
            return [dict(r) for r in csv.DictReader(f)]


def r_float(text):
    return float(text) if text not in ("Inf", "NA") else (math.inf if text == "Inf" else None)


# ---------------------------------------------------------------- exact tests

def binomial_tests():
    cases = []
    for n in (1, 2, 3, 5, 9, 10, 17, 25, 50, 100, 250, 1000, 5000):
        for p in (0.001, 0.05, 0.2, 0.401, 0.5, 0.73, 0.99):
            ks = sorted(set([0, 1, n // 7, n // 3, n // 2, int(n * p), int(n * p) + 1, (2 * n) // 3, n - 1, n]))
            for k in ks:
                if 0 <= k <= n:
                    cases.append((k, n, p))
    cases.append((126, 250, 0.401))
    out = []
    r_rows = run_r(
        "out <- data.frame(p = mapply(function(k, n, p) binom.test(k, n, p)$p.value, d$k, d$n, d$p))",
        cases, ["k", "n", "p"])
    worst = 0.0
    for (k, n, p), r in zip(cases, r_rows):
        sp = stats.binomtest(k, n, p).pvalue
        rp = float(r["p"])
        worst = max(worst, abs(sp - rp) / max(rp, 1e-300))
        out.append({"k": k, "n": n, "p": p, "pValue": sp})
    print(f"binomial test: {len(out)} cases, scipy vs R relative difference {worst:.2e}")
    return out


def poisson_tests():
    cases = []
    for mean in (0.3, 1.0, 2.5, 4.72, 10.0, 23.6, 57.0, 100.5, 1000.0, 12345.6):
        ks = sorted(set([0, 1, 2, int(mean / 3), int(mean) - 1, int(mean), int(mean) + 1, int(mean * 1.5),
                         int(mean * 2) + 3, int(mean + 4 * math.sqrt(mean)) + 1]))
        for k in ks:
            if k >= 0:
                cases.append((k, mean))
    cases.append((57, 47.2))
    rows = run_r(
        "out <- data.frame(p = mapply(function(k, m) poisson.test(k, 1, m)$p.value, d$k, d$mean))",
        cases, ["k", "mean"])
    out = [{"k": k, "mean": m, "pValue": float(r["p"])} for (k, m), r in zip(cases, rows)]
    print(f"Poisson test: {len(out)} cases")
    return out


def fisher_tests():
    cases = []
    for (a, b, c, d) in [(3, 1, 1, 3), (10, 5, 2, 20), (0, 5, 5, 0), (12, 38, 9, 91), (1, 0, 0, 1),
                         (126, 124, 401, 599), (0, 10, 0, 20), (5, 5, 5, 5), (30, 170, 55, 245), (7, 0, 3, 4)]:
        cases.append({"a": a, "b": b, "c": c, "d": d, "pValue": stats.fisher_exact([[a, b], [c, d]]).pvalue})
    return cases


# ---------------------------------------------------------------- Poisson intervals

def poisson_intervals():
    out = []
    ks = list(range(0, 31)) + [40, 57, 99, 100, 250, 389, 1000, 5000, 20000]
    r_cases = [(k, conf) for conf in (0.95, 0.998, 0.8) for k in ks]
    r_rows = run_r(
        "ci <- t(mapply(function(k, c) poisson.test(k, conf.level = c)$conf.int, d$k, d$conf))\n"
        "out <- data.frame(lower = ci[, 1], upper = ci[, 2])",
        r_cases, ["k", "conf"])
    worst = 0.0
    for (k, conf), r in zip(r_cases, r_rows):
        a = 1 - conf
        low = 0.0 if k == 0 else stats.chi2.ppf(a / 2, 2 * k) / 2
        high = stats.chi2.isf(a / 2, 2 * k + 2) / 2
        for mine, theirs in ((low, r_float(r["lower"])), (high, r_float(r["upper"]))):
            if theirs:
                worst = max(worst, abs(mine - theirs) / theirs)
        z = stats.norm.isf(a / 2)
        byar_low = 0.0 if k == 0 else max(0.0, k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3)
        k1 = k + 1
        byar_high = k1 * (1 - 1 / (9 * k1) + z / (3 * math.sqrt(k1))) ** 3
        out.append({"k": k, "confidence": conf, "exact": [low, high], "byar": [byar_low, byar_high]})
    print(f"Garwood: {len(out)} cases, scipy chi2 vs R poisson.test relative difference {worst:.2e}")
    return out


# ---------------------------------------------------------------- one service vs reference

def proportion_comparisons():
    out = []
    for (k, n, ref) in [(126, 250, 0.401), (0, 12, 0.1), (12, 12, 0.6), (5, 17, 0.3), (40, 400, 0.15),
                        (3, 4, 0.401), (290, 1000, 0.25)]:
        for conf in (0.95, 0.9):
            w = proportion_confint(k, n, alpha=1 - conf, method="wilson")
            cp = proportion_confint(k, n, alpha=1 - conf, method="beta")
            out.append({"k": k, "n": n, "reference": ref, "confidence": conf,
                        "wilson": [w[0], w[1]], "exact": [cp[0], cp[1]],
                        "differenceWilson": [k / n - ref, w[0] - ref, w[1] - ref],
                        "ratioWilson": [k / n / ref, w[0] / ref, w[1] / ref],
                        "differenceExact": [k / n - ref, cp[0] - ref, cp[1] - ref],
                        "ratioExact": [k / n / ref, cp[0] / ref, cp[1] / ref],
                        "pValue": stats.binomtest(k, n, ref).pvalue})
    return out


def rate_comparisons():
    cases = [(57, 20000, 236, 100000), (3, 15000, 236, 100000), (0, 9000, 236, 100000), (9, 4000, 200, 100000),
             (10, 4000, 200, 100000), (250, 60000, 300, 100000), (12, 1500, 5, 1000)]
    rows = run_r(
        "out <- data.frame(p = mapply(function(k, pop, r, per) poisson.test(k, pop / per, r)$p.value,"
        " d$k, d$pop, d$ref, d$per))",
        cases, ["k", "pop", "ref", "per"])
    out = []
    for (k, pop, ref, per), r in zip(cases, rows):
        a = 0.05
        low = 0.0 if k == 0 else stats.chi2.ppf(a / 2, 2 * k) / 2
        high = stats.chi2.isf(a / 2, 2 * k + 2) / 2
        z = stats.norm.isf(a / 2)
        if k >= 10:
            low = k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
            high = (k + 1) * (1 - 1 / (9 * (k + 1)) + z / (3 * math.sqrt(k + 1))) ** 3
        rate, lo, hi = k / pop * per, low / pop * per, high / pop * per
        expected = ref * pop / per
        out.append({"k": k, "population": pop, "reference": ref, "per": per, "method": "exact" if k < 10 else "byar",
                    "rate": [rate, lo, hi], "difference": [rate - ref, lo - ref, hi - ref],
                    "ratio": [k / expected, low / expected, high / expected], "pValue": float(r["p"])})
    return out


# ---------------------------------------------------------------- two services

def two_proportions():
    out = []
    for (k1, n1, k2, n2) in [(126, 250, 401, 1000), (5, 17, 9, 20), (0, 12, 4, 30), (30, 200, 55, 300),
                             (12, 12, 20, 25), (7, 40, 0, 35), (45, 90, 45, 90)]:
        diff = confint_proportions_2indep(k1, n1, k2, n2, compare="diff", method="newcomb")
        method = "log-adjusted" if (k1 == 0 or k2 == 0) else "log"
        ratio = confint_proportions_2indep(k1, n1, k2, n2, compare="ratio", method=method)
        out.append({"k1": k1, "n1": n1, "k2": k2, "n2": n2,
                    "difference": [k1 / n1 - k2 / n2, diff[0], diff[1]],
                    "ratio": [ratio[0], ratio[1]],
                    "pValue": stats.fisher_exact([[k1, n1 - k1], [k2, n2 - k2]]).pvalue})
    return out


def two_rates():
    cases = [(57, 20000, 40, 21000), (3, 15000, 12, 18000), (0, 9000, 5, 8000), (120, 50000, 100, 52000),
             (8, 3000, 0, 3500), (25, 10000, 25, 10000)]
    rows = run_r(
        "res <- t(mapply(function(a, t1, b, t2) { r <- poisson.test(c(a, b), c(t1, t2));"
        " c(r$estimate, r$conf.int, r$p.value) }, d$k1, d$t1, d$k2, d$t2))\n"
        "out <- data.frame(est = res[, 1], lower = res[, 2], upper = res[, 3], p = res[, 4])",
        cases, ["k1", "t1", "k2", "t2"])
    out = []
    per = 100000
    for (k1, t1, k2, t2), r in zip(cases, rows):
        diff = confint_poisson_2indep(k1, t1 / per, k2, t2 / per, method="wald", compare="diff")
        out.append({"k1": k1, "t1": t1, "k2": k2, "t2": t2, "per": per,
                    "difference": [k1 / t1 * per - k2 / t2 * per, float(diff[0]), float(diff[1])],
                    "ratio": [r_float(r["est"]), r_float(r["lower"]), r_float(r["upper"])],
                    "pValue": float(r["p"])})
    return out


def rri_comparisons():
    out = []
    z = stats.norm.isf(0.025)
    for model in ("poisson", "binomial"):
        for s, nat in [((40, 3000, 100, 15000), (12000, 500000, 60000, 4000000)),
                       ((9, 800, 30, 5000), (1500, 60000, 9000, 450000)),
                       ((0, 500, 20, 6000), (300, 20000, 2000, 200000))]:
            def log_rri(c):
                a, na, b, nb = c
                add = 0.5 if (a == 0 or b == 0) else 0.0
                a, b = a + add, b + add
                if model == "binomial":
                    na, nb = na + add, nb + add
                    var = 1 / a - 1 / na + 1 / b - 1 / nb
                else:
                    var = 1 / a + 1 / b
                return math.log((a / na) / (b / nb)), var
            ls, vs = log_rri(s)
            ln, vn = log_rri(nat)
            se = math.sqrt(vs + vn)
            d = ls - ln
            out.append({"model": model, "service": list(s), "national": list(nat),
                        "serviceRRI": [math.exp(ls), math.exp(ls - z * math.sqrt(vs)), math.exp(ls + z * math.sqrt(vs))],
                        "ratio": [math.exp(d), math.exp(d - z * se), math.exp(d + z * se)],
                        "pValue": 2 * stats.norm.sf(abs(d) / se),
                        "ratioKnownNational": [math.exp(ls - ln), math.exp(ls - ln - z * math.sqrt(vs)),
                                               math.exp(ls - ln + z * math.sqrt(vs))]})
    return out


# ---------------------------------------------------------------- funnel limits

def denominators():
    ns = set(range(1, 31))
    ns.update(int(round(x)) for x in np.logspace(np.log10(30), 4, 60))
    ns.add(10000)
    return sorted(ns)


def interpolated(dist, p, upper):
    """Spiegelhalter's interpolated limit count for tail probability p (upper tail when upper)."""
    target = 1 - p if upper else p
    r = int(dist.ppf(target))
    # make r the smallest value whose cdf reaches the target, independently of ppf's rounding
    while r > 0 and (dist.sf(r - 1) <= p if upper else dist.cdf(r - 1) >= p):
        r -= 1
    while not (dist.sf(r) <= p if upper else dist.cdf(r) >= p):
        r += 1
    mass = dist.pmf(r)
    excess = (p - dist.sf(r)) if upper else (dist.cdf(r) - p)
    return r - excess / mass


def limits_at(dist, n):
    """The four limits (0.1%, 2.5% below; 2.5%, 0.1% above) on the per-head scale. A limit that the
    interpolation puts below 0 (when the quantile r is 0) is reported as 0."""
    return [max(0.0, interpolated(dist, p, upper) / n)
            for p, upper in ((0.001, False), (0.025, False), (0.025, True), (0.001, True))]


def funnel_limits():
    out = {"binomial": [], "poisson": []}
    ns = denominators()
    for theta in (0.05, 0.2, 0.401, 0.5, 0.73):
        for n in ns:
            d = stats.binom(n, theta)
            row = limits_at(d, n)
            out["binomial"].append({"theta": theta, "n": n, "limits": row})
    for theta in (0.00236, 0.0285, 0.3, 1.7):      # events per head
        for n in ns:
            d = stats.poisson(theta * n)
            row = limits_at(d, n)
            out["poisson"].append({"theta": theta, "n": n, "limits": row})
    print(f"funnel limits: {len(out['binomial'])} binomial, {len(out['poisson'])} Poisson rows, n = 1..10000")
    return out


# ---------------------------------------------------------------- full funnel example

def funnel_example(kind, units, per, target=None, overdispersion=False):
    k = np.array([u[1] for u in units], dtype=float)
    n = np.array([u[2] for u in units], dtype=float)
    theta = k.sum() / n.sum() if target is None else target / per
    y = k / n
    if kind == "proportion":
        se = np.sqrt(theta * (1 - theta) / n)
    else:
        se = np.sqrt(theta / n)
    z = (y - theta) / se
    phi = tau2 = None
    if overdispersion:
        zw = np.asarray(mstats.winsorize(z, limits=(0.1, 0.1)))
        phi = float(np.mean(zw ** 2))
        w = 1 / se ** 2
        tau2 = max(0.0, (len(z) * phi - (len(z) - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    points = []
    for i, (name, kk, nn) in enumerate(units):
        if tau2:
            s = math.sqrt(se[i] ** 2 + tau2)
            lim = [theta - stats.norm.isf(0.001) * s, theta - stats.norm.isf(0.025) * s,
                   theta + stats.norm.isf(0.025) * s, theta + stats.norm.isf(0.001) * s]
            lim = [min(1.0, max(0.0, v)) if kind == "proportion" else max(0.0, v) for v in lim]
            zz = (y[i] - theta) / s
        else:
            d = stats.binom(nn, theta) if kind == "proportion" else stats.poisson(theta * nn)
            lim = limits_at(d, nn)
            zz = z[i]
        v = y[i]
        if not tau2:
            # Exact limits: flag by the exact tails on both sides, P(X >= k) and P(X <= k) under the
            # target (the interpolated upper limit sits up to one event below significance).
            kk_ = units[i][1]
            at_least = 1.0 if kk_ <= 0 else float(d.sf(kk_ - 1))
            at_most = float(d.cdf(kk_))
            flag = ("high-99.8" if at_least < 0.001 else "high-95" if at_least < 0.025 else
                    "low-99.8" if at_most < 0.001 else "low-95" if at_most < 0.025 else "within")
        else:
            flag = ("high-99.8" if v > lim[3] else "high-95" if v > lim[2] else
                    "low-99.8" if v < lim[0] else "low-95" if v < lim[1] else "within")
        points.append({"service": name, "value": v * per, "limits": [x * per for x in lim], "z": zz, "flag": flag})
    return {"kind": kind, "per": per, "target": theta * per, "units": [list(u) for u in units],
            "givenTarget": target, "overdispersion": overdispersion, "phi": phi,
            "tau2": None if tau2 is None else tau2, "points": points}


def funnel_examples():
    rng = np.random.default_rng(20050401)
    props = []
    for i in range(40):
        n = int(rng.integers(20, 600))
        p = min(0.95, max(0.05, rng.normal(0.40, 0.08)))
        props.append((f"S{i + 1:02d}", int(rng.binomial(n, p)), n))
    rates = []
    for i in range(30):
        pop = int(rng.integers(4000, 60000))
        lam = max(50.0, rng.normal(240, 70)) / 100000
        rates.append((f"R{i + 1:02d}", int(rng.poisson(lam * pop)), pop))
    small = [("A", 12, 30), ("B", 30, 50), ("C", 3, 40)]
    return [
        funnel_example("proportion", props, 1),
        funnel_example("proportion", props, 1, overdispersion=True),
        funnel_example("proportion", props, 1, target=0.401),
        funnel_example("rate", rates, 100000),
        funnel_example("rate", rates, 100000, overdispersion=True),
        funnel_example("rate", rates, 100000, target=236),
        # Perfect results in small samples: the interpolated upper limit lies just below 100%.
        funnel_example("proportion", [("P", 4, 4), ("Q", 37, 41), ("R", 20, 30), ("S", 9, 9), ("T", 1, 12)], 1),
        funnel_example("proportion", small, 1, overdispersion=True),
    ]


def finite(value):
    """JSON has no infinity: write it as the string "Infinity" (decoded by the tests)."""
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, (np.floating,)):
        return finite(float(value))
    return value


def main():
    if "--funnel-examples-only" in sys.argv:
        # Regenerates only the sections that need no R (the funnel limits and examples), keeping
        # the R-derived values of the other sections as they are in the committed fixture.
        with open(OUT) as f:
            fixture = json.load(f)
        fixture["funnelLimits"] = funnel_limits()
        fixture["funnelExamples"] = funnel_examples()
        with open(OUT, "w") as f:
            json.dump(finite(fixture), f, indent=1, allow_nan=False)
            f.write("\n")
        print(f"wrote {OUT} (funnel sections only)")
        return
    fixture = {
        "binomialTests": binomial_tests(),
        "poissonTests": poisson_tests(),
        "fisherTests": fisher_tests(),
        "poissonIntervals": poisson_intervals(),
        "proportionComparisons": proportion_comparisons(),
        "rateComparisons": rate_comparisons(),
        "twoProportions": two_proportions(),
        "twoRates": two_rates(),
        "rriComparisons": rri_comparisons(),
        "funnelLimits": funnel_limits(),
        "funnelExamples": funnel_examples(),
    }
    with open(OUT, "w") as f:
        json.dump(finite(fixture), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
