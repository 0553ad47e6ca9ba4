/// The days synthetic deployments fall on: from R1's release (2025-01-20) to the last
/// snapshot's `asOf`, weighted to follow the real ramp: a trickle in January, the peak in
/// February and March, a long tail after, and fewer reports at weekends.
struct SyntheticCalendar: Sendable {
    let first: Day
    /// One entry per day from `first`: `"2025-02-15"`, quotes included.
    let dayJSON: [[UInt8]]
    let table: WeightedTable

    init(first: Day, last: Day) {
        self.first = first
        let days = (first.ordinal...max(first.ordinal, last.ordinal)).map { Day(ordinal: $0) }
        dayJSON = days.map { JSONBytes.quoted($0.description) }
        table = WeightedTable(weights: days.map(SyntheticCalendar.weight))
    }

    /// The index of a day in `dayJSON`.
    func index(of day: Day) -> Int { Int(day.ordinal - first.ordinal) }

    /// A day index in `0...lastIndex`, drawn with the ramp.
    func pick(_ rng: inout SplitMix64, upTo lastIndex: Int) -> Int {
        table.pick(&rng, prefix: lastIndex + 1)
    }

    static func weight(_ day: Day) -> UInt64 {
        let p = day.parts
        let month: UInt64
        switch (p.year, p.month) {
        case (2025, 1): month = 2
        case (2025, 2): month = 10
        case (2025, 3): month = 9
        case (2025, 4): month = 5
        case (2025, 5): month = 3
        default: month = 2
        }
        // 1970-01-01 was a Thursday, so (ordinal + 4) % 7 is 0 on Sundays and 6 on Saturdays.
        let weekday = (Int(day.ordinal) % 7 + 7 + 4) % 7
        return month * (weekday == 0 || weekday == 6 ? 4 : 10)
    }
}
