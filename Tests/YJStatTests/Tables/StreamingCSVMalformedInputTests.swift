import Foundation
import Testing
@testable import YJStat

@Suite("Streaming CSV scanner: malformed input")
struct StreamingCSVMalformedInputTests {
    /// Scans with several block sizes and thread counts; every run must give the same outcome.
    func scanEverywhere(_ text: String, keys: [String], onError: MalformedRowPolicy = .stop,
                        filters: [ColumnFilter] = []) throws -> AggregationResult {
        try scanEverywhere(Array(text.utf8), keys: keys, onError: onError, filters: filters)
    }

    func scanEverywhere(_ bytes: [UInt8], keys: [String], onError: MalformedRowPolicy = .stop,
                        filters: [ColumnFilter] = []) throws -> AggregationResult {
        var outcomes: [Result<AggregationResult, InputError>] = []
        for blockSize in [1, 2, 3, 5, 8, 13, 1 << 16] {
            for threads in [1, 2, 3] {
                let scanner = StreamingCSVScanner.forTesting(keys: keys, filters: filters, onError: onError,
                                                             blockSize: blockSize, threads: threads)
                do {
                    outcomes.append(.success(try scanner.aggregate(bytes: bytes, source: "bad.csv")))
                } catch let error as InputError {
                    outcomes.append(.failure(error))
                }
            }
        }
        for outcome in outcomes.dropFirst() {
            #expect("\(outcome)" == "\(outcomes[0])", "outcome depends on block size or threads")
        }
        return try outcomes[0].get()
    }

    func expectError(_ text: String, keys: [String], _ location: String, _ message: String) {
        expectError(Array(text.utf8), keys: keys, location, message)
    }

