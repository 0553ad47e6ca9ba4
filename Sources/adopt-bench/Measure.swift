import Dispatch

/// A monotonic clock in nanoseconds (CLOCK_MONOTONIC underneath on Linux): wall time that
/// never jumps, which is what a user waiting for a frame experiences.
enum Clock {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func milliseconds(since start: UInt64) -> Double { Double(now() - start) / 1e6 }
}

/// Runs `body` and returns its result and how long it took, in milliseconds.
func timed<T>(_ body: () throws -> T) rethrows -> (value: T, ms: Double) {
    let start = Clock.now()
    let value = try body()
    return (value, Clock.milliseconds(since: start))
}

/// Timings of repeated runs of one thing, in milliseconds.
struct Samples: Sendable {
    private(set) var ms: [Double] = []

    mutating func add(_ value: Double) { ms.append(value) }

    var count: Int { ms.count }
    var best: Double { ms.min() ?? .nan }

    /// Nearest-rank percentile (p in 0...100); with fewer than 100 samples p99 is the maximum.
    func percentile(_ p: Double) -> Double {
        guard !ms.isEmpty else { return .nan }
        let sorted = ms.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
}
