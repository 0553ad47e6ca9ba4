import AdoptCore

/// `f`: check boxes for certainty, sectors, statuses, bodies, model families, models and use
/// cases, each with the deployments it would give in the region at the date with the other
/// groups applied. Changes apply at once; the title says how many deployments pass.
///
/// The window's width comes from the menu (fixed when it opened), never from the labels of
/// the moment, so it does not jump while toggling.
public struct FilterOverlay {
    public var menu: FilterMenu
    public var filter: Filter
    /// Nil while the dashboard counts them in the background (a new filter at a million
    /// deployments): the menu then shows "…" and says "counting".
    public var counts: FacetCounts?
    /// What the counts are of, e.g. "广东 Guangdong · 2025-03-10".
    public var scope: String

    public init(menu: FilterMenu, filter: Filter, counts: FacetCounts?, scope: String) {
        self.menu = menu; self.filter = filter; self.counts = counts; self.scope = scope
    }

    static let combining = "OR within a group, AND across groups"

    public func draw(into grid: inout Grid, over screen: Rect) {
        let lineWidth = 2 + menu.labelWidth + 2 + menu.countWidth + 1
        let width = max(46, lineWidth, DisplayWidth.of(FilterOverlay.combining)) + 2
        let area = OverlayFrame.centred(width: width, height: menu.items.count + 5, over: screen)
        let inner = grid.drawBox(area, title: "Filter · \(counts.map { "\($0.total) match" } ?? "counting…") · Space toggles · Esc",
                                 focused: true)
        guard inner.height >= 4 else { return }
        grid.put("Counts: " + scope, row: inner.row, column: inner.column, style: Theme.dim, limit: inner.width)
        grid.put(FilterOverlay.combining, row: inner.row + 1, column: inner.column, style: Theme.dim, limit: inner.width)
        let footer = menu.order == .count ? "by count · o: by name · c clears" : "by name · o: by count · c clears"
        grid.put(footer, row: inner.bottom - 1, column: inner.column, style: Theme.dim, limit: inner.width)

        let top = inner.row + 2, visible = inner.height - 3
        let countColumn = inner.column + inner.width - menu.countWidth - 1
        let first = OverlayFrame.firstVisible(selection: menu.selection, visible: visible, count: menu.items.count)
        for i in first..<min(menu.items.count, first + visible) {
            let item = menu.items[i]
            let row = top + (i - first)
            if case .heading(let title) = item {
                grid.put(heading(title), row: row, column: inner.column, style: Theme.title, limit: inner.width)
                continue
            }
            let selected = i == menu.selection
            let count = counts.flatMap { item.count(in: $0) }
            let counting = counts == nil && item.count(in: FacetCounts.empty) != nil
            // Zero: dimmed, and still selectable (ticking it can be what the user means).
            let style = selected ? Theme.selected : (count == 0 ? Theme.dim : Theme.text)
            if selected { grid.fill(row: row, column: inner.column, width: inner.width, height: 1, style: style) }
            grid.put((selected ? "› " : "  ") + label(item), row: row, column: inner.column, style: style,
                     limit: max(0, countColumn - 1 - inner.column))
            if count != nil || counting {
                let text = TextLayout.pad(count.map(String.init) ?? "…", width: menu.countWidth, alignRight: true)
                grid.put(text, row: row, column: countColumn, style: style, limit: menu.countWidth)
            }
        }
    }

    /// The certainty heading says what its counts are (the others count deployments).
    func heading(_ title: String) -> String {
        title == "Certainty" ? "Certainty (count: how many matches are)" : title
    }

    /// "[x] government", "clear all (c) · no filter now".
    func label(_ item: FilterMenu.Item) -> String {
        let box = FilterMenu.isOn(item, in: filter) ? "[x] " : "[ ] "
        switch item {
        case .heading(let title): return title
        case .clearAll: return filter.isEmpty ? "clear all (c) · no filter now" : "clear all (c): " + filter.summary
        case .excludeUncertain: return box + "leave out uncertain records"
        case .excludeApproximate: return box + "leave out approximate dates"
        default: return box + (item.choice?.value ?? "")
        }
    }
}
