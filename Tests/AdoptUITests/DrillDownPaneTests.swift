import AdoptCore
@testable import AdoptUI
import XCTest

final class DrillDownPaneTests: XCTestCase {
    typealias F = PaneFixtures
    static let asOf = PaneFixtures.day("2025-03-31")

    func regions(_ code: RegionCode, selection: Int = 0, focused: Bool = true,
                 breadcrumb: [String] = ["全国 China", "广东 Guangdong"]) -> DrillDownPane {
        let parent = F.store.summary(of: code, at: Self.asOf)!
        let children = F.store.children(of: code, at: Self.asOf)
        return DrillDownPane(breadcrumb: breadcrumb, content: .regions(parent: parent, children: children),
                             selection: selection, focused: focused)
    }

    func deployments(_ code: RegionCode, selection: Int = 0, focused: Bool = true) -> DrillDownPane {
        DrillDownPane(breadcrumb: ["全国 China", "广东 Guangdong"],
                      content: .deployments(region: F.store.gazetteer.region(code)!,
                                            items: F.store.deployments(in: code, at: Self.asOf)),
                      selection: selection, focused: focused)
    }

    func record(_ id: String, selection: Int = 0) -> DrillDownPane {
        DrillDownPane(breadcrumb: ["全国 China", "广东 Guangdong", "深圳 Shenzhen", "福田 Futian", id],
                      content: .record(F.store.record(id: id)!), selection: selection, focused: true)
    }

