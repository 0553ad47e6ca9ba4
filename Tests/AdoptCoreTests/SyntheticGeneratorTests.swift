@testable import AdoptCore
import Foundation
import XCTest

/// The synthetic generator: valid output, determinism, realistic spread and history series.
final class SyntheticGeneratorTests: XCTestCase {
    func load(_ bytes: [UInt8], file: String = "syn.json") -> SnapshotLoader.Result {
        PieceCheck.load(bytes, name: file)
    }

    func testTwoThousandDeploymentsLoadWithNoProblems() throws {
        let generator = try SyntheticGenerator(deployments: 2000, seed: 7)
        let result = load(generator.bytes(ofSnapshot: 0))
        XCTAssertEqual(result.problems, [])
        let s = try XCTUnwrap(result.snapshot)
        XCTAssertTrue(s.synthetic)
        XCTAssertEqual(s.title, "SYNTHETIC data for scale tests (seed 7)")
        XCTAssertEqual(s.asOf.description, "2025-06-30")
        XCTAssertEqual(s.deployments.count, 2000)
        XCTAssertEqual(s.deployments.id(at: 0), "syn-000000001")
        XCTAssertEqual(s.deployments.id(at: 1999), "syn-000002000")
        XCTAssertEqual(s.sources.count, 8)
        XCTAssertEqual(s.claims.first?.value, 2000)
        XCTAssertTrue(s.deployments.allSatisfy { $0.date >= SyntheticGenerator.firstDay && $0.date <= s.asOf })
    }

