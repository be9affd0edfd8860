import Foundation

/// A notebook-as-script page: narrative text (question, method, live numbers, meaning, caveats)
/// printed to standard output, plus the tables and charts it produces, written to a folder.
///
/// The executables under `Notebooks/` build one page each from the bundled datasets.
public struct Notebook: Sendable {
    /// The notebook's name (`notebook-sampling`), also the default output folder's name.
    public let name: String
    /// The narrative so far.
    public private(set) var text: String
    /// The files to write, by name, in the order added.
    public private(set) var files: [(name: String, text: String)] = []
    /// Text width for wrapped paragraphs.
    public var width = 96

    /// Starts a page with a title.
    public init(name: String, title: String) {
        self.name = name
        text = title + "\n" + String(repeating: "=", count: title.count) + "\n"
    }

    /// Starts a section.
    public mutating func section(_ title: String) {
        text += "\n" + title + "\n" + String(repeating: "-", count: title.count) + "\n"
    }

    /// A wrapped paragraph, optionally led by a label (`Question:`).
    public mutating func paragraph(_ body: String, label: String? = nil) {
        text += TextWrap.wrap(label.map { "\($0): \(body)" } ?? body, width: width)
    }

    /// A bullet point.
    public mutating func bullet(_ body: String) {
        text += TextWrap.wrap(body, width: width, first: "  - ", rest: "    ")
    }

    /// An aligned table, indented two spaces, followed by a blank line.
    public mutating func table(header: [String], rows: [[String]]) {
        text += "\n" + TextTable(header: header, rows: rows).render().indented("  ") + "\n"
    }

    /// Verbatim text (already formatted).
    public mutating func verbatim(_ block: String) {
        text += block.hasSuffix("\n") ? block : block + "\n"
    }

    /// Adds a file to write (a CSV table or an SVG chart).
    public mutating func file(_ name: String, _ content: String) {
        files.append((name, content))
    }

    /// Adds a CSV table from result rows.
    public mutating func csv(_ name: String, rows: [ResultRow]) {
        files.append((name, CSVWriter.render(rows: rows)))
    }

    /// Writes the narrative (`notebook.txt`) and every file into `folder`, atomically, with the
    /// parameters the library's texts mention in the library's words (``Parameter/libraryWording(_:)``).
    ///
    /// - Throws: ``InputError`` when the folder cannot be created or a file written.
    public func write(to folder: URL, protecting inputs: [URL]) throws {
        try OutputFolder.write(([("notebook.txt", text)] + files).map { ($0.name, Parameter.libraryWording($0.text)) },
                               to: folder, protecting: inputs)
    }
}
