/// What one day added under a filter: the deployments newly dated that day, the provinces they
/// fell in, and the places (cities, or counties inside a city) they reached. Playback captions
/// it ("+6 on 02-17: Guangzhou, Dongguan, …") and marks the provinces on the map.
public struct Arrivals: Sendable, Equatable {
    /// A place that gained deployments that day.
    public struct Place: Sendable, Equatable {
        public let code: RegionCode
        /// Deployments dated that day in the place (its subtree).
        public let added: Int
        /// The place had none before that day (under the filter): it lit up.
        public let isNew: Bool
    }

    public let day: Day
    /// Deployments dated `day` that pass the filter, within the region asked about.
    public let count: Int
    /// The level places are named at: `.prefecture` (cities) inside the country or a province,
    /// `.county` inside a city. A deployment above that level (a provincial body) counts in
    /// its own region, so the places can mix levels.
    public let level: RegionLevel
    /// The places that gained: those that lit up first, then the most added, then code order.
    public let places: [Place]
    /// The provinces that gained, in code order (the map's tiles).
    public let provinces: [RegionCode]

    public static func none(on day: Day, level: RegionLevel = .prefecture) -> Arrivals {
        Arrivals(day: day, count: 0, level: level, places: [], provinces: [])
    }

    public var isEmpty: Bool { count == 0 }
}

extension Store {
    /// The deployments dated `day` in `region`'s subtree that pass `filter`, by place.
    ///
    /// Rows are kept in date order, so this reads only the rows of that day (a binary search
    /// finds them): a played day costs what it added, not the size of the data. Whether a place
    /// is new comes from the filter's first dates, computed once per filter and kept.
    public func arrivals(on day: Day, in region: RegionCode = .country, filter: Filter = Filter()) -> Arrivals {
        let level: RegionLevel = (gazetteer.region(region)?.level ?? .country) >= .prefecture ? .county : .prefecture
        guard let regionSlot = gazetteer.slot(of: region) else { return .none(on: day, level: level) }
        let rows = rowsThrough(day.adding(days: -1))..<rowsThrough(day)
        guard !rows.isEmpty else { return .none(on: day, level: level) }
        let matcher = FilterMatcher(filter, table: table)
        let parents = gazetteer.parentSlots
        var count = 0
        var addedBySlot: [Int32: Int] = [:]
        var provinceSlots = Set<Int32>()
        for k in rows {
            let i = Int(byDate[k])
            guard matcher.matches(table, i) else { continue }
            // The row's region and its ancestors below the country, deepest first: one entry
            // for a province, two for a city, three for a county.
            var chain: [Int32] = []
            var s = rowSlots[i]
            while s != 0 {
                chain.append(s)
                s = parents[Int(s)]
            }
            guard regionSlot == 0 || chain.contains(regionSlot) else { continue }
            count += 1
            guard let province = chain.last else { continue }
            provinceSlots.insert(province)
            // Clipped to the level: a county counts in its city; a city-level body in the city.
            let place = chain.count > level.rawValue ? chain[chain.count - level.rawValue] : chain[0]
            addedBySlot[place, default: 0] += 1
        }
        let first = firstDates(filter)
        let places = addedBySlot.map { slot, added in
            Arrivals.Place(code: gazetteer.codes[Int(slot)], added: added, isNew: first[Int(slot)] == day.ordinal)
        }.sorted { a, b in
            if a.isNew != b.isNew { return a.isNew }
            if a.added != b.added { return a.added > b.added }
            return a.code < b.code
        }
        return Arrivals(day: day, count: count, level: level, places: places,
                        provinces: provinceSlots.map { gazetteer.codes[Int($0)] }.sorted())
    }
}
