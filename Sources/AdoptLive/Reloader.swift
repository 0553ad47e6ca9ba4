import AdoptCore
import Dispatch
import Foundation

/// Keeps the last good state of the opened snapshot paths and refreshes it in the background:
/// automatically when the watcher reports changes, and on request (`r`).
///
/// Loads run on one serial background queue, never on the input thread. A reload asked for
/// while one is running is merged with any other requests into one more run after it, so a
/// burst of changes costs at most two loads. Only the files the watcher names are read again
/// (plus files not seen before); `reloadNow` reads everything.
///
/// `onState` is called on that background queue, not on the main thread: hand the state to
/// the UI thread (for example store it and wake the run loop) and return.
public final class Reloader: Sendable {
    /// The paths as opened (directories and single files).
    public let paths: [String]

    private struct Shared {
        var state: LiveState?
        var pendingNames: Set<String> = []
        var pendingAll = false
        var scheduled = false
        var stopped = false
        var watcher: DirectoryWatcher?
        var historyStarted = false
    }

    private let shared: Locked<Shared>
    private let queue = DispatchQueue(label: "adopt.reloader", qos: .utility)
    private let gazetteer: Gazetteer
    private let timeZone: TimeZone
    private let onState: @Sendable (LiveState) -> Void
    /// Told each load's files and how far it has got (the status bar shows it).
    private let progress: LoadProgress?

    /// - Parameters:
    ///   - initial: a state already loaded (e.g. at startup); nil to load everything on `start`.
    ///   - onState: receives each new state, on a background queue.
    ///   - progress: fed while each load reads its files; ended before `onState` is called.
    public init(paths: [String], initial: LiveState? = nil, gazetteer: Gazetteer = .shared,
                timeZone: TimeZone = .current, progress: LoadProgress? = nil,
                onState: @escaping @Sendable (LiveState) -> Void) {
        self.progress = progress
        self.paths = paths
        self.shared = Locked(Shared(state: initial))
        self.gazetteer = gazetteer
        self.timeZone = timeZone
        self.onState = onState
    }

    /// Starts watching the paths and, without an initial state, loads everything.
    ///
    /// - Parameter polling: use the polling fallback even where inotify works (for tests).
    /// - Throws: `WatchError` when the watcher cannot start (the first load still happens,
    ///   and `reloadNow` still works).
    /// - Parameter history: read the files the startup left unread now; false to wait for
    ///   `startHistory` (the dashboard calls it once its first frame is drawn).
    public func start(polling: Bool = false, history: Bool = true) throws {
        // Load even if the watcher cannot start: the data still shows, and `r` still works.
        defer {
            if state == nil {
                reloadNow()
            } else if history {
                startHistory()
            }
        }
        let watcher = try DirectoryWatcher(paths: paths, polling: polling) { [weak self] names in
            self?.request(names: names, all: false)
        }
        shared.withLock { $0.watcher = watcher }
    }

    /// Reads every file again (the `r` key).
    public func reloadNow() {
        request(names: [], all: true)
    }

    /// Stops watching and delivering states. A load already running finishes without delivering.
    public func stop() {
        let watcher = shared.withLock { s -> DirectoryWatcher? in
            s.stopped = true
            defer { s.watcher = nil }
            return s.watcher
        }
        watcher?.stop()
    }

    deinit { stop() }

    /// The latest state delivered, nil before the first load.
    public var state: LiveState? { shared.withLock { $0.state } }

    /// Whether changes are noticed through kernel notifications (false: polling or not started).
    public var usesNotifications: Bool { shared.withLock { $0.watcher?.usesNotifications ?? false } }

    private func request(names: Set<String>, all: Bool) {
        let schedule = shared.withLock { s -> Bool in
            guard !s.stopped else { return false }
            s.pendingNames.formUnion(names)
            s.pendingAll = s.pendingAll || all
            if s.scheduled { return false }
            s.scheduled = true
            return true
        }
        if schedule { queue.async { self.drain() } }
    }

