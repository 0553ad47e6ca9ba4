/// How many deployments each filter choice would give, for one region at one date: the
/// counts beside the filter menu's check boxes (VisiData's frequency sheet), and the
/// breakdowns.
///
/// A value's count applies every *other* facet of the filter and not its own, so it says
/// what ticking (or keeping) that value gives while the rest stays as it is: facets combine
/// by AND, values within a facet by OR. One pass over the region's rows computes all of them:
/// a row that fails no facet counts everywhere, a row that fails exactly one facet counts
/// only under that facet's values.
public struct FacetCounts: Sendable {
    /// Deployments matching the whole filter.
    public let total: Int
    /// Per facet, value → deployments matching the other facets (what the menu shows).
    public let choices: [Facet: [String: Int]]
    /// Per facet, value → deployments matching the whole filter (the breakdown).
    public let matching: [Facet: [String: Int]]
    /// Per facet, deployments matching the whole filter with no value in the facet.
    public let unstated: [Facet: Int]
    /// Among the deployments matching the filter apart from its certainty choices, how many
    /// are marked uncertain, and how many have an approximate date.
    public let uncertain: Int
    public let approximate: Int

    /// The count beside a filter choice.
    public func count(_ facet: Facet, _ value: String) -> Int { choices[facet]?[value] ?? 0 }

    public func breakdown(_ facet: Facet) -> Breakdown {
        Breakdown(facet: facet, total: total, counts: matching[facet] ?? [:], unstated: unstated[facet] ?? 0)
    }
}

extension Store {
    struct FacetKey: Hashable {
        var code: RegionCode
        var day: Day
        var filter: Filter
    }

    /// The facet counts of a region's subtree at a date (cached: a frame and the next ask for
    /// the same).
    public func facetCounts(in code: RegionCode, at day: Day, filter: Filter = Filter()) -> FacetCounts {
        facetMemo.value(FacetKey(code: code, day: day, filter: filter)) {
            FacetTally(store: self, filter: filter).count(in: code, at: day)
        }
    }

    public func breakdown(_ facet: Facet, in code: RegionCode, at day: Day, filter: Filter = Filter()) -> Breakdown {
        facetCounts(in: code, at: day, filter: filter).breakdown(facet)
    }
}

/// The pass behind `FacetCounts`: the filter compiled to bit masks and per-vocabulary flags,
/// counts kept in arrays indexed like the table's columns, names attached at the end.
struct FacetTally {
    let store: Store
    let filter: Filter
    let table: DeploymentTable
    /// Facet bits, in `Facet.allCases` order, plus certainty.
    static let familyBit = 1, modelBit = 2, useCaseBit = 4, sectorBit = 8, statusBit = 16, bodyBit = 32, certaintyBit = 64

    init(store: Store, filter: Filter) {
        self.store = store
        self.filter = filter
        self.table = store.current.deployments
    }

