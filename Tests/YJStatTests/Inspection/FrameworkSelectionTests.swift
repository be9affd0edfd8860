import Foundation
import Testing
@testable import YJStat

/// The rule `check`, `rate` and `summary` share for each service's framework.
@Suite("Framework selection")
struct FrameworkSelectionTests {
    /// A dataset whose services' rows name `frameworks` (nil: the column is blank).
    func dataset(_ frameworks: [String?]) -> InspectionDataset {
        InspectionDataset(
            inspections: frameworks.enumerated().map { index, id in
                .init(service: "s\(index)", name: nil, published: nil, framework: id, score: nil, overallRating: nil, samples: [:], line: index + 2)
            },
            ratings: [], keyQuestions: [])
    }

    @Test func eachServiceGetsTheBundledFrameworkItsRowNamesElseYouth2018() throws {
        let data = dataset(["youth-2021", "youth-2018", nil, "youth-2030"])
        let selection = try FrameworkSelection.named()
        #expect(selection.given == nil)
        #expect(selection.candidates.map(\.id) == (try Framework.bundled()).map(\.id))
        #expect(data.services.map { selection.framework(for: $0, in: data).id } == ["youth-2021", "youth-2018", "youth-2018", "youth-2018"])
        #expect(selection.framework(for: "no-such-service", in: data).id == "youth-2018")
        let assigned = selection.frameworks(for: data)
        #expect(assigned.assigned.map(\.service) == ["s0", "s1", "s2", "s3"])
        #expect(assigned.inUse.map(\.id) == ["youth-2021", "youth-2018"])
        #expect(assigned.framework(for: "s0").id == "youth-2021" && assigned.framework(for: "unknown").id == "youth-2018")
        #expect(try FrameworkSelection(given: nil) == selection)
    }

    @Test func aGivenFrameworkIsUsedForEveryService() throws {
        let youth2021 = try Framework.youth2021()
        let data = dataset(["youth-2018", nil])
        let selection = FrameworkSelection.given(youth2021)
        #expect(try FrameworkSelection(given: youth2021) == selection)
        #expect(data.services.map { selection.framework(for: $0, in: data).id } == ["youth-2021", "youth-2021"])
        #expect(selection.frameworks(for: data).inUse == [youth2021])
        #expect(ServiceFrameworks.all(youth2021).framework(for: "anything") == youth2021)
        #expect(ServiceFrameworks.all(youth2021).inUse == [youth2021])
    }

    @Test func onlyTheCandidatesCanBeNamed() throws {
        let youth2018 = try Framework.youth2018()
        let data = dataset(["youth-2021"])
        let selection = try FrameworkSelection.named(among: [youth2018])
        #expect(selection.framework(for: "s0", in: data) == youth2018)
        // Without youth-2018 among the candidates the fallback is still the bundled youth-2018.
        #expect(try FrameworkSelection.named(among: [try Framework.youth2021()]).framework(for: "s9", in: data) == youth2018)
    }
}
