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
    /// The names on the tiles (`L`); each tile falls back from them as `LabelMode` says.
    public var labels: LabelMode = .auto
    /// False on a tour step about the whole country: the audience must not read a boxed
    /// province as the step's subject, so not even the brackets are drawn.
    public var showsCursor = true

    public init(title: String, provinces: [RegionSummary], scale: HeatScale, cursor: RegionCode,
                cursorSelected: Bool = true, focused: Bool, changed: Set<RegionCode> = []) {
        self.title = title; self.provinces = provinces; self.scale = scale
        self.cursor = cursor; self.cursorSelected = cursorSelected; self.focused = focused
        self.changed = changed
    }

    /// The geometry the tiles use inside a pane drawn in `area` (for mouse hits and navigation),
    /// with tiles at least `countWidth` columns wide so every count shows whole.
    public static func geometry(in area: Rect, countWidth: Int = 1) -> MapGeometry? {
        MapGeometry(area: inner(of: area), countWidth: countWidth)
    }

    /// The columns the widest count takes on a tile (with its `*` and `?` marks).
    public var countWidth: Int { MapPane.countWidth(provinces, changed: changed) }

    static func countWidth(_ provinces: [RegionSummary], changed: Set<RegionCode> = []) -> Int {
        provinces.map { DisplayWidth.of(countText($0, changed: changed.contains($0.region.code))) }.max() ?? 1
    }

    /// The narrowest pane whose compact grid has tiles `countWidth` columns wide (and at least
    /// the four columns of a two-letter label and a digit): 38 for counts up to four digits.
    public static func minimumWidth(countWidth: Int) -> Int {
        let tile = max(4, countWidth)
        return TileLayout.compact.columns * (tile + 1) + 1 + 2
    }

    static func inner(of area: Rect) -> Rect {
        Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 2)
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let inner = grid.drawBox(area, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        guard let geometry = MapGeometry(area: inner, countWidth: countWidth) else {
            grid.put(TextLayout.clip("map needs more room: press m for the table", width: inner.width),
                     row: inner.row, column: inner.column, style: Theme.dim, limit: inner.width)
            return
        }
        let tiles = provinces.compactMap { s in geometry.tile(s.region.code).map { (s, $0) } }
        let labels = TileLabel.resolve(self.labels, tiles: tiles.count) {
            tiles.filter { s, rect in
                let changed = self.changed.contains(s.region.code)
                return MapPane.tileLines(s, width: rect.width, height: rect.height, changed: changed, labels: .auto)
                    != MapPane.tileLines(s, width: rect.width, height: rect.height, changed: changed, labels: .abbr)
            }.count
        }
        for (summary, rect) in tiles {
            drawTile(summary, in: rect, labels: labels, into: &grid, clip: inner)
        }
        if showsCursor, let rect = geometry.tile(cursor) { drawCursor(around: rect, into: &grid, clip: inner) }
        if let row = geometry.legendRow {
            HeatLegend(scale: scale, shading: shading).draw(into: &grid, row: row, column: inner.column,
                                                            width: inner.width,
                                                            spareRow: row + 1 < inner.bottom ? row + 1 : nil)
        }
    }

    private func drawTile(_ s: RegionSummary, in rect: Rect, labels: LabelMode, into grid: inout Grid, clip: Rect) {
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
        for (i, line) in MapPane.tileLines(s, width: rect.width, height: rect.height, changed: changed,
                                                      labels: labels).enumerated() {
            grid.put(line, row: rect.row + i, column: rect.column, style: style, limit: width)
        }
        if shading {
            TileShading(level: level, underline: changed)
                .apply(to: Rect(row: rect.row, column: rect.column, width: width, height: rect.height), in: &grid)
        }
    }

    /// A tile's count as drawn: "3", "3?" when every deployment counted is uncertain, "*3" when
    /// it changed in a live reload.
    static func countText(_ s: RegionSummary, changed: Bool) -> String {
        (changed ? "*" : "") + DrillDownPane.countText(s)
    }

    /// The text of a tile, each line exactly `width` columns: the names `labels` asks for (or
    /// what it falls back to, see `LabelMode`) from the top, and the count right-aligned on the
    /// last line, beside the last name line when they fit together. The count always shows
    /// whole when it fits the tile at all (`MapGeometry` makes sure it does); the names give
    /// way to it.
    static func tileLines(_ s: RegionSummary, width: Int, height: Int, changed: Bool = false,
                          labels: LabelMode = .auto) -> [String] {
        guard width > 0, height > 0 else { return [] }
        var count = countText(s, changed: changed)
        let countWidth = DisplayWidth.of(count)
        if countWidth > width {
            // Never on a drawn map (`MapGeometry` makes tiles as wide as the widest count);
            // for a caller with a fixed tile, said as "more than", never as a wrong figure.
            count = ">" + String(repeating: "9", count: max(0, width - 1))
        }
        let last = height - 1
        let label = TileLabel.lines(for: s.region, mode: labels, rows: height,
                                    width: { $0 == last ? width - countWidth - 1 : width },
                                    tight: { $0 == last ? 1 : 0 })
        var lines: [String] = []
        for row in 0..<height {
            let text = row < label.count ? label[row] : ""
            lines.append(row == last ? pad(text, count, width: width) : TextLayout.pad(text, width: width))
        }
        return lines
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
