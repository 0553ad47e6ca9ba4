import Foundation

/// Per-region counts kept up to date instead of recomputed.
///
/// Two kinds of state, both following the date incrementally (stepping the date touches only
/// the rows between the old and the new date):
/// - **Facets**: one direct (not rolled-up) count array per (sector, status, certainty)
///   triple, 60 in all (certainty: uncertain or not, approximate date or not). A filter on
///   sectors, statuses and certainty only, the common case (and what the uncertainty marks
///   ask), is then a sum of a few of these arrays: toggling it costs the number of regions,
///   not the number of deployments.
/// - **Any other filter** (models, use cases, text) keeps one array of its own, rebuilt with a
///   scan when the filter changes.
/// First dates work the same way, per facet (once) or per other filter.
/// Safe to use from several threads (the UI and a background reload).
final class CountCache: @unchecked Sendable {
    private let lock = NSLock()
    static let facetCount = Sector.allCases.count * Status.allCases.count * 4

    private var facetThrough = 0
    private var facets: [[Int32]] = []
    private var facetFirst: [[Int32]] = []

    /// Direct counts under a filter that is not a sum of facets, following the date.
    private struct Other {
        var filter: Filter
        var through: Int
        var direct: [Int32]
    }
    private static let otherSlots = 3
    /// Least recently used first.
    private var others: [Other] = []
    private var firsts: [(filter: Filter, first: [Int32])] = []

    /// The facets a filter selects, or nil when it also filters by something else.
    static func facets(of filter: Filter) -> [Int]? {
        guard filter.models.isEmpty, filter.families.isEmpty, filter.useCases.isEmpty, filter.bodies.isEmpty,
              filter.text.allSatisfy(\.isWhitespace) else { return nil }
        var out: [Int] = []
        for (a, sector) in Sector.allCases.enumerated() where filter.sectors.isEmpty || filter.sectors.contains(sector) {
            for (b, status) in Status.allCases.enumerated() where filter.statuses.isEmpty || filter.statuses.contains(status) {
                for certainty in 0..<4 {
                    if filter.excludeApproximate && certainty & 1 != 0 { continue }
                    if filter.excludeUncertain && certainty & 2 != 0 { continue }
                    out.append((a * Status.allCases.count + b) * 4 + certainty)
                }
            }
        }
        return out
    }

    @inline(__always) static func facet(_ t: DeploymentTable, _ i: Int) -> Int {
        (Int(t.sectors[i]) * Status.allCases.count + Int(t.statuses[i])) * 4 + Int(t.flags[i] & 3)
    }

