/// How often a series is sampled.
public enum Period: String, CaseIterable, Sendable {
    case day, week, month

    /// The last day of the period holding `day`: itself, the Sunday ending its (ISO,
    /// Monday-first) week, or the last day of its month.
    public func end(of day: Day) -> Day {
        switch self {
        case .day: return day
        case .week:
            let weekday = Int((day.ordinal + 3) % 7 + 7) % 7  // 0 = Monday
            return day.adding(days: 6 - weekday)
        case .month:
            let p = day.parts
            return Day(year: p.year, month: p.month, day: Day.daysIn(month: p.month, year: p.year)) ?? day
        }
    }
}

/// Cumulative deployment counts of several regions on one time axis: the timeline's
/// comparison and `adopt export --series`. Each value counts the region's deployments
/// (its whole subtree, under the filter) dated on or before the row's date, so regions are
/// compared like with like on one scale.
public struct Series: Sendable, Equatable {
    public let regions: [RegionCode]
    /// The end of each period, oldest first; the last is the `through` day when it falls
    /// inside a period.
    public let dates: [Day]
    /// `values[r][k]`: region `regions[r]`'s cumulative count through `dates[k]`.
    public let values: [[Int]]

    public init(regions: [RegionCode], dates: [Day], values: [[Int]]) {
        self.regions = regions; self.dates = dates; self.values = values
    }
}

extension Store {
    /// The cumulative counts of `codes` at the end of every period from `from` (default:
    /// the first deployment's day) through `through`.
    public func series(of codes: [RegionCode], every period: Period, through: Day, from: Day? = nil,
                       filter: Filter = Filter()) -> Series {
        // By default from the first deployment: events reach back years before any adoption.
        let start = from ?? byDate.first.map { Day(ordinal: table.dates[Int($0)]) } ?? dateRange.lowerBound
        guard start <= through else { return Series(regions: codes, dates: [], values: codes.map { _ in [] }) }
        var dates: [Day] = []
        var d = period.end(of: start)
        while d < through {
            dates.append(d)
            d = period.end(of: d.adding(days: 1))
        }
        dates.append(through)
        let values = codes.map { code -> [Int] in
            let points = timeline(of: code, filter: filter).points
            var out: [Int] = []
            out.reserveCapacity(dates.count)
            var k = 0, running = 0
            for date in dates {
                while k < points.count, points[k].day <= date { running = points[k].cumulative; k += 1 }
                out.append(running)
            }
            return out
        }
        return Series(regions: codes, dates: dates, values: values)
    }
}
