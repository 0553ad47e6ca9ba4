import AdoptCore
@testable import AdoptUI
import XCTest

/// Live updates applied to the App: good data swaps in one step with the selection kept, bad
/// data never replaces good, changes accumulate until `a`, problems clear when fixed, and
/// freshness and staleness follow the clock handed in.
final class LiveTests: XCTestCase {
    let d = TestStore.day
    /// 2025-04-02 14:03:12 in China (UTC+8) = 06:03:12 UTC.
    let loaded = WallTime(seconds: 1_743_573_792, utcOffset: 28_800)
    let fuzhou = RegionCode(value: 350100)

    /// The test store's snapshot (asOf 2025-03-15) and a newer one (2025-03-16) with one more
    /// deployment, in Fuzhou (Fujian had none).
    func newerStore() -> Store {
        let old = TestStore.make().current
        let fuzhouCity = Deployment(id: "fj-fuzhou", region: fuzhou, organization: "福州市大数据委",
                                    date: d("2025-03-16"), status: .deployed, sector: .government)
        let new = Snapshot(file: "b.json", asOf: d("2025-03-16"), sources: TestStore.sources,
                           deployments: TestStore.deployments + [fuzhouCity])
        return Store(snapshots: [old, new])
    }

    func statusLine(_ app: App, width: Int = 120) -> String {
        app.render(width: width, height: 40).lines.last!
    }

    func testAGoodUpdateSwapsTheDataAndKeepsTheSelection() {
        var app = TestStore.app(width: 120, height: 40)
        app.handle(.enter)  // into Guangdong's drill-down
        let drill = app.drill
        let newer = newerStore()
        app.apply(live: LiveUpdate(store: newer, loadedAt: loaded, checkedAt: loaded, generation: 2))
        XCTAssertTrue(app.store === newer)
        XCTAssertEqual(app.selectedProvince, .guangdong)
        XCTAssertEqual(app.drill, drill)
        XCTAssertEqual(app.date, d("2025-03-16"), "the date followed the snapshot's")
        XCTAssertEqual(app.figures.country?.count, 7)
        XCTAssertEqual(app.live.changedRegions, [.country, .fujian, fuzhou], "compared with what was shown")
        XCTAssertEqual(app.live.changedRegionCount, 1, "what the map marks: Fujian (not Fuzhou, not the country)")
        XCTAssertEqual(app.live.generation, 2)
        XCTAssertTrue(statusLine(app).contains("│ 1 region changed (a) │"), statusLine(app))
    }

    func testChangedProvincesAreMarkedOnTheMapAndTable() throws {
        var app = TestStore.app(width: 120, height: 40)
        app.apply(live: LiveUpdate(store: newerStore(), changedRegions: [.country, .fujian, fuzhou],
                                   loadedAt: loaded, checkedAt: loaded))
        // Fujian's tile: 1 deployment, marked; Zhejiang also has 1 but did not change.
        let fujian = try XCTUnwrap(app.figures.provinces.first { $0.region.code == .fujian })
        let zhejiang = try XCTUnwrap(app.figures.provinces.first { $0.region.code == .zhejiang })
        XCTAssertEqual(MapPane.tileLines(fujian, width: 4, height: 2, changed: true, labels: .zh), ["福建", "  *1"])
        XCTAssertEqual(MapPane.tileLines(fujian, width: 4, height: 2, changed: true), ["FJ  ", "  *1"])
        let map = app.render(width: 120, height: 40)
        let tile = try XCTUnwrap(MapPane.geometry(in: ScreenLayout(width: 120, height: 40).regions)?.tile(.fujian))
        let countRow = map.lines[tile.bottom - 1]
        XCTAssertTrue(countRow.contains("*1"), countRow)
        XCTAssertTrue(map[tile.row, tile.column].style.underline, "underlined, not only coloured")

        app.handle(.character("m"))
        let table = app.render(width: 120, height: 40).lines
        let fujianRow = try XCTUnwrap(table.first { $0.contains("Fujian") })
        let zhejiangRow = try XCTUnwrap(table.first { $0.contains("Zhejiang") })
        XCTAssertTrue(fujianRow.contains(" *1 "), fujianRow)
        XCTAssertFalse(zhejiangRow.contains("*"), zhejiangRow)
        XCTAssertEqual(zhejiang.count, 1)
        // The total row: the country changed too (6 → 7).
        XCTAssertTrue(table.contains { $0.contains("全国") && $0.contains(" *7 ") })
    }

