import AdoptCore

/// A moment on the wall clock: whole seconds since 1970-01-01 00:00 UTC, with the local
/// offset it is shown in.
///
/// Why not `Date`: AdoptUI has no Foundation and no clock of its own. The executable reads
/// the clock and the time zone and hands moments in; tests write them by hand, so freshness
/// and staleness are pure functions of the values given.
public struct WallTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64
    /// Seconds east of UTC (28800 for China Standard Time).
    public var utcOffset: Int

    public init(seconds: Int64, utcOffset: Int = 0) {
        self.seconds = seconds
        self.utcOffset = utcOffset
    }

    public static func < (a: WallTime, b: WallTime) -> Bool { a.seconds < b.seconds }

    public func adding(seconds delta: Int64) -> WallTime {
        WallTime(seconds: seconds + delta, utcOffset: utcOffset)
    }

    /// Seconds since local midnight.
    private var secondsIntoDay: Int64 {
        let local = seconds + Int64(utcOffset)
        return local - WallTime.floorDivide(local, 86_400) * 86_400
    }

    /// The local calendar day.
    public var day: Day {
        Day(ordinal: Int32(clamping: WallTime.floorDivide(seconds + Int64(utcOffset), 86_400)))
    }

    /// Local midnight at the start of `day`, in this moment's offset.
    public func start(of day: Day) -> WallTime {
        WallTime(seconds: Int64(day.ordinal) * 86_400 - Int64(utcOffset), utcOffset: utcOffset)
    }

    /// `HH:MM:SS`, local.
    public var clock: String {
        let s = Int(secondsIntoDay)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// `2025-03-31 14:03:12`.
    public var description: String { "\(day) \(clock)" }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
