import AdoptCore
import XCTest

/// `Store.arrivals` against the store's own counts: for every day of the fixture's range and a
/// few filters, what a day added is the difference between that day's counts and the day
/// before's, place by place and province by province.
final class ArrivalsTests: XCTestCase {
    let store = Fixture.store

    func testEveryDayAgreesWithTheDifferenceOfTheCounts() {
        let filters = [Filter(), Filter(sectors: [.government]), Filter(models: ["DeepSeek-V3"]), Filter(text: "hotline")]
        for filter in filters {
            var day = store.dateRange.lowerBound
            while day <= store.dateRange.upperBound {
                let arrivals = store.arrivals(on: day, filter: filter)
                let now = store.counts(at: day, filter: filter), before = store.counts(at: day.adding(days: -1), filter: filter)
                XCTAssertEqual(arrivals.count, now.total - before.total, "\(day) \(filter.summary)")
                for place in arrivals.places {
                    XCTAssertEqual(place.added, (now[place.code] ?? 0) - (before[place.code] ?? 0), "\(day) \(place.code)")
                    XCTAssertEqual(place.isNew, before[place.code] == nil, "\(day) \(place.code)")
                }
                let grown = store.gazetteer.provinces.map(\.code).filter { (now[$0] ?? 0) != (before[$0] ?? 0) }
                XCTAssertEqual(arrivals.provinces, grown, "\(day) \(filter.summary)")
                day = day.adding(days: 1)
            }
        }
    }

    func testPlacesAreCitiesInTheCountryAndCountiesInACity() {
        var day = store.dateRange.lowerBound
        while day <= store.dateRange.upperBound {
            for place in store.arrivals(on: day).places {
                let level = store.gazetteer.region(place.code)?.level
                XCTAssertTrue(level == .prefecture || level == .province, "\(place.code): a city, or a province for its own bodies")
            }
            let shenzhen = Fixture.code("440300")
            for place in store.arrivals(on: day, in: shenzhen).places {
                XCTAssertTrue(store.gazetteer.lineage(of: place.code).contains(shenzhen), "\(place.code) is in Shenzhen")
            }
            day = day.adding(days: 1)
        }
        XCTAssertEqual(store.arrivals(on: Fixture.day("2000-01-01")).count, 0, "a day outside the data adds nothing")
    }
}
