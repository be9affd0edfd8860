import Testing
@testable import YJStat

@Suite struct SampleSizeRoundingTests {
    @Test func upRoundsFractionsUp() {
        #expect(SampleSizeRounding.up.round(164.24) == 165)
        #expect(SampleSizeRounding.up.round(62.0001) == 63)
    }

    @Test func wholeNumbersWithRoundingErrorStayWhole() {
        #expect(SampleSizeRounding.up.round(100.0000000001) == 100)
        #expect(SampleSizeRounding.up.round(99.9999999999) == 100)
        #expect(SampleSizeRounding.nearest.round(100.0000000001) == 100)
        // A real difference of 1e-7 relative is not rounding error.
        #expect(SampleSizeRounding.up.round(100.00001) == 101)
    }

    @Test func nearestRoundsHalvesUp() {
        #expect(SampleSizeRounding.nearest.round(62.39) == 62)
        #expect(SampleSizeRounding.nearest.round(2.5) == 3)
        #expect(SampleSizeRounding.nearest.round(2.4999999999999) == 3)
        #expect(SampleSizeRounding.nearest.round(2.49) == 2)
        #expect(SampleSizeRounding.nearest.round(5.0 / 3 * 2) == 3)
    }

    @Test func degenerateValuesGiveZero() {
        #expect(SampleSizeRounding.up.round(-1) == 0)
        #expect(SampleSizeRounding.up.round(.nan) == 0)
        #expect(SampleSizeRounding.nearest.round(.infinity) == 0)
    }
}
