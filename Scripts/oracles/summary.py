#!/usr/bin/env python3
"""Reference values for `yjstat summary` on the bundled datasets, from independent implementations.

Everything is recomputed from the CSV files in Datasets/ with scipy, statsmodels and R, without
yjstat's code:

  sample margins      z = scipy.stats.norm.ppf(0.9); e = z sqrt(p(1-p)/n * f) with f = 1,
                      (N - n)/(N - 1) (Cochran A) or 1 - n/N (Cochran B)
  rule size           ceil(n0 / (1 + (n0 - 1)/N)), n0 = z^2/4/0.05^2 (Cochran A, rounded up)
  implied population  brute force over N = n..100,000 of the same rule
  exact coverage      scipy.stats.hypergeom: P(|X/n - K/N| <= 0.05), K = floor(N/2)
  band probabilities  scipy.stats.beta(1 + k, 1 + n - k).cdf at 0.50, 0.65, 0.80 (uniform prior)
  representation      rounding ranges by arithmetic; sampling intervals from statsmodels
                      proportion_confint(method="wilson") over the counts that round to the share
  first-time entrants R poisson.test(k, T = 1, r = expected)$p.value; Byar's interval by the
                      Breslow & Day formula with scipy.stats.norm.isf
  funnel flags        scipy.stats.binom.sf / cdf tails under the pooled proportion

Writes Tests/YJStatTests/Fixtures/summary.json. Run from the repository root:
    python3 Scripts/oracles/summary.py
Needs: scipy, statsmodels, and Rscript on PATH.
"""
import csv
import json
import math
import os
import subprocess
from fractions import Fraction

from scipy import stats
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Datasets")
Z80 = stats.norm.ppf(0.9)
N0 = Z80 ** 2 * 0.25 / 0.05 ** 2


def rows(name):
    with open(os.path.join(DATA, name), newline="") as handle:
        return list(csv.DictReader(handle))


def margin(n, population=None, form="a"):
    f = 1.0
    if population is not None:
        f = (population - n) / (population - 1) if form == "a" else 1 - n / population
    return Z80 * math.sqrt(0.25 / n * f)


def rule_size(population):
    value = N0 / (1 + (N0 - 1) / population)
    whole = round(value)
    return whole if abs(value - whole) < 1e-9 else math.ceil(value)


def implied(n):
    found = [N for N in range(n, 100_001) if rule_size(N) == n]
    return [min(found), max(found)] if found else None


def coverage(n, population):
    k = population // 2
    dist = stats.hypergeom(population, k, n)
    total = 0.0
    for x in range(0, n + 1):
        if abs(Fraction(x, n) - Fraction(k, population)) <= Fraction(5, 100):
            total += dist.pmf(x)
    return total


def bands(k, n):
    post = stats.beta(1 + k, 1 + n - k)
    cuts = [post.cdf(0.5), post.cdf(0.65), post.cdf(0.8)]
    return [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 1 - cuts[2]]


def rounds_to(printed, yes, relevant):
    """Half up or half to even, exactly."""
    value = Fraction(100 * yes, relevant)
    low, high = Fraction(2 * printed - 1, 2), Fraction(2 * printed + 1, 2)
    if low < value < high:
        return True
    if value == low:
        return True  # half up from below
    if value == high and printed % 2 == 0:
        return True  # half to even from above
    return False


def band_of(yes, relevant):
    if 100 * yes >= 80 * relevant:
        return 3
    if 100 * yes >= 65 * relevant:
        return 2
    if 100 * yes >= 50 * relevant:
        return 1
    return 0


def consistent_counts(percent, total):
    ks = [k for k in range(total + 1) if Fraction(2 * percent - 1, 2) <= Fraction(100 * k, total) < Fraction(2 * percent + 1, 2)]
    return ks


def representation(s, c, total):
    s_lo, s_hi = max(0, s - 0.5), min(100, s + 0.5)
    c_lo, c_hi = max(0, c - 0.5), min(100, c + 0.5)
    out = {
        "ratio": s / c if c else None,
        "ratio_rounding": [s_lo / c_hi, s_hi / c_lo if c_lo > 0 else None],
        "difference_rounding": [s_lo - c_hi, s_hi - c_lo],
        "ratio_sampling": None,
        "difference_sampling": None,
    }
    if total:
        ks = consistent_counts(s, total)
        if ks:
            lows, highs, dlows, dhighs = [], [], [], []
            for k in (ks[0], ks[-1]):
                lo, hi = proportion_confint(k, total, alpha=0.05, method="wilson")
                lows.append(100 * lo / c_hi)
                highs.append(100 * hi / c_lo if c_lo > 0 else math.inf)
                dlows.append(100 * lo - c_hi)
                dhighs.append(100 * hi - c_lo)
            out["ratio_sampling"] = [min(lows), max(highs)]
            out["difference_sampling"] = [min(dlows), max(dhighs)]
    return out


def r_poisson_p(k, expected):
    script = f"cat(sprintf('%.17g', poisson.test({k}, T = 1, r = {expected!r})$p.value))"
    return float(subprocess.check_output(["Rscript", "-e", script], text=True))


def byar(k, confidence=0.95):
    z = stats.norm.isf((1 - confidence) / 2)
    lower = k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
    upper = (k + 1) * (1 - 1 / (9 * (k + 1)) + z / (3 * math.sqrt(k + 1))) ** 3
    return lower, upper


