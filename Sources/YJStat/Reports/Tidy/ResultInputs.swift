/// What a result was computed from: the input files and the options given, in the order the
/// command declares them. Rendered as the `inputs` member of the JSON document and the Inputs
/// section of the CSV notes.
public struct ResultInputs: Sendable, Equatable {
    /// One input file: the option that named it and the path as given.
    public struct File: Sendable, Equatable {
        /// The option, without dashes (`counts`).
        public var option: String
        /// The path as given on the command line.
        public var path: String
        /// Creates an entry.
        public init(option: String, path: String) {
            self.option = option
            self.path = path
        }
    }

    /// One option given: its name (without dashes) and its values (empty for a flag).
    public struct Option: Sendable, Equatable {
        /// The option's name.
        public var name: String
        /// Its values in order (a repeatable option may have several; a flag has none).
        public var values: [String]
        /// Creates an entry.
        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// The input files.
    public var files: [File]
    /// The other options given.
    public var options: [Option]

    /// Creates the record.
    public init(files: [File] = [], options: [Option] = []) {
        self.files = files
        self.options = options
    }

    /// The JSON object: `files` (an array of `{option, path}`) and `options` (name → value; a
    /// flag is `true`, an option given more than once an array of its values).
    public var json: JSONValue {
        .object([
            ("files", .array(files.map { .object([("option", .string($0.option)), ("path", .string($0.path))]) })),
            ("options", .object(options.map { option in
                (option.name, option.values.isEmpty ? .bool(true)
                    : option.values.count == 1 ? .string(option.values[0]) : .array(option.values.map { .string($0) }))
            })),
        ])
    }

    /// One line per file and option: "--counts counts.csv", "--unknown Unknown", "--wide".
    public var lines: [String] {
        files.map { "--\($0.option) \($0.path)" }
            + options.map { option in
                option.values.isEmpty ? "--\(option.name)" : option.values.map { "--\(option.name) \($0)" }.joined(separator: " ")
            }
    }
}
