import AdoptCore
import XCTest

/// Child rows plus the region's own row add up to the region, for every region of the
/// shipped data, in the store and in `export`.
final class ReconcileTests: XCTestCase {
    static let store = DataSet.load(paths: [ShippedDataTests.dataDirectory]).makeStore()

    func testEveryRegionsRowsAddUpInTheStore() {
        let store = Self.store
        let day = store.current.asOf
        var checked = 0
        for region in store.gazetteer.allRegions where region.level != .county {
            guard let total = store.summary(of: region.code, at: day) else { continue }
            let children = store.children(of: region.code, at: day)
            let own = region.code == .country ? 0 : store.ownSummary(of: region.code, at: day)!.count
            XCTAssertEqual(children.reduce(0) { $0 + $1.count } + own, total.count, region.code.description)
            XCTAssertEqual(total.own, own, region.code.description)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testEveryRegionsExportAddsUp() throws {
        let store = Self.store
        let day = store.current.asOf
        for region in store.gazetteer.allRegions {
            // Regions with deployments (and their counties), where a sum can go wrong.
            guard let total = store.summary(of: region.code, at: day), total.count > 0 else { continue }
            let export = RegionExport(store: store, region: region.code, at: day)
            let lines = export.csv.split(separator: "\n").dropFirst()
            let sum = lines.reduce(0) { $0 + Int($1.split(separator: ",", omittingEmptySubsequences: false)[4])! }
            XCTAssertEqual(sum, total.count, region.code.description)
            if region.level == .county {
                XCTAssertEqual(lines.count, 1, "a county exports its own row")
                XCTAssertTrue(lines.first!.contains(",own,"), String(lines.first!))
            }
        }
    }

    func testACountyWithADeploymentExportsItsRow() throws {
        let store = Self.store
        let futian = RegionCode(value: 440304)
        let csv = RegionExport(store: store, region: futian, at: store.current.asOf).csv
        let rows = csv.split(separator: "\n")
        XCTAssertEqual(rows.count, 2, csv)
        XCTAssertTrue(rows[1].hasPrefix("440304,福田区,Futian,county,"), String(rows[1]))
    }
}
