import Foundation
import YJStat

/// A copy of the bundled `Datasets/` in which north-somerset is inspected under youth-2021: its
/// `inspections.csv` row names youth-2021, it has a rating for 4.1 Resettlement policy and
/// provision (rated by judgement, not scored) and no results for 3.4.1–3.4.2 (3.4 is rated by
/// judgement in youth-2021), in `key_questions.csv` and `prompts.csv`. Everything else is the
/// bundled data, so kensington-and-chelsea and brent (youth-2018) are unchanged.
enum MixedFrameworkDataset {
    /// The bundled `Datasets/` folder.
    static let bundled = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")
    /// The service read with youth-2021.
    static let service = "north-somerset"

    /// Writes the mixed copy into a new temporary folder, then applies `edit` to its files
    /// (file name → text; `nil` keeps a file as it is).
    static func make(_ edit: (String, String) -> String? = { _, _ in nil }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in SummaryDataset.requiredFiles + SummaryDataset.optionalFiles {
            var text = try String(contentsOf: bundled.appendingPathComponent(name), encoding: .utf8)
            text = try mix(name, text)
            if let edited = edit(name, text) { text = edited }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The edits that make north-somerset a youth-2021 inspection.
    static func mix(_ name: String, _ text: String) throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func require(_ condition: Bool, _ what: String) throws {
            if !condition { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "mixed dataset: \(what)"]) }
        }
        switch name {
        case "inspections.csv":
            let index = lines.firstIndex { $0.hasPrefix("\(service),") }
            try require(index != nil && lines[index!].contains(",youth-2018,"), "north-somerset names youth-2018")
            lines[index!] = lines[index!].replacingOccurrences(of: ",youth-2018,", with: ",youth-2021,")
        case "ratings.csv":
            let index = lines.firstIndex { $0.hasPrefix("\(service),3.4,") }
            try require(index != nil, "north-somerset rates 3.4")
            lines.insert("\(service),4.1,Good", at: index! + 1)
        case "key_questions.csv", "prompts.csv":
            let before = lines.count
            lines.removeAll { $0.hasPrefix("\(service),3.4.") }
            try require(lines.count < before, "north-somerset has 3.4 key questions in \(name)")
        default:
            break
        }
        return lines.joined(separator: "\n")
    }
}
