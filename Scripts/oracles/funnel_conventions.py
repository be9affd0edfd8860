#!/usr/bin/env python3
"""Reference values for funnel-plot limit conventions, ratio funnels, overdispersion scales and
trimming, from independent implementations.

Oracles (each convention computed from its published formula, not from yjstat's code):
  spiegelhalter      scipy.stats.binom / poisson: r = ppf(p) corrected against cdf/sf, then
                     r - (F(r) - p)/P(X = r) (Spiegelhalter 2005, Appendix A.1.1), at least 0
  first-significant  scipy sf/cdf scanned count by count: upper = min{O : P(X >= O) < q},
                     lower = max{O : P(X <= O) < q}; +-Infinity where no count is significant
  normal             mean +- scipy.stats.norm.isf(q) * sqrt(variance), clipped to [0, n] or at 0
  expected-ci        Poisson: scipy.stats.chi2.ppf(q, 2E)/2 and chi2.isf(q, 2E + 2)/2 (NHS-R
                     FunnelPlotR's form); binomial: n * scipy.stats.beta.ppf(q, x, n - x + 1) and
                     n * beta.isf(q, x + 1, n - x) with x = n * theta (Clopper-Pearson at x)
  exact tails        P(X >= k) = sf(k - 1), P(X <= k) = cdf(k)
  overdispersion     numpy: z-scores on the identity, log (zero count as 1/2), sqrt and arcsine
                     scales; scipy.stats.mstats.winsorize or truncation of floor(f * I) in each tail;
                     phi = mean z^2, tau^2 = max(0, (I phi - (I - 1))/(sum w - sum w^2/sum w)),
                     additive sqrt(s^2 + tau^2) or multiplicative sqrt(phi) s widening

Inputs are random (fixed seed): proportions with small and large n, rates with fractional
person-year populations, observed/expected ratios with fractional expected counts down to 0.05.

Writes Tests/YJStatTests/Fixtures/funnel_conventions.json. Run from the repository root:
    python3 Scripts/oracles/funnel_conventions.py
Needs: scipy, numpy.
"""
import json
import math

import numpy as np
from scipy import stats
from scipy.stats import mstats

OUT = "Tests/YJStatTests/Fixtures/funnel_conventions.json"
TAILS = ((0.001, "lower"), (0.025, "lower"), (0.025, "upper"), (0.001, "upper"))


def dist(kind, n, theta):
    return stats.binom(int(n), theta) if kind == "binomial" else stats.poisson(theta * n)


def spiegelhalter(d, p, upper):
    target = 1 - p if upper else p
    r = int(d.ppf(target))
    while r > 0 and (d.sf(r - 1) <= p if upper else d.cdf(r - 1) >= p):
        r -= 1
    while not (d.sf(r) <= p if upper else d.cdf(r) >= p):
        r += 1
    mass = d.pmf(r)
    if mass <= 0:
        return float(r)
    excess = (p - d.sf(r)) if upper else (d.cdf(r) - p)
    return max(0.0, r - min(1.0, max(0.0, excess / mass)))


def first_significant(kind, n, d, q, upper):
    mean = d.mean()
    if upper:
        top = int(n) if kind == "binomial" else None
        if top is not None and d.pmf(top) >= q:
            return math.inf
        o = max(0, int(mean) - 1)
        while o > 0 and d.sf(o - 2) < q:   # step back while O - 1 is still significant
            o -= 1
        while not (o > 0 and d.sf(o - 1) < q):
            o += 1
        return float(o)
    if d.cdf(0) >= q:
        return -math.inf
    o = int(mean) + 1
    while d.cdf(o) < q:
        o += 1
    while d.cdf(o) >= q:
        o -= 1
    return float(o)


def normal(kind, n, theta, q, upper):
    mean = n * theta
    var = n * theta * (1 - theta) if kind == "binomial" else n * theta
    v = mean + (1 if upper else -1) * stats.norm.isf(q) * math.sqrt(var)
    return min(float(n), max(0.0, v)) if kind == "binomial" else max(0.0, v)


def expected_ci(kind, n, theta, q, upper):
    if kind == "binomial":
        x = n * theta
        return n * (stats.beta.isf(q, x + 1, n - x) if upper else stats.beta.ppf(q, x, n - x + 1))
    e = n * theta
    return stats.chi2.isf(q, 2 * e + 2) / 2 if upper else stats.chi2.ppf(q, 2 * e) / 2


