import Foundation

/// Whether the figures come from the newest snapshot file, or from an older one because a
/// newer file is broken (a pipeline's half-written or truncated file). `adopt export`, `dump`
/// and `validate` exit with status 3 (`ExitStatus.fallback`) in the second case, unless
/// `--allow-fallback` accepts it, so a cron job never reports success on stale figures.
///
/// The decision is pure: the files' paths, leniently read `asOf` and modification times go in
/// (`DataSet.freshness()` gathers them from disk).
public struct Freshness: Sendable, Equatable {
    /// A snapshot file: the current one (valid, `asOf` known) or a broken one.
    public struct File: Sendable, Equatable {
        public var path: String
        /// A broken file's is read leniently from its bytes (`LenientHeader`), nil when none
        /// can be found.
        public var asOf: Day?
        public var modified: Date?
        /// Why a broken file is broken, e.g. `line 57: unexpected end of file`; empty for the
        /// current file.
        public var reason: String

        public init(path: String, asOf: Day?, modified: Date? = nil, reason: String = "") {
            self.path = path; self.asOf = asOf; self.modified = modified; self.reason = reason
        }

        /// The last path component, compared when no `asOf` can be read.
        var name: String { (path as NSString).lastPathComponent }
    }

    /// Exit statuses shared by `export`, `dump` and `validate`.
    public enum ExitStatus: Int32, Sendable {
        /// Figures from the newest file; for `validate`, every file valid (warnings allowed).
        case success = 0
        /// No valid snapshot; for `validate`, a file with an error.
        case invalid = 1
        /// Bad usage (ArgumentParser's validation errors).
        case usage = 2
        /// The figures come from an older file: a newer one is broken.
        case fallback = 3
    }

    /// The newest valid snapshot file, nil when no file is valid.
    public let current: File?
    /// Broken files newer than the current one (`isNewer`), in the order given.
    public let newerBroken: [File]
    /// Broken files older than the current one: history only, the figures do not depend on them.
    public let olderBroken: [File]

    /// `broken` are the files that failed to load. With no current file nothing is newer than it.
    public init(current: File?, broken: [File]) {
        self.current = current
        guard let current else {
            newerBroken = []
            olderBroken = broken
            return
        }
        newerBroken = broken.filter { Freshness.isNewer($0, than: current) }
        olderBroken = broken.filter { !Freshness.isNewer($0, than: current) }
    }

    /// The figures come from another file than the newest: a valid file is used while a newer
    /// one is broken.
    public var isFallback: Bool { current != nil && !newerBroken.isEmpty }

    /// A broken file is newer than the current one when its `asOf` is the same or later; when no
    /// `asOf` can be read from it, when its file name sorts after the current file's or it was
    /// modified later.
    public static func isNewer(_ broken: File, than current: File) -> Bool {
        if let asOf = broken.asOf, let currentAsOf = current.asOf { return asOf >= currentAsOf }
        if broken.name > current.name { return true }
        if let m = broken.modified, let c = current.modified, m > c { return true }
        return false
    }

    /// The exit status of `export` and `dump` (which stop with 1 before this when there is no
    /// current file), or of `validate` with `otherErrors` telling whether any file other than a
    /// newer broken one has an error (a broken history file, a bad tour, a missing path; with
    /// no current file, every broken file). A fallback (3) comes before other errors (1);
    /// accepted, the newer broken files count for nothing.
    public func exitStatus(allowFallback: Bool, otherErrors: Bool = false) -> ExitStatus {
        if isFallback && !allowFallback { return .fallback }
        return otherErrors ? .invalid : .success
    }

    /// Whether a problem's file is one of the newer broken files.
    public func isNewerBroken(_ file: String) -> Bool { newerBroken.contains { $0.path == file } }

    /// One stderr line per newer broken file, naming it and the file used instead:
    /// `adopt export: Data/2025-04-01.json is broken (line 57: ...); using Data/2025-03-31.json (asOf 2025-03-31) instead`.
    public func messages(command: String) -> [String] {
        guard let current, isFallback else { return [] }
        let used = "using \(current.path) (asOf \(current.asOf.map(String.init(describing:)) ?? "unknown")) instead"
        return newerBroken.map { file in
            let reason = file.reason.isEmpty ? "" : " (\(file.reason))"
            return TextSafety.clean("\(command): \(file.path) is broken\(reason); \(used)")
        }
    }

    /// `line 57: FIELD: MESSAGE` from a file's first error, for `File.reason`.
    public static func reason(_ problem: Problem) -> String {
        let location = problem.line > 0 ? "line \(problem.line): " : ""
        let field = problem.path.isEmpty ? "" : "\(problem.path): "
        return location + field + problem.message
    }
}
