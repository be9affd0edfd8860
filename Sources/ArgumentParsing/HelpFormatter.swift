import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders `--help` text for commands and the top-level command list, wrapped to a width.
public enum HelpFormatter {
    /// The width help is wrapped to: `$COLUMNS` when it is a number of at least 40, else the
    /// width of the terminal on standard output, else 80.
    public static func terminalWidth() -> Int {
        terminalWidth(columns: ProcessInfo.processInfo.environment["COLUMNS"], output: STDOUT_FILENO)
    }

    /// The width help is wrapped to, given the value of `COLUMNS` and the descriptor help is
    /// written to (nil when it is not a descriptor, as for captured output): `columns` when it is
    /// a number of at least 40, else the width of the terminal `output` is, else 80.
    public static func terminalWidth(columns: String?, output: Int32?) -> Int {
        if let columns, let width = Int(columns), width >= 40 { return width }
        #if canImport(Glibc) || canImport(Darwin)
        var size = winsize()
        if let output, isatty(output) != 0, ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return Int(size.ws_col)
        }
        #endif
        return 80
    }

    /// Help for one command: abstract, usage line, discussion, arguments, options, examples,
    /// every line at most `width` characters where words allow (a longer word stays whole).
    public static func help(for spec: CommandSpec, width: Int = terminalWidth()) -> String {
        var out = wrap("OVERVIEW: \(spec.abstract)", width: width, indent: 10) + "\n"
        out += wrap("USAGE: \(usage(for: spec))", width: width, indent: 7)
        if !spec.discussion.isEmpty {
            out += "\n" + reflow(spec.discussion.trimmingTrailingNewlines(), width: width)
        }
        if !spec.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            out += table(spec.positionals.map { ("<\($0.name)>" + ($0.isVariadic ? " ..." : ""), $0.help) }, width: width)
        }
        var rows: [(String, String)] = spec.options.map { option in
            var left = "--\(option.name)"
            if let valueName = option.valueName { left += " <\(valueName)>" }
            var right = option.help
            if let choices = option.choices { right += " (\(choices.joined(separator: "|")))" }
            if let defaultValue = option.defaultValue { right += " (default: \(defaultValue))" }
            if option.isRequired { right += " (required)" }
            return (left, right)
        }
        rows.append(("-h, --help", "Show this help."))
        if spec.option(named: "version") == nil { rows.append(("--version", "Show the version.")) }
        out += "\nOPTIONS:\n" + table(rows, width: width)
        if !spec.examples.isEmpty {
            out += "\nEXAMPLES:\n" + spec.examples.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// The one-line usage synopsis (`program name …`, or `program …` for a command whose name
    /// is empty, such as a stand-alone executable).
    public static func usage(for spec: CommandSpec) -> String {
        var parts = [[spec.program, spec.name].filter { !$0.isEmpty }.joined(separator: " ")]
        for positional in spec.positionals {
            var text = "<\(positional.name)>" + (positional.isVariadic ? " ..." : "")
            if !positional.isRequired { text = "[\(text)]" }
            parts.append(text)
        }
        for option in spec.options {
            var text = "--\(option.name)"
            if let valueName = option.valueName { text += " <\(valueName)>" }
            parts.append(option.isRequired ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    /// The top-level help listing subcommands.
    public static func overview(program: String, abstract: String, commands: [CommandSpec], footer: String,
                                width: Int = terminalWidth()) -> String {
        var out = wrap("OVERVIEW: \(abstract)", width: width, indent: 10) + "\nUSAGE: \(program) <subcommand> [options]\n\nSUBCOMMANDS:\n"
        out += table(commands.map { ($0.name, $0.abstract) }, width: width)
        out += "\n" + wrap("  See '\(program) help <subcommand>' or '\(program) <subcommand> --help' for details.", width: width, indent: 2)
        if !footer.isEmpty { out += "\n" + footer + "\n" }
        return out
    }

    /// Two columns: names padded to the longest (at most 28), descriptions wrapped to `width`
    /// and indented under their column; a longer name puts its description on the next line.
    private static func table(_ rows: [(String, String)], width: Int) -> String {
        let column = min(28, (rows.map(\.0.count).max() ?? 0))
        let indent = 2 + column + 2
        return rows.map { left, right in
            let description = wrap(String(repeating: " ", count: indent) + right, width: width, indent: indent)
            let body = description.dropFirst(indent)
            if left.count > column {
                return "  \(left)\n" + description
            }
            return "  \(left)\(String(repeating: " ", count: column - left.count))  " + body
        }.joined()
    }

    /// Prose re-wrapped to `width`: a paragraph (lines up to a blank line) that fits is kept as
    /// written; one with a longer line is joined and wrapped again, unless it holds indented or
    /// bulleted lines, which are then wrapped one by one so their layout survives.
    static func reflow(_ text: String, width: Int) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        return paragraphs.map { paragraph -> String in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.allSatisfy({ $0.count <= width }) { return lines.map { $0 + "\n" }.joined() }
            if lines.contains(where: { $0.hasPrefix(" ") || $0.hasPrefix("- ") || $0.hasPrefix("* ") }) {
                return lines.map { line in
                    let indent = line.prefix { $0 == " " }.count + (line.drop { $0 == " " }.hasPrefix("- ") ? 2 : 0)
                    return wrap(line, width: width, indent: indent)
                }.joined()
            }
            return wrap(lines.joined(separator: " "), width: width, indent: 0)
        }.joined(separator: "\n")
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stays
    /// whole on its line), continuation lines indented by `indent` spaces; ends in a newline.
    static func wrap(_ text: String, width: Int, indent: Int) -> String {
        let leading = text.prefix { $0 == " " }
        var lines: [String] = []
        var line = String(leading)
        var lineHasWord = false
        for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
