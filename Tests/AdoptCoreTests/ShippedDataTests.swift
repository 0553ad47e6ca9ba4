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
        XCTAssertGreaterThanOrEqual(current.deployments.count, 110)
        XCTAssertGreaterThanOrEqual(current.asOf, Day("2025-12-31")!, "the registry runs through 2025")
        let provinces = Set(current.deployments.map(\.region.provinceCode))
        XCTAssertGreaterThanOrEqual(provinces.count, 26, "of the 34 provincial-level divisions")
        let government = Set(current.deployments.filter { $0.sector == .government }.map(\.organization))
        XCTAssertGreaterThanOrEqual(government.count, 75, "distinct government adopters")
        let withBody = current.deployments.filter { $0.body != nil }.count
        XCTAssertGreaterThanOrEqual(Double(withBody), 0.9 * Double(current.deployments.count), "body on 90%")
        for d in current.deployments {
            XCTAssertFalse(d.sources.isEmpty, d.id)
            XCTAssertEqual(store.record(id: d.id)?.sources.count, d.sources.count, d.id)
            if d.uncertain { XCTAssertNotNil(d.note, "\(d.id): an uncertain record says why") }
        }
        XCTAssertNotNil(current.claims.first { $0.value == 72 }, "Zhiding's 72 governments")
        XCTAssertNotNil(current.claims.first { $0.value == 320 }, "Tsinghua's 320 regions and departments")
        XCTAssertTrue(current.claims.allSatisfy { $0.counts != ClaimCounts() || $0.counts.unit == .deployments })
        XCTAssertFalse(current.events.isEmpty)
        let analysed = current.events.filter { $0.analysis != nil }
        XCTAssertGreaterThanOrEqual(analysed.count, 5, "milestones with analysis")
        XCTAssertTrue(analysed.contains { $0.title.contains("Qapqal") }, "Qapqal's milestone carries its analysis")
    }

    /// A source is a publication someone else can open: a publisher with a date or a URL,
    /// never the project's own notes.
    func testEverySourceCanBeOpened() {
        for s in DataSet.load(paths: [Self.dataDirectory]).snapshots {
            XCTAssertEqual(s.version, 2, s.file)
            for source in s.sources {
                XCTAssertTrue(source.date != nil || source.url != nil, "\(s.file): \(source.id) has neither date nor URL")
                XCTAssertFalse(source.publisher.lowercased().contains("research notes"), source.id)
                XCTAssertFalse(source.publisher.lowercased().hasPrefix("adopt"), source.id)
            }
        }
    }

    /// Each snapshot holds only what had been reported by its asOf: the snapshots grow, and
    /// every source cited was published by then.
    func testSnapshotsFollowReporting() {
        let snapshots = DataSet.load(paths: [Self.dataDirectory]).snapshots.sorted { $0.asOf < $1.asOf }
        XCTAssertGreaterThanOrEqual(snapshots.count, 6)
        XCTAssertEqual(snapshots.prefix(3).map(\.asOf.description), ["2025-02-18", "2025-03-10", "2025-03-31"])
        for (a, b) in zip(snapshots, snapshots.dropFirst()) {
            XCTAssertLessThan(a.deployments.count, b.deployments.count, "\(a.file) → \(b.file)")
        }
        for s in snapshots {
            for source in s.sources {
                if let d = source.date { XCTAssertLessThanOrEqual(d, s.asOf, "\(s.file): \(source.id)") }
            }
        }
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
