import ArgumentParsing
import YJStat

extension BaseMode: ChoiceOptionValue {}
extension ZeroCellRule: ChoiceOptionValue {}
extension MalformedRowPolicy: ChoiceOptionValue {}
extension CountRounding.Method: ChoiceOptionValue {}

/// The analysis options that `disproportionality` and `board` share, as each command declares
/// them: `board` words some help differently and leaves out the ones it does not offer (nil
/// here; those keep the library's defaults).
struct DisproportionalityArguments: Sendable {
    /// `--confidence`.
    var confidence = Self.sharedConfidence
    /// `--min-count`.
    var minimumCount: Option<Int>
    /// `--min-base`.
    var minimumBase: Option<Int>
    /// `--suppress-below`.
    var suppressBelow: Option<Int>
    /// `--reference`.
    var reference = Self.sharedReference
    /// `--stages`.
    var stages = Self.sharedStages
    /// `--suppression-report`.
    var suppressionReport: Flag?
    /// `--round-to`.
    var roundTo: Option<Int>?
    /// `--rounding`.
    var rounding: Option<CountRounding.Method>?
    /// `--seed`.
    var seed: Option<Int>?
    /// `--base`.
    var base: Option<BaseMode>?
    /// `--zero-cell`.
    var zeroCell: Option<ZeroCellRule>?
    /// `--interval`.
    var interval: Option<RRIInterval>?

    /// `--interval`: the RRI interval method.
    enum RRIInterval: String, CaseIterable, ChoiceOptionValue {
        /// Katz log interval.
        case katz
        /// Koopman score interval.
        case koopman

        /// The library's method.
        var method: RatioIntervalMethod {
            switch self {
            case .katz: .katz
            case .koopman: .koopman
            }
        }
    }

    static let sharedConfidence = Option<Double>("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: 0.95)
    static let sharedReference = Option<String>("reference", "group",
                                                help: "Reference group, or 'rest' for all other known groups combined (default White).")
    static let sharedStages = Option<[String]>("stages", "a,b,c", help: "Stages to report, in order (default: order of first appearance).")
    /// `--population-stage`, the same in both commands.
    static let populationStage = Option<String>("population-stage", "name", help: "Name of the population stage.", default: "population")
    /// `--unknown`, the same in both commands.
    static let unknown = Option<String>("unknown", "label", help: "Label of the unknown-ethnicity group.")

    /// The stages given (`--stages`, empty items dropped), or nil.
    func stages(_ arguments: ParsedArguments) throws -> [String]? {
        try arguments.value(stages)?.filter { !$0.isEmpty }
    }

    /// The analysis options read from the declared flags.
    func analysisOptions(_ arguments: ParsedArguments) throws -> DisproportionalityOptions {
        let confidence = try arguments.required(confidence)
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let minimumCount = try arguments.required(minimumCount)
        let minimumBase = try arguments.required(minimumBase)
        guard minimumCount >= 0 else { throw UsageError("--min-count must not be negative; got \(minimumCount)") }
        guard minimumBase >= 0 else { throw UsageError("--min-base must not be negative; got \(minimumBase)") }
        let suppressBelow = try arguments.value(suppressBelow)
        if let suppressBelow, suppressBelow < 2 {
            throw UsageError("--suppress-below must be at least 2 (it hides counts from 1 to k-1); got \(suppressBelow)")
        }
        if let suppressionReport, arguments.isSet(suppressionReport), suppressBelow == nil {
            throw UsageError("--suppression-report goes with --suppress-below K")
        }
        var countRounding: CountRounding? = nil
        if let roundTo, let base = try arguments.value(roundTo) {
            guard base >= 2 else { throw UsageError("--round-to must be at least 2; got \(base)") }
            guard suppressBelow == nil else { throw UsageError("give either --suppress-below or --round-to, not both") }
            let method = try rounding.flatMap { try arguments.value($0) } ?? .conventional
            let seed = try self.seed.flatMap { try arguments.value($0) } ?? 1
            guard seed >= 0 else { throw UsageError("--seed must not be negative; got \(seed)") }
            countRounding = try CountRounding(base: base, method: method, seed: UInt64(seed))
        } else {
            if let rounding, arguments.wasGiven(rounding) { throw UsageError("--\(rounding.name) goes with --round-to") }
            if let seed, arguments.wasGiven(seed) { throw UsageError("--\(seed.name) goes with --round-to") }
        }
        let reference: ReferenceChoice? = try arguments.value(reference).map { $0 == "rest" ? .rest : .group($0) }
        if let stages = try stages(arguments), stages.isEmpty { throw UsageError("--stages needs at least one stage name") }
        return DisproportionalityOptions(
            reference: reference, base: try base.flatMap { try arguments.value($0) } ?? .population, confidence: confidence,
            rriInterval: try interval.flatMap { try arguments.value($0) }?.method ?? .katz,
            zeroCell: try zeroCell.flatMap { try arguments.value($0) } ?? .exact,
            minimumCount: minimumCount, minimumBase: minimumBase, suppressBelow: suppressBelow, rounding: countRounding)
    }
}
