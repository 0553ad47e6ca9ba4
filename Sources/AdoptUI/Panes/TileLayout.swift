import AdoptCore

/// Where each province sits on the tile map: the gazetteer's 11x10 grid, or a compact 9x7 grid
/// for small panes (both from hafen/grid-designer; see docs/DATA.md).
///
/// Navigation and mouse hits use the layout on screen, so "left" always means the tile the
/// user sees on the left.
public struct TileLayout: Sendable, Equatable {
    public let name: String
    public let rows: Int
    public let columns: Int
    public let positions: [RegionCode: TilePosition]

    /// The gazetteer's grid (`china_prov_grid1`).
    public static let full: TileLayout = {
        let g = Gazetteer.shared
        var positions: [RegionCode: TilePosition] = [:]
        for p in g.provinces { if let t = p.tile { positions[p.code] = t } }
        return TileLayout(name: "full", rows: g.gridSize.rows, columns: g.gridSize.columns,
                          positions: positions)
    }()

    /// `china_prov_grid2`: fewer, denser rows, so two-line tiles fit on an 80x24 terminal.
    public static let compact: TileLayout = {
        let table: [(Int32, Int, Int)] = [
            (230000, 1, 7),
            (150000, 2, 6), (220000, 2, 7),
            (110000, 3, 6), (210000, 3, 7),
            (650000, 4, 1), (620000, 4, 2), (140000, 4, 4), (130000, 4, 5), (120000, 4, 6),
            (540000, 5, 1), (630000, 5, 2), (640000, 5, 3), (610000, 5, 4), (410000, 5, 5), (370000, 5, 6),
            (510000, 6, 2), (500000, 6, 3), (420000, 6, 4), (340000, 6, 5), (320000, 6, 6), (310000, 6, 7),
            (530000, 7, 2), (520000, 7, 3), (430000, 7, 4), (360000, 7, 5), (330000, 7, 6),
            (450000, 8, 4), (440000, 8, 5), (350000, 8, 6), (710000, 8, 7),
            (460000, 9, 4), (820000, 9, 5), (810000, 9, 6),
        ]
        var positions: [RegionCode: TilePosition] = [:]
        for (code, row, column) in table {
            positions[RegionCode(value: code)] = TilePosition(row: row, column: column)
        }
        return TileLayout(name: "compact", rows: 9, columns: 7, positions: positions)
    }()

    /// Which way an arrow key points.
    public enum Direction: Sendable { case up, down, left, right }

    /// The province to move to from `code`: among the tiles strictly in that direction, the
    /// one with the smallest `steps along + 2 x steps across`, so a tile in the same row (or
    /// column) wins over a slightly nearer diagonal one; ties go to the smaller sideways
    /// offset, then the lower code. Nil at the edge of the map.
    public func neighbour(of code: RegionCode, _ direction: Direction) -> RegionCode? {
        guard let from = positions[code] else { return nil }
        var best: (score: Int, across: Int, code: RegionCode)?
        for (other, to) in positions where other != code {
            let dr = to.row - from.row, dc = to.column - from.column
            let along: Int, across: Int
            switch direction {
            case .up: (along, across) = (-dr, abs(dc))
            case .down: (along, across) = (dr, abs(dc))
            case .left: (along, across) = (-dc, abs(dr))
            case .right: (along, across) = (dc, abs(dr))
            }
            guard along > 0 else { continue }
            let candidate = (score: along + 2 * across, across: across, code: other)
            if let b = best, (b.score, b.across, b.code) <= (candidate.score, candidate.across, candidate.code) {
                continue
            }
            best = candidate
        }
        return best?.code
    }
}
