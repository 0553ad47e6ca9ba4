import AdoptCore

/// The breakdown (`b`): a region's deployments counted by model family, model, use case,
/// sector, status and body, as horizontal bars with the count and the share of the
/// region's deployments ("12  40%").
///
/// Bars are block characters (eighths of a cell), so they read without colour; a bar's
/// length is its share of the region's deployments, so bars compare across sections. The
/// header says what is counted, and that a deployment naming several models or use cases
/// counts under each (those sections' shares can add past 100%).
public struct BreakdownPane {
    public var title: String
    /// What is counted, e.g. "广东 Guangdong · 45 deployments dated by 2025-03-10 · …".
    public var header: String
    public var lines: [BreakdownView.Line]
    /// The selected line (a bar), if any.
    public var selection: Int?
    public var focused: Bool

    public init(title: String, header: String, lines: [BreakdownView.Line], selection: Int?, focused: Bool) {
        self.title = title; self.header = header; self.lines = lines
        self.selection = selection; self.focused = focused
    }

    /// Screen lines the list gets in `area` (for PgUp/PgDn): the inside less the header.
    public static func listHeight(in area: Rect, header: String) -> Int {
        let inner = max(0, area.width - 2)
        return max(1, area.height - 2 - headerLines(header, width: inner).count)
    }

    static func headerLines(_ header: String, width: Int) -> [String] {
        Array(TextLayout.wrap(header, width: max(1, width)).prefix(3))
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        // The Enter hint only where the title has room for it.
        let hint = " · Enter filters"
        let fits = DisplayWidth.of(title + hint) + 4 <= area.width
        let inner = grid.drawBox(area, title: fits ? title + hint : title, focused: focused)
        guard inner.width > 0, inner.height > 0 else { return }
        let head = BreakdownPane.headerLines(header, width: inner.width).prefix(max(0, inner.height - 1))
        for (k, text) in head.enumerated() {
            grid.put(text, row: inner.row + k, column: inner.column, style: Theme.dim, limit: inner.width)
        }
        let top = inner.row + head.count, visible = inner.height - head.count
        guard visible > 0 else { return }
        if lines.allSatisfy({ $0.bar == nil }) && !lines.contains(where: { if case .unstated = $0 { return true }; return false }) {
            grid.put("No deployment matches here at this date.", row: top, column: inner.column, limit: inner.width)
            return
        }
        let columns = Columns(lines: lines, width: inner.width)
        let first = OverlayFrame.firstVisible(selection: selection ?? 0, visible: visible, count: lines.count)
        for i in first..<min(lines.count, first + visible) {
            draw(lines[i], selected: i == selection, columns: columns, into: &grid,
                 row: top + i - first, column: inner.column, width: inner.width)
        }
    }

    /// Widths shared by every bar line: the value, the bar, the count ("12") and share ("40%").
    struct Columns {
        let name: Int, bar: Int, count: Int
        static let share = 4

        init(lines: [BreakdownView.Line], width: Int) {
            var widest = DisplayWidth.of(Breakdown.unstatedLabel), largest = 0
            for line in lines {
                switch line {
                case .bar(_, let row): widest = max(widest, DisplayWidth.of(row.value)); largest = max(largest, row.count)
                case .unstated(_, let n, _): largest = max(largest, n)
                case .section(let b): largest = max(largest, b.total)
                case .blank: break
                }
            }
            count = String(largest).count
            // Room for the numbers first, then the name (at most 45%), the rest for the bar.
            let numbers = 2 + count + 1 + Columns.share
            name = max(4, min(widest, (width - 2) * 45 / 100, width - 2 - numbers - 1))
            let rest = width - 2 - name - 1 - numbers
            bar = rest >= 3 ? rest : 0
        }
    }

    private func draw(_ line: BreakdownView.Line, selected: Bool, columns c: Columns, into grid: inout Grid,
                      row: Int, column: Int, width: Int) {
        switch line {
        case .blank: return
        case .section(let b):
            let values = b.rows.count == 1 ? "1 value" : "\(b.rows.count) values"
            let note = b.facet.isMultiValued ? " · several per deployment" : ""
            grid.put("\(b.facet.title) · \(values)\(note)", row: row, column: column, style: Theme.title, limit: width)
        case .bar(_, let r):
            barLine(r.value, count: r.count, share: r.share, style: selected ? Theme.selected : Theme.text,
                    selected: selected, columns: c, into: &grid, row: row, column: column, width: width)
        case .unstated(_, let n, let share):
            barLine(Breakdown.unstatedLabel, count: n, share: share, style: Theme.dim, selected: false,
                    columns: c, into: &grid, row: row, column: column, width: width)
        }
    }

    private func barLine(_ name: String, count: Int, share: Double, style: Style, selected: Bool, columns c: Columns,
                         into grid: inout Grid, row: Int, column: Int, width: Int) {
        if selected { grid.fill(row: row, column: column, width: width, height: 1, style: style) }
        var col = grid.put(selected ? "› " : "  ", row: row, column: column, style: style, limit: width)
        grid.put(TextLayout.clip(name, width: c.name), row: row, column: col, style: style, limit: c.name)
        col += c.name + 1
        if c.bar > 0 {
            grid.put(BreakdownPane.bar(share, width: c.bar), row: row, column: col,
                     style: selected ? style : BreakdownPane.barStyle, limit: c.bar)
            col += c.bar
        }
        let numbers = "  " + TextLayout.pad(String(count), width: c.count, alignRight: true) + " "
            + TextLayout.pad(BreakdownPane.percent(share), width: Columns.share, alignRight: true)
        grid.put(numbers, row: row, column: col, style: style, limit: max(0, column + width - col))
    }

    static let barStyle = Style(foreground: .cyan)

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `share` of `width` cells in eighths; a non-zero share shows at least "▏".
    static func bar(_ share: Double, width: Int) -> String {
        var n = Int((max(0, min(1, share)) * Double(width * 8)).rounded())
        if share > 0 { n = max(1, n) }
        return String(repeating: "█", count: n / 8) + eighths[n % 8]
    }

    /// "40%", "<1%" (never "0%" for something that is there), "100%".
    static func percent(_ share: Double) -> String {
        if share > 0 && share < 0.005 { return "<1%" }
        return "\(Int((share * 100).rounded()))%"
    }
}
