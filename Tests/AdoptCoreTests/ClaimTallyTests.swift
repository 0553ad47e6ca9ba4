@testable import AdoptCore
import XCTest

/// Claim counting by each unit, on a fixture whose figures are worked out by hand.
final class ClaimTallyTests: XCTestCase {
    static func day(_ s: String) -> Day { Day(s)! }
    static func code(_ v: Int32) -> RegionCode { RegionCode(value: v) }

    /// Shenzhen city government twice (one organisation), Futian (a county), BYD (a company in
    /// Shenzhen), Guangzhou (announced only), Beijing (province level), Hangzhou (dated after
    /// the claim), and an uncertain Hohhot record.
    static let store: Store = {
        func d(_ id: String, _ region: Int32, _ org: String, _ date: String, _ status: Status = .deployed,
               _ sector: Sector = .government, uncertain: Bool = false) -> Deployment {
            Deployment(id: id, region: code(region), organization: org, date: day(date), status: status,
                       sector: sector, sources: ["s"], uncertain: uncertain)
        }
        let deployments = [
            d("sz-1", 440300, "Shenzhen Municipal Government", "2025-02-10"),
            d("sz-2", 440300, "Shenzhen Municipal Government", "2025-02-16"),
            d("futian", 440304, "Futian District Government", "2025-02-15"),
            d("byd", 440300, "BYD", "2025-02-10", .deployed, .enterprise),
            d("gz", 440100, "Guangzhou Municipal Government", "2025-02-17", .announced),
            d("bj", 110000, "Beijing Municipal Government", "2025-03-04"),
            d("hz", 330100, "Hangzhou Municipal Government", "2025-03-20"),
            d("hohhot", 150100, "Hohhot Municipal Government", "2025-02-17", uncertain: true),
        ]
        let snapshot = Snapshot(file: "claims.json", asOf: day("2025-03-31"), sources: [Source(id: "s", publisher: "P", date: day("2025-03-01"))],
                                deployments: deployments)
        return Store(snapshots: [snapshot])
    }()

    func claim(_ counts: ClaimCounts, region: Int32 = 0, date: String = "2025-03-10") -> Claim {
        Claim(date: Self.day(date), region: Self.code(region), metric: "m", value: 72, source: "s", counts: counts)
    }

    func testRegionsCountsDistinctCodesAtTheListedLevels() {
        // The issue's example: Shenzhen (once, though twice recorded) and Beijing; Futian is a
        // county, BYD a company, Guangzhou only announced, Hangzhou after the claim.
        let counts = ClaimCounts(unit: .regions, sectors: [.government], levels: [.province, .prefecture],
                                 statuses: [.deployed])
        let t = Self.store.tally(claim(counts))
        // Hohhot (uncertain) counts too: uncertainty is marked, not hidden.
        XCTAssertEqual(t.found, 3)
        XCTAssertEqual(t.tracked, 3)
        XCTAssertNil(t.outOf)
        XCTAssertEqual(Set(t.rows.map { Self.store.deployment(row: $0).id }), ["sz-1", "sz-2", "bj", "hohhot"])
    }

    func testTheIssueExampleWithoutTheUncertainRecord() {
        let counts = ClaimCounts(unit: .regions, sectors: [.government], levels: [.province, .prefecture],
                                 statuses: [.deployed])
        let t = Self.store.tally(claim(counts, region: 440000))
        XCTAssertEqual(t.found, 1, "within Guangdong: Shenzhen only")
        let national = Self.store.tally(claim(counts, date: "2025-03-05"))
        XCTAssertEqual(national.found, 3, "Beijing's 03-04 record is on or before 03-05")
        let early = Self.store.tally(claim(counts, date: "2025-03-03"))
        XCTAssertEqual(early.found, 2, "Shenzhen and Hohhot: Beijing comes on 03-04")
    }

    func testOrganizationsCountsDistinctNames() {
        let counts = ClaimCounts(unit: .organizations, sectors: [.government])
        // Shenzhen (twice: one), Futian, Guangzhou, Beijing, Hohhot; not BYD, not Hangzhou.
        XCTAssertEqual(Self.store.tally(claim(counts)).found, 5)
    }

    func testDeploymentsIsTheDefault() {
        // Every record dated on or before 03-10: all but Hangzhou.
        XCTAssertEqual(Self.store.tally(claim(ClaimCounts())).found, 7)
        XCTAssertEqual(Self.store.tally(claim(ClaimCounts(statuses: [.announced]))).found, 1)
    }

    func testPercentOfRegionsIsAShareOfTheMainland() {
        let counts = ClaimCounts(unit: .percentOfRegions, sectors: [.government], levels: [.province])
        let t = Self.store.tally(claim(counts))
        // Provinces with a government deployment in them or below by 03-10: Guangdong (Shenzhen,
        // Futian, Guangzhou), Beijing, Inner Mongolia (Hohhot); of 31 mainland provinces.
        XCTAssertEqual(t.found, 3)
        XCTAssertEqual(t.outOf, 31)
        XCTAssertEqual(t.tracked, 300.0 / 31, accuracy: 1e-9)
        let cities = Self.store.tally(claim(ClaimCounts(unit: .percentOfRegions, levels: [.prefecture]), region: 440000))
        // Guangdong's 21 prefectures: Shenzhen and Guangzhou (announced counts: no status filter).
        XCTAssertEqual(cities.outOf, 21)
        XCTAssertEqual(cities.found, 2)
    }

    func testBodiesNarrowAClaimToOneKindOfBody() {
        let counts = ClaimCounts(unit: .regions, levels: [.province], bodies: [.procuratorate])
        XCTAssertEqual(Self.store.tally(claim(counts)).found, 0, "no procuratorate in the fixture")
    }

    func testFiltersNeverChangeAClaim() {
        let counts = ClaimCounts(unit: .regions, sectors: [.government], levels: [.province, .prefecture], statuses: [.deployed])
        let before = Self.store.tally(claim(counts))
        _ = Self.store.counts(at: Self.day("2025-03-31"), filter: Filter(sectors: [.enterprise]))
        XCTAssertEqual(Self.store.tally(claim(counts)), before)
    }
}
