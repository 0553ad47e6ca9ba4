import Foundation

/// Checks across the files of a data set, for `adopt validate`, `export` and `dump`: which
/// file is current, whether a newer one is broken (`Freshness`), and which share an `asOf`.
extension DataSet {
    /// The newest valid snapshot: latest `asOf`, then the path that sorts last (as `Store`).
    public var current: Snapshot? {
        snapshots.max { ($0.asOf, $0.file) < ($1.asOf, $1.file) }
    }

    /// The files that were tried and did not load.
    public var brokenFiles: [String] {
        let valid = Set(snapshots.map(\.file))
        return files.filter { !valid.contains($0) }
    }

    /// Whether the figures come from the newest file. Reads the broken files' `asOf` leniently
    /// and the modification times from disk (only when there is a current file to compare with).
    public func freshness() -> Freshness {
        let broken = brokenFiles
        guard let current else {
            return Freshness(current: nil, broken: broken.map { Freshness.File(path: $0, asOf: nil, reason: reason($0)) })
        }
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        return Freshness(
            current: Freshness.File(path: current.file, asOf: current.asOf, modified: modified(current.file)),
            broken: broken.map {
                Freshness.File(path: $0, asOf: LenientHeader.asOf(file: $0), modified: modified($0), reason: reason($0))
            })
    }

    private func reason(_ file: String) -> String {
        guard let p = problems.first(where: { $0.file == file && $0.severity == .error })
                ?? problems.first(where: { $0.file == file }) else { return "" }
        return Freshness.reason(p)
    }

    /// Valid files sharing an `asOf`.
    public var sameAsOf: [SameAsOf] {
        SameAsOf.find(snapshots.map { ($0.file, $0.asOf) })
    }

    /// A warning for each valid file that loses to another with the same `asOf`, at its `asOf`
    /// value (line 0 when it cannot be found again).
    public func sameAsOfWarnings() -> [Problem] {
        sameAsOf.flatMap { group in
            group.losers.map { file -> Problem in
                var line = 0, column = 0
                if let mapped = MappedFile(path: file), let at = LenientHeader.string("asOf", in: mapped.buffer)?.offset {
                    var index = LineIndex(mapped.buffer)
                    (line, column) = index.position(of: at)
                }
                return Problem(file: file, line: line, column: column, path: "asOf",
                               message: group.message(for: file), severity: .warning)
            }
        }
    }
}
