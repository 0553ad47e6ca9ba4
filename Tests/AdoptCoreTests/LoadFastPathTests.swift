@testable import AdoptCore
import XCTest

/// The load's fast paths (issue 13, 1M to first frame) against the plain ways they replace:
/// the same id index from sorted runs merged as from one sort, claim rows picked out of the
/// date order as sorted, province timelines from the flat histogram as counted row by row,
/// and strings scanned eight bytes at a time as byte by byte.
final class LoadFastPathTests: XCTestCase {
    static let store: Store = {
        let generator = try! SyntheticGenerator(deployments: 6000, snapshots: 1, seed: 5)
        let r = SnapshotLoader.parse(bytes: generator.bytes(ofSnapshot: 0), file: "syn.json", split: .sequential)
        return Store(snapshots: [r.snapshot!])
    }()

    func testIDIndexFromRunsIsTheOneSort() {
        var table = Self.store.table
        // Repeated ids too: the duplicates come out the same, first use first.
        for i in stride(from: 0, to: 300, by: 7) { table.append(table[i]) }
        let one = IDIndex(table)
        for parts in [2, 3, 7] {
            let runs = IDIndex(table, parts: parts, minimumRowsPerPart: 1)
            XCTAssertEqual(runs, one, "\(parts) parts")
            XCTAssertEqual(runs.duplicates(in: table).map { [$0.first, $0.repeat] }, one.duplicates(in: table).map { [$0.first, $0.repeat] })
        }
        XCTAssertEqual(one.duplicates(in: table).count, 43)
        XCTAssertEqual(one.row(of: table.id(at: 4321), in: table), 4321)
    }

    func testManyClaimRowsComeInDateOrder() {
        let store = Self.store
        let claim = Claim(date: Day("2025-06-30")!, region: .country, metric: "m", value: 1, source: "s",
                          counts: ClaimCounts(unit: .deployments))
        let t = store.tally(claim)
        XCTAssertGreaterThan(t.rows.count, 4096, "the linear path")
        let dates = store.table.dates
        XCTAssertEqual(t.rows, t.rows.sorted { (dates[$0], $0) < (dates[$1], $1) })
        XCTAssertEqual(Set(t.rows).count, t.rows.count)
        XCTAssertEqual(t.rows.count, store.table.indices.filter { dates[$0] <= claim.date.ordinal }.count)
    }

    func testProvinceTimelinesFromTheHistogramAreTheRowCounts() {
        let store = Self.store, table = store.table
        let filter = Filter(sectors: [.government])
        for province in [RegionCode.country] + store.gazetteer.children(of: .country) {
            var perDay: [Int32: Int] = [:]
            for i in table.indices where table.sector(at: i) == .government
                && (province == .country || table.regions[i] / 10000 == province.value / 10000) {
                perDay[table.dates[i], default: 0] += 1
            }
            let points = store.timeline(of: province, filter: filter).points
            XCTAssertEqual(points.map(\.day.ordinal), perDay.keys.sorted(), "\(province)")
            XCTAssertEqual(points.map(\.added), perDay.keys.sorted().map { perDay[$0]! }, "\(province)")
        }
    }

    /// Each special byte at every offset within and across an 8-byte word.
    func testStringsScannedByWordsAreTheBytesScanned() {
        let specials: [(raw: String, text: String)] = [("\\\"", "\""), ("\u{7F}", "\u{2421}"), ("é", "é"),
                                                       ("\\n", "\u{240A}"), ("\u{202E}", "⟨U+202E⟩"), ("深", "深")]
        for k in 0..<19 {
            for s in specials {
                let org = String(repeating: "a", count: k) + s.raw + String(repeating: "b", count: 9)
                let json = #"{"format": "adopt.snapshot", "version": 2, "asOf": "2025-06-30", "synthetic": true, "sources": [], "deployments": [{"id": "x", "region": "440300", "organization": "\#(org)", "date": "2025-01-01", "status": "deployed", "sector": "government", "models": [], "useCases": [], "sources": []}]}"#
                let r = SnapshotLoader.parse(bytes: Array(json.utf8), file: "s.json", split: .sequential)
                XCTAssertEqual(r.problems, [], "\(k) \(s.raw)")
                XCTAssertEqual(r.snapshot?.deployments.first?.organization,
                               String(repeating: "a", count: k) + s.text + String(repeating: "b", count: 9), "\(k) \(s.raw)")
            }
            // A raw control character: the same error at the same column, wherever it falls.
            let bad = #"{"a": ""# + String(repeating: "a", count: k) + "\u{01}" + #"bbbbbbbbb"}"#
            let r = SnapshotLoader.parse(bytes: Array(bad.utf8), file: "c.json", split: .sequential)
            XCTAssertEqual(r.problems.map(\.column), [8 + k], "\(k)")
            XCTAssertTrue(r.problems.first?.message.contains("raw control character 0x1") ?? false)
        }
    }
}
