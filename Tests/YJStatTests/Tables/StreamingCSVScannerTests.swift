import Foundation
import Testing
@testable import YJStat
import YJStatSynthetic

@Suite("Streaming CSV scanner: counts equal a reference parse")
struct StreamingCSVScannerTests {
    @Test(arguments: 0..<60)
    func randomFilesMatchTheReferenceForAnyBlockSizeAndThreadCount(seed: Int) throws {
        var random = TestRandom(UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let columns = random.int(2...5)
        let file = RandomCSV.make(&random, columns: columns, rows: random.int(1...40))
        let keyCount = random.int(1...min(3, columns))
        let keys = (0..<keyCount).map { _ in "c\(random.int(0...(columns - 1)))" }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        var filters: [ColumnFilter] = []
        if random.chance(0.4) {
            let column = "c\(random.int(0...(columns - 1)))"
            filters = [ColumnFilter(column: column, value: "a"), ColumnFilter(column: column, value: "x")]
        }
        let expected = try referenceCounts(file.bytes, keys: keys, filters: filters)
        for blockSize in [1, 2, 3, 5, 7, 16, 64, 1 << 20] {
            for threads in [1, 2, 3] {
                let scanner = StreamingCSVScanner.forTesting(keys: keys, filters: filters, blockSize: blockSize, threads: threads)
                let result = try scanner.aggregate(bytes: file.bytes, source: "random.csv")
                #expect(result.countsByKey == expected.counts, "block \(blockSize), threads \(threads)")
                #expect(result.recordsRead == expected.read)
                #expect(result.recordsExcluded == expected.excluded)
                #expect(result.recordsCounted == expected.read - expected.excluded)
                #expect(result.recordsSkipped == 0)
                #expect(result.bytesRead == file.bytes.count)
            }
        }
    }

    @Test func everyBlockBoundaryInsideQuotesAndCRLFGivesTheSameCounts() throws {
        // Quoted fields with commas, doubled quotes, CRLF and LF inside; CRLF line ends.
        let text = "id,group,stage\r\n1,\"Black, African\",\"arrest\"\r\n2,\"say \"\"hi\"\"\",court\r\n"
            + "3,\"two\r\nlines\",\"court\"\r\n4,White,\"cus\ntody\"\r\n5,\"Black, African\",arrest"
        let bytes = Array(text.utf8)
        let expected = try referenceCounts(bytes, keys: ["group", "stage"]).counts
        #expect(expected[["Black, African", "arrest"]] == 2)
        #expect(expected[["two\r\nlines", "court"]] == 1)
        for blockSize in 1...bytes.count + 1 {
            for threads in 1...4 {
                let result = try StreamingCSVScanner.forTesting(keys: ["group", "stage"], blockSize: blockSize, threads: threads)
                    .aggregate(bytes: bytes, source: "q.csv")
                #expect(result.countsByKey == expected, "block \(blockSize), threads \(threads)")
                #expect(result.recordsRead == 5)
            }
        }
    }

    @Test func byteOrderMarkIsSkippedEvenWhenSplitAcrossBlocks() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("service,n\nleeds,1\nleeds,2\n".utf8)
        for blockSize in 1...6 {
            let result = try StreamingCSVScanner.forTesting(keys: ["service"], blockSize: blockSize, threads: 2)
                .aggregate(bytes: bytes, source: "bom.csv")
            #expect(result.groups == [AggregatedGroup(key: ["leeds"], count: 2)])
        }
    }

    @Test func blankLinesAreNotRowsAndAFinalLineBreakIsOptional() throws {
        for text in ["k\n\na\n\r\n\nb\n\n", "k\r\na\r\n\r\nb", "\n\nk\na\nb"] {
            let result = try StreamingCSVScanner(keyColumns: ["k"]).aggregate(bytes: Array(text.utf8), source: "b.csv")
            #expect(result.countsByKey == [["a"]: 1, ["b"]: 1], "\(text.debugDescription)")
            #expect(result.recordsRead == 2)
        }
    }

    @Test func aLoneCarriageReturnEndsARecordAsCSVReaderDoes() throws {
        let bytes = Array("k,v\ra,1\rb,2\r".utf8)
        let expected = try referenceCounts(bytes, keys: ["k"]).counts
        for blockSize in 1...bytes.count {
            let result = try StreamingCSVScanner.forTesting(keys: ["k"], blockSize: blockSize, threads: 2)
                .aggregate(bytes: bytes, source: "cr.csv")
            #expect(result.countsByKey == expected)
        }
    }

