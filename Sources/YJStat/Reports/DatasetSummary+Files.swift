import Foundation

extension DatasetSummary {
    /// The files `yjstat summary --out` writes: name and content, in a fixed order. CSV tables use
    /// ``CSVWriter`` (RFC 4180, spreadsheet-safe); `summary.txt` and `summary.json` hold the report;
    /// the SVG charts come from ``charts()``. A table with no rows (no rates printed) is an empty file.
    public func outputFiles() -> [(name: String, text: String)] {
        var files: [(name: String, text: String)] = [
            ("summary.txt", textReport()),
            ("summary.json", JSONWriter.render(jsonDocument())),
            ("standards.csv", CSVWriter.render(rows: standardRows, header: standardColumns)),
            ("findings.csv", CSVWriter.render(rows: services.flatMap { $0.ratings.findings.map(\.resultRow) },
                                              header: ["code", "severity", "service", "location", "message"])),
            ("sample_audit.csv", CSVWriter.render(rows: sampleAuditRows)),
            ("rating_confidence.csv", CSVWriter.render(rows: ratingConfidenceRows)),
            ("representation.csv", CSVWriter.render(rows: representationRows)),
            ("rate_comparisons.csv", CSVWriter.render(rows: rateRows)),
            ("key_question_funnel.csv", CSVWriter.render(rows: funnelRows)),
            ("key_questions_side_by_side.csv", CSVWriter.render(rows: keyQuestionSideBySideRows)),
            ("representation_side_by_side.csv", CSVWriter.render(rows: representationSideBySideRows)),
        ]
        files += charts().map { ($0.name, $0.svg) }
        return files
    }


    /// The columns of `standards.csv`: with several frameworks in use, `framework` after `service`.
    private var standardColumns: [String] {
        ["service"] + (hasSeveralFrameworks ? ["framework"] : [])
            + ["standard", "name", "rated_by", "published", "rule_rating", "differs", "lowest_key_question", "lowest_yes",
               "lowest_relevant", "lowest_percent", "lowest_basis", "footnoted_discretion"]
    }

    private var standardRows: [ResultRow] {
        services.flatMap { summary in
            summary.ratings.assessment.standards.map { item in
                let footnoted = summary.ratings.footnotes.contains { $0.record.standard == item.standard.id }
                var cells = item.resultCells(service: summary.service)
                if hasSeveralFrameworks { cells.insert(("framework", .text(summary.framework.id)), at: 1) }
                return ResultRow(cells + [("footnoted_discretion", .bool(footnoted))])
            }
        }
    }
}
