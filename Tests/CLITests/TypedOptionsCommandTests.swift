import Foundation
import Testing

/// The typed option declarations of the commands converted in issue 14 (disproportionality,
/// board, funnel, model, aggregate, compare, extract, representation, summary): a choice outside
/// the declared enum is refused with the nearest suggested, a required option is named with its
/// placeholder, a default is declared once (giving it explicitly changes nothing), and choices
/// that belong to another measure are refused naming both.
@Suite("Typed options of the commands")
struct TypedOptionsCommandTests {
    static let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path
    static let services = repositoryRoot.appendingPathComponent("Datasets/examples/services.csv").path

    @Test(arguments: [
        (["disproportionality", "--counts", "c.csv", "--interval", "kopman"],
         "--interval must be one of katz, koopman; got 'kopman' (did you mean 'koopman'?)"),
        (["disproportionality", "--counts", "c.csv", "--zero-cell", "haldan"],
         "--zero-cell must be one of exact, haldane, none; got 'haldan' (did you mean 'haldane'?)"),
        (["disproportionality", "--counts", "c.csv", "--base", "previus"], "--base must be one of population, previous; got 'previus' (did you mean 'previous'?)"),
        (["disproportionality", "--counts", "c.csv", "--on-error", "skp"], "--on-error must be one of stop, skip; got 'skp' (did you mean 'skip'?)"),
        (["disproportionality", "--counts", "c.csv", "--precision", "ful"], "--precision must be one of rounded, full; got 'ful' (did you mean 'full'?)"),
        (["board", "--counts", "c.csv", "--format", "markdown"], "--format must be one of text, csv, json; got 'markdown'"),
        (["funnel", "--data", "s.csv", "--measure", "proportoin"],
         "--measure must be one of proportion, rate, ratio; got 'proportoin' (did you mean 'proportion'?)"),
        (["funnel", "--data", "s.csv", "--trim-method", "winsorize"], "(did you mean 'winsorise'?)"),
        (["compare", "--denominator", "3", "--method", "wilsn"],
         "--method must be one of auto, wilson, exact, byar; got 'wilsn' (did you mean 'wilson'?)"),
        (["model", "--terms", "sex", "--family", "binomal"], "--family must be one of binomial, poisson; got 'binomal' (did you mean 'binomial'?)"),
        (["aggregate", "--records", "r.csv", "--counts-for", "disproportionalty"], "(did you mean 'disproportionality'?)"),
        (["summary", "--format", "jsn"], "--format must be one of text, json; got 'jsn' (did you mean 'json'?)"),
        (["extract", "report.txt", "--format", "csv"], "--format must be one of text, json; got 'csv'"),
        (["representation", "--format", "jsn"], "--format must be one of text, csv, json; got 'jsn' (did you mean 'json'?)"),
    ])
    func choicesOutsideTheEnumAreRefusedWithTheNearest(arguments: [String], message: String) throws {
        let result = try runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["funnel"], "missing required option --data <file>"),
        (["model", "--records", "r.csv"], "missing required option --terms <columns>"),
        (["aggregate", "--by", "a"], "missing required option --records <file>"),
        (["compare", "--numerator", "3"], "missing required option --denominator <n>"),
        (["standardise", "--data", "d.csv"], "missing required option --strata <a,b>"),
    ])
    func requiredOptionsAreNamedWithTheirPlaceholder(arguments: [String], message: String) throws {
        let result = try runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    /// A choice valid for one measure is refused for another, naming the right ones: the CLI enum
    /// maps to the library's interval method, and what has no mapping is a usage error.
    @Test(arguments: [
        (["compare", "--numerator", "3", "--denominator", "10", "--reference", "0.4", "--method", "byar"],
         "--method byar is for rates; use auto, wilson or exact for a proportion"),
        (["compare", "--measure", "rate", "--numerator", "3", "--denominator", "1000", "--reference", "236", "--method", "wilson"],
         "--method wilson is for proportions; use auto, exact or byar for a rate"),
        (["compare", "--measure", "ratio", "--numerator", "3", "--denominator", "2.5", "--method", "wilson"],
         "--method wilson is for proportions; use auto, exact or byar for a ratio"),
        (["compare", "--numerator", "3", "--denominator", "10", "--reference", "0.4", "--per", "1000"], "--per applies only to --measure rate"),
        (["compare", "--numerator", "3", "--denominator", "2.5", "--reference", "0.4"], "--denominator must be a whole number; got '2.5'"),
        (["compare", "--measure", "rate", "--numerator", "3", "--denominator", "many", "--reference", "236"],
         "--denominator must be a number; got 'many'"),
        (["funnel", "--data", services, "--per", "1000"], "--per applies only to --measure rate"),
        (["disproportionality", "--counts", counts, "--seed", "4"], "--seed goes with --round-to"),
        (["disproportionality", "--counts", counts, "--rounding", "random"], "--rounding goes with --round-to"),
        (["disproportionality", "--counts", counts, "--where", "year=2023"], "--where goes with --records"),
        (["disproportionality", "--counts", counts, "--max-record-bytes", "10"], "--max-record-bytes goes with --records"),
        (["disproportionality", "--counts", counts, "--stages", " , "], "--stages needs at least one stage name"),
        (["aggregate", "--records", counts, "--population-stage", "pop", "--by", "group"], "--population-stage goes with --counts-for"),
        (["model", "--counts", counts, "--terms", "group", "--family", "poisson", "--offset", "population", "--among", "stage=court"],
         "--among goes with --records"),
        (["representation", "--demographics", counts, "--total", "4"], "--demographics cannot be combined with --total"),
    ])
    func optionsOfAnotherModeAreRefused(arguments: [String], message: String) throws {
        let result = try runCLI(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Giving every default explicitly writes the same output as giving none: the default the
    /// help shows is the one the command uses.
    @Test(arguments: [
        (["disproportionality", "--counts", counts, "--unknown", "Unknown"],
         ["--interval", "katz", "--zero-cell", "exact", "--base", "population", "--confidence", "0.95", "--min-count", "10",
          "--min-base", "30", "--population-stage", "population"]),
        (["board", "--counts", counts, "--unknown", "Unknown"],
         ["--confidence", "0.95", "--min-count", "10", "--min-base", "30", "--population-stage", "population", "--year-column", "year",
          "--format", "text"]),
        (["funnel", "--data", services],
         ["--measure", "proportion", "--limits", "spiegelhalter", "--format", "text"]),
        (["funnel", "--data", services, "--overdispersion"],
         ["--trim", "0.1", "--trim-method", "winsorise", "--overdispersion-scale", "identity", "--overdispersion-model", "additive"]),
        (["compare", "--numerator", "57", "--denominator", "20000", "--reference", "236", "--measure", "rate"],
         ["--per", "100000", "--method", "auto", "--confidence", "0.95"]),
        (["compare", "--numerator", "126", "--denominator", "250", "--reference", "40.1%"], ["--measure", "proportion", "--method", "auto"]),
        (["representation", "--service-percent", "20", "--comparator-percent", "12", "--total", "45"],
         ["--confidence", "0.95", "--format", "text"]),
    ])
    func explicitDefaultsChangeNothing(arguments: [String], defaults: [String]) throws {
        let plain = try runCLI(arguments)
        let explicit = try runCLI(arguments + defaults)
        #expect(plain.status == explicit.status)
        #expect(!plain.stdout.isEmpty)
        #expect(plain.stdout == explicit.stdout)
    }

    @Test func helpShowsTheTypedDefaultsAndChoices() throws {
        let disproportionality = try runCLI(["disproportionality", "--help"], environment: ["COLUMNS": "250"]).stdout
        #expect(disproportionality.contains("RRI interval method. (katz|koopman) (default: katz)"))
        #expect(disproportionality.contains("longest row read, in bytes; a longer one is malformed. (default: 1048576)"))
        let funnel = try runCLI(["funnel", "--help"], environment: ["COLUMNS": "250"]).stdout
        #expect(funnel.contains("Rate base for --measure rate. (default: 100000)"))
        #expect(funnel.contains("(default: 0.1)"))
        let compare = try runCLI(["compare", "--help"], environment: ["COLUMNS": "250"]).stdout
        #expect(compare.contains("Interval for the service's own value. (auto|wilson|exact|byar) (default: auto)"))
        let summary = try runCLI(["summary", "--help"], environment: ["COLUMNS": "250"]).stdout
        #expect(summary.contains("Format of the report on standard output. (text|json) (default: text)"))
    }
}
