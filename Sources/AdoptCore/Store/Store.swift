import Foundation

/// The in-memory store: the loaded snapshots and the answers the panes ask for.
///
/// Queries never touch files. At load each deployment gets its region's dense slot and the rows
/// are ordered by date, so a count at a date is a scan of narrow columns, and moving the date
/// by a few days only adds or removes the rows in between (see `CountCache`): the cost of a
/// key press depends on what changed, not on the size of the data.
public final class Store: Sendable {
    /// Every valid snapshot, oldest `asOf` first.
    public let snapshots: [Snapshot]
    /// The newest valid snapshot: the current state.
    public let current: Snapshot
    public let gazetteer: Gazetteer

    var table: DeploymentTable { current.deployments }
    /// Each row's region slot.
    let rowSlots: [Int32]
    /// Row numbers in date order.
    let byDate: [Int32]
    /// Rows grouped by region slot (each group in date order): `slotRows[slotStart[s] ..< slotStart[s + 1]]`.
    /// A region's listing or timeline reads only its own rows.
    let slotStart: [Int32]
    let slotRows: [Int32]
    private let byID: IDIndex
    private let sourcesByID: [String: Source]
    // The caches below answer for the current snapshot only: a store that differs in its
    // older snapshots alone shares them (`withHistory`).
    private let cache: CountCache
    /// The stores of earlier snapshots ("known by"), made on first use (a million-row
    /// snapshot takes a moment to index) and kept while this store lives.
    let history = Memo<Int, Store>()
    /// Stores of light older snapshots, read again from their files (`store(upTo:)`): the
    /// last two, enough for a known-by date and the snapshot before it.
    let reread = Memo<SnapshotIdentity, Store>(limit: 2)
    let tallies: Memo<Claim, ClaimTally>
    /// The arrays behind `summaries` for the last (day, filter): a frame asks for the country,
    /// the provinces and the drill-down's region at the same date and filter.
    private let summaryArrays: Memo<SummaryKey, SummaryArrays>
    /// The facet counts of the last few (region, filter), each following the date: the
    /// filter menu and the breakdown pane ask every frame.
    let facetMemo: Memo<FacetKey, FacetTally>
    private let bodyList: Memo<Int, [Body]>
    /// First dates depend on the filter only, not on the day.
    private let firstDateArrays: Memo<Filter, [Int32]>

    public init(snapshots: [Snapshot], gazetteer: Gazetteer = .shared) {
        let sorted = snapshots.sorted { ($0.asOf, $0.file) < ($1.asOf, $1.file) }
        self.snapshots = sorted
        self.current = sorted.last ?? Snapshot(file: "", asOf: Day(ordinal: 0))
        self.gazetteer = gazetteer
        let table = current.deployments
        rowSlots = table.regions.map { gazetteer.slot(of: RegionCode(value: $0)) ?? 0 }
        byDate = Store.sortByDate(table.dates)
        (slotStart, slotRows) = Store.groupBySlot(byDate, rowSlots, slotCount: gazetteer.codes.count)
        byID = table.idIndex ?? IDIndex(table)
        var sourcesByID: [String: Source] = [:]
        for s in current.sources { sourcesByID[s.id] = s }
        self.sourcesByID = sourcesByID
        cache = CountCache()
        tallies = Memo()
        summaryArrays = Memo(limit: 4)
        facetMemo = Memo(limit: 4)
        bodyList = Memo()
        firstDateArrays = Memo(limit: 16)
    }

    /// A store with this store's current snapshot and other older ones (history read in the
    /// background, or an older file changed): the current snapshot's index and counts are
    /// kept, not made again, so taking in history costs no pass over the current rows.
    /// `older` must not hold the current snapshot; those newer than it are not allowed.
    public func withHistory(_ older: [Snapshot]) -> Store {
        Store(sharing: self, snapshots: older.sorted { ($0.asOf, $0.file) < ($1.asOf, $1.file) } + [current])
    }

    private init(sharing other: Store, snapshots: [Snapshot]) {
        self.snapshots = snapshots
        current = other.current
        gazetteer = other.gazetteer
        rowSlots = other.rowSlots
        byDate = other.byDate
        slotStart = other.slotStart
        slotRows = other.slotRows
        byID = other.byID
        sourcesByID = other.sourcesByID
        cache = other.cache
        tallies = other.tallies
        summaryArrays = other.summaryArrays
        // Facet tallies hold the store that made them (and so its older snapshots): made anew.
        facetMemo = Memo(limit: 4)
        bodyList = other.bodyList
        firstDateArrays = other.firstDateArrays
    }

