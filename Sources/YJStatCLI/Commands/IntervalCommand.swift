import ArgumentParsing
import YJStat

/// `yjstat interval`: confidence intervals for a proportion k of n.
enum IntervalCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "interval",
        abstract: "Confidence interval for a proportion (k yes of n), by one method or all side by side.",
        discussion: """
        Methods: wald, wilson, wilson-cc (Newcombe 1998 method 4), agresti-coull, jeffreys,
        clopper-pearson, mid-p; for a sample drawn from a finite population of N cases also
        hypergeometric (exact) and fpc-wald (Wald with the 1 - n/N correction), which need
        --population. 'all' lists every method that applies. CSV and JSON give proportions in [0, 1].
        """,
        examples: [
            "yjstat interval --yes 11 --of 17",
            "yjstat interval --yes 3 --of 4 --population 5 --method all --confidence 0.8",
            "yjstat interval --yes 0 --of 12 --method clopper-pearson --format json",
        ],
        options: [yes.spec, of.spec, confidence.spec, method.spec, population.spec] + CommonOptions.formatAndOutput)

    static let yes = Option<Int>.count("yes", "k", help: "Number of yes (success) cases.", minimum: nil, required: true)
    static let of = Option<Int>.count("of", "n", help: "Number of relevant cases (trials).", minimum: nil, required: true)
    static let confidence = Option<Double>("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: 0.95)
    static let method = Option<MethodChoice>("method", "method", help: "Interval method, or 'all'.", default: .one(.wilson))
    static let population = Option<Int>.count("population", "N", help: "Size of the finite population the cases were sampled from.",
                                              minimum: nil)

    /// `--method`: one interval method, or every method that applies.
    enum MethodChoice: OptionValue, Equatable {
        /// One method.
        case one(IntervalMethod)
        /// Every method that applies (those needing a population only when one is given).
        case all

        static func parse(_ text: String, option name: String) throws -> MethodChoice {
            if text == "all" { return .all }
            guard let method = IntervalMethod(rawValue: text) else { throw UsageError("--\(name) has no value '\(text)'") }
            return .one(method)
        }

        var optionText: String {
            switch self {
            case .one(let method): return method.rawValue
            case .all: return "all"
            }
        }

        static var choices: [String]? { IntervalMethod.allCases.map(\.rawValue) + ["all"] }
    }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let k = try arguments.required(yes)
        let n = try arguments.required(of)
        let confidence = try arguments.required(Self.confidence)
        let population = try arguments.value(Self.population)
        guard n >= 1 else { throw UsageError("--of must be at least 1; got \(n)") }
        guard k >= 0 else { throw UsageError("--yes must not be negative; got \(k)") }
        guard k <= n else { throw UsageError("--yes (\(k)) is more than --of (\(n))") }
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        if let population, population < n {
            throw UsageError("--population (\(population)) is smaller than the sample --of (\(n))")
        }
        let methods: [IntervalMethod]
        switch try arguments.required(method) {
        case .all:
            methods = IntervalMethod.allCases.filter { !$0.needsPopulation || population != nil }
        case .one(let method):
            if method.needsPopulation && population == nil {
                throw UsageError("--method \(method.rawValue) needs --population")
            }
            methods = [method]
        }
        let intervals = try methods.map {
            try ProportionInterval.compute($0, successes: k, trials: n, confidence: confidence, population: population)
        }
        try output.write(rows: intervals.map(\.resultRow)) { ProportionInterval.textTable(intervals) }
        return .success
    }
}
