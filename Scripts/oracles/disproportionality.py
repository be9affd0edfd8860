#!/usr/bin/env python3
"""Oracle values for the disproportionality measures, written to
Tests/YJStatTests/Fixtures/disproportionality.json.

Independent implementations used:
  * statsmodels Table2x2: Katz log interval for the risk ratio (riskratio_confint) and Woolf
    logit interval for the odds ratio (oddsratio_confint). statsmodels' own zero rule adds 0.5
    to the zero cells only; yjstat's stated rule (Haldane) adds 0.5 to all four cells when any
    cell is zero, so for tables with a zero cell the corrected table is passed in with
    shift_zeros=False.
  * statsmodels confint_proportions_2indep: Koopman score interval for the ratio
    (method="score", compare="ratio", correction=False), Newcombe hybrid score interval for the
    difference (method="newcomb", compare="diff"); proportion_confint(method="wilson").
  * scipy.stats.fisher_exact (two-sided p) and scipy.stats.contingency.odds_ratio(
    kind="conditional") for the conditional MLE and exact conditional interval; R fisher.test
    as a second, coarser check of the same interval (good to ~4 significant figures).
  * statsmodels StratifiedTable: Mantel-Haenszel odds ratio and its Robins-Breslow-Greenland
    interval, pooled risk ratio, CMH statistic (correction=False), Breslow-Day statistic with
    Tarone's adjustment (test_equal_odds(adjust=True)); their p-values from scipy chi2.sf; R epiR::epi.2by2 for the Greenland-Robins interval
    of the Mantel-Haenszel risk ratio (statsmodels gives no interval for it).
  * statsmodels multipletests(method="holm").
  * Representation from printed percentages: brute-force enumeration with exact fractions of
    every count k of N that rounds (half up) to the printed whole percent, then the union of
    the statsmodels intervals over those counts.

Run: python3 Scripts/oracles/disproportionality.py   (needs scipy, statsmodels, Rscript+epiR)
"""
import json
import math
import os
import subprocess
import tempfile
from fractions import Fraction

import numpy as np
import scipy
from scipy.stats import chi2, fisher_exact
from scipy.stats.contingency import odds_ratio
import statsmodels
from statsmodels.stats.contingency_tables import StratifiedTable, Table2x2
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "disproportionality.json")


def f(x):
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def grid():
    tables = []
    for a in (0, 1, 2, 5):
        for n1 in (5, 12, 30):
            for c in (0, 1, 3, 8):
                for n0 in (10, 40):
                    if a <= n1 and c <= n0:
                        tables.append((a, n1, c, n0, 0.95))
    # Realistic population-scale and previous-stage tables, all-event rows, other levels.
    tables += [
        (45, 2100, 120, 15400, 0.95), (3, 850, 40, 15400, 0.95), (0, 400, 25, 9000, 0.95),
        (12, 45, 30, 210, 0.95), (30, 30, 20, 60, 0.95), (7, 7, 0, 10, 0.95), (0, 7, 10, 10, 0.95),
        (210, 1650, 380, 14100, 0.90), (9, 160, 31, 420, 0.99), (2, 9, 14, 60, 0.80),
        (88, 3100, 95, 12800, 0.95), (1, 2, 1, 3, 0.95), (5, 5, 5, 5, 0.95),
    ]
    return tables


def koopman_numeric(a, n1, c, n0, conf):
    """Koopman score bounds from a numerical constrained MLE (bounded scalar minimisation of the
    negative log-likelihood under p1 = theta p0) and brentq on the score statistic: independent of
    the closed-form root both statsmodels and yjstat use. Used where statsmodels' polynomial
    solution is not a valid interval (a row with every child reaching the stage)."""
    from scipy.optimize import brentq, minimize_scalar
    from scipy.stats import chi2
    crit = chi2.ppf(conf, 1)

    def stat(log_t):
        t = math.exp(log_t)
        hi = min(1.0, 1.0 / t)

        def nll(p):
            ll = 0.0
            for k, n, q in ((a, n1, t * p), (c, n0, p)):
                if k > 0:
                    ll += k * math.log(q)
                if n - k > 0:
                    ll += (n - k) * math.log(max(1e-300, 1 - q))
            return -ll
        p0 = minimize_scalar(nll, bounds=(1e-15 * hi, hi * (1 - 1e-15)), method="bounded",
                             options={"xatol": 1e-15}).x
        p1 = t * p0
        num = a / n1 - t * c / n0
        var = p1 * (1 - p1) / n1 + t * t * p0 * (1 - p0) / n0
        return num * num / var - crit

    est = math.log((a / n1) / (c / n0)) if a > 0 and c > 0 else None
    if est is None:
        return None
    lo = brentq(stat, est - 30, est, xtol=1e-13) if a > 0 else None
    hi = brentq(stat, est, est + 30, xtol=1e-13) if c > 0 else None
    return [f(math.exp(lo)), f(math.exp(hi))]