    /// A stable counting sort by day: dates span a few hundred days, so this is linear.
    private static func sortByDate(_ dates: [Int32]) -> [Int32] {
        guard let lo = dates.min(), let hi = dates.max() else { return [] }
        var starts = [Int](repeating: 0, count: Int(hi - lo) + 2)
        for d in dates { starts[Int(d - lo) + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var out = [Int32](repeating: 0, count: dates.count)
        for (i, d) in dates.enumerated() {
            out[starts[Int(d - lo)]] = Int32(i)
            starts[Int(d - lo)] += 1
        }
        return out
    }

    /// A stable counting sort of the date-ordered rows by slot.
    private static func groupBySlot(_ byDate: [Int32], _ rowSlots: [Int32], slotCount: Int) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: slotCount + 1)
        for s in rowSlots { start[Int(s) + 1] += 1 }
        for k in 1..<start.count { start[k] += start[k - 1] }
        var next = start
        var rows = [Int32](repeating: 0, count: byDate.count)
        for r in byDate {
            let s = Int(rowSlots[Int(r)])
            rows[Int(next[s])] = r
            next[s] += 1
        }
        return (start, rows)
    }

    /// Calls `body` with every row of a region's subtree that passes `filter` and is dated on
    /// or before `day`; each slot's rows come in date order.
    func forEachMatch(in code: RegionCode, at day: Day, filter: Filter, _ body: (Int) -> Void) {
        let matcher = FilterMatcher(filter, table: table)
        let t = table
        for slot in gazetteer.subtreeSlots(of: code) {
            for k in Int(slotStart[Int(slot)])..<Int(slotStart[Int(slot) + 1]) {
                let i = Int(slotRows[k])
                if t.dates[i] > day.ordinal { break }
                if matcher.matches(t, i) { body(i) }
            }
        }
    }

