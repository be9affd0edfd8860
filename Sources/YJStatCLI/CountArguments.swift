import ArgumentParsing
import YJStat

/// Reading counts (children, cases, a population or sample size) from the command line: a whole
/// number within ``CountLimit/maximum``, `_` allowed between digits.
enum CountArgument {
    /// Parses the text given for `--name` as a count of at least `minimum` (when given).
    ///
    /// - Throws: ``UsageError`` naming the option when the text is not a whole number, is beyond
    ///   the largest count yjstat accepts, or is below `minimum`.
    static func parse(_ text: String, option name: String, minimum: Int? = nil) throws -> Int {
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let value = Int(digits) else {
            if !digits.isEmpty, digits.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isASCIIDigit), digits.contains(where: \.isASCIIDigit) {
                throw UsageError("--\(name): \(text) is beyond the largest count yjstat accepts, \(CountLimit.maximumText)")
            }
            throw UsageError("--\(name) must be a whole number; got '\(text)'")
        }
        guard CountLimit.accepts(value) else { throw UsageError("--\(name): \(CountLimit.refusal(value))") }
        if let minimum, value < minimum { throw UsageError("--\(name) must be at least \(minimum); got \(value)") }
        return value
    }
}

extension Option where Value == Int {
    /// Declares a count option (see ``CountArgument``) that must be at least `minimum` (nil: any
    /// count ``CountLimit`` accepts, for a command that words its own range check).
    static func count(_ name: String, _ valueName: String, help: String, minimum: Int? = 1,
                      default defaultValue: Int? = nil, required: Bool = false) -> Option<Int> {
        Option(name, valueName, help: help, default: defaultValue, required: required) { text, name in
            try CountArgument.parse(text, option: name, minimum: minimum)
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
