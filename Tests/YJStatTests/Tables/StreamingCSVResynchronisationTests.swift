import Foundation
import Testing
@testable import YJStat

/// `--on-error skip` resynchronises at the next line after a malformed row that ran over several
/// lines, and the record length limit bounds memory (issue 16).
@Suite("Streaming CSV scanner: resynchronisation and record length")
struct StreamingCSVResynchronisationTests {
    func scanAll(_ text: String, onError: MalformedRowPolicy, maximumRecordLength: Int = 1 << 20) throws -> [AggregationResult] {
        var results: [AggregationResult] = []
        for blockSize in [1, 3, 7, 64, 1 << 16] {
            for threads in [1, 3] {
                var scanner = StreamingCSVScanner.forTesting(keys: ["service"], onError: onError, blockSize: blockSize, threads: threads)
                scanner.maximumRecordLength = maximumRecordLength
                results.append(try scanner.aggregate(bytes: Array(text.utf8), source: "records.csv"))
            }
        }
        return results
    }

    /// The quoted case: a stray opening quote on line 52 swallowed six good rows and was
    /// reported at line 58; now it costs line 52 alone, reported there, and rows read + skipped
    /// = lines.
    @Test func strayQuoteOnLine52CostsOnlyThatLine() throws {
        var lines = ["service,stage"]
        for i in 2...201 { lines.append(i == 52 ? "s\(i % 5),\"arrest" : (i == 58 ? "s\(i % 5),court\"x" : "s\(i % 5),court")) }
        let text = lines.joined(separator: "\n") + "\n"
        for result in try scanAll(text, onError: .skip) {
            #expect(result.recordsRead == 200)
            #expect(result.recordsSkipped == 2)
            #expect(result.recordsCounted == 198)
            #expect(result.skippedExamples.map(\.line) == [52, 58])
        }
    }

    @Test func everyMultiLineMalformedRowCostsOneLine() throws {
        var random = TestRandom(16)
        for _ in 0..<40 {
            var lines = ["service,stage"]
            var bad = 0
            for _ in 0..<60 {
                if random.chance(0.08) { lines.append("a,\"b"); bad += 1 } else { lines.append("\(random.pick(["x", "y"])),z") }
            }
            let text = lines.joined(separator: "\n") + "\n"
            for result in try scanAll(text, onError: .skip) {
                #expect(result.recordsRead == 60, "\(text)")
                #expect(result.recordsRead == result.recordsCounted + result.recordsSkipped)
                #expect(result.recordsSkipped >= bad)
            }
        }
    }

    @Test func aRecordOverTheLengthLimitIsALocatedErrorOrOneSkippedLine() throws {
        let long = String(repeating: "v", count: 5_000)
        let text = "service,stage\na,b\n\(long),c\nd,e\n"
        for blockSize in [7, 512] {
            var scanner = StreamingCSVScanner.forTesting(keys: ["service"], onError: .stop, blockSize: blockSize, threads: 1)
            scanner.maximumRecordLength = 1_000
            #expect(throws: InputError.self) { try scanner.aggregate(bytes: Array(text.utf8), source: "records.csv") }
            do { _ = try scanner.aggregate(bytes: Array(text.utf8), source: "records.csv") } catch let error as InputError {
                #expect(error.description.hasPrefix("records.csv:3: row longer than 1000 bytes"), "\(error)")
            }
        }
        for result in try scanAll(text, onError: .skip, maximumRecordLength: 1_000) {
            #expect(result.recordsRead == 3)
            #expect(result.recordsSkipped == 1)
            #expect(result.countsByKey.keys.map { $0[0] }.sorted() == ["a", "d"])
            #expect(result.skippedExamples.first?.line == 3)
        }
    }

