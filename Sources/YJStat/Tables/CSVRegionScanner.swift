/// Scans one region of a CSV file — the records that start in `[nominalStart, limit)` — reading
/// it in blocks into its own buffer and counting into its own ``CSVPieceParser``.
///
/// A region other than the first does not know where its first record starts: it guesses just
/// after the first line break at or after `nominalStart − 1`, which is right unless that break is
/// inside a quoted field. ``StreamingCSVScanner`` checks each guess against where the region
/// before really ended, and scans a region again from the right place if the guess was wrong.
/// The last record of a region may run past `limit`; it is read to its end.
struct CSVRegionScanner {
    /// What scanning a region found; lines and issue positions are relative to `start`.
    struct Outcome: Sendable {
        /// The offset parsing began at (a record start, or a guess at one).
        var start: Int
        /// The first record start at or after the limit (or the end of the file).
        var end: Int
        /// Whether the region was scanned to its end (false when abandoned after an earlier error).
        var complete = true
        /// Line breaks scanned.
        var lines = 0
        /// What became of the records scanned.
        var tally = RecordTally()
        /// The first problems, lines relative to `start`.
        var issues: [PieceIssue] = []
        /// Under ``MalformedRowPolicy/stop``, the problem that stopped the scan.
        var fatal: PieceIssue?
        /// The largest the block buffer grew.
        var bufferCapacity = 0
    }

    let source: any ByteBlockSource
    let blockSize: Int
    let issueLimit: Int
    /// The longest record read into memory; a longer one is an error or (skipping) costs one line.
    var maximumRecordLength = StreamingCSVScanner.defaultMaximumRecordLength
    /// What to do with a record over the length limit.
    var policy = MalformedRowPolicy.stop

    /// The offset just after the first line break at or after `offset - 1` and before `limit`
    /// (a CR LF pair counts as one break), or `limit` when there is none.
    func guessRecordStart(after offset: Int, limit: Int) throws -> Int {
        let size = min(limit + 1, source.size)
        let chunk = min(blockSize, 64 * 1024) + 1
        var buffer = [UInt8](repeating: 0, count: chunk)
        var at = max(0, offset - 1)
        while at < min(limit, size) {
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, count: chunk, at: at) }
            if n == 0 { break }
            for i in 0..<n {
                let b = buffer[i]
                if b == Byte.lf { return min(limit, at + i + 1) }
                if b == Byte.cr {
                    if i + 1 < n { return min(limit, at + i + (buffer[i + 1] == Byte.lf ? 2 : 1)) }
                    if at + i + 1 >= source.size { return min(limit, at + i + 1) }
                    // The CR ends this read: look at the next byte.
                    let next = try buffer.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, count: 1, at: at + i + 1) }
                    return min(limit, at + i + 1 + (next == 1 && buffer[0] == Byte.lf ? 1 : 0))
                }
            }
            at += n
        }
        return limit
    }

    /// Parses the records that start in `[start, limit)` (absolute offsets), reading past `limit`
    /// to finish the last one.
    ///
    /// - Parameter abandon: Asked after each block; when it returns true the scan stops and the
    ///   outcome is marked incomplete.
    func scan(from start: Int, limit: Int, into parser: CSVPieceParser, buffer storage: ScanBuffer,
              abandon: () -> Bool) throws -> Outcome {
        var outcome = Outcome(start: start, end: start)
        guard start < limit else { return outcome }
        var buffer = UnsafeGrowableArray<UInt8>(capacity: 1)
        swap(&buffer, &storage.bytes)
        defer { swap(&buffer, &storage.bytes) }
        var fileOffset = start   // file offset of buffer[0]
        var filled = 0
        var atEndOfFile = false
        while true {
            if buffer.capacity - filled < blockSize {
                buffer.setCount(filled)
                buffer.reserve(filled + blockSize)
            }
            let got = try source.read(into: buffer.base + filled, count: blockSize, at: fileOffset + filled)
            filled += got
            outcome.bufferCapacity = max(outcome.bufferCapacity, buffer.capacity)
            atEndOfFile = got < blockSize || fileOffset + filled >= source.size
            let piece = parser.parse(buffer.base, count: filled, start: 0, limit: min(limit - fileOffset, filled),
                                     atEndOfFile: atEndOfFile, blockPosition: fileOffset)
            let linesBefore = outcome.lines
            outcome.lines += piece.lines
            outcome.tally += piece.tally
            for issue in piece.issues where outcome.issues.count < issueLimit {
                outcome.issues.append(issue.shifted(by: linesBefore))
            }
            if let fatal = piece.fatal {
                outcome.fatal = fatal.shifted(by: linesBefore)
                outcome.end = fileOffset
                return outcome
            }
            if piece.incomplete && filled - piece.end > maximumRecordLength {
                // The record that starts at piece.end runs on past the limit: never hold more.
                let recordStart = fileOffset + piece.end
                let problem = PieceIssue(line: outcome.lines, column: nil, kind: .recordTooLong(limit: maximumRecordLength))
                outcome.tally.records += 1
                if policy == .stop {
                    outcome.fatal = problem
                    outcome.end = recordStart
                    return outcome
                }
                outcome.tally.skipped += 1
                if outcome.issues.count < issueLimit { outcome.issues.append(problem) }
                let next = try guessRecordStart(after: recordStart + 1, limit: source.size)
                outcome.lines += 1
                if next >= limit || next >= source.size {
                    outcome.end = next
                    return outcome
                }
                fileOffset = next
                filled = 0
                continue
            }
            let end = fileOffset + piece.end
            if !piece.incomplete && (end >= limit || atEndOfFile) {
                outcome.end = end
                return outcome
            }
            if abandon() {
                outcome.complete = false
                outcome.end = end
                return outcome
            }
            // Keep the unfinished record (if any) and read on after it.
            let carry = filled - piece.end
            if carry > 0 && piece.end > 0 { buffer.base.update(from: buffer.base + piece.end, count: carry) }
            fileOffset = end
            filled = carry
        }
    }
}

/// A block buffer that one worker thread reuses for every region it scans, so that memory is
/// allocated (and its pages touched) once per thread rather than once per region.
final class ScanBuffer {
    var bytes: UnsafeGrowableArray<UInt8>
    init(blockSize: Int) { bytes = UnsafeGrowableArray<UInt8>(capacity: blockSize + 1, padding: 64) }
}
