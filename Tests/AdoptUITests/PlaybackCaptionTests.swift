import AdoptCore
@testable import AdoptUI
import XCTest

/// Issue 12: playback captions what each played day added ("+1 on 02-17 in 1 city: 宁波
/// Ningbo") and marks the provinces that gained for `App.markDays` days. Figures worked out by
/// hand from `TestStore`: Futian (a Shenzhen district) 02-10, Fengtai (Beijing) 02-12, the
/// Shenzhen hospital (city level) 02-15, Ningbo's port 02-17, Guangzhou's metro 02-20.
final class PlaybackCaptionTests: XCTestCase {
    let d = TestStore.day

    func testEachPlayedDayIsCaptionedWithWhatItAdded() throws {
        var app = TestStore.app(width: 100, height: 30)
        app.setDate(d("2025-02-09"))
        app.handle([.character("p"), .character(" ")])
        XCTAssertNil(app.arrivalsLine, "nothing dated 02-07 to 02-09")
        app.tick()  // 02-10: Futian, a district: named by its city, Shenzhen, new.
        var line = try XCTUnwrap(app.arrivalsLine)
        XCTAssertEqual(line.lead, "+1 on 02-10")
        XCTAssertEqual(line.scope, "in 1 city")
        XCTAssertEqual(line.names, ["深圳 Shenzhen"])
        XCTAssertEqual(app.markedProvinces, [.guangdong])
        app.tick()
        app.tick()  // 02-12: Fengtai; Guangdong still marked (02-10 is within 3 days).
        line = try XCTUnwrap(app.arrivalsLine)
        XCTAssertEqual(line.lead, "+1 on 02-12")
        XCTAssertEqual(line.names, ["北京 Beijing"])
        XCTAssertEqual(app.markedProvinces, [.beijing, .guangdong])
        app.tick()  // 02-13: 02-10 is now 3 days back: Guangdong's mark is gone.
        XCTAssertEqual(app.markedProvinces, [.beijing])
        XCTAssertEqual(app.arrivalsLine?.lead, "+1 on 02-12", "the latest day that added something")
        for _ in 0..<3 { app.tick() }  // 02-16: nothing in 02-14...02-16 but the hospital on 02-15
        XCTAssertEqual(app.arrivalsLine?.lead, "+1 on 02-15")
        let shenzhen = try XCTUnwrap(app.figures.arrivals.first { !$0.isEmpty }?.places.first)
        XCTAssertEqual(shenzhen.code, .shenzhen)
        XCTAssertFalse(shenzhen.isNew, "Shenzhen had Futian since 02-10: it gained, it did not light up")
        // The dashboard's timeline says it too while no event is captioned.
        XCTAssertEqual(app.caption?.lead, "+1 on 02-15")
        XCTAssertEqual(app.caption?.text, "in 1 city: 深圳 Shenzhen")
    }

    func testTheCountFollowsTheFilterAndMatchesTheStore() throws {
        var app = TestStore.app()
        app.setFilter(Filter(sectors: [.government]))
        app.setDate(d("2025-02-16"))
        app.handle(.character(" "))
        app.tick()  // 02-17: the port is an enterprise: filtered out.
        XCTAssertNil(app.arrivalsLine, "nothing the filter keeps was dated 02-15 to 02-17")
        XCTAssertTrue(app.markedProvinces.isEmpty)
        app.setFilter(Filter())
        let arrivals = app.store.arrivals(on: d("2025-02-17"))
        let before = app.store.counts(at: d("2025-02-16")).total, after = app.store.counts(at: d("2025-02-17")).total
        XCTAssertEqual(arrivals.count, after - before, "what a day added is the difference of the day's totals")
        XCTAssertEqual(arrivals.places.map(\.code), [.ningbo])
        XCTAssertEqual(arrivals.provinces, [.zhejiang])
    }

    func testInsideACityThePlacesAreCounties() {
        let arrivals = TestStore.make().arrivals(on: d("2025-02-10"), in: .shenzhen)
        XCTAssertEqual(arrivals.level, .county)
        XCTAssertEqual(arrivals.places.map(\.code), [.futian])
        XCTAssertTrue(arrivals.places[0].isNew)
        XCTAssertEqual(TestStore.make().arrivals(on: d("2025-02-10"), in: .beijing).count, 0, "Futian is not in Beijing")
    }

    func testANewPlaceComesBeforeOneThatGainedAndTheLineCutsWithAnEllipsis() {
        let line = PresentationPane.ArrivalsLine(lead: "+6 on 02-17", scope: "in 6 cities",
                                                 names: ["天津 Tianjin", "呼和浩特 Hohhot", "广州 Guangzhou", "东莞 Dongguan"])
        XCTAssertEqual(line.text(width: 80), "in 6 cities: 天津 Tianjin, 呼和浩特 Hohhot, 广州 Guangzhou, 东莞 Dongguan")
        XCTAssertEqual(line.text(width: 50), "in 6 cities: 天津 Tianjin, 呼和浩特 Hohhot, …")
        XCTAssertEqual(line.text(width: 20), "in 6 cities: …")
    }

    func testMarkedTilesCarryAPlusWithoutColour() throws {
        var app = TestStore.app(width: 100, height: 30)
        app.setDate(d("2025-02-16"))
        app.handle([.character("p"), .character(" ")])
        app.tick()  // 02-17: Zhejiang
        let grid = app.render(width: 100, height: 30)
        let g = try XCTUnwrap(app.presentationGeometry)
        let tile = try XCTUnwrap(g.tile(.zhejiang))
        let cells = (tile.row..<tile.bottom).flatMap { r in (tile.column..<tile.right).map { grid[r, $0] } }
        XCTAssertTrue(cells.contains { $0.text == "+" }, "the mark is a character, seen in NO_COLOR")
        XCTAssertTrue(cells.allSatisfy(\.style.underline))
        let other = try XCTUnwrap(g.tile(.beijing))
        XCTAssertFalse(grid[other.row, other.column].style.underline)
        XCTAssertTrue(grid.text.contains("+1 on 02-17  in 1 city: 宁波 Ningbo"), grid.text)
    }
}
