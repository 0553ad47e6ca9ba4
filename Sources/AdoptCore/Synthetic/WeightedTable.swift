/// Picks an index with probability proportional to an integer weight: a cumulative table and a
/// binary search, so a pick is O(log n) and exactly reproducible (no floating point).
struct WeightedTable: Sendable {
    /// `cumulative[i]` is the sum of the weights of `0...i`.
    private let cumulative: [UInt64]

    init(weights: [UInt64]) {
        var running: UInt64 = 0
        cumulative = weights.map { running += $0; return running }
        precondition(running > 0, "a weighted table needs a positive total weight")
    }

    var count: Int { cumulative.count }

    /// An index in `0..<count`.
    func pick(_ rng: inout SplitMix64) -> Int { pick(rng.next(), prefix: cumulative.count) }

    /// An index in `0..<prefix` (only the first `prefix` entries take part); `prefix` must
    /// include at least one positive weight.
    func pick(_ rng: inout SplitMix64, prefix: Int) -> Int { pick(rng.next(), prefix: prefix) }

    private func pick(_ random: UInt64, prefix: Int) -> Int {
        let total = cumulative[prefix - 1]
        let target = random.multipliedFullWidth(by: total).high   // in 0..<total
        var lo = 0, hi = prefix - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
