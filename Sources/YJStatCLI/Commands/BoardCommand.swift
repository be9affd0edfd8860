import ArgumentParsing
import Foundation
import YJStat

/// `yjstat board`: the board pack — a disproportionality report for a management board, as
/// Markdown on standard output and one self-contained HTML page.
enum BoardCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "board",
        abstract: "Board pack: headline findings, representation, RRI by stage with forest charts, local vs national, trend and unknown ethnicity, as Markdown and one HTML page.",
        discussion: """
        --counts is a counts table in the form disproportionality --counts reads (long: group,
        stage, count; wide: group and one column per stage), with an optional year column: the
        sections then describe the latest year and the trend section compares it with the
        earlier years pooled. Every stage is rated over the population (per 1,000) and over the
        nearest earlier stage that contains it (per 100, the stage-relative cascade).
        --national is a national counts table in the same form: each local RRI is set against the
        national one (ratio of RRIs, Altman & Bland 2003). --labels is a CSV (name, label, and
        optionally phrase) giving words for stage and group names; the usual stage names
        (arrest, first_time_entry, out_of_court, court, custody, remand) have words built in.
        --suppress-below K hides counts from 1 to K-1 and whatever would reveal them, in every
        section, exactly as disproportionality does.

        The Markdown goes to standard output (or --output FILE; a name ending in .md or .txt);
        --html FILE writes the page (inline CSS and SVG, no scripts, opens offline), creating its
        folder when missing. --format csv (or an --output name ending in .csv) writes instead one
        tidy row per group and stage of the latest year: children, population, rate per 1,000,
        shares, RRI with its interval, stage-relative RRI, national comparison and flags (the
        warnings and methods in NAME.notes.txt beside it); --wide the full disproportionality
        table; --format json the same rows with the warnings, methods and inputs. No output may
        replace an input file.
        """,
        examples: [
            "yjstat board --counts Datasets/examples/counts.csv --unknown Unknown --html out/board.html",
            "yjstat board --counts Datasets/examples/counts_by_year.csv --unknown Unknown --national Datasets/examples/national_counts.csv --html out/board.html",
            "yjstat board --counts counts.csv --labels stage_names.csv --suppress-below 5 --html board.html",
        ],
        options: [
            counts.spec, national.spec, labels.spec, html.spec, DisproportionalityArguments.unknown.spec, analysis.reference.spec,
            analysis.stages.spec, DisproportionalityArguments.populationStage.spec, yearColumn.spec, analysis.confidence.spec,
            analysis.minimumCount.spec, analysis.minimumBase.spec, analysis.suppressBelow.spec, format.spec, CommonOptions.output.spec,
        ] + TableOptions.all)

    static let counts = Option<String>("counts", "file", help: "Counts table (CSV, long or wide form, optional year column).")
    static let national = Option<String>("national", "file", help: "National counts table in the same form, for local vs national.")
    static let labels = Option<String>("labels", "file", help: "CSV with columns name, label (and optionally phrase): words for stage and group names.")
    static let html = Option<String>("html", "file", help: "Write the board pack as one self-contained HTML page here.")
    static let yearColumn = Option<String>("year-column", "name", help: "The column naming the year.", default: "year")
    static let format = Option<OutputFormat>("format", "format",
                                             help: "Output format: text (the Markdown), csv or json (one row per group and stage).", default: .text)

    /// The analysis options the board pack offers (the others keep the library's defaults).
    static let analysis = DisproportionalityArguments(
        minimumCount: .count("min-count", "n", help: "Mark counts below this as small numbers.", minimum: nil, default: 10),
        minimumBase: .count("min-base", "n", help: "Mark bases below this as small numbers.", minimum: nil, default: 30),
        suppressBelow: .count("suppress-below", "k", help: "Hide counts from 1 to k-1 and anything that would reveal them.", minimum: nil))

    static var formatOption: Option<OutputFormat>? { format }

    static var textExtensions: Set<String> { ["md", "markdown", "txt", "text"] }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let path = try arguments.required(Self.counts)
        let url = try inputFile(path, flag: "--counts")
        var inputs = [url]
        let options = try analysis.analysisOptions(arguments)
        let choice = try TableChoice(arguments, format: output.format)
        let countsOptions = CountsTable.Options(
            populationStage: try arguments.required(DisproportionalityArguments.populationStage), stages: try analysis.stages(arguments),
            unknownLabel: try arguments.value(DisproportionalityArguments.unknown))
        let csv = try CSVReader.read(contentsOf: url)
        printNotes(csv.notes, command: spec.name)
        var national: CSVTable?
        if let nationalPath = try arguments.value(Self.national) {
            let nationalURL = try inputFile(nationalPath, flag: "--national")
            inputs.append(nationalURL)
            national = try CSVReader.read(contentsOf: nationalURL)
            printNotes(national?.notes ?? [], command: spec.name)
        }
        var labels = BoardLabels()
        if let labelsPath = try arguments.value(Self.labels) {
            let labelsURL = try inputFile(labelsPath, flag: "--labels")
            inputs.append(labelsURL)
            labels = try BoardLabels(csv: try CSVReader.read(contentsOf: labelsURL))
        }
        let pack: BoardPack
        do {
            pack = try BoardPack.build(counts: csv, countsOptions: countsOptions, national: national,
                                       options: BoardPackOptions(analysis: options, yearColumn: try arguments.required(yearColumn),
                                                                 labels: labels))
        } catch let error as InvalidArgumentError {
            throw error.located(in: url.lastPathComponent)
        }
        if let htmlPath = try arguments.value(Self.html) {
            let htmlURL = InvocationContext.fileURL(htmlPath)
            if AtomicFileWriter.standardStream(for: htmlURL) == nil {
                let folder = htmlURL.deletingLastPathComponent()
                if !FileManager.default.fileExists(atPath: folder.path) {
                    do {
                        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    } catch {
                        throw InputError(file: folder.path, message: "cannot create this folder for --html (\(error.localizedDescription))")
                    }
                }
            }
            try output.writeFile(pack.html(), to: htmlURL, protecting: inputs)
        }
        var markdown = output
        markdown.inputs = inputs
        let document = ResultDocument(rows: choice.wide ? pack.wideRows() : pack.tidyRows(precision: choice.precision),
                                      warnings: pack.readerWarnings, methods: pack.methods,
                                      inputs: resultInputs(arguments, fileOptions: ["counts", "national", "labels"]))
        try markdown.write(document: document, notes: choice.notes, command: spec.name) { pack.markdown() + "\n" }
        let mismatches = pack.totalsChecks.filter { !$0.addsUp }
        for check in mismatches { CLI.printError("\(CLI.program) \(spec.name): finding: \(pack.report.totalsSentence(check))\n") }
        return mismatches.isEmpty ? .success : .findings
    }
}
