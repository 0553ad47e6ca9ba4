import AdoptCore

/// `/`: the query line and the matches so far, best first. When what matched is not in the
/// name shown (a source, a model, a note, a code), the line says so before where it is. Wider
/// terminals get a wider window, so that reason has room.
///
/// ```
/// ┌ Search · Enter goes there · Esc cancels ────────────────────────────────────────────┐
/// │/ unicom▏                                                                            │
/// │› ◆ 市南区金湖路街道办事处          model: China Unicom Yuanjing · 市南 Shinan · 2025-… │
/// │  ◆ China Unicom Guangzhou Branch   广州 Guangzhou · 2025-02-25                      │
/// └─────────────────────────────────────────────────────────────────────────────────────┘
/// ```
public struct SearchOverlay {
    public var state: SearchState
    public var store: Store

    public init(state: SearchState, store: Store) { self.state = state; self.store = store }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let area = OverlayFrame.centred(width: min(100, max(72, screen.width * 3 / 4)), height: 20, over: screen)
        // While the query's matches are searched (`BackgroundSearch`), the previous query's
        // stay, dimmed, and Enter waits.
        let title = state.isSearching ? "Search · searching… · Esc cancels" : "Search · Enter goes there · Esc cancels"
        let inner = grid.drawBox(area, title: title, focused: true)
        guard !inner.isEmpty else { return }
        let end = grid.put("/ ", row: inner.row, column: inner.column, style: Theme.cursor, limit: inner.width)
        let query = TextLayout.clipLeft(state.query, width: max(0, inner.right - end - 1))
        let after = grid.put(query, row: inner.row, column: end, style: Theme.title, limit: max(0, inner.right - end))
        grid.put("▏", row: inner.row, column: after, style: Theme.cursor, limit: max(0, inner.right - after))

        let visible = inner.height - 1
        guard visible > 0 else { return }
        if state.matches.isEmpty {
            let hint = state.isSearching ? "searching…"
                : state.query.isEmpty ? "type a name or code: 深圳, shen zhen, xi'an, 440304, an organisation, model, source…"
                : "no matches"
            grid.put(TextLayout.clip(hint, width: inner.width), row: inner.row + 1, column: inner.column,
                     style: Theme.dim, limit: inner.width)
            return
        }
        let first = OverlayFrame.firstVisible(selection: state.selection, visible: visible, count: state.matches.count)
        for i in first..<min(state.matches.count, first + visible) {
            let row = inner.row + 1 + (i - first)
            let selected = i == state.selection
            let style = selected ? Theme.selected : state.isSearching ? Theme.dim : Theme.text
            grid.fill(row: row, column: inner.column, width: inner.width, height: 1, style: style)
            let (name, detail) = describe(state.matches[i])
            let nameWidth = min(max(12, inner.width / 2), 35, inner.width)
            let line = (selected ? "› " : "  ") + TextLayout.pad(name, width: max(0, nameWidth - 2)) + " " + detail
            grid.put(TextLayout.clip(line, width: inner.width), row: row, column: inner.column, style: style,
                     limit: inner.width)
        }
    }

    /// (what matched, why when that is not in its name, then where it is).
    func describe(_ match: SearchMatch) -> (String, String) {
        let (name, detail) = describe(match.result)
        return (name, match.why.map { detail.isEmpty ? $0 : $0 + " · " + detail } ?? detail)
    }

    func describe(_ result: SearchResult) -> (String, String) {
        let g = store.gazetteer
        switch result {
        case .region(let code):
            guard let r = g.region(code) else { return (code.description, "") }
            let level = ["country", "province", "prefecture", "county"][r.level.rawValue]
            let parents = g.lineage(of: code).dropFirst().reversed().compactMap { g.region($0)?.shortName }
            return ("\(r.shortName) \(r.english)", ([level] + parents).joined(separator: " · "))
        case .deployment(let id):
            guard let record = store.record(id: id) else { return (id, "") }
            let place = record.lineage.first.map { "\($0.shortName) \($0.english)" } ?? ""
            return ("◆ " + record.deployment.organization, "\(place) · \(record.deployment.date)")
        }
    }
}
