/// The rows `adopt export` writes: one per child of a region, as counted at a date, and one
/// for the deployments recorded at the region itself (scope `own`: a city government's own
/// deployments belong to no district), so the rows always add up to the region's total.
/// A county, which has no children, exports its own row.
public struct RegionExport: Sendable {
    public let asOf: Day
    public let parent: RegionCode
    /// The child rows (scope `subtree`: the child and everything below it), in code order.
    public let rows: [RegionSummary]
    /// The region's own row; nil for the country, where no deployment can be recorded.
    public let own: RegionSummary?

    public init(store: Store, region: RegionCode = .country, at day: Day, filter: Filter = Filter()) {
        asOf = day
        parent = region
        rows = store.children(of: region, at: day, filter: filter)
        own = region == .country ? nil : store.ownSummary(of: region, at: day, filter: filter)
    }

    public static let columns = ["code", "name", "english", "level", "deployments", "covered", "children",
                                 "first_date", "as_of", "scope", "firm_deployments"]

    /// Own row last, after the children it completes.
    var all: [(summary: RegionSummary, own: Bool)] {
        rows.map { ($0, false) } + (own.map { [($0, true)] } ?? [])
    }

    private func fields(_ r: RegionSummary, own: Bool) -> [String] {
        [r.region.code.description, r.region.name, r.region.english, Self.levelName(r.region.level),
         String(r.count), own ? "" : String(r.covered), own ? "" : String(r.childCount),
         r.firstDate?.description ?? "", asOf.description, own ? "own" : "subtree", String(r.firmCount)]
    }

    static func levelName(_ l: RegionLevel) -> String {
        switch l {
        case .country: return "country"
        case .province: return "province"
        case .prefecture: return "prefecture"
        case .county: return "county"
        }
    }

    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet (`CSV`).
    public var csv: String {
        var out = CSV.line(Self.columns)
        for r in all { out += CSV.line(fields(r.summary, own: r.own)) }
        return out
    }

    /// A JSON array of objects, one per row; numbers as numbers, a missing first date as null.
    public var json: String {
        var out = "[\n"
        let all = self.all
        for (k, row) in all.enumerated() {
            let r = row.summary
            let f = fields(r, own: row.own)
            out += "  {\"code\": \(JSONText.quote(f[0])), \"name\": \(JSONText.quote(f[1])), "
            out += "\"english\": \(JSONText.quote(f[2])), \"level\": \(JSONText.quote(f[3])), "
            out += "\"deployments\": \(f[4]), \"covered\": \(row.own ? "null" : f[5]), "
            out += "\"children\": \(row.own ? "null" : f[6]), "
            out += "\"first_date\": \(r.firstDate.map { JSONText.quote($0.description) } ?? "null"), "
            out += "\"as_of\": \(JSONText.quote(f[8])), \"scope\": \(JSONText.quote(f[9])), "
            out += "\"firm_deployments\": \(f[10])}"
            out += k == all.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }
}

/// Writing JSON string literals (export, generated snapshots).
public enum JSONText {
    public static func quote(_ s: String) -> String {
        // Most text needs no escape: one pass over the bytes then (a million-row export
        // quotes twenty strings a row). 0xC2 leads the C1 controls (and some harmless
        // characters, which the scalar pass below leaves as they are).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
