/// What `adopt export --by FACET` writes: the breakdown of a region's deployments at a date
/// under a filter, one row per value (`value,deployments,share`), most deployments first,
/// then "(not stated)" for those with no value in the facet. The figures are those of the
/// breakdown pane and `adopt dump breakdown` (`Store.breakdown`).
///
/// Share is deployments over all the deployments matching in the region, so for a
/// multi-valued facet (model, model family, use case) the shares can add up to more than 1.
public struct BreakdownExport: Sendable {
    public let breakdown: Breakdown
    public let region: RegionCode
    public let asOf: Day

    public init(store: Store, facet: Facet, region: RegionCode = .country, at day: Day, filter: Filter = Filter()) {
        breakdown = store.breakdown(facet, in: region, at: day, filter: filter)
        self.region = region
        asOf = day
    }

    public static let columns = ["value", "deployments", "share"]

    /// The rows as (value, count, share), the "(not stated)" row last when there is one.
    public var rows: [(value: String, count: Int, share: Double)] {
        let b = breakdown
        var out = b.rows.map { ($0.value, $0.count, $0.share) }
        if b.unstated > 0 {
            out.append((Breakdown.unstatedLabel, b.unstated, b.total == 0 ? 0 : Double(b.unstated) / Double(b.total)))
        }
        return out
    }

    public var csv: String {
        var out = CSV.line(Self.columns)
        for r in rows { out += CSV.line([r.value, String(r.count), CSV.share(r.share)]) }
        return out
    }

    /// An object: what was counted (facet, region, date, total, whether shares can add up to
    /// more than 1) and the rows.
    public var json: String {
        let b = breakdown
        var out = "{\n  \"facet\": \(JSONText.quote(b.facet.rawValue)), \"region\": \(JSONText.quote(region.description)), "
        out += "\"as_of\": \(JSONText.quote(asOf.description)), \"total\": \(b.total), "
        out += "\"multi_valued\": \(b.facet.isMultiValued),\n  \"rows\": ["
        let rows = self.rows
        for (k, r) in rows.enumerated() {
            out += k == 0 ? "\n    " : ",\n    "
            out += "{\"value\": \(JSONText.quote(r.value)), \"deployments\": \(r.count), \"share\": \(CSV.share(r.share))}"
        }
        return out + (rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}
