import AdoptCore
@testable import AdoptUI
import XCTest

/// The counts beside the filter menu's choices, on `BreakdownFixture` (numbers by hand).
final class FilterMenuCountTests: XCTestCase {
    private func menu(_ app: App) -> FilterMenu? {
        if case .filter(let m)? = app.overlay { return m }
        return nil
    }

    private func group(_ title: String, in menu: FilterMenu) -> [FilterMenu.Item] {
        guard let start = menu.items.firstIndex(of: .heading(title)) else { return [] }
        return Array(menu.items[(start + 1)...].prefix { if case .heading = $0 { return false }; return true })
    }

    /// In the dashboard a pass over many rows runs in the background: the frame says
    /// "counting…" and draws "…" for the counts, then the counts once the pass has woken it.
    func testCountsFromTheBackgroundShowCountingMeanwhile() {
        var app = BreakdownFixture.app()
        let woke = expectation(description: "counted")
        woke.assertForOverFulfill = false   // opening the menu may have started a pass too
        app.backgroundCounts = BackgroundCounts(rowLimit: 0) { woke.fulfill() }
        app.handle(.character("f"))
        app.handle(.down)             // past "clear all", to the first choice
        app.handle(.character(" "))   // a new filter: a new pass
        let waiting = app.render(width: 100, height: 30).text
        XCTAssertTrue(waiting.contains("counting…"), waiting)
        wait(for: [woke], timeout: 10)
        // The pass for the menu's opening may be the one that woke us: wait for the newest.
        var counted = app.render(width: 100, height: 30).text
        for _ in 0..<200 where counted.contains("counting…") {
            Thread.sleep(forTimeInterval: 0.05)
            counted = app.render(width: 100, height: 30).text
        }
        XCTAssertFalse(counted.contains("counting…"), counted)
        XCTAssertTrue(counted.contains("match · Space toggles"), counted)
    }

    func testCountsApplyTheOtherFacetsOnly() {
        var app = BreakdownFixture.app()
        XCTAssertEqual(app.currentRegion, .guangdong)
        var c = app.currentFacetCounts!
        XCTAssertEqual(c.total, 4)
        XCTAssertEqual(c.count(.modelFamily, "DeepSeek"), 2)
        XCTAssertEqual(c.count(.modelFamily, "Alibaba Qwen"), 1)
        XCTAssertEqual(c.count(.sector, "government"), 2)
        XCTAssertEqual(c.count(.status, "deployed"), 3)
        XCTAssertEqual(c.uncertain, 1)
        XCTAssertEqual(c.approximate, 1)

        // sector=government: the sector counts stay (their own facet is not applied), the
        // others count a and b only.
        app.setFilter(Filter(sectors: [.government]))
        c = app.currentFacetCounts!
        XCTAssertEqual(c.total, 2)
        XCTAssertEqual(c.count(.sector, "government"), 2)
        XCTAssertEqual(c.count(.sector, "enterprise"), 1)
        XCTAssertEqual(c.count(.sector, "public-service"), 1)
        XCTAssertEqual(c.count(.modelFamily, "DeepSeek"), 2)
        XCTAssertEqual(c.count(.modelFamily, "Tencent Hunyuan"), 0)
        XCTAssertEqual(c.count(.status, "piloting"), 1)
        XCTAssertEqual(c.uncertain, 0)

        // and family=Alibaba Qwen: only a is left; sectors now count under Qwen only.
        var f = Filter(sectors: [.government])
        f.families = ["Alibaba Qwen"]
        app.setFilter(f)
        c = app.currentFacetCounts!
        XCTAssertEqual(c.total, 1)
        XCTAssertEqual(c.count(.sector, "government"), 1)
        XCTAssertEqual(c.count(.sector, "enterprise"), 0)
        XCTAssertEqual(c.count(.modelFamily, "DeepSeek"), 2, "families still OR: DeepSeek would add b")
        XCTAssertEqual(c.count(.status, "piloting"), 0)
    }

