#!/usr/bin/env python3
"""Reference values for indirect and direct standardisation, from independent implementations.

Oracles:
  expected count     E = sum over strata of reference rate x population (numpy)
  ratio, exact       scipy.stats.chi2.ppf(a/2, 2O)/2/E and chi2.isf(a/2, 2O + 2)/2/E (Garwood)
  ratio, Byar        O(1 - 1/(9O) - z/(3 sqrt O))^3 / E and (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3 / E
                     with z = scipy.stats.norm.isf(a/2) (Breslow & Day 1987; PHEindicatormethods)
  ISR                ratio x crude reference rate x per
  DSR, Dobson        y + sqrt(v/O)(L - O), y + sqrt(v/O)(U - O), [L, U] the Garwood interval of O
                     (Dobson et al. 1991); at O = 0 lower 0 and the Fay-Feuer upper
  DSR, Fay-Feuer     scipy.stats.gamma.ppf(a/2, y^2/v, scale=v/y) and
                     gamma.isf(a/2, (y+wM)^2/(v+wM^2), scale=(v+wM^2)/(y+wM)) (Fay & Feuer 1997)

Random services (fixed seed) over 5 age bands x 2 sexes, including tiny populations and zero
counts, at 95% and 99.8%.

Writes Tests/YJStatTests/Fixtures/standardisation.json. Run from the repository root:
    python3 Scripts/oracles/standardisation.py
Needs: scipy, numpy.
"""
import json
import math

import numpy as np
from scipy import stats

OUT = "Tests/YJStatTests/Fixtures/standardisation.json"
LEVELS = (0.95, 0.998)


def garwood(o, a):
    low = 0.0 if o == 0 else stats.chi2.ppf(a / 2, 2 * o) / 2
    return low, stats.chi2.isf(a / 2, 2 * o + 2) / 2


def byar(o, a):
    z = stats.norm.isf(a / 2)
    low = 0.0 if o == 0 else max(0.0, o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3)
    o1 = o + 1
    return low, o1 * (1 - 1 / (9 * o1) + z / (3 * math.sqrt(o1))) ** 3


def main():
    rng = np.random.default_rng(19_2026)
    strata = [[age, sex] for age in ("10-11", "12-13", "14", "15", "16-17") for sex in ("F", "M")]
    ref_pop = rng.integers(20_000, 200_000, len(strata)).astype(float)
    ref_rate = np.array([0.0008, 0.002, 0.004, 0.007, 0.011, 0.0005, 0.0012, 0.0025, 0.004, 0.006]) * 3
    ref_obs = rng.poisson(ref_rate * ref_pop)
    rates = ref_obs / ref_pop
    crude = ref_obs.sum() / ref_pop.sum()
    standard = rng.integers(1000, 9000, len(strata)).astype(float)
    services = []
    for i in range(10):
        size = float(rng.choice([30, 300, 3000, 30000]))
        pop = np.round(rng.uniform(0.3, 1.7, len(strata)) * size / len(strata), 1) + 0.5
        if i == 0:
            pop = np.full(len(strata), 1.5)           # tiny
        obs = rng.poisson(rates * pop * math.exp(rng.normal(0, 0.3)))
        if i == 1:
            obs = np.zeros(len(strata), dtype=int)    # no events
        e = float((rates * pop).sum())
        o = int(obs.sum())
        indirect = {}
        for method, f in (("exact", garwood), ("byar", byar)):
            indirect[method] = [[o / e, f(o, 1 - c)[0] / e, f(o, 1 - c)[1] / e] for c in LEVELS]
        w = standard / standard.sum()
        y = float((w * obs / pop).sum())
        v = float((w ** 2 * obs / pop ** 2).sum())
        wm = float((w / pop).max())
        direct = {"dobson": [], "fay-feuer": []}
        for c in LEVELS:
            a = 1 - c
            vv, yy = v + wm ** 2, y + wm
            ff_upper = stats.gamma.isf(a / 2, yy ** 2 / vv, scale=vv / yy)
            ff_lower = 0.0 if o == 0 else stats.gamma.ppf(a / 2, y ** 2 / v, scale=v / y)
            direct["fay-feuer"].append([y, ff_lower, ff_upper])
            if o == 0:
                direct["dobson"].append([y, 0.0, ff_upper])
            else:
                lo, up = garwood(o, a)
                s = math.sqrt(v / o)
                direct["dobson"].append([y, max(0.0, y + s * (lo - o)), y + s * (up - o)])
        services.append({"service": f"YJS{i:02d}", "observed": [int(x) for x in obs], "population": [float(x) for x in pop],
                         "expected": e, "indirect": indirect, "direct": direct})
    fixture = {"strata": strata, "referenceObserved": [int(x) for x in ref_obs],
               "referencePopulation": [float(x) for x in ref_pop], "crude": float(crude),
               "standard": [float(x) for x in standard], "levels": list(LEVELS), "services": services}
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(services)} services")


if __name__ == "__main__":
    main()
