/// Finds a deployment by id, and finds repeated ids, without a dictionary of a million strings:
/// a sorted array of (64-bit hash of the id, row), 12 bytes a row; equal hashes are confirmed
/// by comparing the ids' bytes.
public struct IDIndex: Sendable, Equatable {
    private let hashes: [UInt64]
    private let rows: [Int32]

    init(_ table: DeploymentTable) {
        var pairs = table.indices.map { i in (table.ids.withBytes(i, IDIndex.hash), Int32(i)) }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        hashes = pairs.map(\.0)
        rows = pairs.map(\.1)
    }

    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// The row holding `id`, or nil.
    func row(of id: String, in table: DeploymentTable) -> Int? {
        let bytes = Array(id.utf8)
        let h = bytes.withUnsafeBufferPointer(IDIndex.hash)
        var lo = 0, hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        while lo < hashes.count, hashes[lo] == h {
            let r = Int(rows[lo])
            if table.ids.withBytes(r, { $0.elementsEqual(bytes) }) { return r }
            lo += 1
        }
        return nil
    }

    /// Every row whose id already appeared in an earlier row, with that earlier row.
    func duplicates(in table: DeploymentTable) -> [(first: Int, repeat: Int)] {
        var out: [(Int, Int)] = []
        var k = 0
        while k < hashes.count {
            var e = k + 1
            while e < hashes.count, hashes[e] == hashes[k] { e += 1 }
            if e - k > 1 {
                // Rows within a run are in row order; compare each with the earlier ones.
                for a in k..<e {
                    for b in k..<a {
                        let ra = Int(rows[a]), rb = Int(rows[b])
                        if table.ids.withBytes(ra, { x in table.ids.withBytes(rb, { x.elementsEqual($0) }) }) {
                            out.append((rb, ra))
                            break
                        }
                    }
                }
            }
            k = e
        }
        return out.sorted { $0.1 < $1.1 }
    }
}