def main():
    inspections = rows("inspections.csv")
    key_questions = rows("key_questions.csv")
    caseload = rows("caseload.csv")
    demographics = rows("demographics.csv")
    population = rows("population.csv")
    rates = rows("rates.csv")
    court_disposals = {"community-sentence", "custody", "licence"}
    services = {}
    pooled = {"2": [0, 0], "3": [0, 0]}
    points = {"2": [], "3": []}
    for inspection in inspections:
        service = inspection["service"]
        entry = {}
        cases = [r for r in caseload if r["service"] == service]
        samples = []
        for name, column, court in (("court", "court_sample", True), ("out-of-court", "ooc_sample", False)):
            n = int(inspection[column])
            load = sum(int(r["count"]) for r in cases if (r["disposal"] in court_disposals) == court) if cases else None
            sample = {"name": name, "size": n, "infinite_margin": margin(n), "implied_population": implied(n), "caseload": load}
            if load is not None and load >= n:
                sample.update({"caseload_margin_a": margin(n, load, "a"), "caseload_margin_b": margin(n, load, "b"),
                               "rule_size": rule_size(load), "exact_coverage": coverage(n, load)})
            samples.append(sample)
        entry["samples"] = samples
        court = int(inspection["court_sample"])
        entry["sixty_forty_out_of_court"] = math.floor(court * 40 / 60 + 0.5)

        # Rating confidence: the deciding (lowest) key question of each case-based standard.
        confidence = {}
        mine = [r for r in key_questions if r["service"] == service]
        for standard in ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]:
            results = []
            sample = int(inspection["court_sample"] if standard.startswith("2") else inspection["ooc_sample"])
            for r in mine:
                if not r["key_question"].startswith(standard + "."):
                    continue
                if r["relevant"]:
                    k, n = int(r["yes"]), int(r["relevant"])
                    if n == 0:
                        continue
                    results.append((Fraction(100 * k, n), r["key_question"], k, n, False))
                else:
                    printed = int(r["percent"])
                    pairs = [(y, m) for m in range(1, sample + 1) for y in range(m + 1) if rounds_to(printed, y, m)]
                    best = max(pairs, key=lambda p: (p[1], -p[0]))
                    results.append((Fraction(printed), r["key_question"], best[0], best[1], True))
            lowest = min(results, key=lambda t: t[0])
            confidence[standard] = {"key_question": lowest[1], "yes": lowest[2], "relevant": lowest[3],
                                    "assumed": lowest[4], "bands": bands(lowest[2], lowest[3])}
            if not lowest[4]:
                pass
            for value, question, k, n, assumed in results:
                if not assumed:
                    domain = question[0]
                    pooled[domain][0] += k
                    pooled[domain][1] += n
                    points[domain].append((f"{service} {question}", k, n))
        entry["rating_confidence"] = confidence

        # Representation.
        total = sum(int(r["count"]) for r in cases) if cases else None
        reps = []
        for r in demographics:
            if r["service"] != service:
                continue
            s, c = int(r["service_percent"]), int(r["comparator_percent"])
            item = {"dimension": r["dimension"], "category": r["category"], "comparator": r["comparator"]}
            item.update(representation(s, c, total))
            reps.append(item)
        figures = {r["measure"]: int(r["value"]) for r in population if r["service"] == service}
        has_local = any(r["service"] == service and r["comparator"] == "local_population" for r in demographics)
        if not has_local and "age_10_17_bame" in figures:
            share = 100 * figures["age_10_17_bame"] / figures["age_10_17"]
            c = math.floor(share + 0.5)
            s = next(int(r["service_percent"]) for r in demographics
                     if r["service"] == service and r["category"] == "Black and minority ethnic" and r["comparator"] == "national")
            item = {"dimension": "ethnicity", "category": "Black and minority ethnic", "comparator": "local_population", "derived_percent": c}
            item.update(representation(s, c, total))
            reps.append(item)
        entry["representation"] = reps

        # Rates.
        out_rates = []
        for r in rates:
            if r["service"] != service:
                continue
            value, ref = float(r["service_value"]), float(r["comparator_value"])
            dv = len(r["service_value"].split(".")[1]) if "." in r["service_value"] else 0
            dr = len(r["comparator_value"].split(".")[1]) if "." in r["comparator_value"] else 0
            hv, hr = 0.5 * 10 ** -dv, 0.5 * 10 ** -dr
            item = {"measure": r["measure"], "ratio_rounding": [(value - hv) / (ref + hr), (value + hv) / (ref - hr)]}
            if r["measure"] == "first_time_entrants_per_100000":
                pop = figures["age_10_17"]
                ks = [k for k in range(0, pop + 1) if value - hv <= k * 100000 / pop < value + hv]
                k = ks[0]
                expected = ref * pop / 100000
                lo, hi = byar(k)
                item.update({"counts": ks, "p_value": r_poisson_p(k, expected),
                             "rate_interval": [lo * 100000 / pop, hi * 100000 / pop],
                             "ratio_interval": [lo / expected, hi / expected]})
            out_rates.append(item)
        entry["rates"] = out_rates
        services[service] = entry

    funnels = {}
    for domain, (k_total, n_total) in pooled.items():
        theta = k_total / n_total
        flags = {}
        for name, k, n in points[domain]:
            at_least = 1.0 if k == 0 else stats.binom.sf(k - 1, n, theta)
            at_most = stats.binom.cdf(k, n, theta)
            flags[name] = {"at_least": at_least, "at_most": at_most}
        funnels[domain] = {"pooled": theta, "points": flags}

    out = {"source": "Scripts/oracles/summary.py", "services": services, "funnels": funnels}
    path = os.path.join(ROOT, "Tests", "YJStatTests", "Fixtures", "summary.json")
    with open(path, "w") as handle:
        json.dump(out, handle, indent=1, allow_nan=True)
        handle.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
