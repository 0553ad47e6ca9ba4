import AdoptCore

extension DrillDownPane {
    /// One deployment, every field labelled, then each source. Values word-wrap in a column
    /// beside the labels (CJK breaks between any two characters, URLs anywhere), so nothing
    /// runs past the pane. Scrolling is by entry: `firstEntry` is the entry shown on top.
    ///
    /// ```
    /// organization  深圳市福田区政务服务数据管理局
    /// id            gd-sz-futian-001
    /// region        福田区 Futian › 深圳市 Shenzhen › 广东省 Guangdong
    /// source 1      Shenzhen Special Zone Daily (深圳特区报)
    ///   url         https://example.org/a/very/long/
    ///               path.html
    /// ```
    struct RecordLines {
        struct Entry: Equatable {
            var label: String
            var value: String
            var style: Style = Theme.text
        }

        let entries: [Entry]

        /// Below this width labels go on their own line, above their values.
        static let besideWidth = 30
        static let labelWidth = 14

        init(record: DeploymentRecord) {
            let d = record.deployment
            var e: [Entry] = [
                Entry(label: "organization", value: d.organization, style: Theme.title),
                Entry(label: "id", value: d.id),
                Entry(label: "region", value: record.lineage.isEmpty
                      ? d.region.description
                      : record.lineage.map { "\($0.name) \($0.english)" }.joined(separator: " › ")),
                Entry(label: "date", value: d.date.description + (d.approximate ? " (approximate)" : "")),
                Entry(label: "status", value: d.status.rawValue),
                Entry(label: "sector", value: d.sector.rawValue),
                Entry(label: "models", value: d.models.isEmpty ? "—" : d.models.joined(separator: ", ")),
                Entry(label: "use cases", value: d.useCases.isEmpty ? "—" : d.useCases.joined(separator: ", ")),
                Entry(label: "note", value: d.note ?? "—"),
                d.uncertain
                    ? Entry(label: "uncertain", value: "yes (?): the report is thin or ambiguous",
                            style: Theme.warning)
                    : Entry(label: "uncertain", value: "no"),
            ]
            if record.sources.isEmpty {
                e.append(Entry(label: "sources", value: "none recorded", style: Theme.dim))
            }
            for (n, source) in record.sources.enumerated() {
                e.append(Entry(label: "source \(n + 1)", value: source.publisher, style: Theme.title))
                if let title = source.title { e.append(Entry(label: "  title", value: title)) }
                if let date = source.date { e.append(Entry(label: "  date", value: date.description)) }
                if let url = source.url { e.append(Entry(label: "  url", value: url)) }
            }
            // A source id the snapshot does not define: say so rather than drop it silently.
            let resolved = Set(record.sources.map(\.id))
            for id in d.sources where !resolved.contains(id) {
                e.append(Entry(label: "source ?", value: "\(id) (not among the snapshot's sources)",
                               style: Theme.warning))
            }
            entries = e
        }

        /// The lines an entry takes at a width: (label or "", text).
        func lines(of entry: Entry, width: Int) -> [(label: String, text: String)] {
            if width >= RecordLines.besideWidth {
                let wrapped = TextLayout.wrap(entry.value, width: width - RecordLines.labelWidth)
                return wrapped.enumerated().map { ($0.offset == 0 ? entry.label : "", $0.element) }
            }
            let label = entry.label + ":"
            return [(label, "")] + TextLayout.wrap(entry.value, width: width - 2).map { ("", "  " + $0) }
        }

        /// Draws from `firstEntry` (clamped), keeping the view full at the end. The two rightmost
        /// columns are kept for a gap and ▲/▼, which say there is more above or below.
        func draw(into grid: inout Grid, in area: Rect, firstEntry: Int) {
            let width = area.width - 2
            guard width >= 1 else { return }
            var laidOut: [(label: String, text: String, style: Style)] = []
            var starts: [Int] = []
            for entry in entries {
                starts.append(laidOut.count)
                for line in lines(of: entry, width: width) {
                    laidOut.append((line.label, line.text, entry.style))
                }
            }
            let entry = min(max(0, firstEntry), entries.count - 1)
            let top = min(starts[entry], max(0, laidOut.count - area.height))
            let beside = width >= RecordLines.besideWidth
            for r in 0..<min(area.height, laidOut.count - top) {
                let line = laidOut[top + r]
                let row = area.row + r
                if beside {
                    grid.put(line.label, row: row, column: area.column, style: Theme.dim,
                             limit: RecordLines.labelWidth - 1)
                    grid.put(line.text, row: row, column: area.column + RecordLines.labelWidth,
                             style: line.style, limit: width - RecordLines.labelWidth)
                } else {
                    grid.put(line.label, row: row, column: area.column, style: Theme.dim, limit: width)
                    grid.put(line.text, row: row, column: area.column, style: line.style, limit: width)
                }
            }
            let right = area.right - 1
            if top > 0 { grid.put("▲", row: area.row, column: right, style: Theme.dim) }
            if top + area.height < laidOut.count {
                grid.put("▼", row: area.bottom - 1, column: right, style: Theme.dim)
            }
        }
    }
}
