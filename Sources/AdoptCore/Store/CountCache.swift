import Foundation

/// Remembers the last direct (not rolled-up) per-region counts, so stepping the date only
/// touches the rows between the old and the new date, and asking again for the same date and
/// filter costs nothing. Safe to use from several threads (the UI and a background reload).
final class CountCache: @unchecked Sendable {
    private let lock = NSLock()
    private var filter: Filter?
    /// Rows (in date order) counted so far, and the counts per slot.
    private var through = 0
    private var direct: [Int32] = []
    private var firstFilter: Filter?
    private var first: [Int32] = []

    func firstDates(store: Store, filter: Filter) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if firstFilter != filter || first.isEmpty {
            first = store.firstDatesEver(filter: filter)
            firstFilter = filter
        }
        return first
    }

    func direct(store: Store, day: Day, filter: Filter) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        let target = store.rowsThrough(day)
        if self.filter != filter || direct.isEmpty {
            self.filter = filter
            direct = [Int32](repeating: 0, count: store.gazetteer.codes.count)
            through = 0
        }
        let matcher = FilterMatcher(filter, table: store.table)
        let table = store.table
        // Add the rows that have begun since, or take away those now in the future.
        while through < target {
            let i = Int(store.byDate[through])
            if matcher.matches(table, i) { direct[Int(store.rowSlots[i])] += 1 }
            through += 1
        }
        while through > target {
            through -= 1
            let i = Int(store.byDate[through])
            if matcher.matches(table, i) { direct[Int(store.rowSlots[i])] -= 1 }
        }
        return direct
    }
}