    func render(_ pane: DrillDownPane, _ width: Int, _ height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: width, height: height))
        return grid
    }

    // MARK: Rows and scrolling

    func testRowCounts() {
        XCTAssertEqual(regions(F.guangdong).rowCount, 21)
        XCTAssertEqual(deployments(F.guangdong).rowCount, 7)
        // Organisation, date/status/sector, source 1 (publisher, date and title, url), source 2
        // (publisher, date), models, use cases, note, region, uncertain, id.
        XCTAssertEqual(record("sz-futian-gov").rowCount, 13)
        // No sources: 8 entries + "sources: none recorded".
        XCTAssertEqual(record("sz-futian-hospital").rowCount, 9)
    }

    func testFirstVisibleMovesOnlyAsFarAsNeeded() {
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 0, visible: 5, count: 21), 0)
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 4, visible: 5, count: 21), 0)
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 5, visible: 5, count: 21), 1)
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 20, visible: 5, count: 21), 16)
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 3, visible: 5, count: 3), 0)
        XCTAssertEqual(DrillDownPane.firstVisible(selection: 3, visible: 0, count: 3), 0)
    }

    func testSelectedRowIsVisibleAndMarked() {
        // 40x12: inner 10 rows: breadcrumb, header, 7 rows, footer. Row 9 (汕尾 Shanwei,
        // index 12 is 441500) ... pick index 11 (梅州 Meizhou): rows 5...11 shown.
        let grid = render(regions(F.guangdong, selection: 11), 40, 12)
        XCTAssertTrue(grid.lines[9].hasPrefix("│› 梅州 Meizhou"), grid.lines[9])
        XCTAssertEqual(grid[9, 2].style, Theme.selected)
        XCTAssertTrue(grid.lines[3].hasPrefix("│  佛山 Foshan"), grid.lines[3])
        XCTAssertTrue(grid.lines[10].hasSuffix(" 6–12/21│"), grid.lines[10])
    }

    func testUnfocusedSelectionUsesMarkerNotReverse() {
        let grid = render(regions(F.guangdong, selection: 2, focused: false), 60, 12)
        XCTAssertTrue(grid.lines[5].hasPrefix("│› 深圳 Shenzhen"), grid.lines[5])
        XCTAssertFalse(grid[5, 4].style.reverse)
    }

    func testEmptyRegionsAreDimmed() {
        let grid = render(regions(F.guangdong), 60, 30)
        // Row 3 + i for child i: 韶关 Shaoguan (index 1) has no deployments.
        XCTAssertTrue(grid.lines[4].hasPrefix("│  韶关 Shaoguan"), grid.lines[4])
        XCTAssertEqual(grid[4, 3].style, Theme.dim)
        XCTAssertEqual(grid[5, 3].style, Theme.text)
    }

    func testBreadcrumbKeepsTheDeepestLevel() {
        let p = DrillDownPane(breadcrumb: ["全国 China", "广东 Guangdong", "深圳 Shenzhen"],
                              content: regions(F.shenzhen).content, selection: 0, focused: true)
        let grid = render(p, 22, 6)
        XCTAssertEqual(grid.lines[1], "│…ong › 深圳 Shenzhen│")
        XCTAssertEqual(grid[1, 8].style, Theme.title, "the deepest level is bold")
        XCTAssertEqual(grid[1, 2].style, Theme.dim)
    }

    /// An organisation whose CJK name reaches the right edge at an odd column: the last
    /// character is dropped whole (here as "…" plus a space) and the border stays in place.
    func testWideCharacterIsNotSplitAtTheRightEdge() {
        // 40 wide: the organisation column is 20, 深圳市福田区政务服务和数据管理局 needs 32.
        let grid = render(deployments(F.guangdong), 40, 10)
        for line in grid.lines {
            XCTAssertEqual(DisplayWidth.of(line), 40, line)
        }
        for r in 1..<9 { XCTAssertEqual(grid[r, 39].text, "│", "row \(r)") }
        XCTAssertTrue(grid.lines[4].hasSuffix("深圳市福田区政务服… │"), grid.lines[4])
        assertGolden(grid, named: "drilldown-deployments-40x10")
    }

    // MARK: Record

    func testRecordWrapsLongTextWithinTheWidth() {
        let grid = render(record("sz-futian-gov"), 40, 40)
        for line in grid.lines { XCTAssertEqual(DisplayWidth.of(line), 40, line) }
        let text = grid.text
        XCTAssertTrue(text.contains("uncertain no"), text)
        XCTAssertTrue(text.contains("2025-02-17 · deployed · government"), text)
        XCTAssertTrue(text.contains(" https://www.sztqb.example.cn/news/↩"), text)
    }

    func testRecordScrollsByEntry() {
        // Entry 1 (the date) on top: the organisation is scrolled off and ▲ says so.
        let grid = render(record("sz-futian-gov", selection: 1), 64, 8)
        XCTAssertTrue(grid.lines[2].hasPrefix("│date          2025-02-17"), grid.lines[2])
        XCTAssertEqual(grid[2, 62].text, "▲")
        XCTAssertEqual(grid[6, 62].text, "▼")
        // Past the end: the view stays full, showing the last lines.
        let end = render(record("sz-futian-gov", selection: 99), 64, 8)
        XCTAssertTrue(end.lines[6].hasPrefix("│id            sz-futian-gov"), end.lines[6])
        XCTAssertNotEqual(end[6, 62].text, "▼")
    }

    func testRecordApproximateAndUncertain() {
        let text = render(record("gz-court"), 70, 20).text
        XCTAssertTrue(text.contains("date          2025-03-05 (approximate)"), text)
        XCTAssertTrue(text.contains("uncertain     yes (?): the report is thin or ambiguous"), text)
        XCTAssertTrue(text.contains("region        广州市 Guangzhou › 广东省 Guangdong"), text)
        XCTAssertTrue(text.contains("sources       none recorded"), text)
    }

    func testUnresolvedSourceIsShownNotDropped() {
        let text = render(record("sz-nanshan"), 80, 24).text
        XCTAssertTrue(text.contains("source 1      South China Morning Post"), text)
        XCTAssertTrue(text.contains("source ?      missing-2025-03-05 (not among the snapshot's sources)"), text)
    }

    // MARK: Goldens

    func testGoldenRegionsSmall() {
        assertGolden(render(regions(F.guangdong, selection: 2), 40, 12), named: "drilldown-regions-40x12")
    }

    func testGoldenRegionsLarge() {
        assertGolden(render(regions(F.guangdong, selection: 2), 120, 40), named: "drilldown-regions-120x40")
    }

    func testGoldenCountiesHaveNoCoverage() {
        let p = regions(F.shenzhen, selection: 1, breadcrumb: ["全国 China", "广东 Guangdong", "深圳 Shenzhen"])
        assertGolden(render(p, 60, 16), named: "drilldown-counties-60x16")
    }

    func testGoldenDeploymentsLarge() {
        let p = DrillDownPane(breadcrumb: ["全国 China"],
                              content: .deployments(region: Gazetteer.countryRegion,
                                                    items: F.store.deployments(in: .country, at: Self.asOf)),
                              selection: 3, focused: true)
        assertGolden(render(p, 120, 16), named: "drilldown-deployments-120x16")
    }

    func testGoldenRecordSmall() {
        assertGolden(render(record("sz-futian-gov"), 40, 12), named: "drilldown-record-40x12")
        assertGolden(render(record("sz-futian-gov", selection: 8), 40, 12), named: "drilldown-record-40x12-note")
    }

    func testGoldenRecordLarge() {
        assertGolden(render(record("sz-futian-gov"), 120, 40), named: "drilldown-record-120x40")
    }

    func testGoldenRecordNarrowStacksLabels() {
        assertGolden(render(record("xj-qapqal"), 24, 20), named: "drilldown-record-24x20")
    }

    // MARK: Edge cases

    func testNoCrashAtAnySize() {
        let emptyDeployments = DrillDownPane(
            breadcrumb: [], content: .deployments(region: Gazetteer.countryRegion, items: []),
            selection: 5, focused: true)
        let emptyRegions = DrillDownPane(
            breadcrumb: ["x"],
            content: .regions(parent: F.store.summary(of: F.futian, at: Self.asOf)!, children: []),
            selection: -3, focused: false)
        let panes = [regions(F.guangdong, selection: 400), deployments(F.guangdong, selection: -1),
                     record("sz-futian-gov", selection: -5), record("sz-byd", selection: 1000),
                     emptyDeployments, emptyRegions]
        for p in panes {
            for (w, h) in [(0, 0), (1, 1), (3, 3), (2, 9), (9, 2), (4, 4), (5, 6), (15, 5), (29, 7),
                           (30, 7), (31, 3), (200, 4), (3, 80)] {
                var grid = Grid(width: w, height: h)
                p.draw(into: &grid, in: Rect(row: 0, column: 0, width: w, height: h))
                for line in grid.lines { XCTAssertEqual(DisplayWidth.of(line), w) }
                var small = Grid(width: 5, height: 5)
                p.draw(into: &small, in: Rect(row: -1, column: -3, width: w, height: h))
            }
        }
    }

    func testEmptyListsSaySo() {
        let p = DrillDownPane(breadcrumb: ["全国 China"],
                              content: .deployments(region: Gazetteer.countryRegion, items: []),
                              selection: 0, focused: true)
        XCTAssertTrue(render(p, 40, 8).text.contains("│  no deployments"))
        XCTAssertEqual(p.rowCount, 0)
    }
}

