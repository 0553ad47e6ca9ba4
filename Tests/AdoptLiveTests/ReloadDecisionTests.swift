import AdoptCore
@testable import AdoptLive
import XCTest

/// The reload rules on hand-made load results (no files, no threads): good file, bad file
/// after good, bad file never good, file removed, file fixed, newer file becomes current.
final class ReloadDecisionTests: XCTestCase {
    typealias T = SnapshotText
    private let utc = TimeZone(identifier: "UTC")!
    /// 2025-03-10 10:00:00 UTC, then a minute later, then two.
    private let t0 = Date(timeIntervalSince1970: 1_741_600_800)
    private var t1: Date { t0.addingTimeInterval(60) }
    private var t2: Date { t0.addingTimeInterval(125) }
    private func code(_ s: String) -> RegionCode { RegionCode(s)! }

    /// a.json as of 2025-03-01: Futian and Guangzhou.
    private let a1 = T.document(asOf: "2025-03-01", rows: [T.futian, T.guangzhou])
    /// b.json as of 2025-03-10: the same plus Qapqal.
    private let b1 = T.document(asOf: "2025-03-10", rows: [T.futian, T.guangzhou, T.qapqal])

    private func apply(_ previous: LiveState?, _ results: [String: String], present: [String],
                       at: Date, day: Day? = nil) -> LiveState {
        let loaded = Dictionary(uniqueKeysWithValues: results.map { ($0.key, T.load($0.value, as: $0.key)) })
        return ReloadDecision.apply(previous: previous, results: loaded,
                             presentFiles: present, at: at, day: day, timeZone: utc)
    }

    private func firstLoad() -> LiveState {
        apply(nil, ["a.json": a1], present: ["a.json"], at: t0)
    }

    func testGoodFileLoads() {
        let s = firstLoad()
        XCTAssertEqual(s.store.current.file, "a.json")
        XCTAssertEqual(s.store.current.deployments.map(\.id), ["gd-futian", "gd-guangzhou"])
        XCTAssertEqual(s.files, ["a.json"])
        XCTAssertEqual(s.problems, [])
        XCTAssertEqual(s.loadedAt, t0)
        XCTAssertEqual(s.checkedAt, t0)
        XCTAssertEqual(s.goodSince["a.json"], t0)
        XCTAssertEqual(s.changedRegions, [], "nothing to compare with on the first load")
        XCTAssertNil(s.refreshDiff)
        XCTAssertEqual(s.generation, 1)
        XCTAssertFalse(s.hasErrors)
    }

    func testBadFileAfterGoodKeepsLastGoodAndSaysSo() {
        let first = firstLoad()
        let s = apply(first, ["a.json": T.firstLines(a1, 12)], present: ["a.json"], at: t1)
        XCTAssertEqual(s.store.current.deployments.map(\.id), ["gd-futian", "gd-guangzhou"])
        XCTAssertTrue(s.store === first.store, "nothing good changed: the store is kept, not rebuilt")
        XCTAssertEqual(s.problems, [
            Problem(file: "a.json", line: 13, column: 1, path: "",
                    message: "unexpected end of file (the file is truncated or incomplete)"),
            Problem(file: "a.json", line: 0, column: 0, path: "",
                    message: "showing the last good version loaded at 10:00:00", severity: .warning),
        ])
        XCTAssertEqual(s.staleFiles, ["a.json"])
        XCTAssertTrue(s.hasErrors)
        XCTAssertEqual(s.loadedAt, t0, "the data shown is still the 10:00:00 load")
        XCTAssertEqual(s.checkedAt, t1)
        XCTAssertEqual(s.goodSince["a.json"], t0)
        XCTAssertEqual(s.changedRegions, [])
        XCTAssertNil(s.refreshDiff)
        XCTAssertEqual(s.generation, 2)

        // Still broken a minute later: still the 10:00:00 version, one warning, not two.
        let again = apply(s, ["a.json": "{"], present: ["a.json"], at: t2)
        XCTAssertEqual(again.problems.map { "\($0.line):\($0.column)" }, ["1:2", "0:0"])
        XCTAssertEqual(again.problems.last?.message, "showing the last good version loaded at 10:00:00")
        XCTAssertEqual(again.generation, 3)
    }

    func testBadFileNeverGoodGivesOnlyProblems() {
        let s = apply(nil, ["a.json": T.firstLines(a1, 12)], present: ["a.json"], at: t0)
        XCTAssertTrue(s.isEmpty)
        XCTAssertEqual(s.store.current.deployments.count, 0)
        XCTAssertEqual(s.problems.map(\.description),
                       ["a.json:13:1: error: unexpected end of file (the file is truncated or incomplete)"])
        XCTAssertEqual(s.staleFiles, [])
    }

    func testInvalidContentIsAProblemWithItsField() {
        let bad = a1.replacingOccurrences(of: "\"440100\"", with: "\"999999\"")
        let s = apply(firstLoad(), ["a.json": bad], present: ["a.json"], at: t1)
        XCTAssertEqual(s.problems.first?.line, 22)
        XCTAssertEqual(s.problems.first?.column, 17)
        XCTAssertEqual(s.problems.first?.path, "deployments[1].region")
        XCTAssertEqual(s.store.current.deployments.count, 2)
    }

