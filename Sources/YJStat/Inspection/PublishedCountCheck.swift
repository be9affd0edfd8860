/// The checks of one printed row of counts — a key question's or a prompt's relevant cases, yes
/// cases and percentage — made once for every caller: extraction (on the report's rows),
/// ``SummaryDataset/promptFindings(service:)`` (on `prompts.csv`) and
/// ``ConsistencyChecker`` (on `key_questions.csv`). Each failure carries its ``FindingCode``; the
/// caller words the message for its place (report line or file line).
public enum PublishedCountCheck: Sendable, Equatable {
    /// More yes cases than relevant cases (``FindingCode/yesExceedsRelevant``).
    case yesExceedsRelevant(yes: Int, relevant: Int)
    /// More relevant cases than the cases they are drawn from: the domain's sample, or the case
    /// count of the table heading (``FindingCode/relevantExceedsSample``).
    case relevantExceedsCases(relevant: Int, cases: Int)
    /// A printed percentage that neither rounding half up nor half to even of 100·yes/relevant
    /// gives (``PrintedPercent/conventions(roundingYes:relevant:)``; ``FindingCode/percentMismatch``).
    case percentMismatch(printed: PrintedPercent, yes: Int, relevant: Int)

    /// The finding code.
    public var code: FindingCode {
        switch self {
        case .yesExceedsRelevant: .yesExceedsRelevant
        case .relevantExceedsCases: .relevantExceedsSample
        case .percentMismatch: .percentMismatch
        }
    }

    /// The severity: every failure is an error (the printed figures cannot all be right).
    public var severity: Finding.Severity { .error }

    /// The failures of a row, in this order: yes above relevant, relevant above `cases`, and the
    /// percentage against the counts (checked only when 1 ≤ relevant and yes ≤ relevant). A
    /// missing figure (blank or not applicable) is not checked.
    ///
    /// - Parameters:
    ///   - relevant: Relevant cases, as printed.
    ///   - yes: Yes cases, as printed.
    ///   - percent: The printed percentage.
    ///   - cases: The cases the relevant ones are drawn from, when known.
    public static func failures(relevant: Int?, yes: Int?, percent: PrintedPercent?, cases: Int?) -> [PublishedCountCheck] {
        var failures: [PublishedCountCheck] = []
        if let yes, let relevant, yes > relevant { failures.append(.yesExceedsRelevant(yes: yes, relevant: relevant)) }
        if let relevant, let cases, relevant > cases { failures.append(.relevantExceedsCases(relevant: relevant, cases: cases)) }
        if let percent, let yes, let relevant, relevant > 0, yes <= relevant,
           percent.conventions(roundingYes: yes, relevant: relevant).isEmpty {
            failures.append(.percentMismatch(printed: percent, yes: yes, relevant: relevant))
        }
        return failures
    }
}
