import Foundation

/// Writes extraction results as a directory of CSV files in the inspection dataset schema
/// (the same files and columns as the bundled `Datasets/`, documented in `Datasets/README.md`),
/// plus `extraction_issues.csv` (warnings and findings) and `provenance.csv` (the input line of
/// every extracted value).
///
/// Files use LF line endings and RFC 4180 quoting through ``CSVWriter`` (only fields that need it
/// are quoted; cells a spreadsheet would run as formulas are neutralised). With several results,
/// each file holds all services in input order.
public enum ExtractedDatasetWriter {
    /// A file's name and content.
    public struct File: Sendable, Equatable {
        /// File name, such as `ratings.csv`.
        public let name: String
        /// The CSV text.
        public let text: String
    }

    /// The dataset files for results, in a fixed order.
    public static func files(for results: [ExtractionResult]) -> [File] {
        func file(_ name: String, _ header: [String], _ rows: (ExtractionResult) -> [[String]]) -> File {
            var text = csvLine(header)
            for result in results { for row in rows(result) { text += csvLine(row) } }
            return File(name: name, text: text)
        }
        func int(_ value: Int?) -> String { value.map(String.init) ?? "" }
        return [
            file("inspections.csv", ["service", "name", "published", "framework", "score", "overall_rating", "court_sample", "ooc_sample"]) { r in
                let i = r.inspection
                return [[i.service, i.name?.value ?? "", i.published?.value ?? "", r.framework.id,
                         int(i.score?.value), i.overallRating.map { $0.value.description } ?? "",
                         int(i.courtSample?.value), int(i.outOfCourtSample?.value)]]
            },
            file("ratings.csv", ["service", "standard", "rating"]) { r in
                r.ratings.map { [r.service, $0.standard, $0.rating.description] }
            },
            file("key_questions.csv", ["service", "key_question", "relevant", "yes", "percent"]) { r in
                r.keyQuestions.map { question in
                    question.notApplicable ? [r.service, question.keyQuestion, "N/A", "N/A", ""]
                        : [r.service, question.keyQuestion, int(question.relevant), int(question.yes), int(question.percent)]
                }
            },
            file("prompts.csv", ["service", "key_question", "prompt", "relevant", "yes", "percent"]) { r in
                r.prompts.map { [r.service, $0.keyQuestion, $0.prompt, int($0.relevant), int($0.yes), int($0.percent)] }
            },
            file("discretion.csv", ["service", "standard", "rule_rating", "published_rating", "note"]) { r in
                r.discretion.map { [r.service, $0.standard, $0.ruleRating?.description ?? "", $0.publishedRating.description, $0.note] }
            },
            file("demographics.csv", ["service", "dimension", "category", "service_percent", "comparator", "comparator_percent"]) { r in
                r.demographics.map { [r.service, $0.dimension, $0.category, String($0.servicePercent), $0.comparator, String($0.comparatorPercent)] }
            },
            file("population.csv", ["service", "measure", "value", "year"]) { r in
                r.population.map { [r.service, $0.measure, String($0.value), int($0.year)] }
            },
            file("caseload.csv", ["service", "disposal", "count"]) { r in
                r.caseload.map { [r.service, $0.disposal, String($0.count)] }
            },
            file("rates.csv", ["service", "measure", "service_value", "comparator", "comparator_value"]) { r in
                r.rates.map { [r.service, $0.measure, $0.serviceValue, "england_wales", $0.comparatorValue] }
            },
            file("sample_composition.csv", ["service", "domain", "disposal", "count"]) { r in
                r.sampleComposition.map { [r.service, $0.domain, $0.disposal, String($0.count)] }
            },
            file("extraction_issues.csv", ["source", "service", "kind", "code", "severity", "line", "message"]) { r in
                r.findings.map { [r.source, r.service, "finding", $0.code.rawValue, $0.severity.rawValue, int($0.line), $0.message] }
                    + r.warnings.map { [r.source, r.service, "warning", "", "", int($0.line), $0.message] }
            },
            file("provenance.csv", ["source", "service", "file", "key", "line"]) { r in provenance(r) },
        ]
    }

    /// Writes every file into `directory` (created if missing), each atomically.
    /// - Throws: ``InputError`` when the directory cannot be created or a file cannot be written,
    ///   or when a destination is one of `inputs`.
    public static func write(_ results: [ExtractionResult], to directory: URL, protecting inputs: [URL] = []) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError(file: directory.path, message: "is a file, expected a folder for the dataset") }
        } else {
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw InputError(file: directory.path, message: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        for file in files(for: results) {
            try AtomicFileWriter.write(file.text, to: directory.appendingPathComponent(file.name), protecting: inputs)
        }
    }

    /// One CSV line ending in LF, as the bundled datasets use.
    static func csvLine(_ cells: [String]) -> String {
        var line = CSVWriter.line(cells)
        if line.hasSuffix("\r\n") { line.removeLast() }
        return line + "\n"
    }

    /// The input line of every value: `file` names the dataset file, `key` the row and column.
    static func provenance(_ r: ExtractionResult) -> [[String]] {
        var rows: [[String]] = []
        func add(_ file: String, _ key: String, _ line: Int?) {
            if let line { rows.append([r.source, r.service, file, key, String(line)]) }
        }
        let i = r.inspection
        add("inspections.csv", "name", i.name?.line)
        add("inspections.csv", "published", i.published?.line)
        add("inspections.csv", "score", i.score?.line)
        add("inspections.csv", "overall_rating", i.overallRating?.line)
        add("inspections.csv", "court_sample", i.courtSample?.line)
        add("inspections.csv", "ooc_sample", i.outOfCourtSample?.line)
        for x in r.ratings { add("ratings.csv", x.standard, x.line) }
        for x in r.keyQuestions { add("key_questions.csv", x.keyQuestion, x.line) }
        for x in r.prompts { add("prompts.csv", "\(x.keyQuestion)/\(x.prompt)", x.line) }
        for x in r.discretion { add("discretion.csv", x.standard, x.line) }
        for x in r.demographics { add("demographics.csv", "\(x.dimension)/\(x.category)/\(x.comparator)", x.line) }
        for x in r.population { add("population.csv", x.measure, x.line) }
        for x in r.caseload { add("caseload.csv", x.disposal, x.line) }
        for x in r.rates { add("rates.csv", x.measure, x.line) }
        for x in r.sampleComposition { add("sample_composition.csv", "\(x.domain)/\(x.disposal)", x.line) }
        return rows
    }
}
