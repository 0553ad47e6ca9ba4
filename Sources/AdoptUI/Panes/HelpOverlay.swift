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
        ("PgUp PgDn Home End", "table: page, first, last"),
        ("", "Breakdown (b)"),
        ("↑ ↓  j k  PgUp PgDn", "select a bar;  g G first / last"),
        ("Enter", "filter by the bar's value (again: take it off)"),
        ("o", "sort by count / by name"),
        ("", "Drill-down"),
        ("↑ ↓  j k", "select a row"),
        ("Enter  →  l", "open: prefectures → counties → deployments → record"),
        ("Esc  Backspace  ←  h", "back up one level (at the top: back to the map)"),
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
        ("", "Help (?)"),
        ("↑ ↓  j k  PgUp PgDn", "scroll;  g G  Home End  top / bottom;  Esc closes"),
    ] + legend

    /// What each symbol on the screens means, one short line each (grep the Panes folder for
    /// the glyphs drawn; a new one belongs here).
    public static let legend: [(keys: String, action: String)] = [
        ("", "Symbols"),
        ("GD  HE  HA", "map: a province's ISO 3166-2:CN letters, where its name does not fit (L)"),
        ("0  1  2-4 ... 20+", "map legend: the shades' bins, deployments per province, fixed for the whole data set (any filter, any date); a reload that outgrows them widens them and says so"),
        ("· ░ ▒ ▓ █", "no colour (NO_COLOR): a tile's shade, lowest bin to top, in its empty cells; blank: none"),
        ("cov  3/21", "drill-down: children with a deployment / all children"),
        ("~", "before a date: the date is approximate"),
        ("?", "after a count: every record behind it is marked uncertain"),
        ("?", "after a first date: only uncertain or approximately dated records give it"),
        ("(?)", "the record is uncertain: its report is thin or ambiguous"),
        ("*", "before a count: changed since the changes were last acknowledged (a)"),
        ("(city-wide)", "first row: deployments recorded at the region itself, in no child"),
        ("◆", "timeline: a milestone on that day (Enter tells it in full)"),
        ("▼", "timeline: the cursor date"),
        ("▼  ▲", "table heading: the sort column, descending / ascending"),
        ("▲  ▼", "at a list's right edge: more above / below"),
        ("[ ]  [x]", "filter: a choice off / on"),
        ("● ▲ ■ ◆ ✚ ○", "comparison (P pins): one glyph per pinned region, named in its legend"),
        ("+  -  ~", "what changed (d): a record added / removed / changed"),
        ("+", "presentation map, playback: the province gained in the last 3 days (the caption names where)"),
        ("↻", "status line: reloading the snapshot files"),
        ("⚠  ✗", "a warning / an error in the snapshot files (! lists them)"),
        ("…", "text cut to fit; the record or the search shows it whole"),
        ("↩", "record: the URL goes on at the next line (it is one link: --hyperlinks)"),
        ("not yet", "record: dated after the dashboard's date, so not counted there yet"),
        ("…", "alone in a wide table's cell: being counted in the background"),
        ("±since 12-31", "wide table: deployments now less the previous snapshot's (same date, filter)"),
        ("counting…", "the filter's numbers are being counted in the background"),
        ("history 3/7", "older snapshot files being read after the first frame; known by, ±since and d wait for them"),
        ("searching…", "the matches shown are the last query's until the search ends"),
    ]

    /// One row of the laid-out help: a heading, or a key column (empty on a continuation
    /// line) and a piece of wrapped text.
    struct Row: Equatable {
        var keys: String
        var text: String
        var isHeading: Bool
    }

    /// The widest key label, which sets the key column.
    static let keysWidth = lines.map { DisplayWidth.of($0.keys) }.max() ?? 0
    /// The widest text, which sets the window's width when the screen allows.
    static let textWidth = lines.map { DisplayWidth.of($0.action) }.max() ?? 0

    /// The window over `screen`: as wide as the longest line, at most the screen less a margin.
    static func frame(over screen: Rect) -> Rect {
        OverlayFrame.centred(width: keysWidth + textWidth + 5, height: rows(width: screen.width).count + 2,
                             over: screen)
    }

    /// The help laid out for an inner width: texts too long for the line continue on the next
    /// rows, aligned under the text (never cut).
    static func rows(width screenWidth: Int) -> [Row] {
        let inner = max(0, min(keysWidth + textWidth + 5, max(0, screenWidth - 4)) - 2)
        let keyColumn = min(keysWidth, max(1, inner / 2 - 3))
        let room = max(1, inner - keyColumn - 4)  // a space before the border
        var out: [Row] = []
        for line in lines {
            if line.keys.isEmpty { out.append(Row(keys: "", text: line.action, isHeading: true)); continue }
            for (i, piece) in TextLayout.wrap(line.action, width: room).enumerated() {
                out.append(Row(keys: i == 0 ? line.keys : "", text: piece, isHeading: false))
            }
        }
        return out
    }

    /// The furthest the help scrolls on a screen of this size (0 when it all fits).
    public static func maxScroll(screenWidth: Int, screenHeight: Int) -> Int {
        let screen = Rect(row: 0, column: 0, width: screenWidth, height: max(0, screenHeight))
        let visible = max(0, frame(over: screen).height - 2)
        return max(0, rows(width: screenWidth).count - visible)
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let area = HelpOverlay.frame(over: screen)
        let rows = HelpOverlay.rows(width: screen.width)
        let inner = grid.drawBox(area, title: "Keys · Esc closes", focused: true)
        guard !inner.isEmpty else { return }
        let keyColumn = min(HelpOverlay.keysWidth, max(1, inner.width / 2 - 3))
        let first = max(0, min(scroll, rows.count - inner.height))
        for (i, line) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            let row = inner.row + i
            if line.isHeading {
                grid.put(line.text, row: row, column: inner.column, style: Theme.title, limit: inner.width)
                continue
            }
            if !line.keys.isEmpty {
                grid.put(" " + TextLayout.pad(line.keys, width: keyColumn), row: row, column: inner.column,
                         style: Theme.cursor, limit: inner.width)
            }
            let column = inner.column + keyColumn + 3
            grid.put(line.text, row: row, column: column, style: Theme.text, limit: max(0, inner.right - column))
        }
        // In the bottom border, so no line of help is hidden by it.
        if first > 0 { grid.put(" ↑ ", row: area.row, column: area.right - 5, style: Theme.dim) }
        if first + inner.height < rows.count {
            grid.put(" ↓ more ", row: area.bottom - 1, column: area.right - 10, style: Theme.dim)
        }
    }
}
