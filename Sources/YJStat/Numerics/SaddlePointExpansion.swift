import Foundation

/// Loader's saddle-point building blocks for binomial, Poisson, beta and gamma densities.
///
/// Catherine Loader (2000), "Fast and accurate computation of binomial probabilities",
/// writes the binomial probability as
///
///     b(x; n, p) = exp(δ(n) − δ(x) − δ(n−x) − D(x, np) − D(n−x, nq)) · √(n / (2π x (n−x)))
///
/// where `δ` is the Stirling-series remainder (`stirlingError`) and `D` the deviance term
/// (`deviance`, "bd0"). Every ingredient is small or computed without cancellation, so the
/// result keeps a relative error of a few ulps even when `n` is in the millions and the
/// probability is far in a tail, where `exp(log C(n,x) + x log p + (n−x) log q)` would lose
/// `|x log p|·ε`. The same kernel gives the beta density prefactor `xᵃ(1−x)ᵇ/B(a,b)` and the
/// gamma prefactor `xᵃe⁻ˣ/Γ(a+1)` for real arguments.
enum SaddlePointExpansion {
    /// `log √(2π)`.
    static let logSqrtTwoPi = 0.918_938_533_204_672_741_78

    /// δ(k/2) for k = 1…30, computed with mpmath at 40 significant digits from
    /// `lgamma(n+1) − (n+½) log n + n − log √(2π)`.
    private static let halfIntegerTable: [Double] = [
        0.153_426_409_720_027_345_29, // n = 0.5
        0.081_061_466_795_327_258_22, // n = 1
        0.054_814_121_051_917_653_896, // n = 1.5
        0.041_340_695_955_409_294_094, // n = 2
        0.033_162_873_519_936_287_485, // n = 2.5
        0.027_677_925_684_998_339_149, // n = 3
        0.023_746_163_656_297_495_971, // n = 3.5
        0.020_790_672_103_765_093_112, // n = 4
        0.018_488_450_532_673_185_231, // n = 4.5
        0.016_644_691_189_821_192_163, // n = 5
        0.015_134_973_221_917_378_874, // n = 5.5
        0.013_876_128_823_070_747_999, // n = 6
        0.012_810_465_242_920_226_924, // n = 6.5
        0.011_896_709_945_891_770_095, // n = 7
        0.011_104_559_758_206_917_327, // n = 7.5
        0.010_411_265_261_972_096_497, // n = 8
        0.009_799_416_126_158_803_298_4, // n = 8.5
        0.009_255_462_182_712_732_917_7, // n = 9
        0.008_768_700_134_139_385_463, // n = 9.5
        0.008_330_563_433_362_871_256_5, // n = 10
        0.007_934_114_564_314_020_547_2, // n = 10.5
        0.007_573_675_487_951_840_795, // n = 11
        0.007_244_554_301_320_383_179_5, // n = 11.5
        0.006_942_840_107_209_529_865_7, // n = 12
        0.006_665_247_032_707_682_442_4, // n = 12.5
        0.006_408_994_188_004_207_068_4, // n = 13
        0.006_171_712_263_039_457_647_5, // n = 13.5
        0.005_951_370_112_758_847_735_6, // n = 14
        0.005_746_216_513_010_115_682, // n = 14.5
        0.005_554_733_551_962_801_371, // n = 15
    ]

    /// Stirling-series remainder δ(n) = log Γ(n+1) − (n+½) log n + n − log √(2π), for n > 0.
    ///
    /// Half-integers up to 15 come from a table; n > 15 uses the asymptotic series
    /// Σ B₂ₖ / (2k(2k−1) n^(2k−1)) to k = 7 (truncation below 1e-19); other n ≤ 15 climb to
    /// n > 15 with δ(n) = δ(n+1) + (n+½) log1p(1/n) − 1, which adds only an absolute error of a
    /// few ulps per step. Absolute error below 1e-18 for integers and half-integers and n > 15,
    /// and a few ulps of max(1, |δ(n)|) otherwise (δ(n) ≈ −½ log n as n → 0).
    static func stirlingError(_ n: Double) -> Double {
        if n > 15 {
            let inverse = 1 / n
            let inverseSquared = inverse * inverse
            // Coefficients B₂ₖ/(2k(2k−1)): 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156.
            var series = 1.0 / 156.0
            series = -691.0 / 360_360.0 + inverseSquared * series
            series = 1.0 / 1188.0 + inverseSquared * series
            series = -1.0 / 1680.0 + inverseSquared * series
            series = 1.0 / 1260.0 + inverseSquared * series
            series = -1.0 / 360.0 + inverseSquared * series
            series = 1.0 / 12.0 + inverseSquared * series
            return series * inverse
        }
        let twice = 2 * n
        if twice == twice.rounded(), twice >= 1 {
            return halfIntegerTable[Int(twice) - 1]
        }
        var m = n
        var correction = 0.0
        while m <= 15 {
            correction += (m + 0.5) * Foundation.log1p(1 / m) - 1
            m += 1
        }
        return stirlingError(m) + correction
    }

    /// log √(2π) as a double-double.
    static let logSqrtTwoPiExtended = DoubleDouble(0.918_938_533_204_672_7, -3.878_294_158_067_241_4e-17)

