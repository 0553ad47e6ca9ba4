import AdoptCore

/// Presentation mode's whole screen, made to be read across a room: the date large at the
/// top, the focused region and playback, the caption, the tile map as big as the screen
/// allows (counts in block digits once tiles are big enough), and a one-line legend.
///
/// Readable without colour: the selected tile is in reverse video between brackets (none while
/// the whole country is selected), every tile carries its count, the caption's lead is
/// reversed, during playback the provinces that gained carry a `+` and are underlined, and
/// with `shading` the tiles carry their shade as characters (as the dashboard's map does).
public struct PresentationPane: Sendable {
    public var date: Day
    /// "广东 Guangdong: 16 deployments".
    public var focus: String
    /// Right-aligned after the focus, most important first ("▶ 4 days/s", the tour's title);
    /// the later ones are dropped when the line cannot hold them and the whole focus.
    public var status: [String]
    public var caption: Caption?
    public var provinces: [RegionSummary]
    /// The shading bins, made for the whole data set (the dashboard's map uses the same).
    public var scale: HeatScale
    /// Shades as characters in the tiles and the legend (no colour).
    public var shading = false
    public var cursor: RegionCode
    /// False while the whole country is selected: no tile is boxed or reversed.
    public var cursorSelected: Bool
    /// "47 deployments · 16 provinces".
    public var totals: String
    /// Key hints at the legend's right end, dropped when there is no room.
    public var hints: String
    /// The data is synthetic: said on the legend line, as the dashboard's status bar does.
    public var synthetic = false
    /// The names on the tiles, as on the dashboard's map (`L`).
    public var labels: LabelMode = .auto

    /// The columns of the widest count, which every tile must hold.
    public var countWidth: Int { MapPane.countWidth(provinces) }

    /// During playback: a row for what the last played days added, kept (blank) when they
    /// added nothing, so the map does not jump.
    public var arrivalsRow = false
    public var arrivals: ArrivalsLine?
    /// Provinces that gained in the last played days: marked `+` and underlined.
    public var marked: Set<RegionCode> = []
    /// Caption rows to keep when the map can spare them (a tour keeps its longest step's, so
    /// the map stays put from step to step).
    public var reservedCaptionRows = 0

    public init(date: Day, focus: String, status: [String], caption: Caption?, provinces: [RegionSummary],
                scale: HeatScale, cursor: RegionCode, cursorSelected: Bool, totals: String, hints: String) {
        self.date = date; self.focus = focus; self.status = status; self.caption = caption
        self.provinces = provinces; self.scale = scale; self.cursor = cursor
        self.cursorSelected = cursorSelected; self.totals = totals; self.hints = hints
    }

    /// The layout for a screen size, with the rows this caption and playback line ask for.
    public func layout(width: Int, height: Int) -> PresentationLayout {
        let captionWidth = width - 2
        let wanted = (caption?.rows(width: captionWidth).count ?? 0) + (arrivalsRow || arrivals != nil ? 1 : 0)
        return PresentationLayout(width: width, height: height, countWidth: countWidth, captionRows: wanted, reserve: reservedCaptionRows)
    }

    public func draw(into grid: inout Grid) {
        let layout = layout(width: grid.width, height: grid.height)
        guard layout.geometry != nil else {
            // The same screen as the dashboard's, never a half-drawn presentation.
            TooSmall(width: grid.width, height: grid.height).draw(into: &grid)
            return
        }
        drawHeader(into: &grid, layout: layout)
        var captionArea = layout.caption
        if arrivalsRow || arrivals != nil, captionArea.height > 1 {
            // The playback line takes the area's last row; the caption keeps the others.
            captionArea.height -= 1
            if let arrivals { drawArrivals(arrivals, into: &grid, row: captionArea.bottom, in: layout.caption) }
        }
        if let caption { drawCaption(caption, into: &grid, in: captionArea) }
        drawMap(into: &grid, layout: layout)
        drawLegend(into: &grid, row: layout.legendRow)
    }

    // MARK: Header

