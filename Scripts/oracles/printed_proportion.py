#!/usr/bin/env python3
"""Oracle values for `compare --percent` over every consistent numerator (issue 12, item 7),
written to Tests/YJStatTests/Fixtures/printed_proportion.json.

For a printed percentage P (d decimals, rounding half up) of n, every whole k with
P - h <= 100k/n < P + h (h = 0.5 * 10^-d; <= at 100%) is found by brute force in exact fractions;
then, by brute force over every such k:
  * the union of the service's intervals: statsmodels proportion_confint, method "wilson" or
    "beta" (Clopper-Pearson);
  * the smallest and largest two-sided exact binomial p-value: scipy.stats.binomtest
    (two-sided by minimum likelihood, as R binom.test).
The chosen numerator is the k in range nearest P/100 * n.

Run: python3 Scripts/oracles/printed_proportion.py   (needs scipy, statsmodels)
"""
import json
import os
import random
from fractions import Fraction

import scipy
import statsmodels
from scipy.stats import binomtest
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "printed_proportion.json")


def consistent(text, n):
    p = Fraction(text)
    d = len(text.split(".")[1]) if "." in text else 0
    h = Fraction(1, 2 * 10 ** d)
    return [k for k in range(n + 1)
            if p - h <= Fraction(100 * k, n) and (Fraction(100 * k, n) < p + h or (p == 100 and k == n))]


def case(name, text, n, reference, method):
    ks = consistent(text, n)
    target = Fraction(text) / 100 * n
    # nearest, ties away from zero as Swift's rounded()
    nearest = int(target + Fraction(1, 2)) if target >= 0 else int(target - Fraction(1, 2))
    chosen = min(max(nearest, ks[0]), ks[-1])
    sm = {"wilson": "wilson", "exact": "beta"}[method]
    lows, highs, ps = [], [], []
    for k in ks:
        lo, hi = proportion_confint(k, n, alpha=0.05, method=sm)
        lows.append(float(lo))
        highs.append(float(hi))
        ps.append(float(binomtest(k, n, reference).pvalue))
    return {"name": name, "percent": text, "trials": n, "reference": reference, "method": method,
            "numerators": [ks[0], ks[-1]], "chosen": chosen,
            "service_lower": min(lows), "service_upper": max(highs),
            "p_min": min(ps), "p_max": max(ps)}


def main():
    cases = [
        case("50% of 2000 against 40.1%", "50", 2000, 0.401, "wilson"),
        case("41% of 2000 against 40.1% (not beyond chance)", "41", 2000, 0.401, "wilson"),
        case("42% of 2000 against 40.1% (conclusion depends on the numerator)", "42", 2000, 0.401, "wilson"),
        case("50.4% of 250 against 40.1% (one numerator)", "50.4", 250, 0.401, "wilson"),
        case("12% of 400 against 12.1% (the mode is consistent)", "12", 400, 0.121, "exact"),
        case("7% of 60 against 10%, Clopper-Pearson", "7", 60, 0.1, "exact"),
        case("100% of 250 against 90%", "100", 250, 0.9, "wilson"),
        case("0% of 40 against 5%", "0", 40, 0.05, "exact"),
    ]
    rng = random.Random(12)
    while len(cases) < 40:
        n = rng.randint(20, 3000)
        d = rng.choice([0, 0, 1])
        k = rng.randint(0, n)
        text = f"{100 * k / n:.{d}f}"
        if not consistent(text, n):
            continue
        reference = round(rng.uniform(0.02, 0.98), 3)
        cases.append(case(f"random {len(cases)}", text, n, reference, rng.choice(["wilson", "exact"])))
    doc = {"generator": "Scripts/oracles/printed_proportion.py",
           "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
           "cases": cases}
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
