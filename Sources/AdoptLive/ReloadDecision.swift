import AdoptCore
import Foundation

/// What a refresh means for the screen: the rules, kept apart from files and threads so they
/// can be tested with hand-made load results.
///
/// - A file that now loads valid replaces the snapshot shown for it; its old problems go
///   (any warnings from this load stay).
/// - A file that is now invalid (half-written, malformed, unreadable) keeps its last good
///   snapshot if it had one, and records its problems plus a warning naming when that last
///   good version was loaded. If it never was valid it contributes only problems.
/// - A file that no longer exists loses its snapshot and its problems.
/// - A file that was not re-read this time stays as it was.
public enum ReloadDecision {
    /// - Parameters:
    ///   - previous: the state on screen, nil for the first load.
    ///   - results: the files read this time, by path.
    ///   - presentFiles: every snapshot file that exists now, in load order
    ///     (`DataSet.files(in:)`); anything else is gone.
    ///   - pathProblems: problems with the opened paths themselves (from `DataSet.files(in:)`).
    ///   - at: now (wall clock).
    ///   - day: the day at which region counts are compared for `changedRegions`; nil for the
    ///     new current snapshot's `asOf`.
    ///   - timeZone: for the `HH:MM:SS` in the "last good version" warning.
    public static func apply(previous: LiveState?, results: [String: SnapshotLoader.Result],
                             presentFiles: [String], pathProblems: [Problem] = [],
                             at: Date, day: Day?, timeZone: TimeZone = .current,
                             gazetteer: Gazetteer = .shared) -> LiveState {
        let present = Set(presentFiles)
        var snapshots: [String: Snapshot] = [:]
        var goodSince: [String: Date] = [:]
        var problemsByFile: [String: [Problem]] = [:]
        // Whether the good data changed, so the store must be rebuilt.
        var dataChanged = previous.map { $0.snapshotsByFile.keys.contains { !present.contains($0) } } ?? true

        for file in presentFiles {
            guard let result = results[file] else {
                snapshots[file] = previous?.snapshotsByFile[file]
                goodSince[file] = previous?.goodSince[file]
                problemsByFile[file] = previous?.problemsByFile[file]
                continue
            }
            if let snapshot = result.snapshot {
                snapshots[file] = snapshot
                goodSince[file] = at
                if !result.problems.isEmpty { problemsByFile[file] = result.problems }
                dataChanged = true
                continue
            }
            var problems = result.problems.isEmpty
                ? [Problem(file: file, line: 0, column: 0, path: "", message: "the file could not be loaded")]
                : result.problems
            if let old = previous?.snapshotsByFile[file], let since = previous?.goodSince[file] {
                snapshots[file] = old
                goodSince[file] = since
                problems.append(Problem(file: file, line: 0, column: 0, path: "",
                                        message: "showing the last good version loaded at \(clockText(since, timeZone: timeZone))",
                                        severity: .warning))
            }
            problemsByFile[file] = problems
        }

        lightenHistory(&snapshots)
        let store: Store
        if let previous, !dataChanged {
            store = previous.store
        } else if let previous, let kept = keptCurrent(previous: previous, snapshots: snapshots, results: results) {
            // Only older snapshots changed (history read, an older file rewritten): the
            // current one's index and counts are kept, not made again.
            store = previous.store.withHistory(presentFiles.compactMap { $0 == kept ? nil : snapshots[$0] })
        } else {
            store = Store(snapshots: presentFiles.compactMap { snapshots[$0] }, gazetteer: gazetteer)
        }
        let historyPending = (previous?.historyPending ?? []).filter { present.contains($0) && results[$0] == nil }
        let wasPending = Set(previous?.historyPending ?? [])
        let historyOnly = !results.isEmpty && results.keys.allSatisfy(wasPending.contains)
            && previous.map { $0.snapshotsByFile.keys.allSatisfy(present.contains) } ?? false

        var changedRegions = Set<RegionCode>()
        var refreshDiff: SnapshotDiff?
        // With the current snapshot kept, counts (made from it alone) cannot have changed.
        if let previous, dataChanged, store.current.file != previous.store.current.file
            || results[store.current.file] != nil || snapshots.isEmpty {
            // With every file gone, compare where the old data stood rather than at day 0.
            let compareAt = day ?? (snapshots.isEmpty ? previous.store.current.asOf : store.current.asOf)
            changedRegions = SnapshotDiff.changedRegions(old: previous.store, new: store, at: compareAt)
            let oldCurrent = previous.store.current, newCurrent = store.current
            let replaced = oldCurrent.file != newCurrent.file || results[newCurrent.file]?.snapshot != nil
            if !previous.isEmpty, !snapshots.isEmpty, replaced {
                refreshDiff = SnapshotDiff(from: oldCurrent, to: newCurrent)
            }
        }

        let fileProblems = presentFiles.flatMap { problemsByFile[$0] ?? [] }
        return LiveState(
            store: store, files: presentFiles, snapshotsByFile: snapshots, goodSince: goodSince,
            problemsByFile: problemsByFile, pathProblems: pathProblems,
            problems: pathProblems + fileProblems,
            // Reading history is no change of the files: freshness (`--max-silence`) ignores it.
            loadedAt: dataChanged && !historyOnly ? at : (previous?.loadedAt ?? at), checkedAt: at,
            changedRegions: changedRegions, refreshDiff: refreshDiff,
            generation: (previous?.generation ?? 0) + 1,
            historyPending: historyPending, historyTotal: historyPending.isEmpty ? 0 : (previous?.historyTotal ?? 0),
            historyOnly: historyOnly)
    }

    /// Keeps every snapshot but the newest light when large (`Snapshot.lightened`): history
    /// costs little memory; its views read a light snapshot's file again when asked.
    static func lightenHistory(_ snapshots: inout [String: Snapshot]) {
        guard let newest = snapshots.values.max(by: { ($0.asOf, $0.file) < ($1.asOf, $1.file) })?.file else { return }
        for (file, s) in snapshots where file != newest && s.resident {
            snapshots[file] = s.lightened()
        }
    }

    /// The current snapshot's file when the new state keeps it: it stays the newest valid
    /// snapshot and was not read again. Its snapshot is the one the previous store indexed.
    static func keptCurrent(previous: LiveState, snapshots: [String: Snapshot],
                            results: [String: SnapshotLoader.Result]) -> String? {
        let old = previous.store.current
        guard !previous.isEmpty, results[old.file] == nil, let same = snapshots[old.file], same.asOf == old.asOf,
              previous.snapshotsByFile[old.file]?.asOf == old.asOf else { return nil }
        let newest = snapshots.values.max { ($0.asOf, $0.file) < ($1.asOf, $1.file) }
        return newest?.file == old.file ? old.file : nil
    }
}
