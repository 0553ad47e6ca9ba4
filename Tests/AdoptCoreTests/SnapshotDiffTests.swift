import AdoptCore
import XCTest

/// The diff between two snapshots and the regions whose counts a refresh changed, on small
/// hand-made snapshots with hand-worked expectations.
final class SnapshotDiffTests: XCTestCase {
    private func day(_ s: String) -> Day { Day(s)! }
    private func code(_ s: String) -> RegionCode { RegionCode(s)! }

    /// Futian (a), Shenzhen (b), Guangzhou (d, unchanged) and Qapqal (c, removed later).
    private lazy var old = Snapshot(file: "old.json", asOf: day("2025-03-01"), deployments: [
        Deployment(id: "a", region: code("440304"), organization: "Futian District 福田区", date: day("2025-02-15"),
                   status: .deployed, sector: .government, models: ["DeepSeek-R1"], useCases: ["documents"], sources: ["s1"]),
        Deployment(id: "b", region: code("440300"), organization: "Shenzhen 深圳市", date: day("2025-02-10"),
                   status: .piloting, sector: .government, models: ["DeepSeek-R1"], useCases: ["training"], sources: ["s1"]),
        Deployment(id: "c", region: code("654022"), organization: "Qapqal County", date: day("2025-02-21"),
                   status: .training, sector: .government, models: ["DeepSeek"], useCases: ["staff training"], sources: ["s1"]),
        Deployment(id: "d", region: code("440100"), organization: "Guangzhou 广州市", date: day("2025-02-17"),
                   status: .deployed, sector: .government, models: ["DeepSeek-V3"], useCases: ["hotline"], sources: ["s2"]),
    ])

    /// a: status, use cases and note changed; b: every other field changed; c gone; e new
    /// (in Qapqal too, later than c); d identical.
    private lazy var new = Snapshot(file: "new.json", asOf: day("2025-03-10"), deployments: [
        Deployment(id: "e", region: code("654022"), organization: "Qapqal Hospital", date: day("2025-03-05"),
                   status: .announced, sector: .publicService, models: ["DeepSeek"], useCases: ["triage"], sources: ["s2"]),
        Deployment(id: "d", region: code("440100"), organization: "Guangzhou 广州市", date: day("2025-02-17"),
                   status: .deployed, sector: .government, models: ["DeepSeek-V3"], useCases: ["hotline"], sources: ["s2"]),
        Deployment(id: "b", region: code("440304"), organization: "Shenzhen Government", date: day("2025-02-11"),
                   approximate: true, status: .deployed, sector: .enterprise,
                   models: ["DeepSeek-R1", "DeepSeek-V3"], useCases: ["training"], sources: ["s1", "s2"], uncertain: true),
        Deployment(id: "a", region: code("440304"), organization: "Futian District 福田区", date: day("2025-02-15"),
                   status: .suspended, sector: .government, models: ["DeepSeek-R1"], useCases: ["documents", "hotline"],
                   sources: ["s1"], note: "paused"),
    ])

    func testAddedRemovedAndChangedFieldByField() {
        let diff = SnapshotDiff(from: old, to: new)
        XCTAssertEqual(diff.from, SnapshotIdentity(file: "old.json", asOf: day("2025-03-01")))
        XCTAssertEqual(diff.to, SnapshotIdentity(file: "new.json", asOf: day("2025-03-10")))
        XCTAssertEqual(diff.added.map(\.id), ["e"])
        XCTAssertEqual(diff.added.first?.organization, "Qapqal Hospital")
        XCTAssertEqual(diff.removed.map(\.id), ["c"])
        XCTAssertEqual(diff.changed.map(\.id), ["a", "b"])
        XCTAssertEqual(diff.changed[0].fields, [
            .init(field: "status", old: "deployed", new: "suspended"),
            .init(field: "useCases", old: "documents", new: "documents, hotline"),
            .init(field: "note", old: "—", new: "paused"),
        ])
        XCTAssertEqual(diff.changed[1].fields, [
            .init(field: "region", old: "440300", new: "440304"),
            .init(field: "organization", old: "Shenzhen 深圳市", new: "Shenzhen Government"),
            .init(field: "date", old: "2025-02-10", new: "2025-02-11"),
            .init(field: "approximate", old: "no", new: "yes"),
            .init(field: "status", old: "piloting", new: "deployed"),
            .init(field: "sector", old: "government", new: "enterprise"),
            .init(field: "models", old: "DeepSeek-R1", new: "DeepSeek-R1, DeepSeek-V3"),
            .init(field: "sources", old: "s1", new: "s1, s2"),
            .init(field: "uncertain", old: "no", new: "yes"),
        ])
        XCTAssertFalse(diff.isEmpty)
    }

