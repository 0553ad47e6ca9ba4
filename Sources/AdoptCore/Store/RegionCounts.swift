/// Deployment counts for every region at once, rolled up from county to country: a flat array
/// indexed by the gazetteer's slots, read by region code.
public struct RegionCounts: Sendable, Equatable {
    let gazetteer: Gazetteer
    let values: [Int32]

    /// The count for a region; nil when it has none (so `counts[code] ?? 0` reads naturally).
    /// The country always has a count, 0 included.
    public subscript(code: RegionCode) -> Int? {
        if code == .country { return total }
        guard let slot = gazetteer.slot(of: code) else { return nil }
        let v = values[Int(slot)]
        return v == 0 ? nil : Int(v)
    }

    /// The regions with at least one deployment (the country included when any).
    public var keys: [RegionCode] {
        values.indices.filter { values[$0] != 0 }.map { gazetteer.codes[$0] }
    }

    /// The regions whose counts differ between two sets of counts over the same gazetteer.
    public func changedRegions(from old: RegionCounts) -> Set<RegionCode> {
        guard old.values.count == values.count else { return Set(keys).union(old.keys) }
        return Set(values.indices.filter { values[$0] != old.values[$0] }.map { gazetteer.codes[$0] })
    }

    /// The national total.
    public var total: Int { Int(values[0]) }

    public static func == (a: RegionCounts, b: RegionCounts) -> Bool { a.values == b.values }
}
