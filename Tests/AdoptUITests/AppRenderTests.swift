import AdoptCore
@testable import AdoptUI
import XCTest

/// Whole screens and single panes as the user (and `adopt dump`) sees them.
final class AppRenderTests: XCTestCase {
    func testScreenGoldens() {
        let app = TestStore.app()
        assertGolden(app.render(width: 80, height: 24), named: "screen-80x24")
        assertGolden(app.render(width: 200, height: 60), named: "screen-200x60")
    }

    func testScreenAfterDrillingAndMovingTheDate() {
        var app = TestStore.app()
        app.handle(.character("/"))
        app.type("futian")
        app.handle(.enter)
        app.type("5[")
        assertGolden(app.render(width: 80, height: 24), named: "screen-80x24-futian-0310")
        XCTAssertTrue(app.render(width: 80, height: 24).text.contains("› 2025-02-10      深圳市福田区政务服…"))
    }

    func testTableScreenGolden() {
        var app = TestStore.app()
        app.handle(.character("m"))
        assertGolden(app.render(width: 80, height: 24), named: "screen-80x24-table")
    }

    func testOverlayGoldens() {
        var app = TestStore.app()
        app.handle(.character("?"))
        assertGolden(app.render(width: 80, height: 24), named: "overlay-help-80x24")
        app.handle(.escape)
        app.handle(.character("/"))
        app.type("shen")
        assertGolden(app.render(width: 80, height: 24), named: "overlay-search-80x24")
        app.handle(.escape)
        app.handle([.character("f"), .down, .down, .down, .down, .enter])  // past certainty and enterprise to "government"
        XCTAssertEqual(app.filter.sectors, [.government])
        assertGolden(app.render(width: 80, height: 24), named: "overlay-filter-80x24")
    }

    func testTooSmallScreen() {
        let app = TestStore.app()
        let grid = app.render(width: 59, height: 16)
        XCTAssertEqual(grid.lines[7].trimmingCharacters(in: .whitespaces),
                       "terminal too small: need 60x16, have 59x16")
        let narrow = app.render(width: 20, height: 5).text
        XCTAssertEqual(narrow.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) },
                       ["too small", "need 60x16", "have 20x5", "q quits"])
        XCTAssertEqual(app.render(width: 60, height: 16).lines.first?.hasPrefix("┌ Map"), true)
    }

    func testSyntheticSnapshotIsMarked() {
        let app = App(store: TestStore.make(synthetic: true), dataPath: "gen")
        let grid = app.render(width: 100, height: 30)
        XCTAssertTrue(grid.lines[29].hasPrefix(" SYNTHETIC DATA │ 2025-03-15"))
        XCTAssertEqual(grid[29, 1].style, Theme.synthetic)
    }

    func testDumpViews() {
        var app = TestStore.app(width: 100, height: 30)
        app.jump(to: .futian)
        let region = app.renderPane(.region, width: 100, height: 12).text
        XCTAssertTrue(region.contains("全国 China › 广东 Guangdong › 深圳 Shenzhen › 福田 Futian › deployments"), region)
        XCTAssertTrue(region.contains("深圳市福田区政务服务数据管理局"))
        let timeline = app.renderPane(.timeline, width: 100, height: 10).text
        XCTAssertTrue(timeline.hasPrefix("┌ Timeline · 福田 Futian"), timeline)
        let map = app.renderPane(.map, width: 100, height: 30)
        XCTAssertTrue(map.text.contains("[GD"), "the province of the region is selected")
        assertGolden(map, named: "dump-map-100x30")
        assertGolden(app.renderPane(.table, width: 100, height: 30), named: "dump-table-100x30")
        XCTAssertEqual(app.renderPane(.screen, width: 100, height: 30), app.render(width: 100, height: 30))
    }
}