    func testReverseDiffSwapsAddedAndRemoved() {
        let diff = SnapshotDiff(from: new, to: old)
        XCTAssertEqual(diff.added.map(\.id), ["c"])
        XCTAssertEqual(diff.removed.map(\.id), ["e"])
        XCTAssertEqual(diff.changed.first?.fields.first, .init(field: "status", old: "suspended", new: "deployed"))
        XCTAssertEqual(diff.changed.first?.fields.last, .init(field: "note", old: "paused", new: "—"))
    }

    func testSameSnapshotHasNoDifferences() {
        XCTAssertTrue(SnapshotDiff(from: old, to: old).isEmpty)
        XCTAssertTrue(SnapshotDiff(from: Snapshot(file: "x", asOf: day("2025-01-01")),
                                   to: Snapshot(file: "y", asOf: day("2025-01-02"))).isEmpty)
    }

    /// The same deployments listed in another order intern their model names in another
    /// order: still no difference. A list's own order does count (it is what the reader sees).
    func testRowOrderAndNameNumberingDoNotMatterButListOrderDoes() {
        let p = Deployment(id: "p", region: code("440304"), organization: "P", date: day("2025-02-01"),
                           status: .deployed, sector: .government, models: ["DeepSeek-V3"])
        let q = Deployment(id: "q", region: code("440304"), organization: "Q", date: day("2025-02-01"),
                           status: .deployed, sector: .government, models: ["DeepSeek-R1", "DeepSeek-V3"])
        let one = Snapshot(file: "1", asOf: day("2025-03-01"), deployments: [p, q])
        let two = Snapshot(file: "2", asOf: day("2025-03-01"), deployments: [q, p])
        XCTAssertTrue(SnapshotDiff(from: one, to: two).isEmpty)

        var q2 = q
        q2.models = ["DeepSeek-V3", "DeepSeek-R1"]
        let three = Snapshot(file: "3", asOf: day("2025-03-01"), deployments: [p, q2])
        XCTAssertEqual(SnapshotDiff(from: one, to: three).changed,
                       [.init(id: "q", fields: [.init(field: "models", old: "DeepSeek-R1, DeepSeek-V3",
                                                      new: "DeepSeek-V3, DeepSeek-R1")])])
    }

    /// Ids repeat only in invalid data; should they, the first row stands for the id.
    func testARepeatedIDCountsOnce() {
        let first = Deployment(id: "x", region: code("440304"), organization: "First", date: day("2025-02-01"),
                               status: .deployed, sector: .government)
        var second = first
        second.organization = "Second"
        let twice = Snapshot(file: "t", asOf: day("2025-03-01"), deployments: [first, second])
        let once = Snapshot(file: "o", asOf: day("2025-03-01"), deployments: [first])
        XCTAssertTrue(SnapshotDiff(from: twice, to: once).isEmpty)
        XCTAssertTrue(SnapshotDiff(from: once, to: twice).isEmpty)
        let other = Snapshot(file: "s", asOf: day("2025-03-01"), deployments: [second, first])
        XCTAssertEqual(SnapshotDiff(from: twice, to: other).changed.first?.fields,
                       [.init(field: "organization", old: "First", new: "Second")])
    }

    /// At 2025-03-10 (both sides complete): b moved from Shenzhen city level down into Futian,
    /// so Futian went 1 → 2 and nothing else moved (Shenzhen still counts b below it; Qapqal
    /// lost c and gained e).
    func testChangedRegionsAtTheNewDate() {
        let changed = SnapshotDiff.changedRegions(old: Store(snapshots: [old]), new: Store(snapshots: [new]),
                                                  at: day("2025-03-10"))
        XCTAssertEqual(changed, [code("440304")])
    }

    /// At 2025-02-25 e has not begun, c has: Qapqal, Ili, Xinjiang and the country drop by one.
    func testChangedRegionsAtAnEarlierDateIncludeEveryLevel() {
        let changed = SnapshotDiff.changedRegions(old: Store(snapshots: [old]), new: Store(snapshots: [new]),
                                                  at: day("2025-02-25"))
        XCTAssertEqual(changed, [code("440304"), code("654022"), code("654000"), code("650000"), .country])
    }

    func testChangedRegionsAgainstAnEmptyStore() {
        let changed = SnapshotDiff.changedRegions(old: Store(snapshots: []), new: Store(snapshots: [old]),
                                                  at: day("2025-03-01"))
        XCTAssertEqual(changed, [code("440304"), code("440300"), code("440100"), code("440000"),
                                 code("654022"), code("654000"), code("650000"), .country])
    }
}
