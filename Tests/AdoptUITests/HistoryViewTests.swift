import AdoptCore
@testable import AdoptUI
import XCTest

/// While the older snapshot files are read in the background, what needs them (known-by
/// counts before the current snapshot, the ±since column, `d`, the `!` pane's count) says
/// "history n/K" instead of showing numbers made from part of the files; once read, the
/// views show exactly what an eager load shows.
final class HistoryViewTests: XCTestCase {
    let d = TestStore.day
    let loaded = WallTime(seconds: 1_743_573_792, utcOffset: 28_800)

    /// Three snapshots as in `DiffPaneTests`: 2025-02-20, 2025-03-10, 2025-03-15.
    var snapshots: [Snapshot] {
        let byID = DiffPaneTests.byID
        func dep(_ id: String) -> Deployment { byID[id]! }
        let s0 = Snapshot(file: "Data/2025-02-20.json", asOf: d("2025-02-20"), sources: TestStore.sources,
                          deployments: [dep("gd-futian"), dep("bj-fengtai")])
        let s1 = Snapshot(file: "Data/2025-03-10.json", asOf: d("2025-03-10"), sources: TestStore.sources,
                          deployments: [dep("gd-futian"), dep("gd-shenzhen-hospital"), dep("bj-fengtai"), dep("zj-ningbo-port")])
        let s2 = Snapshot(file: "Data/2025-03-15.json", asOf: d("2025-03-15"), sources: TestStore.sources,
                          deployments: [dep("gd-futian"), dep("gd-shenzhen-hospital"), dep("zj-ningbo-port"),
                                        dep("gd-guangzhou-metro"), dep("xj-qapqal")])
        return [s0, s1, s2]
    }

    func knownByApp(_ store: Store, history: HistoryProgress?) -> App {
        var app = App(store: store, dataPath: "Data", width: 160, height: 40)
        app.apply(live: LiveUpdate(store: store, loadedAt: loaded, checkedAt: loaded, history: history))
        app.setCountingMode(.knownBy)
        _ = app.setDate(d("2025-03-12"))
        return app
    }

    func testViewsSayHistoryUntilReadThenMatchAnEagerLoad() throws {
        let newestAlone = Store(snapshots: [snapshots[2]])
        var app = knownByApp(newestAlone, history: HistoryProgress(loaded: 1, total: 2))
        XCTAssertTrue(app.counting === newestAlone.nothingKnown, "nothing counted from part of the files")
        let status = app.render(width: 160, height: 40).lines.last!
        XCTAssertTrue(status.contains("waiting for history 1/2"), status)
        XCTAssertTrue(app.tableExtras.historyPending, "±since waits")
        XCTAssertTrue(app.opsLines.joined().contains("1 snapshot loaded, history 1/2"), app.opsLines.joined())
        app.handle(.character("d"))
        XCTAssertTrue(app.render(width: 160, height: 40).text.contains("Loading history (history 1/2)"))
        app.handle(.character("d"))

        // History complete: a new store with every snapshot, as the reloader delivers it.
        let complete = Store(snapshots: snapshots)
        app.apply(live: LiveUpdate(store: complete, loadedAt: loaded, checkedAt: loaded, history: nil))
        let eager = knownByApp(Store(snapshots: snapshots), history: nil)
        XCTAssertEqual(app.figures.country?.count, eager.figures.country?.count)
        XCTAssertEqual(app.figures.provinces.map(\.count), eager.figures.provinces.map(\.count))
        XCTAssertEqual(app.counting.current.file, "Data/2025-03-10.json")
        XCTAssertFalse(app.tableExtras.historyPending)
        XCTAssertEqual(app.tableExtras.before, eager.tableExtras.before)
        XCTAssertEqual(app.tableExtras.since, d("2025-02-20"))
        XCTAssertFalse(app.render(width: 160, height: 40).lines.last!.contains("history"))
        app.handle(.character("d"))
        guard case .diff(let view)? = app.overlay else { return XCTFail("no diff pane") }
        XCTAssertEqual(view.diff, SnapshotDiff(from: snapshots[1], to: snapshots[2]))
        XCTAssertTrue(app.opsLines.joined().contains("3 snapshots loaded"))
    }

