#!/usr/bin/env python3
"""Oracle for yjstat's rounding analysis of printed key-question percentages.

For each (printed percent, decimals, maximum relevant) case, lists every (yes, relevant) pair with
1 <= relevant <= maximum whose exact percentage 100*yes/relevant rounds to the printed figure under
round-half-up (decimal.ROUND_HALF_UP) or round-half-even (decimal.ROUND_HALF_EVEN), computed with
exact rationals (fractions.Fraction) and the decimal module -- a different method from yjstat's
integer inequalities. Bands use the 2018-2021 youth framework thresholds (50, 65, 80), compared
exactly as fractions. Also lists, for scores given as percentages of 36, which whole scores fit.

Run from the package root: python3 Scripts/oracles/inspection_rounding.py
Writes Tests/YJStatTests/Fixtures/inspection_rounding.json.
"""
import json
import pathlib
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN
from fractions import Fraction

BANDS = [(Fraction(0), "Inadequate"), (Fraction(50), "Requires improvement"), (Fraction(65), "Good"), (Fraction(80), "Outstanding")]


def band(percent: Fraction) -> str:
    name = BANDS[0][1]
    for minimum, rating in BANDS:
        if percent >= minimum:
            name = rating
    return name


def rounded(percent: Fraction, decimals: int, mode) -> Decimal:
    exact = Decimal(percent.numerator) / Decimal(percent.denominator)  # 28 significant digits
    # Ties are exact in Decimal when the denominator divides a power of ten times 2; otherwise the
    # 28-digit quotient is never exactly on a tie, so rounding it is the same as rounding the fraction.
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=mode)


def pairs(printed: str, maximum: int):
    target = Decimal(printed)
    decimals = max(0, -target.as_tuple().exponent)
    found = []
    for relevant in range(1, maximum + 1):
        for yes in range(0, relevant + 1):
            percent = Fraction(100 * yes, relevant)
            conventions = []
            if rounded(percent, decimals, ROUND_HALF_UP) == target:
                conventions.append("half-up")
            if rounded(percent, decimals, ROUND_HALF_EVEN) == target:
                conventions.append("half-even")
            if conventions:
                found.append({"yes": yes, "relevant": relevant, "band": band(percent), "conventions": conventions})
    return found


cases = []
for printed, maximum in [("65", 29), ("65", 16), ("65", 17), ("50", 12), ("80", 29), ("80", 60), ("64", 40),
                         ("13", 8), ("12", 8), ("38", 8), ("62", 20), ("64.7", 40), ("0", 5), ("100", 5), ("79", 50), ("50", 120), ("12.5", 8)]:
    found = pairs(printed, maximum)
    cases.append({"printed": printed, "maximum_relevant": maximum, "pairs": found,
                  "bands": [name for _, name in BANDS if any(p["band"] == name for p in found)]})

scores = []
for printed in ["80.6", "81", "82", "72.2", "72", "50", "0", "100", "97.2", "2.8"]:
    target = Decimal(printed)
    decimals = max(0, -target.as_tuple().exponent)
    fits = [s for s in range(0, 37)
            if rounded(Fraction(100 * s, 36), decimals, ROUND_HALF_UP) == target
            or rounded(Fraction(100 * s, 36), decimals, ROUND_HALF_EVEN) == target]
    scores.append({"printed": printed, "maximum": 36, "scores": fits})

out = pathlib.Path(__file__).resolve().parents[2] / "Tests/YJStatTests/Fixtures/inspection_rounding.json"
out.write_text(json.dumps({"generator": "Scripts/oracles/inspection_rounding.py (fractions + decimal)",
                           "cases": cases, "score_percents": scores}, indent=1) + "\n")
print(f"wrote {out}")
