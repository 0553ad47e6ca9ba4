import AdoptCore

/// How the province table is ordered: a column and a direction.
public struct TableSort: Equatable, Sendable {
    public enum Column: Int, CaseIterable, Sendable {
        case name, deployments, coverage, firstDate
        /// The wide table's columns (see `TablePane.Field`).
        case change, uncertain, latest

        /// The columns every table shows.
        public static let base: [Column] = [.name, .deployments, .coverage, .firstDate]

        /// The direction a column starts in when picked: names A to Z, figures largest first,
        /// first dates earliest first, latest dates newest first.
        var naturallyDescending: Bool { ![.name, .firstDate].contains(self) }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column = .deployments, descending: Bool? = nil) {
        self.column = column
        self.descending = descending ?? column.naturallyDescending
    }

    /// The next of the columns on screen (`s`), in its natural direction; from a column no
    /// longer shown (the pane narrowed), the first.
    public func cycled(among shown: [Column] = Column.base) -> TableSort {
        guard let k = shown.firstIndex(of: column) else { return TableSort(column: shown.first ?? .deployments) }
        return TableSort(column: shown[(k + 1) % shown.count])
    }

    /// "+3", "−2", "0": a change with its sign.
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : (n < 0 ? "−\(-n)" : "0") }

    /// The same column the other way round (`S`).
    public func reversed() -> TableSort { TableSort(column: column, descending: !descending) }

    /// Rows in this order. Ties (and missing first dates, always last) fall back to the
    /// region code so the order never flickers between frames.
    /// The wide columns' order comes from `extras`; without them those columns tie.
    public func sorted(_ rows: [RegionSummary], extras: TableExtras? = nil) -> [RegionSummary] {
        rows.sorted { a, b in
            let order = compare(a, b, extras)
            if order != 0 { return descending ? order > 0 : order < 0 }
            return a.region.code < b.region.code
        }
    }

    /// -1, 0 or 1, ascending; rows with no first date count as the latest in either direction
    /// by being flipped here.
    private func compare(_ a: RegionSummary, _ b: RegionSummary, _ extras: TableExtras?) -> Int {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch column {
        case .name:
            return sign(a.region.pinyin, b.region.pinyin)
        case .deployments:
            return sign(a.count, b.count)
        case .coverage:
            // Share of children covered, compared exactly by cross-multiplying.
            let l = a.covered * max(1, b.childCount), r = b.covered * max(1, a.childCount)
            return l != r ? sign(l, r) : sign(a.covered, b.covered)
        case .change:
            return sign(extras?.change(of: a) ?? 0, extras?.change(of: b) ?? 0)
        case .uncertain:
            return sign(a.count - a.firmCount, b.count - b.firmCount)
        case .latest:
            return dates(extras?.figures[a.region.code]?.latest, extras?.figures[b.region.code]?.latest)
        case .firstDate:
            return dates(a.firstDate, b.firstDate)
        }
    }

    /// Dates ascending, a missing one last in either direction.
    private func dates(_ a: Day?, _ b: Day?) -> Int {
        switch (a, b) {
        case let (x?, y?): return x < y ? -1 : (x > y ? 1 : 0)
        case (nil, nil): return 0
        case (nil, _): return descending ? -1 : 1
        case (_, nil): return descending ? 1 : -1
        }
    }
}