    func testDatedByAndTheCurrentDateNeedNoHistory() {
        let newestAlone = Store(snapshots: [snapshots[2]])
        var app = App(store: newestAlone, dataPath: "Data", width: 160, height: 40)
        app.apply(live: LiveUpdate(store: newestAlone, loadedAt: loaded, checkedAt: loaded,
                                   history: HistoryProgress(loaded: 0, total: 2)))
        XCTAssertTrue(app.counting === newestAlone)
        app.setCountingMode(.knownBy)
        XCTAssertEqual(app.date, d("2025-03-15"))
        XCTAssertTrue(app.counting === newestAlone, "known by the current snapshot's date is the current snapshot")
        let status = app.render(width: 160, height: 40).lines.last!
        XCTAssertTrue(status.contains("history 0/2") && !status.contains("waiting"), status)
    }
}

/// Large older snapshots are kept light and read again in the background (`HistoryLoads`):
/// the known-by counts and `d` say "loading history…" and then show what the eager load does.
final class LightHistoryTests: XCTestCase {
    private static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path

    func testKnownByAndDiffReadLightSnapshotsInTheBackground() throws {
        let snapshots = DataSet.load(paths: [LightHistoryTests.data]).snapshots
            .sorted { ($0.asOf, $0.file) < ($1.asOf, $1.file) }
        XCTAssertGreaterThan(snapshots.count, 2)
        let light = snapshots.dropLast().map { $0.lightened(limit: 0) } + [snapshots.last!]
        let store = Store(snapshots: light)
        var app = App(store: store, dataPath: "Data", width: 160, height: 40)
        let woken = XCTestExpectation(description: "read in the background")
        woken.assertForOverFulfill = false
        let loads = HistoryLoads { woken.fulfill() }
        loads.queue.suspend()
        app.historyLoads = loads
        app.setCountingMode(.knownBy)
        let day = Day("2025-04-01")!
        _ = app.setDate(day)
        XCTAssertTrue(app.counting === store.nothingKnown, "not read on the input thread")
        XCTAssertTrue(app.render(width: 160, height: 40).lines.last!.contains("loading history…"))
        loads.queue.resume()
        wait(for: [woken], timeout: 20)
        app.takeHistoryLoads()

        var eager = App(store: Store(snapshots: snapshots), dataPath: "Data", width: 160, height: 40)
        eager.setCountingMode(.knownBy)
        _ = eager.setDate(day)
        XCTAssertEqual(app.counting.current.file, eager.counting.current.file)
        XCTAssertEqual(app.figures.country?.count, eager.figures.country?.count)
        XCTAssertEqual(app.figures.provinces.map(\.count), eager.figures.provinces.map(\.count))
        XCTAssertFalse(app.render(width: 160, height: 40).lines.last!.contains("loading history"))

        let diffRead = XCTestExpectation(description: "diff made in the background")
        diffRead.assertForOverFulfill = false
        let diffLoads = HistoryLoads { diffRead.fulfill() }
        diffLoads.queue.suspend()
        app.historyLoads = diffLoads
        app.handle(.character("d"))
        guard case .diff(let waiting)? = app.overlay else { return XCTFail("no diff pane") }
        XCTAssertTrue(waiting.loading)
        XCTAssertTrue(app.render(width: 160, height: 40).text.contains("Loading history"))
        diffLoads.queue.resume()
        wait(for: [diffRead], timeout: 20)
        app.takeHistoryLoads()
        guard case .diff(let view)? = app.overlay else { return XCTFail("no diff pane") }
        let n = snapshots.count
        XCTAssertEqual(view.diff, SnapshotDiff(from: snapshots[n - 2], to: snapshots[n - 1]))
    }
}
