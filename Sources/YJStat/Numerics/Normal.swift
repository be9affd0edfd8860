import Foundation

/// The standard normal distribution N(0, 1).
///
/// Invalid arguments (NaN, probabilities outside [0, 1]) give `.nan`; nothing traps.
public enum Normal {
    /// 1/√2 as an unevaluated sum high + low (to about 106 bits).
    private static let inverseRootTwoHigh = 0.707_106_781_186_547_57
    private static let inverseRootTwoLow = -4.833_646_656_726_456_7e-17
    /// 2/√π.
    private static let twoOverRootPi = 1.128_379_167_095_512_573_9

    /// The density φ(x) = e^(−x²/2)/√(2π).
    ///
    /// x² is formed exactly (fused multiply-add) and split so that e^(−x²/2) carries no
    /// amplified rounding error; relative error a few ulps while φ(x) is a normal number.
    public static func pdf(_ x: Double) -> Double {
        if !x.isFinite { return x.isNaN ? .nan : 0 }
        let square = ErrorFreeArithmetic.twoProduct(x, x)
        // e^(−(h+l)/2) = e^(−h/2) · e^(−l/2); h/2 is exact, so only exp's own rounding remains.
        return Foundation.exp(-0.5 * square.product) * Foundation.exp(-0.5 * square.error) * inverseRootTwoPi
    }

    /// 1/√(2π).
    private static let inverseRootTwoPi = 0.398_942_280_401_432_677_94

    /// log φ(x) = −x²/2 − log √(2π), with x² carried exactly.
    public static func logPDF(_ x: Double) -> Double {
        if !x.isFinite { return x.isNaN ? .nan : -.infinity }
        let square = ErrorFreeArithmetic.twoProduct(x, x)
        return -0.5 * square.product - (0.5 * square.error + SaddlePointExpansion.logSqrtTwoPi)
    }

    /// The distribution function Φ(x) = P(Z ≤ x) = ½ erfc(−x/√2).
    ///
    /// Uses the C library's `erfc` with the argument x/√2 corrected to first order for its own
    /// rounding (erfc(z + dz) ≈ erfc(z) − (2/√π) e^(−z²) dz, with dz from an exact product), so
    /// the far tail keeps full relative accuracy: worst relative error 3e-16 against mpmath for
    /// x ∈ [−37, 38] wherever Φ(x) ≥ 1e-300. Returns `.nan` for NaN.
    public static func cdf(_ x: Double) -> Double {
        sf(-x)
    }

