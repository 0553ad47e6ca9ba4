import AdoptCore
import AdoptLive
import Foundation
import XCTest

/// The reloader's first state from the startup load: nothing read twice, every problem kept
/// with its file, and later refreshes compare against it.
final class StartingStateTests: XCTestCase {
    typealias T = SnapshotText
    private let utc = TimeZone(identifier: "UTC")!
    private let t0 = Date(timeIntervalSince1970: 1_741_600_800)  // 2025-03-10 10:00:00 UTC

    func testStartsFromTheStartupLoadWithEveryProblemInPlace() throws {
        let directory = try Write.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = (directory as NSString).appendingPathComponent("a.json")
        let b = (directory as NSString).appendingPathComponent("b.json")
        let missing = (directory as NSString).appendingPathComponent("missing.json")
        let bFull = T.document(asOf: "2025-03-10", rows: [T.futian, T.guangzhou, T.qapqal])
        try T.document(asOf: "2025-03-01", rows: [T.futian, T.guangzhou]).write(toFile: a, atomically: true, encoding: .utf8)
        try T.firstLines(bFull, 12).write(toFile: b, atomically: true, encoding: .utf8)

        let data = DataSet.load(paths: [directory, missing])
        let state = ReloadDecision.startingFrom(data, at: t0)
        XCTAssertEqual(state.files, [a, b])
        XCTAssertEqual(state.store.current.file, a)
        XCTAssertEqual(state.store.current.deployments.map(\.id), ["gd-futian", "gd-guangzhou"])
        XCTAssertEqual(state.pathProblems.map(\.file), [missing])
        XCTAssertEqual(state.problemsByFile[b], data.problems.filter { $0.file == b })
        XCTAssertEqual(state.problems, data.problems, "the same problems, path problems first as DataSet lists them")
        XCTAssertNil(state.problemsByFile[a])
        XCTAssertEqual(state.generation, 1)
        XCTAssertEqual(state.loadedAt, t0)

        // b.json fixed: the next state compares with the startup one.
        let fixed = ReloadDecision.apply(previous: state, results: [b: T.load(bFull, as: b)], presentFiles: [a, b],
                                         at: t0.addingTimeInterval(60), day: nil, timeZone: utc)
        XCTAssertEqual(fixed.store.current.file, b)
        XCTAssertEqual(fixed.problems, [])
        XCTAssertEqual(fixed.changedRegions.map(\.value).sorted(), [0, 650000, 654000, 654022],
                       "Qapqal, its prefecture, Xinjiang and the country")
        XCTAssertEqual(fixed.generation, 2)
    }

    func testKeepsAStoreAlreadyBuiltAndSaysWhatCouldNotBeLoaded() {
        let snapshot = T.load(T.document(asOf: "2025-03-01", rows: [T.futian]), as: "a.json").snapshot!
        let store = Store(snapshots: [snapshot])
        let state = ReloadDecision.startingFrom(files: ["a.json", "b.json"], snapshots: [snapshot], problems: [],
                                                store: store, at: t0)
        XCTAssertTrue(state.store === store, "not rebuilt")
        XCTAssertEqual(state.snapshotsByFile.keys.sorted(), ["a.json"])
        XCTAssertEqual(state.problems, [Problem(file: "b.json", line: 0, column: 0, path: "",
                                                message: "the file could not be loaded")])
        XCTAssertEqual(state.goodSince, ["a.json": t0])
        XCTAssertEqual(state.changedRegions, [])
        XCTAssertNil(state.refreshDiff)
    }
}
