/// A problem with user-supplied input, located as precisely as the input allows.
///
/// Every reader in yjstat reports bad input with this type so that messages have one shape,
/// `file:line:column: message`, which editors and terminals can link to. Where the column or
/// line is unknown it is left out (`file:line: message`, `file: message`).
///
/// ```swift
/// throw InputError(file: "counts.csv", line: 14, column: 3,
///                  message: "expected a whole number, found '12a'")
/// // counts.csv:14:3: expected a whole number, found '12a'
/// ```
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name (or a label such as `--yes` for a command-line value).
    public var file: String
    /// The 1-based line number, if known.
    public var line: Int?
    /// The 1-based column (field) number, if known.
    public var column: Int?
    /// What is wrong, in plain words; it may mention a parameter (``Parameter/mention``), which
    /// ``description`` writes in the library's words and the command-line tool as its flag.
    public var message: String

    /// Creates an input error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = InputError.shortened(message)
    }

    /// The longest message kept whole; a longer one (a message quoting a huge cell) keeps its
    /// start and end around an ellipsis, so that no error floods the terminal.
    public static let maximumMessageLength = 600

    static func shortened(_ message: String) -> String {
        guard message.count > maximumMessageLength else { return message }
        let keep = maximumMessageLength / 2 - 10
        return "\(message.prefix(keep)) … (\(message.count - 2 * keep) characters left out) … \(message.suffix(keep))"
    }

    /// `file:line:column: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(Parameter.libraryWording(message))"
    }
}
