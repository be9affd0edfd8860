/// Human- and machine-readable summaries of extraction results: per service, what was found
/// (completeness), the cross-check findings and the warnings with their lines.
public enum ExtractionReport {
    /// A plain-text report.
    public static func text(_ results: [ExtractionResult]) -> String {
        var out = ""
        for result in results {
            let c = result.completeness
            let i = result.inspection
            out += "\(result.source): \(result.service)" + (i.name.map { " (\($0.value))" } ?? "") + "\n"
            let missing = c.missingExpected
            out += missing.isEmpty ? "complete: every expected field found\n" : "incomplete: missing \(missing.joined(separator: ", "))\n"
            var rows: [[String]] = []
            rows.append(["published", yesNo(i.published != nil), i.published?.value ?? "", line(i.published?.line)])
            rows.append(["score", yesNo(i.score != nil), i.score.map { "\($0.value)/\(result.framework.maximumScore)" } ?? "", line(i.score?.line)])
            rows.append(["overall rating", yesNo(i.overallRating != nil), i.overallRating?.value.description ?? "", line(i.overallRating?.line)])
            let court: String = i.courtSample.map { String($0.value) } ?? ""
            rows.append(["court sample", yesNo(i.courtSample != nil), court, line(i.courtSample?.line)])
            let outOfCourt: String = i.outOfCourtSample.map { String($0.value) } ?? ""
            rows.append(["out-of-court sample", yesNo(i.outOfCourtSample != nil), outOfCourt, line(i.outOfCourtSample?.line)])
            let ratingsNote = c.ratingsMissing.isEmpty ? "all" : "missing " + c.ratingsMissing.joined(separator: " ")
            rows.append(["standard ratings", "\(c.ratingsFound.count)/\(c.ratingsFound.count + c.ratingsMissing.count)", ratingsNote, ""])
            let questionsNote = c.keyQuestionsMissing.isEmpty ? "all" : "missing " + c.keyQuestionsMissing.joined(separator: " ")
            rows.append(["key questions", "\(c.keyQuestionsFound.count)/\(c.keyQuestionsFound.count + c.keyQuestionsMissing.count)", questionsNote, ""])
            rows.append(["prompt rows", String(c.promptRows), "", ""])
            rows.append(["discretion notes", String(result.discretion.count), result.discretion.map(\.standard).joined(separator: " "), ""])
            for (key, present) in c.contextualTables.sorted(by: { $0.key < $1.key }) { rows.append([key, yesNo(present), "", ""]) }
            let table = TextTable(header: ["item", "found", "value", "line"], rows: rows)
            out += table.render()
            out += "framework: \(result.framework.id) (\(result.frameworkReason))"
                + (result.wordingEdition.map { "; key-question wording \($0)" } ?? "") + "\n"
            if !result.findings.isEmpty {
                out += "findings:\n" + result.findings.map { "  \($0)\n" }.joined()
            }
            if !result.warnings.isEmpty {
                out += "warnings:\n" + result.warnings.map { "  \($0)\n" }.joined()
            }
            out += "\n"
        }
        return out
    }

    /// A JSON document: an array with, per source, the service, completeness, findings and warnings.
    public static func json(_ results: [ExtractionResult]) -> String {
        JSONWriter.render(.array(results.map { result in
            let c = result.completeness
            func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
            func lineValue(_ line: Int?) -> JSONValue { line.map { .integer($0) } ?? .null }
            return .object([
                ("source", .string(result.source)),
                ("service", .string(result.service)),
                ("name", result.inspection.name.map { .string($0.value) } ?? .null),
                ("completeness", .object([
                    ("ratings_found", strings(c.ratingsFound)), ("ratings_missing", strings(c.ratingsMissing)),
                    ("key_questions_found", strings(c.keyQuestionsFound)), ("key_questions_missing", strings(c.keyQuestionsMissing)),
                    ("inspection", .object(c.inspectionItems.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
                    ("contextual_tables", .object(c.contextualTables.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
                    ("prompt_rows", .integer(c.promptRows)),
                    ("missing_expected", strings(c.missingExpected)),
                ])),
                ("framework", .string(result.framework.id)),
                ("framework_reason", .string(result.frameworkReason)),
                ("key_question_wording", result.wordingEdition.map { .string($0) } ?? .null),
                ("findings", .array(result.findings.map {
                    .object([("code", .string($0.code.rawValue)), ("severity", .string($0.severity.rawValue)), ("line", lineValue($0.line)),
                             ("message", .string($0.message))])
                })),
                ("warnings", .array(result.warnings.map { .object([("line", lineValue($0.line)), ("message", .string($0.message))]) })),
            ])
        }))
    }

    private static func yesNo(_ flag: Bool) -> String { flag ? "yes" : "no" }
    private static func line(_ line: Int?) -> String { line.map(String.init) ?? "" }
}
