import AdoptCore
@testable import AdoptUI
import XCTest

final class MapPaneTests: XCTestCase {
    func summaries(at day: String = "2025-03-15") -> [RegionSummary] {
        TestStore.make().children(of: .country, at: TestStore.day(day))
    }

    func testCompactGeometryAt80x24() throws {
        // The left pane at 80x24 is 40x23; inside its frame 38x21, one row of which is the legend.
        let g = try XCTUnwrap(MapGeometry(area: Rect(row: 1, column: 1, width: 38, height: 21)))
        XCTAssertEqual(g.layout, .compact)
        XCTAssertEqual([g.cellWidth, g.cellHeight, g.tileWidth, g.tileHeight], [5, 2, 4, 2])
        // 7 cells of 5 plus a gap = 36 of 38 columns: 1 column margin; 18 of 20 rows: 1 row.
        XCTAssertEqual(g.origin.row, 2)
        XCTAssertEqual(g.origin.column, 2)
        XCTAssertEqual(g.legendRow, 20)
        // 广东 is at (8,5) on the compact grid.
        XCTAssertEqual(g.tile(.guangdong), Rect(row: 2 + 7 * 2, column: 2 + 4 * 5 + 1, width: 4, height: 2))
        XCTAssertEqual(g.province(atRow: 16, column: 23), .guangdong)
        XCTAssertEqual(g.province(atRow: 16, column: 22), .guangdong, "the gap left of a tile belongs to it")
        XCTAssertNil(g.province(atRow: 2, column: 3), "no province at (1,1)")
    }

    func testFullGeometryOnALargePane() throws {
        let g = try XCTUnwrap(MapGeometry(area: Rect(row: 0, column: 0, width: 118, height: 45)))
        XCTAssertEqual(g.layout, .full)
        // (118 - 1) / 10 = 11 columns a cell, (45 - 1) / 11 = 4 rows: tiles 10x3 with a gap row.
        XCTAssertEqual([g.cellWidth, g.cellHeight, g.tileWidth, g.tileHeight], [11, 4, 10, 3])
    }

    func testNoGeometryWhenTooSmall() {
        XCTAssertNil(MapGeometry(area: Rect(row: 0, column: 0, width: 30, height: 20)))
        XCTAssertNil(MapGeometry(area: Rect(row: 0, column: 0, width: 80, height: 8)))
    }

    func testNeighboursPreferTheSameRowOrColumn() {
        let full = TileLayout.full
        // 新疆 (2,1) right: 青海 (4,2) scores 1 + 2·2 = 5, 内蒙古 (2,7) 6 + 0 = 6.
        XCTAssertEqual(full.neighbour(of: RegionCode(value: 650000), .right), RegionCode(value: 630000))
        XCTAssertNil(full.neighbour(of: RegionCode(value: 650000), .left))
        XCTAssertNil(full.neighbour(of: RegionCode(value: 230000), .up), "黑龙江 is the top row")
        // 北京 (3,8) left: 宁夏 (3,5) scores 3 + 0, 河北 (4,7) and 内蒙古 (2,7) 1 + 2·1 = 3 too;
        // the tie goes to the same row.
        XCTAssertEqual(full.neighbour(of: .beijing, .left), RegionCode(value: 640000))
        // 北京 (3,8) down: 天津 (4,8).
        XCTAssertEqual(full.neighbour(of: .beijing, .down), RegionCode(value: 120000))
        XCTAssertEqual(TileLayout.compact.positions.count, 34)
        XCTAssertEqual(TileLayout.full.positions.count, 34)
        XCTAssertEqual(Set(TileLayout.compact.positions.keys), Set(TileLayout.full.positions.keys))
    }

