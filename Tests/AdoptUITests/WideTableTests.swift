import AdoptCore
@testable import AdoptUI
import XCTest

/// The province table and the deployment list on wide screens: added columns, their figures
/// worked by hand from `TestStore`, sorting by them, the scroll position.
final class WideTableTests: XCTestCase {
    let d = TestStore.day

    /// `TestStore` with an earlier snapshot (2025-03-01) that lacked the Guangzhou metro and the
    /// Qapqal county government: at 03-15 Guangdong is +1 and Xinjiang +1 since 03-01.
    static func twoSnapshots() -> Store {
        let current = TestStore.make()
        let earlier = Snapshot(file: "earlier.json", asOf: TestStore.day("2025-03-01"), sources: TestStore.sources,
                               deployments: TestStore.deployments.filter { !["gd-guangzhou-metro", "xj-qapqal"].contains($0.id) })
        return Store(snapshots: [earlier, current.current])
    }

    func testProvinceTallyFollowsTheDate() {
        let store = TestStore.make()
        let tally = store.provinceTally(filter: Filter())
        let gd = tally.figures(at: d("2025-03-15"))[.guangdong]!
        XCTAssertEqual(gd.sectors, [1, 1, 1])  // government, public service, enterprise
        XCTAssertEqual(gd.topSector, .government)  // a tie goes to the earlier sector
        XCTAssertEqual(gd.topFamily, "DeepSeek")  // R1 twice, V3 once: one family
        XCTAssertEqual(gd.topFamilyCount, 3)
        XCTAssertEqual(gd.latest, d("2025-02-20"))
        // Back before the metro (02-20): two left, the latest the hospital's 02-15.
        let before = tally.figures(at: d("2025-02-16"))[.guangdong]!
        XCTAssertEqual(before.sectors, [1, 1, 0])
        XCTAssertEqual(before.latest, d("2025-02-15"))
        XCTAssertEqual(tally.figures(at: d("2025-03-15"))[.guangdong], gd)
        XCTAssertNil(tally.figures(at: d("2025-03-15"))[.fujian]?.latest)
        let firm = store.provinceTally(filter: Filter(sectors: [.enterprise])).figures(at: d("2025-03-15"))
        XCTAssertEqual(firm[.guangdong]?.topSector, .enterprise)
        XCTAssertEqual(firm[.zhejiang]?.latest, d("2025-02-17"))
    }

    func testChangeSinceThePreviousSnapshot() {
        let store = Self.twoSnapshots()
        XCTAssertEqual(store.previous(of: store)?.current.asOf, d("2025-03-01"))
        XCTAssertNil(store.previous(of: store.knownBy(d("2025-03-05"))))
        var app = App(store: store, dataPath: "t", width: 200, height: 60)
        app.handle(.character("m"))
        let extras = app.tableExtras
        XCTAssertEqual(extras.since, d("2025-03-01"))
        let provinces = store.children(of: .country, at: d("2025-03-15"))
        func change(_ code: RegionCode) -> Int? { extras.change(of: provinces.first { $0.region.code == code }!) }
        XCTAssertEqual(change(.guangdong), 1)
        XCTAssertEqual(change(.xinjiang), 1)
        XCTAssertEqual(change(.beijing), 0)
        XCTAssertEqual(extras.change(of: store.summary(of: .country, at: d("2025-03-15"))!), 2)
        let text = app.render(width: 200, height: 60).text
        XCTAssertTrue(text.contains("±since 03-01"), text)
        assertGolden(app.render(width: 200, height: 60), named: "screen-200x60-table")
    }

    /// `s` cycles the columns on screen: at 200x60 the change, uncertain and latest columns too;
    /// at 80x24 only the four base ones.
    func testSortCoversTheAddedColumnsShown() {
        var app = App(store: Self.twoSnapshots(), dataPath: "t", width: 200, height: 60)
        app.handle(.character("m"))
        var seen: [TableSort.Column] = []
        for _ in 0..<7 {
            app.handle(.character("s"))
            seen.append(app.tableSort.column)
        }
        XCTAssertEqual(seen, [.coverage, .firstDate, .change, .uncertain, .latest, .name, .deployments])
        app.handle(.character("s"))
        app.handle(.character("s"))
        app.handle(.character("s"))  // change, largest first
        XCTAssertEqual(app.tableSort, TableSort(column: .change, descending: true))
        XCTAssertEqual(Set(app.tableRows.prefix(2).map(\.region.code)), [.guangdong, .xinjiang])

        var small = App(store: Self.twoSnapshots(), dataPath: "t", width: 80, height: 24)
        small.handle(.character("m"))
        XCTAssertEqual(small.tableSortColumns, TableSort.Column.base)
    }

