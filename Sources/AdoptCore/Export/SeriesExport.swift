/// What `adopt export --series` writes: for each period end, the cumulative count of each
/// region (its whole subtree, under the filter) dated on or before it (`Store.series`). The
/// header's cells after `date` are the region codes, in the order asked for: codes, unlike
/// names, are unique and do not change with the language.
public struct SeriesExport: Sendable {
    public let series: Series

    public init(store: Store, regions: [RegionCode], every period: Period, through day: Day, filter: Filter = Filter()) {
        series = store.series(of: regions, every: period, through: day, filter: filter)
    }

    public var header: [String] { ["date"] + series.regions.map(\.description) }

    public var csv: String {
        var out = CSV.line(header)
        for (k, date) in series.dates.enumerated() {
            out += CSV.line([date.description] + series.values.map { String($0[k]) })
        }
        return out
    }

    /// An array of objects, one per date, keyed like the CSV header.
    public var json: String {
        var out = "["
        for (k, date) in series.dates.enumerated() {
            out += k == 0 ? "\n  " : ",\n  "
            out += "{\"date\": \(JSONText.quote(date.description))"
            for (r, code) in series.regions.enumerated() { out += ", \(JSONText.quote(code.description)): \(series.values[r][k])" }
            out += "}"
        }
        return out + (series.dates.isEmpty ? "]\n" : "\n]\n")
    }
}
