import AdoptCore
import Foundation

/// What the screen shows while snapshot files are being refreshed: the last good data, every
/// problem with the files as they are now, and what the latest refresh changed.
///
/// Built only by `ReloadDecision.apply`, so every state follows the same rules: a file that
/// is broken now never takes away the good version shown before it broke.
public struct LiveState: Sendable {
    /// Built from the good snapshots in `snapshotsByFile`; empty when there are none.
    public let store: Store
    /// The snapshot files that exist now, in load order (paths as opened: directories' `*.json`
    /// files sorted by name, single files as given).
    public let files: [String]
    /// The snapshot shown for each file: the newest valid version, possibly older than the file
    /// on disk when the file is broken now (see `staleFiles`).
    public let snapshotsByFile: [String: Snapshot]
    /// When each shown snapshot was read (wall clock).
    public let goodSince: [String: Date]
    /// Each file's problems as of its latest read, including the warning that the last good
    /// version is being shown. A file with no problems has no entry.
    public let problemsByFile: [String: [Problem]]
    /// Problems with the opened paths themselves: a path that does not exist, a directory with
    /// no `*.json` files.
    public let pathProblems: [Problem]
    /// Every problem: path problems first, then each file's, in `files` order.
    public let problems: [Problem]
    /// When the data on screen last changed (a file read valid, or a file dropped).
    public let loadedAt: Date
    /// When this refresh ran, whether or not it changed anything.
    public let checkedAt: Date
    /// Regions (any level, and `RegionCode.country`) whose counts differ from the previous
    /// state's. Only this refresh's changes: the UI keeps the union until acknowledged.
    public let changedRegions: Set<RegionCode>
    /// The current snapshot before and after this refresh, when this refresh replaced it
    /// (its file was read valid again, or another snapshot became current); nil otherwise.
    public let refreshDiff: SnapshotDiff?
    /// 1 for the first state, one more for each refresh: lets the UI tell a new state from one
    /// it has already shown.
    public let generation: Int
    /// Snapshot files listed but not read yet, in the order the reloader reads them (newest
    /// first): the startup read only the newest valid file (`StartupLoad`), and the reloader
    /// reads these one at a time between other loads. Empty once every file has been read.
    public let historyPending: [String]
    /// How many files the history had at startup (files added later are read at once).
    public let historyTotal: Int
    /// This state only took in history files (no file changed on disk): logged as history,
    /// not as a reload.
    public let historyOnly: Bool

    /// nil once every file has been read (and always after an eager start).
    public var history: HistoryProgress? {
        historyPending.isEmpty ? nil : HistoryProgress(loaded: max(0, historyTotal - historyPending.count), total: historyTotal)
    }

    /// Files shown from an older good version because the file on disk is invalid now.
    public var staleFiles: [String] {
        files.filter { f in
            snapshotsByFile[f] != nil && (problemsByFile[f]?.contains { $0.severity == .error } ?? false)
        }
    }

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// True when no file is valid (the store is empty).
    public var isEmpty: Bool { snapshotsByFile.isEmpty }
}
