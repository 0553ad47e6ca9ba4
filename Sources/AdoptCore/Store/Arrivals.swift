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
        let parents = gazetteer.parentSlots, provinceOf = gazetteer.provinceSlots
        let countyLevel = level == .county
        // Per slot, flat arrays (a few thousand entries): no hashing or allocation per row.
        var added = [Int32](repeating: 0, count: gazetteer.codes.count)
        var gained = [Bool](repeating: false, count: gazetteer.codes.count)
        var count = 0
        for k in rows {
            let i = Int(byDate[k])
            guard matcher.matches(table, i) else { continue }
            // The row's region and its parents: a province's parent is the country (slot 0),
            // a city's a province, a county's a city (or, for a few, a province).
            let s = rowSlots[i]
            let p1 = parents[Int(s)]
            let p2 = p1 == 0 ? 0 : parents[Int(p1)]
            guard regionSlot == 0 || s == regionSlot || p1 == regionSlot || p2 == regionSlot else { continue }
            count += 1
            gained[Int(provinceOf[Int(s)])] = true
            // Clipped to the level: a county counts in its city; a city-level body in the city.
            let place = countyLevel || p2 == 0 ? s : p1
            added[Int(place)] += 1
        }
        let first = firstDates(filter)
        // A deployment recorded at the country itself counts, in no place.
        let places = added.indices.filter { $0 != 0 && added[$0] != 0 }.map { slot in
            Arrivals.Place(code: gazetteer.codes[slot], added: Int(added[slot]), isNew: first[slot] == day.ordinal)
        }.sorted { a, b in
            if a.isNew != b.isNew { return a.isNew }
            if a.added != b.added { return a.added > b.added }
            return a.code < b.code
        }
        return Arrivals(day: day, count: count, level: level, places: places,
                        provinces: gained.indices.filter { gained[$0] && $0 != 0 }.map { gazetteer.codes[$0] }.sorted())
    }
}
