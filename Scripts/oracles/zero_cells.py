#!/usr/bin/env python3
"""Oracle values for the edge cases of issue 12 (zero cells, infinities, sparse strata,
exact conditional MLE at large counts, representation ranges), written to
Tests/YJStatTests/Fixtures/zero_cells.json.

Independent implementations used:
  * statsmodels Table2x2 (shift_zeros=False) for Katz/Woolf on tables the methods can use
    without a correction; confint_proportions_2indep(method="score", compare="ratio") for the
    Koopman interval at zero cells; scipy.stats.contingency.odds_ratio(kind="conditional") for
    the exact conditional interval.
  * statsmodels StratifiedTable.test_equal_odds(adjust=True) (Breslow-Day with Tarone's
    correction) on the informative strata only, p from scipy chi2.sf with df = strata - 1.
  * mpmath at 40 digits: the conditional maximum-likelihood odds ratio, solving
    E[X; psi] = a with exact binomial-coefficient weights (findroot on log psi).
  * Representation: brute force over every pair (k, j) of counts that round (half up, exact
    fractions) to the printed percentages, statsmodels Katz (score interval where k or j is 0).

Every case quoted in issue 12 is here by name with the issue's numbers.
Run: python3 Scripts/oracles/zero_cells.py   (needs scipy, statsmodels, mpmath)
"""
import json
import math
import os
from fractions import Fraction

import mpmath
import numpy as np
import scipy
import statsmodels
from scipy.stats import chi2
from scipy.stats.contingency import odds_ratio
from statsmodels.stats.contingency_tables import StratifiedTable, Table2x2
from statsmodels.stats.proportion import confint_proportions_2indep

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "zero_cells.json")


def f(x):
    x = float(x)
    if math.isnan(x):
        return "undefined"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def katz(a, n1, c, n0, alpha=0.05):
    t = Table2x2(np.array([[a, n1 - a], [c, n0 - c]], dtype=float), shift_zeros=False)
    lo, hi = t.riskratio_confint(alpha=alpha)
    return [f(t.riskratio), f(lo), f(hi)]


def koopman(a, n1, c, n0, alpha=0.05):
    """Score interval; statsmodels returns a garbage end where a or c is 0, and the exact end
    there is 0 (a = 0) or infinity (c = 0)."""
    lo, hi = confint_proportions_2indep(a, n1, c, n0, method="score", compare="ratio",
                                        correction=False, alpha=alpha)
    if a == 0:
        lo = 0.0
    if c == 0:
        hi = math.inf
    rr = (a / n1) / (c / n0) if c > 0 else (math.inf if a > 0 else math.nan)
    return [f(rr), f(lo), f(hi)]


def exact(a, n1, c, n0, conf=0.95):
    res = odds_ratio([[a, n1 - a], [c, n0 - c]], kind="conditional")
    ci = res.confidence_interval(confidence_level=conf)
    return [f(res.statistic), f(ci.low), f(ci.high)]


def two_by_two_cases():
    cases = []
    # Issue 12 item 2: Black 50/50 vs White 10/1000; b = 0 only, Katz needs no correction.
    cases.append({"name": "black 50 of 50 vs white 10 of 1000", "a": 50, "n1": 50, "c": 10, "n0": 1000,
                  "katz": katz(50, 50, 10, 1000)})
    # The share ratio of the issue: stage share 1 (3 of 3), base share 100 of 120 = 0.8333.
    cases.append({"name": "share ratio stage 3 of 3 base 100 of 120", "a": 3, "n1": 3, "c": 100, "n0": 120,
                  "katz": katz(3, 3, 100, 120)})
    # Zero events in the group (estimate 0 must sit inside its interval): Koopman, exact.
    for (a, n1, c, n0) in [(0, 40, 3, 40), (0, 12, 8, 40), (0, 400, 25, 9000)]:
        cases.append({"name": f"group zero {a}/{n1} vs {c}/{n0}", "a": a, "n1": n1, "c": c, "n0": n0,
                      "koopman": koopman(a, n1, c, n0), "exact": exact(a, n1, c, n0)})
    # Reference rate 0: RRI infinite, Koopman lower bound, exact conditional interval.
    for (a, n1, c, n0) in [(6, 40, 0, 300), (3, 25, 0, 25)]:
        cases.append({"name": f"reference zero {a}/{n1} vs {c}/{n0}", "a": a, "n1": n1, "c": c, "n0": n0,
                      "koopman": koopman(a, n1, c, n0), "exact": exact(a, n1, c, n0)})
    return cases


