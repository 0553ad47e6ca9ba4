import AdoptCore

/// One refresh of the snapshot files, as plain values the App can take in one step (see
/// `App.apply(live:)`). The executable builds these from the live reloader's states, so
/// AdoptUI never depends on the watching and reloading machinery and is tested with
/// hand-made updates.
public struct LiveUpdate: Sendable {
    /// The data to show: the last good version of every file. nil keeps the data on screen
    /// (no file is valid at all right now, e.g. every file was deleted for a moment).
    public var store: Store?
    /// Every problem with the files as they are now; empty when all are valid.
    public var problems: [Problem]
    /// Regions (any level, and `RegionCode.country`) whose counts changed in this refresh.
    public var changedRegions: Set<RegionCode>
    /// When the data shown was last loaded successfully.
    public var loadedAt: WallTime
    /// When this refresh ran (the clock at the time).
    public var checkedAt: WallTime
    /// Counts refreshes, so a screen can tell a new update from one it has shown.
    public var generation: Int
    /// How far the older files have been read; nil when all have (see `HistoryProgress`).
    public var history: HistoryProgress?

    public init(store: Store?, problems: [Problem] = [], changedRegions: Set<RegionCode> = [],
                loadedAt: WallTime, checkedAt: WallTime, generation: Int = 1, history: HistoryProgress? = nil) {
        self.store = store; self.problems = problems; self.changedRegions = changedRegions
        self.loadedAt = loadedAt; self.checkedAt = checkedAt; self.generation = generation
        self.history = history
    }

    /// Takes in an older update that never reached the screen: its changed regions still
    /// count as changed (the rest is superseded by this newer one).
    public mutating func absorb(_ older: LiveUpdate) {
        changedRegions.formUnion(older.changedRegions)
        if store == nil { store = older.store }
    }
}
