import Foundation
import Testing
@testable import YJStat

/// One vocabulary of finding codes for checking and extraction (issue 14: the extraction codes
/// were strings and had drifted from ``FindingCode``).
@Suite("Finding codes")
struct FindingCodeTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Inspection
        .deletingLastPathComponent()   // YJStatTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root
        .appendingPathComponent("README.md")

    @Test func theReadmeTableListsEveryCodeOnce() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        for code in FindingCode.allCases {
            let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| `\(code.rawValue)` |") }
            #expect(rows.count == 1, "README finding-code table: \(rows.count) rows for \(code.rawValue)")
        }
    }

    @Test func theExtractionOnlyCodesAreTheFourReportCrossChecks() {
        let extractionOnly = FindingCode.allCases.filter(\.isExtractionOnly).map(\.rawValue)
        #expect(extractionOnly == ["rating-disagrees", "sample-disagrees", "discretion-source-disagrees", "percentages-do-not-sum"])
    }

    @Test func codesAreUniqueKebabCaseWithAnExplanation() {
        let raw = FindingCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        for code in FindingCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(code.rawValue)")
            #expect(code.explanation.hasSuffix("."), "\(code.rawValue)")
        }
    }
}
