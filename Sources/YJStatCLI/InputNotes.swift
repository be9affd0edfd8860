import Foundation

/// Prints what a reader noticed about an input (a delimiter, an encoding, skipped empty rows,
/// renamed columns) on standard error, one `yjstat COMMAND: note: …` line each.
func printNotes(_ notes: [String], command: String) {
    for note in notes { CLI.printError("\(CLI.program) \(command): note: \(note)\n") }
}
