import ArgumentParsing
import Foundation
import YJStat

/// `yjstat representation`: representation ratio and point difference from printed percentages.
enum RepresentationCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "representation",
        abstract: "Representation ratio and point difference from published whole percentages, with rounding and sampling intervals.",
        discussion: """
        Give one pair (--service-percent and --comparator-percent, whole numbers as printed) or a
        table with --demographics (columns service_percent, comparator_percent; optional service,
        dimension, category, comparator, total, comparator_total). A printed whole percent x stands
        for a value in [x-0.5, x+0.5): the rounding interval follows from that alone. With
        --total (children behind the service percent) the sampling interval is added: the union
        of intervals over every count consistent with the printed figure (Wilson when the
        comparator is a fixed figure; Katz ratio and Newcombe difference when --comparator-total
        is also given).

        --format csv gives one tidy row per comparison (shares in percent, ratios to 3
        significant figures, points to 1 decimal place, the widest interval and which it is;
        --precision full keeps every digit, --wide gives both intervals), with the warnings and
        methods in NAME.notes.txt beside --output NAME.csv; --format json is one object with
        rows, warnings, methods and inputs.
        """,
        examples: [
            "yjstat representation --service-percent 87 --comparator-percent 26",
            "yjstat representation --service-percent 20 --comparator-percent 12 --total 45 --comparator-total 1800",
            "yjstat representation --demographics Datasets/demographics.csv --format csv",
            "yjstat representation --demographics Datasets/demographics.csv --svg out/representation.svg",
        ],
        options: [servicePercent.spec, comparatorPercent.spec, total.spec, comparatorTotal.spec, demographics.spec, confidence.spec, svg.spec]
            + CommonOptions.formatAndOutput + TableOptions.all)

    static let servicePercent = Option<Double>("service-percent", "s", help: "The service's printed percentage (whole number).")
    static let comparatorPercent = Option<Double>("comparator-percent", "c", help: "The comparator's printed percentage (whole number).")
    static let total = Option<Int>.count("total", "n", help: "Number of children behind the service percentage.", minimum: nil)
    static let comparatorTotal = Option<Int>.count("comparator-total", "m", help: "Number of children behind the comparator percentage.",
                                                   minimum: nil)
    static let demographics = Option<String>("demographics", "file", help: "CSV of printed percentages, one comparison per line.")
    static let confidence = Option<Double>("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: 0.95)
    static let svg = Option<String>("svg", "file",
                                    help: "Also draw the representation ratios with their intervals (log scale, parity marked) to this SVG file.")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let confidence = try arguments.required(Self.confidence)
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let choice = try TableChoice(arguments, format: output.format)
        if let path = try arguments.value(demographics) {
            for (flag, given) in [(servicePercent.name, arguments.wasGiven(servicePercent)), (comparatorPercent.name, arguments.wasGiven(comparatorPercent)),
                                  (total.name, arguments.wasGiven(total)), (comparatorTotal.name, arguments.wasGiven(comparatorTotal))] where given {
                throw UsageError("--demographics cannot be combined with --\(flag)")
            }
            let url = try inputFile(path, flag: "--demographics")
            var output = output
            output.inputs = [url]
            let csv = try CSVReader.read(contentsOf: url)
            guard !csv.rows.isEmpty else {
                throw InputError(file: url.path, line: 2, message: "no rows to check (the file has a header and no data rows)")
            }
            let table = try RepresentationTable(csv: csv, confidence: confidence)
            let rows = table.entries.map { entry in
                let labels = RepresentationTable.labelColumns.map { ($0, entry.labels[$0] ?? "") }
                return choice.wide ? entry.representation.resultRow(labels: labels)
                    : entry.representation.tidyRow(labels: labels, precision: choice.precision)
            }
            var warnings = table.skippedLines.map { "line \($0): blank percentage; row left out of the comparison" }
            if !table.totalsLines.isEmpty {
                warnings.append("Skipped totals rows (category Total, All, …): lines \(table.totalsLines.map(String.init).joined(separator: ", ")).")
            }
            for entry in table.entries {
                warnings += entry.representation.notes.map { "line \(entry.line): \($0)" }
            }
            let document = ResultDocument(rows: rows, warnings: warnings, methods: Representation.methods,
                                          inputs: resultInputs(arguments, fileOptions: ["demographics"]))
            try output.write(document: document, notes: choice.notes, command: spec.name) {
                var text = ""
                for entry in table.entries {
                    let subject = ["service", "dimension", "category"].compactMap { entry.labels[$0] }.filter { !$0.isEmpty }
                        .joined(separator: ", ")
                    let comparator = entry.labels["comparator"].flatMap { $0.isEmpty ? nil : $0.replacingOccurrences(of: "_", with: " ") }
                    text += "- " + entry.representation.sentence(subject: subject.isEmpty ? "Line \(entry.line)" : subject,
                                                                  comparator: comparator ?? "comparator") + "\n"
                }
                if !table.totalsLines.isEmpty {
                    text += "Skipped totals rows (category Total, All, …): lines \(table.totalsLines.map(String.init).joined(separator: ", ")).\n"
                }
                if !table.skippedLines.isEmpty {
                    text += "Skipped lines with a blank percentage: \(table.skippedLines.map(String.init).joined(separator: ", ")).\n"
                }
                return text
            }
            try writeChart(arguments, output: output, inputs: [url],
                           labels: table.entries.map { entry in
                               let subject = ["service", "category"].compactMap { entry.labels[$0] }.filter { !$0.isEmpty }
                               let comparator = entry.labels["comparator"].flatMap { $0.isEmpty ? nil : $0.replacingOccurrences(of: "_", with: " ") }
                               return (subject.isEmpty ? "line \(entry.line)" : subject.joined(separator: " ")) + (comparator.map { " (\($0))" } ?? "")
                           },
                           representations: table.entries.map(\.representation), title: "Representation ratios: \(url.lastPathComponent)")
            // A row left out is never silent, whatever the format: each is named on standard error
            // and the exit code is 1 (a data-quality finding).
            for line in table.skippedLines {
                CLI.printError("\(url.path):\(line): warning: blank percentage; row left out of the comparison\n")
            }
            return table.skippedLines.isEmpty ? .success : .findings
        }
        guard let s = try arguments.value(servicePercent), let c = try arguments.value(comparatorPercent) else {
            throw UsageError("give --service-percent and --comparator-percent, or --demographics FILE")
        }
        let total = try arguments.value(Self.total)
        let comparatorTotal = try arguments.value(Self.comparatorTotal)
        if comparatorTotal != nil && total == nil { throw UsageError("--comparator-total needs --total") }
        // A value the library refuses is reported by CLI.run against its flag (ParameterFlags).
        let representation = try Representation(servicePercent: s, comparatorPercent: c, serviceTotal: total,
                                                comparatorTotal: comparatorTotal, confidence: confidence)
        let document = ResultDocument(rows: [choice.wide ? representation.resultRow() : representation.tidyRow(precision: choice.precision)],
                                      warnings: representation.notes, methods: Representation.methods,
                                      inputs: resultInputs(arguments, fileOptions: []))
        try output.write(document: document, notes: choice.notes, command: spec.name) { representation.sentence() + "\n" }
        try writeChart(arguments, output: output, inputs: [], labels: ["service against comparator"],
                       representations: [representation], title: "Representation ratio")
        return .success
    }

    /// Writes `--svg FILE` (atomically, never over an input or the `--output` file) when given.
    static func writeChart(_ arguments: ParsedArguments, output: CommandOutput, inputs: [URL], labels: [String],
                           representations: [Representation], title: String) throws {
        guard let path = try arguments.value(svg) else { return }
        let url = InvocationContext.fileURL(path)
        if let destination = output.destination, destination.standardizedFileURL == url.standardizedFileURL {
            throw UsageError("--svg and --output name the same file")
        }
        let svg: String
        do {
            svg = try RepresentationChartSVG.render(labels: labels, representations: representations, title: title)
        } catch let error as InvalidArgumentError {
            throw UsageError("--svg: no chart can be drawn: \(error.message)")
        }
        try output.writeFile(svg, to: url, protecting: inputs)
    }
}
