extension SnapshotLoader.Result {
    /// The same result with its snapshot kept light (`Snapshot.lightened`): what the
    /// dashboard keeps of a file that is not the newest.
    public func lightened() -> SnapshotLoader.Result {
        guard let snapshot, snapshot.resident else { return self }
        return SnapshotLoader.Result(snapshot: snapshot.lightened(), problems: problems)
    }
}
