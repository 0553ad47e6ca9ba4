import AdoptCore
@testable import AdoptUI
import XCTest

/// Issue 12: the map's shading bins are fixed and rounded, made for the data set (not the
/// filtered view or the date), kept across live reloads until the largest province outgrows
/// them, and the same in the map, presentation mode and `dump`.
final class HeatScaleTests: XCTestCase {
    func labels(_ scale: HeatScale) -> [String] { scale.bins.map(\.label) }

    func testSmallDataSetsGetABinPerCount() {
        let three = HeatScale.fitting(maximum: 3)
        XCTAssertEqual(labels(three), ["0", "1", "2", "3+"])
        XCTAssertEqual(three.bins.map(\.level), [0, 2, 4, 5], "spread up to the darkest shade")
        XCTAssertEqual(three.ceiling, 3)
        XCTAssertEqual(labels(.fitting(maximum: 1)), ["0", "1+"])
        XCTAssertEqual(HeatScale.fitting(maximum: 1).level(of: 1), 5)
        XCTAssertEqual(labels(.fitting(maximum: 0)), ["0"])
        XCTAssertEqual(HeatScale.fitting(maximum: 0).level(of: 5), 0)
    }

    func testRoundedBinsForTensAndThousands() {
        XCTAssertEqual(labels(.fitting(maximum: 16)), ["0", "1", "2", "3-4", "5-9", "10+"])
        XCTAssertEqual(HeatScale.fitting(maximum: 16).ceiling, 20)
        // The shipped data (Guangdong 24).
        XCTAssertEqual(labels(.fitting(maximum: 24)), ["0", "1", "2-4", "5-9", "10-19", "20+"])
        XCTAssertEqual(HeatScale.fitting(maximum: 24).ceiling, 50)
        XCTAssertEqual(labels(.fitting(maximum: 90)), ["0", "1", "2-4", "5-19", "20-49", "50+"])
        // The 100k figure: a largest province of 3625.
        XCTAssertEqual(labels(.fitting(maximum: 3625)), ["0", "1-4", "5-19", "20-199", "200-999", "1000+"])
        XCTAssertEqual(HeatScale.fitting(maximum: 3625).ceiling, 5000)
        // adopt generate --deployments 100000 (seed 1): the busiest province has 9050.
        XCTAssertEqual(labels(.fitting(maximum: 9050)), ["0", "1-4", "5-49", "50-199", "200-1999", "2000+"])
        XCTAssertEqual(labels(.fitting(maximum: 120_000)),
                       ["0", "1-9", "10-99", "100-1999", "2000-19999", "20000+"])
    }

    /// Whatever the maximum: bins from 1, rising, every bound a 1-2-5 step (or 1-5), five of
    /// them once there is room, and the largest province in the darkest shade.
    func testEveryMaximumGetsUsableBins() {
        let steps = Set(HeatScale.niceSteps(through: 10_000_000))
        for maximum in Array(1...2000) + stride(from: 2000, through: 5_000_000, by: 997).map({ $0 }) {
            let scale = HeatScale.fitting(maximum: maximum)
            XCTAssertEqual(scale.lowerBounds.first, 1, "\(maximum)")
            XCTAssertEqual(scale.lowerBounds, scale.lowerBounds.sorted(), "\(maximum)")
            XCTAssertEqual(Set(scale.lowerBounds).count, scale.lowerBounds.count, "\(maximum)")
            XCTAssertTrue(scale.lowerBounds.allSatisfy(steps.contains), "\(maximum): \(scale.lowerBounds)")
            XCTAssertTrue(steps.contains(scale.ceiling) && scale.ceiling >= maximum, "\(maximum)")
            XCTAssertEqual(scale.lowerBounds.count, min(5, scale.ceiling), "\(maximum)")
            XCTAssertEqual(scale.level(of: maximum), 5, "\(maximum): \(scale.lowerBounds)")
            XCTAssertEqual(scale.level(of: 1), scale.bins[1].level)
        }
    }