    func direct(store: Store, day: Day, filter: Filter) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        let target = store.rowsThrough(day)
        if let selected = CountCache.facets(of: filter) {
            advanceFacets(store: store, to: target)
            var sum = [Int32](repeating: 0, count: store.gazetteer.codes.count)
            for f in selected {
                facets[f].withUnsafeBufferPointer { src in
                    for s in src.indices where src[s] != 0 { sum[s] += src[s] }
                }
            }
            return sum
        }
        // Other filters: a few kept at once, since each frame asks for a filter and its firm
        // variant (the uncertainty marks); one slot would rebuild both on every key.
        var entry: Other
        if let k = others.firstIndex(where: { $0.filter == filter }) {
            entry = others.remove(at: k)
        } else {
            entry = Other(filter: filter, through: 0, direct: [Int32](repeating: 0, count: store.gazetteer.codes.count))
            if others.count >= CountCache.otherSlots { others.removeFirst() }
        }
        let matcher = FilterMatcher(filter, table: store.table)
        let table = store.table
        // Add the rows that have begun since, or take away those now in the future.
        while entry.through < target {
            let i = Int(store.byDate[entry.through])
            if matcher.matches(table, i) { entry.direct[Int(store.rowSlots[i])] += 1 }
            entry.through += 1
        }
        while entry.through > target {
            entry.through -= 1
            let i = Int(store.byDate[entry.through])
            if matcher.matches(table, i) { entry.direct[Int(store.rowSlots[i])] -= 1 }
        }
        others.append(entry)
        return entry.direct
    }

    /// Moves every facet's counts to `target` rows in date order.
    private func advanceFacets(store: Store, to target: Int) {
        var all = facets
        facets = []
        if all.isEmpty {
            all = Array(repeating: [Int32](repeating: 0, count: store.gazetteer.codes.count),
                        count: CountCache.facetCount)
            facetThrough = 0
        }
        let table = store.table
        store.byDate.withUnsafeBufferPointer { byDate in
            store.rowSlots.withUnsafeBufferPointer { slots in
                while facetThrough < target {
                    let i = Int(byDate[facetThrough])
                    all[CountCache.facet(table, i)][Int(slots[i])] += 1
                    facetThrough += 1
                }
                while facetThrough > target {
                    facetThrough -= 1
                    let i = Int(byDate[facetThrough])
                    all[CountCache.facet(table, i)][Int(slots[i])] -= 1
                }
            }
        }
        facets = all
    }

    /// Deployments per day for the country and each province, per facet: a sector or status
    /// filter's timeline at those levels is a sum of a few rows of this (built on first use).
    private var histogramLow: Int32 = 0
    private var histograms: [Int32: [[Int32]]] = [:]

    func histogram(store: Store, slot: Int32, facets selected: [Int]) -> (low: Int32, perDay: [Int32])? {
        lock.lock()
        defer { lock.unlock() }
        guard slot == 0 || store.gazetteer.provinceSlots[Int(slot)] == slot else { return nil }
        if histograms.isEmpty {
            guard let first = store.byDate.first, let last = store.byDate.last else { return nil }
            let table = store.table
            let low = table.dates[Int(first)], days = Int(table.dates[Int(last)] - low) + 1
            // Counted in one flat array (the country, then each province slot numbered densely),
            // then split per slot: a dictionary lookup per row cost more than the count.
            let provinceSlots = store.gazetteer.provinceSlots
            var dense = [Int](repeating: -1, count: provinceSlots.count)
            dense[0] = 0
            var slots: [Int32] = [0]
            for p in provinceSlots where dense[Int(p)] < 0 {
                dense[Int(p)] = slots.count
                slots.append(p)
            }
            let block = CountCache.facetCount * days
            var flat = [Int32](repeating: 0, count: slots.count * block)
            var used = [Bool](repeating: false, count: slots.count)
            flat.withUnsafeMutableBufferPointer { flat in
                for i in table.indices {
                    let p = Int(provinceSlots[Int(store.rowSlots[i])])
                    let at = CountCache.facet(table, i) * days + Int(table.dates[i] - low)
                    flat[at] += 1
                    used[0] = true
                    if p != 0 { flat[dense[p] * block + at] += 1; used[dense[p]] = true }
                }
            }
            var all: [Int32: [[Int32]]] = [:]
            for k in slots.indices where used[k] {
                all[slots[k]] = (0..<CountCache.facetCount).map { f in
                    Array(flat[k * block + f * days ..< k * block + (f + 1) * days])
                }
            }
            histogramLow = low
            histograms = all
        }
        guard let h = histograms[slot] else { return (histogramLow, []) }
        var sum = [Int32](repeating: 0, count: h[0].count)
        for f in selected { for d in sum.indices { sum[d] += h[f][d] } }
        return (histogramLow, sum)
    }

    func firstDates(store: Store, filter: Filter) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let selected = CountCache.facets(of: filter) {
            if facetFirst.isEmpty { facetFirst = store.firstDatesPerFacet() }
            var first = [Int32](repeating: .max, count: store.gazetteer.codes.count)
            for f in selected {
                for s in first.indices { first[s] = min(first[s], facetFirst[f][s]) }
            }
            return first
        }
        if let k = firsts.firstIndex(where: { $0.filter == filter }) {
            let hit = firsts.remove(at: k)
            firsts.append(hit)
            return hit.first
        }
        let first = store.firstDatesEver(filter: filter)
        if firsts.count >= CountCache.otherSlots { firsts.removeFirst() }
        firsts.append((filter, first))
        return first
    }
}
