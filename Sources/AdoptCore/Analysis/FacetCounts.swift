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

    /// No deployments: what a menu item's count is asked of to see whether it has one.
    public static let empty = FacetCounts(total: 0, choices: [:], matching: [:], unstated: [:], uncertain: 0, approximate: 0)

    /// The count beside a filter choice.
    public func count(_ facet: Facet, _ value: String) -> Int { choices[facet]?[value] ?? 0 }

    public func breakdown(_ facet: Facet) -> Breakdown {
        Breakdown(facet: facet, total: total, counts: matching[facet] ?? [:], unstated: unstated[facet] ?? 0)
    }
}

extension Store {
    struct FacetKey: Hashable {
        var code: RegionCode
        var filter: Filter
    }

    /// The facet counts of a region's subtree at a date. The counts for a (region, filter)
    /// follow the date (stepping or playing the date only adds or removes the rows in
    /// between), so only a new region or filter costs a pass over the region's rows.
    public func facetCounts(in code: RegionCode, at day: Day, filter: Filter = Filter()) -> FacetCounts {
        facetMemo.value(FacetKey(code: code, filter: filter)) { FacetTally(store: self, code: code, filter: filter) }
            .counts(at: day)
    }

    public func breakdown(_ facet: Facet, in code: RegionCode, at day: Day, filter: Filter = Filter()) -> Breakdown {
        facetCounts(in: code, at: day, filter: filter).breakdown(facet)
    }
}
