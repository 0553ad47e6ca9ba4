/// The fixed JSON pieces of a synthetic file, rendered once: vocabulary as quoted strings,
/// the sources and events, and how one deployment is laid out.
///
/// Layout: one deployment per line (so a problem's line number names the record), fields in
/// the order of docs/FORMAT.md, no spaces between them (what Go's `json.Marshal` or
/// `JSON.stringify` write). That averages about 250 bytes per deployment, the size the scale
/// targets assume for 1M deployments (about 250 MB).
struct SyntheticText: Sendable {
    let sources: [UInt8]
    let events: [(day: Int, json: [UInt8])]
    private let models: [[UInt8]]
    private let useCases: [[UInt8]]
    private let sourceIDs: [[UInt8]]
    private let notes: [[UInt8]]
    private let statuses: [[UInt8]]
    private let sectors: [[UInt8]]
    private let dayJSON: [[UInt8]]
    /// Department names in `Sector.allCases` order, then by index: English (escaped, with a
    /// leading space) and Chinese.
    private let departments: [[(english: [UInt8], chinese: [UInt8])]]

    static let sourceCount = 8

    init(seed: UInt64, calendar: SyntheticCalendar) {
        models = SyntheticVocabulary.models.map { JSONBytes.quoted($0.name) }
        useCases = SyntheticVocabulary.useCases.map { JSONBytes.quoted($0.name) }
        notes = SyntheticVocabulary.notes.map { JSONBytes.quoted($0) }
        statuses = Status.allCases.map { JSONBytes.quoted($0.rawValue) }
        sectors = Sector.allCases.map { JSONBytes.quoted($0.rawValue) }
        sourceIDs = (1...SyntheticText.sourceCount).map { JSONBytes.quoted("gen-\($0)") }
        dayJSON = calendar.dayJSON
        departments = Sector.allCases.map { sector in
            SyntheticVocabulary.departments(of: sector).map {
                (JSONBytes.escaped(" " + $0.english), JSONBytes.escaped($0.chinese))
            }
        }

        let first = calendar.dayJSON[0]
        sources = (1...SyntheticText.sourceCount).map { n -> [UInt8] in
            Array("    {\"id\": \"gen-\(n)\", \"publisher\": \"Synthetic generator (adopt generate), batch \(n)\", \"title\": \"Generated with seed \(seed); not a real report\", \"date\": ".utf8)
                + first + Array("}".utf8)
        }.joined(separator: Array(",\n".utf8)).map { $0 }

        let national = [
            (SyntheticGenerator.firstDay, "DeepSeek-R1 released (synthetic timeline)"),
            (Day(year: 2025, month: 2, day: 10)!, "Synthetic milestone: first provincial platforms"),
            (Day(year: 2025, month: 3, day: 5)!, "Synthetic milestone: national work report mentions AI+"),
            (Day(year: 2025, month: 4, day: 15)!, "Synthetic milestone: county rollouts peak"),
        ]
        // Only the milestones up to the last asOf (the calendar's end).
        events = national.filter { calendar.index(of: $0.0) < calendar.dayJSON.count }.map { day, title in
            (calendar.index(of: day),
             Array("{\"date\": ".utf8) + calendar.dayJSON[calendar.index(of: day)]
                + Array(", \"title\": ".utf8) + JSONBytes.quoted(title)
                + Array(", \"region\": \"000000\", \"source\": \"gen-1\"}".utf8))
        }
    }

    /// One deployment as a single-line JSON object (no trailing comma).
    func write(_ d: SyntheticDraw, status: Status, into out: inout ChunkWriter) {
        out.append("{\"id\":\"syn-")
        out.append(d.index, width: 9)
        out.append("\",\"region\":")
        out.append(d.place.codeJSON)
        out.append(",\"organization\":\"")
        let department = departments[Sector.allCases.firstIndex(of: d.sector)!][d.department]
        out.append(d.place.english)
        out.append(department.english)
        if d.chineseKnown {
            out.append(" (")
            out.append(d.place.chinese)
            out.append(department.chinese)
            out.append(")")
        }
        out.append("\",\"date\":")
        out.append(dayJSON[d.day])
        if d.approximate { out.append(",\"approximate\":true") }
        out.append(",\"status\":")
        out.append(statuses[Status.allCases.firstIndex(of: status)!])
        out.append(",\"sector\":")
        out.append(sectors[Sector.allCases.firstIndex(of: d.sector)!])
        out.append(",\"models\":[")
        for (k, m) in d.models.enumerated() {
            if k > 0 { out.append(",") }
            out.append(models[m])
        }
        out.append("],\"useCases\":[")
        for (k, u) in d.useCases.enumerated() {
            if k > 0 { out.append(",") }
            out.append(useCases[u])
        }
        out.append("],\"sources\":[")
        out.append(sourceIDs[d.source])
        out.append("]")
        if d.approximate {
            out.append(",\"note\":\"Synthetic: the exact day was not reported; dated by the first report\"")
        } else if d.note >= 0 {
            out.append(",\"note\":")
            out.append(notes[d.note])
        }
        if d.uncertain { out.append(",\"uncertain\":true") }
        out.append("}")
    }
}
