import Foundation
import Testing
@testable import YJStat

/// Ways of damaging a report's bytes.
enum Mutation: CaseIterable {
    case deleteLines, duplicateLines, shuffleLines, truncate, garbleBytes

    func apply(to data: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var lines = data.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        switch self {
        case .deleteLines:
            for _ in 0..<Int.random(in: 1...60, using: &rng) where !lines.isEmpty { lines.remove(at: Int.random(in: 0..<lines.count, using: &rng)) }
        case .duplicateLines:
            for _ in 0..<Int.random(in: 1...60, using: &rng) where !lines.isEmpty {
                let at = Int.random(in: 0..<lines.count, using: &rng)
                lines.insert(lines[at], at: Int.random(in: 0...lines.count, using: &rng))
            }
        case .shuffleLines:
            let start = Int.random(in: 0..<max(1, lines.count), using: &rng)
            let end = min(lines.count, start + Int.random(in: 2...200, using: &rng))
            if start < end { lines[start..<end].shuffle(using: &rng) }
        case .truncate:
            let cut = Int.random(in: 0...data.count, using: &rng)
            return Array(data.prefix(cut))
        case .garbleBytes:
            var bytes = data
            for _ in 0..<Int.random(in: 1...400, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            return bytes
        }
        return Array(lines.joined(separator: [10]))
    }
}

@Suite("Extraction never crashes")
struct ExtractionRobustnessTests {
    /// Checks the invariants every result must satisfy, whatever the input.
    func checkInvariants(_ result: ExtractionResult, lineCount: Int) {
        #expect(!result.service.isEmpty)
        #expect(result.ratings.count <= 12)
        #expect(result.keyQuestions.count <= 23)
        #expect(Set(result.keyQuestions.map(\.keyQuestion)).count == result.keyQuestions.count)
        let lines = ExtractedDatasetWriter.provenance(result).compactMap { Int($0[4]) }
        #expect(lines.allSatisfy { $0 >= 1 && $0 <= max(lineCount, 1) })
        let completeness = result.completeness
        #expect(completeness.ratingsFound.count + completeness.ratingsMissing.count == 12)
        #expect(completeness.keyQuestionsFound.count + completeness.keyQuestionsMissing.count == 23)
        // Every file renders and reads back as CSV.
        for file in ExtractedDatasetWriter.files(for: [result]) {
            #expect((try? CSVReader.parse(file.text, source: file.name)) != nil, "\(file.name)")
        }
    }

    static func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) } }

    @Test(.enabled(if: seedsPresent, "../shared/seeds is not present"), arguments: Array(UInt64(1)...UInt64(24)))
    func mutatedSeedsGiveAResult(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let files = seedFiles()
        let original = Array(try Data(contentsOf: files[Int(seed) % files.count]))
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            bytes = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &rng)].apply(to: bytes, using: &rng)
        }
        let result = ReportExtractor.extract(text: String(decoding: bytes, as: UTF8.self), source: "mutant-\(seed).txt")
        checkInvariants(result, lineCount: Self.lineCount(bytes))
    }

    @Test(arguments: Array(UInt64(100)...UInt64(160)))
    func randomBytesGiveAResult(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("0123456789 ?%.:/()\t\n<>p&;Good Requires improvement Of the cases 2.1. Assessment Score 1/36 ".utf8)
        let bytes: [UInt8] = (0..<Int.random(in: 0...6_000, using: &rng)).map { _ in
            Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
        }
        let result = ReportExtractor.extract(text: String(decoding: bytes, as: UTF8.self), source: "random-\(seed)")
        checkInvariants(result, lineCount: Self.lineCount(bytes))
    }

    @Test func emptyInputWarnsAboutEverythingMissing() {
        let result = ReportExtractor.extract(text: "", source: "empty.txt")
        #expect(result.service == "unnamed-empty")
        #expect(result.completeness.ratingsMissing.count == 12)
        #expect(result.completeness.keyQuestionsMissing.count == 23)
        #expect(result.warnings.contains { $0.message.contains("no service name") })
        #expect(result.warnings.contains { $0.message.contains("2.1.1") })
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs for seed 0 from the reference implementation (Vigna, splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }
}
