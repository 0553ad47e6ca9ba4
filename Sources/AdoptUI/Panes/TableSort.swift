import AdoptCore

/// How the province table is ordered: a column and a direction.
public struct TableSort: Equatable, Sendable {
    public enum Column: Int, CaseIterable, Sendable {
        case name, deployments, coverage, firstDate

        /// The direction a column starts in when picked: names A to Z, figures largest first,
        /// dates earliest first.
        var naturallyDescending: Bool { self == .deployments || self == .coverage }
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column = .deployments, descending: Bool? = nil) {
        self.column = column
        self.descending = descending ?? column.naturallyDescending
    }

    /// The next column (`s`), in its natural direction.
    public func cycled() -> TableSort {
        let all = Column.allCases
        return TableSort(column: all[(column.rawValue + 1) % all.count])
    }

    /// The same column the other way round (`S`).
    public func reversed() -> TableSort { TableSort(column: column, descending: !descending) }

    /// Rows in this order. Ties (and missing first dates, always last) fall back to the
    /// region code so the order never flickers between frames.
    public func sorted(_ rows: [RegionSummary]) -> [RegionSummary] {
        rows.sorted { a, b in
            let order = compare(a, b)
            if order != 0 { return descending ? order > 0 : order < 0 }
            return a.region.code < b.region.code
        }
    }

    /// -1, 0 or 1, ascending; rows with no first date count as the latest in either direction
    /// by being flipped here.
    private func compare(_ a: RegionSummary, _ b: RegionSummary) -> Int {
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
        case .firstDate:
            switch (a.firstDate, b.firstDate) {
            case let (x?, y?): return sign(x, y)
            case (nil, nil): return 0
            case (nil, _): return descending ? -1 : 1
            case (_, nil): return descending ? 1 : -1
            }
        }
    }
}
