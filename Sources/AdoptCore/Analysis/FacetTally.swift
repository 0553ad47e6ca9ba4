import Foundation

/// The counts behind `FacetCounts` for one region and filter, kept at a date and moved with
/// it: rows between the old and the new date are added or taken away, the way `CountCache`
/// follows the date.
///
/// The pass reads the table's columns through unsafe buffers and keeps every count in one
/// flat array (a million rows in a loop with array-of-array subscripts and slices spends
/// most of its time on retains and bounds checks).
final class FacetTally: @unchecked Sendable {
    private let lock = NSLock()
    private let store: Store
    private let code: RegionCode
    private let filter: Filter

    // The filter, compiled against the table.
    private let sectorMask: UInt8, statusMask: UInt8, flagMask: UInt8
    private let bodyMask: UInt32
    private let wantedModel: [Bool]?, wantedFamily: [Bool]?, wantedUse: [Bool]?
    private let text: FilterMatcher
    /// Each model number's family number, and the family names.
    private let familyOf: [Int32]
    private let familyNames: [String]

    /// Offsets into `counts`: each facet has a "matching" block then a "choices" block.
    private let layout: Layout
    private var counts: [Int]
    /// Where the counts stand: the country's rows are `byDate[..<position]`; a region's,
    /// each slot's rows `slotRows[slotStart ..< slotPositions[k]]`.
    private var position = 0
    private var slots: [Int32] = []
    private var slotPositions: [Int] = []
    private var day: Day?
    private var last: (day: Day, counts: FacetCounts)?

    struct Layout {
        let sectors: Int, statuses: Int, bodies: Int, models: Int, families: Int, uses: Int
        let modelCount: Int, familyCount: Int, useCount: Int
        /// Totals: matching, no model, no use case, uncertain, approximate.
        let totals: Int
        let size: Int

        init(models: Int, families: Int, uses: Int) {
            modelCount = models; familyCount = families; useCount = uses
            var o = 0
            func take(_ n: Int) -> Int { defer { o += 2 * n }; return o }
            sectors = take(Sector.allCases.count)
            statuses = take(Status.allCases.count)
            bodies = take(Body.allCases.count + 1)
            self.models = take(models)
            self.families = take(families)
            self.uses = take(uses)
            totals = o
            size = o + 5
        }
    }

    init(store: Store, code: RegionCode, filter: Filter) {
        self.store = store
        self.code = code
        self.filter = filter
        let t = store.table
        let modelNames = t.modelNames, useCaseNames = t.useCaseNames
        var names: [String] = []
        var number: [String: Int32] = [:]
        familyOf = (0..<modelNames.count).map { m in
            let name = ModelFamily.of(modelNames[m]).name
            if let k = number[name] { return k }
            number[name] = Int32(names.count)
            names.append(name)
            return Int32(names.count - 1)
        }
        familyNames = names
        sectorMask = filter.sectors.reduce(0) { $0 | 1 << UInt8(Sector.allCases.firstIndex(of: $1)!) }
        statusMask = filter.statuses.reduce(0) { $0 | 1 << UInt8(Status.allCases.firstIndex(of: $1)!) }
        bodyMask = filter.bodies.reduce(0) { $0 | 1 << UInt32(DeploymentTable.bodyCode($1)) }
        flagMask = (filter.excludeApproximate ? 1 : 0) | (filter.excludeUncertain ? 2 : 0)
        wantedModel = filter.models.isEmpty ? nil : (0..<modelNames.count).map { filter.models.contains(modelNames[$0]) }
        wantedFamily = filter.families.isEmpty ? nil : names.map { filter.families.contains($0) }
        wantedUse = filter.useCases.isEmpty ? nil : (0..<useCaseNames.count).map { filter.useCases.contains(useCaseNames[$0]) }
        text = FilterMatcher(Filter(text: filter.text), table: t)
        layout = Layout(models: modelNames.count, families: names.count, uses: useCaseNames.count)
        counts = [Int](repeating: 0, count: layout.size)
        if code != .country {
            slots = store.gazetteer.subtreeSlots(of: code)
            slotPositions = slots.map { Int(store.slotStart[Int($0)]) }
        }
    }

