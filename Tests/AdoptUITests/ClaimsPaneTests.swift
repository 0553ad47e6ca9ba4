import AdoptCore
@testable import AdoptUI
import XCTest

/// The claims pane (`c`): every claim with its definition and tracked figure, the adopters
/// behind it, each openable to its record.
final class ClaimsPaneTests: XCTestCase {
    let d = TestStore.day

    /// The test store with three claims counted three ways. Zhiding-like (government bodies
    /// deployed at province or prefecture level, by 03-10): 0, since Futian, Fengtai and Qapqal
    /// are counties and Shenzhen's hospital is a public service. A share of provinces with
    /// government use by 03-11: Guangdong (Futian) and Beijing (Fengtai), 2 of 31. Government
    /// bodies by 03-12: Futian, Fengtai, Qapqal, 3.
    static func store() -> Store {
        let snapshot = Snapshot(
            file: "claims.json", asOf: TestStore.day("2025-03-15"), title: "claims",
            sources: TestStore.sources, deployments: TestStore.deployments,
            claims: [
                Claim(date: TestStore.day("2025-03-10"), region: .country, metric: "provincial and city governments", value: 72,
                      source: "zhiding", counts: ClaimCounts(unit: .regions, sectors: [.government],
                                                             levels: [.province, .prefecture], statuses: [.deployed])),
                Claim(date: TestStore.day("2025-03-11"), region: .country, metric: "provinces with government use", value: 100,
                      source: "scmp", counts: ClaimCounts(unit: .percentOfRegions, sectors: [.government], levels: [.province])),
                Claim(date: TestStore.day("2025-03-12"), region: .country, metric: "government bodies", value: 9,
                      source: "chinacom", counts: ClaimCounts(unit: .organizations, sectors: [.government])),
            ])
        return Store(snapshots: [snapshot])
    }

    func testTalliesCountEachClaimItsOwnWay() {
        let browser = ClaimsBrowser(store: Self.store())
        XCTAssertEqual(browser.tallies.map(\.found), [0, 2, 3])
        XCTAssertEqual(browser.tallies[1].outOf, 31)
        // Futian, Fengtai and Qapqal (03-12) are government bodies by 03-12.
        XCTAssertEqual(browser.tallies[2].rows.count, 3)
    }

    func testKeysWalkClaimsAdoptersAndOpenARecord() {
        var app = App(store: Self.store(), dataPath: "claims", width: 100, height: 30)
        app.handle(.character("c"))
        guard case .claims? = app.overlay else { return XCTFail("claims pane not open") }
        app.handle(.enter)  // the first claim tracks nothing: Enter stays on the list
        guard case .claims(let first)? = app.overlay else { return XCTFail() }
        XCTAssertNil(first.adopter)
        app.handle([.down, .down, .enter])  // government bodies: Futian, Fengtai, Qapqal
        guard case .claims(let b)? = app.overlay else { return XCTFail() }
        XCTAssertEqual(b.adopter, 0)
        let screen = app.render(width: 100, height: 30).text
        XCTAssertTrue(screen.contains("Tracked adopters"), screen)
        XCTAssertTrue(screen.contains("tracked 3 / claimed 9 gov bodies"), screen)
        app.handle([.down, .enter])  // Fengtai's record
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.drill.last?.kind, .record("bj-fengtai"))
        app.handle(.character("c"))
        app.handle(.escape)
        XCTAssertNil(app.overlay, "Esc closes the list")
    }

    func testClaimsPaneGoldenAt80Columns() {
        var app = App(store: Self.store(), dataPath: "claims", width: 80, height: 24)
        app.handle(.character("c"))
        assertGolden(app.render(width: 80, height: 24), named: "claims-80x24")
        app.handle([.down, .enter])
        assertGolden(app.render(width: 80, height: 24), named: "claims-adopters-80x24")
    }

    func testStatusBarNamesTheMetricAndAShareIsAShare() {
        var app = App(store: Self.store(), dataPath: "claims", width: 80, height: 24)
        app.setDate(d("2025-03-11"))
        XCTAssertEqual(app.statusBar.claim?.tracked ?? 0, 200.0 / 31, accuracy: 1e-9)
        let bar = app.render(width: 80, height: 24).lines.last!
        XCTAssertTrue(bar.contains("tracked 6% / claimed 100% of provinces"), bar)
    }

    func testTheShippedDataAnswersWhichOfTheSeventyTwoWeKnow() throws {
        var app = try Shipped.app(width: 120, height: 40)
        app.handle(.character("c"))
        guard case .claims(let browser)? = app.overlay else { return XCTFail() }
        let zhiding = try XCTUnwrap(browser.tallies.firstIndex { $0.claim.value == 72 })
        let t = browser.tallies[zhiding]
        XCTAssertEqual(t.claim.counts.unit, .regions)
        // Every deployment behind the figure is a deployed government body at province or city
        // level, dated by the claim's date.
        for row in t.rows {
            let dep = app.store.deployment(row: row)
            XCTAssertEqual(dep.sector, .government)
            XCTAssertEqual(dep.status, .deployed)
            XCTAssertLessThanOrEqual(dep.date, t.claim.date)
            XCTAssertNotEqual(app.store.gazetteer.region(dep.region)?.level, .county)
        }
        XCTAssertEqual(t.found, Set(t.rows.map { app.store.deployment(row: $0).region }).count)
    }
}
