import AdoptCore
import XCTest

/// The shipped Data/ directory must validate and meet the data set's promises.
final class ShippedDataTests: XCTestCase {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data").path

    func testShippedDataValidatesWithoutProblems() {
        let data = DataSet.load(paths: [Self.dataDirectory])
        XCTAssertEqual(data.problems.map(\.description), [])
        XCTAssertGreaterThanOrEqual(data.snapshots.count, 3, "several snapshots, so history is real")
    }

    func testCurrentSnapshotIsRealAndSourced() throws {
        let store = DataSet.load(paths: [Self.dataDirectory]).makeStore()
        let current = store.current
        XCTAssertFalse(current.synthetic)
        XCTAssertGreaterThanOrEqual(current.deployments.count, 40)
        let provinces = Set(current.deployments.map(\.region.provinceCode))
        XCTAssertGreaterThanOrEqual(provinces.count, 15)
        for d in current.deployments {
            XCTAssertFalse(d.sources.isEmpty, d.id)
            XCTAssertEqual(store.record(id: d.id)?.sources.count, d.sources.count, d.id)
        }
        XCTAssertNotNil(current.claims.first { $0.value == 72 }, "Zhiding's 72 governments")
        XCTAssertFalse(current.events.isEmpty)
    }

    func testIdsAreStableAcrossSnapshots() {
        let snapshots = DataSet.load(paths: [Self.dataDirectory]).snapshots.sorted { $0.asOf < $1.asOf }
        guard let newest = snapshots.last else { return XCTFail("no snapshots") }
        let newestIDs = Set(newest.deployments.map(\.id))
        for s in snapshots.dropLast() {
            // A deployment once reported stays reported (or is deliberately removed: none are, today).
            XCTAssertTrue(Set(s.deployments.map(\.id)).isSubset(of: newestIDs), s.file)
        }
    }
}
