import Testing
@testable import YJStat

/// Issue 12, item 7: `plan` flags a part whose achieved margin misses the ±5 target.
@Suite("Sample plan margin flag")
struct SamplePlanMarginFlagTests {
    @Test func planFlagsAPartMissingPlusOrMinus5() throws {
        // A 60/40 split sizes out-of-court at court × 40/60, so a large out-of-court caseload
        // gets a sample too small for ±5 points.
        let plan = try SamplePlan.plan(courtPopulation: 400, outOfCourtPopulation: 900, target: .inspectorate)
        #expect(plan.court.meets(margin: plan.target.margin))
        #expect(plan.outOfCourt.achievedMargin > plan.target.margin)
        #expect(!plan.outOfCourt.meets(margin: plan.target.margin))
        let rows = SamplePlanReport.rows(plan)
        #expect(rows[0]["meets_margin"] == .bool(true) && rows[1]["meets_margin"] == .bool(false))
        #expect(SamplePlanReport.text(plan).contains("Warning: the out-of-court sample"))
        // Sized separately, both parts meet it and nothing is flagged.
        let separate = try SamplePlan.plan(courtPopulation: 400, outOfCourtPopulation: 900, target: .inspectorate, rule: .separate)
        #expect(separate.court.meets(margin: separate.target.margin) && separate.outOfCourt.meets(margin: separate.target.margin))
        #expect(!SamplePlanReport.text(separate).contains("Warning"))
    }
}
