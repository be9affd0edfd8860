/// Why a regression model could not be fitted from the data given. Each case carries what a
/// user needs to fix the command or understand the data; ``description`` is the message.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No record (or count) has the outcome: the outcome value never occurs in the selection.
    case outcomeNeverOccurs(outcome: String, among: String)
    /// Every record has the outcome, so there is no contrast to model.
    case outcomeAlwaysOccurs(outcome: String, among: String)
    /// A term takes fewer than two values among the records (`level` is the only one, or `nil`
    /// when there are none).
    case termHasOneLevel(term: String, level: String?)
    /// The named reference level does not occur among the records.
    case referenceLevelAbsent(term: String, reference: String, levels: [String])
    /// A `--reference` names a term that is not in the model.
    case referenceForUnknownTerm(term: String, terms: [String])
    /// A term was listed twice, or the outcome column is also a term.
    case invalidTerms(String)
    /// No records or counts were selected.
    case noData(String)
    /// The maximum-likelihood estimate does not exist (some coefficient is infinite): the
    /// outcome is perfectly or quasi-perfectly predicted. `explanation` lists the cells.
    case separation(explanation: String)
    /// The design's columns are linearly dependent (two terms are confounded with each other
    /// in these data), so the named coefficient is not identifiable.
    case aliased(column: String)
    /// Iteratively reweighted least squares did not converge.
    case notConverged(iterations: Int, change: Double)

    /// A one-paragraph explanation, in the library's words.
    public var description: String { Parameter.libraryWording(message) }

    /// The explanation with its parameters as ``Parameter/mention``s, for a caller that names
    /// them its own way (the command-line tool: as flags).
    public var message: String {
        switch self {
        case let .outcomeNeverOccurs(outcome, among):
            return "the outcome \(outcome) never occurs among \(among): there is nothing to model (check the outcome value and \(Parameter.among.mention))"
        case let .outcomeAlwaysOccurs(outcome, among):
            return "every record among \(among) has the outcome \(outcome): there is no contrast to model"
        case let .termHasOneLevel(term, level):
            if let level {
                return "term '\(term)' has only one level ('\(level)') in the selected records, so its effect cannot be estimated; drop it from \(Parameter.terms.mention)"
            }
            return "term '\(term)' has no values in the selected records"
        case let .referenceLevelAbsent(term, reference, levels):
            return "reference level '\(reference)' of term '\(term)' does not occur in the selected records; levels present: \(levels.joined(separator: ", "))"
        case let .referenceForUnknownTerm(term, terms):
            return "\(Parameter.termReference.mention) names term '\(term)', which is not in \(Parameter.terms.mention) (\(terms.joined(separator: ",")))"
        case let .invalidTerms(message):
            return message
        case let .noData(message):
            return message
        case let .separation(explanation):
            return explanation
        case let .aliased(column):
            return "coefficient '\(column)' is not identifiable: its column is a linear combination of earlier ones (the terms are confounded in these data); drop or merge a term"
        case let .notConverged(iterations, change):
            return "the fit did not converge in \(iterations) iterations (last change \(change)); try \(Parameter.firth.mention)"
        }
    }
}
