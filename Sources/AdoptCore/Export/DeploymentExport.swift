/// The rows `adopt export --deployments` writes: one per deployment of a region's subtree,
/// dated on or before a day, under a filter, with the names of its region at each level and
/// its sources resolved, so a spreadsheet needs nothing else to read a row.
///
/// Why it writes to a stream instead of returning text: at a million deployments the CSV runs
/// to hundreds of megabytes. Rows are produced one at a time from the store's date index and
/// handed to the stream, so memory does not grow with the output.
public struct DeploymentExport {
    public let store: Store
    public let region: RegionCode
    public let asOf: Day
    public let filter: Filter

    public init(store: Store, region: RegionCode = .country, at day: Day, filter: Filter = Filter()) {
        self.store = store; self.region = region; self.asOf = day; self.filter = filter
    }

    /// How multi-valued cells (models, families, use cases) are joined in CSV.
    public static let listSeparator = "; "
    /// How the sources' cells are joined in CSV: the n-th publisher, title, date and URL
    /// belong to the same source.
    public static let sourceSeparator = " | "

    public static let columns = [
        "id", "region_code", "province_code", "province", "province_english",
        "prefecture_code", "prefecture", "prefecture_english", "county_code", "county", "county_english",
        "organization", "body", "date", "date_approximate", "status", "sector",
        "models", "model_families", "use_cases", "uncertain", "note",
        "source_publishers", "source_titles", "source_dates", "source_urls",
    ]

    /// One deployment with what a row needs besides it.
    public struct Row: Sendable, Equatable {
        public let deployment: Deployment
        /// The region and its ancestors by level (nil where the deployment sits higher up:
        /// a city government's deployment has no county).
        public let province: Region?
        public let prefecture: Region?
        public let county: Region?
        /// The distinct families of its models, in the order the models are listed.
        public let families: [String]
        /// Its sources, resolved, in the order the record lists them.
        public let sources: [Source]

        /// The CSV cells, in `columns` order (not yet quoted).
        public var fields: [String] {
            let d = deployment
            func level(_ r: Region?) -> [String] { [r?.code.description ?? "", r?.name ?? "", r?.english ?? ""] }
            let list = DeploymentExport.listSeparator, src = DeploymentExport.sourceSeparator
            return [d.id, d.region.description] + level(province) + level(prefecture) + level(county) + [
                d.organization, d.body?.rawValue ?? "", d.date.description, String(d.approximate),
                d.status.rawValue, d.sector.rawValue,
                d.models.joined(separator: list), families.joined(separator: list),
                d.useCases.joined(separator: list), String(d.uncertain), d.note ?? "",
                sources.map(\.publisher).joined(separator: src),
                sources.map { $0.title ?? "" }.joined(separator: src),
                sources.map { $0.date?.description ?? "" }.joined(separator: src),
                sources.map { $0.url ?? "" }.joined(separator: src),
            ]
        }
    }

    /// Calls `body` with each row, oldest first (equal dates in file order).
    public func forEachRow(_ body: (Row) -> Void) {
        var levels: [RegionCode: (Region?, Region?, Region?)] = [:]
        store.forEachMatchInDateOrder(in: region, at: asOf, filter: filter) { i in
            let d = store.deployment(row: i)
            let (p, c, k) = levels[d.region] ?? {
                var found: (Region?, Region?, Region?) = (nil, nil, nil)
                for code in store.gazetteer.lineage(of: d.region) {
                    guard let r = store.gazetteer.region(code) else { continue }
                    switch r.level {
                    case .province: found.0 = r
                    case .prefecture: found.1 = r
                    case .county: found.2 = r
                    case .country: break
                    }
                }
                levels[d.region] = found
                return found
            }()
            var families: [String] = []
            for m in d.models {
                let f = ModelFamily.of(m).name
                if !families.contains(f) { families.append(f) }
            }
            body(Row(deployment: d, province: p, prefecture: c, county: k, families: families,
                     sources: d.sources.compactMap(store.source(id:))))
        }
    }

    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet (`CSV`).
    public func writeCSV<Out: TextOutputStream>(to out: inout Out) {
        out.write(CSV.line(Self.columns))
        forEachRow { out.write(CSV.line($0.fields)) }
    }

    /// A JSON array of objects, one per deployment: lists as arrays, sources as objects,
    /// booleans as booleans, what is missing as null.
    public func writeJSON<Out: TextOutputStream>(to out: inout Out) {
        out.write("[")
        var first = true
        forEachRow { row in
            out.write(first ? "\n  " : ",\n  ")
            first = false
            out.write(Self.json(row))
        }
        out.write(first ? "]\n" : "\n]\n")
    }

    static func json(_ row: Row) -> String {
        let d = row.deployment
        func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
        func array(_ a: [String]) -> String { "[" + a.map(JSONText.quote).joined(separator: ", ") + "]" }
        func level(_ key: String, _ r: Region?) -> String {
            "\"\(key)_code\": \(q(r?.code.description)), \"\(key)\": \(q(r?.name)), \"\(key)_english\": \(q(r?.english))"
        }
        let sources = row.sources.map { s in
            "{\"publisher\": \(q(s.publisher)), \"title\": \(q(s.title)), \"date\": \(q(s.date?.description)), \"url\": \(q(s.url))}"
        }
        return "{\"id\": \(q(d.id)), \"region_code\": \(q(d.region.description)), "
            + level("province", row.province) + ", " + level("prefecture", row.prefecture) + ", "
            + level("county", row.county) + ", "
            + "\"organization\": \(q(d.organization)), \"body\": \(q(d.body?.rawValue)), "
            + "\"date\": \(q(d.date.description)), \"date_approximate\": \(d.approximate), "
            + "\"status\": \(q(d.status.rawValue)), \"sector\": \(q(d.sector.rawValue)), "
            + "\"models\": \(array(d.models)), \"model_families\": \(array(row.families)), "
            + "\"use_cases\": \(array(d.useCases)), \"uncertain\": \(d.uncertain), \"note\": \(q(d.note)), "
            + "\"sources\": [" + sources.joined(separator: ", ") + "]}"
    }
}

extension Store {
    /// Calls `body` with every row of a region's subtree that passes `filter` and is dated on
    /// or before `day`, oldest first (equal dates in file order). It walks the date index and
    /// tests each row's region against the subtree, so it allocates nothing per row: the
    /// export of a million rows needs no list of a million row numbers.
    func forEachMatchInDateOrder(in code: RegionCode, at day: Day, filter: Filter, _ body: (Int) -> Void) {
        var inSubtree = [Bool](repeating: code == .country, count: gazetteer.codes.count)
        if code != .country { for s in gazetteer.subtreeSlots(of: code) { inSubtree[Int(s)] = true } }
        let matcher = FilterMatcher(filter, table: table)
        let t = table
        for k in 0..<rowsThrough(day) {
            let i = Int(byDate[k])
            if inSubtree[Int(rowSlots[i])], matcher.matches(t, i) { body(i) }
        }
    }
}
