import AdoptCore
@testable import AdoptUI
import XCTest

/// Key flows without a terminal: press keys, check the state against hand-worked answers
/// (see `TestStore` for the data).
final class KeyFlowTests: XCTestCase {
    let d = TestStore.day

    func testStartsOnTheBusiestProvinceAtTheSnapshotDate() {
        let app = TestStore.app()
        XCTAssertEqual(app.date, d("2025-03-15"))
        XCTAssertEqual(app.selectedProvince, .guangdong)  // 3 of the 6 deployments
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.guangdong))])
        XCTAssertEqual(app.focus, .regions)
        XCTAssertEqual(app.regionsView, .map)
        // Earliest deployment 2025-02-10, less a week, reaches back to the R1 release event
        // of 2025-01-20 (within three months before the first deployment).
        XCTAssertEqual(app.dateRange, d("2025-01-20")...d("2025-03-15"))
    }

    func testQuitAndControlCQuit() {
        var app = TestStore.app()
        XCTAssertEqual(app.handle(.character("x")), .none)
        XCTAssertEqual(app.handle(.character("q")), .quit)
        XCTAssertEqual(app.handle(.control("c")), .quit)
    }

    func testDateKeysMoveAndClampAndTakeACount() {
        var app = TestStore.app()
        app.handle(.character("["))
        XCTAssertEqual(app.date, d("2025-03-14"))
        app.handle(.character("]"))
        app.handle(.character("]"))  // already at asOf: stays
        XCTAssertEqual(app.date, d("2025-03-15"))
        app.handle(.character("{"))
        XCTAssertEqual(app.date, d("2025-03-08"))
        app.type("3[")
        XCTAssertEqual(app.date, d("2025-03-05"))
        app.type("12]")
        XCTAssertEqual(app.date, d("2025-03-15"), "clamped to asOf")
        app.type("10{")  // 70 days back: clamped to the range's start
        XCTAssertEqual(app.date, d("2025-01-20"))
        app.type("2}")
        XCTAssertEqual(app.date, d("2025-02-03"))
        XCTAssertNil(app.pendingCount)
    }

    func testCountsFollowTheDate() {
        var app = TestStore.app()
        XCTAssertEqual(app.figures.country?.count, 6)
        app.setDate(d("2025-02-15"))
        // By 02-15: Futian (02-10), Fengtai (02-12), the Shenzhen hospital (02-15).
        XCTAssertEqual(app.figures.country?.count, 3)
        XCTAssertEqual(app.figures.provinces.first { $0.region.code == .guangdong }?.count, 2)
        XCTAssertEqual(app.figures.country?.covered, 2)
    }

    func testEnterDrillsDownToARecordAndEscBacksOut() {
        var app = TestStore.app()
        XCTAssertEqual(app.handle(.enter), .none)
        XCTAssertEqual(app.focus, .drillDown)
        // Guangdong's own row "(province-wide)", then its prefectures in code order: 广州
        // 440100, 韶关 440200, 深圳 440300.
        app.handle([.down, .character("j"), .down])
        XCTAssertEqual(app.drillSelection, 3)
        app.handle(.enter)
        XCTAssertEqual(app.drill.last, DrillFrame(.regions(.shenzhen)))
        XCTAssertEqual(app.currentRegion, .shenzhen)
        // Shenzhen's own row "(city-wide)", then its districts: 罗湖 440303, 福田 440304.
        app.handle([.down, .down, .enter])
        XCTAssertEqual(app.drill.last, DrillFrame(.deployments(.futian)), "a county opens its deployments")
        app.handle(.enter)
        XCTAssertEqual(app.drill.last, DrillFrame(.record("gd-futian")))
        XCTAssertEqual(app.currentRegion, .futian)
        XCTAssertEqual(app.breadcrumb, ["全国 China", "广东 Guangdong", "深圳 Shenzhen", "福田 Futian",
                                        "deployments", "gd-futian"])

        app.handle(.escape)
        XCTAssertEqual(app.drill.last?.kind, .deployments(.futian))
        app.handle(.backspace)
        XCTAssertEqual(app.drill.last, DrillFrame(.regions(.shenzhen), selection: 2))
        app.handle(.escape)
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.guangdong), selection: 3)])
        XCTAssertEqual(app.focus, .drillDown)
        app.handle(.escape)
        XCTAssertEqual(app.focus, .regions, "Esc at the top of the drill-down goes back to the map")
        XCTAssertFalse(app.wholeCountry)
        app.handle(.escape)
        XCTAssertTrue(app.wholeCountry, "Esc on the map selects the whole country")
        XCTAssertEqual(app.currentRegion, .country)
        // The country's frame lists the provinces with Guangdong (the 19th by code) selected.
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.country), selection: 18)])
    }

    func testDOpensTheDeploymentsOfTheShownRegion() {
        var app = TestStore.app()
        app.handle(.character("D"))
        XCTAssertEqual(app.focus, .drillDown)
        XCTAssertEqual(app.drill.last?.kind, .deployments(.guangdong))
        guard case .deployments(_, let items)? = app.figures.drillContent else { return XCTFail() }
        XCTAssertEqual(items.map(\.id), ["gd-futian", "gd-shenzhen-hospital", "gd-guangzhou-metro"])
        app.handle([.down, .down, .enter])
        XCTAssertEqual(app.drill.last?.kind, .record("gd-guangzhou-metro"))
    }

    func testDrillListsShrinkWithTheDateAndSelectionsStayInRange() {
        var app = TestStore.app()
        app.handle(.character("D"))
        app.handle(.end)
        XCTAssertEqual(app.drillSelection, 2)
        app.setDate(d("2025-02-12"))  // only Futian by then
        XCTAssertEqual(app.drillSelection, 0)
    }

    func testMapArrowsMoveGeographicallyOnTheCompactGridAt80x24() {
        var app = TestStore.app()
        XCTAssertEqual(app.mapLayout, .compact)
        // Compact grid: 广东 (8,5); 福建 (8,6); 江西 (7,5); 广西 (8,4); 澳门 (9,5).
        app.handle(.right)
        XCTAssertEqual(app.selectedProvince, .fujian)
        app.handle(.character("h"))
        XCTAssertEqual(app.selectedProvince, .guangdong)
        app.handle(.up)
        XCTAssertEqual(app.selectedProvince, .jiangxi)
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.jiangxi))], "a new province starts a fresh drill-down")
        app.type("3k")  // 江西 (7,5) → 安徽 (6,5) → 河南 (5,5) → 河北 (4,5)
        XCTAssertEqual(app.selectedProvince, RegionCode(value: 130000))
    }

    func testMapArrowsOnTheFullGridAt200x60() {
        var app = TestStore.app()
        app.handle(.resize(width: 200, height: 60))
        XCTAssertEqual(app.mapLayout, .full)
        // Full grid: 广东 (9,7). Right: 福建 (8,8) scores 1 + 2·1 = 3, 澳门 (10,9) 2 + 2 = 4.
        app.handle(.right)
        XCTAssertEqual(app.selectedProvince, .fujian)
        // From 福建 (8,8) down: 广东 (9,7) 1 + 2 = 3, 澳门 (10,9) 2 + 2 = 4, 海南 (11,7) 3 + 2 = 5.
        app.handle(.down)
        XCTAssertEqual(app.selectedProvince, .guangdong)
        // 广东 down: 海南 (11,7) 2 + 0 beats 澳门 (10,9) 1 + 4.
        app.handle(.down)
        XCTAssertEqual(app.selectedProvince, RegionCode(value: 460000))
        app.handle(.down)
        XCTAssertEqual(app.selectedProvince, RegionCode(value: 460000), "nothing below Hainan")
    }

    func testTabCyclesFocusAndBackTabReverses() {
        var app = TestStore.app()
        app.handle(.tab)
        XCTAssertEqual(app.focus, .drillDown)
        app.handle(.tab)
        XCTAssertEqual(app.focus, .timeline)
        app.handle(.left)
        XCTAssertEqual(app.date, d("2025-03-14"), "left on the timeline is a day back")
        app.handle(.home)
        XCTAssertEqual(app.date, d("2025-01-20"))
        app.handle(.tab)
        XCTAssertEqual(app.focus, .regions)
        app.handle(.backTab)
        XCTAssertEqual(app.focus, .timeline)
    }

    func testMSwitchesToTheTableWithTheSameSelectionAndSortKeys() {
        var app = TestStore.app()
        app.handle(.character("m"))
        XCTAssertEqual(app.regionsView, .table)
        XCTAssertEqual(app.selectedProvince, .guangdong)
        // Count, largest first; ties by code: 广东 3, 北京 1, 浙江 1, 新疆 1, then the zeros.
        XCTAssertEqual(app.tableRows.prefix(4).map(\.region.code), [.guangdong, .beijing, .zhejiang, .xinjiang])
        app.handle(.down)
        XCTAssertEqual(app.selectedProvince, .beijing)
        app.handle(.character("S"))
        XCTAssertEqual(app.tableSort, TableSort(column: .deployments, descending: false))
        app.handle(.character("s"))
        XCTAssertEqual(app.tableSort, TableSort(column: .coverage, descending: true))
        // Coverage share: 北京 1/1 (one prefecture, covered) beats 广东 2/21.
        XCTAssertEqual(app.tableRows.first?.region.code, .beijing)
        app.handle(.character("m"))
        XCTAssertEqual(app.regionsView, .map)
        XCTAssertEqual(app.selectedProvince, .beijing)
    }

    func testSearchByPinyinJumpsToTheCounty() {
        var app = TestStore.app()
        app.handle(.character("/"))
        app.type("Fu Tian")
        guard case .search(let state)? = app.overlay else { return XCTFail("search not open") }
        XCTAssertEqual(state.results.first, .region(.futian))
        app.handle(.enter)
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.selectedProvince, .guangdong)
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.guangdong), selection: 3),
                                   DrillFrame(.regions(.shenzhen), selection: 2),
                                   DrillFrame(.deployments(.futian))])
        XCTAssertEqual(app.focus, .drillDown)
    }

    func testSearchFindsChineseEnglishAndSpacedPinyin() {
        let index = SearchIndex(store: TestStore.make())
        XCTAssertEqual(index.search("深圳").first, .region(.shenzhen))
        XCTAssertEqual(index.search("shen zhen").first, .region(.shenzhen))
        XCTAssertEqual(index.search("SHENZHEN").first, .region(.shenzhen))
        XCTAssertEqual(index.search("guangdong").first, .region(.guangdong))
        XCTAssertEqual(index.search("Inner Mongolia").first, .region(RegionCode(value: 150000)))
        // The county's conventional name is a whole-key match, the organisation a prefix one.
        XCTAssertEqual(index.search("qapqal"), [.region(.qapqal), .deployment("xj-qapqal")])
        XCTAssertEqual(index.search("察布查尔").first, .region(.qapqal))
        XCTAssertEqual(index.search("   "), [])
    }

    func testSearchFindsConventionalNamesAndTheirAliases() {
        let index = SearchIndex(store: TestStore.make())
        let hohhot = SearchResult.region(RegionCode(value: 150100))
        XCTAssertEqual(index.search("Hohhot").first, hohhot)
        XCTAssertEqual(index.search("Huhehaote").first, hohhot)
        XCTAssertEqual(index.search("hu he hao te").first, hohhot)
        let xizang = SearchResult.region(RegionCode(value: 540000))
        XCTAssertEqual(index.search("Tibet").first, xizang)
        XCTAssertEqual(index.search("Xizang").first, xizang)
        XCTAssertEqual(index.search("Xi'an").first, .region(RegionCode(value: 610100)))
        XCTAssertEqual(index.search("Xian").first, .region(RegionCode(value: 610100)))
        // The prefecture before the city of the same name.
        XCTAssertEqual(Array(index.search("Kashi").prefix(2)),
                       [.region(RegionCode(value: 653100)), .region(RegionCode(value: 653101))])
        XCTAssertEqual(index.search("Urumqi").first, .region(RegionCode(value: 650100)))
        XCTAssertEqual(index.search("Chabuchaer").first, .region(.qapqal))
    }

    func testSearchForAnOrganisationOpensItsRecordAndQIsText() {
        var app = TestStore.app()
        app.setDate(d("2025-02-10"))  // before the port's deployment: the jump moves the date
        app.handle(.character("/"))
        XCTAssertEqual(app.type("ningbo zhoushan"), .none, "q-less, but typing never quits")
        app.handle(.enter)
        XCTAssertEqual(app.date, d("2025-02-17"))
        XCTAssertEqual(app.selectedProvince, .zhejiang)
        // Ningbo's one deployment is city-wide (none in its districts): opening Ningbo lists it.
        XCTAssertEqual(app.drill.map(\.kind), [.regions(.zhejiang), .deployments(.ningbo), .record("zj-ningbo-port")])
        XCTAssertEqual(app.currentRegion, .ningbo)

        app.handle(.character("/"))
        XCTAssertEqual(app.type("qq"), .none)
        guard case .search(let state)? = app.overlay else { return XCTFail() }
        XCTAssertEqual(state.query, "qq")
        app.handle(.backspace)
        app.handle(.escape)
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.drill.last?.kind, .record("zj-ningbo-port"), "Esc cancels without moving")
    }

    func testFilterOverlayTogglesSectorsAndClears() {
        var app = TestStore.app()
        app.handle(.character("f"))
        guard case .filter(let menu)? = app.overlay else { return XCTFail("filter not open") }
        XCTAssertEqual(menu.items.first, .clearAll)
        // Sectors by count in Guangdong (the selection): one each, so by name.
        XCTAssertEqual(menu.items[4...7], [.heading("Sector"), .sector(.enterprise), .sector(.government), .sector(.publicService)])
        app.handle([.down, .down, .down, .down])  // past the certainty boxes, over "Sector" and enterprise
        app.handle(.character(" "))
        XCTAssertEqual(app.filter.sectors, [.government])
        // Government: Futian, Fengtai, Qapqal.
        XCTAssertEqual(app.figures.country?.count, 3)
        XCTAssertEqual(app.figures.provinces.first { $0.region.code == .guangdong }?.count, 1)
        app.handle([.down, .enter])  // public-service too
        XCTAssertEqual(app.filter.sectors, [.government, .publicService])
        XCTAssertEqual(app.figures.country?.count, 4)
        app.handle(.escape)
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.figures.country?.count, 4, "the filter stays after the menu closes")
        app.handle([.character("f"), .character("c"), .character("f")])
        XCTAssertTrue(app.filter.isEmpty)
        XCTAssertEqual(app.figures.country?.count, 6)
    }

    func testFilterByModelFromTheStoresVocabulary() {
        var app = TestStore.app()
        app.handle(.character("f"))
        guard case .filter(let menu)? = app.overlay else { return XCTFail() }
        let v3 = menu.items.firstIndex(of: .model("DeepSeek-V3"))!
        // Down until the cursor is on it (the headings are skipped).
        for _ in 0..<menu.items.count {
            guard case .filter(let m)? = app.overlay, m.selection != v3 else { break }
            app.handle(.down)
        }
        app.handle(.enter)
        XCTAssertEqual(app.filter.models, ["DeepSeek-V3"])
        XCTAssertEqual(app.figures.country?.count, 1)
    }

    func testHelpOpensAndClosesAndSwallowsKeys() {
        var app = TestStore.app()
        app.handle(.character("?"))
        XCTAssertEqual(app.overlay, .help(scroll: 0))
        app.handle(.character("]"))
        XCTAssertEqual(app.date, d("2025-03-15"), "keys go to the help, not the panes")
        app.handle(.down)
        XCTAssertEqual(app.overlay, .help(scroll: 1))
        XCTAssertEqual(app.handle(.character("q")), .none, "q closes the help")
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.handle(.character("q")), .quit)
    }

    func testClicksSelectTilesAndRowsAndOpenOnASecondClick() {
        var app = TestStore.app()
        let layout = ScreenLayout(width: 80, height: 24)
        let geometry = MapPane.geometry(in: layout.regions)!
        let beijing = geometry.tile(.beijing)!
        app.handle(.click(row: beijing.row, column: beijing.column + 1))
        XCTAssertEqual(app.selectedProvince, .beijing)
        XCTAssertEqual(app.render(width: 80, height: 24)[beijing.row, beijing.column].text, "B")
        app.handle(.click(row: beijing.row + 1, column: beijing.column))
        XCTAssertEqual(app.focus, .drillDown, "a second click opens")
        // The drill-down at 80x24: frame, breadcrumb, header, then rows: "(province-wide)" and
        // Beijing's one prefecture (110100): click its row and open it.
        let firstRow = layout.drillDown.row + 3
        app.handle(.click(row: firstRow + 1, column: layout.drillDown.column + 4))
        app.handle(.click(row: firstRow + 1, column: layout.drillDown.column + 4))
        XCTAssertEqual(app.drill.last?.kind, .regions(RegionCode(value: 110100)))
        // Now "(city-wide)", then the districts: 东城 110101, 西城 110102, 朝阳 110105, 丰台
        // 110106 (the 5th row).
        app.handle(.click(row: firstRow + 4, column: layout.drillDown.column + 4))
        XCTAssertEqual(app.drillSelection, 4)
        app.handle(.wheelUp(row: firstRow, column: layout.drillDown.column + 4))
        XCTAssertEqual(app.drillSelection, 1, "the wheel moves three rows")
        app.handle(.wheelDown(row: layout.timeline.row + 2, column: layout.timeline.column + 2))
        XCTAssertEqual(app.date, d("2025-03-15"), "the wheel over the timeline moves the date, clamped")
        app.handle(.wheelUp(row: layout.timeline.row + 2, column: layout.timeline.column + 2))
        XCTAssertEqual(app.date, d("2025-03-14"))
    }

    func testClickOnATableRow() {
        var app = TestStore.app()
        app.handle(.character("m"))
        let layout = ScreenLayout(width: 80, height: 24)
        // Frame, header, then the rows in count order: 广东, 北京, 浙江 ...
        app.handle(.click(row: layout.regions.row + 4, column: 5))
        XCTAssertEqual(app.selectedProvince, .zhejiang)
    }

    func testTooSmallScreenIgnoresKeysButQuits() {
        var app = TestStore.app()
        app.handle(.resize(width: 50, height: 10))
        app.handle(.enter)
        XCTAssertEqual(app.focus, .regions)
        XCTAssertEqual(app.handle(.character("q")), .quit)
    }

    func testFiguresAreComputedOnlyWhenDateOrFilterChange() {
        var app = TestStore.app()
        let start = app.figureComputations
        app.handle([.tab, .tab, .tab, .character("m"), .character("m"), .down])
        _ = app.render(width: 80, height: 24)
        _ = app.render(width: 80, height: 24)
        XCTAssertEqual(app.figureComputations, start, "no date or filter change: no recount")
        app.handle(.character("["))
        XCTAssertEqual(app.figureComputations, start + 1)
        app.handle(.character("]"))
        XCTAssertEqual(app.figureComputations, start + 2)
    }

    func testReplacingTheStoreFollowsTheNewSnapshotDate() {
        var app = TestStore.app()
        let newer = Snapshot(file: "b.json", asOf: d("2025-03-20"), deployments: TestStore.deployments)
        app.store = Store(snapshots: [newer])
        XCTAssertEqual(app.date, d("2025-03-20"), "the date followed the snapshot date")
        XCTAssertEqual(app.figures.country?.count, 6)
        app.handle(.character("["))
        app.store = TestStore.make()
        XCTAssertEqual(app.date, d("2025-03-15"), "a date past the new snapshot's is clamped")
    }

    func testPlaybackRunsToTheSnapshotDateAndStops() {
        var app = TestStore.app()
        XCTAssertNil(app.tickInterval)
        app.handle(.character(" "))  // at the end already: starts from the range's start
        XCTAssertTrue(app.isPlaying)
        XCTAssertEqual(app.date, d("2025-01-20"))
        XCTAssertEqual(app.tickInterval, App.playbackStep)
        app.tick()
        XCTAssertEqual(app.date, d("2025-01-21"))
        app.handle(.character(" "))
        XCTAssertNil(app.tickInterval, "paused")
        app.tick()
        XCTAssertEqual(app.date, d("2025-01-21"), "no tick while paused")
        app.handle(.character(" "))
        for _ in 0..<100 { app.tick() }
        // 2025-02-04 to 2025-03-15 is 39 days; playback stops there.
        XCTAssertEqual(app.date, d("2025-03-15"))
        XCTAssertFalse(app.isPlaying)
    }
}