    @Test func spacesAroundValuesAndColumnNamesAreIgnored() throws {
        let text = " service , group \nleeds ,Black\n  leeds,\" Black \"\n"
        let result = try StreamingCSVScanner(keyColumns: ["service", "group"]).aggregate(bytes: Array(text.utf8), source: "s.csv")
        #expect(result.groups == [AggregatedGroup(key: ["leeds", "Black"], count: 2)])
    }

    @Test func filtersMatchAnyValueOfAColumnAndAllColumns() throws {
        let text = "service,group,year\nleeds,Black,2022\nleeds,White,2023\nyork,Black,2023\nyork,Asian,2023\nleeds,Asian,2021\n"
        let bytes = Array(text.utf8)
        let scanner = StreamingCSVScanner(keyColumns: ["service", "group"],
                                          filters: [ColumnFilter(column: "year", value: "2023"), ColumnFilter(column: "year", value: "2022"),
                                                    ColumnFilter(column: "group", value: " Black ")])
        let result = try scanner.aggregate(bytes: bytes, source: "f.csv")
        #expect(result.countsByKey == [["leeds", "Black"]: 1, ["york", "Black"]: 1])
        #expect(result.recordsExcluded == 3)
        #expect(result.recordsRead == result.recordsCounted + result.recordsExcluded + result.recordsSkipped)
    }

    @Test func aFilterOnABlankValueSelectsBlankCells() throws {
        let bytes = Array("k,v\na,\nb,1\nc, \n".utf8)
        let filter = try #require(ColumnFilter(parsing: "v="))
        let result = try StreamingCSVScanner(keyColumns: ["k"], filters: [filter]).aggregate(bytes: bytes, source: "f.csv")
        #expect(result.countsByKey == [["a"]: 1, ["c"]: 1])
    }

    @Test func groupsAreSortedAndDistinctValuesFollowFirstAppearance() throws {
        let text = "stage,group\ncustody,B\narrest,A\ncourt,B\narrest,B\ncustody,A\n"
        for threads in 1...3 {
            let result = try StreamingCSVScanner.forTesting(keys: ["stage", "group"], blockSize: 4, threads: threads)
                .aggregate(bytes: Array(text.utf8), source: "o.csv")
            #expect(result.groups.map(\.key) == [["arrest", "A"], ["arrest", "B"], ["court", "B"], ["custody", "A"], ["custody", "B"]])
            #expect(result.distinctValues == [["custody", "arrest", "court"], ["B", "A"]])
        }
    }

    @Test func manyDistinctKeysMoveTheCountsToAHashTableWithoutLosingAny() throws {
        // 3 key columns with 300 × 40 × 12 values: more than the dense layout holds.
        var text = "a,b,c\n"
        var expected: [[String]: Int] = [:]
        var random = TestRandom(99)
        for _ in 0..<30_000 {
            let key = ["s\(random.int(0...299))", "g\(random.int(0...39))", "t\(random.int(0...11))"]
            expected[key, default: 0] += 1
            text += key.joined(separator: ",") + "\n"
        }
        for threads in [1, 3] {
            let result = try StreamingCSVScanner.forTesting(keys: ["a", "b", "c"], blockSize: 4096, threads: threads)
                .aggregate(bytes: Array(text.utf8), source: "wide.csv")
            #expect(result.countsByKey == expected)
            #expect(result.recordsCounted == 30_000)
        }
    }

    @Test func readingAFileGivesTheSameCountsAsReadingBytes() throws {
        let bytes = SyntheticExtract(rows: 3_000, seed: 5).bytes()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-stream-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var scanner = StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage"], blockSize: 4096, threads: 2)
        scanner.minimumRegionSize = 512
        let fromFile = try scanner.aggregate(fileAt: url)
        let fromBytes = try scanner.aggregate(bytes: bytes, source: url.lastPathComponent)
        #expect(fromFile == fromBytes)
        #expect(fromFile.countsByKey == (try referenceCounts(bytes, keys: ["service", "ethnicity", "stage"])).counts)
        #expect(fromFile.source == url.lastPathComponent)
    }
}
