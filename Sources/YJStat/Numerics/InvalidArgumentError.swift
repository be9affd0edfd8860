/// A statistical function was called with an argument outside its valid range
/// (for example more successes than trials, or a confidence level of 1).
///
/// Library functions that take user-derived values validate them and throw this error rather
/// than trapping; the command-line tool reports it against the flag or file that supplied the value.
public struct InvalidArgumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter's name as in the function signature (`successes`, `confidence`, …).
    public var parameter: String
    /// What is wrong, in plain words.
    public var message: String

    /// Creates the error.
    public init(_ parameter: String, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// `parameter: message`.
    public var description: String { "\(parameter): \(message)" }
}

extension InvalidArgumentError {
    /// Throws unless `confidence` lies strictly between 0 and 1.
    static func checkConfidence(_ confidence: Double, parameter: String = "confidence") throws {
        guard confidence > 0, confidence < 1 else {
            throw InvalidArgumentError(parameter, "must be strictly between 0 and 1, got \(confidence)")
        }
    }

    /// Throws unless `0 ≤ successes ≤ trials` and `trials ≥ 1`.
    static func checkCounts(successes: Int, trials: Int) throws {
        guard trials >= 1 else { throw InvalidArgumentError("trials", "must be at least 1, got \(trials)") }
        guard successes >= 0 else { throw InvalidArgumentError("successes", "must not be negative, got \(successes)") }
        guard successes <= trials else {
            throw InvalidArgumentError("successes", "\(successes) is more than the \(trials) trials")
        }
    }
}
