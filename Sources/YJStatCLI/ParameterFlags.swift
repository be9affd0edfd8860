import YJStat

/// The one map from library parameters to command-line flags (issue 14). Library errors name a
/// ``Parameter`` (``InvalidArgumentError``) and never a flag; every command reports them through
/// here, against the flag that supplied the value. Library output texts (methods, notes,
/// warnings, board-pack paragraphs) mention parameters the same way; ``CommandOutput`` and
/// ``CLI/printError(_:)`` write every mention as its flag here.
enum ParameterFlags {
    /// Parameters that come from the same flag in every command that has it.
    static let common: [Parameter: String] = [
        .stages: "--stages",
        .unknownLabel: "--unknown",
        .reference: "--reference",
        .filter: "--where",
        .confidence: "--confidence",
        .suppressBelow: "--suppress-below",
        .suppressionReport: "--suppression-report",
        .national: "--national",
        .html: "--html",
        .populationFile: "--population",
        "trim": "--trim",
        "target": "--target",
        .populationStage: "--population-stage",
        .groupColumn: "--group-column",
    ]

    /// The sampling commands' parameters: the library's argument names are their flags.
    static let sampling: [Parameter: String] = ["margin": "--margin", "proportion": "--proportion", "sample": "--sample",
                                                "population": "--population"]

    /// Per command, parameters whose flag has another name there (or that only it has).
    static let byCommand: [String: [Parameter: String]] = [
        "sample-size": sampling, "margin": sampling, "audit-sample": sampling,
        "compare": [
            "mean": "--reference", "reference": "--reference", "probability": "--reference", "fraction": "--reference",
            "count": "--numerator", "successes": "--numerator", "numerator": "--numerator",
            "population": "--denominator", "trials": "--denominator", "denominator": "--denominator",
            "per": "--per", "units": "--per", "interval": "--method", "percent": "--percent",
        ],
        "funnel": [.per: "--per", "scale": "--overdispersion-scale"],
        "representation": [
            "servicePercent": "--service-percent", "comparatorPercent": "--comparator-percent",
            .serviceTotal: "--total", .comparatorTotal: "--comparator-total",
        ],
        "design-risk": sampling.merging(["trueProportion": "--true-proportion"]) { $1 },
        "plan": ["courtPopulation": "--court-population", "outOfCourtPopulation": "--ooc-population",
                 "margin": "--margin", "proportion": "--proportion"],
        "band-confidence": sampling.merging(["successes": "--yes", "sample": "--of"]) { $1 },
        "standardise": [.per: "--per"],
        "allocate": ["strata": "--strata", "sample": "--sample", "minimum": "--minimum"],
        "model": [.among: "--among", .terms: "--terms", .termReference: "--reference", .firth: "--firth"],
    ]

    /// The flag that supplies `parameter` in `command`, if the command has one.
    static func flag(for parameter: Parameter, in command: String) -> String? {
        byCommand[command]?[parameter] ?? common[parameter]
    }

    /// The error as the user sees it: `file: --flag: message`, the file left out when the value
    /// was not checked against one, and the parameter's own name when no flag supplies it.
    static func message(_ error: InvalidArgumentError, in command: String) -> String {
        (error.file.map { "\($0): " } ?? "") + "\(flag(for: error.parameter, in: command) ?? error.parameter.rawValue): \(resolving(error.message, in: command))"
    }

    /// A library message with every parameter it mentions (``Parameter/mention``) written as
    /// the flag that sets it in `command` (or in the library's words when none does).
    static func resolving(_ text: String, in command: String) -> String {
        Parameter.resolvingMentions(in: text) { flag(for: $0, in: command) ?? "`\($0.rawValue)`" }
    }

    /// An input error as the user sees it: `file:line:column: message`, parameters as flags.
    static func message(_ error: InputError, in command: String) -> String {
        var shown = error
        shown.message = resolving(error.message, in: command)
        return shown.description
    }
}
