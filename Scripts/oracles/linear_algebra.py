#!/usr/bin/env python3
"""Oracle fixture for Sources/YJStat/LinearAlgebra (Cholesky and LU solvers).

Writes Tests/YJStatTests/Fixtures/linear_algebra.json. Run from the repository root:

    python3 Scripts/oracles/linear_algebra.py

Oracles (independent of the Swift code):
  * well-conditioned grid: scipy.linalg.cho_factor/cho_solve (SPD) and scipy.linalg.solve
    (LU, LAPACK gesv), sizes 1..12, seeded; each answer is cross-checked against an exact
    mpmath solve at 60 significant digits of the same double-precision inputs;
  * ill-conditioned systems: the exact (mpmath, 60 digits) solution of the stored
    double-precision system, with the 2-norm condition number from numpy.linalg.cond;
  * error cases: the failing leading-minor order reported by scipy's cho_factor and the
    zero diagonal of U reported by scipy's lu_factor (LAPACK info codes, one-based).

Matrices are stored row-major as flat lists; right-hand sides as n x m row-major lists.
"""

import json
import re
import sys
import warnings
from pathlib import Path

import mpmath
import numpy as np
import scipy
import scipy.linalg as sla

SEED = 20240611
DIGITS = 60
OUTPUT = Path(__file__).resolve().parents[2] / "Tests/YJStatTests/Fixtures/linear_algebra.json"

mpmath.mp.dps = DIGITS


def flat(array):
    return [float(v) for v in np.asarray(array, dtype=float).ravel()]


def exact_solve(a, b):
    """Exact solution of a x = b for the double-precision inputs, rounded to doubles."""
    am = mpmath.matrix(a.tolist())
    columns = []
    for j in range(b.shape[1]):
        xm = mpmath.lu_solve(am, mpmath.matrix(b[:, j].tolist()))
        columns.append([float(xm[i]) for i in range(b.shape[0])])
    return np.array(columns).T


def exact_inverse(a):
    inv = mpmath.inverse(mpmath.matrix(a.tolist()))
    n = a.shape[0]
    return np.array([[float(inv[i, j]) for j in range(n)] for i in range(n)])


def max_relative_error(x, reference):
    return float(np.max(np.abs(x - reference)) / np.max(np.abs(reference)))


