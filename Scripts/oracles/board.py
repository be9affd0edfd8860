#!/usr/bin/env python3
"""Reference values for the board pack (yjstat board), from independent implementations.

Oracles:
  ratio of RRIs      statsmodels GLM, Poisson family, log link, offset log(population), on the four
  (local/national,   cells (group, reference) x (local, national): the group x area interaction is
  latest/earlier)    ln(RRI_local / RRI_national); its Wald interval and p-value are the Altman &
                     Bland (2003) interval and z-test with Poisson variances (the model is saturated,
                     so the interaction's variance is 1/a + 1/c + 1/a' + 1/c')
  trend test         the same model with the latest year against the earlier years pooled (counts and
                     populations summed over 2021-2023)
  zero reference     statsmodels confint_proportions_2indep(method="newcomb", compare="diff"), x 1,000
  rate intervals     scipy.stats.chi2 (Garwood exact Poisson): chi2.ppf(a/2, 2k)/2, chi2.isf(a/2, 2k+2)/2

Inputs: Datasets/examples/counts_by_year.csv, national_counts.csv and zero_cells.csv.
Writes Tests/YJStatTests/Fixtures/board.json. Run from the repository root:
    python3 Scripts/oracles/board.py
Needs: numpy, scipy, statsmodels.
"""
import csv
import json
import math
import os
import warnings

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.stats import chi2
from statsmodels.stats.proportion import confint_proportions_2indep

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "board.json")
EXAMPLES = os.path.join(ROOT, "Datasets", "examples")
STAGES = ["arrest", "first_time_entry", "out_of_court", "court", "custody"]
GROUPS = ["Black", "Asian", "Mixed", "Gypsy Roma Traveller", "Other"]


def read(name):
    with open(os.path.join(EXAMPLES, name), newline="") as f:
        return list(csv.DictReader(f))


def ratio_of_rris(a, na, c, nc, a2, na2, c2, nc2, alpha=0.05):
    """GLM Poisson interaction: cells (group/ref) x (first/second)."""
    counts = np.array([a, c, a2, c2], dtype=float)
    exposure = np.array([na, nc, na2, nc2], dtype=float)
    group = np.array([1, 0, 1, 0], dtype=float)
    first = np.array([1, 1, 0, 0], dtype=float)
    X = np.column_stack([np.ones(4), group, first, group * first])
    fit = sm.GLM(counts, X, family=sm.families.Poisson(), offset=np.log(exposure)).fit(tol=1e-13, maxiter=200)
    lo, hi = fit.conf_int(alpha=alpha)[3]
    return {"ratio": math.exp(fit.params[3]), "lower": math.exp(lo), "upper": math.exp(hi), "p": float(fit.pvalues[3])}


def main():
    # The four-cell model is saturated: statsmodels warns of perfect prediction and a zero residual
    # df, which is expected here (the interaction's Wald interval is what is wanted).
    warnings.simplefilter("ignore")
    by_year = read("counts_by_year.csv")
    national = {r["group"]: r for r in read("national_counts.csv")}
    years = sorted({r["year"] for r in by_year})
    latest, earlier = years[-1], years[:-1]

    def cell(year_set, group, stage):
        return sum(int(r[stage]) for r in by_year if r["year"] in year_set and r["group"] == group)

    national_cases, trend_cases = [], []
    for stage in STAGES:
        for group in GROUPS:
            a, na = cell({latest}, group, stage), cell({latest}, group, "population")
            c, nc = cell({latest}, "White", stage), cell({latest}, "White", "population")
            a2, na2 = int(national[group][stage]), int(national[group]["population"])
            c2, nc2 = int(national["White"][stage]), int(national["White"]["population"])
            if min(a, c, a2, c2) > 0:
                national_cases.append({"group": group, "stage": stage, **ratio_of_rris(a, na, c, nc, a2, na2, c2, nc2)})
            e = set(earlier)
            a0, n0 = cell(e, group, stage), cell(e, group, "population")
            c0, m0 = cell(e, "White", stage), cell(e, "White", "population")
            if min(a, c, a0, c0) > 0:
                trend_cases.append({"group": group, "stage": stage, **ratio_of_rris(a, na, c, nc, a0, n0, c0, m0)})

    zero = {r["group"]: r for r in read("zero_cells.csv")}
    newcombe_cases = []
    for group in ["Black"]:
        x, n = int(zero[group]["custody"]), int(zero[group]["population"])
        x0, n0 = int(zero["White"]["custody"]), int(zero["White"]["population"])
        lo, hi = confint_proportions_2indep(x, n, x0, n0, method="newcomb", compare="diff", alpha=0.05)
        newcombe_cases.append({"file": "zero_cells.csv", "group": group, "stage": "custody", "count": x, "base": n,
                               "reference_count": x0, "reference_base": n0,
                               "difference_per_1000": (x / n - x0 / n0) * 1000, "lower_per_1000": lo * 1000, "upper_per_1000": hi * 1000})

    rate_cases = []
    for year in years:
        for group in ["White", "Black"]:
            k, n = cell({year}, group, "arrest"), cell({year}, group, "population")
            lo = chi2.ppf(0.025, 2 * k) / 2 if k > 0 else 0.0
            hi = chi2.isf(0.025, 2 * k + 2) / 2
            rate_cases.append({"year": year, "group": group, "stage": "arrest", "count": k, "population": n,
                               "rate": k / n * 1000, "lower": lo / n * 1000, "upper": hi / n * 1000})

    out = {
        "generator": "Scripts/oracles/board.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "latest_year": latest, "earlier_years": earlier,
        "national": national_cases, "trend": trend_cases, "newcombe": newcombe_cases, "rates": rate_cases,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}: {len(national_cases)} national, {len(trend_cases)} trend, "
          f"{len(newcombe_cases)} Newcombe, {len(rate_cases)} rate cases")


if __name__ == "__main__":
    main()
