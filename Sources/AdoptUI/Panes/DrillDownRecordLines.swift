import AdoptCore

extension DrillDownPane {
    /// One deployment: who and when first, then its sources (what a reader checks the record
    /// against), then the rest. Scrolling is by entry: `firstEntry` is the entry shown on top.
    ///
    /// Wide (60 columns of text or more) every field has its label in a column:
    ///
    /// ```
    /// organization  深圳市福田区政务服务和数据管理局
    /// date          2025-02-17
    /// status        deployed
    /// sector        government
    /// source 1      Shenzhen Special Zone Daily (深圳特区报)
    ///   date        2025-02-17
    ///   title       福田区上线70名AI数字员工…
    ///   url         https://www.sztqb.example.cn/news/2025/02/17/↩
    ///                 futian-ai-digital-employees-deepseek.html
    /// models        DeepSeek-R1, Qwen
    /// ```
    ///
    /// Narrower (the 40-column pane of an 80x24 screen) the label column would leave the
    /// values 22 columns and push the sources nine lines down, so the headline fields share a
    /// line, a source's date goes before its title, and the other labels sit inline:
    ///
    /// ```
    /// 深圳市福田区政务服务和数据管理局
    /// 2025-02-17 · deployed · government
    /// source 1 Shenzhen Special Zone Daily
    ///  2025-02-17 · 福田区上线70名AI数字员工，
    ///  基于DeepSeek处理公文审核与个性化服务
    ///  https://www.sztqb.example.cn/news/↩
    ///   2025/02/17/futian-ai-digital-↩
    ///   employees-deepseek.html
    /// models DeepSeek-R1, Qwen
    /// ```
    ///
    /// URLs break only after a separator or with `URLLayout.continuation` at the line's end,
    /// and each is one hyperlink across its lines (`Grid.link`).
    struct RecordLines {
        /// One scroll step: a labelled field, or several shown on one line when narrow.
        struct Entry: Equatable {
            enum Kind: Equatable {
                /// Label and value; inline when narrow (label omitted when empty).
                case field
                /// Fields on their own labelled lines when wide, joined by " · " without labels
                /// when narrow, indented by `indent`.
                case joined(indent: Int)
                /// A URL, linked, indented by 1 when narrow.
                case url
            }

            var kind: Kind = .field
            var fields: [(label: String, value: String)]
            var style: Style = Theme.text
            /// Whether a narrow pane shows the label inline (the organisation, on top and in
            /// bold, is known without one).
            var labelledWhenNarrow = true

            init(_ label: String, _ value: String, style: Style = Theme.text) {
                fields = [(label, value)]
                self.style = style
            }

            init(joined fields: [(label: String, value: String)], indent: Int = 0, style: Style = Theme.text) {
                kind = .joined(indent: indent)
                self.fields = fields
                self.style = style
            }

            static func url(_ url: String) -> Entry {
                var e = Entry("  url", url)
                e.kind = .url
                return e
            }

            static func == (a: Entry, b: Entry) -> Bool {
                a.kind == b.kind && a.style == b.style && a.labelledWhenNarrow == b.labelledWhenNarrow && a.fields.map(\.label) == b.fields.map(\.label)
                    && a.fields.map(\.value) == b.fields.map(\.value)
            }
        }

        /// A piece of a drawn line.
        struct Span: Equatable {
            var text: String
            var style: Style
            var link: String? = nil
        }

        /// A drawn line: a label (in the label column when wide, "" otherwise) and spans.
        struct Line: Equatable {
            var label = ""
            var spans: [Span]
        }

        let entries: [Entry]

        /// From this many columns of text, labels get a column of their own.
        static let besideWidth = 60
        static let labelWidth = 14

        /// - Parameter shownAt: the dashboard's date; a record dated after it says so.
        init(record: DeploymentRecord, shownAt: Day? = nil) {
            let d = record.deployment
            var organization = Entry("organization", d.organization, style: Theme.title)
            organization.labelledWhenNarrow = false
            var e: [Entry] = [
                organization,
                Entry(joined: [("date", d.date.description + (d.approximate ? " (approximate)" : "")),
                               ("status", d.status.rawValue), ("sector", d.sector.rawValue)]),
            ]
            if let shownAt, d.date > shownAt {
                e.append(Entry("", "not yet \(d.status.rawValue) at \(shownAt): dated \(d.date)",
                               style: Theme.warning))
            }
            if d.uncertain {
                e.append(Entry("uncertain", "yes (?): the report is thin or ambiguous", style: Theme.warning))
            }
            if record.sources.isEmpty && d.sources.isEmpty {
                e.append(Entry("sources", "none recorded", style: Theme.dim))
            }
            for (n, source) in record.sources.enumerated() {
                e.append(Entry("source \(n + 1)", source.publisher, style: Theme.title))
                let about = [source.date.map { ("  date", $0.description) }, source.title.map { ("  title", $0) }]
                    .compactMap { $0 }
                if !about.isEmpty { e.append(Entry(joined: about, indent: 1)) }
                if let url = source.url { e.append(.url(url)) }
            }
            // A source id the snapshot does not define: say so rather than drop it silently.
            let resolved = Set(record.sources.map(\.id))
            for id in d.sources where !resolved.contains(id) {
                e.append(Entry("source ?", "\(id) (not among the snapshot's sources)", style: Theme.warning))
            }
            e += [
                Entry("models", d.models.isEmpty ? "—" : d.models.joined(separator: ", ")),
                Entry("use cases", d.useCases.isEmpty ? "—" : d.useCases.joined(separator: ", ")),
                Entry("note", d.note ?? "—"),
                Entry("region", record.lineage.isEmpty
                      ? d.region.description
                      : record.lineage.map { "\($0.name) \($0.english)" }.joined(separator: " › ")),
            ]
            if !d.uncertain { e.append(Entry("uncertain", "no")) }
            e.append(Entry("id", d.id))
            entries = e
        }

