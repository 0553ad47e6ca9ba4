import AdoptCore
@testable import AdoptUI
import XCTest

final class StatusBarTests: XCTestCase {
    let claim = StatusBar.ClaimComparison(tracked: 41, claimed: 72, metric: "governments using DeepSeek",
                                          publisher: "Zhiding think tank", date: TestStore.day("2025-03-10"))

    func bar(synthetic: Bool = false, filter: String = "", claim: StatusBar.ClaimComparison? = nil) -> StatusBar {
        StatusBar(date: TestStore.day("2025-03-12"), asOf: TestStore.day("2025-03-31"), dataPath: "Data",
                  synthetic: synthetic, filterSummary: filter, deployments: 41, provinces: 17, claim: claim)
    }

    func line(_ bar: StatusBar, width: Int) -> String {
        var grid = Grid(width: width, height: 1)
        bar.draw(into: &grid, row: 0, width: width)
        return grid.text
    }

    func testWideBarShowsEverything() {
        XCTAssertEqual(line(bar(claim: claim), width: 200),
                       " 2025-03-12 │ dated by (K) │ 41 deployments · 17 provinces │ tracked 41 / claimed 72 deployments"
                       + " (Zhiding think tank) │ snapshot 2025-03-31 │ Data"
                       + String(repeating: " ", count: 19) + "? help  / search  f filter  q quit")
        let wide = line(bar(claim: claim), width: 250)
        XCTAssertTrue(wide.hasPrefix(" 2025-03-12 │ dated by (K) │ 41 deployments · 17 provinces │ tracked 41 / claimed 72 deployments:"
                                     + " governments using DeepSeek (Zhiding think tank, 2025-03-10) │ snapshot 2025-03-31 │ Data  "),
                      "the claim's own wording when there is room: \(wide)")
        XCTAssertTrue(wide.hasSuffix("  ? help  / search  f filter  q quit"), wide)
    }

    func testNarrowBarsDropThePathFirstAndKeepHelp() {
        XCTAssertEqual(line(bar(claim: claim), width: 80),
                       " 2025-03-12 │ 41 dep · 17 prov │ tracked 41 / claimed 72 deployments     ? help",
                       "the claim names what it counts at every width")
        XCTAssertEqual(line(bar(claim: claim), width: 120),
                       " 2025-03-12 │ 41 deployments · 17 provinces │ tracked 41 / claimed 72 deployments"
                       + String(repeating: " ", count: 4) + "? help  / search  f filter  q quit")
        XCTAssertEqual(line(bar(), width: 60),
                       " 2025-03-12 │ 41 deployments · 17 provinces" + String(repeating: " ", count: 10) + "? help")
    }

    func testSyntheticAndFilterAreShown() {
        var grid = Grid(width: 100, height: 1)
        bar(synthetic: true, filter: "sector=government").draw(into: &grid, row: 0, width: 100)
        XCTAssertTrue(grid.text.hasPrefix(" SYNTHETIC DATA │ 2025-03-12 │ filter: sector=government │ 41 deployments"))
        XCTAssertEqual(grid[0, 1].style, Theme.synthetic)
        XCTAssertEqual(line(bar(synthetic: true, filter: "sector=government model=DeepSeek-R1"), width: 60),
                       " SYNTHETIC │ 2025-03-12 │ filtered │ 41 dep · 17 prov", "? help goes last, when nothing else can")
    }

    func testNeverWiderThanTheGrid() {
        for w in 0...220 {
            var grid = Grid(width: w, height: 1)
            bar(synthetic: true, filter: "status=deployed", claim: claim).draw(into: &grid, row: 0, width: w)
            XCTAssertLessThanOrEqual(DisplayWidth.of(grid.text), w)
        }
    }

    func testClaimValuesAndPublishers() {
        XCTAssertEqual(StatusBar.number(72), "72")
        XCTAssertEqual(StatusBar.number(12.5), "12.5")
        XCTAssertEqual(StatusBar.shortPublisher("Zhiding think tank (至顶智库)"), "Zhiding think tank")
        XCTAssertEqual(StatusBar.shortPublisher("The Star, reporting SCMP and Bloomberg"), "The Star")
        XCTAssertEqual(StatusBar.shortPublisher("Xinhua"), "Xinhua")
    }

