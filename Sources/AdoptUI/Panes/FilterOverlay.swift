import AdoptCore

/// `f`: check boxes for sectors, statuses, models and use cases. Changes apply at once; the
/// title says how many deployments pass.
public struct FilterOverlay {
    public var menu: FilterMenu
    public var filter: Filter
    /// Deployments passing the filter at the current date.
    public var matching: Int

    public init(menu: FilterMenu, filter: Filter, matching: Int) {
        self.menu = menu; self.filter = filter; self.matching = matching
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let widest = menu.items.map { DisplayWidth.of(label($0)) }.max() ?? 0
        let area = OverlayFrame.centred(width: max(44, widest + 8), height: menu.items.count + 3, over: screen)
        let inner = grid.drawBox(area, title: "Filter · \(matching) match · Space toggles · Esc",
                                 focused: true)
        guard !inner.isEmpty else { return }
        let visible = inner.height
        let first = OverlayFrame.firstVisible(selection: menu.selection, visible: visible, count: menu.items.count)
        for i in first..<min(menu.items.count, first + visible) {
            let item = menu.items[i]
            let row = inner.row + (i - first)
            if case .heading(let title) = item {
                grid.put(title, row: row, column: inner.column, style: Theme.title, limit: inner.width)
                continue
            }
            let selected = i == menu.selection
            let style = selected ? Theme.selected : Theme.text
            if selected { grid.fill(row: row, column: inner.column, width: inner.width, height: 1, style: style) }
            grid.put((selected ? "› " : "  ") + label(item), row: row, column: inner.column, style: style,
                     limit: inner.width)
        }
    }

    /// "[x] government", "clear all (no filter)".
    func label(_ item: FilterMenu.Item) -> String {
        let box = FilterMenu.isOn(item, in: filter) ? "[x] " : "[ ] "
        switch item {
        case .heading(let title): return title
        case .clearAll: return filter.isEmpty ? "clear all (c) · no filter now" : "clear all (c): " + filter.summary
        case .sector(let s): return box + s.rawValue
        case .status(let s): return box + s.rawValue
        case .model(let m): return box + m
        case .useCase(let u): return box + u
        case .body(let b): return box + b.rawValue
        case .excludeUncertain: return box + "leave out uncertain records"
        case .excludeApproximate: return box + "leave out approximate dates"
        }
    }
}
