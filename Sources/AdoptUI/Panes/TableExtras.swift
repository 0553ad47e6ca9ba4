import AdoptCore

/// The province table's figures beyond `RegionSummary`, for the columns a wide table adds:
/// the change since the previous snapshot and what the tally of sectors, model families and
/// dates says (`ProvinceTally`). Made once per (store, date, filter) by `TableFigures`.
public struct TableExtras: Sendable, Equatable {
    /// The country's and each province's deployments in the previous snapshot at the same
    /// date under the same filter; nil without a previous snapshot or while pending.
    public var before: [RegionCode: Int]?
    /// The previous snapshot's date, which the change column's header names; nil when there
    /// is no previous snapshot (and no change column).
    public var since: Day?
    public var figures: [RegionCode: ProvinceFigures]
    /// Being counted in the background: the columns are laid out and show "…".
    public var pending = false
    /// The older snapshot files are still being read: the change column shows "…" under
    /// "±since …" until they are (there may be no previous snapshot at all).
    public var historyPending = false

    public init(before: [RegionCode: Int]? = nil, since: Day? = nil, figures: [RegionCode: ProvinceFigures] = [:]) {
        self.before = before; self.since = since; self.figures = figures
    }

    /// Deployments now less those in the previous snapshot (the country too).
    func change(of s: RegionSummary) -> Int? { before.map { s.count - ($0[s.region.code] ?? 0) } }

    /// The columns these figures can fill, in the order a widening table adds them.
    var fields: [TablePane.Field] {
        TablePane.Field.allCases.filter { $0 != .change || since != nil || historyPending }
    }
}
