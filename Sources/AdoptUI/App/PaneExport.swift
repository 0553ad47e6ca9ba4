import AdoptCore

/// What a pane shows, as a header and rows of text: what `e` writes to CSV. Pure, so what
/// each pane exports is tested without files; the comparison timeline can add its own.
///
/// The figures are the pane's own (the same date, filter and counting mode), not a new query:
/// a file that disagrees with the screen it came from would be worse than none.
public struct PaneExport: Equatable, Sendable {
    /// The pane's short name, for the file name: "table", "drill", "deployments", "breakdown".
    public let pane: String
    public let header: [String]
    public let rows: [[String]]

    public init(pane: String, header: [String], rows: [[String]]) {
        self.pane = pane; self.header = header; self.rows = rows
    }

    /// The CSV text: the header and every row, RFC 4180 and safe to open (see `CSV`).
    public var csv: String {
        ([header] + rows).map(CSV.line).joined()
    }

    static let regionHeader = ["code", "name", "english", "deployments", "covered", "of", "first_date", "uncertain"]

    static func regionRow(_ s: RegionSummary, label: String? = nil) -> [String] {
        [s.region.code.description, label ?? s.region.name, label == nil ? s.region.english : "",
         String(s.count), String(s.covered), String(s.childCount), s.firstDate?.description ?? "",
         String(s.count - s.firmCount)]
    }

    /// The province table (and the map, which shows the same figures): the provinces in the
    /// table's order, then the country's total.
    public static func table(_ rows: [RegionSummary], total: RegionSummary?) -> PaneExport {
        PaneExport(pane: "table", header: regionHeader,
                   rows: rows.map { regionRow($0) } + (total.map { [regionRow($0)] } ?? []))
    }

    /// The drill-down's region list: the region's own deployments first ("(city-wide)"), then
    /// its children, then the region itself as the total.
    public static func regions(parent: RegionSummary, children: [RegionSummary], own: RegionSummary?) -> PaneExport {
        var rows: [[String]] = []
        if let own, own.count > 0 { rows.append(regionRow(own, label: DrillDownPane.ownLabel(of: parent.region.level))) }
        rows += children.map { regionRow($0) }
        rows.append(regionRow(parent))
        return PaneExport(pane: "drill", header: regionHeader, rows: rows)
    }

    public static let deploymentHeader = ["id", "region_code", "region", "province", "organization", "body", "date",
                                          "approximate", "status", "sector", "models", "families", "use_cases",
                                          "uncertain", "note", "sources"]

    /// One row per deployment, with its sources ("publisher | title | date | url", joined by
    /// "; ") so a spreadsheet row can be checked against where it came from.
    public static func deployments(_ items: [Deployment], store: Store) -> PaneExport {
        let rows = items.map { d -> [String] in
            let lineage = store.gazetteer.lineage(of: d.region).compactMap { store.gazetteer.region($0) }
            let families = Set(d.models.map { ModelFamily.of($0).name }).sorted()
            let sources = d.sources.map { id -> String in
                guard let s = store.source(id: id) else { return id }
                return [s.publisher, s.title ?? "", s.date?.description ?? "", s.url ?? ""].joined(separator: " | ")
            }
            return [d.id, d.region.description, lineage.first?.name ?? "", lineage.last?.name ?? "", d.organization,
                    d.body?.rawValue ?? "", d.date.description, d.approximate ? "yes" : "no", d.status.rawValue,
                    d.sector.rawValue, d.models.joined(separator: "; "), families.joined(separator: "; "),
                    d.useCases.joined(separator: "; "), d.uncertain ? "yes" : "no", d.note ?? "",
                    sources.joined(separator: "; ")]
        }
        return PaneExport(pane: "deployments", header: deploymentHeader, rows: rows)
    }

    /// The breakdown's bars, "(not stated)" included, in the order shown.
    public static func breakdown(_ lines: [BreakdownView.Line]) -> PaneExport {
        let rows = lines.compactMap { line -> [String]? in
            switch line {
            case .bar(let facet, let r): return [facet.rawValue, r.value, String(r.count), CSV.share(r.share)]
            case .unstated(let facet, let n, let share): return [facet.rawValue, Breakdown.unstatedLabel, String(n), CSV.share(share)]
            case .section, .blank: return nil
            }
        }
        return PaneExport(pane: "breakdown", header: ["facet", "value", "deployments", "share"], rows: rows)
    }

    /// The timeline: each day with a new deployment, and the running total.
    public static func timeline(_ timeline: Timeline) -> PaneExport {
        PaneExport(pane: "timeline", header: ["date", "added", "cumulative"],
                   rows: timeline.points.map { [$0.day.description, String($0.added), String($0.cumulative)] })
    }
}
