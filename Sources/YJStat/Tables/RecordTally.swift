/// How many records a scan met and what became of each: the counts a piece of a block, a
/// region of a file and the whole file each keep, and add up in that order.
///
/// Every record read is counted, excluded by a filter, or skipped as malformed, so
/// `records == counted + excluded + skipped` once a scan is complete.
struct RecordTally: Sendable, Equatable {
    /// Records read.
    var records = 0
    /// Records counted into the tables.
    var counted = 0
    /// Records left out by a filter.
    var excluded = 0
    /// Malformed records skipped.
    var skipped = 0

    /// Adds another scan's counts to these.
    static func += (tally: inout RecordTally, other: RecordTally) {
        tally.records += other.records
        tally.counted += other.counted
        tally.excluded += other.excluded
        tally.skipped += other.skipped
    }
}
