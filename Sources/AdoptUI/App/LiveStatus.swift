import AdoptCore

/// What ops staff see of live reloading: problems with the files, regions changed since they
/// last acknowledged, and how fresh the data is.
///
/// Changed only through the App (`apply(live:)`, `setClock`, the `!`, `a`, `r` and `d` keys);
/// every figure the status bar shows is derived here from the values held, with no clock
/// read, so each is a pure function tests pin down.
public struct LiveStatus: Sendable {
    /// Every problem with the snapshot files now (errors and warnings).
    public internal(set) var problems: [Problem] = []
    /// Regions whose counts differ between the data on screen and `baseline`: changes of
    /// content, so files that vanish and come back the same (a directory renamed away and
    /// back, `rm *.json && cp`, `rsync --delete-before`) leave nothing marked.
    public internal(set) var changedRegions: Set<RegionCode> = []
    /// The data as it was when changes were last acknowledged (`a`), or at the first update.
    var baseline: Store?
    /// The current snapshot's file at the baseline, when a refresh removed it: named in the
    /// status bar (with the file now current) until acknowledged.
    public internal(set) var removedCurrent: (removed: String, now: String)?
    /// When the data on screen was last loaded successfully; nil when the screen is not live
    /// (`adopt dump`, tests without updates): no freshness is shown then.
    public internal(set) var loadedAt: WallTime?
    /// The clock as last told (by an update or `App.setClock`); ages are measured to it.
    public internal(set) var now: WallTime?
    /// After how many seconds past its `asOf` day the snapshot counts as stale; nil: never.
    public internal(set) var staleAfter: Int64?
    /// After how many seconds without a file change the feed counts as stopped; nil: never.
    public internal(set) var maxSilence: Int64?
    /// `r` was pressed and the run loop has not yet asked for the reload (`App.reloadStarted`).
    public internal(set) var reloadRequested = false
    /// A reload was asked for and its result has not arrived yet ("reloading…").
    public internal(set) var reloading = false
    /// How far the running reload has got, once it has run long enough to be worth saying
    /// (`App.setReloadProgress`); nil otherwise.
    public internal(set) var reloadProgress: LoadProgress.Reading?
    /// A feed's state for the status bar ("feed live, checked 09:14:05"), and whether it is in
    /// trouble (stale or offline); nil when the data is not a feed (`App.setFeedStatus`).
    public internal(set) var feed: FeedNote?
    /// The generation of the last update applied.
    public internal(set) var generation = 0
    /// How far the older snapshot files have been read; nil once all have (or never live).
    /// Until then what compares snapshots waits for them instead of comparing with part.
    public internal(set) var history: HistoryProgress?

    /// Diffs already computed, so flipping between pairs in the diff pane computes each once.
    var diffCache: [DiffCacheKey: SnapshotDiff] = [:]

    public init() {}

    public var isLive: Bool { loadedAt != nil }
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    /// Problems count files, not lines: a broken file is one problem, however many lines its
    /// report has (its "showing the last good version" note belongs to it).
    public var problemFiles: Int { Set(problems.map(\.file)).count }

    /// Changed provinces: what the map and the table mark with `*`, and what "N changed"
    /// counts (a changed city also changes its province; counting both would say 2 for one).
    public var changedRegionCount: Int { changedRegions.filter { $0 != .country && $0.value % 10000 == 0 }.count }

    /// Whole days from `asOf` to today (the clock's local day); nil without a clock.
    public func ageInDays(of asOf: Day) -> Int? {
        now.map { Int($0.day.ordinal) - Int(asOf.ordinal) }
    }

    /// Why the data counts as stale, nil when it does not: the snapshot is older than
    /// `staleAfter`, or no file has loaded successfully for that long.
    ///
    /// A snapshot speaks for its whole `asOf` day, so its age counts from the end of that day
    /// (local midnight after it): with `--stale-after 2h`, a feed that writes a snapshot dated
    /// today every hour is never stale by age today, and is stale by load two hours after its
    /// last write.
    public func staleness(asOf: Day) -> String? {
        guard let now, let loadedAt else { return nil }
        if let limit = staleAfter, now.seconds - LiveStatus.endOf(asOf, at: now).seconds > limit {
            return "snapshot older than \(LiveStatus.durationText(limit))"
        }
        if let limit = maxSilence, now.seconds - loadedAt.seconds > limit {
            return "no file change for \(LiveStatus.durationText(limit))"
        }
        return nil
    }

    /// The next moment something shown changes with no event at all: the data turns stale,
    /// or the snapshot's age in days ticks over at local midnight. The run loop sleeps until
    /// then, so a stale warning appears on time while an idle screen costs nothing.
    public func nextChange(asOf: Day) -> WallTime? {
        guard let now, isLive else { return nil }
        var moments = [now.start(of: now.day.adding(days: 1))]
        if let limit = staleAfter { moments.append(LiveStatus.endOf(asOf, at: now).adding(seconds: limit + 1)) }
        if let limit = maxSilence, let loadedAt { moments.append(loadedAt.adding(seconds: limit + 1)) }
        return moments.filter { $0 > now }.min()
    }

    /// Local midnight at the end of `day`, in the offset of `now`.
    static func endOf(_ day: Day, at now: WallTime) -> WallTime {
        now.start(of: day.adding(days: 1))
    }

    /// 7776000 → "90d", 43200 → "12h", 1800 → "30m", 45 → "45s".
    public static func durationText(_ seconds: Int64) -> String {
        if seconds > 0, seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds > 0, seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

/// A diff pane pair in one store.
struct DiffCacheKey: Hashable, Sendable {
    let store: ObjectIdentifier
    let from: SnapshotIdentity
    let to: SnapshotIdentity
}