def limit_counts(kind, n, theta, convention):
    d = dist(kind, n, theta)
    out = []
    for q, side in TAILS:
        upper = side == "upper"
        if convention == "spiegelhalter":
            out.append(spiegelhalter(d, q, upper))
        elif convention == "first-significant":
            out.append(first_significant(kind, n, d, q, upper))
        elif convention == "normal":
            out.append(normal(kind, n, theta, q, upper))
        else:
            out.append(float(expected_ci(kind, n, theta, q, upper)))
    return out


def limit_cases(rng):
    cases = []
    for _ in range(60):
        n = int(rng.choice([1, 2, 3, 5, 8, 13, 40, 150, 900, 5000]))
        theta = float(rng.uniform(0.01, 0.97))
        cases.append(("binomial", n, theta))
    for _ in range(60):
        e = float(np.exp(rng.uniform(np.log(0.02), np.log(3000))))   # expected count, fractional
        cases.append(("poisson", e, 1.0))
    cases.append(("poisson", 143.68, 1.0))
    out = []
    for kind, n, theta in cases:
        for convention in ("spiegelhalter", "first-significant", "normal", "expected-ci"):
            out.append({"kind": kind, "n": n, "theta": theta, "convention": convention,
                        "counts": limit_counts(kind, n, theta, convention)})
    return out


# ---------------------------------------------------------------- full plots

def g(scale, y):
    if scale == "identity":
        return y
    if scale == "log":
        return np.log(y)
    if scale == "sqrt":
        return np.sqrt(y)
    return np.arcsin(np.sqrt(np.clip(y, 0, 1)))


def g_inverse(scale, x):
    if scale == "identity":
        return x
    if scale == "log":
        return math.exp(x)
    if scale == "sqrt":
        return 0.0 if x <= 0 else x * x
    c = min(math.pi / 2, max(0.0, x))
    return math.sin(c) ** 2


def scale_se(scale, se, theta, n):
    if scale == "identity":
        return se
    if scale == "log":
        return se / theta
    if scale == "sqrt":
        return se / (2 * math.sqrt(theta))
    return 1 / (2 * np.sqrt(n))


def plot(kind, measure, units, per, target, convention, od):
    k = np.array([u[1] for u in units], dtype=float)
    n = np.array([u[2] for u in units], dtype=float)
    theta = k.sum() / n.sum() if target is None else target / per
    y = k / n
    var = theta * (1 - theta) if kind == "binomial" else theta
    se = np.sqrt(var / n)
    phi = tau2 = None
    trimmed = None
    applied = False
    if od is not None:
        scale, f, method, model = od["scale"], od["trim"], od["method"], od["model"]
        yy = np.where((k == 0) & (scale == "log"), 0.5 / n, y)
        sg = np.array([scale_se(scale, se[i], theta, n[i]) for i in range(len(n))])
        z = (g(scale, yy) - g(scale, theta)) / sg
        cut = int(math.floor(f * len(z)))
        if method == "winsorise":
            zk = np.asarray(mstats.winsorize(z, limits=(f, f)))
            sk = sg
        else:
            order = np.argsort(z, kind="stable")
            keep = np.sort(order[cut:len(z) - cut])
            zk, sk = z[keep], sg[keep]
        m = len(zk)
        phi = float(np.mean(zk ** 2))
        w = 1 / sk ** 2
        tau2 = max(0.0, (m * phi - (m - 1)) / (w.sum() - (w ** 2).sum() / w.sum())) if model == "additive" else 0.0
        trimmed = 2 * cut
        applied = tau2 > 0 if model == "additive" else phi > 1
    points = []
    for i, (name, kk, nn) in enumerate(units):
        d = dist(kind, nn, theta)
        at_least = 1.0 if kk <= 0 else float(d.sf(kk - 1))
        at_most = float(d.cdf(kk))
        if applied:
            scale, model = od["scale"], od["model"]
            s = scale_se(scale, se[i], theta, nn)
            spread = math.sqrt(s * s + tau2) if model == "additive" else math.sqrt(phi) * s
            lim = []
            for q, side in TAILS:
                v = g_inverse(scale, g(scale, theta) + (1 if side == "upper" else -1) * stats.norm.isf(q) * spread)
                lim.append(min(1.0, max(0.0, v)) if kind == "binomial" else max(0.0, v))
            yy = (0.5 if (kk == 0 and scale == "log") else kk) / nn
            zz = (g(scale, yy) - g(scale, theta)) / spread
        else:
            lim = [c / nn for c in limit_counts(kind, nn, theta, convention)]
            if kind == "binomial":
                lim = [min(1.0, v) if math.isfinite(v) else v for v in lim]
            zz = (y[i] - theta) / se[i]
        v = y[i]
        if applied or convention == "normal":
            flag = ("high-99.8" if v > lim[3] else "high-95" if v > lim[2] else
                    "low-99.8" if v < lim[0] else "low-95" if v < lim[1] else "within")
        else:
            flag = ("high-99.8" if at_least < 0.001 else "high-95" if at_least < 0.025 else
                    "low-99.8" if at_most < 0.001 else "low-95" if at_most < 0.025 else "within")
        points.append({"service": name, "value": v * per, "limits": [x * per for x in lim], "z": float(zz),
                       "flag": flag, "atLeast": at_least, "atMost": at_most})
    return {"measure": measure, "per": per, "units": [list(u) for u in units], "givenTarget": target,
            "convention": convention, "overdispersion": od, "target": theta * per, "phi": phi, "tau2": tau2,
            "trimmed": trimmed, "applied": applied, "points": points}