    func testAppStatusBarComparesTheClaimWithTheTrackedTotal() {
        var app = TestStore.app(width: 200, height: 60)
        // The Zhiding claim is dated 2025-03-10 and (in this fixture) counts deployments: 5 by
        // then (all but Qapqal, 03-12), whatever the cursor's date.
        XCTAssertEqual(app.statusBar.claim?.tracked, 5)
        XCTAssertEqual(app.statusBar.claim?.claimed, 72)
        XCTAssertEqual(app.statusBar.claim?.publisher, "Zhiding think tank")
        app.setDate(TestStore.day("2025-03-09"))
        XCTAssertNil(app.statusBar.claim, "no claim made by 03-09")
        app.setDate(TestStore.day("2025-03-11"))
        XCTAssertEqual(app.statusBar.claim?.tracked, 5)
        app.setFilter(Filter(sectors: [.enterprise]))
        XCTAssertEqual(app.statusBar.claim?.tracked, 5, "filters never change a claim's figure")
        app.setFilter(Filter())
        let last = app.render(width: 200, height: 60).lines.last!
        XCTAssertTrue(last.contains("tracked 5 / claimed 72 deployments (Zhiding think tank)"), last)
        XCTAssertTrue(last.contains("Tests/data"))
    }

    func testStatusBarGolden() {
        var grid = Grid(width: 100, height: 1)
        bar(claim: claim).draw(into: &grid, row: 0, width: 100)
        assertGolden(grid, named: "status-100")
    }
}

/// A reload in the background says how far it has got, and shortens before the figures do.
final class ReloadProgressBarTests: XCTestCase {
    private func bar(width: Int) -> String {
        var bar = StatusBar(date: Day(year: 2025, month: 7, day: 7)!, asOf: Day(year: 2025, month: 7, day: 7)!,
                            dataPath: "/srv/snapshots", deployments: 12345, provinces: 31)
        bar.live.reloadProgress = ProgressLine(verb: "reloading", file: "/srv/snapshots/2025-07-07.json",
                                               bytesDone: 40_000_000, totalBytes: 250_000_000, elapsed: 1)
        var grid = Grid(width: width, height: 1)
        bar.draw(into: &grid, row: 0, width: width)
        return grid.text
    }

    func testWideBarNamesTheFileAndTheAmount() {
        XCTAssertTrue(bar(width: 200).contains("reloading 2025-07-07.json 40/250 MB"), bar(width: 200))
    }

    func testNarrowBarsKeepTheAmountLongest() {
        XCTAssertTrue(bar(width: 80).contains("40/250 MB"), bar(width: 80))
        XCTAssertTrue(bar(width: 60).contains("↻"), bar(width: 60))
        XCTAssertTrue(bar(width: 120).contains("reloading 40/250 MB"), bar(width: 120))
    }

    func testAppShowsOnlyReloadsPastAMoment() {
        var app = TestStore.app()
        app.setReloadProgress(LoadProgress.Reading(file: "a.json", bytesDone: 1, totalBytes: 2, elapsed: 0.05))
        XCTAssertNil(app.live.reloadProgress)
        app.setReloadProgress(LoadProgress.Reading(file: "a.json", bytesDone: 1, totalBytes: 2, elapsed: 0.5))
        XCTAssertEqual(app.live.reloadProgress?.file, "a.json")
        app.setReloadProgress(nil)
        XCTAssertNil(app.live.reloadProgress)
    }
}

final class FeedStatusBarTests: XCTestCase {
    private func bar(_ note: FeedNote, width: Int) -> String {
        var bar = StatusBar(date: Day(year: 2025, month: 7, day: 7)!, asOf: Day(year: 2025, month: 7, day: 7)!,
                            dataPath: "https://data.example.org/adopt/", deployments: 12345, provinces: 31)
        bar.live.feed = note
        var grid = Grid(width: width, height: 1)
        bar.draw(into: &grid, row: 0, width: width)
        return grid.text
    }

    func testLiveFeedSaysWhenItWasChecked() {
        let live = FeedNote(text: "feed live, checked 09:14:05", trouble: false)
        XCTAssertTrue(bar(live, width: 200).contains("feed live, checked 09:14:05"), bar(live, width: 200))
        XCTAssertTrue(bar(live, width: 100).contains("feed live"), bar(live, width: 100))
    }

    func testOfflineFeedStaysOnNarrowBars() {
        let off = FeedNote(text: "feed offline since 09:14", trouble: true)
        XCTAssertTrue(bar(off, width: 120).contains("feed offline since 09:14"), bar(off, width: 120))
        XCTAssertTrue(bar(off, width: 80).contains("feed offline") || bar(off, width: 80).contains("feed ⚠"), bar(off, width: 80))
    }

    func testAppTakesTheFeedStatus() {
        var app = TestStore.app()
        app.setFeedStatus((text: "feed stale since 10:00", trouble: true))
        XCTAssertEqual(app.live.feed, FeedNote(text: "feed stale since 10:00", trouble: true))
        app.setFeedStatus(nil)
        XCTAssertNil(app.live.feed)
    }
}
