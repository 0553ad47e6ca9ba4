import AdoptCore
@testable import AdoptUI
import XCTest

/// Presentation mode: the toggle, its layout at small and large sizes, navigation on its map,
/// and goldens of the screen (read by eye: Goldens/presentation-*.txt).
final class PresentationTests: XCTestCase {
    let d = TestStore.day

    func testPTogglesAndEscLeaves() {
        var app = TestStore.app()
        app.handle(.character("p"))
        XCTAssertTrue(app.presentation.isOn)
        app.handle(.character("p"))
        XCTAssertFalse(app.presentation.isOn)
        app.handle(.character("p"))
        app.handle(.escape)
        XCTAssertFalse(app.presentation.isOn)
        XCTAssertFalse(app.wholeCountry, "Esc left presentation mode and did nothing else")
    }

    func testLayoutFallsBackToDashboardSizedTilesAt80x24() throws {
        let small = PresentationLayout(width: 80, height: 24)
        XCTAssertEqual(small.dateScale, 0, "the date on one line")
        XCTAssertEqual(small.caption, Rect(row: 1, column: 1, width: 78, height: 2))
        XCTAssertEqual(small.map, Rect(row: 3, column: 0, width: 80, height: 20))
        let g = try XCTUnwrap(small.geometry)
        // 20 rows cannot give the full grid's 11 rows two lines each: the compact grid, 9 rows
        // of 2 lines, 7 columns of 11 (78 / 7).
        XCTAssertEqual(g.layout, .compact)
        XCTAssertEqual(g.cellWidth, 11)
        XCTAssertEqual(g.tileHeight, 2)

        let large = PresentationLayout(width: 200, height: 60)
        XCTAssertEqual(large.dateScale, 2)
        XCTAssertEqual(large.dateRows, 0..<5)
        XCTAssertEqual(large.infoRow, 5)
        XCTAssertEqual(large.caption, Rect(row: 6, column: 1, width: 198, height: 3))
        XCTAssertEqual(large.map, Rect(row: 9, column: 0, width: 200, height: 50))
        let big = try XCTUnwrap(large.geometry)
        // Full grid, 10 columns of 19 (199 / 10) and 11 rows of 4 (50 / 11): 18x3 tiles.
        XCTAssertEqual(big.layout, .full)
        XCTAssertEqual(big.tileWidth, 18)
        XCTAssertEqual(big.tileHeight, 3)
    }

    func testBigDigitsDrawTheDate() {
        XCTAssertEqual(BigDigits.rows("2025-03", scale: 1), [
            "▀▀█ █▀█ ▀▀█ █▀▀     █▀█ ▀▀█",
            "█▀▀ █ █ █▀▀ ▀▀█ ▀▀▀ █ █ ▀▀█",
            "▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀     ▀▀▀ ▀▀▀",
        ])
        XCTAssertEqual(BigDigits.rows("1", scale: 2), ["  ██  ", "████  ", "  ██  ", "  ██  ", "██████"])
        XCTAssertEqual(BigDigits.width(of: "2025-03-05", scale: 2), 78)
    }

    func testArrowsMoveOnThePresentationMap() {
        var app = TestStore.app(width: 80, height: 24)
        app.handle(.character("p"))
        XCTAssertEqual(app.selectedProvince, .guangdong)
        // On the compact grid Guangdong is (8,5); to its right Fujian (8,6); above it Jiangxi (7,5).
        app.handle(.right)
        XCTAssertEqual(app.selectedProvince, .fujian)
        app.handle([.left, .up])
        XCTAssertEqual(app.selectedProvince, .jiangxi)
        XCTAssertEqual(app.focus, .regions)
    }

    func testAClickSelectsTheTileUnderIt() throws {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.character("p"))
        let g = try XCTUnwrap(PresentationLayout(width: 200, height: 60).geometry)
        let beijing = try XCTUnwrap(g.tile(.beijing))
        app.handle(.click(row: beijing.row + 1, column: beijing.column + 2))
        XCTAssertEqual(app.selectedProvince, .beijing)
    }

    func testSelectedTileIsReverseVideoAndOtherKeysStillWork() throws {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.character("p"))
        app.handle(.character("["))
        XCTAssertEqual(app.date, d("2025-03-14"), "date keys work in presentation mode")
        let grid = app.render(width: 200, height: 60)
        let g = try XCTUnwrap(PresentationLayout(width: 200, height: 60).geometry)
        let tile = try XCTUnwrap(g.tile(.guangdong))
        XCTAssertTrue(grid[tile.row, tile.column].style.reverse)
        XCTAssertEqual(grid[tile.row, tile.column - 1].text, "[")
        let other = try XCTUnwrap(g.tile(.beijing))
        XCTAssertFalse(grid[other.row, other.column].style.reverse)
        app.handle(.character("?"))
        XCTAssertNotNil(app.overlay, "help opens over the presentation")
    }

    func testGoldenAt80x24WithATourStep() throws {
        var app = try Shipped.app(width: 80, height: 24)
        app.startTour(try Shipped.tour())
        app.handle([.right, .right])  // 3/12: Futian, 2025-02-15
        assertGolden(app.render(width: 80, height: 24), named: "presentation-80x24-futian")
    }

    func testGoldenAt200x60WithATourStep() throws {
        var app = try Shipped.app(width: 200, height: 60)
        app.startTour(try Shipped.tour())
        app.showStep(9)  // 10/12: Anhui, 2025-03-10
        assertGolden(app.render(width: 200, height: 60), named: "presentation-200x60-anhui")
    }

    func testGoldenAt100x30PlayingPastAnEvent() throws {
        var app = try Shipped.app(width: 100, height: 30)
        app.setDate(d("2025-03-04"))
        app.handle([.character("p"), .character(" ")])
        app.tick()
        assertGolden(app.render(width: 100, height: 30), named: "presentation-100x30-playing")
    }

    func testEverySizeFromTheMinimumUpDrawsWithoutTrapping() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        app.showStep(2)
        for (w, h) in [(60, 16), (61, 17), (79, 23), (80, 24), (99, 29), (120, 54), (250, 80), (400, 120)] {
            let grid = app.render(width: w, height: h)
            XCTAssertEqual(grid.lines.count, h)
            XCTAssertTrue(grid.text.contains("3/12"), "\(w)x\(h): the step number is shown")
        }
    }

    func testSyntheticDataIsSaidOnThePresentationScreen() {
        var app = App(store: TestStore.make(synthetic: true), dataPath: "x", width: 80, height: 24)
        app.handle(.character("p"))
        let last = app.render(width: 80, height: 24).lines[23]
        XCTAssertTrue(last.contains("SYNTHETIC DATA  6 deployments · 4 provinces"), last)
    }
}