    func testLevelsFollowTheBins() {
        let scale = HeatScale.fitting(maximum: 24)  // 1, 2-4, 5-9, 10-19, 20+
        XCTAssertEqual([0, 1, 2, 4, 5, 9, 10, 19, 20, 1000].map(scale.level(of:)), [0, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        XCTAssertEqual(scale.summary, "1, 2-4, 5-9, 10-19, 20+")
    }

    func testKeptWhileTheMaximumFits() {
        let scale = HeatScale.fitting(maximum: 16)
        XCTAssertEqual(scale.kept(forMaximum: 20), scale)
        XCTAssertEqual(scale.kept(forMaximum: 2), scale, "a smaller data set keeps the bins too")
        XCTAssertEqual(labels(scale.kept(forMaximum: 21)), ["0", "1", "2-4", "5-9", "10-19", "20+"])
    }

    // MARK: In the App

    /// The test store with `extra` more deployments in Guangzhou (Guangdong has 3 without).
    func store(guangdongExtra extra: Int, asOf: String = "2025-03-15") -> Store {
        let more = (0..<extra).map {
            Deployment(id: "gz-\($0)", region: RegionCode(value: 440100), organization: "Org \($0)",
                       date: TestStore.day("2025-02-21"), status: .deployed, sector: .enterprise)
        }
        let snapshot = Snapshot(file: "s-\(asOf).json", asOf: TestStore.day(asOf), sources: TestStore.sources,
                                deployments: TestStore.deployments + more)
        return Store(snapshots: [snapshot])
    }

    func testTheFilterAndTheDateLeaveTheBinsAlone() {
        var app = App(store: store(guangdongExtra: 13), dataPath: "t", width: 100, height: 30)  // Guangdong 16
        let scale = app.heatScale
        XCTAssertEqual(labels(scale), ["0", "1", "2", "3-4", "5-9", "10+"])
        app.setFilter(try! FilterSpec.parse("sector=government"))  // Guangdong 1, Beijing 1
        XCTAssertEqual(app.heatScale, scale)
        XCTAssertEqual(app.figures.provinces.map(\.count).max(), 1)
        XCTAssertEqual(app.mapPane(focused: true).scale, scale)
        _ = app.setDate(TestStore.day("2025-02-12"))
        XCTAssertEqual(app.heatScale, scale)
        app.setCountingMode(.knownBy)
        XCTAssertEqual(app.heatScale, scale)
        XCTAssertTrue(app.render(width: 100, height: 30).text.contains(" 1   2   3-4   5-9   10+   per province"))
        let wide = app.render(width: 200, height: 60).text
        XCTAssertTrue(wide.contains(" 1   2   3-4   5-9   10+   deployments per province, scale for the whole data set"), wide)
    }

    func testAReloadKeepsTheBinsUntilTheMaximumOutgrowsThem() {
        let loaded = WallTime(seconds: 1_743_573_792, utcOffset: 28_800)
        var app = App(store: store(guangdongExtra: 13), dataPath: "t", width: 100, height: 30)  // 16: up to 20
        let scale = app.heatScale
        app.apply(live: LiveUpdate(store: store(guangdongExtra: 17, asOf: "2025-03-16"), loadedAt: loaded,
                                   checkedAt: loaded))  // 20
        XCTAssertEqual(app.heatScale, scale, "20 fits the bins made for up to 20")
        XCTAssertNil(app.message)
        app.apply(live: LiveUpdate(store: store(guangdongExtra: 2, asOf: "2025-03-17"), loadedAt: loaded,
                                   checkedAt: loaded))  // 5
        XCTAssertEqual(app.heatScale, scale, "a smaller data set keeps them too")
        app.apply(live: LiveUpdate(store: store(guangdongExtra: 30, asOf: "2025-03-18"), loadedAt: loaded,
                                   checkedAt: loaded))  // 33
        XCTAssertEqual(labels(app.heatScale), ["0", "1", "2-4", "5-9", "10-19", "20+"])
        XCTAssertEqual(app.message, "Colour scale widened: a province now has 33; shades now 1, 2-4, 5-9, 10-19, 20+")
        XCTAssertTrue(app.render(width: 100, height: 30).lines.last!.contains("Colour scale widened"))
    }

    func testTheFirstDataAfterWaitingIsNoWidening() {
        let loaded = WallTime(seconds: 1_743_573_792, utcOffset: 28_800)
        var app = App(store: Store(snapshots: []), dataPath: "t")
        XCTAssertEqual(app.heatScale.lowerBounds, [])
        app.apply(live: LiveUpdate(store: store(guangdongExtra: 13), loadedAt: loaded, checkedAt: loaded))
        XCTAssertEqual(labels(app.heatScale), ["0", "1", "2", "3-4", "5-9", "10+"])
        XCTAssertNil(app.message)
    }

    func testPresentationUsesTheSameBins() {
        var app = App(store: store(guangdongExtra: 13), dataPath: "t", width: 100, height: 30)
        app.setFilter(try! FilterSpec.parse("sector=government"))
        app.handle(.character("p"))
        XCTAssertEqual(app.presentationPane.scale, app.heatScale)
        XCTAssertTrue(app.render(width: 100, height: 30).text.contains(" 1   2   3-4   5-9   10+ "))
    }
}
