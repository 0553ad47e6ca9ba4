import AdoptCore
@testable import AdoptUI
import XCTest

/// The `d` pane: which rows show what, the pair keys, the cache, following a reload, and
/// goldens small and large (Chinese names take two columns).
final class DiffPaneTests: XCTestCase {
    let d = TestStore.day
    static let byID = Dictionary(uniqueKeysWithValues: TestStore.deployments.map { ($0.id, $0) })
    func dep(_ id: String) -> Deployment { DiffPaneTests.byID[id]! }

    /// 2025-02-20: Futian and Fengtai.
    var s0: Snapshot {
        Snapshot(file: "Data/2025-02-20.json", asOf: d("2025-02-20"), sources: TestStore.sources,
                 deployments: [dep("gd-futian"), dep("bj-fengtai")])
    }
    /// 2025-03-10: the hospital piloting, Fengtai, the port.
    var s1: Snapshot {
        Snapshot(file: "Data/2025-03-10.json", asOf: d("2025-03-10"), sources: TestStore.sources,
                 deployments: [dep("gd-futian"), dep("gd-shenzhen-hospital"), dep("bj-fengtai"), dep("zj-ningbo-port")])
    }
    /// 2025-03-15: Fengtai gone; the hospital deployed with Qwen too; the metro and Qapqal new.
    var s2: Snapshot {
        let h = dep("gd-shenzhen-hospital")
        let hospital = Deployment(id: h.id, region: h.region, organization: h.organization, date: h.date,
                                  status: .deployed, sector: h.sector, models: ["DeepSeek-R1", "Qwen"],
                                  useCases: h.useCases, sources: h.sources)
        return Snapshot(file: "Data/2025-03-15.json", asOf: d("2025-03-15"), sources: TestStore.sources,
                        deployments: [dep("gd-futian"), hospital, dep("zj-ningbo-port"), dep("gd-guangzhou-metro"),
                                      dep("xj-qapqal")])
    }

    func app(_ snapshots: [Snapshot], width: Int = 100, height: Int = 30) -> App {
        App(store: Store(snapshots: snapshots), dataPath: "Data", width: width, height: height)
    }

    func pane(_ app: App, width: Int, height: Int) throws -> Grid {
        guard case .diff(let view)? = app.overlay else { throw XCTSkip("no diff pane open") }
        var grid = Grid(width: width, height: height)
        DiffPane(view: view, snapshots: app.store.snapshots.map { SnapshotIdentity($0) }, gazetteer: app.store.gazetteer)
            .draw(into: &grid, over: Rect(row: 0, column: 0, width: width, height: height))
        return grid
    }

    func view(_ app: App) -> DiffView? {
        if case .diff(let v)? = app.overlay { return v }
        return nil
    }

    func testRowsAreSectionsUnderHeadingsWithAFieldRowPerChange() {
        let diff = SnapshotDiff(from: s1, to: s2)
        XCTAssertEqual(diff.added.map(\.id), ["gd-guangzhou-metro", "xj-qapqal"])
        XCTAssertEqual(diff.removed.map(\.id), ["bj-fengtai"])
        XCTAssertEqual(diff.changed.map(\.id), ["gd-shenzhen-hospital"])
        XCTAssertEqual(diff.changed[0].fields.map(\.field), ["status", "models"])
        let rows = DiffRows(diff)
        // Added (2) + 2, Removed (1) + 1, Changed (1) + the id + 2 fields.
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual((0..<10).map { rows.row($0) }, [
            .heading("Added (2)"), .added(0), .added(1), .heading("Removed (1)"), .removed(0),
            .heading("Changed (1)"), .changed(0), .field(change: 0, field: 0), .field(change: 0, field: 1), nil,
        ])
        XCTAssertEqual(rows.idWidth, 18, "gd-guangzhou-metro")
    }