    func testSameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let a = try SyntheticGenerator(deployments: 500, snapshots: 2, seed: 42)
        let b = try SyntheticGenerator(deployments: 500, snapshots: 2, seed: 42)
        let c = try SyntheticGenerator(deployments: 500, snapshots: 2, seed: 43)
        XCTAssertEqual(a.bytes(ofSnapshot: 0), b.bytes(ofSnapshot: 0))
        XCTAssertEqual(a.bytes(ofSnapshot: 1), b.bytes(ofSnapshot: 1))
        XCTAssertNotEqual(a.bytes(ofSnapshot: 1), c.bytes(ofSnapshot: 1))
    }

    /// The reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c), so the files
    /// stay the same on every platform.
    func testSplitMix64MatchesTheReference() {
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(rng.next(), 0x06C4_5D18_8009_454F)
    }

    func testWeightedTableFollowsTheWeights() {
        let table = WeightedTable(weights: [1, 0, 3])
        var rng = SplitMix64(seed: 9)
        var counts = [0, 0, 0]
        for _ in 0..<40_000 { counts[table.pick(&rng)] += 1 }
        XCTAssertEqual(counts[1], 0, "a zero weight is never picked")
        XCTAssertEqual(Double(counts[0]) / 40_000, 0.25, accuracy: 0.01)
        XCTAssertEqual(Double(counts[2]) / 40_000, 0.75, accuracy: 0.01)
        for _ in 0..<1000 { XCTAssertEqual(table.pick(&rng, prefix: 1), 0) }
    }

    func testSpreadOverLevelsSectorsStatusesAndMonths() throws {
        let s = try XCTUnwrap(load(try SyntheticGenerator(deployments: 4000, seed: 3).bytes(ofSnapshot: 0)).snapshot)
        let gazetteer = Gazetteer.shared
        var levels: [RegionLevel: Int] = [:]
        for d in s.deployments { levels[gazetteer.region(d.region)!.level, default: 0] += 1 }
        // 85% county, 12% prefecture, 3% province by construction; 4,000 draws stay within 3 points.
        XCTAssertEqual(Double(levels[.county] ?? 0) / 4000, 0.85, accuracy: 0.03)
        XCTAssertEqual(Double(levels[.prefecture] ?? 0) / 4000, 0.12, accuracy: 0.03)
        XCTAssertEqual(Double(levels[.province] ?? 0) / 4000, 0.03, accuracy: 0.015)
        XCTAssertEqual(Set(s.deployments.map(\.sector)), Set(Sector.allCases))
        XCTAssertEqual(Set(s.deployments.map(\.status)), Set(Status.allCases))
        XCTAssertGreaterThan(Set(s.deployments.map(\.region)).count, 1000)
        XCTAssertGreaterThan(Set(s.deployments.flatMap(\.models)).count, 10)
        XCTAssertGreaterThan(Set(s.deployments.flatMap(\.useCases)).count, 25)
        // The ramp: February and March together outnumber April to June.
        let feb = s.deployments.filter { $0.date.parts.month == 2 || $0.date.parts.month == 3 }.count
        let later = s.deployments.filter { $0.date.parts.month >= 4 }.count
        XCTAssertGreaterThan(feb, later)
        // The east is busier: Guangdong (44) has more than Gansu (62).
        let guangdong = s.deployments.filter { $0.region.value / 10000 == 44 }.count
        let gansu = s.deployments.filter { $0.region.value / 10000 == 62 }.count
        XCTAssertGreaterThan(guangdong, 2 * gansu)
    }

    func testSeriesKeepsIDsAddsChangesAndWithdraws() throws {
        let generator = try SyntheticGenerator(deployments: 1000, snapshots: 3, seed: 5)
        XCTAssertEqual(generator.snapshotDays.map(\.description), ["2025-06-16", "2025-06-23", "2025-06-30"])
        let snapshots = try (0..<3).map { k -> Snapshot in
            let r = load(generator.bytes(ofSnapshot: k), file: generator.fileName(ofSnapshot: k))
            XCTAssertEqual(r.problems, [], "snapshot \(k)")
            return try XCTUnwrap(r.snapshot)
        }
        XCTAssertEqual(snapshots.map { $0.asOf.description }, ["2025-06-16", "2025-06-23", "2025-06-30"])
        XCTAssertEqual(snapshots[2].deployments.count, 1000)
        for k in 0..<2 {
            let old = Dictionary(uniqueKeysWithValues: snapshots[k].deployments.map { ($0.id, $0) })
            let new = Dictionary(uniqueKeysWithValues: snapshots[k + 1].deployments.map { ($0.id, $0) })
            // One withdrawal per step at 1,000 deployments (max(1, 1000 / 1000)).
            XCTAssertEqual(Set(old.keys).subtracting(new.keys).count, 1, "withdrawn at step \(k)")
            XCTAssertGreaterThan(Set(new.keys).subtracting(old.keys).count, 0, "added at step \(k)")
            let changed = old.filter { id, d in new[id].map { $0.status != d.status } ?? false }
            XCTAssertGreaterThan(changed.count, 0, "status changes at step \(k)")
            // Everything else about a kept deployment stays the same.
            for (id, d) in old {
                guard var n = new[id] else { continue }
                n.status = d.status
                XCTAssertEqual(n, d)
            }
        }
    }

    func testWriteCreatesNamedFilesAtomically() throws {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("syn-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let generator = try SyntheticGenerator(deployments: 300, snapshots: 2, seed: 11)
        let paths = try generator.write(to: dir)
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, ["2025-06-23.json", "2025-06-30.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["2025-06-23.json", "2025-06-30.json"])
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: paths[1]))), generator.bytes(ofSnapshot: 1))
        XCTAssertEqual(DataSet.load(paths: [dir]).problems, [])
    }

    func testPlansThatCannotWorkAreRefused() {
        XCTAssertThrowsError(try SyntheticGenerator(deployments: -1))
        XCTAssertThrowsError(try SyntheticGenerator(deployments: 10, snapshots: 0))
        // 10 weekly snapshots ending 2025-03-01 would start on 2024-12-28, before 2025-01-20.
        XCTAssertThrowsError(try SyntheticGenerator(deployments: 10, snapshots: 10, asOf: Day("2025-03-01")!))
        XCTAssertNoThrow(try SyntheticGenerator(deployments: 10, snapshots: 2, asOf: Day("2025-01-27")!))
        XCTAssertThrowsError(try SyntheticGenerator(deployments: 10, snapshots: 2, daysApart: 0))
        // 60 daily snapshots fit where 60 weekly ones do not.
        XCTAssertThrowsError(try SyntheticGenerator(deployments: 10, snapshots: 60))
        XCTAssertNoThrow(try SyntheticGenerator(deployments: 10, snapshots: 60, daysApart: 1))
    }

    func testDailySeriesIsADayApartAndLoads() throws {
        let generator = try SyntheticGenerator(deployments: 500, snapshots: 3, seed: 5, daysApart: 1)
        XCTAssertEqual(generator.snapshotDays.map(\.description), ["2025-06-28", "2025-06-29", "2025-06-30"])
        for k in 0..<3 {
            let r = load(generator.bytes(ofSnapshot: k), file: generator.fileName(ofSnapshot: k))
            XCTAssertEqual(r.problems, [], "snapshot \(k)")
            XCTAssertEqual(r.snapshot?.asOf.description, generator.snapshotDays[k].description)
        }
        XCTAssertEqual(load(generator.bytes(ofSnapshot: 2), file: "x.json").snapshot?.deployments.count, 500)
    }

    func testEmptySnapshotIsValid() throws {
        let r = load(try SyntheticGenerator(deployments: 0).bytes(ofSnapshot: 0))
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.snapshot?.deployments.count, 0)
    }
}
