import AdoptCore

/// Ops: live updates from the snapshot files, the problems pane (`!`), the diff pane (`d`),
/// acknowledging changes (`a`) and reloading now (`r`).
///
/// The App never reads files or clocks: the executable hands it each refresh as a
/// `LiveUpdate` and the time as a `WallTime`, and asks `live.reloadRequested` after keys.
extension App {
    // MARK: Updates from the run loop

    /// Takes in one refresh in one step: the new data (the selection, drill-down and date are
    /// kept, see `store`), the problems as they are now, the changed regions (added to those
    /// not yet acknowledged) and the freshness. An update without a store keeps the data on
    /// screen, so a file that is broken or gone never blanks the map.
    public mutating func apply(live update: LiveUpdate) {
        var followNewest = false
        if case .diff(let view)? = overlay {
            followNewest = view.to == store.snapshots.count - 1 && view.from == view.to - 1
        }
        if live.baseline == nil { live.baseline = store }
        // Nothing shown yet (waiting for the first valid file): the first data is no change.
        if let new = update.store, live.baseline?.snapshots.isEmpty ?? true { live.baseline = new }
        if let new = update.store, new !== store {
            live.diffCache = [:]
            store = new
            if let baseline = live.baseline {
                live.changedRegions = SnapshotDiff.changedRegions(old: baseline, new: new, at: max(baseline.current.asOf, new.current.asOf))
                let old = baseline.current.file
                live.removedCurrent = !old.isEmpty && !new.snapshots.contains { $0.file == old }
                    ? (old, new.current.file) : nil
            }
        }
        live.problems = update.problems
        live.loadedAt = update.loadedAt
        if live.now.map({ $0 < update.checkedAt }) ?? true { live.now = update.checkedAt }
        live.generation = update.generation
        live.history = update.history
        live.reloading = false
        switch overlay {
        case .diff(let view)?: overlay = .diff(reopened(view, followNewest: followNewest))
        case .problems(let scroll)?: overlay = .problems(scroll: clampedProblemsScroll(scroll))
        default: break
        }
        refresh()
    }

    /// Live, and no snapshot has been valid yet: the waiting screen instead of an empty map.
    public var isWaiting: Bool { live.isLive && store.snapshots.isEmpty }

    /// Tells the App the time (ages and the stale warning are measured to it).
    public mutating func setClock(_ now: WallTime) {
        live.now = now
    }

    /// `--stale-after`: how old the data may get before the status bar says STALE; nil: never.
    public mutating func setStaleAfter(seconds: Int64?) {
        live.staleAfter = seconds
    }

    /// `--max-silence`: how long the files may go without a change before the status bar says
    /// STALE; nil: never.
    public mutating func setMaxSilence(seconds: Int64?) {
        live.maxSilence = seconds
    }

    /// How far a reload in the background has got (the status bar says "reloading FILE
    /// 40/250 MB" while the data on screen stays usable); nil when none runs. A reload under
    /// 150 ms is not worth a flicker: it is shown only from then on.
    public mutating func setReloadProgress(_ reading: LoadProgress.Reading?) {
        live.reloadProgress = reading.flatMap { $0.elapsed >= 0.15 && !$0.file.isEmpty ? $0 : nil }
    }

    /// The feeds' state, as the poller last saw it; nil when no path is a feed URL.
    public mutating func setFeedStatus(_ status: (text: String, trouble: Bool)?) {
        live.feed = status.map { FeedNote(text: $0.text, trouble: $0.trouble) }
    }

    /// The run loop has passed the `r` request on to the reloader.
    public mutating func reloadStarted() {
        live.reloadRequested = false
    }

    /// When the run loop should next wake with no event, for freshness (see
    /// `LiveStatus.nextChange`); nil when not live.
    public var nextLiveChange: WallTime? { live.nextChange(asOf: store.current.asOf) }

    // MARK: Keys

    /// `!`: the problems pane.
    mutating func toggleProblems() {
        overlay = .problems(scroll: 0)
    }

    /// `d`: the diff between the current snapshot and the one before it.
    mutating func openDiff() {
        let last = store.snapshots.count - 1
        overlay = .diff(diffView(from: max(0, last - 1), to: max(0, last)))
    }

    /// `a`: the changed regions are seen; their highlight goes.
    mutating func acknowledgeChanges() {
        live.changedRegions = []
        live.removedCurrent = nil
        live.baseline = store
    }

