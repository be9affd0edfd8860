import Foundation
import YJStat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deterministic generator of made-up case-level youth justice extracts, for tests, examples
/// and benchmarks: one row per child per outcome, as a case management system or a national
/// multi-year file would hold them.
///
/// Columns: `record_id, service, service_name, year, outcome_date, sex, age, ethnicity, stage,
/// offence`. Rows are drawn independently from fixed, realistic-looking distributions:
///
/// - `service`: one of 155 English and Welsh local-authority areas (``SyntheticServices``), with
///   sizes spread over about a factor of twenty; `service_name` is the display name, quoted when
///   it contains a comma (`"Bristol, City of"`).
/// - `ethnicity`: White, Black, Asian, Mixed, Chinese, Other, or Unknown, in proportions near
///   those of children in the youth justice system of England and Wales (White about two thirds,
///   Unknown about 3.5%), more diverse in London boroughs.
/// - `sex` (Male 84%), `age` 10–17 (mostly 15–17), `year` 2019–2023 (falling volumes).
/// - `stage`: arrest, out-of-court disposal, first-time entry, court, remand, custody, with the
///   later stages more likely for Black and Mixed children, so the data show disproportionality.
/// - `offence`: a category; a few contain a comma or doubled quotes, and about one row in five
///   thousand has a line break inside the quoted text, so a parser meets every RFC 4180 case.
///
/// The same `seed` always gives the same bytes (the library's ``SplitMix64``, Steele, Lea &
/// Flood 2014), on every platform. The numbers are invented and describe no real service.
public struct SyntheticExtract: Sendable {
    /// How lines end.
    public enum LineEnding: String, Sendable, CaseIterable {
        /// `\n`.
        case lf
        /// `\r\n` (RFC 4180's line ending).
        case crlf
    }

    /// The column names, in file order.
    public static let columns = ["record_id", "service", "service_name", "year", "outcome_date", "sex", "age",
                                 "ethnicity", "stage", "offence"]
    /// The ethnic groups, Unknown last.
    public static let ethnicGroups = ["White", "Black", "Asian", "Mixed", "Chinese", "Other", "Unknown"]
    /// The stages, in youth justice order.
    public static let stages = ["arrest", "out-of-court disposal", "first-time entry", "court", "remand", "custody"]
    /// The years covered.
    public static let years = Array(2019...2023)

    /// Number of data rows.
    public var rows: Int
    /// The seed; the same seed gives the same file.
    public var seed: UInt64
    /// Line ending.
    public var lineEnding: LineEnding
    /// A known adjusted effect to plant (remand among court records); `nil` leaves the
    /// generator's output unchanged.
    public var plantedEffect: SyntheticPlantedEffect?

    /// Creates a generator.
    public init(rows: Int, seed: UInt64, lineEnding: LineEnding = .lf, plantedEffect: SyntheticPlantedEffect? = nil) {
        self.rows = rows
        self.seed = seed
        self.lineEnding = lineEnding
        self.plantedEffect = plantedEffect
    }

    /// The service ids, in ``SyntheticServices`` order.
    public static var serviceIDs: [String] { SyntheticServices.names.map(SyntheticServices.slug) }