    func counts(at day: Day) -> FacetCounts {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.day == day { return last.counts }
        move(to: day)
        let c = named()
        last = (day, c)
        return c
    }

    /// About how many rows moving to `day` would add or take away (all of them before the
    /// first count).
    /// Busy (a pass is running on another thread) counts as not cheap: a frame never waits
    /// for a pass.
    func rowsToMove(to day: Day) -> Int {
        guard lock.try() else { return Int.max }
        defer { lock.unlock() }
        guard let now = self.day else { return Int.max }
        if now == day { return 0 }
        // The country's rows between the two dates: a region moves over at most these.
        return store.rowsThrough(max(now, day)) - store.rowsThrough(min(now, day))
    }

    /// Adds the rows dated up to `day` not yet counted, or takes away those after it.
    private func move(to day: Day) {
        self.day = day
        if code == .country {
            let target = store.rowsThrough(day)
            store.byDate.withUnsafeBufferPointer { rows in
                if target > position { apply(rows, position..<target, sign: 1) } else { apply(rows, target..<position, sign: -1) }
            }
            position = target
            return
        }
        let dates = store.table.dates
        store.slotRows.withUnsafeBufferPointer { rows in
            for (k, slot) in slots.enumerated() {
                // The slot's rows are in date order: find the first after `day`.
                var lo = Int(store.slotStart[Int(slot)]), hi = Int(store.slotStart[Int(slot) + 1])
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if dates[Int(rows[mid])] <= day.ordinal { lo = mid + 1 } else { hi = mid }
                }
                let now = slotPositions[k]
                if lo > now { apply(rows, now..<lo, sign: 1) } else if lo < now { apply(rows, lo..<now, sign: -1) }
                slotPositions[k] = lo
            }
        }
    }

    /// Counts (sign 1) or uncounts (sign -1) the rows `rows[range]`.
    private func apply(_ rows: UnsafeBufferPointer<Int32>, _ range: Range<Int>, sign: Int) {
        guard !range.isEmpty else { return }
        let t = store.table
        let L = layout
        let (sectorMask, statusMask, flagMask, bodyMask) = (self.sectorMask, self.statusMask, self.flagMask, self.bodyMask)
        let noText = text.isEmpty
        let text = self.text
        let wm = wantedModel ?? [], wf = wantedFamily ?? [], wu = wantedUse ?? []
        let byModel = wantedModel != nil, byFamily = wantedFamily != nil, byUse = wantedUse != nil
        counts.withUnsafeMutableBufferPointer { c in
        t.sectors.withUnsafeBufferPointer { sectors in
        t.statuses.withUnsafeBufferPointer { statuses in
        t.bodies.withUnsafeBufferPointer { bodies in
        t.flags.withUnsafeBufferPointer { flags in
        t.models.values.withUnsafeBufferPointer { mv in
        t.models.ends.withUnsafeBufferPointer { me in
        t.useCases.values.withUnsafeBufferPointer { uv in
        t.useCases.ends.withUnsafeBufferPointer { ue in
        familyOf.withUnsafeBufferPointer { fam in
        wm.withUnsafeBufferPointer { wm in
        wf.withUnsafeBufferPointer { wf in
        wu.withUnsafeBufferPointer { wu in
            for k in range {
                let i = Int(rows[k])
                if !noText && !text.matches(t, i) { continue }
                let sector = Int(sectors[i]), status = Int(statuses[i]), body = Int(bodies[i]), flag = flags[i]
                let m0 = i == 0 ? 0 : Int(me[i - 1]), m1 = Int(me[i])
                let u0 = i == 0 ? 0 : Int(ue[i - 1]), u1 = Int(ue[i])
                var fails = 0
                if sectorMask != 0 && sectorMask & (1 << UInt8(sector)) == 0 { fails |= 8 }
                if statusMask != 0 && statusMask & (1 << UInt8(status)) == 0 { fails |= 16 }
                if bodyMask != 0 && bodyMask & (1 << UInt32(body)) == 0 { fails |= 32 }
                if flagMask & flag != 0 { fails |= 64 }
                if byModel {
                    var any = false
                    for j in m0..<m1 where wm[Int(mv[j])] { any = true; break }
                    if !any { fails |= 2 }
                }
                if byFamily {
                    var any = false
                    for j in m0..<m1 where wf[Int(fam[Int(mv[j])])] { any = true; break }
                    if !any { fails |= 1 }
                }
                if byUse {
                    var any = false
                    for j in u0..<u1 where wu[Int(uv[j])] { any = true; break }
                    if !any { fails |= 4 }
                }
                if fails & ~64 == 0 {
                    if flag & 2 != 0 { c[L.totals + 3] += sign }
                    if flag & 1 != 0 { c[L.totals + 4] += sign }
                }
                // A row failing two or more facets counts nowhere.
                guard fails & (fails - 1) == 0 else { continue }
                let all = fails == 0
                if all {
                    c[L.totals] += sign
                    c[L.sectors + sector] += sign
                    c[L.statuses + status] += sign
                    c[L.bodies + body] += sign
                    if m0 == m1 { c[L.totals + 1] += sign }
                    if u0 == u1 { c[L.totals + 2] += sign }
                    for j in m0..<m1 { c[L.models + Int(mv[j])] += sign }
                    for j in u0..<u1 { c[L.uses + Int(uv[j])] += sign }
                }
                if all || fails == 8 { c[L.sectors + Sector.allCases.count + sector] += sign }
                if all || fails == 16 { c[L.statuses + Status.allCases.count + status] += sign }
                if all || fails == 32 { c[L.bodies + Body.allCases.count + 1 + body] += sign }
                if all || fails == 2 { for j in m0..<m1 { c[L.models + L.modelCount + Int(mv[j])] += sign } }
                if all || fails == 4 { for j in u0..<u1 { c[L.uses + L.useCount + Int(uv[j])] += sign } }
                if all || fails == 1 {
                    // Once per family, however many of its models the row names.
                    for j in m0..<m1 {
                        let f = Int(fam[Int(mv[j])])
                        var seen = false
                        for e in m0..<j where Int(fam[Int(mv[e])]) == f { seen = true; break }
                        if seen { continue }
                        c[L.families + L.familyCount + f] += sign
                        if all { c[L.families + f] += sign }
                    }
                }
            }
        }}}}}}}}}}}}}
    }

    /// The counts with names attached.
    private func named() -> FacetCounts {
        let t = store.table, L = layout
        func block(_ offset: Int, _ n: Int, _ name: (Int) -> String) -> [String: Int] {
            var out: [String: Int] = [:]
            for k in 0..<n where counts[offset + k] > 0 { out[name(k), default: 0] += counts[offset + k] }
            return out
        }
        var m: [[Facet: [String: Int]]] = [[:], [:]]
        for half in 0..<2 {
            m[half][.sector] = block(L.sectors + half * Sector.allCases.count, Sector.allCases.count) { Sector.allCases[$0].rawValue }
            m[half][.status] = block(L.statuses + half * Status.allCases.count, Status.allCases.count) { Status.allCases[$0].rawValue }
            let b = Body.allCases.count + 1
            m[half][.body] = block(L.bodies + half * b + 1, Body.allCases.count) { Body.allCases[$0].rawValue }
            m[half][.model] = block(L.models + half * L.modelCount, L.modelCount) { t.modelNames[$0] }
            m[half][.modelFamily] = block(L.families + half * L.familyCount, L.familyCount) { self.familyNames[$0] }
            m[half][.useCase] = block(L.uses + half * L.useCount, L.useCount) { t.useCaseNames[$0] }
        }
        let noModel = counts[L.totals + 1]
        return FacetCounts(
            total: counts[L.totals], choices: m[1], matching: m[0],
            unstated: [.body: counts[L.bodies], .model: noModel, .modelFamily: noModel,
                       .useCase: counts[L.totals + 2], .sector: 0, .status: 0],
            uncertain: counts[L.totals + 3], approximate: counts[L.totals + 4])
    }
}
