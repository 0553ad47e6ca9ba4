import AdoptCore

/// Where the tiles go inside the map pane: which grid, how big each tile is, where each one
/// sits. One pure function of the pane's inner rectangle, shared by drawing, mouse hits and
/// arrow-key navigation, so all three agree.
///
/// Each cell of the grid is a tile plus a one-column gap on its left; the gaps carry the
/// selection brackets, so the selected tile is visible without colour. The grid is centred.
public struct MapGeometry: Sendable, Equatable {
    public let layout: TileLayout
    /// The tiles' area (the legend sits below it).
    public let origin: (row: Int, column: Int)
    /// Cell size, gap included.
    public let cellWidth: Int
    public let cellHeight: Int
    /// The coloured part of a tile.
    public let tileWidth: Int
    public let tileHeight: Int
    /// The legend's row, if there is room for one.
    public let legendRow: Int?

    /// Tiles wider than this only waste space on a big terminal.
    static let maxCellWidth = 17
    static let maxCellHeight = 5

    public static func == (a: MapGeometry, b: MapGeometry) -> Bool {
        a.layout == b.layout && a.origin == b.origin && a.cellWidth == b.cellWidth
            && a.cellHeight == b.cellHeight && a.legendRow == b.legendRow
    }

    /// Nil when not even the compact grid with 1-line tiles of 4 columns, or of `countWidth`
    /// when wider (the widest count: a tile never drops its count), fits.
    public init?(area: Rect, countWidth: Int = 1) {
        let legend = area.height >= 10 ? 1 : 0
        let height = area.height - legend
        self.init(area: area, height: height, legend: legend == 1, countWidth: countWidth) { l in
            (min(MapGeometry.maxCellWidth, (area.width - 1) / l.columns),
             min(MapGeometry.maxCellHeight, height / l.rows))
        }
    }

    /// Picks the grid and places it, given the cell size each grid would get (the dashboard's
    /// map and presentation mode size cells differently). The full grid is the better likeness
    /// of the country: use it once its tiles can hold a name and, on a line below, a count
    /// (6 columns, 2 lines); else the compact grid. Either way the tiles must be at least
    /// `countWidth` columns wide. The tiles are centred in `height` rows.
    init?(area: Rect, height: Int, legend: Bool, countWidth: Int = 1, cells: (TileLayout) -> (w: Int, h: Int)) {
        let full = cells(.full), compact = cells(.compact)
        let chosen: TileLayout, size: (w: Int, h: Int)
        if full.w >= max(7, countWidth + 1), full.h >= 2 {
            (chosen, size) = (.full, full)
        } else if compact.w >= max(5, countWidth + 1), compact.h >= 1 {
            (chosen, size) = (.compact, compact)
        } else {
            return nil
        }
        layout = chosen
        cellWidth = size.w
        cellHeight = size.h
        tileWidth = size.w - 1
        tileHeight = size.h >= 3 ? size.h - 1 : size.h
        let usedWidth = chosen.columns * size.w + 1
        let usedHeight = chosen.rows * size.h - (size.h >= 3 ? 1 : 0)
        let top = area.row + max(0, (height - usedHeight) / 2)
        origin = (top, area.column + max(0, (area.width - usedWidth) / 2))
        legendRow = legend ? min(area.bottom - 1, top + usedHeight + (size.h >= 3 ? 1 : 0)) : nil
    }

    /// The coloured part of a province's tile.
    public func tile(_ code: RegionCode) -> Rect? {
        guard let p = layout.positions[code] else { return nil }
        return Rect(row: origin.row + (p.row - 1) * cellHeight,
                    column: origin.column + (p.column - 1) * cellWidth + 1,
                    width: tileWidth, height: tileHeight)
    }

    /// The province whose tile (or its left gap) covers a screen cell.
    public func province(atRow row: Int, column: Int) -> RegionCode? {
        guard row >= origin.row, column >= origin.column else { return nil }
        let r = (row - origin.row) / cellHeight + 1
        let c = (column - origin.column) / cellWidth + 1
        guard (row - origin.row) % cellHeight < tileHeight else { return nil }
        for (code, p) in layout.positions where p.row == r && p.column == c { return code }
        return nil
    }
}