    func testRowsOfManyChangesFindTheirChange() {
        // Five deployments changed in 1, 2, 3, 1 and 2 fields (status; + organization; + note).
        let day = d("2025-03-01")
        var old: [Deployment] = [], new: [Deployment] = []
        for (i, n) in [1, 2, 3, 1, 2].enumerated() {
            old.append(Deployment(id: "c\(i)", region: .futian, organization: "a", date: day, status: .piloting,
                                  sector: .government))
            new.append(Deployment(id: "c\(i)", region: .futian, organization: n >= 2 ? "b" : "a", date: day,
                                  status: .deployed, sector: .government, note: n >= 3 ? "n" : nil))
        }
        let diff = SnapshotDiff(from: Snapshot(file: "a", asOf: day, deployments: old),
                                to: Snapshot(file: "b", asOf: day, deployments: new))
        XCTAssertEqual(diff.changed.map(\.fields.count), [1, 2, 3, 1, 2])
        let rows = DiffRows(diff)
        // The heading, then each change's id row at 1, 3, 6, 10, 12 with its fields after it.
        XCTAssertEqual(rows.count, 15)
        XCTAssertEqual(rows.row(0), .heading("Changed (5)"))
        XCTAssertEqual(rows.row(1), .changed(0))
        XCTAssertEqual(rows.row(2), .field(change: 0, field: 0))
        XCTAssertEqual(rows.row(6), .changed(2))
        XCTAssertEqual(rows.row(9), .field(change: 2, field: 2))
        XCTAssertEqual(rows.row(10), .changed(3))
        XCTAssertEqual(rows.row(12), .changed(4))
        XCTAssertEqual(rows.row(14), .field(change: 4, field: 1))
        XCTAssertNil(rows.row(15))
        XCTAssertNil(rows.row(-1))
    }

    func testDOpensTheNewestPairAndKeysPickAnother() throws {
        var app = app([s0, s1, s2])
        app.handle(.character("d"))
        var v = try XCTUnwrap(view(app))
        XCTAssertEqual([v.from, v.to], [1, 2], "the current snapshot and the one before it")
        XCTAssertEqual(v.diff?.from.file, "Data/2025-03-10.json")
        app.handle(.character("["))
        v = try XCTUnwrap(view(app))
        XCTAssertEqual([v.from, v.to], [0, 2])
        XCTAssertEqual(v.diff?.added.map(\.id), ["gd-guangzhou-metro", "gd-shenzhen-hospital", "xj-qapqal", "zj-ningbo-port"])
        app.handle(.left)
        XCTAssertEqual(view(app)?.from, 0, "clamped at the oldest")
        app.handle(.character(">"))
        XCTAssertEqual(view(app)?.to, 2, "clamped at the newest")
        app.handle(.character("<"))
        XCTAssertEqual([view(app)?.from, view(app)?.to], [0, 1])
        app.handle(.right)
        v = try XCTUnwrap(view(app))
        XCTAssertEqual([v.from, v.to], [1, 1])
        XCTAssertEqual(v.diff?.isEmpty, true, "a snapshot against itself")
        XCTAssertTrue(try pane(app, width: 100, height: 12).text.contains("No differences: the same deployments, field for field."))
        XCTAssertEqual(app.live.diffCache.count, 4, "(1,2), (0,2), (0,1), (1,1): each computed once")
        app.handle(.escape)
        XCTAssertNil(app.overlay)
        app.handle(.character("d"))
        XCTAssertEqual(app.live.diffCache.count, 4, "reopening takes the cached diff")
        app.handle(.character("d"))
        XCTAssertNil(app.overlay, "d closes it again")
    }

    func testWithOneSnapshotThereIsNothingToCompare() throws {
        var app = TestStore.app()
        app.handle(.character("d"))
        XCTAssertNil(view(app)?.diff)
        let text = try pane(app, width: 80, height: 10).text
        XCTAssertTrue(text.contains("Only one snapshot is loaded: there is nothing to compare it with."), text)
    }

