/// Renders `--help` text for commands and the top-level command list.
public enum HelpFormatter {
    /// Help for one command: abstract, usage line, discussion, arguments, options, examples.
    public static func help(for spec: CommandSpec) -> String {
        var out = "OVERVIEW: \(spec.abstract)\n\n"
        out += "USAGE: \(usage(for: spec))\n"
        if !spec.discussion.isEmpty { out += "\n" + spec.discussion.trimmingTrailingNewlines() + "\n" }
        if !spec.positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            out += table(spec.positionals.map { ("<\($0.name)>" + ($0.isVariadic ? " ..." : ""), $0.help) })
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
        out += "\nOPTIONS:\n" + table(rows)
        if !spec.examples.isEmpty {
            out += "\nEXAMPLES:\n" + spec.examples.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// The one-line usage synopsis.
    public static func usage(for spec: CommandSpec) -> String {
        var parts = ["\(spec.program) \(spec.name)"]
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
    public static func overview(program: String, abstract: String, commands: [CommandSpec], footer: String) -> String {
        var out = "OVERVIEW: \(abstract)\n\nUSAGE: \(program) <subcommand> [options]\n\nSUBCOMMANDS:\n"
        out += table(commands.map { ($0.name, $0.abstract) })
        out += "\n  See '\(program) help <subcommand>' or '\(program) <subcommand> --help' for details.\n"
        if !footer.isEmpty { out += "\n" + footer + "\n" }
        return out
    }

    private static func table(_ rows: [(String, String)]) -> String {
        let width = min(28, (rows.map(\.0.count).max() ?? 0))
        return rows.map { left, right in
            if left.count > width {
                return "  \(left)\n  \(String(repeating: " ", count: width))  \(right)\n"
            }
            return "  \(left)\(String(repeating: " ", count: width - left.count))  \(right)\n"
        }.joined()
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
