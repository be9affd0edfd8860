/// What a streaming scan does with a malformed row (`--on-error stop|skip`).
public enum MalformedRowPolicy: String, Sendable, Equatable, Codable, CaseIterable {
    /// Stop at the first malformed row and throw an ``InputError`` naming its line and column.
    case stop
    /// Leave the row out, count it, and report the first few with their positions in
    /// ``AggregationResult/skippedExamples``. Nothing is dropped without being counted.
    case skip
}
