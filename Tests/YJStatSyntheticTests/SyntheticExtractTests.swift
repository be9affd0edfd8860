import Foundation
import Testing
@testable import YJStatSynthetic
import YJStat

@Suite("Synthetic case-level extract")
struct SyntheticExtractTests {
    @Test func randomSourceIsSplitMix64() {
        // Reference outputs of SplitMix64 for seed 1234567 (Rosetta Code, "Pseudo-random
        // numbers/Splitmix64", from Vigna's splitmix64.c).
        var random = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                                  4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        #expect((0..<5).map { _ in random.next() } == expected)
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        let a = SyntheticExtract(rows: 2_000, seed: 11).bytes()
        #expect(a == SyntheticExtract(rows: 2_000, seed: 11).bytes())
        #expect(a != SyntheticExtract(rows: 2_000, seed: 12).bytes())
        #expect(Array(a.prefix(SyntheticExtract(rows: 100, seed: 11).bytes().count)) == SyntheticExtract(rows: 100, seed: 11).bytes(),
                "a longer extract starts with the shorter one")
    }

    @Test func crlfChangesOnlyTheLineEndsBetweenRecords() throws {
        let lf = try CSVReader.parse(data: Data(SyntheticExtract(rows: 3_000, seed: 3).bytes()), source: "lf.csv")
        let crlfBytes = SyntheticExtract(rows: 3_000, seed: 3, lineEnding: .crlf).bytes()
        let crlf = try CSVReader.parse(data: Data(crlfBytes), source: "crlf.csv")
        #expect(lf.rows.map(\.fields) == crlf.rows.map(\.fields))
        #expect(crlfBytes.starts(with: Array("record_id,service".utf8)))
        #expect(String(decoding: crlfBytes.prefix(200), as: UTF8.self).contains("offence\r\nR000000001,"))
    }

    @Test func servicesAre155DistinctSlugsWithTheirNames() throws {
        let ids = SyntheticExtract.serviceIDs
        #expect(ids.count == 155)
        #expect(Set(ids).count == 155)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } })
        #expect(ids.contains("bournemouth-christchurch-and-poole"))
        #expect(ids.contains("gwynedd-and-ynys-mon"))
        #expect(ids.contains("bristol"))
    }

    @Test func columnsAndValuesAreRealistic() throws {
        let table = try CSVReader.parse(data: Data(SyntheticExtract(rows: 60_000, seed: 2024).bytes()), source: "s.csv")
        #expect(table.header == SyntheticExtract.columns)
        #expect(table.rows.count == 60_000)
        var ethnicity: [String: Int] = [:], stage: [String: Int] = [:], sex: [String: Int] = [:]
        var services = Set<String>(), names: [String: String] = [:]
        var lineBreaks = 0, quotes = 0
        for row in table.rows {
            ethnicity[try row.string("ethnicity"), default: 0] += 1
            stage[try row.string("stage"), default: 0] += 1
            sex[try row.string("sex"), default: 0] += 1
            let service = try row.string("service")
            services.insert(service)
            names[service] = try row.string("service_name")
            let age = try row.int("age"), year = try row.int("year")
            #expect((10...17).contains(age) && (2019...2023).contains(year))
            #expect(try row.string("outcome_date").hasPrefix("\(year)-"))
            let offence = try row.string("offence")
            if offence.contains("\n") { lineBreaks += 1 }
            if offence.contains("\"") { quotes += 1 }
        }
        #expect(Set(ethnicity.keys) == Set(SyntheticExtract.ethnicGroups))
        #expect(Set(stage.keys) == Set(SyntheticExtract.stages))
        #expect(services.count == 155)
        #expect(names["bristol"] == "Bristol, City of")
        #expect(names["gwynedd-and-ynys-mon"] == "Gwynedd and Ynys Môn")
        let n = Double(table.rows.count)
        let white = Double(ethnicity["White"] ?? 0) / n, unknown = Double(ethnicity["Unknown"] ?? 0) / n
        #expect(white > 0.5 && white < 0.7, "White share \(white)")
        #expect(unknown > 0.025 && unknown < 0.045, "Unknown share \(unknown)")
        #expect(Double(sex["Male"] ?? 0) / n > 0.8)
        #expect(Double(stage["arrest"] ?? 0) / n > 0.45)
        #expect(lineBreaks > 0 && quotes > 0, "the extract exercises quoted line breaks and doubled quotes")
        // Later stages are more common for Black than for White children.
        let custody = table.rows.filter { $0.fields[8] == "custody" || $0.fields[8] == "court" }
        let blackShare = Double(custody.filter { $0.fields[7] == "Black" }.count) / Double(ethnicity["Black"] ?? 1)
        let whiteShare = Double(custody.filter { $0.fields[7] == "White" }.count) / Double(ethnicity["White"] ?? 1)
        #expect(blackShare > whiteShare * 1.3)
    }

    @Test func writingAFileGivesTheSameBytes() throws {
        let extract = SyntheticExtract(rows: 25_000, seed: 8, lineEnding: .crlf)
        let folder = FileManager.default.temporaryDirectory
        let url = folder.appendingPathComponent("yjstat-synth-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try extract.write(to: url)
        #expect(Array(try Data(contentsOf: url)) == extract.bytes())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".\(url.lastPathComponent).tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func writingIntoAMissingFolderIsAnInputError() {
        #expect(throws: InputError.self) {
            try SyntheticExtract(rows: 10, seed: 1).write(to: URL(fileURLWithPath: "/nonexistent-folder-yjstat/x.csv"))
        }
    }

    @Test func zeroRowsIsAHeaderOnly() {
        #expect(SyntheticExtract(rows: 0, seed: 1).bytes() == Array((SyntheticExtract.columns.joined(separator: ",") + "\n").utf8))
    }
}
