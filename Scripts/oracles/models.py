#!/usr/bin/env python3
"""Oracle fixture for Sources/YJStat/Models (logistic and Poisson regression, Firth).

Writes Tests/YJStatTests/Fixtures/models.json. Run from the repository root:

    python3 Scripts/oracles/models.py

Oracles (independent of the Swift code):
  * maximum likelihood: statsmodels GLM (Binomial with grouped [events, non-events] endog;
    Poisson with offset log(exposure)), fitted to tol 1e-14; coefficients, standard errors,
    deviance. Each fit is polished by one dense numpy Newton step and checked against it.
  * profile-likelihood limits: brentq (xtol 1e-13) on 2 [llf - llf_p(b)] = chi2_1(0.95), llf_p
    from dense numpy Newton fits with coefficient j held at b (the reference fitter below
    without its penalty);
  * likelihood-ratio tests of each term: statsmodels fits without the term's columns;
  * Firth: the committed reference implementation below (dense numpy, the logistf algorithm:
    modified score with hat diagonal, step halving on the penalised log-likelihood), with
    profile penalised-likelihood limits by brentq on constrained fits whose penalty uses the
    full design (as logistf's profile). Checked on a textbook case (Heinze & Schemper 2002's
    separation example is not redistributable; we check instead that the Firth score is zero
    to 1e-10 and that the fit is finite under complete separation).

Designs: random, 2 to 6 categorical factors with 2 to 5 levels (level names are letters, the
reference is named explicitly), random trials per pattern, effects up to |2| on the link
scale; some designs plant near-separation (a level with 1 or 2 events in total) and the Firth
designs include complete separation (a level with no events).
"""

import json
from pathlib import Path

import numpy as np
import scipy
import scipy.optimize as so
import scipy.stats as st
import statsmodels
import statsmodels.api as sm

SEED = 20261202
OUTPUT = Path(__file__).resolve().parents[2] / "Tests/YJStatTests/Fixtures/models.json"
Q = float(st.chi2.ppf(0.95, 1))
rng = np.random.default_rng(SEED)


def random_design(factors, max_levels=4, family="binomial", near_separation=False, separation=False):
    levels = [int(rng.integers(2, max_levels + 1)) for _ in range(factors)]
    names = [f"f{k + 1}" for k in range(factors)]
    level_names = [[chr(ord("a") + i) for i in range(m)] for m in levels]
    effects = [np.concatenate([[0.0], rng.uniform(-1.5, 1.5, m - 1)]) for m in levels]
    grid = np.array(np.meshgrid(*[np.arange(m) for m in levels], indexing="ij")).reshape(factors, -1).T
    # Keep a random subset of the full grid, but always at least one pattern per level.
    keep = rng.random(len(grid)) < 0.8
    rows = [g for g, k in zip(grid, keep) if k]
    for f in range(factors):
        for lv in range(levels[f]):
            if not any(r[f] == lv for r in rows):
                rows.append(next(g for g in grid if g[f] == lv))
    patterns = []
    intercept = -1.0 if family == "binomial" else -3.0
    for r in rows:
        eta = intercept + sum(effects[f][r[f]] for f in range(factors))
        if family == "binomial":
            n = int(rng.integers(5, 60))
            y = int(rng.binomial(n, 1 / (1 + np.exp(-eta))))
        else:
            n = float(np.round(rng.uniform(50, 5000), 1))
            y = int(rng.poisson(n * np.exp(eta)))
        patterns.append([[level_names[f][r[f]] for f in range(factors)], y, n])
    if near_separation or separation:
        # The last level of the last factor: at most 2 events (or none) in total.
        f, lv = factors - 1, level_names[factors - 1][-1]
        budget = 0 if separation else int(rng.integers(1, 3))
        for p in patterns:
            if p[0][f] == lv:
                p[1] = min(p[1], budget)
                budget -= p[1]
    # Guarantee that every level has at least one event and one non-event (except planted).
    return names, level_names, patterns


def encode(names, level_names, patterns):
    columns = ["(intercept)"] + [f"{n}={lv}" for n, lvs in zip(names, level_names) for lv in lvs[1:]]
    term_of = [None] + [k for k, lvs in enumerate(level_names) for _ in lvs[1:]]
    x = np.zeros((len(patterns), len(columns)))
    for i, (levels, _, _) in enumerate(patterns):
        x[i, 0] = 1
        for k, lv in enumerate(levels):
            if lv != level_names[k][0]:
                x[i, columns.index(f"{names[k]}={lv}")] = 1
    return columns, term_of, x


def sm_fit(family, x, y, n, offset=None):
    if family == "binomial":
        model = sm.GLM(np.column_stack([y, n - y]), x, family=sm.families.Binomial(), offset=offset)
    else:
        base = np.log(n) if offset is None else np.log(n) + offset
        model = sm.GLM(y, x, family=sm.families.Poisson(), offset=base)
    return model.fit(tol=1e-14, maxiter=500)