def exact_mle_mpmath(a, n1, c, n0):
    mpmath.mp.dps = 40
    m1 = a + c
    lo, hi = max(0, m1 - n0), min(n1, m1)
    xs = list(range(lo, hi + 1))
    logw = [mpmath.log(mpmath.binomial(n1, x)) + mpmath.log(mpmath.binomial(n0, m1 - x)) for x in xs]
    top = max(logw)
    w = [mpmath.exp(v - top) for v in logw]

    def g(t):
        num = mpmath.fsum((x - a) * wi * mpmath.exp(x * t - a * t) for x, wi in zip(xs, w))
        return num

    # Start from the sample log odds ratio.
    start = mpmath.log(mpmath.mpf(a * (n0 - c)) / ((n1 - a) * c))
    t = mpmath.findroot(g, start, tol=mpmath.mpf(10) ** -35)
    return float(mpmath.exp(t))


def exact_mle_cases():
    out = []
    for (a, n1, c, n0) in [(690, 695, 4233, 4237), (45, 2100, 120, 15400), (210, 1650, 380, 14100), (12, 45, 30, 210)]:
        out.append({"name": f"exact mle {a}/{n1} vs {c}/{n0}", "a": a, "n1": n1, "c": c, "n0": n0,
                    "mle": exact_mle_mpmath(a, n1, c, n0)})
    return out


def breslow_day_cases():
    sets = [
        # One stratum has no events at all (zero event margin): uninformative, dropped.
        ("zero event margin stratum", [(8, 60, 20, 400), (0, 30, 0, 200), (12, 70, 15, 380)]),
        # Strata disagree: RRIs about 1.9 and 0.4, pooled near 0.86.
        ("strata disagree", [(38, 200, 100, 1000), (16, 400, 100, 1000)]),
        # Sparse strata of 2 to 6 children.
        ("sparse strata", [(1, 3, 1, 4), (2, 5, 1, 6), (1, 2, 2, 6)]),
    ]
    out = []
    for name, strata in sets:
        informative = [s for s in strata if (s[0] + s[2]) > 0 and (s[1] - s[0] + s[3] - s[2]) > 0]
        tables = [np.array([[a, n1 - a], [c, n0 - c]], dtype=float) for a, n1, c, n0 in informative]
        st = StratifiedTable(tables)
        bd = st.test_equal_odds(adjust=True)
        k = len(informative)
        allst = StratifiedTable([np.array([[a, n1 - a], [c, n0 - c]], dtype=float) for a, n1, c, n0 in strata])
        out.append({"name": name, "strata": [list(s) for s in strata], "df": k - 1,
                    "breslow_day_tarone": [f(bd.statistic), f(chi2.sf(bd.statistic, k - 1))],
                    "rr_mh": f(allst.riskratio_pooled),
                    "stratum_rr": [f((a / n1) / (c / n0)) if c > 0 else f(math.inf) for a, n1, c, n0 in strata]})
    return out


