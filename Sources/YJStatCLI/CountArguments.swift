import ArgumentParsing
import YJStat

extension ParsedArguments {
    /// The option as a count (children, cases, a population or sample size), if given: a whole
    /// number within ``CountLimit/maximum``; throws naming the option otherwise.
    func count(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let value = Int(digits) else {
            if !digits.isEmpty, digits.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isASCIIDigit), digits.contains(where: \.isASCIIDigit) {
                throw UsageError("--\(name): \(text) is beyond the largest count yjstat accepts, \(CountLimit.maximumText)")
            }
            throw UsageError("--\(name) must be a whole number; got '\(text)'")
        }
        guard CountLimit.accepts(value) else { throw UsageError("--\(name): \(CountLimit.refusal(value))") }
        return value
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