    func testABrokenFileNeverReplacesGoodDataAndItsProblemClearsWhenFixed() {
        var app = TestStore.app(width: 120, height: 40)
        let good = app.store
        let computed = app.figureComputations
        let error = Problem(file: "Data/b.json", line: 12, column: 5, path: "deployments[3].region",
                            message: "unexpected end of file (the file is truncated or incomplete)")
        let warning = Problem(file: "Data/b.json", line: 0, column: 0, path: "",
                              message: "showing the last good version loaded at 14:03:12", severity: .warning)
        // The reloader kept the last good store (no store: nothing valid at all; same store: nothing new).
        app.apply(live: LiveUpdate(store: nil, problems: [error, warning], loadedAt: loaded,
                                   checkedAt: loaded.adding(seconds: 60), generation: 3))
        XCTAssertTrue(app.store === good)
        XCTAssertEqual(app.figures.country?.count, 6)
        XCTAssertEqual(app.figureComputations, computed, "nothing recounted")
        XCTAssertEqual(app.live.problems, [error, warning])
        let line = statusLine(app)
        // One broken file is one problem, whatever its report holds.
        XCTAssertTrue(line.hasPrefix(" 2025-03-15 │ ⚠ 1 problem (!) │ 18d old │ 6 deployments"), line)
        let grid = app.render(width: 120, height: 40)
        let column = DisplayWidth.of(" 2025-03-15 │ ")
        XCTAssertEqual(grid[39, column].style, Theme.warning)

        app.apply(live: LiveUpdate(store: good, problems: [error, warning], loadedAt: loaded,
                                   checkedAt: loaded.adding(seconds: 90), generation: 4))
        XCTAssertTrue(app.store === good)
        XCTAssertEqual(app.figureComputations, computed)

        // Fixed: the problems go.
        app.apply(live: LiveUpdate(store: good, problems: [], loadedAt: loaded.adding(seconds: 120),
                                   checkedAt: loaded.adding(seconds: 120), generation: 5))
        XCTAssertEqual(app.live.problems, [])
        XCTAssertFalse(statusLine(app).contains("⚠"), statusLine(app))
    }