    /// Takes every request made so far and serves them with one load. With no request, it is
    /// a history step: the next file the startup left unread (`LiveState.historyPending`).
    /// History steps run on the same queue as reloads, one file each, so a reload waits for at
    /// most one file of history, and each step applies to the latest state: nothing a reload
    /// brought is lost, and a file a reload read is not read again.
    private func drain() {
        let (requested, all, previous) = shared.withLock { s in
            defer { s.pendingNames = []; s.pendingAll = false; s.scheduled = false }
            return (s.pendingNames, s.pendingAll, s.state)
        }
        var names = requested
        var history = false
        if names.isEmpty, !all, shared.withLock({ $0.historyStarted }), let next = previous?.historyPending.first {
            names = [next]
            history = true
        }
        let state = load(names: names, all: all, previous: previous, history: history)
        let deliver = shared.withLock { s -> Bool in
            guard !s.stopped else { return false }
            s.state = state
            return true
        }
        guard deliver else { return }
        onState(state)
        if !state.historyPending.isEmpty, shared.withLock({ $0.historyStarted }) { request(names: [], all: false) }
    }

    /// A watched path's problem in ops' words: a directory that vanished is a missing
    /// directory (renamed away or removed), not "a broken file", and the data stays.
    static func named(_ p: Problem, root: String, hadFiles: Bool) -> Problem {
        guard p.message == "no such file or directory", !root.hasSuffix(".json") else { return p }
        return Problem(file: p.file, line: 0, column: 0, path: "", message: hadFiles
            ? "the directory is missing (renamed or removed?): showing the last good data, watching for it to come back"
            : "the directory does not exist (yet): watching for it", severity: .warning)
    }

    /// Starts reading the files the startup left unread (`LiveState.historyPending`), one per
    /// step; later calls do nothing.
    public func startHistory() {
        let first = shared.withLock { s -> Bool in
            defer { s.historyStarted = true }
            return !s.historyStarted
        }
        if first, state?.historyPending.isEmpty == false { request(names: [], all: false) }
    }

    /// - Parameter history: a history step: its file is parsed on one core (`.sequential`),
    ///   which holds less memory at once and leaves the other core to the input thread.
    private func load(names: Set<String>, all: Bool, previous: LiveState?, history: Bool = false) -> LiveState {
        let known = Set(previous?.files ?? [])
        var presentFiles: [String] = []
        var seen = Set<String>()
        var pathProblems: [Problem] = []
        var toRead: [String] = []
        for root in paths {
            let listing = DataSet.files(in: [root])
            pathProblems += listing.problems.map { Reloader.named($0, root: root, hadFiles: previous?.files.isEmpty == false) }
            let everything = all || previous == nil || names.contains(root)
            for file in listing.files where seen.insert(file).inserted {
                presentFiles.append(file)
                if everything || names.contains(file) || !known.contains(file) { toRead.append(file) }
            }
        }
        var results: [String: SnapshotLoader.Result] = [:]
        // Only the newest snapshot read keeps its tables: each older one is made light as
        // soon as a newer one is known, so `r` over K large files holds one or two tables,
        // not K (the previous current counts as known unless it is read again).
        var newest: (asOf: Day, file: String)?
        if let previous, !previous.isEmpty, !toRead.contains(previous.store.current.file) {
            newest = (previous.store.current.asOf, previous.store.current.file)
        }
        // A reload's progress goes to the status bar; a history step has its own "history n/K".
        let progress = history ? nil : self.progress
        progress?.start(totalBytes: toRead.reduce(0) { $0 + LoadProgress.size(of: $1) })
        defer { progress?.finish() }
        for file in toRead {
            // A private copy, not a mapping: these files may be rewritten while they are read.
            var result = SnapshotLoader.load(file: file, gazetteer: gazetteer, split: history ? .sequential : .automatic,
                                              progress: progress)
            if let s = result.snapshot {
                if let n = newest, (n.asOf, n.file) > (s.asOf, s.file) {
                    result = result.lightened()
                } else {
                    if let n = newest { results[n.file] = results[n.file]?.lightened() }
                    newest = (s.asOf, s.file)
                }
            }
            results[file] = result
        }
        var state = ReloadDecision.apply(previous: previous, results: results, presentFiles: presentFiles,
                                         pathProblems: pathProblems, at: Date(), day: nil,
                                         timeZone: timeZone, gazetteer: gazetteer)
        // The newest valid snapshot is a light one (the newer files went away or broke): read
        // it whole, and decide again from the same previous state.
        if !state.isEmpty, !state.store.current.resident {
            let file = state.store.current.file
            results[file] = SnapshotLoader.load(file: file, gazetteer: gazetteer)
            state = ReloadDecision.apply(previous: previous, results: results, presentFiles: presentFiles,
                                         pathProblems: pathProblems, at: Date(), day: nil,
                                         timeZone: timeZone, gazetteer: gazetteer)
        }
        return state
    }
}
