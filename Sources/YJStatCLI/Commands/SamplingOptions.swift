import ArgumentParsing
import YJStat

extension FinitePopulationCorrection: ChoiceOptionValue {}
extension SampleSizeRounding: ChoiceOptionValue {}
extension OutOfCourtRule: ChoiceOptionValue {}
extension BandPrior: ChoiceOptionValue {}

/// Options and argument handling shared by the sampling subcommands.
enum SamplingOptions {
    static let confidence = Option<Double>("confidence", "C", help: "Two-sided confidence level in (0, 1).", default: 0.8)
    static let margin = Option<Double>("margin", "E", help: "Margin of error as a proportion in (0, 1): 0.05 is five points.", default: 0.05)
    static let proportion = Option<Double>("proportion", "P", help: "Planning proportion in (0, 1); 0.5 is the worst case.", default: 0.5)
    static let population = Option<Int>.count("population", "N", help: "Eligible population size (omit for an infinite population).")
    static let correction = Option<FinitePopulationCorrection>("correction", "form", help: "Finite population correction form.",
                                                               default: .cochranA)
    static let rounding = Option<SampleSizeRounding>("rounding", "rule", help: "Rounding of the sample size.", default: .up)

    /// The precision target from --confidence, --margin, --proportion.
    static func target(_ arguments: ParsedArguments) throws -> PrecisionTarget {
        let confidence = try arguments.required(Self.confidence)
        let margin = try arguments.required(Self.margin)
        let proportion = try arguments.required(Self.proportion)
        return try PrecisionTarget(confidence: confidence, margin: margin, proportion: proportion)
    }

    /// The sample size `sample` read and checked against the population N.
    static func sample(_ arguments: ParsedArguments, _ sample: Option<Int>, population: Int?) throws -> Int {
        let n = try arguments.required(sample)
        if let population, n > population {
            throw UsageError("--\(sample.name) (\(n)) is more than --population (\(population))")
        }
        return n
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