def loglik(family, x, y, n, beta, offset=0.0):
    eta = x @ beta + offset
    if family == "binomial":
        return float(np.sum(-y * np.logaddexp(0, -eta) - (n - y) * np.logaddexp(0, eta)))
    eta = eta + np.log(n)
    return float(np.sum(y * eta - np.exp(eta) - scipy.special.gammaln(y + 1)))


def moments(family, x, n, beta, offset=0.0):
    eta = x @ beta + offset
    if family == "binomial":
        p = 1 / (1 + np.exp(-eta))
        return n * p, n * p * (1 - p), 0.5 - p
    mu = n * np.exp(eta)
    return mu, mu, np.full_like(mu, 0.5)


def firth_objective(family, x, y, n, beta):
    _, w, _ = moments(family, x, n, beta)
    info = x.T @ (w[:, None] * x)
    sign, logdet = np.linalg.slogdet(info)
    return loglik(family, x, y, n, beta) + 0.5 * logdet if sign > 0 else -np.inf


def firth_fit(family, x, y, n, fixed=None, start=None, penalty=True):
    """Reference Firth fit (logistf's algorithm), optionally with coordinates held fixed;
    penalty=False gives the plain maximum-likelihood Newton fit."""
    fixed = fixed or {}
    p = x.shape[1]
    beta = np.zeros(p) if start is None else np.array(start, dtype=float)
    for j, v in fixed.items():
        beta[j] = v
    free = [j for j in range(p) if j not in fixed]
    def objective(b):
        return firth_objective(family, x, y, n, b) if penalty else loglik(family, x, y, n, b)

    obj = objective(beta)
    for _ in range(500):
        mu, w, a = moments(family, x, n, beta)
        info = x.T @ (w[:, None] * x)
        cov = np.linalg.inv(info)
        h = w * np.einsum("ij,jk,ik->i", x, cov, x) if penalty else 0.0
        score = x.T @ (y - mu + h * a)
        sub = info[np.ix_(free, free)]
        step = np.linalg.solve(sub, score[free])
        factor = 1.0
        for _ in range(40):
            trial = beta.copy()
            trial[free] += factor * step
            new = objective(trial)
            if new >= obj - 1e-12 * (1 + abs(obj)):
                break
            factor /= 2
        beta, obj = trial, new
        if np.max(np.abs(step)) <= 1e-13 * (1 + np.max(np.abs(beta))):
            break
    mu, w, a = moments(family, x, n, beta)
    info = x.T @ (w[:, None] * x)
    return beta, obj, np.linalg.inv(info)


def profile_limits(objective_at, beta_hat, se, obj_hat):
    """Solve 2 (obj_hat - obj_p(b)) = Q on each side of beta_hat."""
    limits = []
    for direction in (-1, 1):
        def f(b):
            return 2 * (obj_hat - objective_at(b)) - Q
        step = np.sqrt(Q) * se
        inner, outer = beta_hat, beta_hat + direction * step
        while f(outer) < 0:
            inner, outer = outer, beta_hat + 2 * (outer - beta_hat)
            if abs(outer - beta_hat) > 40:
                outer = None
                break
        if outer is None:
            limits.append(direction * float("inf"))
            continue
        lo, hi = sorted([inner, outer])
        limits.append(float(so.brentq(f, lo, hi, xtol=1e-13, rtol=1e-15, maxiter=500)))
    return limits


def ml_case(name, family, names, level_names, patterns):
    columns, term_of, x = encode(names, level_names, patterns)
    y = np.array([p[1] for p in patterns], dtype=float)
    n = np.array([p[2] for p in patterns], dtype=float)
    res = sm_fit(family, x, y, n)
    beta = np.asarray(res.params)
    # Polish with one dense Newton step and check that it changes nothing visible.
    mu, w, _ = moments(family, x, n, beta)
    info = x.T @ (w[:, None] * x)
    step = np.linalg.solve(info, x.T @ (y - mu))
    assert np.max(np.abs(step)) < 1e-9, (name, step)
    beta = beta + step
    mu, w, _ = moments(family, x, n, beta)
    cov = np.linalg.inv(x.T @ (w[:, None] * x))
    se = np.sqrt(np.diag(cov))
    assert np.allclose(se, res.bse, rtol=1e-8), name
    ll = loglik(family, x, y, n, beta)
    coefficients = []
    for j, column in enumerate(columns):
        others = [k for k in range(len(columns)) if k != j]

        warm = [beta]

        def objective_at(b, j=j):
            # Constrained maximum likelihood by dense Newton (statsmodels' IRLS with a large
            # offset and no intercept can diverge on near-separated designs).
            b_fit, o, _ = firth_fit(family, x, y, n, fixed={j: b}, start=warm[0], penalty=False)
            warm[0] = b_fit
            return o

        lower, upper = profile_limits(objective_at, beta[j], se[j], ll)
        coefficients.append({"name": column, "estimate": float(beta[j]), "standardError": float(se[j]),
                             "profileLower": lower, "profileUpper": upper})
    tests = []
    for k, term in enumerate(names):
        keep = [j for j in range(len(columns)) if term_of[j] != k]
        reduced = sm_fit(family, x[:, keep], y, n)
        g = 2 * (ll - loglik(family, x[:, keep], y, n, np.asarray(reduced.params)))
        df = len(columns) - len(keep)
        tests.append({"term": term, "statistic": g, "degreesOfFreedom": df, "pValue": float(st.chi2.sf(g, df))})
    return {
        "name": name, "family": family, "terms": names,
        "references": {t: lv[0] for t, lv in zip(names, level_names)},
        "patterns": [{"levels": p[0], "outcome": p[1], "denominator": p[2]} for p in patterns],
        "coefficients": coefficients, "deviance": float(res.deviance), "logLikelihood": ll,
        "aic": -2 * ll + 2 * len(columns), "termTests": tests,
    }


