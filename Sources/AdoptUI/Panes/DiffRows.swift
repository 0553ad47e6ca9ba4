import AdoptCore

/// Which row of the diff pane shows what, worked out once per diff: drawing a screenful then
/// reads only the rows on screen, though a diff of two large snapshots can run to millions.
///
/// Sections in order, each under a heading and left out when empty: added deployments (one
/// row each), removed (one row each), changed (the id, then one row per changed field).
struct DiffRows: Equatable, Sendable {
    enum Row: Equatable {
        case heading(String)
        case added(Int)
        case removed(Int)
        /// A changed deployment's id row.
        case changed(Int)
        /// Field `field` of change `change`.
        case field(change: Int, field: Int)
    }

    /// Rows in all.
    let count: Int
    /// Columns the id column takes (the longest id listed as added or removed, at most 32).
    let idWidth: Int
    private let added: Int
    private let removed: Int
    /// The first row of each change, counted from the first row after the Changed heading.
    private let changeStarts: [Int]

    init(_ diff: SnapshotDiff?) {
        added = diff?.added.count ?? 0
        removed = diff?.removed.count ?? 0
        var starts: [Int] = []
        var next = 0
        for change in diff?.changed ?? [] {
            starts.append(next)
            next += 1 + change.fields.count
        }
        changeStarts = starts
        var widest = 2
        for list in [diff?.added ?? [], diff?.removed ?? []] {
            for d in list where widest < 32 { widest = max(widest, DisplayWidth.of(d.id)) }
        }
        idWidth = min(32, widest)
        count = (added > 0 ? 1 + added : 0) + (removed > 0 ? 1 + removed : 0)
            + (starts.isEmpty ? 0 : 1 + next)
    }

    func row(_ i: Int) -> Row? {
        guard i >= 0, i < count else { return nil }
        var i = i
        if added > 0 {
            if i == 0 { return .heading("Added (\(added))") }
            if i <= added { return .added(i - 1) }
            i -= 1 + added
        }
        if removed > 0 {
            if i == 0 { return .heading("Removed (\(removed))") }
            if i <= removed { return .removed(i - 1) }
            i -= 1 + removed
        }
        if i == 0 { return .heading("Changed (\(changeStarts.count))") }
        i -= 1
        // The last change starting at or before row i.
        var lo = 0, hi = changeStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if changeStarts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        let offset = i - changeStarts[lo]
        return offset == 0 ? .changed(lo) : .field(change: lo, field: offset - 1)
    }
}
