import AdoptCore

/// The tile map: one tile per provincial-level division, shaded by its count at the current
/// date, with the selected tile in reverse video between brackets. A tile whose count changed
/// in a live reload (not yet acknowledged) is underlined and its count marked `*`, so the
/// change shows without colour too. Without colour (`shading`) a tile's empty cells carry its
/// shade as a character instead (see `Theme.shadeGlyphs`).
public struct MapPane {
    public var title: String
    /// The provinces' figures at the current date.
    public var provinces: [RegionSummary]
    /// The shading bins, made for the whole data set (see `HeatScale` and `App`).
    public var scale: HeatScale
    /// Shades as characters in the tiles' empty cells and the legend's swatches (no colour).
    public var shading = false
    /// The province under the cursor.
    public var cursor: RegionCode
    /// False when the whole country is selected: the cursor tile keeps its brackets but is not
    /// reversed, so the map still shows where arrow keys start from.
    public var cursorSelected: Bool
    public var focused: Bool
    /// Regions whose counts changed in a live reload; the provinces among them are marked.
    public var changed: Set<RegionCode>

    public init(title: String, provinces: [RegionSummary], scale: HeatScale, cursor: RegionCode,
                cursorSelected: Bool = true, focused: Bool, changed: Set<RegionCode> = []) {
        self.title = title; self.provinces = provinces; self.scale = scale
        self.cursor = cursor; self.cursorSelected = cursorSelected; self.focused = focused
        self.changed = changed
    }

    /// The geometry the tiles use inside a pane drawn in `area` (for mouse hits and navigation).
    public static func geometry(in area: Rect) -> MapGeometry? {
        MapGeometry(area: inner(of: area))
    }

    static func inner(of area: Rect) -> Rect {
        Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 2)
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let inner = grid.drawBox(area, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        guard let geometry = MapGeometry(area: inner) else {
            grid.put(TextLayout.clip("map needs more room: press m for the table", width: inner.width),
                     row: inner.row, column: inner.column, style: Theme.dim, limit: inner.width)
            return
        }
        for summary in provinces {
            guard let rect = geometry.tile(summary.region.code) else { continue }
            drawTile(summary, in: rect, into: &grid, clip: inner)
        }
        if let rect = geometry.tile(cursor) { drawCursor(around: rect, into: &grid, clip: inner) }
        if let row = geometry.legendRow {
            HeatLegend(scale: scale, shading: shading).draw(into: &grid, row: row, column: inner.column,
                                                            width: inner.width,
                                                            spareRow: row + 1 < inner.bottom ? row + 1 : nil)
        }
    }

    private func drawTile(_ s: RegionSummary, in rect: Rect, into grid: inout Grid, clip: Rect) {
        let selected = cursorSelected && s.region.code == cursor
        let changed = self.changed.contains(s.region.code)
        let level = scale.level(of: s.count)
        var style = Theme.heat[level]
        if selected { style = Theme.selected; style.bold = true }
        if changed {
            if !selected { style.foreground = Theme.changed.foreground }
            style.bold = true
            style.underline = true
        }
        let width = min(rect.width, clip.right - rect.column)
        guard width > 0 else { return }
        grid.fill(row: rect.row, column: rect.column, width: width, height: rect.height, style: style)
        for (i, line) in MapPane.tileLines(s, width: rect.width, height: rect.height, changed: changed).enumerated() {
            grid.put(line, row: rect.row + i, column: rect.column, style: style, limit: width)
        }
        if shading {
            TileShading(level: level, changed: changed)
                .apply(to: Rect(row: rect.row, column: rect.column, width: width, height: rect.height), in: &grid)
        }
    }

    /// The text of a tile, each line exactly `width` columns: the short Chinese name (with the
    /// English name beside it or below it when there is room) and the count, right-aligned on
    /// the last line, as `*3` when it changed in a live reload.
    static func tileLines(_ s: RegionSummary, width: Int, height: Int, changed: Bool = false) -> [String] {
        guard width > 0, height > 0 else { return [] }
        let name = s.region.shortName, english = s.region.english
        let nameWidth = DisplayWidth.of(name)
        let count = (changed ? "*" : "") + DrillDownPane.countText(s)
        if height == 1 {
            // "广东  3"; when narrow, as much of the name as fits beside the count.
            let room = width - count.count - 1
            let shown = room >= 2 ? prefix(name, width: room) : prefix(name, width: width)
            let countShown = room >= 2 ? count : ""
            return [pad(shown, countShown, width: width)]
        }
        var lines: [String] = []
        if nameWidth + 1 + english.count <= width {
            lines.append(TextLayout.pad(name + " " + english, width: width))
        } else {
            lines.append(TextLayout.pad(prefix(name, width: width), width: width))
            if height >= 3, width >= 6 { lines.append(TextLayout.pad(english, width: width)) }
        }
        while lines.count < height - 1 { lines.append(String(repeating: " ", count: width)) }
        lines.append(TextLayout.pad(count.count <= width ? count : ">" + String(repeating: "9", count: max(0, width - 1)),
                                    width: width, alignRight: true))
        return lines
    }

    /// The leading characters of `text` that fit in `width` columns, without an ellipsis (a
    /// two-character Chinese name cut to "黑龙" reads better than "黑…").
    static func prefix(_ text: String, width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.append(ch); used += w
        }
        return out
    }

    /// `left` and `right` on one line of `width` columns, right flush right.
    private static func pad(_ left: String, _ right: String, width: Int) -> String {
        let gap = max(0, width - DisplayWidth.of(left) - DisplayWidth.of(right))
        return left + String(repeating: " ", count: gap) + right
    }

    /// Brackets in the gaps either side of the cursor tile, on every line of it.
    private func drawCursor(around rect: Rect, into grid: inout Grid, clip: Rect) {
        for r in rect.row..<rect.bottom {
            if rect.column - 1 >= clip.column { grid.put("[", row: r, column: rect.column - 1, style: Theme.cursor) }
            if rect.right < clip.right { grid.put("]", row: r, column: rect.right, style: Theme.cursor) }
        }
    }
}
