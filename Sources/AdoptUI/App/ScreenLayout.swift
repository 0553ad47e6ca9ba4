/// Where each pane goes for a terminal size: one pure function, used by drawing and by mouse
/// hits so both agree.
///
/// Small terminals (80x24) put the map on the left at full height, where the compact grid's
/// two-line tiles fit, and stack the drill-down over the timeline on the right. Once the map
/// gets 21 rows above a timeline strip, the timeline spans the full width at the bottom,
/// which suits a time axis. Large terminals give the map three fifths of the width. The map
/// gets at least `mapWidth` columns (its tiles must hold the widest count) while the panes on
/// its right keep 15.
///
/// Zoomed (`z`), the focused pane takes the whole screen above the status bar and the others
/// get empty rectangles (drawn as nothing, hit by no click).
public struct ScreenLayout: Equatable, Sendable {
    public let regions: Rect
    public let drillDown: Rect
    public let timeline: Rect
    public let status: Rect

    public init(width: Int, height: Int, mapWidth: Int = 38, zoomed: Focus? = nil) {
        let body = max(0, height - 1)
        status = Rect(row: body, column: 0, width: width, height: min(1, height))
        if let zoomed {
            let whole = Rect(row: 0, column: 0, width: width, height: body)
            let none = Rect(row: 0, column: 0, width: 0, height: 0)
            regions = zoomed == .regions ? whole : none
            drillDown = zoomed == .drillDown ? whole : none
            timeline = zoomed == .timeline ? whole : none
            return
        }
        var left = width >= 140 ? width * 3 / 5 : width / 2
        left = max(left, min(38, width - 22))
        if mapWidth > left { left = max(left, min(mapWidth, width - 15)) }
        let strip = min(12, max(5, body / 4))
        if body - strip >= 21 {
            if width >= 140 {
                // The map's tiles come in whole cells: it keeps the width its cells use at
                // three fifths and the columns it would leave blank go to the drill-down
                // (seven more at 200 columns, for organisation names).
                left = min(left, ScreenLayout.mapWidth(Rect(row: 0, column: 0, width: left, height: body - strip)))
                left = max(left, min(mapWidth, width - 15))
            }
            let top = body - strip
            regions = Rect(row: 0, column: 0, width: left, height: top)
            drillDown = Rect(row: 0, column: left, width: width - left, height: top)
            timeline = Rect(row: top, column: 0, width: width, height: strip)
        } else {
            let lower = min(12, max(5, body * 2 / 5))
            regions = Rect(row: 0, column: 0, width: left, height: body)
            drillDown = Rect(row: 0, column: left, width: width - left, height: body - lower)
            timeline = Rect(row: body - lower, column: left, width: width - left, height: lower)
        }
    }

    /// The width a map pane drawn in `pane` uses: frame, the chosen grid's cells and the last
    /// cell's right gap (see `MapGeometry`); all of it when no grid fits.
    static func mapWidth(_ pane: Rect) -> Int {
        let inner = Rect(row: pane.row + 1, column: pane.column + 1, width: pane.width - 2, height: pane.height - 2)
        guard let g = MapGeometry(area: inner) else { return pane.width }
        return g.layout.columns * g.cellWidth + 3
    }
}