    func testGroupsSortByCountThenNameWithFamiliesAboveModels() {
        var app = BreakdownFixture.app()
        app.handle(.character("f"))
        guard let m = menu(app) else { return XCTFail("filter not open") }
        XCTAssertEqual(group("Sector", in: m), [.sector(.government), .sector(.enterprise), .sector(.publicService)])
        XCTAssertEqual(group("Model family", in: m),
                       [.family("DeepSeek"), .family("Alibaba Qwen"), .family("Tencent Hunyuan")])
        let families = m.items.firstIndex(of: .heading("Model family"))!
        XCTAssertLessThan(families, m.items.firstIndex(of: .heading("Model"))!)
        XCTAssertEqual(group("Use case", in: m).first, .useCase("government services"))

        app.handle(.character("o"))
        guard let byName = menu(app) else { return XCTFail() }
        XCTAssertEqual(byName.order, .name)
        XCTAssertEqual(group("Model family", in: byName),
                       [.family("Alibaba Qwen"), .family("DeepSeek"), .family("Tencent Hunyuan")])
        XCTAssertEqual(group("Sector", in: byName).first, .sector(.enterprise))
    }

    func testTogglingKeepsTheOrderTheRowAndTheWidth() {
        var app = BreakdownFixture.app(width: 100, height: 40)
        app.handle(.character("f"))
        guard var m = menu(app) else { return XCTFail() }
        // Down to "public-service" (last of the sectors, 1 deployment).
        let target = FilterMenu.Item.sector(.publicService)
        while m.items[m.selection] != target { app.handle(.down); m = menu(app)! }
        let before = m
        func frame(_ app: App) -> (row: Int?, border: String?) {
            let lines = app.render(width: 100, height: 40).text.split(separator: "\n").map(String.init)
            return (lines.firstIndex { $0.contains("› [") && $0.contains("public-service") },
                    lines.first { $0.contains("Filter ·") }.map { String($0.prefix { $0 != "┐" }) })
        }
        let shownBefore = frame(app)
        app.handle(.character(" "))
        XCTAssertEqual(app.filter.sectors, [.publicService])
        guard let after = menu(app) else { return XCTFail() }
        XCTAssertEqual(after.items, before.items, "a toggle does not re-sort")
        XCTAssertEqual(after.selection, before.selection)
        let shownAfter = frame(app)
        XCTAssertNotNil(shownBefore.row)
        XCTAssertEqual(shownAfter.row, shownBefore.row, "the item stays on its screen row")
        // The window keeps its place and width: its top border ends in the same column.
        XCTAssertEqual(shownAfter.border.map(DisplayWidth.of), shownBefore.border.map(DisplayWidth.of))
        XCTAssertEqual(after.labelWidth, before.labelWidth)
    }

    func testTheMenuShowsCountsTheRuleAndDimsZeros() {
        var app = BreakdownFixture.app(width: 100, height: 40)
        app.setFilter(Filter(sectors: [.government]))
        app.handle(.character("f"))
        let grid = app.render(width: 100, height: 40)
        let lines = grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.contains { $0.contains("OR within a group, AND across groups") })
        XCTAssertTrue(lines.contains { $0.contains("Counts: 广东 Guangdong · 2025-03-15") })
        XCTAssertTrue(lines.contains { $0.contains("Filter · 2 match") })
        func line(_ label: String) -> (Int, String)? {
            lines.enumerated().first { $0.element.contains(label) }.map { ($0.offset, $0.element) }
        }
        /// The menu's line from `label` to its right border (the map shows on either side).
        func entry(_ label: String) -> String {
            guard let (_, text) = line(label), let r = text.firstRange(of: label) else { return "no line \(label)" }
            return String(text[r.lowerBound...].prefix { $0 != "│" })
        }
        XCTAssertTrue(entry("[ ] DeepSeek ").hasSuffix(" 2 "), entry("[ ] DeepSeek "))
        guard let (row, text) = line("[ ] Tencent Hunyuan") else { return XCTFail("no Hunyuan line") }
        XCTAssertTrue(entry("[ ] Tencent Hunyuan").hasSuffix(" 0 "), text)
        let column = DisplayWidth.of(String(text[..<text.firstRange(of: "Tencent")!.lowerBound]))
        XCTAssertTrue(grid[row, column].style.dim, "a zero count is dimmed")
        XCTAssertTrue(grid[row, column].text == "T")
        // The certainty boxes count what they would leave out: none of the two is marked.
        XCTAssertTrue(entry("[ ] leave out uncertain records").hasSuffix(" 0 "))
        XCTAssertTrue(entry("[x] government").hasSuffix(" 2 "), entry("[x] government"))
    }

    func testCountsFollowTheDrillDownRegion() {
        var app = BreakdownFixture.app(width: 100, height: 40)
        app.jump(to: .guangzhou)
        XCTAssertEqual(app.currentFacetCounts!.total, 2)
        XCTAssertEqual(app.currentFacetCounts!.count(.sector, "enterprise"), 1)
        app.selectCountry()
        XCTAssertEqual(app.currentFacetCounts!.total, 5)
    }
}