def katz_without_correction_cases():
    """The grid of disproportionality.py restricted to tables whose only zero is b or d (a and c
    positive, not both rows all-events): the Katz variance needs no correction there, so the
    uncorrected statsmodels values are the oracle."""
    out = []
    for a in (0, 1, 2, 5):
        for n1 in (5, 12, 30):
            for c in (0, 1, 3, 8):
                for n0 in (10, 40):
                    if a <= n1 and c <= n0 and a > 0 and c > 0 and (a == n1 or c == n0) and not (a == n1 and c == n0):
                        out.append({"a": a, "n1": n1, "c": c, "n0": n0, "katz": katz(a, n1, c, n0)})
    for (a, n1, c, n0) in [(30, 30, 20, 60), (7, 7, 3, 10)]:
        out.append({"a": a, "n1": n1, "c": c, "n0": n0, "katz": katz(a, n1, c, n0)})
    return out


def example_breslow_day():
    """Breslow-Day (Tarone) for every group x stage of Datasets/examples/counts_by_sex_age.csv
    against White, over the informative strata only (both event margins non-zero), df = k - 1."""
    import csv
    with open(os.path.join(ROOT, "Datasets", "examples", "counts_by_sex_age.csv")) as fh:
        rows = list(csv.DictReader(fh))
    strata = sorted({(r["sex"], r["age_band"]) for r in rows})
    cell = {(r["group"], r["stage"], r["sex"], r["age_band"]): int(r["count"]) for r in rows}
    stages = []
    for r in rows:
        if r["stage"] != "population" and r["stage"] not in stages:
            stages.append(r["stage"])
    groups = []
    for r in rows:
        if r["group"] not in groups and r["group"] not in ("White", "Unknown"):
            groups.append(r["group"])
    out = []
    for stage in stages:
        for g in groups:
            tabs = []
            for sx, ag in strata:
                x, n = cell[(g, stage, sx, ag)], cell[(g, "population", sx, ag)]
                x0, n0 = cell[("White", stage, sx, ag)], cell[("White", "population", sx, ag)]
                if n > 0 and n0 > 0 and x + x0 > 0 and (n - x) + (n0 - x0) > 0:
                    tabs.append(np.array([[x, n - x], [x0, n0 - x0]], dtype=float))
            entry = {"group": g, "stage": stage, "df": len(tabs) - 1}
            if len(tabs) >= 2:
                bd = StratifiedTable(tabs).test_equal_odds(adjust=True)
                entry["breslow_day_p"] = f(chi2.sf(bd.statistic, len(tabs) - 1))
            else:
                entry["breslow_day_p"] = "undefined"
            out.append(entry)
    return out


def consistent(percent, total):
    low, high = Fraction(percent) - Fraction(1, 2), Fraction(percent) + Fraction(1, 2)
    return [k for k in range(total + 1)
            if low <= Fraction(100 * k, total) and (Fraction(100 * k, total) < high or (percent == 100 and k == total))]


def representation_cases():
    out = []
    for (s, c, n, m) in [(15, 100, 99, 2377), (12, 4, 250, 24000), (3, 10, 60, 900), (100, 95, 12, 400), (0, 3, 25, 300)]:
        ks, js = consistent(s, n), consistent(c, m)
        lo, hi = math.inf, -math.inf
        for k in ks:
            for j in js:
                r = koopman(k, n, j, m) if (k == 0 or j == 0) else katz(k, n, j, m)
                lo = min(lo, r[1] if not isinstance(r[1], str) else (0.0 if r[1] != "inf" else math.inf))
                hi = max(hi, math.inf if r[2] == "inf" else r[2])
        out.append({"name": f"representation {s}% of {n} vs {c}% of {m}", "service_percent": s, "comparator_percent": c,
                    "service_total": n, "comparator_total": m, "service_counts": [ks[0], ks[-1]],
                    "comparator_counts": [js[0], js[-1]], "ratio_sampling": [f(lo), f(hi)]})
    return out


def main():
    doc = {
        "generator": "Scripts/oracles/zero_cells.py",
        "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "mpmath": mpmath.__version__},
        "two_by_two": two_by_two_cases(),
        "exact_mle": exact_mle_cases(),
        "breslow_day": breslow_day_cases(),
        "representation": representation_cases(),
        "katz_without_correction": katz_without_correction_cases(),
        "example_breslow_day": example_breslow_day(),
    }
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
