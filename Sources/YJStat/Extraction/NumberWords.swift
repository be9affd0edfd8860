/// Whole numbers written in digits or in English words, as reports write sample sizes
/// ("We examined four court disposals", "twenty-nine").
enum NumberWords {
    private static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                                "nineteen"]
    private static let tens = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                               "eighty": 80, "ninety": 90]

    /// The value of a word such as `29`, `four`, `Twenty-nine` or `1,234`; `nil` otherwise.
    static func value(_ word: Substring) -> Int? {
        // Cheap rejection: a number starts with a digit, or is a short word starting with a
        // letter (the longest, "seventy-seven", has 13 letters).
        guard let firstByte = word.utf8.first else { return nil }
        let isDigit = firstByte >= UInt8(ascii: "0") && firstByte <= UInt8(ascii: "9")
        let letter = firstByte | 0x20
        guard isDigit || ((firstByte >= 0x80 || (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))) && word.utf8.count <= 24) else {
            return nil
        }
        let lower = word.lowercased()
        if let first = lower.first, first.isASCIIDigit {
            let digits = lower.filter { $0 != "," }
            guard digits.count <= 9, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(digits)
        }
        if let index = units.firstIndex(of: lower) { return index }
        if let value = tens[lower] { return value }
        let parts = lower.split(separator: "-")
        if parts.count == 2, let ten = tens[String(parts[0])], let unit = units.firstIndex(of: String(parts[1])), unit < 10 {
            return ten + unit
        }
        return nil
    }

    /// A count printed in digits only (thousands separators allowed): `156,129` → 156129.
    static func digits(_ word: Substring) -> Int? {
        guard let first = word.first, first.isASCIIDigit, word.allSatisfy({ $0.isASCIIDigit || $0 == "," }) else { return nil }
        let plain = word.filter { $0 != "," }
        guard plain.count <= 12 else { return nil }
        return Int(plain)
    }

    /// A percentage printed as `26%` (whole number, 0–100 not enforced here).
    static func percent(_ word: Substring) -> Int? {
        guard word.utf8.last == UInt8(ascii: "%") else { return nil }
        let body = word.dropLast()
        guard !body.isEmpty, body.count <= 4, body.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(body)
    }
}
