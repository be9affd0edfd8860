/// Word wrapping for plain-text reports.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` characters (a longer word stays on
    /// its own line), the first line prefixed by `first` and the others by `rest`; each line
    /// ends in a newline.
    public static func wrap(_ text: String, width: Int = 96, first: String = "", rest: String = "") -> String {
        var out = ""
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                out += line + "\n"
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }
}