    /// How many rows (in date order) are dated on or before `day`.
    func rowsThrough(_ day: Day) -> Int {
        var lo = 0, hi = byDate.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table.dates[Int(byDate[mid])] <= day.ordinal { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Calls `body` with every row dated on or before `day` that passes `filter`.
    func forEachMatch(at day: Day, filter: Filter, _ body: (Int) -> Void) {
        let matcher = FilterMatcher(filter, table: table)
        let t = table
        for k in 0..<rowsThrough(day) {
            let i = Int(byDate[k])
            if matcher.matches(t, i) { body(i) }
        }
    }

    // MARK: Counting

    /// Deployment counts per region, rolled up from county to prefecture to province and the
    /// whole country.
    public func counts(at day: Day, filter: Filter = Filter()) -> RegionCounts {
        RegionCounts(gazetteer: gazetteer, values: rolledUp(cache.direct(store: self, day: day, filter: filter)))
    }

    /// Adds each region's direct count into its parent, deepest first.
    private func rolledUp(_ direct: [Int32]) -> [Int32] {
        var v = direct
        for slot in gazetteer.rollUpOrder {
            v[Int(gazetteer.parentSlots[Int(slot)])] += v[Int(slot)]
        }
        return v
    }

    /// Earliest matching date per region slot at any date, rolled up like counts (cached per
    /// filter: a region's first date at T is this one if it is on or before T, else none).
    func firstDatesEver(filter: Filter) -> [Int32] {
        var first = [Int32](repeating: .max, count: gazetteer.codes.count)
        forEachMatch(at: Day(ordinal: .max), filter: filter) { i in
            let s = Int(rowSlots[i])
            first[s] = min(first[s], table.dates[i])
        }
        for slot in gazetteer.rollUpOrder {
            let p = Int(gazetteer.parentSlots[Int(slot)])
            first[p] = min(first[p], first[Int(slot)])
        }
        return first
    }

    /// Earliest date per region slot for each (sector, status) facet, rolled up: one pass.
    func firstDatesPerFacet() -> [[Int32]] {
        var first = Array(repeating: [Int32](repeating: .max, count: gazetteer.codes.count),
                          count: CountCache.facetCount)
        for i in table.indices {
            let f = CountCache.facet(table, i), s = Int(rowSlots[i])
            first[f][s] = min(first[f][s], table.dates[i])
        }
        for f in first.indices {
            for slot in gazetteer.rollUpOrder {
                let p = Int(gazetteer.parentSlots[Int(slot)])
                first[f][p] = min(first[f][p], first[f][Int(slot)])
            }
        }
        return first
    }

    /// The figures for one region.
    public func summary(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> RegionSummary? {
        summaries(of: [code], at: day, filter: filter).first
    }

    /// The figures for each direct child of a region (provinces for the country), in code order.
    public func children(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> [RegionSummary] {
        summaries(of: gazetteer.children(of: code), at: day, filter: filter)
    }

    struct SummaryKey: Hashable {
        var day: Day
        var filter: Filter
    }

    struct SummaryArrays {
        var direct: [Int32]
        var counts: RegionCounts
        var firmDirect: [Int32]
        var firm: RegionCounts
        var first: [Int32]
        var firmFirst: [Int32]
    }

    func firstDates(_ filter: Filter) -> [Int32] {
        firstDateArrays.value(filter) { cache.firstDates(store: self, filter: filter) }
    }

    private func summaryArrays(at day: Day, filter: Filter) -> SummaryArrays {
        summaryArrays.value(SummaryKey(day: day, filter: filter)) {
            let direct = cache.direct(store: self, day: day, filter: filter)
            let firmDirect = cache.direct(store: self, day: day, filter: filter.firm(approximateToo: false))
            return SummaryArrays(
                direct: direct, counts: RegionCounts(gazetteer: gazetteer, values: rolledUp(direct)),
                firmDirect: firmDirect, firm: RegionCounts(gazetteer: gazetteer, values: rolledUp(firmDirect)),
                first: firstDates(filter), firmFirst: firstDates(filter.firm(approximateToo: true)))
        }
    }

    private func summaries(of codes: [RegionCode], at day: Day, filter: Filter) -> [RegionSummary] {
        let a = summaryArrays(at: day, filter: filter)
        let (direct, counts, firm, first, firmFirst) = (a.direct, a.counts, a.firm, a.first, a.firmFirst)
        func date(_ d: Int32) -> Day? { d > day.ordinal ? nil : Day(ordinal: d) }
        return codes.compactMap { code in
            guard let region = code == .country ? Gazetteer.countryRegion : gazetteer.region(code),
                  let slot = gazetteer.slot(of: code) else { return nil }
            let kids = gazetteer.children(of: code)
            var summary = RegionSummary(
                region: region, count: counts[code] ?? 0,
                covered: kids.reduce(0) { $0 + ((counts[$1] ?? 0) > 0 ? 1 : 0) },
                childCount: kids.count, firstDate: date(first[Int(slot)]))
            summary.own = Int(direct[Int(slot)])
            summary.firmCount = firm[code] ?? 0
            summary.firmFirstDate = date(firmFirst[Int(slot)])
            return summary
        }
    }

    /// The figures of the deployments recorded at the region itself (its "(city-wide)" row):
    /// `count` is the own count, and no children are covered. Counts come from the frame's
    /// arrays; first dates from the region's own rows, which are in date order, so the scan
    /// stops at the first match (a province of a million-row set may own many rows).
    public func ownSummary(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> RegionSummary? {
        guard let region = gazetteer.region(code), let slot = gazetteer.slot(of: code) else { return nil }
        let a = summaryArrays(at: day, filter: filter)
        let firmMatcher = FilterMatcher(filter.firm(approximateToo: true), table: table)
        let matcher = FilterMatcher(filter, table: table)
        var first: Day?, firmFirst: Day?
        for k in Int(slotStart[Int(slot)])..<Int(slotStart[Int(slot) + 1]) {
            let i = Int(slotRows[k])
            if table.dates[i] > day.ordinal { break }
            if first == nil, matcher.matches(table, i) { first = Day(ordinal: table.dates[i]) }
            if firmMatcher.matches(table, i) { firmFirst = Day(ordinal: table.dates[i]); break }
        }
        let own = Int(a.direct[Int(slot)])
        var s = RegionSummary(region: region, count: own, covered: 0, childCount: 0, firstDate: first)
        s.own = own
        s.firmCount = Int(a.firmDirect[Int(slot)])
        s.firmFirstDate = firmFirst
        return s
    }

    // MARK: Listing

    /// Row numbers of the matching deployments in a region or below it, dated on or before
    /// `day`, oldest first (equal dates in file order). Use `deployment(row:)` to read one: a
    /// long list is paged by the pane instead of being built whole.
    public func rows(in code: RegionCode, at day: Day, filter: Filter = Filter()) -> [Int] {
        var out: [Int] = []
        forEachMatch(in: code, at: day, filter: filter) { out.append($0) }
        guard let lo = out.lazy.map({ self.table.dates[$0] }).min(),
              let hi = out.lazy.map({ self.table.dates[$0] }).max() else { return out }
        // Merge the per-slot runs with a counting sort by day (ties: by region, then file order).
        var start = [Int](repeating: 0, count: Int(hi - lo) + 2)
        for i in out { start[Int(table.dates[i] - lo) + 1] += 1 }
        for k in 1..<start.count { start[k] += start[k - 1] }
        var sorted = [Int](repeating: 0, count: out.count)
        for i in out {
            let d = Int(table.dates[i] - lo)
            sorted[start[d]] = i
            start[d] += 1
        }
        return sorted
    }

    /// The deployment in row `row` of the current snapshot.
    public func deployment(row: Int) -> Deployment { table[row] }

    /// Matching deployments in a region or below it, dated on or before `day`, oldest first.
    public func deployments(in code: RegionCode, at day: Day, filter: Filter = Filter()) -> DeploymentList {
        DeploymentList(table: table, rows: rows(in: code, at: day, filter: filter))
    }

    /// Matching deployments recorded at the region itself (none of its children), dated on
    /// or before `day`, oldest first: the drill-down's "(city-wide)" row.
    public func ownDeployments(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> DeploymentList {
        guard let slot = gazetteer.slot(of: code) else { return DeploymentList(table: table, rows: []) }
        let matcher = FilterMatcher(filter, table: table)
        var out: [Int] = []
        for k in Int(slotStart[Int(slot)])..<Int(slotStart[Int(slot) + 1]) {
            let i = Int(slotRows[k])
            if table.dates[i] > day.ordinal { break }
            if matcher.matches(table, i) { out.append(i) }
        }
        return DeploymentList(table: table, rows: out)
    }

    /// A deployment's full record, sources resolved; nil for an unknown id.
    public func record(id: String) -> DeploymentRecord? {
        guard let i = byID.row(of: id, in: table) else { return nil }
        let d = table[i]
        return DeploymentRecord(
            deployment: d,
            sources: d.sources.compactMap { sourcesByID[$0] },
            lineage: gazetteer.lineage(of: d.region).compactMap { gazetteer.region($0) })
    }

    public func source(id: String) -> Source? { sourcesByID[id] }

    // MARK: Time

    /// New and cumulative deployments per day for a region (the country for `.country`).
    public func timeline(of code: RegionCode, filter: Filter = Filter()) -> Timeline {
        guard let first = byDate.first, let last = byDate.last else { return Timeline(points: []) }
        if let facets = CountCache.facets(of: filter), let slot = gazetteer.slot(of: code),
           let (low, perDay) = cache.histogram(store: self, slot: slot, facets: facets) {
            var running = 0
            var points: [Timeline.Point] = []
            for (k, n) in perDay.enumerated() where n > 0 {
                running += Int(n)
                points.append(Timeline.Point(day: Day(ordinal: low + Int32(k)), added: Int(n), cumulative: running))
            }
            return Timeline(points: points)
        }
        let lo = table.dates[Int(first)], hi = table.dates[Int(last)]
        var perDay = [Int](repeating: 0, count: Int(hi - lo) + 1)
        forEachMatch(in: code, at: Day(ordinal: .max), filter: filter) { i in
            perDay[Int(table.dates[i] - lo)] += 1
        }
        var running = 0
        var points: [Timeline.Point] = []
        for (k, n) in perDay.enumerated() where n > 0 {
            running += n
            points.append(Timeline.Point(day: Day(ordinal: lo + Int32(k)), added: n, cumulative: running))
        }
        return Timeline(points: points)
    }

    /// Events dated within the range, oldest first.
    public func events(in range: ClosedRange<Day>) -> [Event] {
        current.events.filter { range.contains($0.date) }.sorted { $0.date < $1.date }
    }

    /// Claims dated within the range, oldest first.
    public func claims(in range: ClosedRange<Day>) -> [Claim] {
        current.claims.filter { range.contains($0.date) }.sorted { $0.date < $1.date }
    }

    /// The most recent claim about a region made on or before `day`.
    public func latestClaim(for code: RegionCode = .country, onOrBefore day: Day) -> Claim? {
        current.claims.filter { $0.region == code && $0.date <= day }.max { $0.date < $1.date }
    }

    /// From the earliest deployment or event to the current snapshot's `asOf`.
    public var dateRange: ClosedRange<Day> {
        let first = byDate.first.map { Day(ordinal: table.dates[Int($0)]) } ?? current.asOf
        let lo = ([first] + current.events.map(\.date)).min()!
        return min(lo, current.asOf)...current.asOf
    }

    // MARK: Vocabulary (for filter menus)

    public var models: [String] { table.modelNames.names.sorted() }
    public var useCases: [String] { table.useCaseNames.names.sorted() }
    /// The kinds of body the current snapshot names, in vocabulary order.
    public var bodies: [Body] {
        // Once per store: a million rows' column is a scan the filter menu should not repeat.
        bodyList.value(0) {
            var present = [Bool](repeating: false, count: Body.allCases.count + 1)
            for b in table.bodies { present[Int(b)] = true }
            return Body.allCases.filter { present[Int(DeploymentTable.bodyCode($0))] }
        }
    }
}
