/// "Known by" counting: what had been reported by a day is what the snapshot current on that
/// day held (the newest with `asOf` on or before it), not the current snapshot's deployments
/// dated by that day, which include facts reported later.
extension Store {
    /// The index in `snapshots` of the snapshot current on `day`; nil before the first one.
    public func snapshotIndex(knownBy day: Day) -> Int? {
        snapshots.lastIndex { $0.asOf <= day }
    }

    /// A store whose current state is the snapshot current on `day` (this store when that is
    /// the newest), or an empty store when no snapshot had been published by then. Built once
    /// per snapshot.
    public func knownBy(_ day: Day) -> Store {
        guard let k = snapshotIndex(knownBy: day) else { return nothingKnown }
        if k == snapshots.count - 1 { return self }
        return history.value(k) { Store(snapshots: Array(snapshots[...k]), gazetteer: gazetteer) }
    }

    /// An empty store: nothing had been published (or, while history loads, nothing is
    /// known yet). One per store, so the frame's figures key on it.
    public var nothingKnown: Store {
        history.value(-1) { Store(snapshots: [], gazetteer: gazetteer) }
    }
}
