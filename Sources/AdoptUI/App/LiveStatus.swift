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
    /// Regions whose counts changed in any refresh since the last `a`: the union, so a second
    /// refresh does not hide what the first changed.
    public internal(set) var changedRegions: Set<RegionCode> = []
    /// When the data on screen was last loaded successfully; nil when the screen is not live
    /// (`adopt dump`, tests without updates): no freshness is shown then.
    public internal(set) var loadedAt: WallTime?
    /// The clock as last told (by an update or `App.setClock`); ages are measured to it.
    public internal(set) var now: WallTime?
    /// After how many seconds the data counts as stale; nil: never.
    public internal(set) var staleAfter: Int64?
    /// `r` was pressed and the run loop has not yet asked for the reload (`App.reloadStarted`).
    public internal(set) var reloadRequested = false
    /// A reload was asked for and its result has not arrived yet ("reloading…").
    public internal(set) var reloading = false
    /// The generation of the last update applied.
    public internal(set) var generation = 0

    /// Diffs already computed, so flipping between pairs in the diff pane computes each once.
    var diffCache: [DiffCacheKey: SnapshotDiff] = [:]

    public init() {}

    public var isLive: Bool { loadedAt != nil }
    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    /// Changed regions below the country (what "N regions changed" counts).
    public var changedRegionCount: Int { changedRegions.subtracting([.country]).count }

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
        guard let limit = staleAfter, let now, let loadedAt else { return nil }
        let text = LiveStatus.durationText(limit)
        if now.seconds - LiveStatus.endOf(asOf, at: now).seconds > limit { return "snapshot older than \(text)" }
        if now.seconds - loadedAt.seconds > limit { return "nothing loaded for \(text)" }
        return nil
    }

    /// The next moment something shown changes with no event at all: the data turns stale,
    /// or the snapshot's age in days ticks over at local midnight. The run loop sleeps until
    /// then, so a stale warning appears on time while an idle screen costs nothing.
    public func nextChange(asOf: Day) -> WallTime? {
        guard let now, isLive else { return nil }
        var moments = [now.start(of: now.day.adding(days: 1))]
        if let limit = staleAfter, let loadedAt {
            moments.append(LiveStatus.endOf(asOf, at: now).adding(seconds: limit + 1))
            moments.append(loadedAt.adding(seconds: limit + 1))
        }
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