    func expectError(_ bytes: [UInt8], keys: [String], _ location: String, _ message: String) {
        do {
            let result = try scanEverywhere(bytes, keys: keys)
            Issue.record("expected an error, got \(result.countsByKey)")
        } catch let error as InputError {
            #expect(error.description.hasPrefix("bad.csv:\(location): "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    // MARK: stop

    @Test func unterminatedQuoteNamesWhereTheQuoteOpened() {
        expectError("k,v\na,1\nb,\"oops\nc,3\n", keys: ["k"], "3:2", "unterminated quoted field")
    }

    @Test func raggedRowsNameTheLineAndTheFirstMissingOrExtraField() {
        expectError("k,v\na,1\nb\nc,1\n", keys: ["k"], "3:2", "expected 2 fields as in the header, found 1")
        expectError("k,v\na,1\nc,1,2\n", keys: ["k"], "3:3", "expected 2 fields as in the header, found 3")
        expectError("k,v\r\na,\"two\r\nlines\",3\r\n", keys: ["k"], "2:3", "found 3")
    }

    @Test func invalidUTF8InAKeyColumnIsAnErrorWithPosition() {
        let bytes = Array("k,v\na,1\n".utf8) + [0x61, 0xFF, 0xFE, 0x2C, 0x32, 0x0A]
        expectError(bytes, keys: ["k"], "3:1", "value in key column 'k' is not valid UTF-8")
        let quoted = Array("v,k\n1,\"a\"\"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        expectError(quoted, keys: ["k"], "2:2", "not valid UTF-8")
        let truncated = Array("k\nok\n".utf8) + [0xE6, 0x97]
        expectError(truncated, keys: ["k"], "3:1", "not valid UTF-8")
    }

    @Test func invalidUTF8OutsideTheKeyColumnsIsNotDecoded() throws {
        let bytes = Array("k,notes\na,".utf8) + [0xFF] + Array("\na,ok\n".utf8)
        let result = try scanEverywhere(bytes, keys: ["k"])
        #expect(result.countsByKey == [["a"]: 2])
    }

    @Test func quotesInUnquotedFieldsAndTextAfterAClosingQuote() {
        expectError("k,v\na,1\nb\"x,2\n", keys: ["k"], "3:1", "quote inside an unquoted field")
        expectError("k,v\n\"a\"x,1\n", keys: ["v"], "2:1", "unexpected text after closing quote")
    }

    @Test func emptyFilesAreErrorsAndAHeaderOnlyFileIsAnEmptyResult() throws {
        expectError("", keys: ["k"], "1", "empty file: expected a header row")
        expectError([0xEF, 0xBB, 0xBF], keys: ["k"], "1", "empty file")
        expectError("\n\r\n\n", keys: ["k"], "1", "empty file")
        for text in ["k,v", "k,v\n", "k,v\r\n\r\n"] {
            let result = try scanEverywhere(text, keys: ["k"])
            #expect(result.groups.isEmpty)
            #expect(result.recordsRead == 0)
            #expect(result.distinctValues == [[]])
        }
    }

    @Test func missingAndAmbiguousColumnsAreNamed() {
        expectError("service,group\nx,y\n", keys: ["ethnicity"], "1", "missing key column 'ethnicity' (found: 'service', 'group')")
        expectError("k,k,v\na,b,c\n", keys: ["k"], "1:2", "column 'k' appears more than once")
        do {
            _ = try StreamingCSVScanner(keyColumns: ["k"], filters: [ColumnFilter(column: "year", value: "2020")])
                .aggregate(bytes: Array("k\na\n".utf8), source: "bad.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "bad.csv:1: missing filter column 'year' (found: 'k')")
        }
    }

    @Test func brokenHeadersAreErrors() {
        expectError("k,\"v\nx", keys: ["k"], "1:2", "unterminated quoted field in the header")
        expectError("k,v\"\na,1\n", keys: ["k"], "1:2", "quote inside an unquoted field in the header")
    }

    @Test func aDuplicateColumnTheScanDoesNotUseIsAllowed() throws {
        let result = try scanEverywhere("k,x,x\na,1,2\n", keys: ["k"])
        #expect(result.countsByKey == [["a"]: 1])
    }

    /// The first error matches the line and column the in-memory CSVReader reports for the same
    /// file, wherever in a random file a single fault is put.
    @Test(arguments: 0..<40)
    func firstErrorIsWhereCSVReaderPutsIt(seed: Int) throws {
        var random = TestRandom(UInt64(seed) + 1000)
        let file = RandomCSV.make(&random, columns: 3, rows: random.int(3...25))
        let clean = try CSVReader.parse(data: Data(file.bytes), source: "bad.csv")
        let victim = clean.rows[random.int(0...(clean.rows.count - 1))]
        let fault = random.int(0...3)
        // Rebuild the file record by record, breaking the victim.
        var bytes: [UInt8] = []
        bytes += Array("c0,c1,c2\n".utf8)
        for row in clean.rows {
            var fields = row.fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            if row.line == victim.line {
                switch fault {
                case 0: fields.removeLast()                        // too few fields
                case 1: fields.append("extra")                     // too many
                case 2: fields[1] = "b\"ad"                         // quote inside an unquoted field
                default: fields[2] += "tail"                       // text after a closing quote
                }
            }
            bytes += Array(fields.joined(separator: ",").utf8) + [10]
        }
        var expected: InputError?
        do { _ = try CSVReader.parse(data: Data(bytes), source: "bad.csv") } catch let error as InputError { expected = error }
        let reference = try #require(expected)
        do {
            _ = try scanEverywhere(bytes, keys: ["c0", "c1", "c2"])
            Issue.record("expected \(reference)")
        } catch let error as InputError {
            #expect(error.line == reference.line && error.column == reference.column, "\(error) vs reader \(reference)")
        }
    }

    // MARK: skip

    @Test func skipCountsAndReportsEveryKindOfBadRow() throws {
        var bytes = Array("k,v\na,1\nb\nc,1,2\nd\"x,1\n\"e\"x,1\n".utf8)
        bytes += [0xFF] + Array(",1\nf,1\ng,\"never closed\nh,1\n".utf8)
        let result = try scanEverywhere(bytes, keys: ["k"], onError: .skip)
        #expect(result.countsByKey == [["a"]: 1, ["f"]: 1, ["h"]: 1])
        #expect(result.recordsRead == 9)
        #expect(result.recordsSkipped == 6)
        #expect(result.recordsCounted == 3)
        let described = result.skippedExamples.map { "\($0.inputError(file: "bad.csv"))" }
        #expect(described == [
            "bad.csv:3:2: expected 2 fields as in the header, found 1",
            "bad.csv:4:3: expected 2 fields as in the header, found 3",
            "bad.csv:5:1: quote inside an unquoted field (quote the whole field and double inner quotes)",
            "bad.csv:6:1: unexpected text after closing quote",
            "bad.csv:7:1: value in key column 'k' is not valid UTF-8 text",
            "bad.csv:9:2: unterminated quoted field (the quote opened here is never closed); skipped this line and read on from the next",
        ])
    }

    @Test func skipListsTheFirstFewInFileOrderAndCountsTheRest() throws {
        var text = "k,v\n"
        var good = 0
        for i in 0..<300 {
            if i % 20 == 7 { text += "bad\n" } else { text += "x,\(i)\n"; good += 1 }
        }
        for threads in 1...3 {
            for blockSize in [7, 64, 4096] {
                var scanner = StreamingCSVScanner.forTesting(keys: ["k"], onError: .skip, blockSize: blockSize, threads: threads)
                scanner.reportedSkipLimit = 10
                let result = try scanner.aggregate(bytes: Array(text.utf8), source: "s.csv")
                #expect(result.recordsSkipped == 15)
                #expect(result.countsByKey == [["x"]: good])
                #expect(result.skippedExamples.map(\.line) == (0..<10).map { 2 + 7 + 20 * $0 })
            }
        }
    }

    @Test func skippedRowsLeaveTheOtherCountsExact() throws {
        var random = TestRandom(4242)
        var text = "c0,c1,c2\n"
        var expected: [[String]: Int] = [:]
        var bad = 0
        for _ in 0..<2_000 {
            let values = (0..<3).map { _ in random.pick(["a", "b", "c", "d"]) }
            if random.chance(0.05) {
                bad += 1
                text += random.chance(0.5) ? values[0] + "\n" : values.joined(separator: ",") + ",extra\n"
            } else {
                expected[[values[0], values[2]], default: 0] += 1
                text += values.joined(separator: ",") + "\n"
            }
        }
        let result = try scanEverywhere(text, keys: ["c0", "c2"], onError: .skip)
        #expect(result.countsByKey == expected)
        #expect(result.recordsSkipped == bad)
    }

    // MARK: memory

    /// A source that makes up fixed-width rows on demand, so a large file never exists.
    struct GeneratedSource: ByteBlockSource {
        let name = "generated.csv"
        let rows: Int
        var size: Int { Self.header.count + rows * Self.rowWidth }
        static let header = Array("service,group,stage,notes\n".utf8)
        static let rowWidth = 32
        func row(_ i: Int) -> [UInt8] {
            let text = "s\(String(i % 155 + 100)),g\(i % 7),t\(i % 6),\"n,\(String(i % 1000 + 1000))"
            let padding = Array(repeating: UInt8(ascii: " "), count: Self.rowWidth - 2 - text.utf8.count)
            return Array(text.utf8) + padding + [UInt8(ascii: "\""), 10]
        }
        func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int {
            let n = max(0, min(count, size - offset))
            for i in 0..<n {
                let at = offset + i
                let byte = at < Self.header.count ? Self.header[at]
                    : row((at - Self.header.count) / Self.rowWidth)[(at - Self.header.count) % Self.rowWidth]
                destination.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
            }
            return n
        }
    }

    @Test func theBufferDependsOnTheBlockSizeNotTheFileSize() throws {
        let source = GeneratedSource(rows: 200_000)      // 6.4 MB
        var scanner = StreamingCSVScanner(keyColumns: ["service", "group", "stage"], blockSize: 64 * 1024, threads: 2)
        scanner.minimumRegionSize = 4096
        let (result, capacity) = try scanner.aggregateMeasuringBuffer(source: source)
        #expect(result.recordsCounted == 200_000)
        #expect(result.groups.count == 155 * 7 * 6)   // 155, 7 and 6 are coprime in pairs: every combination occurs
        #expect(result.count(for: ["s100", "g0", "t0"]) == (0..<200_000).filter { $0 % 155 == 0 && $0 % 7 == 0 && $0 % 6 == 0 }.count)
        #expect(capacity <= 2 * 64 * 1024, "buffer grew to \(capacity) bytes")
        #expect(result.bytesRead == GeneratedSource.header.count + 200_000 * GeneratedSource.rowWidth)
    }
}
