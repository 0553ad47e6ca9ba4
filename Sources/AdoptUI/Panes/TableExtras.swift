import AdoptCore

/// The province table's figures beyond `RegionSummary`, for the columns a wide table adds:
/// the change since the previous snapshot and what the tally of sectors, model families and
/// dates says (`ProvinceTally`). Computed once per (store, date, filter), never per frame.
public struct TableExtras: Sendable, Equatable {
    /// Per province, deployments now less those the previous snapshot held at the same date
    /// under the same filter; nil when there is no previous snapshot.
    public var change: [RegionCode: Int]?
    /// The previous snapshot's date, which the change column's header names.
    public var since: Day?
    public var figures: [RegionCode: ProvinceFigures]

    public init(change: [RegionCode: Int]? = nil, since: Day? = nil, figures: [RegionCode: ProvinceFigures] = [:]) {
        self.change = change; self.since = since; self.figures = figures
    }

    /// The columns these figures can fill, in the order a widening table adds them.
    var fields: [TablePane.Field] {
        TablePane.Field.allCases.filter { $0 != .change || change != nil }
    }
}
