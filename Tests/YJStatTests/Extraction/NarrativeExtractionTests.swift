import Testing
@testable import YJStat

/// Prompt results and sample composition read from running text (our own sentences, invented
/// figures), for reports that print no prompt tables.
@Suite("Narrative figures")
struct NarrativeExtractionTests {
    func prompts(_ text: String) -> (rows: [String], warnings: [String]) {
        let result = ReportExtractor.extract(text: text, source: "n.txt")
        let rows = result.prompts.map { "\($0.keyQuestion) \($0.prompt) \($0.relevant.map(String.init) ?? "-") \($0.yes.map(String.init) ?? "-") \($0.percent.map(String.init) ?? "-") \($0.line)" }
        return (rows, result.warnings.map(\.description))
    }

    @Test func failuresOutOfRelevantCasesAreSubtracted() {
        let text = "2.3 Implementation and delivery Good\n\nDelivery did not give enough weight to the protection of actual and potential victims in five of the twenty relevant cases.\n"
        let result = ReportExtractor.extract(text: text, source: "n.txt")
        #expect(prompts(text).rows == ["2.3.3 protects-actual-potential-victims 20 15 - 3"])
        #expect(result.prompts.first?.basis == .narrativeFailuresSubtracted)
    }

    @Test func countsOfTheSentenceBeforeAndTheThemeChooseTheKeyQuestion() {
        let text = "2.4 Reviewing Good\n\nIn 12 cases, the child's safety and wellbeing had changed. In 3 of these, the change was not identified or responded to.\n"
        #expect(prompts(text).rows == ["2.4.2 responds-to-changes 12 9 - 3"])
    }

    @Test func positiveFigureInBracketsAndPercentAfterThis() {
        let text = """
        2.2 Planning Good

        Some plans said little about actual and potential victims; this was sufficient in 55 per cent of cases.

        3.1 Assessment Good

        Parents/carers were rarely involved (their views were used in 4 of the 9 cases inspected).
        """
        #expect(prompts(text).rows == ["2.2.3 addresses-victim-concerns-risks - - 55 3", "3.1.1 involves-child-parents-carers 9 4 - 7"])
    }

    @Test func aFigureUnderSeveralKeyQuestionsWithNoThemeIsAWarning() {
        let found = prompts("2.4 Reviewing Good\n\nParents/carers were involved in 7 of the 10 cases.\n")
        #expect(found.rows.isEmpty)
        #expect(found.warnings.contains { $0.hasPrefix("line 3:") && $0.contains("several prompts") })
    }

    @Test func subgroupAndUnmappedFiguresAreWarnings() {
        let found = prompts("""
        3.1 Assessment Good

        The views of parents/carers were used in 80 per cent of triage cases.

        2.1 Assessment Good

        Staff turnover touched 40 per cent of cases. In 2 cases, the plan was never adjusted.
        """)
        #expect(found.rows.isEmpty)
        #expect(found.warnings.contains { $0.hasPrefix("line 3:") && $0.contains("subgroup") })
        #expect(found.warnings.contains { $0.hasPrefix("line 7:") && $0.contains("names no prompt") })
    }

    @Test func negativePercentagesAreNotInverted() {
        let found = prompts("3.3 Implementation and delivery Good\n\nDelivery was not tailored to diversity in 30 per cent of cases.\n")
        #expect(found.rows.isEmpty)
        #expect(found.warnings.contains { $0.contains("stated negatively") })
    }

    @Test func tabledStandardsIgnoreTheirNarrative() {
        let result = ReportExtractor.extract(text: syntheticReport(), source: "t.txt")
        #expect(result.prompts.allSatisfy { $0.basis == .table })
    }

    func composition(_ narrative: String) -> ([String], [String]) {
        let text = "Annex\n\nWe examined five court disposals.\n\n2. Court disposals\n\n" + narrative + "\n"
        let result = ReportExtractor.extract(text: text, source: "c.txt")
        return (result.sampleComposition.map { "\($0.domain.rawValue) \($0.disposal) \($0.count) \($0.line)" }, result.warnings.map(\.description))
    }

    @Test func sampleCompositionFromTheCourtSection() {
        let (rows, _) = composition("We looked at four community sentences and one custodial sentence.\n\nThere were two referral orders, two youth rehabilitation orders and one custodial sentence case.")
        #expect(rows == ["court referral-order 2 9", "court youth-rehabilitation-order 2 9", "court custodial-sentence 1 9"])
    }

    @Test func sampleCompositionThatDisagreesOrMissesTheSampleIsAWarning() {
        let (rows, warnings) = composition("We looked at three community sentences and one custodial sentence.\n\nThere were two referral orders and three custodial sentences.")
        #expect(rows == ["court referral-order 2 9", "court custodial-sentence 3 9"])
        #expect(warnings.contains { $0.contains("add up to 4, not the sample of 5") })
        let (none, disagreement) = composition("We looked at four community sentences and one custodial sentence.\n\nThere were two referral orders and three custodial sentences.")
        #expect(none.isEmpty)
        #expect(disagreement.contains { $0.contains("disagree") })
    }
}