    /// The survival function 1 − Φ(x) = Φ(−x) = ½ erfc(x/√2), accurate in the upper tail.
    /// Same method and accuracy as ``cdf(_:)``.
    public static func sf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return x > 0 ? 0 : 1 }
        let z = x * inverseRootTwoHigh
        let dz = (-z).addingProduct(x, inverseRootTwoHigh) + x * inverseRootTwoLow
        let e = Foundation.erfc(z)
        if dz == 0 || e == 0 { return 0.5 * e }
        let slope = twoOverRootPi * Foundation.exp(-z * z)
        return 0.5 * (e - slope * dz)
    }

    /// log Φ(x), finite for every finite x.
    ///
    /// Where Φ(x) is at least 1e-300 this is the logarithm of ``cdf(_:)`` (or log1p(−Φ(−x)) for
    /// x > 0); further out it is log φ(x) + log R(|x|) with the Mills ratio R from Laplace's
    /// continued fraction R(t) = 1/(t+ 1/(t+ 2/(t+ 3/(t+ …)))) (Abramowitz & Stegun 26.2.14).
    public static func logCDF(_ x: Double) -> Double {
        logSF(-x)
    }

    /// log(1 − Φ(x)), finite for every finite x. Same method as ``logCDF(_:)``.
    public static func logSF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 { return Foundation.log1p(-sf(-x)) }
        let tail = sf(x)
        if tail >= 1e-300 { return Foundation.log(tail) }
        if x == .infinity { return -.infinity }
        return logPDF(x) + Foundation.log(millsRatio(x))
    }

    /// Mills ratio (1 − Φ(t))/φ(t) for t ≥ 30 by the modified Lentz method.
    private static func millsRatio(_ t: Double) -> Double {
        let result = ContinuedFraction.value(start: (f: t, c: t, d: 0), terms: 1000) { k in (a: k, b: t) }
        return 1 / result
    }

    /// The quantile function Φ⁻¹(p): the x with Φ(x) = p, for 0 ≤ p ≤ 1.
    ///
    /// Wichura's algorithm AS 241 (PPND16; Applied Statistics 37, 477–484, 1988), accurate to
    /// about 1 part in 10¹⁶, followed in the tails (|p − ½| > 0.425) by one Newton step on
    /// log Φ(x) − log p using ``logCDF(_:)``. Returns −∞ for p = 0, +∞ for p = 1 and `.nan`
    /// outside [0, 1]. Worst relative error 4e-16 against mpmath for p from 1e-300 to
    /// 1 − 1e-16.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if abs(p - 0.5) <= 0.425 { return wichura(p) }
        if p < 0.5 { return refinedLowerTail(p) }
        return -refinedLowerTail(1 - p)
    }

    /// The upper quantile: the x with 1 − Φ(x) = q, for 0 ≤ q ≤ 1. Equal to −Φ⁻¹(q), so small
    /// upper-tail probabilities keep full accuracy. Same method as ``quantile(_:)``.
    public static func complementaryQuantile(_ q: Double) -> Double {
        -quantile(q)
    }

    /// The two-sided critical value z = Φ⁻¹(1 − α/2) for a confidence level 1 − α in (0, 1):
    /// 1.959963984540054 at 95%, 2.5758293035489004 at 99%.
    ///
    /// Computed as the upper quantile of α/2 (``complementaryQuantile(_:)``), so that levels close
    /// to 1 keep full accuracy; accuracy as ``quantile(_:)``. `.nan` outside [0, 1]; 0 at a level of
    /// 0 and +∞ at 1. The one place every interval, test and sample size takes its z from.
    public static func twoSidedCriticalValue(confidence: Double) -> Double {
        complementaryQuantile((1 - confidence) / 2)
    }

    /// Lower-tail quantile for p < 0.075, AS 241 refined by one Newton step in log space.
    private static func refinedLowerTail(_ p: Double) -> Double {
        let start = wichura(p)
        let logP = logCDF(start)
        let residual = SpecialFunctions.logResidual(
            tail: cdf(start), logTail: logP, target: p, logTarget: Foundation.log(p))
        // d log Φ / dx = φ(x)/Φ(x).
        let slope = Foundation.exp(logPDF(start) - logP)
        let step = residual / slope
        return step.isFinite ? start - step : start
    }

    /// Wichura's AS 241 rational approximations (PPND16).
    private static func wichura(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = ((((((((2.509_080_928_730_122_672_7e3 * r
                + 3.343_057_558_358_812_810_5e4) * r
                + 6.726_577_092_700_870_085_3e4) * r
                + 4.592_195_393_154_987_145_7e4) * r
                + 1.373_169_376_550_946_112_5e4) * r
                + 1.971_590_950_306_551_442_7e3) * r
                + 1.331_416_678_917_843_774_5e2) * r
                + 3.387_132_872_796_366_608_0))
            let denominator = ((((((((5.226_495_278_852_854_561_0e3 * r
                + 2.872_908_573_572_194_267_4e4) * r
                + 3.930_789_580_009_271_061_0e4) * r
                + 2.121_379_430_158_659_586_7e4) * r
                + 5.394_196_021_424_751_107_7e3) * r
                + 6.871_870_074_920_579_083_0e2) * r
                + 4.231_333_070_160_091_125_2e1) * r
                + 1.0))
            return q * numerator / denominator
        }
        var r = q < 0 ? p : 1 - p
        r = Foundation.sqrt(-Foundation.log(r))
        let value: Double
        if r <= 5 {
            r -= 1.6
            let numerator = ((((((((7.745_450_142_783_414_076_40e-4 * r
                + 2.272_384_498_926_918_458_33e-2) * r
                + 2.417_807_251_774_506_117_70e-1) * r
                + 1.270_458_252_452_368_382_58) * r
                + 3.647_848_324_763_204_605_04) * r
                + 5.769_497_221_460_691_405_50) * r
                + 4.630_337_846_156_545_295_90) * r
                + 1.423_437_110_749_683_577_34))
            let denominator = ((((((((1.050_750_071_644_416_843_24e-9 * r
                + 5.475_938_084_995_344_946_00e-4) * r
                + 1.519_866_656_361_645_719_66e-2) * r
                + 1.481_039_764_274_800_745_90e-1) * r
                + 6.897_673_349_851_000_045_50e-1) * r
                + 1.676_384_830_183_803_849_40) * r
                + 2.053_191_626_637_758_821_87) * r
                + 1.0))
            value = numerator / denominator
        } else {
            r -= 5
            let numerator = ((((((((2.010_334_399_292_288_132_65e-7 * r
                + 2.711_555_568_743_487_578_15e-5) * r
                + 1.242_660_947_388_078_438_60e-3) * r
                + 2.653_218_952_657_612_309_30e-2) * r
                + 2.965_605_718_285_048_912_30e-1) * r
                + 1.784_826_539_917_291_335_80) * r
                + 5.463_784_911_164_114_369_90) * r
                + 6.657_904_643_501_103_777_20))
            let denominator = ((((((((2.044_263_103_389_939_785_64e-15 * r
                + 1.421_511_758_316_445_888_70e-7) * r
                + 1.846_318_317_510_054_681_80e-5) * r
                + 7.868_691_311_456_132_591_00e-4) * r
                + 1.487_536_129_085_061_485_25e-2) * r
                + 1.369_298_809_227_358_053_10e-1) * r
                + 5.998_322_065_558_879_376_90e-1) * r
                + 1.0))
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }
}
