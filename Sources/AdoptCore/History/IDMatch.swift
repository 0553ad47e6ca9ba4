/// Pairs the rows of two deployment tables by id, without building a String per row: both
/// sides are sorted by a hash of the id's bytes and walked together, and equal hashes are
/// confirmed by comparing the bytes. A million rows a side cost two sorts of integers.
///
/// Ids are unique in a valid snapshot; should one repeat, only its first row takes part.
struct IDMatch {
    /// Rows with the same id on both sides, as (old row, new row).
    private(set) var matched: [(old: Int, new: Int)] = []
    /// Rows whose id is only in the new table.
    private(set) var added: [Int] = []
    /// Rows whose id is only in the old table.
    private(set) var removed: [Int] = []

    init(old a: DeploymentTable, new b: DeploymentTable) {
        let ka = IDMatch.keys(a), kb = IDMatch.keys(b)
        var i = 0, j = 0
        while i < ka.count || j < kb.count {
            let ie = IDMatch.runEnd(ka, from: i), je = IDMatch.runEnd(kb, from: j)
            if j == kb.count || (i < ka.count && ka[i].hash < kb[j].hash) {
                removed += IDMatch.firsts(ka[i..<ie], in: a)
                i = ie
            } else if i == ka.count || kb[j].hash < ka[i].hash {
                added += IDMatch.firsts(kb[j..<je], in: b)
                j = je
            } else {
                // Same hash: almost always one row each; otherwise compare the bytes.
                var unmatched = IDMatch.firsts(ka[i..<ie], in: a)
                for r in IDMatch.firsts(kb[j..<je], in: b) {
                    if let k = unmatched.firstIndex(where: { IDMatch.sameID(a, $0, b, r) }) {
                        matched.append((unmatched[k], r))
                        unmatched.remove(at: k)
                    } else {
                        added.append(r)
                    }
                }
                removed += unmatched
                i = ie
                j = je
            }
        }
    }

    /// (hash of the id, row), sorted by hash then row.
    private static func keys(_ t: DeploymentTable) -> [(hash: UInt64, row: Int)] {
        var keys = t.indices.map { i in (hash: t.ids.withBytes(i, IDIndex.hash), row: i) }
        keys.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.row < $1.row }
        return keys
    }

    private static func runEnd(_ keys: [(hash: UInt64, row: Int)], from start: Int) -> Int {
        guard start < keys.count else { return start }
        var end = start + 1
        while end < keys.count, keys[end].hash == keys[start].hash { end += 1 }
        return end
    }

    /// The rows of one hash run, dropping any whose id an earlier row in the run already has.
    private static func firsts(_ run: ArraySlice<(hash: UInt64, row: Int)>, in t: DeploymentTable) -> [Int] {
        var out: [Int] = []
        for key in run where !out.contains(where: { sameID(t, $0, t, key.row) }) { out.append(key.row) }
        return out
    }

    private static func sameID(_ a: DeploymentTable, _ i: Int, _ b: DeploymentTable, _ j: Int) -> Bool {
        a.ids.withBytes(i) { x in b.ids.withBytes(j) { x.elementsEqual($0) } }
    }
}