    func testAReloadWithANewSnapshotMovesTheNewestPairAlong() throws {
        var app = app([s0, s1])
        app.handle(.character("d"))
        XCTAssertEqual([view(app)?.from, view(app)?.to], [0, 1])
        let t = WallTime(seconds: 1_743_573_792)
        app.apply(live: LiveUpdate(store: Store(snapshots: [s0, s1, s2]), loadedAt: t, checkedAt: t))
        let v = try XCTUnwrap(view(app))
        XCTAssertEqual([v.from, v.to], [1, 2], "it showed the newest pair, so it shows the new newest pair")
        XCTAssertEqual(v.diff?.added.map(\.id), ["gd-guangzhou-metro", "xj-qapqal"])
        XCTAssertEqual(app.live.diffCache.count, 1, "the old store's diffs were dropped")

        // A pair the user picked stays picked.
        app.handle(.character("["))
        app.apply(live: LiveUpdate(store: Store(snapshots: [s0, s1, s2]), loadedAt: t, checkedAt: t))
        XCTAssertEqual([view(app)?.from, view(app)?.to], [0, 2])
    }

    func testSmallDiffGolden() throws {
        var app = app([s0, s1, s2])
        app.handle(.character("d"))
        assertGolden(try pane(app, width: 100, height: 16), named: "diff-small-100x16")
    }

    /// 300 new deployments in Futian with Chinese names, and 40 changed notes.
    func largeApp() -> App {
        let base = (0..<40).map { i in
            Deployment(id: String(format: "gd-futian-%03d", i), region: .futian, organization: "福田区第\(i)服务中心",
                       date: d("2025-03-01"), status: .piloting, sector: .government, note: "试点")
        }
        let changed = base.map { b in
            Deployment(id: b.id, region: b.region, organization: b.organization, date: b.date, status: .deployed,
                       sector: b.sector, note: "全面上线 fully deployed across the district's 10 streets")
        }
        let added = (0..<300).map { i in
            Deployment(id: String(format: "gd-new-%03d", i), region: i % 2 == 0 ? .futian : .guangzhou,
                       organization: "深圳市福田区政务服务数据管理局第\(i)号窗口 Window \(i)",
                       date: d("2025-03-14"), status: .deployed, sector: .government)
        }
        let old = Snapshot(file: "Data/2025-03-10.json", asOf: d("2025-03-10"), deployments: base)
        let new = Snapshot(file: "Data/2025-03-15.json", asOf: d("2025-03-15"), deployments: changed + added)
        return App(store: Store(snapshots: [old, new]), dataPath: "Data", width: 80, height: 24)
    }

    func testLargeDiffScrollsAndDrawsOnlyWhatIsOnScreen() throws {
        var app = largeApp()
        app.handle(.character("d"))
        var v = try XCTUnwrap(view(app))
        // Added (300) + 300, Changed (40) + 40 × (id + status + note).
        XCTAssertEqual(v.rows.count, 301 + 1 + 40 * 3)
        // 80x24: the pane is 76x21 over 23 rows; inside 19 rows, 3 of them the header.
        XCTAssertEqual(DiffPane.bodyHeight(screenWidth: 80, screenHeight: 24), 16)
        app.handle(.pageDown)
        XCTAssertEqual(view(app)?.scroll, 15)
        app.handle(.end)
        v = try XCTUnwrap(view(app))
        XCTAssertEqual(v.scroll, 422 - 16)
        app.handle(.down)
        XCTAssertEqual(view(app)?.scroll, 406, "clamped: the last screenful stays full")
        assertGolden(try pane(app, width: 80, height: 23), named: "diff-large-80x23-end")
        app.handle(.home)
        app.handle(.down)
        app.handle(.down)
        assertGolden(try pane(app, width: 80, height: 23), named: "diff-large-80x23-top")
    }
}
