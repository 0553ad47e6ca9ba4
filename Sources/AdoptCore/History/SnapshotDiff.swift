/// What differs between two snapshots, deployment by deployment (matched by id) and field by
/// field: what the diff pane lists after a refresh, or for any two snapshots the user picks.
///
/// Pure. Rows are matched by id (`IDMatch`) and compared column by column (`RowComparer`);
/// `Deployment` values are built only for what is listed, so a diff of two large snapshots
/// that barely differ costs a scan, not a million allocations (still: run it off the input
/// thread for large data).
public struct SnapshotDiff: Sendable, Equatable {
    /// One field whose display text differs, e.g. status "piloting" → "deployed".
    public struct FieldChange: Sendable, Equatable {
        /// The field's name as in the snapshot format: "region", "organization", "date",
        /// "approximate", "status", "sector", "models", "useCases", "sources", "note", "uncertain".
        public let field: String
        /// Display text: lists joined with ", ", dates `YYYY-MM-DD`, booleans "yes"/"no",
        /// an absent note "—".
        public let old: String
        public let new: String

        public init(field: String, old: String, new: String) {
            self.field = field; self.old = old; self.new = new
        }
    }

    /// A deployment present on both sides with at least one field changed.
    public struct Change: Sendable, Equatable {
        public let id: String
        /// In the order of `DeploymentFields.names` (the format's field order).
        public let fields: [FieldChange]

        public init(id: String, fields: [FieldChange]) {
            self.id = id; self.fields = fields
        }
    }

    public let from: SnapshotIdentity
    public let to: SnapshotIdentity
    /// Only in `to`, by id.
    public let added: [Deployment]
    /// Only in `from`, by id.
    public let removed: [Deployment]
    /// In both but different, by id.
    public let changed: [Change]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(from old: Snapshot, to new: Snapshot) {
        from = SnapshotIdentity(old)
        to = SnapshotIdentity(new)
        let a = old.deployments, b = new.deployments
        let match = IDMatch(old: a, new: b)
        let rows = RowComparer(old: a, new: b)
        let added = match.added.map { b[$0] }
        let removed = match.removed.map { a[$0] }
        let changed = match.matched.compactMap { pair -> Change? in
            guard !rows.same(pair.old, pair.new) else { return nil }
            let fields = zip(DeploymentFields.names,
                             zip(DeploymentFields.values(of: a[pair.old]), DeploymentFields.values(of: b[pair.new])))
                .filter { $0.1.0 != $0.1.1 }
                .map { FieldChange(field: $0.0, old: $0.1.0, new: $0.1.1) }
            return fields.isEmpty ? nil : Change(id: b.id(at: pair.new), fields: fields)
        }
        self.added = added.sorted { $0.id < $1.id }
        self.removed = removed.sorted { $0.id < $1.id }
        self.changed = changed.sorted { $0.id < $1.id }
    }

    /// Every region, at any level (county, prefecture, province, and the country itself),
    /// whose deployment count at `day` differs between two stores: what the map highlights
    /// after a refresh. A region that had no deployments on one side counts as 0 there.
    public static func changedRegions(old: Store, new: Store, at day: Day) -> Set<RegionCode> {
        new.counts(at: day).changedRegions(from: old.counts(at: day))
    }
}