    /// `r`: asks the run loop to read every file again now.
    mutating func requestReload() {
        live.reloadRequested = true
        if live.isLive { live.reloading = true }
    }

    // MARK: Overlay keys

    mutating func handleProblemsKey(_ key: Key, scroll: Int) {
        let page = max(1, ProblemsPane.layout(live.problems, header: opsLines, screenWidth: screenWidth,
                                              screenHeight: screenHeight).visible - 1)
        switch key {
        case .escape, .enter, .backspace, .character("!"), .character("q"): overlay = nil
        case .up, .character("k"), .wheelUp: overlay = .problems(scroll: clampedProblemsScroll(scroll - 1))
        case .down, .character("j"), .wheelDown: overlay = .problems(scroll: clampedProblemsScroll(scroll + 1))
        case .pageUp: overlay = .problems(scroll: clampedProblemsScroll(scroll - page))
        case .pageDown: overlay = .problems(scroll: clampedProblemsScroll(scroll + page))
        case .home: overlay = .problems(scroll: 0)
        case .end: overlay = .problems(scroll: clampedProblemsScroll(Int.max / 2))
        case .character("r"): requestReload()
        default: break
        }
    }

    mutating func handleDiffKey(_ key: Key, view: DiffView) {
        let visible = DiffPane.bodyHeight(screenWidth: screenWidth, screenHeight: screenHeight)
        let page = max(1, visible - 1)
        let last = store.snapshots.count - 1
        var view = view
        func scroll(to row: Int) {
            view.scroll = DiffPane.firstRow(scroll: row, count: view.rows.count, visible: visible)
        }
        switch key {
        case .escape, .enter, .backspace, .character("d"), .character("q"):
            overlay = nil
            return
        case .up, .character("k"), .wheelUp: scroll(to: view.scroll - 1)
        case .down, .character("j"), .wheelDown: scroll(to: view.scroll + 1)
        case .pageUp: scroll(to: view.scroll - page)
        case .pageDown: scroll(to: view.scroll + page)
        case .home: scroll(to: 0)
        case .end: scroll(to: view.rows.count)
        case .character("["), .left, .character("h"):
            view = diffView(from: max(0, view.from - 1), to: view.to)
        case .character("]"), .right, .character("l"):
            view = diffView(from: min(last, view.from + 1), to: view.to)
        case .character("<"), .character(","):
            view = diffView(from: view.from, to: max(0, view.to - 1))
        case .character(">"), .character("."):
            view = diffView(from: view.from, to: min(last, view.to + 1))
        default:
            return
        }
        overlay = .diff(view)
    }

    // MARK: Helpers

    /// The diff pane for a pair of `store.snapshots`, its diff computed now or taken from the
    /// cache: at a million rows a diff takes about half a second, so once per pair.
    private mutating func diffView(from: Int, to: Int) -> DiffView {
        let snapshots = store.snapshots
        // Pairs are numbered among every snapshot: with part of the history read the numbers
        // (and "the one before") would be wrong. The pane says "history n/K" meanwhile.
        guard live.history == nil, snapshots.count >= 2, snapshots.indices.contains(from), snapshots.indices.contains(to) else {
            return DiffView(from: from, to: to, diff: nil)
        }
        let key = DiffCacheKey(store: ObjectIdentifier(store), from: SnapshotIdentity(snapshots[from]),
                               to: SnapshotIdentity(snapshots[to]))
        if let cached = live.diffCache[key] { return DiffView(from: from, to: to, diff: cached) }
        // A light side is read again in the background; the pane says "loading history…".
        if let historyLoads, !(store.isReady(upTo: from) && store.isReady(upTo: to)) {
            guard let diff = historyLoads.diff(key, store: store, from: from, to: to) else {
                var view = DiffView(from: from, to: to, diff: nil)
                view.loading = true
                return view
            }
            live.diffCache[key] = diff
            return DiffView(from: from, to: to, diff: diff)
        }
        let diff = SnapshotDiff(from: store.resolved(from), to: store.resolved(to))
        if live.diffCache.count >= 8 { live.diffCache = [:] }
        live.diffCache[key] = diff
        return DiffView(from: from, to: to, diff: diff)
    }

    /// The run loop was woken: a light older snapshot read in the background (`HistoryLoads`)
    /// is in, so the counts known by the date, and a diff pane waiting for it, are made now.
    public mutating func takeHistoryLoads() {
        guard let historyLoads, historyLoads.takeArrived() else { return }
        if case .diff(let view)? = overlay, view.loading {
            var new = diffView(from: view.from, to: view.to)
            new.scroll = view.scroll
            overlay = .diff(new)
        }
        refresh()
    }

