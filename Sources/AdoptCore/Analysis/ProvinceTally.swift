import Foundation

/// What the province table's wide columns show for one province at a date under a filter:
/// its deployments per sector, the model family most of them name, and the latest date.
public struct ProvinceFigures: Sendable, Equatable {
    /// Deployments per sector, in `Sector.allCases` order.
    public var sectors: [Int]
    /// The sector with the most deployments (ties to the earlier sector), nil with none.
    public var topSector: Sector?
    /// The model family named by the most deployments (ties by name), and how many name it;
    /// a deployment naming two families counts for both.
    public var topFamily: String?
    public var topFamilyCount = 0
    /// The latest matching deployment's date on or before the date.
    public var latest: Day?

    public var topSectorCount: Int { topSector.map { sectors[Sector.allCases.firstIndex(of: $0)!] } ?? 0 }
}

/// Per-province sector and family counts and latest dates for one filter, kept at a date and
/// moved with it the way `CountCache` follows the date: stepping or playing the date adds or
/// takes away only the rows in between, so the table's wide columns cost no pass over a
/// million rows per frame; a new filter costs one pass.
public final class ProvinceTally: @unchecked Sendable {
    private let lock = NSLock()
    private let store: Store
    private let matcher: FilterMatcher
    /// Province slots in code order and each slot's index among them (-1: none).
    private let provinceSlots: [Int32]
    private let indexOfSlot: [Int32]
    /// Each model number's family number, and the family names.
    private let familyOf: [Int32]
    private let familyNames: [String]
    /// The first day of the histogram and how many days it spans.
    private let firstDay: Int32
    private let days: Int

    /// Flat per-province blocks: sectors, families, deployments per day.
    private var sectors: [Int32]
    private var families: [Int32]
    private var perDay: [Int32]
    /// Rows counted: `byDate[..<through]`.
    private var through = 0
    private var last: (day: Day, figures: [RegionCode: ProvinceFigures])?

    init(store: Store, filter: Filter) {
        self.store = store
        let t = store.table
        matcher = FilterMatcher(filter, table: t)
        let g = store.gazetteer
        provinceSlots = g.provinces.compactMap { g.slot(of: $0.code) }
        var index = [Int32](repeating: -1, count: g.codes.count)
        for (k, s) in provinceSlots.enumerated() { index[Int(s)] = Int32(k) }
        indexOfSlot = g.provinceSlots.map { $0 == 0 ? -1 : index[Int($0)] }
        var names: [String] = []
        var number: [String: Int32] = [:]
        familyOf = (0..<t.modelNames.count).map { m in
            let name = ModelFamily.of(t.modelNames[m]).name
            if let k = number[name] { return k }
            number[name] = Int32(names.count)
            names.append(name)
            return Int32(names.count - 1)
        }
        familyNames = names
        let low = store.byDate.first.map { t.dates[Int($0)] } ?? 0
        firstDay = low
        days = store.byDate.last.map { Int(t.dates[Int($0)] - low) + 1 } ?? 0
        let n = provinceSlots.count
        sectors = [Int32](repeating: 0, count: n * Sector.allCases.count)
        families = [Int32](repeating: 0, count: n * names.count)
        perDay = [Int32](repeating: 0, count: n * days)
    }

    /// Every province's figures at `day` (provinces with no deployment included).
    public func figures(at day: Day) -> [RegionCode: ProvinceFigures] {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.day == day { return last.figures }
        move(to: store.rowsThrough(day))
        let out = named(at: day)
        last = (day, out)
        return out
    }