def firth_case(name, family, names, level_names, patterns):
    columns, term_of, x = encode(names, level_names, patterns)
    y = np.array([p[1] for p in patterns], dtype=float)
    n = np.array([p[2] for p in patterns], dtype=float)
    beta, obj, cov = firth_fit(family, x, y, n)
    mu, w, a = moments(family, x, n, beta)
    h = w * np.einsum("ij,jk,ik->i", x, cov, x)
    assert np.max(np.abs(x.T @ (y - mu + h * a))) < 1e-8, name
    se = np.sqrt(np.diag(cov))
    coefficients = []
    for j, column in enumerate(columns):
        warm = [beta]

        def objective_at(b, j=j):
            b_fit, o, _ = firth_fit(family, x, y, n, fixed={j: b}, start=warm[0])
            warm[0] = b_fit
            return o

        lower, upper = profile_limits(objective_at, beta[j], se[j], obj)
        coefficients.append({"name": column, "estimate": float(beta[j]), "standardError": float(se[j]),
                             "profileLower": lower, "profileUpper": upper})
    tests = []
    for k, term in enumerate(names):
        cols = [j for j in range(len(columns)) if term_of[j] == k]
        _, o, _ = firth_fit(family, x, y, n, fixed={j: 0.0 for j in cols}, start=beta)
        g = 2 * (obj - o)
        tests.append({"term": term, "statistic": g, "degreesOfFreedom": len(cols),
                      "pValue": float(st.chi2.sf(g, len(cols)))})
    return {
        "name": name, "family": family, "terms": names,
        "references": {t: lv[0] for t, lv in zip(names, level_names)},
        "patterns": [{"levels": p[0], "outcome": p[1], "denominator": p[2]} for p in patterns],
        "coefficients": coefficients, "penalizedLogLikelihood": obj,
        "logLikelihood": loglik(family, x, y, n, beta), "termTests": tests,
    }


def has_support(patterns, family):
    """Every level of every factor has events (and, binomial, non-events)."""
    factors = len(patterns[0][0])
    for f in range(factors):
        for lv in {p[0][f] for p in patterns}:
            y = sum(p[1] for p in patterns if p[0][f] == lv)
            n = sum(p[2] for p in patterns if p[0][f] == lv)
            if y == 0 or (family == "binomial" and y == n):
                return False
    return True


def main():
    binomial, poisson, firth = [], [], []
    for factors in range(2, 7):
        for variant in range(2):
            near = variant == 1
            while True:
                d = random_design(factors, max_levels=5 if factors <= 3 else 3, near_separation=near)
                if has_support(d[2], "binomial"):
                    break
            binomial.append(ml_case(f"binomial-{factors}-factors{'-near-separation' if near else ''}", "binomial", *d))
    for factors in range(2, 6):
        while True:
            d = random_design(factors, max_levels=4, family="poisson")
            if has_support(d[2], "poisson"):
                break
        poisson.append(ml_case(f"poisson-{factors}-factors", "poisson", *d))
    for factors in range(2, 6):
        for variant in ("near-separation", "separation"):
            d = random_design(factors, max_levels=3, near_separation=variant == "near-separation",
                              separation=variant == "separation")
            firth.append(firth_case(f"firth-{factors}-factors-{variant}", "binomial", *d))
    d = random_design(3, max_levels=3, family="poisson", separation=True)
    firth.append(firth_case("firth-poisson-3-factors-zero-level", "poisson", *d))
    document = {
        "generator": "Scripts/oracles/models.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "seed": SEED, "confidenceLevel": 0.95,
        "maximumLikelihood": binomial + poisson, "firth": firth,
    }
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUTPUT} ({len(binomial)} binomial, {len(poisson)} Poisson, {len(firth)} Firth cases)")


if __name__ == "__main__":
    main()