    /// The open diff pane after the store was replaced: the newest pair if it showed the
    /// newest pair (so a new snapshot file shows up in it), else the same two files if both
    /// are still loaded, else the newest pair; recomputed against the new data.
    private mutating func reopened(_ view: DiffView, followNewest: Bool) -> DiffView {
        let files = store.snapshots.map(\.file)
        let last = files.count - 1
        if !followNewest, let old = view.diff, let from = files.firstIndex(of: old.from.file), let to = files.firstIndex(of: old.to.file) {
            var new = diffView(from: from, to: to)
            new.scroll = DiffPane.firstRow(scroll: view.scroll, count: new.rows.count,
                                           visible: DiffPane.bodyHeight(screenWidth: screenWidth, screenHeight: screenHeight))
            return new
        }
        return diffView(from: max(0, last - 1), to: max(0, last))
    }

    private func clampedProblemsScroll(_ scroll: Int) -> Int {
        let (rows, visible) = ProblemsPane.layout(live.problems, header: opsLines, screenWidth: screenWidth,
                                                  screenHeight: screenHeight)
        return max(0, min(scroll, rows.count - visible))
    }
}

extension App {
    /// The head of the `!` pane: where the data comes from and how fresh it is, always, so ops
    /// staff never have to guess why STALE is lit or which file is current.
    var opsLines: [String] {
        var lines = ["data: \(dataPath.isEmpty ? "(none)" : dataPath)"]
        if store.snapshots.isEmpty {
            lines.append("current file: none valid yet (waiting)")
        } else {
            let asOf = store.current.asOf
            let age = live.ageInDays(of: asOf).map { ", " + StatusBar.ageText($0) } ?? ""
            lines.append("current file: \(store.current.file) (asOf \(asOf)\(age)); " + snapshotsLoadedText)
        }
        if live.isLive {
            let checked = live.now?.clock ?? "—"
            lines.append("last change of the data: \(live.loadedAt?.clock ?? "—") · last check: \(checked)")
        }
        if let gone = live.removedCurrent {
            lines.append("current file removed: \(gone.removed); now current: \(gone.now) (a acknowledges)")
        }
        let limits = [live.staleAfter.map { "--stale-after \(LiveStatus.durationText($0))" },
                      live.maxSilence.map { "--max-silence \(LiveStatus.durationText($0))" }].compactMap { $0 }
        if let reason = live.staleness(asOf: store.current.asOf) {
            lines.append("STALE: \(reason)")
        } else if !limits.isEmpty {
            lines.append("fresh (\(limits.joined(separator: ", ")))")
        }
        return lines
    }

    /// "8 snapshots loaded", or while the older files are read, "1 snapshot loaded, history 3/7".
    var snapshotsLoadedText: String {
        let n = store.snapshots.count
        return "\(n) snapshot\(n == 1 ? "" : "s") loaded" + (live.history.map { ", \($0.text)" } ?? "")
    }

    /// Whether the counts wait for history: counting known by at a date before the current
    /// snapshot while older files are still being read (which one was current then is not
    /// known yet). The status bar says "history n/K"; the counts show nothing known meanwhile.
    var countingWaitsForHistory: Bool {
        countingMode == .knownBy && live.history != nil && date < store.current.asOf
    }

    /// What the status bar shows of live reloading.
    var liveNote: StatusBar.LiveNote {
        let asOf = store.current.asOf
        var note = StatusBar.LiveNote(problems: live.problemFiles, changedRegions: live.changedRegionCount,
                                      loaded: live.loadedAt?.clock, ageInDays: live.isLive ? live.ageInDays(of: asOf) : nil,
                                      stale: live.staleness(asOf: asOf), reloading: live.reloading)
        note.reloadProgress = live.reloadProgress.map { ProgressLine(verb: "reloading", $0) }
        note.feed = live.feed
        note.history = live.history
        note.historyNeeded = countingWaitsForHistory
        note.historyReading = countingMode == .knownBy && (historyLoads?.isLoading ?? false)
            && !store.knownByIsReady(date)
        note.removedCurrent = live.removedCurrent.map {
            StatusBar.RemovedFile(removed: StatusBar.fileName($0.removed), now: StatusBar.fileName($0.now))
        }
        return note
    }
}
