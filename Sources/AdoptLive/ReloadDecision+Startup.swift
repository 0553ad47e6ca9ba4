import AdoptCore
import Foundation

extension ReloadDecision {
    /// The first state from the startup load, which the first frame already waited for, so
    /// the reloader starts from it instead of reading every file again.
    public static func startingFrom(_ data: DataSet, at date: Date, gazetteer: Gazetteer = .shared) -> LiveState {
        startingFrom(files: data.files, snapshots: data.snapshots, problems: data.problems, store: nil,
                     at: date, gazetteer: gazetteer)
    }

    /// The first state from the dashboard's startup load: the newest valid snapshot (and the
    /// newer files that were invalid), with the older files left for the reloader to read in
    /// the background (`LiveState.historyPending`).
    public static func startingFrom(_ startup: StartupLoad, at date: Date, gazetteer: Gazetteer = .shared) -> LiveState {
        startingFrom(files: startup.files, snapshots: startup.snapshots, problems: startup.problems,
                     store: nil, at: date, gazetteer: gazetteer, historyPending: startup.history)
    }

    /// The first state from files already read: each file's valid snapshot (if any) and its
    /// problems; problems naming no file in `files` are problems with the opened paths (a
    /// missing path, an empty directory). The same rules as a first `apply`: a file with
    /// neither a snapshot nor a problem "could not be loaded".
    ///
    /// - Parameter store: a store already built from exactly these snapshots, to keep (a
    ///   million rows take a noticeable time to index); nil to build one.
    /// - Parameter historyPending: files not read yet (newest first), neither valid nor invalid.
    public static func startingFrom(files: [String], snapshots: [Snapshot], problems: [Problem], store: Store?,
                                    at date: Date, gazetteer: Gazetteer = .shared,
                                    historyPending: [String] = []) -> LiveState {
        let present = Set(files)
        let pending = Set(historyPending)
        var snapshotsByFile: [String: Snapshot] = [:]
        for s in snapshots where present.contains(s.file) && snapshotsByFile[s.file] == nil {
            snapshotsByFile[s.file] = s
        }
        lightenHistory(&snapshotsByFile)
        var problemsByFile: [String: [Problem]] = [:]
        var pathProblems: [Problem] = []
        for p in problems {
            if present.contains(p.file) { problemsByFile[p.file, default: []].append(p) } else { pathProblems.append(p) }
        }
        for file in files where snapshotsByFile[file] == nil && problemsByFile[file] == nil && !pending.contains(file) {
            problemsByFile[file] = [Problem(file: file, line: 0, column: 0, path: "", message: "the file could not be loaded")]
        }
        return LiveState(
            store: store ?? Store(snapshots: files.compactMap { snapshotsByFile[$0] }, gazetteer: gazetteer),
            files: files, snapshotsByFile: snapshotsByFile, goodSince: snapshotsByFile.mapValues { _ in date },
            problemsByFile: problemsByFile, pathProblems: pathProblems,
            problems: pathProblems + files.flatMap { problemsByFile[$0] ?? [] },
            loadedAt: date, checkedAt: date, changedRegions: [], refreshDiff: nil, generation: 1,
            historyPending: historyPending.filter { present.contains($0) }, historyTotal: historyPending.count,
            historyOnly: false)
    }
}