    /// Headers say what each column counts; the row adds them in priority order.
    func testAddedColumnsInOrder() {
        let c = TablePane.Columns(width: 111, available: TablePane.Field.allCases)
        XCTAssertEqual(c.fields, [.change, .uncertain, .topSector, .latest])
        XCTAssertEqual(c.name, TablePane.nameWidth)
        XCTAssertTrue(TablePane.Columns(width: 198, available: TablePane.Field.allCases).longHeaders)
        XCTAssertEqual(TablePane.Columns(width: 48, available: TablePane.Field.allCases).fields, [])
        XCTAssertEqual(TablePane.Columns(width: 38, available: TablePane.Field.allCases).fields, [])
    }

    /// A table taller than its pane says which rows it shows, in its bottom border.
    func testScrollPosition() {
        var app = TestStore.app()
        app.handle(.character("m"))
        let bottom = app.render(width: 80, height: 24).lines[22]
        XCTAssertTrue(bottom.hasPrefix("└─"), bottom)
        XCTAssertTrue(bottom.contains(" 1–19 of 34 ─┘"), bottom)
        app.handle(.end)
        XCTAssertTrue(app.render(width: 80, height: 24).lines[22].contains(" 16–34 of 34 ─┘"))
    }

    /// At 200x60 the drill-down is wider than the map's tiles leave blank, and the deployment
    /// list gives organisations room before adding columns; zoomed, it shows models and the
    /// first source's publisher.
    func testDeploymentListUsesTheWidth() {
        let layout = ScreenLayout(width: 200, height: 60)
        XCTAssertEqual(layout.regions.width, 113)
        XCTAssertEqual(layout.drillDown.width, 87)
        XCTAssertEqual(MapPane.geometry(in: layout.regions)?.cellWidth, MapPane.geometry(in: Rect(row: 0, column: 0, width: 120, height: 47))?.cellWidth)
        XCTAssertEqual(ScreenLayout(width: 80, height: 24), ScreenLayout(width: 80, height: 24, zoomed: nil))
        XCTAssertEqual(ScreenLayout(width: 100, height: 30).drillDown.width, 50)

        let narrow = DrillDownPane.DeploymentRows.columns(width: 85).map(\.header)
        XCTAssertEqual(narrow, ["date", "", "organization", "region", "status"])
        let wide = DrillDownPane.DeploymentRows.columns(width: 198)
        XCTAssertEqual(wide.map(\.header), ["date", "", "organization", "region", "status", "sector", "models", "first source"])
        XCTAssertGreaterThanOrEqual(wide[2].width, 40)

        var app = TestStore.app(width: 200, height: 60)
        app.handle([.escape, .character("D"), .character("z")])
        let text = app.render(width: 200, height: 60).text
        XCTAssertTrue(text.contains("South China Morning Post"), text)
        XCTAssertTrue(text.contains("DeepSeek-R1"))
        XCTAssertTrue(text.contains("Qapqal Xibe Autonomous County Government"))
    }
}

/// In the dashboard the added columns of a large data set are counted in the background: the
/// frame shows "…" meanwhile and never waits.
final class TableFiguresBackgroundTests: XCTestCase {
    func testPendingThenReady() {
        let store = WideTableTests.twoSnapshots()
        let ready = expectation(description: "ready")
        let figures = TableFigures(background: { ready.fulfill() }, rowLimit: 0)
        let day = TestStore.day("2025-03-15")
        let first = figures.extras(store: store, counting: store, date: day, filter: Filter())
        XCTAssertTrue(first.pending)
        XCTAssertEqual(first.since, TestStore.day("2025-03-01"))  // the header is known at once
        wait(for: [ready], timeout: 10)
        let done = figures.extras(store: store, counting: store, date: day, filter: Filter())
        XCTAssertFalse(done.pending)
        XCTAssertEqual(done.figures[.guangdong]?.topFamily, "DeepSeek")
        var app = App(store: store, dataPath: "t", width: 200, height: 60)
        app.handle(.character("m"))
        app.tableFigures = TableFigures(background: {}, rowLimit: 0)
        let text = app.render(width: 200, height: 60).text
        XCTAssertTrue(text.contains("±since 03-01"), text)
        XCTAssertTrue(text.contains("…"), text)
    }
}
