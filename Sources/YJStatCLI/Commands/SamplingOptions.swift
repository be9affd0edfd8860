import ArgumentParsing
import YJStat

/// Options and argument handling shared by the sampling subcommands.
enum SamplingOptions {
    static let confidence = OptionSpec.value("confidence", "C", help: "Two-sided confidence level in (0, 1).", default: "0.8")
    static let margin = OptionSpec.value("margin", "E", help: "Margin of error as a proportion in (0, 1): 0.05 is five points.", default: "0.05")
    static let proportion = OptionSpec.value("proportion", "P", help: "Planning proportion in (0, 1); 0.5 is the worst case.", default: "0.5")
    static let population = OptionSpec.value("population", "N", help: "Eligible population size (omit for an infinite population).")
    static let correction = OptionSpec.value("correction", "form", help: "Finite population correction form.", default: "cochran-a",
                                             choices: FinitePopulationCorrection.allCases.map(\.rawValue))
    static let rounding = OptionSpec.value("rounding", "rule", help: "Rounding of the sample size.", default: "up",
                                           choices: SampleSizeRounding.allCases.map(\.rawValue))

    /// The precision target from --confidence, --margin, --proportion.
    static func target(_ arguments: ParsedArguments) throws -> PrecisionTarget {
        let confidence = try arguments.requiredDouble("confidence")
        let margin = try arguments.requiredDouble("margin")
        let proportion = try arguments.requiredDouble("proportion")
        return try flagged("") { try PrecisionTarget(confidence: confidence, margin: margin, proportion: proportion) }
    }

    /// A whole-number option that must be at least `minimum`.
    static func count(_ arguments: ParsedArguments, _ name: String, minimum: Int = 1) throws -> Int? {
        guard let value = try arguments.count(name) else { return nil }
        guard value >= minimum else { throw UsageError("--\(name) must be at least \(minimum); got \(value)") }
        return value
    }

    /// --sample n checked against --population N.
    static func sample(_ arguments: ParsedArguments, population: Int?) throws -> Int {
        guard let n = try count(arguments, "sample") else { throw UsageError("missing required option --sample <n>") }
        if let population, n > population {
            throw UsageError("--sample (\(n)) is more than --population (\(population))")
        }
        return n
    }

    /// Runs a library call of `command`, turning an ``InvalidArgumentError`` into a usage error
    /// that names the flag that supplied the value (``ParameterFlags``; by default --parameter).
    static func flagged<T>(_ command: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InvalidArgumentError {
            throw UsageError("\(ParameterFlags.flag(for: error.parameter, in: command) ?? "--" + error.parameter.rawValue) \(error.message)")
        }
    }

    /// Writes a JSON object for --format json, rows for csv, or text.
    static func write(_ output: CommandOutput, json: () -> JSONValue, rows: () -> [ResultRow], text: () -> String) throws {
        switch output.format {
        case .json: try output.write(JSONWriter.render(json()))
        case .csv: try output.write(CSVWriter.render(rows: rows()))
        case .text: try output.write(text())
        }
    }
}
