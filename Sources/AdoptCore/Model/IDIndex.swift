import Foundation

/// Finds a deployment by id, and finds repeated ids, without a dictionary of a million strings:
/// a sorted array of (64-bit hash of the id, row), 12 bytes a row; equal hashes are confirmed
/// by comparing the ids' bytes.
public struct IDIndex: Sendable, Equatable {
    private let hashes: [UInt64]
    private let rows: [Int32]

    /// `parts` > 1 hashes and sorts that many runs of rows on as many threads and merges
    /// them: the same order, (hash, row), as one sort. Runs are at least
    /// `minimumRowsPerPart` long (a thread costs more than sorting a few rows).
    init(_ table: DeploymentTable, parts: Int = 1, minimumRowsPerPart: Int = 65_536) {
        let n = table.count
        let parts = max(1, min(parts, n / max(1, minimumRowsPerPart)))
        let job = SortJob(table, parts: parts)
        if parts > 1 {
            DispatchQueue.concurrentPerform(iterations: parts) { job.run($0) }
        } else {
            job.run(0)
        }
        var runs = job.runs
        while runs.count > 1 {
            var next: [[(UInt64, Int32)]] = []
            var k = 0
            while k < runs.count {
                next.append(k + 1 < runs.count ? IDIndex.merge(runs[k], runs[k + 1]) : runs[k])
                runs[k] = []
                if k + 1 < runs.count { runs[k + 1] = [] }
                k += 2
            }
            runs = next
        }
        let pairs = runs.first ?? []
        hashes = pairs.map(\.0)
        rows = pairs.map(\.1)
    }

    /// The sorted runs, each written by its own thread.
    private final class SortJob: @unchecked Sendable {
        let table: DeploymentTable
        let parts: Int
        /// One slot per thread: no thread touches another's (nor an array's shared header).
        private let slots: UnsafeMutablePointer<[(UInt64, Int32)]>
        var runs: [[(UInt64, Int32)]] { Array(UnsafeBufferPointer(start: slots, count: parts)) }

        init(_ table: DeploymentTable, parts: Int) {
            self.table = table; self.parts = parts
            slots = .allocate(capacity: parts)
            slots.initialize(repeating: [], count: parts)
        }

        deinit {
            slots.deinitialize(count: parts)
            slots.deallocate()
        }

        func run(_ k: Int) {
            let n = table.count
            var pairs = (n * k / parts..<n * (k + 1) / parts).map { i in (table.ids.withBytes(i, IDIndex.hash), Int32(i)) }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            slots[k] = pairs
        }
    }

    private static func merge(_ a: [(UInt64, Int32)], _ b: [(UInt64, Int32)]) -> [(UInt64, Int32)] {
        var out: [(UInt64, Int32)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i].0 < b[j].0 || (a[i].0 == b[j].0 && a[i].1 < b[j].1) { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
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