def orthogonal(rng, n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def random_spd(rng, n, eigenvalues):
    q = orthogonal(rng, n)
    a = (q * eigenvalues) @ q.T
    return (a + a.T) / 2  # exactly symmetric


def random_general(rng, n, singular_values):
    return (orthogonal(rng, n) * singular_values) @ orthogonal(rng, n).T


def equilibrated_condition(a):
    """2-norm condition number of D^-1/2 A D^-1/2, D = diag(A): what governs Cholesky's accuracy
    for a badly scaled SPD matrix (van der Sluis 1969; Higham 2002, Theorem 10.5 and §7.3)."""
    d = 1 / np.sqrt(np.diag(a))
    return float(np.linalg.cond(a * np.outer(d, d)))


def spd_case(name, a, b, conditioning):
    factor = sla.cho_factor(a, lower=True)
    x = sla.cho_solve(factor, b)
    inverse = sla.cho_solve(factor, np.eye(a.shape[0]))
    inverse = (inverse + inverse.T) / 2
    exact_x, exact_inv = exact_solve(a, b), exact_inverse(a)
    if conditioning == "well":
        assert max_relative_error(x, exact_x) < 1e-13, name
        assert max_relative_error(inverse, exact_inv) < 1e-13, name
    else:
        x, inverse = exact_x, exact_inv
    return {
        "name": name,
        "kind": "spd",
        "conditioning": conditioning,
        "size": a.shape[0],
        "rightHandSides": b.shape[1],
        "condition": float(np.linalg.cond(a)),
        "equilibratedCondition": equilibrated_condition(a),
        "a": flat(a),
        "b": flat(b),
        "x": flat(x),
        "inverse": flat(inverse),
    }


def general_case(name, a, b, conditioning):
    x = sla.solve(a, b)
    exact_x = exact_solve(a, b)
    if conditioning == "well":
        assert max_relative_error(x, exact_x) < 1e-13, name
    else:
        x = exact_x
    return {
        "name": name,
        "kind": "general",
        "conditioning": conditioning,
        "size": a.shape[0],
        "rightHandSides": b.shape[1],
        "condition": float(np.linalg.cond(a)),
        "a": flat(a),
        "b": flat(b),
        "x": flat(x),
    }


def not_positive_definite_case(name, a):
    try:
        sla.cho_factor(a, lower=True)
    except np.linalg.LinAlgError as error:
        order = int(re.search(r"(\d+)-th leading minor", str(error)).group(1))
        return {"name": name, "size": a.shape[0], "a": flat(a), "leadingMinorOrder": order}
    raise AssertionError(f"{name}: scipy accepted the matrix as positive definite")


def singular_case(name, a):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sla.lu_factor(a)
    for warning in caught:
        match = re.search(r"Diagonal number (\d+) is exactly zero", str(warning.message))
        if match:
            return {"name": name, "size": a.shape[0], "a": flat(a), "pivot": int(match.group(1))}
    raise AssertionError(f"{name}: scipy found no zero pivot")


def main():
    rng = np.random.default_rng(SEED)
    systems = []
    for n in range(1, 13):
        m = 1 + n % 3
        a = random_spd(rng, n, rng.uniform(1, 10, n))
        systems.append(spd_case(f"spd-n{n}", a, rng.standard_normal((n, m)), "well"))
        a = random_general(rng, n, rng.uniform(1, 10, n))
        systems.append(general_case(f"general-n{n}", a, rng.standard_normal((n, m)), "well"))
    # A plain Gaussian matrix (no controlled spectrum) and a badly scaled SPD one.
    a = rng.standard_normal((9, 9)) + 3 * np.eye(9)
    systems.append(general_case("general-gaussian-n9", a, rng.standard_normal((9, 2)), "well"))
    scale = np.array([1e-3, 1, 1e3, 1e6])
    a = random_spd(rng, 4, rng.uniform(1, 10, 4)) * np.outer(scale, scale)
    a = (a + a.T) / 2
    systems.append(spd_case("spd-scaled-n4", a, rng.standard_normal((4, 1)), "well"))

    for n in (6, 8):
        h = sla.hilbert(n)
        b = (h @ np.ones((n, 1)))
        systems.append(spd_case(f"spd-hilbert-n{n}", h, b, "ill"))
    a = random_spd(rng, 10, np.logspace(0, -9, 10))
    systems.append(spd_case("spd-spectrum-1e9-n10", a, rng.standard_normal((10, 2)), "ill"))
    a = random_general(rng, 7, np.logspace(0, -8, 7))
    systems.append(general_case("general-spectrum-1e8-n7", a, rng.standard_normal((7, 1)), "ill"))
    a = random_general(rng, 10, np.logspace(0, -10, 10))
    systems.append(general_case("general-spectrum-1e10-n10", a, rng.standard_normal((10, 3)), "ill"))

    spd = random_spd(rng, 5, rng.uniform(1, 10, 5))
    spd[3, 3] = -1.0
    not_pd = [
        not_positive_definite_case("indefinite-2x2", np.array([[1.0, 2.0], [2.0, 1.0]])),
        not_positive_definite_case("semidefinite-3x3", np.array([[4.0, 2.0, 0.0], [2.0, 1.0, 0.0], [0.0, 0.0, 1.0]])),
        not_positive_definite_case("negative-diagonal-5x5", spd),
        not_positive_definite_case("zero-1x1", np.array([[0.0]])),
    ]
    singular = [
        singular_case("dependent-rows-3x3", np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 1.0, 1.0]])),
        singular_case("zero-column-4x4", np.array([
            [2.0, 1.0, 0.0, 3.0], [1.0, 5.0, 0.0, 1.0], [4.0, 2.0, 0.0, 1.0], [1.0, 1.0, 0.0, 7.0]])),
        singular_case("zero-2x2", np.zeros((2, 2))),
    ]

    fixture = {
        "generator": "Scripts/oracles/linear_algebra.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "scipy": scipy.__version__, "mpmath": mpmath.__version__},
        "seed": SEED,
        "layout": "row-major; b and x are size x rightHandSides",
        "systems": systems,
        "notPositiveDefinite": not_pd,
        "singular": singular,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUTPUT} ({len(systems)} systems)")


if __name__ == "__main__":
    main()