    /// The figures if they can be had without a long pass: this date was the last asked, or
    /// moving to it adds or takes away at most `rowLimit` rows. Busy (a pass is running on
    /// another thread) counts as not cheap: a frame never waits for a pass.
    public func figuresIfCheap(at day: Day, rowLimit: Int) -> [RegionCode: ProvinceFigures]? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        if let last, last.day == day { return last.figures }
        let target = store.rowsThrough(day)
        guard abs(target - through) <= rowLimit else { return nil }
        move(to: target)
        let out = named(at: day)
        last = (day, out)
        return out
    }

    /// Adds the rows dated up to the target not yet counted, or takes away those after it.
    /// The columns are read through unsafe buffers and the counts kept in locals, as in
    /// `FacetTally` (class-stored arrays in a loop over a million rows pay for exclusivity
    /// checks and retains on every access).
    private func move(to target: Int) {
        guard target != through else { return }
        let t = store.table
        let sectorCount = Sector.allCases.count, familyCount = familyNames.count
        let days = self.days, firstDay = self.firstDay
        let matcher = self.matcher, noFilter = matcher.isEmpty
        var sectors = self.sectors, families = self.families, perDay = self.perDay
        self.sectors = []; self.families = []; self.perDay = []
        var through = self.through
        store.byDate.withUnsafeBufferPointer { byDate in
        store.rowSlots.withUnsafeBufferPointer { slots in
        indexOfSlot.withUnsafeBufferPointer { index in
        t.sectors.withUnsafeBufferPointer { sectorColumn in
        t.dates.withUnsafeBufferPointer { dates in
        t.models.values.withUnsafeBufferPointer { mv in
        t.models.ends.withUnsafeBufferPointer { me in
        familyOf.withUnsafeBufferPointer { fam in
        sectors.withUnsafeMutableBufferPointer { sc in
        families.withUnsafeMutableBufferPointer { fc in
        perDay.withUnsafeMutableBufferPointer { dc in
            func apply(_ i: Int, _ sign: Int32) {
                let p = Int(index[Int(slots[i])])
                guard p >= 0, noFilter || matcher.matches(t, i) else { return }
                sc[p * sectorCount + Int(sectorColumn[i])] += sign
                dc[p * days + Int(dates[i] - firstDay)] += sign
                let m0 = i == 0 ? 0 : Int(me[i - 1]), m1 = Int(me[i])
                for j in m0..<m1 {
                    let f = fam[Int(mv[j])]
                    // Once per family, however many of its models the row names.
                    var seen = false
                    for e in m0..<j where fam[Int(mv[e])] == f { seen = true; break }
                    if !seen { fc[p * familyCount + Int(f)] += sign }
                }
            }
            while through < target { apply(Int(byDate[through]), 1); through += 1 }
            while through > target { through -= 1; apply(Int(byDate[through]), -1) }
        }}}}}}}}}}}
        self.sectors = sectors; self.families = families; self.perDay = perDay
        self.through = through
    }

    private func named(at day: Day) -> [RegionCode: ProvinceFigures] {
        let sectorCount = Sector.allCases.count, familyCount = familyNames.count
        let lastOffset = min(days - 1, Int(day.ordinal - firstDay))
        var out: [RegionCode: ProvinceFigures] = [:]
        for (p, slot) in provinceSlots.enumerated() {
            let bySector = (0..<sectorCount).map { Int(sectors[p * sectorCount + $0]) }
            var figures = ProvinceFigures(sectors: bySector)
            if let best = bySector.indices.max(by: { (bySector[$0], $1) < (bySector[$1], $0) }), bySector[best] > 0 {
                figures.topSector = Sector.allCases[best]
            }
            var top: (count: Int32, name: String)?
            for f in 0..<familyCount {
                let c = families[p * familyCount + f]
                guard c > 0 else { continue }
                if let t = top, t.count > c || (t.count == c && t.name <= familyNames[f]) { continue }
                top = (c, familyNames[f])
            }
            figures.topFamily = top?.name
            figures.topFamilyCount = Int(top?.count ?? 0)
            if lastOffset >= 0 {
                for d in stride(from: lastOffset, through: 0, by: -1) where perDay[p * days + d] > 0 {
                    figures.latest = Day(ordinal: firstDay + Int32(d))
                    break
                }
            }
            out[store.gazetteer.codes[Int(slot)]] = figures
        }
        return out
    }
}

extension Store {
    /// A tally for the province table's wide columns under `filter` (counted on first use).
    public func provinceTally(filter: Filter) -> ProvinceTally {
        ProvinceTally(store: self, filter: filter)
    }

    /// The store of the snapshot before `other`'s current one (`other` is this store or one
    /// of its "known by" stores), built once; nil for the first snapshot or an empty store.
    /// What "change since the previous snapshot" is measured against.
    public func previous(of other: Store) -> Store? {
        guard let k = previousIndex(of: other) else { return nil }
        return store(upTo: k)
    }

    /// Whether `previous(of:)` answers without reading a file (see `store(upTo:)`).
    public func previousIsReady(of other: Store) -> Bool {
        previousIndex(of: other).map(isReady(upTo:)) ?? true
    }

    /// The date of the snapshot `previous(of:)` gives, without building its store.
    public func previousDate(of other: Store) -> Day? { previousIndex(of: other).map { snapshots[$0].asOf } }

    private func previousIndex(of other: Store) -> Int? {
        guard let k = snapshots.lastIndex(where: { $0.asOf == other.current.asOf && $0.file == other.current.file }),
              k > 0 else { return nil }
        return k - 1
    }
}
