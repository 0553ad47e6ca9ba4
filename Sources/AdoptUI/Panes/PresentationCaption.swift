import AdoptCore

extension PresentationPane {
    /// A caption: the lead in reverse video ("3/12", "◆ 03-05"), the text in bold, then who
    /// reported it, dimmed.
    public struct Caption: Sendable, Equatable {
        public var lead: String
        public var text: String
        public var source: String?

        public init(lead: String, text: String, source: String? = nil) {
            self.lead = lead; self.text = text; self.source = source
        }

        /// One row of a laid-out caption, beside or under the lead: text, then the source.
        struct Row: Equatable {
            var text = ""
            var source = ""
        }

        /// Columns before the text: the lead between spaces, and a space.
        var indent: Int { DisplayWidth.of(lead) + 3 }

        /// The rows for a caption area `width` columns wide: the text wrapped, then the source
        /// ("— who") after the text on its last row when it fits there, else on rows of its own.
        /// With more rows than `limit`, the source keeps one row (clipped with "…" if it must
        /// be) and the text the rest, its last row ending in "…": the source is never dropped.
        func rows(width: Int, limit: Int = .max) -> [Row] {
            let room = width - indent
            guard room >= 4, limit > 0 else { return [] }
            var text = TextLayout.wrap(text, width: room).map { Row(text: $0) }
            guard let source, !source.isEmpty else { return Caption.elide(text, to: limit, room: room) }
            let cited = "— " + source
            if let last = text.last, DisplayWidth.of(last.text) + 2 + DisplayWidth.of(cited) <= room {
                text[text.count - 1].source = cited
                return Caption.elide(text, to: limit, room: room, keepingSourceOf: text.count - 1)
            }
            var cite = TextLayout.wrap(cited, width: room).map { Row(source: $0) }
            guard text.count + cite.count > limit else { return text + cite }
            if limit == 1 {
                // One row: the text as far as it goes, then the source, both clipped.
                let shortSource = Caption.cut(cited, width: max(0, room / 2))
                let textRoom = room - DisplayWidth.of(shortSource) - 2
                return [Row(text: Caption.cut(text.map(\.text).joined(separator: " "), width: textRoom),
                            source: shortSource)]
            }
            let citeRows = max(1, min(cite.count, limit - min(text.count, limit - 1)))
            if cite.count > citeRows {
                let rest = cite[(citeRows - 1)...].map(\.source).joined(separator: " ")
                cite = Array(cite.prefix(citeRows - 1)) + [Row(source: Caption.cut(rest, width: room))]
            }
            return Caption.elide(text, to: limit - citeRows, room: room) + cite
        }

        /// Text rows cut to `limit`, the last ending in "…" when some were cut; a source on
        /// `keepingSourceOf` stays on the last row shown, the text shortened to leave it room.
        private static func elide(_ rows: [Row], to limit: Int, room: Int, keepingSourceOf sourceRow: Int? = nil) -> [Row] {
            guard rows.count > limit else { return rows }
            guard limit > 0 else { return [] }
            let source = sourceRow.map { rows[$0].source } ?? ""
            let rest = rows[(limit - 1)...].map(\.text).joined(separator: " ")
            let textRoom = source.isEmpty ? room : room - DisplayWidth.of(source) - 2
            var out = Array(rows.prefix(limit - 1))
            out.append(Row(text: Caption.cut(rest, width: max(1, textRoom)), source: source))
            return out
        }

        /// `text` in `width` columns: whole if it fits, else the words that fit and "…" (a word
        /// cut only when the first alone is too wide).
        static func cut(_ text: String, width: Int) -> String {
            guard width > 0 else { return "" }
            if DisplayWidth.of(text) <= width { return text }
            guard let first = TextLayout.wrap(text, width: width - 1).first else { return "" }
            return first + "…"
        }
    }

    /// During playback, what the last played days added: "+6 on 02-17", then the places
    /// ("in 5 cities: 广州 Guangzhou, 东莞 Dongguan, …"), as many as the row holds.
    public struct ArrivalsLine: Sendable, Equatable {
        public var lead: String
        /// "in 5 cities".
        public var scope: String
        public var names: [String]

        public init(lead: String, scope: String, names: [String]) {
            self.lead = lead; self.scope = scope; self.names = names
        }

        /// The text after the lead in at most `width` columns: the scope and the names that
        /// fit whole, with ", …" when some are left out.
        func text(width: Int) -> String {
            var out = scope + ":"
            for (i, name) in names.enumerated() {
                let candidate = out + (i == 0 ? " " : ", ") + name
                let more = i < names.count - 1 ? 3 : 0
                guard DisplayWidth.of(candidate) + more <= width else {
                    return TextLayout.clip(out + (i == 0 ? " …" : ", …"), width: width)
                }
                out = candidate
            }
            return TextLayout.clip(out, width: width)
        }
    }
}