    /// Deviance term D(x, M) = x log(x/M) + M − x ≥ 0 ("bd0"), for x ≥ 0 and M > 0, in
    /// double-double arithmetic.
    ///
    /// When |x − M| < ½(x + M) the series D = (x − M)v + 2x Σ v^(2j+1)/(2j+1) with
    /// v = (x − M)/(x + M) is used: every term has the sign of the first, so there is no
    /// cancellation (Loader 2000, §2). Otherwise the direct formula cancels by at most a factor
    /// of about 3 and uses a double-double logarithm. Carrying both in double-double keeps the
    /// absolute error near 1e-17 for deviances up to several hundred, which is what e^(−D) needs
    /// to stay accurate to a few ulps down to 1e-300 (a plain double D would already lose
    /// |D|·ε ≈ 1.5e-13 there).
    static func deviance(_ x: Double, _ mean: DoubleDouble) -> DoubleDouble {
        if x == 0 { return mean }
        let xx = DoubleDouble(x)
        let difference = xx - mean
        let total = xx + mean
        if abs(difference.high) < 0.5 * total.high {
            let v = difference / total
            var sum = difference * v
            let vSquared = v * v
            var power = DoubleDouble(2 * x) * v
            var j = 1.0
            while j < 400 {
                power = power * vSquared
                let term = power / DoubleDouble(2 * j + 1)
                sum = sum + term
                if abs(term.high) <= 1e-20 + 1e-32 * abs(sum.high) { break }
                j += 1
            }
            return sum
        }
        return xx * DoubleDouble.log(xx / mean) + mean - xx
    }

    /// Logarithm of the binomial kernel C(n, x) pˣ qʸ for real x, y ≥ 0 with n = x + y, written
    /// through the means np = `meanX` and nq = `meanY` carried in double-double. For
    /// non-integer x and y, C(n, x) means Γ(n+1)/(Γ(x+1)Γ(y+1)). Loader (2000), `dbinom_raw`:
    /// δ(n) − δ(x) − δ(y) − D(x, np) − D(y, nq) + ½ log(n/(2πxy)).
    static func logBinomialKernel(
        x: Double,
        y: Double,
        n: Double,
        meanX: DoubleDouble,
        meanY: DoubleDouble
    ) -> DoubleDouble {
        if x == 0 && y == 0 { return DoubleDouble(0) }
        if x == 0 {
            if meanY.high == 0 { return DoubleDouble(-.infinity) }
            // qⁿ = exp(−D(n, nq) − np).
            return -(deviance(y, meanY) + meanX)
        }
        if y == 0 {
            if meanX.high == 0 { return DoubleDouble(-.infinity) }
            return -(deviance(x, meanX) + meanY)
        }
        if meanX.high == 0 || meanY.high == 0 { return DoubleDouble(-.infinity) }
        let stirling = stirlingError(n) - stirlingError(x) - stirlingError(y)
        let deviances = deviance(x, meanX) + deviance(y, meanY)
        let ratio = DoubleDouble(n) / (DoubleDouble(x) * DoubleDouble(y))
        let logRoot = DoubleDouble(0.5) * DoubleDouble.log(ratio) - logSqrtTwoPiExtended
        return (logRoot - deviances) + DoubleDouble(stirling)
    }

    /// Logarithm of the binomial probability C(n, k) pᵏ (1−p)ⁿ⁻ᵏ for integers 0 ≤ k ≤ n and
    /// 0 ≤ p ≤ 1, with n·p and n·(1−p) carried exactly.
    static func logBinomialProbability(_ k: Double, trials n: Double, probability p: Double) -> DoubleDouble {
        let product = ErrorFreeArithmetic.twoProduct(n, p)
        let meanX = DoubleDouble.normalized(product.product, product.error)
        let meanY = DoubleDouble(n) - meanX
        return logBinomialKernel(x: k, y: n - k, n: n, meanX: meanX, meanY: meanY)
    }

    /// Logarithm of the Poisson kernel λˣ e^(−λ) / Γ(x+1) for real x ≥ 0 and λ ≥ 0:
    /// −δ(x) − D(x, λ) − ½ log(2πx) (Loader 2000, `dpois_raw`).
    static func logPoissonKernel(_ x: Double, mean lambda: Double) -> DoubleDouble {
        if lambda == 0 { return DoubleDouble(x == 0 ? 0 : -.infinity) }
        if x == 0 { return DoubleDouble(-lambda) }
        let logRoot = DoubleDouble(0.5) * DoubleDouble.log(DoubleDouble(x)) + logSqrtTwoPiExtended
        return -(deviance(x, DoubleDouble(lambda)) + logRoot) - DoubleDouble(stirlingError(x))
    }

    /// e^a for a double-double exponent: e^high · (1 + low), accurate to about one ulp while
    /// the result is a normal number.
    @inline(__always)
    static func exp(_ a: DoubleDouble) -> Double {
        if a.high == -.infinity { return 0 }
        return Foundation.exp(a.high) * (1 + a.low)
    }
}

/// `log(1 − eˣ)` for x ≤ 0 without cancellation (Mächler 2012, "Accurately computing
/// log(1 − exp(−|a|))").
@inline(__always)
func logOneMinusExp(_ x: Double) -> Double {
    x > -0.693_147_180_559_945_3 ? Foundation.log(-Foundation.expm1(x)) : Foundation.log1p(-Foundation.exp(x))
}