    /// The whole extract as bytes (for small row counts).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        write { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the extract to `url` in 1 MiB chunks (never holding the whole file), through a
    /// temporary file renamed into place at the end (removed if the process is interrupted, see
    /// ``TemporaryFiles``). A FIFO or device at `url` (`/dev/null`) is written in place, never
    /// replaced; a symbolic link is followed.
    ///
    /// - Throws: ``InputError`` naming the file when it cannot be written.
    public func write(to url: URL) throws {
        if let descriptor = AtomicFileWriter.standardStream(for: url) {
            var failure: (any Error)?
            write { chunk in
                guard failure == nil else { return }
                do { try StandardOutput.write(chunk, toStandardStream: descriptor, name: url.path) } catch { failure = error }
            }
            if let failure { throw failure }
            return
        }
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
        var status = stat()
        let inPlace = stat(resolved.path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG
        if inPlace && status.st_mode & S_IFMT == S_IFDIR {
            throw InputError(file: url.path, message: "output path is a folder")
        }
        let folder = resolved.deletingLastPathComponent()
        let temporary = inPlace ? resolved : folder.appendingPathComponent(".\(resolved.lastPathComponent).tmp-\(UUID().uuidString)")
        let token = inPlace ? nil : TemporaryFiles.register(temporary.path)
        defer { TemporaryFiles.remove(token) }
        let fd = inPlace ? open(temporary.path, O_WRONLY | O_NONBLOCK) : open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw InputError(file: url.path, message: "cannot create file (\(String(cString: strerror(errno))))")
        }
        if inPlace {
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        }
        var failure: String?
        write { chunk in
            guard failure == nil else { return }
            chunk.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    done += n
                }
            }
        }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if inPlace {
            if let failure { throw InputError(file: url.path, message: "cannot write file (\(failure))") }
            return
        }
        if failure == nil, rename(temporary.path, resolved.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw InputError(file: url.path, message: "cannot write file (\(failure))")
        }
    }

    /// Generates the extract, handing it over in chunks of about 1 MiB.
    public func write(_ sink: ([UInt8]) -> Void) {
        let model = Model.shared
        var random = SplitMix64(seed: seed)
        let newline: [UInt8] = lineEnding == .crlf ? [13, 10] : [10]
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        buffer.append(contentsOf: Array(SyntheticExtract.columns.joined(separator: ",").utf8))
        buffer.append(contentsOf: newline)
        let planted = plantedEffect?.resolved(offences: Model.offenceNames)
        for row in 0..<max(0, rows) {
            model.appendRow(number: row + 1, random: &random, newline: newline, planted: planted, to: &buffer)
            if buffer.count >= 1 << 20 {
                sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { sink(buffer) }
    }

    /// The fixed distributions, with every field's bytes prepared once.
    struct Model: Sendable {
        static let shared = Model()

        let serviceFields: [[UInt8]]            // "slug,name" with the name quoted if needed
        let serviceCumulative: [Double]
        let ethnicCumulative: [[Double]]        // per service
        let ethnicFields: [[UInt8]]
        let stageCumulative: [[Double]]         // per ethnic group
        let stageFields: [[UInt8]]
        let sexCumulative: [Double]
        let sexFields: [[UInt8]]
        let ageCumulative: [Double]
        let yearCumulative: [Double]
        let offenceCumulative: [Double]
        let offenceFields: [[UInt8]]
        let offenceWithLineBreak: [UInt8]
        static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        static let offenceNames = [
            "Violence against the person", "Theft and handling stolen goods", "Drugs offences", "Criminal damage",
            "Robbery", "Motoring offences", "Public order offences", "Breach of statutory order", "Burglary",
            "Sexual offences", "Fraud, forgery and other", "Possession of an article with a blade or point (\"bladed article\")",
            "Other",
        ]

        init() {
            let names = SyntheticServices.names
            // Service sizes and diversity come from a fixed generator, not the caller's seed, so
            // every extract describes the same invented country.
            var fixed = SplitMix64(seed: 0x5EED_0F_5E41_1CE5)
            var sizes: [Double] = []
            var diversity: [Double] = []
            for index in names.indices {
                let u = fixed.unit()
                sizes.append(exp(-1.5 + 3.0 * u))                  // about e^3 ≈ 20-fold spread
                let london = index < SyntheticServices.londonCount
                diversity.append(london ? 2.5 + 3.0 * fixed.unit() : 0.3 + 1.2 * fixed.unit())
            }
            serviceFields = names.map { name in
                let shown = name.contains(",") ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
                return Array((SyntheticServices.slug(name) + "," + shown).utf8)
            }
            serviceCumulative = Model.cumulative(sizes)
            // White, Black, Asian, Mixed, Chinese, Other, Unknown.
            let base = [0.66, 0.12, 0.07, 0.09, 0.005, 0.02, 0.035]
            ethnicCumulative = diversity.map { d in
                Model.cumulative(base.enumerated().map { i, p in (i == 0 || i == 6) ? p : p * d })
            }
            ethnicFields = SyntheticExtract.ethnicGroups.map { Array($0.utf8) }
            // arrest, out-of-court disposal, first-time entry, court, remand, custody.
            let stageBase = [0.55, 0.18, 0.12, 0.12, 0.01, 0.02]
            let laterStageFactor = [1.0, 1.9, 1.2, 1.5, 1.0, 1.0, 1.1]
            stageCumulative = laterStageFactor.map { f in
                Model.cumulative(stageBase.enumerated().map { i, p in i >= 3 ? p * f : p })
            }
            stageFields = SyntheticExtract.stages.map { Array($0.utf8) }
            sexCumulative = Model.cumulative([0.84, 0.158, 0.002])
            sexFields = ["Male", "Female", "Unknown"].map { Array($0.utf8) }
            ageCumulative = Model.cumulative([1, 2, 4, 7, 11, 16, 22, 25])
            yearCumulative = Model.cumulative([24, 22, 19, 18, 17])
            let offences = [
                ("Violence against the person", 22.0), ("Theft and handling stolen goods", 12), ("Drugs offences", 11),
                ("Criminal damage", 8), ("Robbery", 6), ("Motoring offences", 9), ("Public order offences", 8),
                ("Breach of statutory order", 6), ("Burglary", 4), ("Sexual offences", 2),
                ("Fraud, forgery and other", 2), ("Possession of an article with a blade or point (\"bladed article\")", 5),
                ("Other", 5),
            ]
            offenceCumulative = Model.cumulative(offences.map(\.1))
            assert(offences.map(\.0) == Model.offenceNames)
            offenceFields = offences.map { text, _ in
                let needsQuotes = text.contains(",") || text.contains("\"")
                return Array((needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text).utf8)
            }
            offenceWithLineBreak = Array("\"Other\n(see case notes)\"".utf8)
        }

        static func cumulative(_ weights: [Double]) -> [Double] {
            let total = weights.reduce(0, +)
            var running = 0.0
            var out = weights.map { running += $0 / total; return running }
            out[out.count - 1] = 1
            return out
        }

        @inline(__always)
        static func pick(_ cumulative: [Double], _ random: inout SplitMix64) -> Int {
            let u = random.unit()
            var low = 0, high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if u < cumulative[mid] { high = mid } else { low = mid + 1 }
            }
            return low
        }

        func appendRow(number: Int, random: inout SplitMix64, newline: [UInt8],
                       planted: SyntheticPlantedEffect.Resolved? = nil, to out: inout [UInt8]) {
            let comma = UInt8(ascii: ",")
            let service = Model.pick(serviceCumulative, &random)
            let year = SyntheticExtract.years[Model.pick(yearCumulative, &random)]
            let month = Int(random.next() % 12)
            let day = 1 + Int(random.next() % UInt64(Model.monthDays[month]))
            let sex = Model.pick(sexCumulative, &random)
            let age = 10 + Model.pick(ageCumulative, &random)
            let ethnicity = Model.pick(ethnicCumulative[service], &random)
            var stage = Model.pick(stageCumulative[ethnicity], &random)
            var offence = Model.pick(offenceCumulative, &random)
            let lineBreak = random.next() % 5000 == 0
            planted?.apply(ethnicity: ethnicity, sex: sex, age: age, lineBreak: lineBreak, stage: &stage, offence: &offence, random: &random)

            out.append(UInt8(ascii: "R"))
            Model.appendDigits(number, width: 9, to: &out)
            out.append(comma)
            out.append(contentsOf: serviceFields[service])
            out.append(comma)
            Model.appendDigits(year, width: 4, to: &out)
            out.append(comma)
            Model.appendDigits(year, width: 4, to: &out)
            out.append(UInt8(ascii: "-"))
            Model.appendDigits(month + 1, width: 2, to: &out)
            out.append(UInt8(ascii: "-"))
            Model.appendDigits(day, width: 2, to: &out)
            out.append(comma)
            out.append(contentsOf: sexFields[sex])
            out.append(comma)
            Model.appendDigits(age, width: 2, to: &out)
            out.append(comma)
            out.append(contentsOf: ethnicFields[ethnicity])
            out.append(comma)
            out.append(contentsOf: stageFields[stage])
            out.append(comma)
            out.append(contentsOf: lineBreak ? offenceWithLineBreak : offenceFields[offence])
            out.append(contentsOf: newline)
        }

        static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var v = value
            var i = width - 1
            while v > 0 && i >= 0 {
                digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                i -= 1
            }
            out.append(contentsOf: digits)
        }
    }
}

/// `write(2)`, named so that it cannot be confused with ``SyntheticExtract/write(to:)``.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
