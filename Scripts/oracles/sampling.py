#!/usr/bin/env python3
"""Reference values for inspection sampling, from independent implementations.

Oracles:
  z                    mpmath: sqrt(2) * erfinv(C) at 50 digits
  sample sizes         the three correction forms evaluated in mpmath (50 digits), rounded exactly
                       (ceil / floor(x + 1/2)) and capped at N; cochran-a also from R
                       epiR::epi.sssimpleestb(error = "absolute", nfractional = TRUE) when Rscript and
                       epiR are available (Scripts/oracles/sampling.R)
  margins              the three variance factors evaluated in mpmath
  exact sample sizes   coverage P(|X/n - K/N| <= e) for EVERY n up to N (binomial: up to n = 3000) from
                       scipy.stats.hypergeom / binom tails, 1 - P(X < lo) - P(X > hi), vectorised over
                       n; the window [lo, hi] judged exactly with fractions; the
                       coverage is compared with the confidence exactly (Python integers, math.comb)
                       for N <= 500
  implied populations  brute-force scan of N = 1 ... 2000000 with numpy, values near a whole number
                       (or a half) re-evaluated in mpmath
  band confidence      brute-force Bayes over every population count K (prior on K beta-binomial,
                       likelihood hypergeometric) in mpmath for N <= 40; scipy.stats.betabinom for the
                       unsampled cases for larger N; scipy.stats.beta for an infinite population
  design risk          enumeration of every subset of the population (itertools.combinations) for
                       N <= 10; scipy.stats.hypergeom / binom otherwise
  allocation           a direct Python implementation of Hamilton's method with minimums

Writes Tests/YJStatTests/Fixtures/sampling.json. Run from the repository root:
    python3 Scripts/oracles/sampling.py
Needs: numpy, scipy, mpmath; optionally Rscript with epiR.
"""
import itertools
import json
import math
import os
import random
import subprocess
from fractions import Fraction

import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 50
OUT = os.path.join("Tests", "YJStatTests", "Fixtures", "sampling.json")
R_SCRIPT = os.path.join("Scripts", "oracles", "sampling.R")

POPULATIONS = [5, 10, 20, 40, 58, 100, 500, 10000, None]
CONFIDENCES = ["0.8", "0.9", "0.95", "0.99"]
MARGINS = ["0.05", "0.03", "0.1"]
PROPORTIONS = ["0.5", "0.3"]
FORMS = ["cochran-a", "cochran-b", "none"]
BANDS = [50, 65, 80]


def z_value(conf):
    return mp.sqrt(2) * mp.erfinv(mp.mpf(conf))


def n0_value(conf, margin, p):
    z = z_value(conf)
    p = mp.mpf(p)
    return z ** 2 * p * (1 - p) / mp.mpf(margin) ** 2


def corrected(form, n0, N):
    if N is None:
        return n0
    if form == "cochran-a":
        return n0 / (1 + (n0 - 1) / N)
    if form == "cochran-b":
        return n0 / (1 + n0 / N)
    return min(n0, mp.mpf(N))


def round_size(value, rounding):
    if rounding == "up":
        return int(mp.ceil(value))
    return int(mp.floor(value + mp.mpf("0.5")))


def rule_size(form, rounding, n0, N):
    size = max(1, round_size(corrected(form, n0, N), rounding))
    return min(size, N) if N is not None else size


def sample_sizes():
    cases = []
    for N in POPULATIONS:
        for conf in CONFIDENCES:
            for margin in MARGINS:
                for p in PROPORTIONS:
                    n0 = n0_value(conf, margin, p)
                    for form in FORMS:
                        value = corrected(form, n0, N)
                        for rounding in ("up", "nearest"):
                            cases.append({
                                "population": N, "confidence": float(conf), "margin": float(margin),
                                "proportion": float(p), "correction": form, "rounding": rounding,
                                "z": float(z_value(conf)), "n0": float(n0), "unrounded": float(value),
                                "sample_size": rule_size(form, rounding, n0, N),
                            })
    return cases


