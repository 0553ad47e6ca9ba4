import Foundation

/// Reads snapshot files: size check, parse, validate. An invalid file yields no snapshot and
/// every problem found; it never throws and never traps.
public enum SnapshotLoader {
    /// Files larger than this are refused before reading (1M deployments is about 250 MB).
    public static let maxFileBytes = 1 << 30

    public struct Result: Sendable {
        public let snapshot: Snapshot?
        /// Errors and warnings, in file order.
        public let problems: [Problem]
    }

    /// Loads one file from disk.
    /// `split`: how many cores decode a large file (the result is the same either way).
    /// `progress`: told the file and how far its parse has got (every few thousand rows).
    public static func load(file path: String, gazetteer: Gazetteer = .shared,
                            limits: JSONLimits = JSONLimits(), split: ParseSplit = .automatic,
                            progress: LoadProgress? = nil) -> Result {
        progress?.begin(file: path, bytes: LoadProgress.size(of: path))
        defer { progress?.finishFile() }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxFileBytes {
            return Result(snapshot: nil, problems: [Problem(file: path, line: 1, column: 1, path: "",
                message: "the file is \(size) bytes; the limit is \(maxFileBytes) bytes")])
        }
        guard let file = MappedFile(path: path) else {
            return Result(snapshot: nil, problems: [Problem(file: path, line: 0, column: 0, path: "",
                message: "cannot read the file (missing, not a regular file, or not readable)")])
        }
        let pieces = split.pieces(forBytes: file.buffer.count)
        // In pieces, each used piece lets go of its own pages; sequentially, the cursor does.
        return parse(buffer: file.buffer, file: path, gazetteer: gazetteer, limits: limits, pieces: pieces,
                     progress: pieces > 1 ? progress.map { p in { p.advance(to: $0) } }
                                          : { file.discard(before: $0); progress?.advance(to: $0) },
                     release: pieces > 1 ? { file.discard($0) } : nil, beforePositions: { file.restore() })
    }

    /// Loads a snapshot from bytes already in memory; `file` names it in messages.
    public static func parse(bytes: [UInt8], file: String, gazetteer: Gazetteer = .shared,
                             limits: JSONLimits = JSONLimits(), split: ParseSplit = .automatic) -> Result {
        bytes.withUnsafeBufferPointer {
            parse(buffer: $0, file: file, gazetteer: gazetteer, limits: limits, pieces: split.pieces(forBytes: bytes.count))
        }
    }

    static func parse(buffer bytes: UnsafeBufferPointer<UInt8>, file: String, gazetteer: Gazetteer,
                      limits: JSONLimits, pieces: Int = 1, progress: ((Int) -> Void)? = nil,
                      release: ((Range<Int>) -> Void)? = nil, beforePositions: (() -> Void)? = nil) -> Result {
        // The same bound for bytes handed over in memory as for files: rows keep Int32 offsets.
        guard bytes.count <= maxFileBytes else {
            return Result(snapshot: nil, problems: [Problem(file: file, line: 1, column: 1, path: "",
                message: "the file is \(bytes.count) bytes; the limit is \(maxFileBytes) bytes")])
        }
        let outcome: SnapshotParser.Outcome
        do {
            outcome = try SnapshotParser(file: file, gazetteer: gazetteer, progress: progress,
                                         pieces: pieces, release: release).parse(bytes, limits: limits)
        } catch {
            beforePositions?()
            var index = LineIndex(bytes)
            let (line, column) = index.position(of: error.offset)
            return Result(snapshot: nil, problems: [Problem(file: file, line: line, column: column,
                                                             path: "", message: error.message)])
        }
        let snapshot = outcome.snapshot
        guard !outcome.problems.isEmpty else { return Result(snapshot: snapshot, problems: []) }
        beforePositions?()
        var index = LineIndex(bytes)
        var problems = outcome.problems.map { p -> Problem in
            let (line, column) = index.position(of: p.offset)
            return Problem(file: file, line: line, column: column, path: p.path, message: p.message, severity: p.severity)
        }
        if outcome.dropped > 0 {
            problems.append(Problem(file: file, line: 1, column: 1, path: "",
                                    message: outcome.dropped == 1 ? "1 more problem not shown" : "\(outcome.dropped) more problems not shown",
                                    severity: outcome.droppedErrors > 0 ? .error : .warning))
        }
        return Result(snapshot: snapshot, problems: problems)
    }
}
