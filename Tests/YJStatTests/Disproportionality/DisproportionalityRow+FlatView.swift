@testable import YJStat

/// The row's measures as plain numbers, NaN where a measure is not computed or hidden — what the
/// wide table prints — so that assertions read as the columns do. Test support only: the library
/// keeps the typed values (``TableRatio``, ``Composition``, ``UnknownEthnicityBounds``…).
extension DisproportionalityRow {
    var rriLower: Double { rri?.lower ?? .nan }
    var rriUpper: Double { rri?.upper ?? .nan }
    var rriCorrected: Double { rri?.corrected ?? .nan }
    var cumulativeRRI: Double { cumulative?.ratio ?? .nan }
    var cumulativeLower: Double { cumulative?.lower ?? .nan }
    var cumulativeUpper: Double { cumulative?.upper ?? .nan }
    var cumulativeCorrected: Double { cumulative?.corrected ?? .nan }
    var sampleOddsRatio: Double { oddsRatio?.ratio ?? .nan }
    var orLower: Double { oddsRatio?.lower ?? .nan }
    var orUpper: Double { oddsRatio?.upper ?? .nan }
    var orCorrected: Double { oddsRatio?.corrected ?? .nan }
    var orMethod: String { oddsRatio?.method.rawValue ?? "none" }
    var orExact: Double { exactOddsRatio?.estimate ?? .nan }
    var orExactLower: Double { exactOddsRatio?.lower ?? .nan }
    var orExactUpper: Double { exactOddsRatio?.upper ?? .nan }
    var stageShare: Double { composition?.stageShare.estimate ?? .nan }
    var stageShareLower: Double { composition?.stageShare.lower ?? .nan }
    var stageShareUpper: Double { composition?.stageShare.upper ?? .nan }
    var baseShare: Double { composition?.baseShare.estimate ?? .nan }
    var baseShareLower: Double { composition?.baseShare.lower ?? .nan }
    var baseShareUpper: Double { composition?.baseShare.upper ?? .nan }
    var shareDifference: Double { composition?.differencePoints.estimate ?? .nan }
    var shareDifferenceLower: Double { composition?.differencePoints.lower ?? .nan }
    var shareDifferenceUpper: Double { composition?.differencePoints.upper ?? .nan }
    var shareRatio: Double { composition?.rawRatio ?? .nan }
    var shareRatioLower: Double { composition?.ratio.lower ?? .nan }
    var shareRatioUpper: Double { composition?.ratio.upper ?? .nan }
    var shareRatioCorrected: Double { composition?.ratio.estimate ?? .nan }
    var shareRatioMethod: String { composition?.ratio.method.rawValue ?? (partlyHidden.contains(.shares) ? "suppressed" : "none") }
    var excessEstimate: Double { excess?.estimate ?? .nan }
    var excessLower: Double { excess?.lower ?? .nan }
    var excessUpper: Double { excess?.upper ?? .nan }
    var rateUnknownUpper: Double { unknownBounds.map { $0.rateAllInGroup * rateUnit } ?? .nan }
    var rateRedistributed: Double { unknownBounds.map { $0.rateRedistributed * rateUnit } ?? .nan }
    var rriUnknownLower: Double { unknownBounds?.lower ?? .nan }
    var rriUnknownUpper: Double { unknownBounds?.upper ?? .nan }
    var mhRiskRatio: Double { stratified?.pooled?.riskRatio.estimate ?? .nan }
    var mhRiskRatioLower: Double { stratified?.pooled?.riskRatio.lower ?? .nan }
    var mhRiskRatioUpper: Double { stratified?.pooled?.riskRatio.upper ?? .nan }
    var mhOddsRatio: Double { stratified?.pooled?.oddsRatio.estimate ?? .nan }
    var mhOddsRatioLower: Double { stratified?.pooled?.oddsRatio.lower ?? .nan }
    var mhOddsRatioUpper: Double { stratified?.pooled?.oddsRatio.upper ?? .nan }
    var cmhPValue: Double { stratified?.pooled?.cmhPValue ?? .nan }
    var breslowDayPValue: Double { stratified?.pooled?.breslowDayPValue ?? .nan }
    var breslowDayStatistic: Double { stratified?.pooled?.breslowDayStatistic ?? .nan }
    var breslowDayDegreesOfFreedom: Int? { stratified?.pooled?.breslowDayDegreesOfFreedom }
    var stratumLabels: [String] { stratified?.labels ?? [] }
    var stratumRiskRatios: [Double] { stratified?.stratumRiskRatios ?? [] }
    var uninformativeStrata: [String] { stratified?.uninformativeStrata ?? [] }
    var sparseStrata: Bool { stratified?.sparse ?? false }
}
