/// Compares rows across two deployment tables without building `Deployment` values, so a diff
/// of two million-row snapshots stays a scan of columns.
struct RowComparer {
    let old: DeploymentTable
    let new: DeploymentTable
    /// Whether the list columns number their names alike (the usual case: one file read
    /// twice), so their raw numbers can be compared; worked out once, not per row.
    private let sameModelNames: Bool
    private let sameUseCaseNames: Bool
    private let sameSourceIDs: Bool

    init(old: DeploymentTable, new: DeploymentTable) {
        self.old = old
        self.new = new
        sameModelNames = old.modelNames.names == new.modelNames.names
        sameUseCaseNames = old.useCaseNames.names == new.useCaseNames.names
        sameSourceIDs = old.sourceIDs.names == new.sourceIDs.names
    }

    /// Whether old row `i` and new row `j` hold the same deployment, field for field.
    func same(_ i: Int, _ j: Int) -> Bool {
        let a = old, b = new
        guard a.dates[i] == b.dates[j], a.regions[i] == b.regions[j],
              a.statuses[i] == b.statuses[j], a.sectors[i] == b.sectors[j],
              a.flags[i] == b.flags[j] else { return false }
        func same(_ x: StringColumn, _ y: StringColumn) -> Bool {
            x.withBytes(i) { p in y.withBytes(j) { p.elementsEqual($0) } }
        }
        guard same(a.ids, b.ids), same(a.organizations, b.organizations),
              a.flags[i] & 4 == 0 || same(a.notes, b.notes) else { return false }
        func same(_ x: ListColumn, _ xn: Vocabulary, _ y: ListColumn, _ yn: Vocabulary, numberedAlike: Bool) -> Bool {
            let p = x[i], q = y[j]
            guard p.count == q.count else { return false }
            return numberedAlike ? p.elementsEqual(q) : p.elementsEqual(q) { xn[Int($0)] == yn[Int($1)] }
        }
        return same(a.models, a.modelNames, b.models, b.modelNames, numberedAlike: sameModelNames)
            && same(a.useCases, a.useCaseNames, b.useCases, b.useCaseNames, numberedAlike: sameUseCaseNames)
            && same(a.sources, a.sourceIDs, b.sources, b.sourceIDs, numberedAlike: sameSourceIDs)
    }
}
