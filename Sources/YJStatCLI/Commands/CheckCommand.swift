import ArgumentParsing
import Foundation
import YJStat

/// `yjstat check`: consistency findings for an inspection dataset.
enum CheckCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "check",
        abstract: "Check published inspection ratings, scores and key-question figures for consistency.",
        discussion: """
        Recomputes each case-based standard from its key questions (lowest band; bands by the exact
        fraction yes/relevant), compares it with the published rating, and checks counts against the
        samples, printed percentages against counts (rounding half up or half to even), the score
        against the sum of the ratings and the overall rating against the band of the score. A
        published rating one band from the rule rating in a direction a professional-discretion
        trigger supports is a 'discretion' warning; otherwise 'unexplained-rating' (error).
        Exit status 1 when any finding is an error, 0 otherwise. JSON output is an array of
        findings with keys code, severity, service, location, message.

        With --report (instead of --inspection) the report text is first extracted as by
        'yjstat extract' and then checked with the framework the extraction chose for it (or
        with --framework, when given, for extraction and checks alike); the extractor's own
        cross-check findings are listed too, located by report line ('line 412').
        """,
        examples: [
            "yjstat check --inspection Datasets",
            "yjstat check --inspection Datasets --service north-somerset --format json",
            "yjstat check --report ../shared/seeds/002_bb6ddec30b4bd982.txt",
        ],
        options: [inspection.spec, report.spec, InspectionOptions.service.spec, framework.spec] + CommonOptions.formatAndOutput)

    static let inspection = Option<String>("inspection", "dir", help: "Folder with inspections.csv, ratings.csv and key_questions.csv.")
    static let report = Option<String>("report", "file", help: "Inspection report text to extract and check (repeatable), instead of --inspection.",
                                       repeatable: true)
    static let framework = Option<String>(
        "framework", "file",
        help: "Framework JSON file (default: for --inspection, the bundled framework each service's inspections.csv row names, else youth-2018; for --report, the bundled framework each report was read with).")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let reports = try arguments.values(report)
        let givenFramework = try InspectionOptions.givenFramework(arguments, framework)
        guard reports.isEmpty != !arguments.wasGiven(inspection) else {
            throw UsageError(reports.isEmpty ? "give --inspection DIR or --report FILE" : "give either --inspection or --report, not both")
        }
        var output = output
        var extraction: [ExtractionResult] = []
        let dataset: InspectionDataset, services: [String]
        if reports.isEmpty {
            (dataset, services) = try InspectionOptions.loadDataset(arguments, inspection)
            output.inputs = try InspectionOptions.inputFiles(arguments, inspection)
        } else {
            for path in reports {
                let url = try inputFile(path, flag: "--report")
                output.inputs.append(url)
                let data = try InputFiles.read(url)
                extraction.append(ReportExtractor.extract(text: String(decoding: data, as: UTF8.self), source: path,
                                                          frameworks: givenFramework.map { [$0] } ?? ReportExtractor.bundledFrameworks))
            }
            dataset = InspectionDataset(extracted: extraction)
            if let service = try arguments.value(InspectionOptions.service) {
                guard dataset.services.contains(service) else {
                    throw UsageError("--service: no service '\(service)' in the report (found: \(dataset.services.joined(separator: ", ")))")
                }
                services = [service]
            } else {
                services = dataset.services
            }
        }
        let findings: [Finding]
        if reports.isEmpty {
            // Each service by the framework its inspection names (or --framework for all).
            let selection = try FrameworkSelection(given: givenFramework)
            findings = services.flatMap { service in
                ConsistencyChecker(framework: selection.framework(for: service, in: dataset)).check(dataset, services: [service])
            }
        } else {
            // Each report is checked with the framework it was read with (reports read with one framework together).
            var groups: [(framework: Framework, results: [ExtractionResult])] = []
            for result in extraction {
                if let index = groups.firstIndex(where: { $0.framework == result.framework }) {
                    groups[index].results.append(result)
                } else {
                    groups.append((result.framework, [result]))
                }
            }
            findings = groups.flatMap { group in
                let inGroup = services.filter { service in group.results.contains { $0.service == service } }
                return inGroup.isEmpty ? [] : ConsistencyChecker(framework: group.framework).check(InspectionDataset(extracted: group.results), services: inGroup)
            }
        }
        let extractionFindings = extraction.filter { services.contains($0.service) }.flatMap { result in
            // The checker's findings on the extracted rows are computed again just above.
            result.findings.filter { !$0.isConsistencyCheck }.map { (service: result.service, source: result.source, finding: $0) }
        }
        let rows = extractionFindings.map { $0.finding.resultRow(service: $0.service, source: $0.source) } + findings.map(\.resultRow)
        if output.format == .csv && rows.isEmpty {
            try output.write(CSVWriter.render(header: ["code", "severity", "service", "location", "message"], rows: []))
        } else {
            try output.write(rows: rows) {
                var text = ""
                if !extractionFindings.isEmpty {
                    text += "Extraction cross-checks:\n"
                    text += extractionFindings.map { "\($0.service) \($0.finding)\n" }.joined() + "\n"
                }
                return text + Finding.textReport(findings)
            }
        }
        let hasError = findings.contains { $0.severity == .error } || extractionFindings.contains { $0.finding.severity == .error }
        return hasError ? .findings : .success
    }
}
