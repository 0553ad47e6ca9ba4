import AdoptCore
import XCTest

/// Store answers on the fixture, each expected number counted by hand (see Fixture.swift).
final class StoreTests: XCTestCase {
    let store = Fixture.store
    let march10 = Fixture.day("2025-03-10")
    func code(_ s: String) -> RegionCode { Fixture.code(s) }

    func testCountsRollUpFromCountyToProvince() {
        let c = store.counts(at: march10)
        XCTAssertEqual(c[.country], 7)
        XCTAssertEqual(c[code("440000")], 5)   // a b c d g
        XCTAssertEqual(c[code("440300")], 4)   // a b c g
        XCTAssertEqual(c[code("440304")], 1)   // a
        XCTAssertEqual(c[code("440100")], 1)   // d
        XCTAssertEqual(c[code("110000")], 1)   // e via 110100
        XCTAssertEqual(c[code("110100")], 1)
        XCTAssertEqual(c[code("650000")], 1)   // f via 654000
        XCTAssertNil(c[code("130000")])
    }

    func testCountsAtAnEarlierDate() {
        let c = store.counts(at: Fixture.day("2025-02-12"))   // only b, c, g had begun
        XCTAssertEqual(c[.country], 3)
        XCTAssertEqual(c[code("440300")], 3)
        XCTAssertNil(c[code("440304")])
        XCTAssertEqual(store.counts(at: Fixture.day("2025-02-07"))[.country], 0)
    }

