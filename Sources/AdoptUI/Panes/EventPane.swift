import AdoptCore

/// The milestone pane's view: each event of the day with its place, source and analysis, the
/// headings in bold and the text wrapped to the pane.
public struct EventPane {
    public var detail: EventDetail
    public var store: Store

    public init(detail: EventDetail, store: Store) { self.detail = detail; self.store = store }

    func lines(width: Int) -> [(text: String, style: Style)] {
        var out: [(text: String, style: Style)] = []
        for (k, e) in detail.events.enumerated() {
            if k > 0 { out.append(("", Theme.text)) }
            for piece in TextLayout.wrap("◆ \(e.date)  \(e.title)", width: width) { out.append((piece, Theme.event)) }
            var about: [String] = []
            if let r = e.region {
                about.append(r == .country ? "全国 China" : store.gazetteer.region(r).map { "\($0.shortName) \($0.english)" } ?? r.description)
            }
            if let id = e.source {
                let s = store.source(id: id)
                about.append("source: " + [s?.publisher ?? id, s?.date?.description, s?.url].compactMap { $0 }.joined(separator: ", "))
            }
            for piece in TextLayout.wrap(about.joined(separator: " · "), width: width) where !about.isEmpty {
                out.append((piece, Theme.dim))
            }
            guard let analysis = e.analysis else {
                out.append(("no analysis recorded for this milestone", Theme.dim))
                continue
            }
            for part in analysis.parts {
                out.append((part.heading, Theme.title))
                for piece in TextLayout.wrap(part.text, width: max(1, width - 2)) { out.append(("  " + piece, Theme.text)) }
            }
        }
        return out
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let area = OverlayFrame.centred(width: 96, height: screen.height, over: screen)
        let inner = grid.drawBox(area, title: "Milestone · ↑↓ scroll · Esc closes", focused: true)
        guard !inner.isEmpty else { return }
        let all = lines(width: inner.width)
        let first = max(0, min(detail.scroll, all.count - inner.height))
        for (k, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            grid.put(TextLayout.clip(line.text, width: inner.width), row: inner.row + k, column: inner.column,
                     style: line.style, limit: inner.width)
        }
        if first > 0 { grid.put("▲", row: inner.row, column: inner.right - 1, style: Theme.dim) }
        if first + inner.height < all.count { grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim) }
    }
}