    private func drawHeader(into grid: inout Grid, layout: PresentationLayout) {
        let width = grid.width
        var left = 1
        if layout.dateScale == 0 {
            left = grid.put(" \(date) ", row: layout.infoRow, column: 0, style: Theme.key) + 2
        } else {
            let rows = BigDigits.rows(date.description, scale: layout.dateScale)
            let column = max(0, (width - BigDigits.width(of: date.description, scale: layout.dateScale)) / 2)
            for (i, line) in rows.enumerated() {
                grid.put(line, row: layout.dateRows.lowerBound + i, column: column, style: Theme.title)
            }
        }
        // The focus comes first: status parts are added while it still fits whole.
        let available = width - 1 - left
        let focusWidth = DisplayWidth.of(focus)
        var shown: [String] = []
        for part in status {
            let candidate = (shown + [part]).joined(separator: " · ")
            guard DisplayWidth.of(candidate) + 3 + focusWidth <= available else { break }
            shown.append(part)
        }
        let text = shown.joined(separator: " · ")
        let statusWidth = DisplayWidth.of(text)
        let room = available - (statusWidth > 0 ? statusWidth + 3 : 0)
        grid.put(TextLayout.clip(focus, width: room), row: layout.infoRow, column: left, style: Theme.title,
                 limit: max(0, room))
        if statusWidth > 0 {
            grid.put(text, row: layout.infoRow, column: width - 1 - statusWidth, style: Theme.cursor)
        }
    }

    /// The lead, then the caption's rows (`Caption.rows`) beside and under it.
    private func drawCaption(_ caption: Caption, into grid: inout Grid, in area: Rect) {
        guard !area.isEmpty else { return }
        var lead = Theme.event
        lead.reverse = true
        grid.put(" \(caption.lead) ", row: area.row, column: area.column, style: lead, limit: area.width)
        let column = area.column + caption.indent
        for (i, row) in caption.rows(width: area.width, limit: area.height).enumerated() {
            var end = grid.put(row.text, row: area.row + i, column: column, style: Theme.title, limit: area.right - column)
            guard !row.source.isEmpty else { continue }
            if !row.text.isEmpty { end += 2 }
            grid.put(row.source, row: area.row + i, column: end, style: Theme.dim, limit: max(0, area.right - end))
        }
    }

    /// "+6 on 02-17" reversed, then the places that fit.
    private func drawArrivals(_ line: ArrivalsLine, into grid: inout Grid, row: Int, in area: Rect) {
        var lead = Theme.key
        lead.reverse = true
        let end = grid.put(" \(line.lead) ", row: row, column: area.column, style: lead, limit: area.width)
        let room = area.right - end - 1
        guard room > 0 else { return }
        grid.put(line.text(width: room), row: row, column: end + 1, style: Theme.text, limit: room)
    }

    // MARK: Map

    private func drawMap(into grid: inout Grid, layout: PresentationLayout) {
        guard let geometry = layout.geometry else { return }
        let tiles = provinces.compactMap { s in geometry.tile(s.region.code).map { (s, $0) } }
        let labels = TileLabel.resolve(self.labels, tiles: tiles.count) {
            tiles.filter { s, rect in tileText(s, in: rect, labels: .auto) != tileText(s, in: rect, labels: .abbr) }.count
        }
        for (summary, rect) in tiles {
            let selected = cursorSelected && summary.region.code == cursor
            let level = scale.level(of: summary.count)
            var style = Theme.heat[level]
            if selected { style = Theme.selected; style.bold = true }
            let isMarked = marked.contains(summary.region.code)
            if isMarked { style.underline = true }
            drawTile(summary, in: rect, labels: labels, style: style, into: &grid)
            if isMarked { drawMark(in: rect, style: style, into: &grid) }
            if shading {
                // The block digits' whole box stays clear, not just their ink.
                let digits = bigCount(summary, in: rect).map {
                    [Rect(row: $0.top, column: rect.right - $0.digits - $0.margin, width: $0.digits,
                          height: BigDigits.height(scale: 1))]
                } ?? []
                let tile = Rect(row: rect.row, column: rect.column, width: min(rect.width, grid.width - rect.column),
                                height: rect.height)
                TileShading(level: level, underline: isMarked).apply(to: tile, keepClear: digits, in: &grid)
            }
        }
        // The whole country selected (a country-level tour step): no province is boxed.
        if cursorSelected, let rect = geometry.tile(cursor) {
            for r in rect.row..<rect.bottom {
                grid.put("[", row: r, column: rect.column - 1, style: Theme.cursor)
                if rect.right < grid.width { grid.put("]", row: r, column: rect.right, style: Theme.cursor) }
            }
        }
    }

