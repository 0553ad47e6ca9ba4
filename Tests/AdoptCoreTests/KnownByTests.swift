import AdoptCore
import XCTest

/// "Known by" counts what the snapshot current on a day held; "dated by" counts the current
/// snapshot's deployments dated by that day, which include facts reported later.
final class KnownByTests: XCTestCase {
    let store = ReconcileTests.store

    func testKnownByUsesTheSnapshotCurrentThatDay() throws {
        let march10 = Day("2025-03-10")!
        let snapshot = try XCTUnwrap(store.snapshots.first { $0.asOf == march10 })
        let known = store.knownBy(march10)
        XCTAssertEqual(known.current.asOf, march10)
        XCTAssertEqual(known.counts(at: march10).total, snapshot.deployments.count)
        let dated = store.counts(at: march10).total
        XCTAssertGreaterThan(dated, snapshot.deployments.count,
                             "facts dated by 03-10 but reported later are counted dated-by, not known-by")
    }

    func testBetweenSnapshotsTheEarlierOneIsCurrent() {
        let known = store.knownBy(Day("2025-03-20")!)
        XCTAssertEqual(known.current.asOf, Day("2025-03-10")!)
        XCTAssertTrue(store.knownBy(store.current.asOf) === store, "the newest snapshot is this store")
    }

    func testNothingIsKnownBeforeTheFirstSnapshot() {
        let known = store.knownBy(Day("2025-02-01")!)
        XCTAssertEqual(known.counts(at: Day("2025-02-01")!).total, 0)
        XCTAssertNil(store.snapshotIndex(knownBy: Day("2025-02-01")!))
        XCTAssertTrue(store.knownBy(Day("2025-02-05")!) === known, "made once")
    }
}