    func testFilters() {
        XCTAssertEqual(store.counts(at: march10, filter: Filter(sectors: [.enterprise]))[code("440000")], 1)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(statuses: [.training, .piloting]))[.country], 2)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(models: ["DeepSeek-V3"]))[.country], 2)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(useCases: ["hotline"]))[code("440000")], 2)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(text: "HOTLINE"))[.country], 2)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(text: "福田"))[.country], 1)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(text: "district 龙岗"))[.country], 1)
        XCTAssertEqual(store.counts(at: march10, filter: Filter(sectors: [.government], text: "byd"))[.country], 0)
    }

    func testChildrenWithCoverage() {
        let kids = store.children(of: code("440000"), at: march10)
        XCTAssertEqual(kids.count, 21)   // Guangdong's prefecture-level cities
        let shenzhen = kids.first { $0.region.code == code("440300") }!
        XCTAssertEqual(shenzhen.count, 4)
        XCTAssertEqual(shenzhen.covered, 2)   // Futian and Longgang
        XCTAssertEqual(shenzhen.childCount, 9)
        XCTAssertEqual(shenzhen.firstDate, Fixture.day("2025-02-08"))
        XCTAssertEqual(kids.filter { $0.count > 0 }.map(\.region.code), [code("440100"), code("440300")])
        let guangdong = store.summary(of: code("440000"), at: march10)!
        XCTAssertEqual(guangdong.covered, 2)
        XCTAssertEqual(guangdong.childCount, 21)
        XCTAssertEqual(store.children(of: .country, at: march10).count, 34)
        XCTAssertEqual(store.summary(of: code("440304"), at: march10)?.childCount, 0)
        // The first date is only known once that day is reached.
        XCTAssertNil(store.summary(of: code("440304"), at: Fixture.day("2025-02-14"))?.firstDate)
        XCTAssertEqual(store.summary(of: code("440304"), at: Fixture.day("2025-02-15"))?.firstDate, Fixture.day("2025-02-15"))
        XCTAssertEqual(store.summary(of: code("440300"), at: Fixture.day("2025-02-09"), filter: Filter(sectors: [.enterprise]))?.count, 0)
    }

    func testTimeline() {
        let t = store.timeline(of: code("440000"))
        XCTAssertEqual(t.points.map(\.day.description), ["2025-02-08", "2025-02-10", "2025-02-15", "2025-02-17"])
        XCTAssertEqual(t.points.map(\.added), [1, 2, 1, 1])
        XCTAssertEqual(t.points.map(\.cumulative), [1, 3, 4, 5])
        XCTAssertEqual(t.cumulative(at: Fixture.day("2025-02-12")), 3)
        XCTAssertEqual(t.cumulative(at: Fixture.day("2025-01-01")), 0)
        XCTAssertEqual(store.timeline(of: .country).points.last?.cumulative, 7)
        XCTAssertEqual(store.timeline(of: code("440300"), filter: Filter(sectors: [.enterprise])).points.map(\.added), [1])
        XCTAssertEqual(store.timeline(of: code("130000")).points, [])
    }

    func testDeploymentsListAndRecord() {
        XCTAssertEqual(store.deployments(in: code("440300"), at: march10).map(\.id), ["c", "b", "g", "a"])
        XCTAssertEqual(store.deployments(in: code("440300"), at: Fixture.day("2025-02-09")).map(\.id), ["c"])
        let r = store.record(id: "g")!
        XCTAssertEqual(r.sources.map(\.publisher), ["China Daily", "Zhiding"])
        XCTAssertEqual(r.lineage.map(\.name), ["深圳市", "广东省"])
        XCTAssertEqual(store.record(id: "a")!.lineage.map(\.english), ["Futian", "Shenzhen", "Guangdong"])
        XCTAssertNil(store.record(id: "zz"))
    }

    func testClaimsEventsAndRange() {
        XCTAssertEqual(store.latestClaim(onOrBefore: march10)?.value, 72)
        XCTAssertNil(store.latestClaim(onOrBefore: Fixture.day("2025-03-09")))
        XCTAssertEqual(store.events(in: Fixture.day("2025-03-01")...march10).map(\.title), ["Government Work Report"])
        XCTAssertEqual(store.dateRange.lowerBound.description, "2025-01-20")
        XCTAssertEqual(store.dateRange.upperBound, march10)
        XCTAssertEqual(store.models, ["DeepSeek", "DeepSeek-R1", "DeepSeek-V3"])
    }

    /// Stepping the date reuses the previous counts (adding or removing the rows in between);
    /// every step must agree with a fresh store asked about that day alone.
    func testSteppedCountsAgreeWithFreshCounts() {
        var day = Fixture.day("2025-02-01")
        let path = [1, 1, 7, 3, -2, 14, -20, 30, 0, -1]
        for step in path {
            day = day.adding(days: step)
            let fresh = Store(snapshots: [Fixture.snapshot]).counts(at: day)
            XCTAssertEqual(store.counts(at: day), fresh, "\(day)")
            let filter = Filter(sectors: [.government])
            XCTAssertEqual(store.counts(at: day, filter: filter),
                           Store(snapshots: [Fixture.snapshot]).counts(at: day, filter: filter), "\(day)")
        }
    }

    /// Sector and status filters are answered from per-facet counts; every other filter by a
    /// scan. A filter that adds "any model" goes the scan way and must agree exactly.
    func testFacetCountsAgreeWithScannedCounts() {
        let allModels = Set(store.models)
        let filters = [Filter(sectors: [.government]), Filter(statuses: [.deployed, .training]),
                       Filter(sectors: [.enterprise], statuses: [.deployed]), Filter(sectors: [.government, .enterprise])]
        for day in ["2025-02-09", "2025-02-16", "2025-03-10", "2025-02-01"].map(Fixture.day) {
            for f in filters {
                var scanned = f
                scanned.models = allModels
                XCTAssertEqual(store.counts(at: day, filter: f), store.counts(at: day, filter: scanned), "\(f.summary) \(day)")
                XCTAssertEqual(store.children(of: code("440000"), at: day, filter: f),
                               store.children(of: code("440000"), at: day, filter: scanned), "\(f.summary) \(day)")
                for region in [RegionCode.country, code("440000"), code("110000"), code("440300"), code("130000")] {
                    XCTAssertEqual(store.timeline(of: region, filter: f), store.timeline(of: region, filter: scanned),
                                   "\(f.summary) \(region)")
                }
            }
        }
        XCTAssertEqual(store.counts(at: march10, filter: Filter(sectors: [.government], statuses: [.deployed]))[code("440300")], 3)
    }

    func testNewestSnapshotIsCurrent() {
        var older = Fixture.snapshot
        older.asOf = Fixture.day("2025-02-18")
        older.deployments = DeploymentTable(Array(older.deployments.prefix(2)))
        let s = Store(snapshots: [Fixture.snapshot, older])
        XCTAssertEqual(s.current.asOf, march10)
        XCTAssertEqual(s.snapshots.map(\.asOf.description), ["2025-02-18", "2025-03-10"])
    }
}
