import AdoptCore

/// How the timeline's x axis groups days into columns so a whole date range fits the width:
/// one column per day when there is room, else per week (Monday to Sunday), else per month,
/// else per several months.
///
/// Works on day ordinals as `Int` so no range, however wide, can overflow `Day`'s `Int32`,
/// and its cost depends only on the number of columns it produces.
public struct TimeBuckets: Equatable, Sendable {
    public enum Period: Equatable, Sendable {
        case day
        case week
        /// `n` calendar months per column.
        case months(Int)
    }

    public let period: Period
    /// Number of columns; at most the `columns` asked for (and at least 1).
    public let count: Int
    public let range: ClosedRange<Day>

    /// The finest grouping whose columns cover `range` within `columns` columns.
    public init(fitting range: ClosedRange<Day>, columns: Int) {
        let columns = max(1, columns)
        self.range = range
        let lo = Int(range.lowerBound.ordinal), hi = Int(range.upperBound.ordinal)
        let days = hi - lo + 1
        let weeks = (TimeBuckets.weekStart(hi) - TimeBuckets.weekStart(lo)) / 7 + 1
        let months = TimeBuckets.monthIndex(hi) - TimeBuckets.monthIndex(lo) + 1
        if days <= columns {
            (period, count) = (.day, days)
        } else if weeks <= columns {
            (period, count) = (.week, weeks)
        } else {
            let per = (months + columns - 1) / columns
            (period, count) = (.months(per), (months + per - 1) / per)
        }
    }

    /// "per day", "per week", "per month", "per 3 months".
    public var label: String {
        switch period {
        case .day: return "per day"
        case .week: return "per week"
        case .months(1): return "per month"
        case .months(let n): return "per \(n) months"
        }
    }

    /// The column a day falls in; nil outside the range.
    public func index(of day: Day) -> Int? {
        guard range.contains(day) else { return nil }
        let d = Int(day.ordinal), lo = Int(range.lowerBound.ordinal)
        switch period {
        case .day: return d - lo
        case .week: return (TimeBuckets.weekStart(d) - TimeBuckets.weekStart(lo)) / 7
        case .months(let n): return (TimeBuckets.monthIndex(d) - TimeBuckets.monthIndex(lo)) / n
        }
    }

    /// The first day of a column, as an ordinal, cut to the range.
    public func startOrdinal(of index: Int) -> Int {
        let lo = Int(range.lowerBound.ordinal)
        switch period {
        case .day: return lo + index
        case .week: return max(lo, TimeBuckets.weekStart(lo) + 7 * index)
        case .months(let n):
            let m = TimeBuckets.monthIndex(lo) + n * index
            guard let first = Day(year: m / 12, month: m % 12 + 1, day: 1) else { return lo }
            return max(lo, Int(first.ordinal))
        }
    }

    /// The last day of a column, as an ordinal, cut to the range.
    public func endOrdinal(of index: Int) -> Int {
        let hi = Int(range.upperBound.ordinal)
        return index + 1 >= count ? hi : min(hi, startOrdinal(of: index + 1) - 1)
    }

    /// The first day of a column.
    public func start(of index: Int) -> Day { Day(ordinal: Int32(clamping: startOrdinal(of: index))) }

    /// Deployments added per column: one pass over the points, each O(1).
    public func totals(of timeline: Timeline) -> [Int] {
        var totals = Array(repeating: 0, count: count)
        for point in timeline.points {
            if let i = index(of: point.day), i < count { totals[i] += point.added }
        }
        return totals
    }

    /// The Monday on or before a day ordinal (1970-01-01, ordinal 0, was a Thursday).
    static func weekStart(_ ordinal: Int) -> Int {
        let weekday = ((ordinal + 3) % 7 + 7) % 7  // 0 = Monday
        return ordinal - weekday
    }

    /// Months since year 0: year * 12 + month - 1.
    static func monthIndex(_ ordinal: Int) -> Int {
        let p = Day(ordinal: Int32(clamping: ordinal)).parts
        return p.year * 12 + p.month - 1
    }
}