    func testFileRemovedDropsItsSnapshotAndProblems() {
        let both = apply(nil, ["a.json": a1, "b.json": b1], present: ["a.json", "b.json"], at: t0)
        XCTAssertEqual(both.store.current.file, "b.json")
        let broken = apply(both, ["b.json": "nonsense"], present: ["a.json", "b.json"], at: t1)
        XCTAssertEqual(broken.problems.count, 2)

        // At b's date Qapqal (dated 03-05) is gone with b.
        let gone = apply(broken, [:], present: ["a.json"], at: t2, day: Day("2025-03-10"))
        XCTAssertEqual(gone.files, ["a.json"])
        XCTAssertNil(gone.snapshotsByFile["b.json"])
        XCTAssertEqual(gone.problems, [])
        XCTAssertEqual(gone.store.current.file, "a.json")
        XCTAssertEqual(gone.changedRegions, [code("654022"), code("654000"), code("650000"), .country])
        XCTAssertEqual(gone.loadedAt, t2)
        XCTAssertEqual(gone.refreshDiff?.removed.map(\.id), ["xj-qapqal"])

        // Compared at the new current date (03-01), before Qapqal began: nothing changed.
        let goneAtNewDate = apply(broken, [:], present: ["a.json"], at: t2)
        XCTAssertEqual(goneAtNewDate.changedRegions, [])

        let nothing = apply(gone, [:], present: [], at: t2)
        XCTAssertTrue(nothing.isEmpty)
        XCTAssertEqual(nothing.changedRegions,
                       [code("440304"), code("440300"), code("440100"), code("440000"), .country],
                       "with everything gone, compared where the old data stood (03-01)")
    }

    /// a.json fixed with new content: Futian now piloting, Guangzhou gone, Longgang added.
    func testFileFixedClearsTheProblemAndReportsWhatChanged() throws {
        let broken = apply(firstLoad(), ["a.json": "{"], present: ["a.json"], at: t1)
        XCTAssertTrue(broken.hasErrors)
        var futian = T.futian
        futian.status = "piloting"
        let fixed = apply(broken, ["a.json": T.document(asOf: "2025-03-01", rows: [futian, T.longgang])],
                          present: ["a.json"], at: t2)
        XCTAssertEqual(fixed.problems, [])
        XCTAssertEqual(fixed.staleFiles, [])
        XCTAssertEqual(fixed.goodSince["a.json"], t2)
        XCTAssertEqual(fixed.loadedAt, t2)
        XCTAssertEqual(fixed.store.current.deployments.map(\.id), ["gd-futian", "gd-longgang"])
        // Before: Futian 1, Shenzhen 1, Guangzhou 1, Guangdong 2. After: Futian 1, Longgang 1,
        // Shenzhen 2, Guangdong 2.
        XCTAssertEqual(fixed.changedRegions, [code("440307"), code("440300"), code("440100")])
        let diff = try XCTUnwrap(fixed.refreshDiff)
        XCTAssertEqual(diff.added.map(\.id), ["gd-longgang"])
        XCTAssertEqual(diff.removed.map(\.id), ["gd-guangzhou"])
        XCTAssertEqual(diff.changed, [.init(id: "gd-futian", fields: [.init(field: "status", old: "deployed", new: "piloting")])])
    }

    func testNewFileWithNewerDateBecomesCurrent() {
        let s = apply(firstLoad(), ["b.json": b1], present: ["a.json", "b.json"], at: t1)
        XCTAssertEqual(s.store.current.file, "b.json")
        XCTAssertEqual(s.store.snapshots.map(\.file), ["a.json", "b.json"])
        XCTAssertEqual(s.goodSince, ["a.json": t0, "b.json": t1])
        XCTAssertEqual(s.changedRegions, [code("654022"), code("654000"), code("650000"), .country])
        XCTAssertEqual(s.refreshDiff?.from, SnapshotIdentity(file: "a.json", asOf: Day("2025-03-01")!))
        XCTAssertEqual(s.refreshDiff?.to, SnapshotIdentity(file: "b.json", asOf: Day("2025-03-10")!))
        XCTAssertEqual(s.refreshDiff?.added.map(\.id), ["xj-qapqal"])
        XCTAssertEqual(s.refreshDiff?.changed, [])
    }

    /// A file not read again keeps its problems; a valid file with warnings keeps those.
    func testFilesNotReadAgainKeepTheirState() {
        let withWarning = a1.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1,\n  \"colour\": \"red\",")
        let s1 = apply(nil, ["a.json": withWarning, "c.json": "[]"], present: ["a.json", "c.json"], at: t0)
        XCTAssertEqual(s1.problems.map(\.severity), [.warning, .error])
        XCTAssertEqual(s1.problems.first?.path, "colour")
        XCTAssertNotNil(s1.snapshotsByFile["a.json"])
        let s2 = apply(s1, ["b.json": b1], present: ["a.json", "b.json", "c.json"], at: t1)
        XCTAssertEqual(s2.problems.map(\.file), ["a.json", "c.json"])
        XCTAssertEqual(s2.files, ["a.json", "b.json", "c.json"])
    }

    func testPathProblemsComeFirst() {
        let missing = Problem(file: "nowhere", line: 0, column: 0, path: "", message: "no such file or directory")
        let s = ReloadDecision.apply(previous: nil, results: ["c.json": T.load("[]", as: "c.json")],
                                     presentFiles: ["c.json"], pathProblems: [missing], at: t0, day: nil)
        XCTAssertEqual(s.problems.first, missing)
        XCTAssertEqual(s.problems.count, 2)
        XCTAssertEqual(s.pathProblems, [missing])
    }
}