def two_by_two(a, n1, c, n0, conf):
    alpha = 1 - conf
    b, d = n1 - a, n0 - c
    zero = 0 in (a, b, c, d)
    cells = np.array([[a, b], [c, d]], dtype=float) + (0.5 if zero else 0.0)
    t = Table2x2(cells, shift_zeros=False)
    row = {"a": a, "n1": n1, "c": c, "n0": n0, "confidence": conf}
    row["katz"] = [f(t.riskratio), *map(f, t.riskratio_confint(alpha=alpha))]
    row["woolf"] = [f(t.oddsratio), *map(f, t.oddsratio_confint(alpha=alpha))]
    # Koopman score interval; statsmodels needs a > 0 for the lower and c > 0 for the upper end.
    try:
        lo, hi = confint_proportions_2indep(a, n1, c, n0, method="score", compare="ratio",
                                            correction=False, alpha=alpha)
        row["koopman"] = [f(lo), f(hi)]
    except Exception as exc:  # noqa: BLE001
        row["koopman_error"] = str(exc)
    if a == n1 and 0 < c < n0:
        row["koopman_numeric"] = koopman_numeric(a, n1, c, n0, conf)
    row["fisher_p"] = f(fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue)
    res = odds_ratio([[a, b], [c, d]], kind="conditional")
    ci = res.confidence_interval(confidence_level=conf)
    row["exact"] = [f(res.statistic), f(ci.low), f(ci.high)]
    lo, hi = confint_proportions_2indep(a, n1, c, n0, method="newcomb", compare="diff", alpha=alpha)
    row["newcombe"] = [f(a / n1 - c / n0), f(lo), f(hi)]
    w1 = proportion_confint(a, n1, alpha=alpha, method="wilson")
    row["wilson_group"] = [f(w1[0]), f(w1[1])]
    return row


