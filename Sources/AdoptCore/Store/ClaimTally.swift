import Foundation

/// What the registry tracks of one claim, counted the way the claim counts: at the claim's
/// date (not the cursor's), within the claim's region, by its `counts`, and never filtered,
/// so "tracked 2 / claimed 72" compares like with like.
public struct ClaimTally: Sendable, Equatable {
    public let claim: Claim
    /// Distinct units found: deployments, organisations or regions (also for a share).
    public let found: Int
    /// For a share: how many regions the percentage is of; nil otherwise.
    public let outOf: Int?
    /// The deployments behind the figure, oldest first: "which of the 72 do we know?".
    public let rows: [Int]

    /// The figure shown beside the claimed value: a count, or a percentage for a share.
    public var tracked: Double {
        guard let outOf else { return Double(found) }
        return outOf == 0 ? 0 : (Double(found) * 100 / Double(outOf))
    }
}

extension Store {
    /// Hong Kong, Macao and Taiwan are provinces in the gazetteer, but a share of "every
    /// province" in Chinese reporting means the 31 of the mainland: both sides of a share
    /// leave them out.
    static func isMainland(_ code: RegionCode) -> Bool {
        let province = code.value / 10000
        return province != 71 && province != 81 && province != 82
    }

    /// Counts what the current snapshot tracks of `claim`, by the claim's own definition.
    /// A scan of the claim's region, so each claim's tally is kept (stepping the date across a
    /// claim's date must not rescan a million rows).
    public func tally(_ claim: Claim) -> ClaimTally {
        tallies.value(claim) { countTally(claim) }
    }

    private func countTally(_ claim: Claim) -> ClaimTally {
        let c = claim.counts
        let filter = Filter(sectors: c.sectors, statuses: c.statuses, bodies: c.bodies)
        let levels = c.levels.isEmpty ? Set([RegionLevel.province, .prefecture, .county]) : c.levels
        var rows: [Int] = []
        var outOf: Int?
        var found: Int
        if c.unit == .percentOfRegions {
            // Coverage: each mainland region at the levels, and whether anything matches in it.
            var covered = Set<RegionCode>()
            forEachMatch(in: claim.region, at: claim.date, filter: filter) { i in
                let code = RegionCode(value: table.regions[i])
                guard Store.isMainland(code) else { return }
                rows.append(i)
                for up in gazetteer.lineage(of: code) {
                    if let r = gazetteer.region(up), levels.contains(r.level) { covered.insert(up) }
                }
            }
            let all = gazetteer.subtreeSlots(of: claim.region).map { gazetteer.codes[Int($0)] }.filter { code in
                guard code != .country, Store.isMainland(code), let r = gazetteer.region(code) else { return false }
                return levels.contains(r.level)
            }
            outOf = all.count
            found = covered.intersection(all).count
        } else {
            forEachMatch(in: claim.region, at: claim.date, filter: filter) { i in
                let code = RegionCode(value: table.regions[i])
                if !c.levels.isEmpty {
                    guard let level = gazetteer.region(code)?.level, c.levels.contains(level) else { return }
                }
                rows.append(i)
            }
            switch c.unit {
            case .organizations: found = Set(rows.map { table.organization(at: $0) }).count
            case .regions: found = Set(rows.map { table.regions[$0] }).count
            default: found = rows.count
            }
        }
        return ClaimTally(claim: claim, found: found, outOf: outOf, rows: inDateOrder(rows))
    }

    /// `rows` by (date, row). `byDate` is already in that order (a stable sort of the rows
    /// by date), so many rows are picked out of it in one linear pass; a few are sorted.
    private func inDateOrder(_ rows: [Int]) -> [Int] {
        guard rows.count > 4096 else {
            return rows.sorted { (table.dates[$0], $0) < (table.dates[$1], $1) }
        }
        var picked = [Bool](repeating: false, count: table.count)
        for r in rows { picked[r] = true }
        var out: [Int] = []
        out.reserveCapacity(rows.count)
        for r in byDate where picked[Int(r)] { out.append(Int(r)) }
        return out
    }
}
