import AdoptCore
@testable import AdoptUI
import XCTest

/// Issue 12: without colour (NO_COLOR, a monochrome terminal, `dump --no-color`) the tiles
/// carry their shade as characters in their empty cells, never over the name or the count,
/// and the legend shows the same characters as swatches.
final class MonochromeShadingTests: XCTestCase {
    let glyphs = Theme.shadeGlyphs.dropFirst().map(String.init)

    func pane(_ summaries: [RegionSummary], shading: Bool = true, maximum: Int = 3) -> MapPane {
        var pane = MapPane(title: "Map · 2025-03-15", provinces: summaries, scale: .fitting(maximum: maximum),
                           cursor: .guangdong, focused: true)
        pane.shading = shading
        return pane
    }

    func summaries() -> [RegionSummary] {
        TestStore.make().children(of: .country, at: TestStore.day("2025-03-15"))
    }

    func testShadedColumnsKeepClearOfTheText() {
        func shaded(_ line: String) -> String {
            var grid = Grid(width: DisplayWidth.of(line), height: 1)
            grid.put(line, row: 0, column: 0)
            TileShading(level: 2).apply(to: Rect(row: 0, column: 0, width: grid.width, height: 1), in: &grid)
            return grid.lines[0]
        }
        XCTAssertEqual(shaded("广东      "), "广东 ░░░░░")
        XCTAssertEqual(shaded("         3"), "░░░░░░░░ 3")
        XCTAssertEqual(shaded("广东 Guangdong "), "广东 Guangdong ", "a space inside and one at the end: none shaded")
        XCTAssertEqual(shaded("广东 Guangdong  "), "广东 Guangdong ░")
        XCTAssertEqual(shaded("    "), "░░░░")
        XCTAssertEqual(shaded("  *12  "), "░ *12 ░")
        var zero = Grid(width: 5, height: 1)
        TileShading(level: 0).apply(to: Rect(row: 0, column: 0, width: 5, height: 1), in: &zero)
        XCTAssertEqual(zero.lines[0], "     ", "level 0 stays blank")
    }

    /// Every tile's name and count are in the grid exactly as without shading, at each size.
    func testShadingNeverCoversANameOrACount() throws {
        // Province k has k % 7 deployments: every level, on tiles of every shape.
        var deployments: [Deployment] = []
        for (k, province) in Gazetteer.shared.provinces.enumerated() {
            for i in 0..<(k % 7) {
                deployments.append(Deployment(id: "d-\(k)-\(i)", region: province.code, organization: "Org \(i)",
                                              date: TestStore.day("2025-02-01"), status: .deployed, sector: .enterprise))
            }
        }
        let snapshot = Snapshot(file: "m.json", asOf: TestStore.day("2025-03-15"), sources: [], deployments: deployments)
        let rows = Store(snapshots: [snapshot]).children(of: .country, at: TestStore.day("2025-03-15"))
        for (w, h) in [(40, 23), (60, 22), (100, 30), (120, 47), (200, 60)] {
            var plain = Grid(width: w, height: h), shaded = Grid(width: w, height: h)
            let area = Rect(row: 0, column: 0, width: w, height: h)
            pane(rows, shading: false, maximum: 6).draw(into: &plain, in: area)
            pane(rows, maximum: 6).draw(into: &shaded, in: area)
            var sawShade = false
            let geometry = try XCTUnwrap(MapPane.geometry(in: area))
            for tile in rows.compactMap({ geometry.tile($0.region.code) }) {
              for r in tile.row..<tile.bottom { for c in tile.column..<min(tile.right, w - 1) {
                let before = plain[r, c].text, after = shaded[r, c].text
                if before != " " { XCTAssertEqual(after, before, "\(w)x\(h) (\(r),\(c))") }
                if after != before { sawShade = true; XCTAssertTrue(glyphs.contains(after), after) }
              } }
            }
            XCTAssertTrue(sawShade, "\(w)x\(h)")
        }
    }

    func testMonochromeMapGoldens() {
        for (w, h) in [(40, 23), (100, 30)] {
            var grid = Grid(width: w, height: h)
            pane(summaries()).draw(into: &grid, in: Rect(row: 0, column: 0, width: w, height: h))
            assertGolden(grid, named: "map-mono-\(w)x\(h)")
        }
    }

    func testLegendSwatchesAreTheTilesCharacters() {
        let legend = HeatLegend(scale: .fitting(maximum: 24), shading: true)
        var grid = Grid(width: 100, height: 1)
        legend.draw(into: &grid, row: 0, column: 0, width: 100)
        XCTAssertEqual(grid.text, "0  · 1  ░ 2-4  ▒ 5-9  ▓ 10-19  █ 20+   deployments per province, scale for the whole data set")
        var narrow = Grid(width: 40, height: 1)
        legend.draw(into: &narrow, row: 0, column: 0, width: 40)
        XCTAssertEqual(narrow.text, "0  · 1  ░ 2-4  ▒ 5-9  ▓ 10-19  █ 20+")
    }

    func testTheSelectedTileIsShadedUnreversed() throws {
        var grid = Grid(width: 100, height: 30)
        let area = Rect(row: 0, column: 0, width: 100, height: 30)
        pane(summaries()).draw(into: &grid, in: area)
        let tile = try XCTUnwrap(MapPane.geometry(in: area)?.tile(.guangdong))
        let cells = (tile.column..<tile.right).map { grid[tile.row + 1, $0] }
        let shade = try XCTUnwrap(cells.first { $0.text == "█" }, "Guangdong (3 of 3) is at the top level")
        XCTAssertFalse(shade.style.reverse)
        XCTAssertTrue(cells.contains { $0.text == "3" && $0.style.reverse })
    }

    func testDumpAndPresentationFollowTheFlag() throws {
        var app = TestStore.app(width: 100, height: 30)
        XCTAssertFalse(app.renderPane(.map, width: 100, height: 30).text.contains("█"), "colour: no characters")
        app.shading = true
        let map = app.renderPane(.map, width: 100, height: 30)
        XCTAssertTrue(map.text.contains("█"))
        assertGolden(map, named: "dump-map-mono-100x30")
        XCTAssertEqual(app.renderPane(.screen, width: 100, height: 30), app.render(width: 100, height: 30))
        app.handle(.character("p"))
        let screen = app.render(width: 100, height: 30)
        XCTAssertTrue(screen.text.contains(" 0  ░ 1  ▓ 2  █ 3+  "), screen.text)
        assertGolden(screen, named: "presentation-mono-100x30")
    }
}