/// The own-level row: deployments recorded at the region itself, first in its list, so the
/// rows add up to the footer at every width.
final class OwnRowTests: XCTestCase {
    func testShenzhenListsItsCityWideRowFirstAndItAddsUp() throws {
        var app = TestStore.app(width: 80, height: 24)
        app.jump(to: .shenzhen)
        guard case .regions(let parent, let children, let own)? = app.figures.drillContent else { return XCTFail() }
        let o = try XCTUnwrap(own)
        XCTAssertEqual(o.count, 1, "the hospital is recorded at Shenzhen itself")
        XCTAssertEqual(children.reduce(0) { $0 + $1.count } + o.count, parent.count)
        let screen = app.render(width: 80, height: 24)
        assertGolden(screen, named: "drilldown-own-row-80x24")
        XCTAssertTrue(screen.text.contains("(city-wide)"), screen.text)
        // Enter on it lists the city-wide deployments.
        app.handle([.home, .enter])
        XCTAssertEqual(app.drill.last?.kind, .ownDeployments(.shenzhen))
        guard case .deployments(_, let items)? = app.figures.drillContent else { return XCTFail() }
        XCTAssertEqual(items.map(\.id), ["gd-shenzhen-hospital"])
        XCTAssertEqual(app.breadcrumb.last, "(city-wide)")
    }

    func testEveryWidthKeepsTheRow() {
        var app = TestStore.app(width: 60, height: 16)
        app.jump(to: .guangdong)
        for width in [60, 80, 100, 200] {
            let text = app.render(width: width, height: 30).text
            XCTAssertTrue(text.contains("(province-wide)") || text.contains("(prov-wide)") || text.contains("(own)"),
                          "\(width): \(text)")
        }
    }
}