    /// `+` in the tile's first free corner (bottom left, else top right): it gained in the
    /// last played days. Underlined as well, so a tile full of text still shows it.
    private func drawMark(in rect: Rect, style: Style, into grid: inout Grid) {
        var mark = style
        mark.bold = true
        // The corner and the cell beside it blank, so `+` never reads as part of a count ("+5").
        for (row, column, inner) in [(rect.bottom - 1, rect.column, rect.column + 1),
                                     (rect.row, rect.right - 1, rect.right - 2)]
        where rect.width >= 2 && grid[row, column].text == " " && grid[row, inner].text == " " {
            grid.put("+", row: row, column: column, style: mark)
            return
        }
    }

    /// A tile big enough for block digits: how many columns they take, the row they start on,
    /// and their right margin; nil for a tile drawn as on the dashboard's map.
    private func bigCount(_ s: RegionSummary, in rect: Rect) -> (digits: Int, top: Int, margin: Int)? {
        let digits = BigDigits.width(of: String(s.count), scale: 1)
        let top = rect.bottom - BigDigits.height(scale: 1)
        guard top >= rect.row, digits + 5 <= rect.width else { return nil }
        // A column between the digits and the next tile when there is room for it.
        return (digits, top, digits + 6 <= rect.width ? 1 : 0)
    }

    /// A tile's text lines from its top: the names `labels` asks for (what they fall back to)
    /// and, on a small tile, the count; a big tile's block digits are drawn apart.
    private func tileText(_ s: RegionSummary, in rect: Rect, labels: LabelMode) -> [String] {
        guard let big = bigCount(s, in: rect) else {
            return MapPane.tileLines(s, width: rect.width, height: rect.height, labels: labels)
        }
        /// Columns free for text on a row: all of it above the digits, else what they leave.
        func room(_ row: Int) -> Int { row >= big.top ? rect.width - big.digits - big.margin - 1 : rect.width }
        // Block digits have no `?`: an uncertain count says so after the names instead.
        let lines = TileLabel.lines(for: s.region, mode: labels, rows: rect.height, width: { room(rect.row + $0) },
                                    suffix: s.countIsUncertain ? " ?" : "")
        return lines.isEmpty && s.countIsUncertain ? ["?"] : lines
    }

    /// A big tile: the names `labels` asks for at the top left, the count in block digits at
    /// the bottom right (beside the names when the tile has only their three rows). Tiles too
    /// small for that are drawn as on the dashboard's map.
    private func drawTile(_ s: RegionSummary, in rect: Rect, labels: LabelMode, style: Style, into grid: inout Grid) {
        grid.fill(row: rect.row, column: rect.column, width: rect.width, height: rect.height, style: style)
        for (i, line) in tileText(s, in: rect, labels: labels).enumerated() {
            grid.put(line, row: rect.row + i, column: rect.column, style: style, limit: rect.width)
        }
        guard let big = bigCount(s, in: rect) else { return }
        for (i, line) in BigDigits.rows(String(s.count), scale: 1).enumerated() {
            grid.put(line, row: big.top + i, column: rect.right - big.digits - big.margin, style: style)
        }
    }

    // MARK: Legend

    /// The shades with their counts, the totals, and the key hints when there is room.
    private func drawLegend(into grid: inout Grid, row: Int) {
        let legend = HeatLegend(scale: scale, shading: shading)
        let legendWidth = legend.binsWidth
        legend.draw(into: &grid, row: row, column: 1, width: min(legendWidth, grid.width - 2), notes: false)
        var end = 1 + legendWidth
        // What the shades count, when the line holds it with the totals and the hints.
        let caption = "  per province, whole data set"
        if end + DisplayWidth.of(caption) + 2 + DisplayWidth.of(totals) + 3 + DisplayWidth.of(hints)
            + (synthetic ? 16 : 0) <= grid.width - 1 {
            end = grid.put(caption, row: row, column: end, style: Theme.dim)
        }
        if synthetic {
            end = grid.put("  ", row: row, column: end)
            end = grid.put("SYNTHETIC DATA", row: row, column: end, style: Theme.synthetic, limit: max(0, grid.width - 1 - end))
        }
        end = grid.put("  " + totals, row: row, column: end, style: Theme.text, limit: max(0, grid.width - 1 - end))
        let w = DisplayWidth.of(hints)
        if end + 3 + w <= grid.width - 1 {
            grid.put(hints, row: row, column: grid.width - 1 - w, style: Theme.dim)
        }
    }
}