def epir_sizes():
    """cochran-a unrounded sizes from R epiR, or [] when R or epiR is missing."""
    try:
        result = subprocess.run(["Rscript", R_SCRIPT], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        print("epiR oracle skipped:", error)
        return []
    rows = []
    for line in result.stdout.splitlines():
        if not line.startswith("ROW,"):
            continue
        _, N, conf, margin, p, value = line.split(",")
        rows.append({"population": None if N == "NA" else int(N), "confidence": float(conf),
                     "margin": float(margin), "proportion": float(p), "unrounded": float(value)})
    return rows


def margins():
    cases = []
    pairs = [(n, N) for N in (5, 10, 20, 40, 58, 100, 500, 10000) for n in sorted({1, 2, 3, 4, 5, N // 2, N - 1, N, 29, 44})
             if 1 <= n <= N]
    pairs += [(n, None) for n in (1, 3, 8, 29, 165, 1000)]
    for n, N in pairs:
        for conf in CONFIDENCES:
            for p in ("0.5", "0.3"):
                z = z_value(conf)
                pp = mp.mpf(p)
                for form in FORMS:
                    if N is None or form == "none":
                        factor = mp.mpf(1)
                    elif form == "cochran-a":
                        factor = mp.mpf(0) if N == 1 else mp.mpf(N - n) / (N - 1)
                    else:
                        factor = 1 - mp.mpf(n) / N
                    e = z * mp.sqrt(pp * (1 - pp) / n * factor)
                    cases.append({"sample": n, "population": N, "confidence": float(conf), "proportion": float(p),
                                  "correction": form, "margin": float(e)})
    return cases


def window(n, N, K, margin, p):
    """Counts x with |x/n - K/N| <= e (or |x/n - p| <= e), judged exactly in fractions:
    n(c - e) <= x <= n(c + e)."""
    e = Fraction(margin)
    centre = Fraction(K, N) if N is not None else Fraction(p)
    lo = max(0, math.ceil((centre - e) * n))
    hi = min(n, math.floor((centre + e) * n))
    return list(range(lo, hi + 1))


def exact_pairs():
    cases = []
    for N in POPULATIONS:
        for conf in CONFIDENCES:
            for margin, p in (("0.05", "0.5"), ("0.1", "0.5"), ("0.05", "0.3")):
                if N is not None and N > 500 and margin != "0.05":
                    continue
                conf_fraction = Fraction(conf)
                limit = N if N is not None else 3000
                K = math.floor(Fraction(p) * N) if N is not None else None
                ns = list(range(1, limit + 1))
                windows = [window(n, N, K, margin, p) for n in ns]
                if N is not None and N <= 500:
                    # Exact rational coverage in Python integers.
                    meets, coverages = [], []
                    for n, xs in zip(ns, windows):
                        total = sum(math.comb(K, x) * math.comb(N - K, n - x) for x in xs)
                        denominator = math.comb(N, n)
                        meets.append(total * conf_fraction.denominator >= conf_fraction.numerator * denominator)
                        coverages.append(total / denominator)
                else:
                    # scipy, vectorised over n: P(lo <= X <= hi) = cdf(hi) - cdf(lo - 1), or 1 - the tails.
                    lo = np.array([xs[0] if xs else 1 for xs in windows])
                    hi = np.array([xs[-1] if xs else 0 for xs in windows])
                    n_arr = np.array(ns)
                    if N is not None:
                        below = stats.hypergeom.cdf(lo - 1, N, K, n_arr)
                        above = stats.hypergeom.sf(hi, N, K, n_arr)
                    else:
                        below = stats.binom.cdf(lo - 1, n_arr, float(p))
                        above = stats.binom.sf(hi, n_arr, float(p))
                    cover = np.where(hi >= lo, 1.0 - below - above, 0.0)
                    coverages = [float(c) for c in cover]
                    if np.any(np.abs(cover - float(conf_fraction)) < 1e-9):
                        raise SystemExit(f"coverage too close to the confidence to decide in floats: N={N}")
                    meets = [c >= float(conf_fraction) for c in coverages]
                first = meets.index(True) + 1
                last_failure = max((i + 1 for i, ok in enumerate(meets) if not ok), default=0)
                stable = last_failure + 1
                if N is None and stable > 2500:
                    raise SystemExit("binomial scan too short")
                cases.append({"population": N, "confidence": float(conf), "margin": float(margin),
                              "proportion": float(p), "population_successes": K,
                              "first_sufficient": first, "coverage_at_first": coverages[first - 1],
                              "sufficient_from": stable, "coverage_at_sufficient_from": coverages[stable - 1],
                              "coverages_1_to_60": coverages[:60]})
    return cases


def implied_populations():
    cases = []
    Ns = np.arange(1, 2000001, dtype=np.float64)
    for conf, margin, p in (("0.8", "0.05", "0.5"), ("0.95", "0.05", "0.5")):
        n0 = n0_value(conf, margin, p)
        n0f = float(n0)
        for form in FORMS:
            if form == "cochran-a":
                values = n0f / (1 + (n0f - 1) / Ns)
            elif form == "cochran-b":
                values = n0f / (1 + n0f / Ns)
            else:
                values = np.minimum(n0f, Ns)
            for rounding in ("up", "nearest"):
                sizes = np.ceil(values) if rounding == "up" else np.floor(values + 0.5)
                # Re-evaluate exactly wherever float rounding could matter.
                close = np.abs(values - np.round(values * 2) / 2) < 1e-6
                for index in np.nonzero(close)[0]:
                    sizes[index] = round_size(corrected(form, n0, int(Ns[index])), rounding)
                sizes = np.maximum(1, np.minimum(sizes, Ns))
                for n in (1, 2, 3, 4, 5, 8, 20, 29, 40, 44, 60, 100, 150, 164, 165, 166, 300, 385, 386):
                    hits = np.nonzero(sizes == n)[0]
                    if len(hits) == 0:
                        low, high = None, None
                    else:
                        low, high = int(hits[0] + 1), int(hits[-1] + 1)
                        if not np.all(sizes[hits[0]:hits[-1] + 1] == n):
                            raise SystemExit("rule not monotone")
                        if high == len(Ns):
                            # Still n at the end of the scan: unbounded only if n is the limit as N grows.
                            if rule_size(form, rounding, n0, None) != n:
                                raise SystemExit(f"scan too short for n = {n}")
                            high = None
                    cases.append({"sample": n, "confidence": float(conf), "margin": float(margin),
                                  "proportion": float(p), "correction": form, "rounding": rounding,
                                  "lower": low, "upper": high,
                                  "empty": len(hits) == 0})
    return cases


def beta_binomial_prior_on_K(N, a, b):
    return [mp.binomial(N, K) * mp.beta(K + a, N - K + b) / mp.beta(a, b) for K in range(N + 1)]


def band_of(numerator, denominator):
    return sum(1 for t in BANDS if 100 * numerator >= t * denominator)


def band_confidence():
    cases = []
    priors = {"uniform": (mp.mpf(1), mp.mpf(1)), "jeffreys": (mp.mpf("0.5"), mp.mpf("0.5"))}
    for prior, (a, b) in priors.items():
        # Brute force over the population count K, small N.
        for N in (5, 10, 20, 40):
            prior_K = beta_binomial_prior_on_K(N, a, b)
            for n in sorted({1, 2, 3, 4, 5, N // 2, N - 1, N}):
                if n < 1 or n > N:
                    continue
                for k in range(0, n + 1):
                    weights = [prior_K[K] * (mp.binomial(K, k) * mp.binomial(N - K, n - k) / mp.binomial(N, n))
                               for K in range(N + 1)]
                    total = sum(weights)
                    probabilities = [mp.mpf(0)] * 4
                    for K, w in enumerate(weights):
                        probabilities[band_of(K, N)] += w / total
                    cases.append({"successes": k, "sample": n, "population": N, "prior": prior,
                                  "probabilities": [float(x) for x in probabilities], "method": "enumeration"})
        # Larger N: beta-binomial for the unsampled cases (scipy).
        for N, n, k in ((58, 17, 11), (100, 29, 20), (500, 40, 30), (10000, 165, 100), (58, 44, 30)):
            m = N - n
            dist = stats.betabinom(m, float(a) + k, float(b) + n - k)
            ys = np.arange(0, m + 1)
            pmf = dist.pmf(ys)
            probabilities = [0.0] * 4
            for y, w in zip(ys, pmf):
                probabilities[band_of(k + int(y), N)] += float(w)
            cases.append({"successes": k, "sample": n, "population": N, "prior": prior,
                          "probabilities": probabilities, "method": "scipy.betabinom"})
        # Infinite population.
        for n, k in ((3, 2), (17, 11), (1, 0), (1, 1), (29, 20), (165, 100), (8, 8)):
            dist = stats.beta(float(a) + k, float(b) + n - k)
            cdf = [float(dist.cdf(t / 100)) for t in BANDS]
            probabilities = [cdf[0], cdf[1] - cdf[0], cdf[2] - cdf[1], float(dist.sf(0.8))]
            cases.append({"successes": k, "sample": n, "population": None, "prior": prior,
                          "probabilities": probabilities, "method": "scipy.beta"})
    return cases


def design_risk():
    cases = []
    # Enumeration of every subset for small N.
    for N in (5, 10):
        for n in range(1, N + 1):
            for K in range(0, N + 1):
                population = [1] * K + [0] * (N - K)
                counts = [0] * 4
                total = 0
                for subset in itertools.combinations(range(N), n):
                    x = sum(population[i] for i in subset)
                    counts[band_of(x, n)] += 1
                    total += 1
                cases.append({"sample": n, "population": N, "population_successes": K,
                              "true_proportion": K / N, "true_band": band_of(K, N),
                              "probabilities": [c / total for c in counts], "method": "enumeration"})
    for N, n, P in ((58, 20, 0.7), (100, 29, 0.65), (500, 44, 0.79), (10000, 165, 0.8), (40, 29, 0.5)):
        K = math.floor(P * N + 0.5)
        dist = stats.hypergeom(N, K, n)
        probabilities = [0.0] * 4
        for x in range(0, n + 1):
            probabilities[band_of(x, n)] += float(dist.pmf(x))
        cases.append({"sample": n, "population": N, "population_successes": K, "true_proportion": P,
                      "true_band": band_of(K, N), "probabilities": probabilities, "method": "scipy.hypergeom"})
    for n, P in ((3, 0.7), (17, 0.65), (29, 0.5), (165, 0.8)):
        dist = stats.binom(n, P)
        probabilities = [0.0] * 4
        for x in range(0, n + 1):
            probabilities[band_of(x, n)] += float(dist.pmf(x))
        cases.append({"sample": n, "population": None, "population_successes": None, "true_proportion": P,
                      "true_band": sum(1 for t in BANDS if P >= t / 100), "probabilities": probabilities,
                      "method": "scipy.binom"})
    return cases


def hamilton(counts, sample, minimum):
    floors = [min(minimum, c) for c in counts]
    held = [False] * len(counts)
    allocation = [0] * len(counts)
    remaining_sample, remaining_population = sample, sum(counts)
    changed = True
    while changed:
        changed = False
        for h, c in enumerate(counts):
            if held[h] or c == 0 or floors[h] == 0:
                continue
            if Fraction(remaining_sample * c, remaining_population) < floors[h]:
                held[h] = True
                allocation[h] = floors[h]
                remaining_sample -= floors[h]
                remaining_population -= c
                changed = True
    free = [h for h, c in enumerate(counts) if not held[h] and c > 0]
    if remaining_population > 0:
        quotas = {h: Fraction(remaining_sample * counts[h], remaining_population) for h in free}
        for h in free:
            allocation[h] = math.floor(quotas[h])
        left = remaining_sample - sum(allocation[h] for h in free)
        order = sorted(free, key=lambda h: (-(quotas[h] - math.floor(quotas[h])), -counts[h], h))
        for h in order[:left]:
            allocation[h] += 1
    return allocation


def allocations():
    rng = random.Random(20240611)
    cases = [{"counts": [14, 6, 9, 4, 5, 2, 0], "sample": 12, "minimum": 1},
             {"counts": [14, 6, 9, 4, 5, 2, 0], "sample": 12, "minimum": 0},
             {"counts": [1, 1, 1, 1], "sample": 2, "minimum": 0},
             {"counts": [10, 10, 10], "sample": 10, "minimum": 0},
             {"counts": [50, 3, 2, 1, 0, 44], "sample": 20, "minimum": 2}]
    for _ in range(40):
        size = rng.randint(1, 12)
        counts = [rng.choice([0, rng.randint(0, 5), rng.randint(0, 60)]) for _ in range(size)]
        total = sum(counts)
        if total == 0:
            continue
        sample = rng.randint(0, total)
        minimum = rng.choice([0, 0, 1, 2])
        if sum(min(minimum, c) for c in counts) > sample:
            minimum = 0
        cases.append({"counts": counts, "sample": sample, "minimum": minimum})
    for case in cases:
        case["allocation"] = hamilton(case["counts"], case["sample"], case["minimum"])
    return cases


def timed(name, function):
    import time
    start = time.time()
    result = function()
    print(f"{name}: {len(result)} cases, {time.time() - start:.1f} s", flush=True)
    return result


def main():
    fixture = {
        "generated_by": "Scripts/oracles/sampling.py",
        "z": [{"confidence": float(c), "z": float(z_value(c))} for c in CONFIDENCES],
        "sample_sizes": timed("sample_sizes", sample_sizes),
        "epir_cochran_a": timed("epir_sizes", epir_sizes),
        "margins": timed("margins", margins),
        "exact": timed("exact_pairs", exact_pairs),
        "implied_populations": timed("implied_populations", implied_populations),
        "band_confidence": timed("band_confidence", band_confidence),
        "design_risk": timed("design_risk", design_risk),
        "allocations": timed("allocations", allocations),
    }
    with open(OUT, "w") as handle:
        json.dump(fixture, handle, indent=1)
        handle.write("\n")
    print("wrote", OUT, {k: len(v) for k, v in fixture.items() if isinstance(v, list)})


if __name__ == "__main__":
    main()
