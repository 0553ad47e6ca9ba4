/// `?`: every key, grouped by where it works.
public struct HelpOverlay: Sendable {
    /// The first line shown.
    public var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }

    /// (keys, what they do); an empty `keys` makes a heading.
    public static let lines: [(keys: String, action: String)] = [
        ("", "Everywhere"),
    ] + Keymap.helpLines + [
        ("7]  3{ ...", "a number first repeats the move"),
        ("", "Map and table"),
        ("← → ↑ ↓  h j k l", "move (on the map: to the nearest province that way)"),
        ("Enter", "open the province in the drill-down"),
        ("Esc", "select the whole country"),
        ("s  S", "table: sort by the next column / reverse the order"),
        ("PgUp PgDn Home End", "table: page, first, last"),
        ("", "Breakdown (b)"),
        ("↑ ↓  j k  PgUp PgDn", "select a bar;  g G first / last"),
        ("Enter", "filter by the bar's value (again: take it off)"),
        ("o", "sort by count / by name"),
        ("", "Drill-down"),
        ("↑ ↓  j k", "select a row"),
        ("Enter  →  l", "open: prefectures → counties → deployments → record"),
        ("Esc  Backspace  ←  h", "back up one level (at the top: back to the map)"),
        ("", "Marks"),
        ("?", "after a count: every record behind it is marked uncertain"),
        ("?", "after a first date: only uncertain or approximately dated records give it"),
        ("(city-wide)", "first row: deployments recorded at the region itself, in no child"),
        ("", "Timeline"),
        ("← →  h l", "date one day back / forward"),
        ("PgUp PgDn", "one month back / forward"),
        ("Home End", "first / last date"),
        ("Enter", "the milestone at the cursor in full: what happened, why it matters"),
        ("Esc", "back to the map"),
        ("", "Search (/)"),
        ("type", "matches as you type"),
        ("↑ ↓  Enter", "pick a match and go there;  Esc cancels"),
        ("", "Claims (c)"),
        ("↑ ↓  Enter", "pick a claim and list the tracked adopters behind it"),
        ("Enter  Esc", "adopters: open the record / back to the claims"),
        ("", "Filter (f)"),
        ("↑ ↓  Space Enter", "toggle the item;  c clears all;  Esc closes"),
        ("Home End  g G", "first / last item"),
        ("o", "sort the groups by count / by name"),
        ("numbers", "deployments each gives with the other groups applied"),
        ("", "Mouse"),
        ("click", "select a tile or row (click again to open)"),
        ("wheel", "scroll the list, or move the date over the timeline"),
        ("", "Presentation (p) and tours (adopt --tour FILE)"),
        ("← → ↑ ↓", "presentation: move on the map"),
        ("Esc", "leave presentation mode; again: end the tour"),
        ("→ ←  n b  PgDn PgUp", "tour: next / previous step"),
        ("Home End", "tour: first / last step"),
        ("Space", "tour: play it (runs the date to each step, holds it)"),
    ]

    public func draw(into grid: inout Grid, over screen: Rect) {
        let keysWidth = HelpOverlay.lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let textWidth = HelpOverlay.lines.map { DisplayWidth.of($0.action) }.max() ?? 0
        let area = OverlayFrame.centred(width: keysWidth + textWidth + 5,
                                        height: HelpOverlay.lines.count + 2, over: screen)
        let inner = grid.drawBox(area, title: "Keys · Esc closes", focused: true)
        guard !inner.isEmpty else { return }
        let first = max(0, min(scroll, HelpOverlay.lines.count - inner.height))
        for (i, line) in HelpOverlay.lines.dropFirst(first).prefix(inner.height).enumerated() {
            let row = inner.row + i
            if line.keys.isEmpty {
                grid.put(line.action, row: row, column: inner.column, style: Theme.title, limit: inner.width)
                continue
            }
            let keys = TextLayout.pad(line.keys, width: min(keysWidth, inner.width))
            let end = grid.put(" " + keys, row: row, column: inner.column, style: Theme.cursor, limit: inner.width)
            grid.put("  " + line.action, row: row, column: end, style: Theme.text,
                     limit: max(0, inner.right - end))
        }
        if first + inner.height < HelpOverlay.lines.count {
            grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim)
        }
    }
}