    func testTileText() {
        let gd = summaries().first { $0.region.code == .guangdong }!
        XCTAssertEqual(MapPane.tileLines(gd, width: 4, height: 2, labels: .zh), ["广东", "   3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 6, height: 1, labels: .zh), ["广东 3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 4, height: 1, labels: .zh), ["GD 3"], "never 广 alone: letters")
        XCTAssertEqual(MapPane.tileLines(gd, width: 10, height: 3), ["广东      ", "Guangdong ", "         3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 14, height: 2), ["广东          ", "Guangdong    3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 14, height: 1, labels: .both), ["Guangdong    3"],
                       "both falls back to English when the count leaves no room for both")
        XCTAssertEqual(MapPane.tileLines(gd, width: 16, height: 1, labels: .both), ["广东 Guangdong 3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 4, height: 1, labels: .en), ["GD 3"])
        XCTAssertEqual(MapPane.tileLines(gd, width: 4, height: 2, labels: .abbr), ["GD  ", "   3"])
        let im = summaries().first { $0.region.code == RegionCode(value: 150000) }!
        XCTAssertEqual(MapPane.tileLines(im, width: 4, height: 2), ["NM  ", "   0"], "a long name is not cut: letters")
        XCTAssertEqual(MapPane.tileLines(im, width: 4, height: 2, labels: .zh), ["NM  ", "   0"], "not 内蒙")
        XCTAssertEqual(MapPane.tileLines(im, width: 8, height: 3, labels: .en), ["Inner   ", "Mongolia", "       0"])
        XCTAssertEqual(MapPane.tileLines(im, width: 10, height: 2, labels: .en), ["Inner     ", "Mongolia 0"])
        XCTAssertEqual(MapPane.tileLines(im, width: 10, height: 3, labels: .both), ["内蒙古    ", "Inner     ", "Mongolia 0"])
    }

    func testSelectedTileIsReversedAndBracketed() throws {
        let pane = MapPane(title: "Map", provinces: summaries(), scale: .fitting(maximum: 3), cursor: .guangdong, focused: true)
        var grid = Grid(width: 40, height: 23)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: 40, height: 23))
        let tile = try XCTUnwrap(MapPane.geometry(in: Rect(row: 0, column: 0, width: 40, height: 23))?.tile(.guangdong))
        XCTAssertEqual(grid[tile.row, tile.column].text, "G")
        XCTAssertTrue(grid[tile.row, tile.column].style.reverse)
        XCTAssertEqual(grid[tile.row, tile.column - 1].text, "[")
        XCTAssertEqual(grid[tile.row + 1, tile.right].text, "]")
        // 北京 (1 of a top of 3: level 2) is shaded, not reversed.
        let bj = try XCTUnwrap(MapPane.geometry(in: Rect(row: 0, column: 0, width: 40, height: 23))?.tile(.beijing))
        XCTAssertEqual(grid[bj.row, bj.column].style, Theme.heat[2])
        XCTAssertEqual(grid[bj.row, bj.column - 1].text, " ")
    }

    func testWholeCountryKeepsBracketsWithoutReverse() throws {
        let pane = MapPane(title: "Map", provinces: summaries(), scale: .fitting(maximum: 3), cursor: .guangdong,
                           cursorSelected: false, focused: true)
        var grid = Grid(width: 40, height: 23)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: 40, height: 23))
        let tile = try XCTUnwrap(MapPane.geometry(in: Rect(row: 0, column: 0, width: 40, height: 23))?.tile(.guangdong))
        XCTAssertFalse(grid[tile.row, tile.column].style.reverse)
        XCTAssertEqual(grid[tile.row, tile.column - 1].text, "[")
    }

    func testMapGoldens() {
        let pane = MapPane(title: "Map · 2025-03-15", provinces: summaries(), scale: .fitting(maximum: 3),
                           cursor: .guangdong, focused: true)
        for (w, h) in [(40, 23), (120, 47)] {
            var grid = Grid(width: w, height: h)
            pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: w, height: h))
            assertGolden(grid, named: "map-\(w)x\(h)")
        }
    }
}