    func testChangesAreOfContentUntilAcknowledged() {
        var app = TestStore.app()
        // The files vanish (no store: the data stays), then come back unchanged: nothing marked.
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        app.apply(live: LiveUpdate(store: TestStore.make(), loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(app.live.changedRegions, [], "identical content restored: no change")
        // A real change stays marked through later refreshes until `a`.
        app.apply(live: LiveUpdate(store: newerStore(), loadedAt: loaded, checkedAt: loaded))
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(app.live.changedRegions, [.country, .fujian, fuzhou])
        XCTAssertEqual(app.live.changedRegionCount, 1)
        app.handle(.character("a"))
        XCTAssertEqual(app.live.changedRegions, [])
        XCTAssertFalse(statusLine(app, width: 200).contains("changed"))
        // After `a`, the acknowledged data is the baseline: going back to the old data is a change.
        app.apply(live: LiveUpdate(store: TestStore.make(), loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(app.live.changedRegionCount, 1)
    }

    func testARemovedCurrentFileIsNamedUntilAcknowledged() {
        var app = App(store: newerStore(), dataPath: "Data", width: 200, height: 40)
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        // b.json (the current snapshot) is removed: test.json becomes current.
        app.apply(live: LiveUpdate(store: TestStore.make(), loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(app.live.removedCurrent?.removed, "b.json")
        XCTAssertEqual(app.live.removedCurrent?.now, "test.json")
        XCTAssertTrue(statusLine(app, width: 200).contains("b.json removed, now test.json (a)"), statusLine(app, width: 200))
        app.handle(.character("!"))
        XCTAssertTrue(app.render(width: 200, height: 40).text.contains("current file removed: b.json; now current: test.json"))
        app.handle(.escape)
        app.handle(.character("a"))
        XCTAssertNil(app.live.removedCurrent)
        XCTAssertFalse(statusLine(app, width: 200).contains("removed"))
    }

    func testWaitingForTheFirstValidSnapshot() {
        var app = App(store: Store(snapshots: []), dataPath: "/srv/feed", width: 100, height: 30)
        let broken = Problem(file: "/srv/feed/a.json", line: 3, column: 1, path: "", message: "unexpected end of file")
        app.apply(live: LiveUpdate(store: nil, problems: [broken], loadedAt: loaded, checkedAt: loaded))
        XCTAssertTrue(app.isWaiting)
        let screen = app.render(width: 100, height: 30)
        XCTAssertTrue(screen.text.contains("waiting for a valid snapshot in /srv/feed"), screen.text)
        XCTAssertTrue(screen.lines.last!.hasPrefix(" waiting for a valid snapshot │ ⚠ 1 problem (!)"), screen.lines.last!)
        XCTAssertEqual(app.handle(.character("q")), .quit, "q still quits")
        app.apply(live: LiveUpdate(store: TestStore.make(), loadedAt: loaded, checkedAt: loaded))
        XCTAssertFalse(app.isWaiting)
        XCTAssertEqual(app.live.changedRegions, [], "the first data is not a change")
        XCTAssertEqual(app.figures.country?.count, 6)
    }

    func testUpdatesNotYetShownAreMergedWithoutLosingChanges() {
        var older = LiveUpdate(store: newerStore(), changedRegions: [.fujian], loadedAt: loaded, checkedAt: loaded,
                               generation: 2)
        var newer = LiveUpdate(store: nil, changedRegions: [.beijing], loadedAt: loaded, checkedAt: loaded,
                               generation: 3)
        newer.absorb(older)
        XCTAssertEqual(newer.changedRegions, [.fujian, .beijing])
        XCTAssertTrue(newer.store === older.store, "the newest good data is still the older update's")
        older.absorb(LiveUpdate(store: TestStore.make(), loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(older.changedRegions, [.fujian])
        XCTAssertFalse(older.store === nil)
    }

    func testFreshnessShowsTheLoadTimeAndTheSnapshotsAge() {
        var app = TestStore.app(width: 200, height: 40)
        XCTAssertFalse(statusLine(app, width: 200).contains("loaded"), "not live: no freshness")
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        // 2025-03-15 to 2025-04-02 is 18 days.
        XCTAssertEqual(app.live.ageInDays(of: app.store.current.asOf), 18)
        // Freshness first: the snapshot's age right after the date, before any figure; at 200
        // columns the path goes first, then the claim's long form; the load time stays.
        XCTAssertEqual(statusLine(app, width: 200),
                       " 2025-03-15 │ snapshot 2025-03-15, 18 days old │ 6 deployments · 4 provinces │ tracked 5 / claimed 72"
                       + " deployments (Zhiding think tank) │ loaded 14:03:12"
                       + String(repeating: " ", count: 13) + "? help  / search  f filter  q quit ")
        XCTAssertTrue(statusLine(app, width: 80).hasPrefix(" 2025-03-15 │ 18d old │ 6 dep · 4 prov │ tracked 5 / claimed 72 deployments"),
                      "the age stays at 80 columns: \(statusLine(app, width: 80))")
        XCTAssertNil(app.live.staleness(asOf: app.store.current.asOf), "no --stale-after: never stale")
    }

    func testStaleAfterTheSnapshotAgeOrTheTimeSinceTheLastLoad() throws {
        var app = TestStore.app(width: 200, height: 40)
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        app.setStaleAfter(seconds: 30 * 86_400)
        XCTAssertNil(app.live.staleness(asOf: d("2025-03-15")), "17 days after the end of 03-15 is under 30")
        // Wakes next at local midnight (the age ticks over): 2025-04-03 00:00 +08:00.
        XCTAssertEqual(app.nextLiveChange, WallTime(seconds: 1_743_609_600, utcOffset: 28_800))
        app.setStaleAfter(seconds: 17 * 86_400 + 14 * 3_600 + 3 * 60 + 12)
        XCTAssertNil(app.live.staleness(asOf: d("2025-03-15")), "exactly as old as the limit: not yet")
        app.setStaleAfter(seconds: 17 * 86_400 + 14 * 3_600 + 3 * 60 + 11)
        XCTAssertEqual(app.live.staleness(asOf: d("2025-03-15")), "snapshot older than 1519391s")
        app.setStaleAfter(seconds: 7 * 86_400)
        XCTAssertEqual(app.live.staleness(asOf: d("2025-03-15")), "snapshot older than 7d")
        XCTAssertTrue(statusLine(app, width: 200).hasPrefix(" 2025-03-15 │ STALE: snapshot older than 7d │ 18 days old │ 6 deployments"),
                      statusLine(app, width: 200))
        XCTAssertEqual(statusLine(app, width: 80),
                       " 2025-03-15 │ STALE │ 6 dep · 4 prov │ tracked 5 / claimed 72 deployments" + String(repeating: " ", count: 7),
                       "STALE stays, in its short form; the age gives way to it")

        // A snapshot dated today, loaded at 14:03:12: never stale by age today; with
        // --max-silence 1h, stale once no file has changed for an hour.
        var today = TestStore.app(width: 200, height: 40)
        let snapshot = Snapshot(file: "c.json", asOf: d("2025-04-02"), deployments: TestStore.deployments)
        today.apply(live: LiveUpdate(store: Store(snapshots: [snapshot]), loadedAt: loaded, checkedAt: loaded))
        today.setStaleAfter(seconds: 3_600)
        XCTAssertNil(today.nextLiveChange.flatMap { $0.seconds == loaded.seconds + 3_601 ? $0 : nil },
                     "--stale-after alone is about the snapshot's age, not the files' silence")
        today.setMaxSilence(seconds: 3_600)
        XCTAssertNil(today.live.staleness(asOf: d("2025-04-02")))
        let due = try XCTUnwrap(today.nextLiveChange)
        XCTAssertEqual(due.clock, "15:03:13", "an hour and a second after the load")
        XCTAssertEqual(due.seconds, loaded.seconds + 3_601)
        today.setClock(due)
        XCTAssertEqual(today.live.staleness(asOf: d("2025-04-02")), "no file change for 1h")
        XCTAssertTrue(statusLine(today, width: 200).contains("STALE: no file change for 1h"))
        today.handle(.character("!"))
        let pane = today.render(width: 200, height: 40).text
        XCTAssertTrue(pane.contains("STALE: no file change for 1h"), "! gives the reason")
        XCTAssertTrue(pane.contains("current file: c.json (asOf 2025-04-02, today)"), pane)
        XCTAssertTrue(pane.contains("data: Tests/data"), pane)
        today.handle(.escape)
        // A new load clears it.
        today.apply(live: LiveUpdate(store: nil, loadedAt: due, checkedAt: due))
        XCTAssertNil(today.live.staleness(asOf: d("2025-04-02")))
        XCTAssertFalse(statusLine(today, width: 200).contains("STALE"))
    }

    func testRAsksForAReloadAndShowsItUntilTheAnswerComes() {
        var app = TestStore.app(width: 200, height: 40)
        app.handle(.character("r"))
        XCTAssertTrue(app.live.reloadRequested)
        XCTAssertFalse(app.live.reloading, "not live (no reloader): nothing to wait for")
        app.reloadStarted()
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded))
        app.handle(.character("r"))
        XCTAssertTrue(app.live.reloadRequested)
        XCTAssertTrue(statusLine(app, width: 200).contains("│ reloading… │"), statusLine(app, width: 200))
        app.reloadStarted()
        XCTAssertFalse(app.live.reloadRequested, "passed on to the reloader")
        XCTAssertTrue(app.live.reloading)
        app.apply(live: LiveUpdate(store: nil, loadedAt: loaded, checkedAt: loaded.adding(seconds: 1)))
        XCTAssertFalse(app.live.reloading)
        XCTAssertFalse(statusLine(app, width: 200).contains("reloading"))
    }

    func testWallTimeInLocalTime() {
        XCTAssertEqual(loaded.clock, "14:03:12")
        XCTAssertEqual(loaded.day, d("2025-04-02"))
        XCTAssertEqual(WallTime(seconds: 1_743_573_792).clock, "06:03:12", "UTC")
        // One second before the epoch, in UTC and in UTC-5.
        XCTAssertEqual(WallTime(seconds: -1).day, d("1969-12-31"))
        XCTAssertEqual(WallTime(seconds: -1).clock, "23:59:59")
        XCTAssertEqual(WallTime(seconds: -1, utcOffset: -18_000).clock, "18:59:59")
        XCTAssertEqual(loaded.start(of: d("2025-04-03")).seconds, 1_743_609_600)
        XCTAssertEqual(LiveStatus.durationText(90 * 86_400), "90d")
        XCTAssertEqual(LiveStatus.durationText(12 * 3_600), "12h")
        XCTAssertEqual(LiveStatus.durationText(1_800), "30m")
        XCTAssertEqual(LiveStatus.durationText(45), "45s")
        XCTAssertEqual(StatusBar.ageText(0), "today")
        XCTAssertEqual(StatusBar.ageText(1), "1 day old")
        XCTAssertEqual(StatusBar.ageText(-2), "dated 2 days ahead")
    }
}