def datasets(rng):
    props = []
    for i in range(25):
        nn = int(rng.choice([3, 7, 12, 30, 60, 120, 250, 500, 800]))
        p = min(0.97, max(0.03, rng.normal(0.4, 0.1)))
        props.append((f"P{i:02d}", int(rng.binomial(nn, p)), nn))
    props.append(("Pall", 5, 5))
    props.append(("Pnone", 0, 9))
    rates = []
    for i in range(20):
        py = round(float(np.exp(rng.uniform(np.log(50), np.log(20000)))), 1) + 0.3
        lam = 0.03 * py * math.exp(rng.normal(0, 0.25))
        rates.append((f"R{i:02d}", int(rng.poisson(lam)), py))
    ratios = []
    for i in range(30):
        e = round(float(np.exp(rng.uniform(np.log(0.3), np.log(300)))), 3)
        ratios.append((f"S{i:02d}", int(rng.poisson(e * math.exp(rng.normal(0, 0.3)))), e))
    ratios.append(("S182", 182, 143.68))
    tiny = []
    for i in range(12):
        e = round(float(np.exp(rng.uniform(np.log(0.05), np.log(3)))), 4)
        tiny.append((f"T{i:02d}", int(rng.poisson(e * 1.2)), e))
    tiny.append(("Tbig", 6, 0.8))
    return [("binomial", "proportion", props, 1, None), ("poisson", "rate", rates, 1000, None),
            ("poisson", "ratio", ratios, 1, 1.0), ("poisson", "ratio", tiny, 1, 1.0),
            ("poisson", "ratio", ratios, 1, None)]


def plots(rng):
    out = []
    od_configs = [
        {"scale": "identity", "trim": 0.1, "method": "winsorise", "model": "additive"},
        {"scale": "log", "trim": 0.1, "method": "truncate", "model": "additive"},
        {"scale": "sqrt", "trim": 0.05, "method": "winsorise", "model": "additive"},
        {"scale": "log", "trim": 0.1, "method": "winsorise", "model": "multiplicative"},
        {"scale": "identity", "trim": 0.2, "method": "truncate", "model": "multiplicative"},
        {"scale": "sqrt", "trim": 0.0, "method": "truncate", "model": "additive"},
    ]
    for kind, measure, units, per, target in datasets(rng):
        for convention in ("spiegelhalter", "first-significant", "normal", "expected-ci"):
            out.append(plot(kind, measure, units, per, target, convention, None))
        configs = od_configs + ([{"scale": "arcsine", "trim": 0.1, "method": "winsorise", "model": "additive"}]
                                if kind == "binomial" else [])
        for od in configs:
            out.append(plot(kind, measure, units, per, target, "spiegelhalter", od))
    return out


def finite(value):
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    if isinstance(value, (np.floating,)):
        value = float(value)
    if isinstance(value, (np.integer,)):
        value = int(value)
    if isinstance(value, (np.bool_,)):
        value = bool(value)
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def main():
    rng = np.random.default_rng(20260219)
    fixture = {"limits": limit_cases(rng), "plots": plots(rng)}
    with open(OUT, "w") as f:
        json.dump(finite(fixture), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(fixture['limits'])} limit rows, {len(fixture['plots'])} plots")


if __name__ == "__main__":
    main()
