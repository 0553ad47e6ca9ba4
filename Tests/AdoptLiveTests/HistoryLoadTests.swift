import AdoptCore
import AdoptLive
import Foundation
import XCTest

/// The dashboard's startup reads the newest valid file alone (`StartupLoad`); the reloader
/// reads the older files afterwards, one per step; large older snapshots are kept light and
/// read again on demand. Whatever the route, the history views end up with exactly what an
/// eager load gives.
final class HistoryLoadTests: XCTestCase {
    typealias T = SnapshotText
    private static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path
    private var directory = ""
    private let t0 = Date(timeIntervalSince1970: 1_741_600_800)

    override func setUpWithError() throws {
        directory = try Write.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// The shipped snapshots copied into the temporary directory (7 files, 2025-02-18 to 2026-01-31).
    private func copyShipped() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: HistoryLoadTests.data)
            .filter { $0.hasSuffix(".json") }.sorted()
        for n in names {
            try FileManager.default.copyItem(atPath: (HistoryLoadTests.data as NSString).appendingPathComponent(n), toPath: path(n))
        }
        return names.map(path)
    }

    /// Loads with `StartupLoad`, counting the files read.
    private func startup(_ paths: [String]) -> (StartupLoad, [String]) {
        var reads: [String] = []
        let load = StartupLoad.load(paths: paths, eagerHistoryBytes: 0) { file in
            reads.append(file)
            return SnapshotLoader.load(file: file)
        }
        return (load, reads)
    }

    // MARK: The first frame's load

    func testReadsOnlyTheNewestValidFile() throws {
        let files = try copyShipped()
        let (load, reads) = startup([directory])
        let eager = DataSet.load(paths: [directory])
        XCTAssertEqual(reads, [files.last!], "one file parsed")
        XCTAssertEqual(load.files, eager.files)
        XCTAssertEqual(load.newest.map(SnapshotIdentity.init), eager.current.map(SnapshotIdentity.init))
        XCTAssertEqual(load.newest?.deployments.map(\.id), eager.current?.deployments.map(\.id))
        XCTAssertEqual(load.history, files.dropLast().reversed(), "the rest, newest first")
        XCTAssertEqual(load.problems, [])
    }

    func testASmallHistoryIsReadAtOnce() throws {
        let files = try copyShipped()
        var reads: [String] = []
        let load = StartupLoad.load(paths: [directory]) { reads.append($0); return SnapshotLoader.load(file: $0) }
        XCTAssertEqual(reads, [files.last!] + files.dropLast().reversed())
        XCTAssertEqual(load.history, [])
        let state = ReloadDecision.startingFrom(load, at: t0)
        XCTAssertNil(state.history)
        try assertSameHistory(state.store, Store(snapshots: DataSet.load(paths: [directory]).snapshots))
    }

    func testAnInvalidNewestFileFallsBackToTheNextWithItsProblems() throws {
        _ = try copyShipped()
        let broken = path("2026-02-28.json")
        let full = T.document(asOf: "2026-02-28", rows: [T.futian, T.guangzhou])
        try T.firstLines(full, 12).write(toFile: broken, atomically: true, encoding: .utf8)
        let (load, reads) = startup([directory])
        let eager = DataSet.load(paths: [directory])
        XCTAssertEqual(reads, [broken, path("2026-01-31.json")])
        XCTAssertEqual(load.newest?.file, path("2026-01-31.json"))
        XCTAssertEqual(load.problems, eager.problems, "the broken file's problems, as an eager load reports them")
        XCTAssertFalse(load.problems.isEmpty)
        XCTAssertFalse(load.history.contains(broken))
        XCTAssertEqual(load.history.count, 6)
    }

    func testAFileWhoseAsOfCannotBeReadIsParsedToKnow() throws {
        _ = try copyShipped()
        // No readable asOf: the escape hides it from the lenient reader; it is valid and newest.
        let hidden = path("zz-hidden.json")
        try T.document(asOf: "2026-03-01", rows: [T.futian]).replacingOccurrences(of: "\"asOf\": \"2026-03-01\"",
            with: "\"asOf\": \"2026\\u002d03-01\"").write(toFile: hidden, atomically: true, encoding: .utf8)
        // And one that has none at all (invalid).
        let none = path("aa-none.json")
        try "{\"format\": \"adopt.snapshot\"".write(toFile: none, atomically: true, encoding: .utf8)
        let (load, reads) = startup([directory])
        let eager = DataSet.load(paths: [directory])
        XCTAssertEqual(Set(reads), [hidden, none], "both parsed; no dated file needed after the hidden one")
        XCTAssertEqual(load.newest?.file, eager.current?.file)
        XCTAssertEqual(load.newest?.asOf, eager.current?.asOf)
        XCTAssertEqual(load.problems, eager.problems)
        XCTAssertEqual(load.history.count, 7)
    }

    // MARK: History in the background

    /// Reads `state`'s pending history one file per step, as the reloader does.
    private func readHistory(from state: LiveState, progress: inout [HistoryProgress?]) -> LiveState {
        var state = state
        while let next = state.historyPending.first {
            state = ReloadDecision.apply(previous: state, results: [next: SnapshotLoader.load(file: next)],
                                         presentFiles: state.files, at: t0, day: nil)
            progress.append(state.history)
        }
        return state
    }

    func testHistoryReadStepByStepGivesWhatAnEagerLoadGives() throws {
        _ = try copyShipped()
        let (load, _) = startup([directory])
        let start = ReloadDecision.startingFrom(load, at: t0)
        XCTAssertEqual(start.history, HistoryProgress(loaded: 0, total: 6))
        XCTAssertEqual(start.store.snapshots.count, 1)
        XCTAssertEqual(start.problems, [], "unread files are no problem")
        var progress: [HistoryProgress?] = []
        let done = readHistory(from: start, progress: &progress)
        XCTAssertEqual(progress, (1...5).map { HistoryProgress(loaded: $0, total: 6) } + [nil])
        XCTAssertEqual(done.changedRegions, [], "history changes no count of the current snapshot")
        XCTAssertNil(done.refreshDiff)
        XCTAssertEqual(done.store.current.file, start.store.current.file)
        XCTAssertTrue(done.store.counts(at: done.store.current.asOf) == start.store.counts(at: start.store.current.asOf))
        try assertSameHistory(done.store, Store(snapshots: DataSet.load(paths: [directory]).snapshots))
    }

    func testLightOlderSnapshotsAreReadAgainWithTheSameResults() throws {
        _ = try copyShipped()
        let eager = Store(snapshots: DataSet.load(paths: [directory]).snapshots)
        let light = eager.snapshots.dropLast().map { $0.lightened(limit: 0) } + [eager.current]
        XCTAssertTrue(light.dropLast().allSatisfy { !$0.resident && $0.deployments.count == 0 })
        let store = Store(snapshots: light)
        let day = Day("2025-04-01")!
        XCTAssertFalse(store.knownByIsReady(day))
        _ = store.knownBy(day)
        XCTAssertTrue(store.knownByIsReady(day), "kept once read")
        try assertSameHistory(store, eager)
    }

    /// Known-by counts at every snapshot date and between, `previous(of:)`, and every
    /// consecutive diff agree.
    private func assertSameHistory(_ store: Store, _ eager: Store, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(store.snapshots.map(SnapshotIdentity.init), eager.snapshots.map(SnapshotIdentity.init), file: file, line: line)
        let days = eager.snapshots.flatMap { [$0.asOf, $0.asOf.adding(days: -1), $0.asOf.adding(days: 3)] }
        for day in days {
            let a = store.knownBy(day), b = eager.knownBy(day)
            XCTAssertEqual(a.current.deployments.map(\.id), b.current.deployments.map(\.id), "\(day)", file: file, line: line)
            XCTAssertTrue(a.counts(at: day) == b.counts(at: day), "known by \(day)", file: file, line: line)
            let pa = store.previous(of: a), pb = eager.previous(of: b)
            XCTAssertEqual(pa.map { SnapshotIdentity($0.current) }, pb.map { SnapshotIdentity($0.current) }, file: file, line: line)
            if let pa, let pb { XCTAssertTrue(pa.counts(at: day) == pb.counts(at: day), file: file, line: line) }
        }
        for k in 1..<eager.snapshots.count {
            XCTAssertEqual(SnapshotDiff(from: store.resolved(k - 1), to: store.resolved(k)),
                           SnapshotDiff(from: eager.snapshots[k - 1], to: eager.snapshots[k]), file: file, line: line)
        }
    }

    // MARK: The reloader

    func testTheReloaderReadsHistoryAndAReloadMeanwhileLosesNothing() throws {
        _ = try copyShipped()
        let (load, _) = startup([directory])
        let inbox = Inbox<LiveState>()
        let reloader = Reloader(paths: [directory], initial: ReloadDecision.startingFrom(load, at: t0)) { inbox.receive($0) }
        defer { reloader.stop() }
        // A new newest file arrives while history is being read.
        let newest = path("2026-02-28.json")
        let complete = try inbox.next("history complete with the new file", timeout: 20, in: self,
                                      where: { $0.history == nil && $0.files.contains(newest) && $0.store.current.file == newest }) {
            try reloader.start(polling: true)
            try Write.whole(Array(T.document(asOf: "2026-02-28", rows: [T.futian, T.qapqal]).utf8), to: newest)
        }
        let state = try XCTUnwrap(complete)
        let eager = DataSet.load(paths: [directory])
        XCTAssertEqual(state.problems, eager.problems)
        try assertSameHistory(state.store, Store(snapshots: eager.snapshots))
    }
}
