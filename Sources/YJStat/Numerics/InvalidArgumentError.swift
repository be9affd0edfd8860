/// A statistical function was called with an argument outside its valid range
/// (for example more successes than trials, or a confidence level of 1).
///
/// Library functions that take user-derived values validate them and throw this error rather
/// than trapping. It names the ``Parameter`` (never a command-line flag), and the file the value
/// was checked against when there is one; the command-line tool reports it against the flag
/// that supplied the value (`YJStatCLI/ParameterFlags.swift`).
public struct InvalidArgumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter, as named in the function signature or options type (`successes`, ``Parameter/stages``, …).
    public var parameter: Parameter
    /// The file the value was checked against (a counts table without the stage asked for), if any.
    public var file: String?
    /// What is wrong, in plain words.
    public var message: String

    /// Creates the error.
    public init(_ parameter: Parameter, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// Creates the error for a value checked against a file.
    public init(_ parameter: Parameter, file: String, _ message: String) {
        self.parameter = parameter
        self.file = file
        self.message = message
    }

    /// The same error, checked against `file` unless it already names one.
    public func located(in file: String) -> InvalidArgumentError {
        var located = self
        if located.file == nil { located.file = file }
        return located
    }

    /// `file: parameter: message`, leaving out the file when there is none.
    public var description: String { (file.map { "\($0): " } ?? "") + "\(parameter): \(Parameter.libraryWording(message))" }
}

extension InvalidArgumentError {
    /// Throws unless `confidence` lies strictly between 0 and 1.
    static func checkConfidence(_ confidence: Double, parameter: Parameter = .confidence) throws {
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