    func count(in code: RegionCode, at day: Day) -> FacetCounts {
        let t = table
        let modelNames = t.modelNames, useCaseNames = t.useCaseNames
        // Families: each model number's family number.
        var familyNames: [String] = []
        var familyNumber: [String: Int] = [:]
        let familyOf: [Int] = (0..<modelNames.count).map { m in
            let name = ModelFamily.of(modelNames[m]).name
            if let k = familyNumber[name] { return k }
            familyNumber[name] = familyNames.count
            familyNames.append(name)
            return familyNames.count - 1
        }
        let sectorMask: UInt8 = filter.sectors.reduce(0) { $0 | 1 << UInt8(Sector.allCases.firstIndex(of: $1)!) }
        let statusMask: UInt8 = filter.statuses.reduce(0) { $0 | 1 << UInt8(Status.allCases.firstIndex(of: $1)!) }
        let bodyMask: UInt32 = filter.bodies.reduce(0) { $0 | 1 << UInt32(DeploymentTable.bodyCode($1)) }
        let flagMask: UInt8 = (filter.excludeApproximate ? 1 : 0) | (filter.excludeUncertain ? 2 : 0)
        let wantedModel: [Bool]? = filter.models.isEmpty ? nil : (0..<modelNames.count).map { filter.models.contains(modelNames[$0]) }
        let wantedFamily: [Bool]? = filter.families.isEmpty ? nil : familyNames.map { filter.families.contains($0) }
        let wantedUse: [Bool]? = filter.useCases.isEmpty ? nil : (0..<useCaseNames.count).map { filter.useCases.contains(useCaseNames[$0]) }
        let text = FilterMatcher(Filter(text: filter.text), table: t)

        // [0] whole filter, [1] all but the facet.
        var sectors = [[Int]](repeating: [Int](repeating: 0, count: Sector.allCases.count), count: 2)
        var statuses = [[Int]](repeating: [Int](repeating: 0, count: Status.allCases.count), count: 2)
        var bodies = [[Int]](repeating: [Int](repeating: 0, count: Body.allCases.count + 1), count: 2)
        var models = [[Int]](repeating: [Int](repeating: 0, count: modelNames.count), count: 2)
        var families = [[Int]](repeating: [Int](repeating: 0, count: familyNames.count), count: 2)
        var uses = [[Int]](repeating: [Int](repeating: 0, count: useCaseNames.count), count: 2)
        var total = 0, noModel = 0, noUse = 0, uncertain = 0, approximate = 0
        var seenFamily = [Int](repeating: -1, count: familyNames.count)

        store.forEachRow(in: code, through: day) { i in
            if !text.isEmpty && !text.matches(t, i) { return }
            var fails = 0
            if sectorMask != 0 && sectorMask & (1 << t.sectors[i]) == 0 { fails |= FacetTally.sectorBit }
            if statusMask != 0 && statusMask & (1 << t.statuses[i]) == 0 { fails |= FacetTally.statusBit }
            if bodyMask != 0 && bodyMask & (1 << UInt32(t.bodies[i])) == 0 { fails |= FacetTally.bodyBit }
            if flagMask & t.flags[i] != 0 { fails |= FacetTally.certaintyBit }
            let ms = t.models[i]
            if let wantedModel, !ms.contains(where: { wantedModel[Int($0)] }) { fails |= FacetTally.modelBit }
            if let wantedFamily, !ms.contains(where: { wantedFamily[familyOf[Int($0)]] }) { fails |= FacetTally.familyBit }
            let us = t.useCases[i]
            if let wantedUse, !us.contains(where: { wantedUse[Int($0)] }) { fails |= FacetTally.useCaseBit }
            if fails & ~FacetTally.certaintyBit == 0 {
                if t.flags[i] & 2 != 0 { uncertain += 1 }
                if t.flags[i] & 1 != 0 { approximate += 1 }
            }
            // A row failing two or more facets counts nowhere.
            guard fails & (fails - 1) == 0 else { return }
            let all = fails == 0
            if all {
                total += 1
                sectors[0][Int(t.sectors[i])] += 1
                statuses[0][Int(t.statuses[i])] += 1
                bodies[0][Int(t.bodies[i])] += 1
                if ms.isEmpty { noModel += 1 }
                if us.isEmpty { noUse += 1 }
                for m in ms { models[0][Int(m)] += 1 }
                for u in us { uses[0][Int(u)] += 1 }
            }
            if all || fails == FacetTally.sectorBit { sectors[1][Int(t.sectors[i])] += 1 }
            if all || fails == FacetTally.statusBit { statuses[1][Int(t.statuses[i])] += 1 }
            if all || fails == FacetTally.bodyBit { bodies[1][Int(t.bodies[i])] += 1 }
            if all || fails == FacetTally.modelBit { for m in ms { models[1][Int(m)] += 1 } }
            if all || fails == FacetTally.useCaseBit { for u in us { uses[1][Int(u)] += 1 } }
            if all || fails == FacetTally.familyBit {
                // Once per family, however many of its models the row names.
                for m in ms {
                    let f = familyOf[Int(m)]
                    if seenFamily[f] == i { continue }
                    seenFamily[f] = i
                    families[1][f] += 1
                    if all { families[0][f] += 1 }
                }
            }
        }

        func named(_ counts: [Int], _ name: (Int) -> String) -> [String: Int] {
            var out: [String: Int] = [:]
            for (k, n) in counts.enumerated() where n > 0 { out[name(k), default: 0] += n }
            return out
        }
        var choices: [Facet: [String: Int]] = [:], matching: [Facet: [String: Int]] = [:]
        for k in 0..<2 {
            var m: [Facet: [String: Int]] = [:]
            m[.sector] = named(sectors[k]) { Sector.allCases[$0].rawValue }
            m[.status] = named(statuses[k]) { Status.allCases[$0].rawValue }
            m[.body] = named(Array(bodies[k].dropFirst())) { Body.allCases[$0].rawValue }
            m[.model] = named(models[k]) { modelNames[$0] }
            m[.modelFamily] = named(families[k]) { familyNames[$0] }
            m[.useCase] = named(uses[k]) { useCaseNames[$0] }
            if k == 0 { matching = m } else { choices = m }
        }
        return FacetCounts(
            total: total, choices: choices, matching: matching,
            unstated: [.body: bodies[0][0], .model: noModel, .modelFamily: noModel, .useCase: noUse,
                       .sector: 0, .status: 0],
            uncertain: uncertain, approximate: approximate)
    }
}