        /// The lines an entry takes at a width of text.
        func lines(of entry: Entry, width: Int) -> [Line] {
            guard width >= 1 else { return [] }
            let beside = width >= RecordLines.besideWidth
            let valueWidth = width - RecordLines.labelWidth
            switch entry.kind {
            case .url:
                let url = entry.fields[0].value
                if beside {
                    return Self.urlLines(url, width: valueWidth, indent: 2, label: entry.fields[0].label)
                }
                return Self.urlLines(url, width: width, indent: 2, firstIndent: 1)
            case .joined(let indent):
                if beside {
                    return entry.fields.flatMap { Self.besideLines($0.label, $0.value, width: valueWidth, style: entry.style) }
                }
                let text = entry.fields.map(\.value).joined(separator: " · ")
                let pad = String(repeating: " ", count: indent)
                return TextLayout.wrap(text, width: max(1, width - indent))
                    .map { Line(spans: [Span(text: pad + $0, style: entry.style)]) }
            case .field:
                let (label, value) = entry.fields[0]
                if beside { return Self.besideLines(label, value, width: valueWidth, style: entry.style) }
                return Self.inlineLines(entry.labelledWhenNarrow ? label.trimmingLeadingSpaces : "", value,
                                        width: width, style: entry.style)
            }
        }

        /// The value wrapped beside its label, the label on the first line only.
        static func besideLines(_ label: String, _ value: String, width: Int, style: Style) -> [Line] {
            TextLayout.wrap(value, width: width).enumerated().map {
                Line(label: $0.offset == 0 ? label : "", spans: [Span(text: $0.element, style: style)])
            }
        }

        /// "label value", the lines after the first indented by two so the label stands out.
        static func inlineLines(_ label: String, _ value: String, width: Int, style: Style) -> [Line] {
            guard !label.isEmpty else {
                return TextLayout.wrap(value, width: width).map { Line(spans: [Span(text: $0, style: style)]) }
            }
            let indent = width > 4 ? 2 : 0
            let wrapped = TextLayout.wrap(label + " " + value, width: width - indent, firstWidth: width)
            return wrapped.enumerated().map { n, text in
                if n == 0, text.hasPrefix(label) {
                    return Line(spans: [Span(text: label, style: Theme.dim),
                                        Span(text: String(text.dropFirst(label.count)), style: style)])
                }
                return Line(spans: [Span(text: n == 0 ? text : String(repeating: " ", count: indent) + text,
                                         style: style)])
            }
        }

        /// A URL over lines of `width` columns: each piece linked to the whole URL,
        /// `URLLayout.continuation` at the end of every line but the last, the first line
        /// indented by `firstIndent` and the others by `indent`.
        static func urlLines(_ url: String, width: Int, indent: Int, firstIndent: Int = 0,
                             label: String = "") -> [Line] {
            let indent = width > indent + 4 ? indent : 0
            let pieces = URLLayout.pieces(url, firstWidth: max(1, width - firstIndent),
                                          width: max(1, width - indent))
            return pieces.enumerated().map { n, piece in
                let pad = String(repeating: " ", count: n == 0 ? firstIndent : indent)
                var spans = [Span(text: pad, style: Theme.text), Span(text: piece, style: Theme.link, link: url)]
                if n < pieces.count - 1 { spans.append(Span(text: URLLayout.continuation, style: Theme.dim)) }
                return Line(label: n == 0 ? label : "", spans: spans)
            }
        }

        /// Draws from `firstEntry` (clamped), keeping the view full at the end. The two rightmost
        /// columns are kept for a gap and ▲/▼, which say there is more above or below.
        func draw(into grid: inout Grid, in area: Rect, firstEntry: Int) {
            let width = area.width - 2
            guard width >= 1 else { return }
            var laidOut: [Line] = []
            var starts: [Int] = []
            for entry in entries {
                starts.append(laidOut.count)
                laidOut += lines(of: entry, width: width)
            }
            let entry = min(max(0, firstEntry), entries.count - 1)
            let top = min(starts[entry], max(0, laidOut.count - area.height))
            let beside = width >= RecordLines.besideWidth
            for r in 0..<min(area.height, laidOut.count - top) {
                let line = laidOut[top + r]
                let row = area.row + r
                var column = area.column
                var room = width
                if beside {
                    grid.put(line.label, row: row, column: column, style: Theme.dim,
                             limit: RecordLines.labelWidth - 1)
                    column += RecordLines.labelWidth
                    room -= RecordLines.labelWidth
                }
                for span in line.spans where room > 0 {
                    let end = grid.put(span.text, row: row, column: column, style: span.style, limit: room)
                    if let url = span.link { grid.link(url, row: row, column: column, width: end - column) }
                    room -= end - column
                    column = end
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

fileprivate extension String {
    /// "  title" → "title": the indent that sets a source's fields apart in the label column.
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