def r_fisher(tables):
    """R fisher.test conditional MLE and interval for each table (4 significant figures)."""
    lines = ["res <- list()"]
    for i, (a, n1, c, n0, conf) in enumerate(tables):
        lines.append(
            f"ft <- fisher.test(matrix(c({a},{c},{n1 - a},{n0 - c}),nrow=2), conf.level={conf}); "
            f"res[[{i + 1}]] <- c(unname(ft$estimate), ft$conf.int[1], ft$conf.int[2])")
    lines.append("cat(jsonlite::toJSON(res, digits=NA))")
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write("\n".join(lines))
        path = fh.name
    out = subprocess.run(["Rscript", path], capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    return json.loads(out)


def stratified_sets():
    return [
        # (name, [(a, n1, c, n0), ...], confidence)
        ("two age bands", [(20, 800, 45, 6000), (35, 700, 80, 5200)], 0.95),
        ("sex by age", [(4, 300, 10, 2500), (9, 280, 22, 2300), (1, 90, 3, 800), (2, 85, 6, 760)], 0.95),
        ("heterogeneous", [(30, 200, 10, 400), (5, 300, 40, 500), (12, 150, 12, 150)], 0.95),
        ("sparse with zeros", [(0, 12, 3, 40), (2, 9, 0, 35), (1, 15, 2, 50), (3, 20, 4, 44)], 0.90),
        ("previous stage", [(14, 40, 25, 120), (22, 51, 40, 160)], 0.99),
    ]


def stratified(name, strata, conf):
    alpha = 1 - conf
    tables = [np.array([[a, n1 - a], [c, n0 - c]], dtype=float) for a, n1, c, n0 in strata]
    st = StratifiedTable(tables)
    null = st.test_null_odds(correction=False)
    null_cc = st.test_null_odds(correction=True)
    bd = st.test_equal_odds(adjust=True)
    bd_plain = st.test_equal_odds(adjust=False)
    lo, hi = st.oddsratio_pooled_confint(alpha=alpha)
    # statsmodels computes these p-values as 1 - cdf, which loses relative accuracy in the far
    # tail (for example 1.95202854e-10 where the tail is 1.95202891e-10); the fixture takes the
    # statsmodels statistic and scipy's chi2.sf for the p-value.
    k = len(strata)
    null = type("T", (), {"statistic": null.statistic, "pvalue": chi2.sf(null.statistic, 1)})
    null_cc = type("T", (), {"statistic": null_cc.statistic, "pvalue": chi2.sf(null_cc.statistic, 1)})
    bd = type("T", (), {"statistic": bd.statistic, "pvalue": chi2.sf(bd.statistic, k - 1)})
    bd_plain = type("T", (), {"statistic": bd_plain.statistic, "pvalue": chi2.sf(bd_plain.statistic, k - 1)})
    return {
        "name": name, "strata": [list(s) for s in strata], "confidence": conf,
        "or_mh": [f(st.oddsratio_pooled), f(lo), f(hi)],
        "rr_mh": f(st.riskratio_pooled),
        "cmh": [f(null.statistic), f(null.pvalue)],
        "cmh_corrected": [f(null_cc.statistic), f(null_cc.pvalue)],
        "breslow_day_tarone": [f(bd.statistic), f(bd.pvalue)],
        "breslow_day": [f(bd_plain.statistic), f(bd_plain.pvalue)],
    }


def r_mh_risk_ratio(sets):
    """epiR::epi.2by2 Mantel-Haenszel risk ratio with its Greenland-Robins interval."""
    lines = ["suppressMessages(library(epiR)); res <- list()"]
    for i, (_, strata, conf) in enumerate(sets):
        cells = []
        for a, n1, c, n0 in strata:
            cells += [a, c, n1 - a, n0 - c]  # column-major 2x2: [a c; b d] -> rows exposure
        k = len(strata)
        lines.append(
            f"tab <- array(c({','.join(map(str, cells))}), dim=c(2,2,{k})); "
            f"e <- epi.2by2(tab, method='cohort.count', conf.level={conf}); "
            f"m <- e$massoc.detail$RR.mh.wald; res[[{i + 1}]] <- c(m$est, m$lower, m$upper)")
    lines.append("cat(jsonlite::toJSON(res, digits=NA))")
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write("\n".join(lines))
        path = fh.name
    out = subprocess.run(["Rscript", path], capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    return json.loads(out)


def representation_cases():
    cases = []
    for s, c, n, m in [(13, 70, None, None), (87, 26, None, None), (26, 23, 31, None), (74, 77, 31, None),
                       (20, 12, 45, 1800), (9, 4, 57, None), (0, 3, 25, None), (100, 95, 12, 400),
                       (65, 40, 17, 220), (33, 33, 3, None), (50, 50, 7, None)]:
        cases.append(representation(s, c, n, m))
    return cases


def consistent(percent, total):
    lo, hi = Fraction(2 * percent - 1, 2), Fraction(2 * percent + 1, 2)
    ks = [k for k in range(total + 1)
          if lo <= Fraction(100 * k, total) and (Fraction(100 * k, total) < hi or (percent == 100 and k == total))]
    return ks


def representation(s, c, n, m, conf=0.95):
    alpha = 1 - conf
    s_lo, s_hi = max(0, s - 0.5), min(100, s + 0.5)
    c_lo, c_hi = max(0, c - 0.5), min(100, c + 0.5)
    out = {"service_percent": s, "comparator_percent": c, "service_total": n, "comparator_total": m,
           "confidence": conf,
           "ratio_rounding": [f(s_lo / c_hi), f(s_hi / c_lo) if c_lo > 0 else "inf"],
           "difference_rounding": [s_lo - c_hi, s_hi - c_lo]}
    if n is None:
        return out
    ks = consistent(s, n)
    js = consistent(c, m) if m is not None else None
    out["service_counts"] = [min(ks), max(ks)] if ks else None
    out["comparator_counts"] = ([min(js), max(js)] if js else None) if m is not None else None
    if not ks or (m is not None and not js):
        return out
    r_lo, r_hi, d_lo, d_hi = math.inf, -math.inf, math.inf, -math.inf
    for k in ks:
        if m is None:
            w = proportion_confint(k, n, alpha=alpha, method="wilson")
            r_lo = min(r_lo, 100 * w[0] / c_hi)
            r_hi = max(r_hi, 100 * w[1] / c_lo if c_lo > 0 else math.inf)
            d_lo = min(d_lo, 100 * w[0] - c_hi)
            d_hi = max(d_hi, 100 * w[1] - c_lo)
            continue
        for j in js:
            b, dd = n - k, m - j
            zero = 0 in (k, b, j, dd)
            t = Table2x2(np.array([[k, b], [j, dd]], dtype=float) + (0.5 if zero else 0), shift_zeros=False)
            lo, hi = t.riskratio_confint(alpha=alpha)
            r_lo, r_hi = min(r_lo, lo), max(r_hi, hi)
            lo, hi = confint_proportions_2indep(k, n, j, m, method="newcomb", compare="diff", alpha=alpha)
            d_lo, d_hi = min(d_lo, 100 * lo), max(d_hi, 100 * hi)
    out["ratio_sampling"] = [f(r_lo), f(r_hi)]
    out["difference_sampling"] = [f(d_lo), f(d_hi)]
    return out


def holm_cases():
    vectors = [
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.2, 0.01, 0.5, 0.04, 0.001, 0.3],
        [1e-8, 0.9, 0.049, 0.051],
        [0.5],
    ]
    return [{"p": v, "adjusted": [float(x) for x in multipletests(v, method="holm")[1]]} for v in vectors]


def katz(a, n1, c, n0, alpha):
    b, d = n1 - a, n0 - c
    zero = 0 in (a, b, c, d)
    t = Table2x2(np.array([[a, b], [c, d]], dtype=float) + (0.5 if zero else 0.0), shift_zeros=False)
    return t, zero


def example_analysis():
    """End-to-end oracle for Datasets/examples: every measure for every group x stage against
    White, population base (and the previous-stage base for arrest, court, custody), with the
    unknown group left out of the comparisons and of the known totals; Mantel-Haenszel over
    sex x age band from the stratified file."""
    import csv
    path = os.path.join(ROOT, "Datasets", "examples", "counts.csv")
    with open(path) as fh:
        rows = list(csv.DictReader(fh))
    stages = [c for c in rows[0].keys() if c not in ("group", "population")]
    counts = {r["group"]: {k: (int(v) if v else None) for k, v in r.items() if k != "group"} for r in rows}
    known = [g for g in counts if g != "Unknown"]
    alpha = 0.05
    out = []

    def analyse(stage_list, previous):
        result = []
        for i, stage in enumerate(stage_list):
            base_stage = stage_list[i - 1] if previous and i > 0 else "population"
            known_total = sum(counts[g][stage] for g in known)
            known_base = sum(counts[g][base_stage] for g in known)
            for g in known:
                if g == "White":
                    continue
                x, n = counts[g][stage], counts[g][base_stage]
                x0, n0 = counts["White"][stage], counts["White"][base_stage]
                t, _ = katz(x, n, x0, n0, alpha)
                raw = Table2x2(np.array([[x, n - x], [x0, n0 - x0]], dtype=float), shift_zeros=False)
                exact = odds_ratio([[x, n - x], [x0, n0 - x0]], kind="conditional")
                eci = exact.confidence_interval(0.95)
                diff = confint_proportions_2indep(x, n, x0, n0, method="newcomb", compare="diff", alpha=alpha)
                ws = proportion_confint(x, known_total, alpha=alpha, method="wilson")
                wb = proportion_confint(n, known_base, alpha=alpha, method="wilson")
                sd = confint_proportions_2indep(x, known_total, n, known_base, method="newcomb", compare="diff", alpha=alpha)
                st, _ = katz(x, known_total, n, known_base, alpha)
                unit = 1000 if base_stage == "population" else 100
                row = {
                    "group": g, "stage": stage, "count": x, "base": n,
                    "rate": x / n * unit, "reference_rate": x0 / n0 * unit,
                    "rri": f(raw.riskratio) if x0 > 0 else "inf",
                    "rri_katz": list(map(f, t.riskratio_confint(alpha=alpha))),
                    "odds_ratio": f(raw.oddsratio) if x0 > 0 and n - x > 0 else None,
                    "or_woolf": list(map(f, t.oddsratio_confint(alpha=alpha))),
                    "or_exact": [f(exact.statistic), f(eci.low), f(eci.high)],
                    "p_value": f(fisher_exact([[x, n - x], [x0, n0 - x0]]).pvalue),
                    "excess": [f(n * (x / n - x0 / n0)), f(n * diff[0]), f(n * diff[1])],
                    "stage_share": [x / known_total, f(ws[0]), f(ws[1])],
                    "base_share": [n / known_base, f(wb[0]), f(wb[1])],
                    "share_difference": [100 * (x / known_total - n / known_base), f(100 * sd[0]), f(100 * sd[1])],
                    "share_ratio": [f(st.riskratio), *map(f, st.riskratio_confint(alpha=alpha))],
                }
                if previous:
                    p, p0 = counts[g]["population"], counts["White"]["population"]
                    ct, _ = katz(x, p, x0, p0, alpha)
                    row["cumulative"] = [f((x / p) / (x0 / p0)), *map(f, ct.riskratio_confint(alpha=alpha))]
                result.append(row)
        adjusted = multipletests([r["p_value"] for r in result], method="holm")[1]
        for r, a in zip(result, adjusted):
            r["p_adjusted"] = float(a)
        return result

    population = analyse(stages, False)
    previous = analyse(["arrest", "court", "custody"], True)

    spath = os.path.join(ROOT, "Datasets", "examples", "counts_by_sex_age.csv")
    with open(spath) as fh:
        srows = list(csv.DictReader(fh))
    strata = sorted({(r["sex"], r["age_band"]) for r in srows})
    cell = {(r["group"], r["stage"], r["sex"], r["age_band"]): int(r["count"]) for r in srows}
    mh = []
    for stage in stages:
        for g in known:
            if g == "White":
                continue
            tabs = []
            for sx, ag in strata:
                x, n = cell[(g, stage, sx, ag)], cell[(g, "population", sx, ag)]
                x0, n0 = cell[("White", stage, sx, ag)], cell[("White", "population", sx, ag)]
                tabs.append(np.array([[x, n - x], [x0, n0 - x0]], dtype=float))
            st = StratifiedTable(tabs)
            lo, hi = st.oddsratio_pooled_confint(alpha=alpha)
            bd = st.test_equal_odds(adjust=True)
            mh.append({"group": g, "stage": stage, "mh_or": [f(st.oddsratio_pooled), f(lo), f(hi)],
                       "mh_rr": f(st.riskratio_pooled),
                       "cmh_p": f(chi2.sf(st.test_null_odds(correction=False).statistic, 1)),
                       "breslow_day_p": f(chi2.sf(bd.statistic, len(tabs) - 1))})
    return {"population_base": population, "previous_base": previous, "mantel_haenszel": mh}


def main():
    tables = grid()
    rows = [two_by_two(*t) for t in tables]
    for row, r in zip(rows, r_fisher(tables)):
        row["r_fisher"] = [f(x) if x not in ("Inf", "-Inf") else ("inf" if x == "Inf" else "-inf") for x in r]
    sets = stratified_sets()
    strat = [stratified(*s) for s in sets]
    for row, r in zip(strat, r_mh_risk_ratio(sets)):
        row["rr_mh_epir"] = [f(x) for x in r]
    fixture = {
        "source": "Scripts/oracles/disproportionality.py",
        "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__},
        "two_by_two": rows,
        "stratified": strat,
        "representation": representation_cases(),
        "holm": holm_cases(),
        "example": example_analysis(),
    }
    with open(OUT, "w") as fh:
        json.dump(fixture, fh, indent=1)
        fh.write("\n")
    print(f"wrote {OUT}: {len(rows)} tables, {len(strat)} stratified sets")


if __name__ == "__main__":
    main()
