/// "Known by" counting: what had been reported by a day is what the snapshot current on that
/// day held (the newest with `asOf` on or before it), not the current snapshot's deployments
/// dated by that day, which include facts reported later.
///
/// Older snapshots may be light (`Snapshot.resident` false: the dashboard keeps large ones
/// without their tables). A store for one of them reads its file again, which takes as long
/// as loading it: callers on the input thread ask `isReady` first and have the read done in
/// the background (`HistoryLoads` in the UI); the last two such stores are kept.
extension Store {
    /// The index in `snapshots` of the snapshot current on `day`; nil before the first one.
    public func snapshotIndex(knownBy day: Day) -> Int? {
        snapshots.lastIndex { $0.asOf <= day }
    }

    /// A store whose current state is the snapshot current on `day` (this store when that is
    /// the newest), or an empty store when no snapshot had been published by then. Built once
    /// per snapshot (a light one's file is read again: see `store(upTo:)`).
    public func knownBy(_ day: Day) -> Store {
        guard let k = snapshotIndex(knownBy: day) else { return nothingKnown }
        return store(upTo: k)
    }

    /// Whether `knownBy(day)` answers without reading a file.
    public func knownByIsReady(_ day: Day) -> Bool {
        snapshotIndex(knownBy: day).map(isReady(upTo:)) ?? true
    }

    /// An empty store: nothing had been published (or, while history loads, nothing is
    /// known yet). One per store, so the frame's figures key on it.
    public var nothingKnown: Store {
        history.value(-1) { Store(snapshots: [], gazetteer: gazetteer) }
    }

    /// The store of `snapshots[...k]` (this store for the newest). A light snapshot's file is
    /// read again; when it no longer holds that snapshot (rewritten since, or broken), the
    /// store has nothing in it: the reloader reports the file's new state.
    public func store(upTo k: Int) -> Store {
        if k == snapshots.count - 1 { return self }
        let s = snapshots[k]
        if s.resident {
            return history.value(k) { Store(snapshots: Array(snapshots[...k]), gazetteer: gazetteer) }
        }
        let key = SnapshotIdentity(s)
        if let kept = reread.peek(key) { return kept }
        // Read outside the memo's lock: `isReady` on the input thread must not wait for it.
        let read = SnapshotLoader.load(file: s.file, gazetteer: gazetteer)
        let made: Store
        if let full = read.snapshot, full.asOf == s.asOf {
            made = Store(snapshots: Array(snapshots[..<k]) + [full], gazetteer: gazetteer)
        } else {
            made = Store(snapshots: [], gazetteer: gazetteer)
        }
        return reread.value(key) { made }
    }

    /// Whether `store(upTo: k)` answers without reading a file.
    public func isReady(upTo k: Int) -> Bool {
        let s = snapshots[k]
        return s.resident || reread.peek(SnapshotIdentity(s)) != nil
    }

    /// `snapshots[k]` with its tables: a light one is read again (see `store(upTo:)`).
    public func resolved(_ k: Int) -> Snapshot {
        snapshots[k].resident ? snapshots[k] : store(upTo: k).current
    }
}
