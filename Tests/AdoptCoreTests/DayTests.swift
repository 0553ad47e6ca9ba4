import AdoptCore
import XCTest

final class DayTests: XCTestCase {
    func testParsesAndFormatsRoundTrip() {
        for text in ["1970-01-01", "2025-02-28", "2024-02-29", "2000-02-29", "2025-12-31", "1949-10-01"] {
            XCTAssertEqual(Day(text)?.description, text)
        }
        XCTAssertEqual(Day("1970-01-01")?.ordinal, 0)
        XCTAssertEqual(Day("1970-01-02")?.ordinal, 1)
        XCTAssertEqual(Day("2025-01-01")?.ordinal, 20089)
    }

    func testRejectsImpossibleAndMalformedDates() {
        for text in ["2025-02-30", "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
                     "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01T00:00", "", "abcd-ef-gh", "２０２５-01-01"] {
            XCTAssertNil(Day(text), text)
        }
    }

    func testStepsByDaysAndMonths() {
        let d = Day("2025-01-31")!
        XCTAssertEqual(d.adding(days: 1).description, "2025-02-01")
        XCTAssertEqual(d.adding(days: -31).description, "2024-12-31")
        XCTAssertEqual(d.adding(months: 1).description, "2025-02-28")
        XCTAssertEqual(Day("2024-01-31")!.adding(months: 1).description, "2024-02-29")
        XCTAssertEqual(d.adding(months: -2).description, "2024-11-30")
    }
}