    @Test func anUnclosedQuoteRunningPastTheLimitIsSkippedLineByLine() throws {
        var text = "service,stage\nq,\"open\n"
        for i in 0..<400 { text += "s\(i % 3),stage\n" }
        for result in try scanAll(text, onError: .skip, maximumRecordLength: 256) {
            #expect(result.recordsRead == 401)
            #expect(result.recordsSkipped == 1)
            #expect(result.recordsCounted == 400)
        }
    }

    @Test func aHeaderOverTheLimitIsAnError() throws {
        var scanner = StreamingCSVScanner.forTesting(keys: ["service"], blockSize: 64, threads: 1)
        scanner.maximumRecordLength = 100
        let text = "service," + String(repeating: "h", count: 1_000) + "\na,b\n"
        #expect(throws: InputError.self) { try scanner.aggregate(bytes: Array(text.utf8), source: "records.csv") }
    }

    /// Issue 16: under the stop policy too, the stray quote on line 52 is reported where it
    /// opened, not at line 58 where it closed — whatever the block size and thread count.
    @Test func strayQuoteOnLine52StopsAtLine52() throws {
        var lines = ["service,stage"]
        for i in 2...201 { lines.append(i == 52 ? "s\(i % 5),\"arrest" : (i == 58 ? "s\(i % 5),court\"x" : "s\(i % 5),court")) }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        for blockSize in [1, 7, 64, 1 << 16] {
            for threads in [1, 3] {
                let scanner = StreamingCSVScanner.forTesting(keys: ["service"], blockSize: blockSize, threads: threads)
                let error = try #require(throws: InputError.self) { try scanner.aggregate(bytes: bytes, source: "records.csv") }
                #expect(error.description == "records.csv:52:2: quoted field opened here runs on to line 58 and is followed by text there (a stray quote?)",
                        "block \(blockSize), threads \(threads): \(error)")
            }
        }
        let reader = try #require(throws: InputError.self) { try CSVReader.parse(data: Data(bytes), source: "records.csv") }
        #expect(reader.line == 52 && reader.column == 2, "\(reader)")
    }

    /// With blank keys rejected, a blank key value is an error at its line and column naming the
    /// context column's value (the service); skipped, it is counted and the rest is kept.
    @Test func blankKeysAreLocatedWithTheirService() throws {
        var lines = ["service,ethnicity,stage"]
        for i in 2...120 { lines.append(i == 31 ? "barnet, ,arrest" : (i == 90 ? ",White,court" : "s\(i % 4),White,arrest")) }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        for blockSize in [1, 7, 64, 1 << 16] {
            for threads in [1, 3] {
                for policy in [MalformedRowPolicy.stop, .skip] {
                    var scanner = StreamingCSVScanner.forTesting(keys: ["service", "ethnicity", "stage"], onError: policy,
                                                                 blockSize: blockSize, threads: threads)
                    scanner.rejectsBlankKeys = true
                    scanner.contextColumn = "service"
                    if policy == .stop {
                        let error = try #require(throws: InputError.self) { try scanner.aggregate(bytes: bytes, source: "records.csv") }
                        #expect(error.description == "records.csv:31:2: blank 'ethnicity' value: every row needs one (service 'barnet')")
                    } else {
                        let result = try scanner.aggregate(bytes: bytes, source: "records.csv")
                        #expect(result.recordsRead == 119 && result.recordsSkipped == 2 && result.recordsCounted == 117)
                        #expect(result.skippedExamples.map { "\($0.inputError(file: "records.csv"))" } == [
                            "records.csv:31:2: blank 'ethnicity' value: every row needs one (service 'barnet')",
                            "records.csv:90:1: blank 'service' value: every row needs one",
                        ])
                    }
                }
            }
        }
        // Off (as for aggregate --by), a blank is a key of its own.
        let counted = try StreamingCSVScanner.forTesting(keys: ["ethnicity"], blockSize: 64, threads: 1).aggregate(bytes: bytes, source: "records.csv")
        #expect(counted.count(for: [""]) == 1)
    }
}
