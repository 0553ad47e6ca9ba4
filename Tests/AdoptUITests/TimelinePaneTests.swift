import AdoptCore
@testable import AdoptUI
import XCTest

final class TimelinePaneTests: XCTestCase {
    typealias F = PaneFixtures

    func pane(_ code: RegionCode = .country, title: String = "全国 China", cursor: String = "2025-02-17",
              range: ClosedRange<Day> = PaneFixtures.range, focused: Bool = true) -> TimelinePane {
        TimelinePane(title: title, timeline: F.store.timeline(of: code), events: F.events,
                     range: range, cursor: F.day(cursor), focused: focused)
    }

    func render(_ pane: TimelinePane, _ width: Int, _ height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: width, height: height))
        return grid
    }

    // MARK: Bucketing

    func testBucketsChooseTheFinestPeriodThatFits() {
        // 2025-01-20 (a Monday) ... 2025-03-31 (a Monday): 71 days, 11 weeks, 3 months.
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 71).period, .day)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 71).count, 71)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 70).period, .week)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 70).count, 11)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 10).period, .months(1))
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 10).count, 3)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 2).period, .months(2))
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 2).count, 2)
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 0).count, 1, "at least one column")
        XCTAssertEqual(TimeBuckets(fitting: F.range, columns: 2).label, "per 2 months")
    }

    func testWeeksRunMondayToSundayAndAreCutToTheRange() {
        // 2025-02-12 is a Wednesday: its week started on Monday 02-10, cut to 02-12.
        let b = TimeBuckets(fitting: F.day("2025-02-12")...F.day("2025-03-02"), columns: 5)
        XCTAssertEqual(b.period, .week)
        XCTAssertEqual(b.count, 3)  // 02-10.., 02-17.., 02-24..03-02
        XCTAssertEqual(b.start(of: 0), F.day("2025-02-12"))
        XCTAssertEqual(b.start(of: 1), F.day("2025-02-17"))
        XCTAssertEqual(b.endOrdinal(of: 0), Int(F.day("2025-02-16").ordinal))
        XCTAssertEqual(b.endOrdinal(of: 2), Int(F.day("2025-03-02").ordinal))
        XCTAssertEqual(b.index(of: F.day("2025-02-16")), 0)
        XCTAssertEqual(b.index(of: F.day("2025-02-17")), 1)
        XCTAssertEqual(b.index(of: F.day("2025-03-02")), 2)
        XCTAssertNil(b.index(of: F.day("2025-03-03")))
        XCTAssertNil(b.index(of: F.day("2025-02-11")))
    }

    func testTotalsPerPeriod() {
        let timeline = F.store.timeline(of: .country)
        // Weeks from Monday 01-20: 02-10 is week 3, 02-17/18/20/22 week 4, 03-05 week 6.
        let weeks = TimeBuckets(fitting: F.range, columns: 11)
        XCTAssertEqual(weeks.totals(of: timeline), [0, 0, 0, 1, 6, 0, 2, 0, 0, 0, 0])
        let months = TimeBuckets(fitting: F.range, columns: 3)
        XCTAssertEqual(months.totals(of: timeline), [0, 7, 2])
        XCTAssertEqual(months.start(of: 1), F.day("2025-02-01"))
        let days = TimeBuckets(fitting: F.range, columns: 100)
        let t = days.totals(of: timeline)
        XCTAssertEqual(t.count, 71)
        XCTAssertEqual(t[28], 3, "2025-02-17 is day 28 after 01-20")
        XCTAssertEqual(t.reduce(0, +), 9)
    }

    func testHugeRangeStaysWithinTheColumns() {
        let all = Day(ordinal: .min)...Day(ordinal: .max)
        let b = TimeBuckets(fitting: all, columns: 20)
        XCTAssertLessThanOrEqual(b.count, 20)
        var grid = Grid(width: 30, height: 10)
        pane(range: all).draw(into: &grid, in: Rect(row: 0, column: 0, width: 30, height: 10))
    }

    // MARK: Header and marks

    func testHeaderPerDay() {
        let grid = render(pane(cursor: "2025-02-17"), 120, 12)
        XCTAssertTrue(grid.lines[1].hasPrefix(
            "│per day · added 3 on 2025-02-17 · cumulative 4 by 2025-02-17  "), grid.lines[1])
    }

    func testHeaderPerWeekCountsFromTheWeekStartThroughTheCursor() {
        // 56 chart columns < 71 days: per week. Week of 02-17 through Wednesday 02-19:
        // 02-17 (3) + 02-18 (1); cumulative 1 + 3 + 1.
        // The full wording (67 columns) does not fit in 58, so dates lose their year.
        let grid = render(pane(cursor: "2025-02-19"), 60, 12)
        XCTAssertEqual(grid.lines[1], "│per week · added 4 in 02-17…02-19 · cumulative 5"
                       + String(repeating: " ", count: 10) + "│")
        // 12 chart columns: still per week.
        XCTAssertEqual(render(pane(cursor: "2025-02-19"), 16, 12).lines[1], "│+4 · total 5  │")
        // 5 chart columns: per month, so 02-01…02-19: 02-10 (1) + 02-17 (3) + 02-18 (1).
        XCTAssertEqual(render(pane(cursor: "2025-02-19"), 9, 12).lines[1], "│+5 Σ5  │")
    }

    func testFutureBarsAreDimmedAndTheCursorColumnIsMarked() {
        let grid = render(pane(cursor: "2025-02-17"), 120, 14)
        // Per day, one column each, chart starts after the border and a 2-column gutter ("9┤").
        let column = { (day: String) in 1 + 2 + Int(F.day(day).ordinal - F.day("2025-01-20").ordinal) }
        let bottomBarRow = 14 - 1 - 4 - 1  // above border, caption, markers, labels, axis
        XCTAssertEqual(grid[bottomBarRow, column("2025-02-10")].style, Theme.text)
        XCTAssertEqual(grid[bottomBarRow, column("2025-02-17")].style, Theme.cursor)
        XCTAssertEqual(grid[bottomBarRow, column("2025-03-05")].style, Theme.dim)
        XCTAssertEqual(grid[2, column("2025-02-17")].text, "█", "the highest bar fills the top row")
        XCTAssertEqual(grid[bottomBarRow + 1, column("2025-02-17")].text, "┴")
        XCTAssertEqual(grid[2, column("2025-02-10")].text, " ")
    }

    func testLatestEventAtOrBeforeTheCursor() {
        XCTAssertEqual(pane(cursor: "2025-03-05").latestEvent()?.title,
                       "Government Work Report addresses large models")
        XCTAssertEqual(pane(cursor: "2025-03-04").latestEvent()?.title, "DeepSeek-R1 released")
        XCTAssertNil(pane(cursor: "2025-01-19").latestEvent())
    }

    // MARK: Goldens

    func testGoldenSmall() {
        assertGolden(render(pane(cursor: "2025-02-19"), 40, 12), named: "timeline-40x12")
    }

    func testGoldenLarge() {
        assertGolden(render(pane(cursor: "2025-03-05"), 120, 40), named: "timeline-120x40")
    }

    func testGoldenProvinceNarrowWithClippedTitle() {
        let p = pane(F.guangdong, title: "广东 Guangdong 广东省", cursor: "2025-02-22", focused: false)
        assertGolden(render(p, 21, 9), named: "timeline-guangdong-21x9")
    }

    // MARK: Edge cases

    func testNoCrashAtAnySize() {
        let empty = Store(snapshots: []).timeline(of: .country)
        let oneDay = F.day("2025-02-17")...F.day("2025-02-17")
        let panes = [
            pane(),
            TimelinePane(title: "", timeline: empty, events: [], range: F.range, cursor: F.day("2025-02-17"),
                         focused: true),
            pane(range: oneDay),
            pane(cursor: "2024-01-01"),
            pane(cursor: "2026-01-01"),
        ]
        for p in panes {
            for (w, h) in [(0, 0), (1, 1), (3, 3), (2, 7), (7, 2), (5, 5), (9, 4), (12, 6), (200, 3), (3, 60)] {
                var grid = Grid(width: w, height: h)
                p.draw(into: &grid, in: Rect(row: 0, column: 0, width: w, height: h))
                // Drawing into an area larger than the grid is cut to the grid.
                var small = Grid(width: 4, height: 4)
                p.draw(into: &small, in: Rect(row: -2, column: -2, width: w, height: h))
            }
        }
    }

    func testOneDayRangeAndEmptyTimeline() {
        let oneDay = F.day("2025-02-17")...F.day("2025-02-17")
        assertGolden(render(pane(range: oneDay), 30, 8), named: "timeline-one-day-30x8")
        let empty = Store(snapshots: []).timeline(of: .country)
        let p = TimelinePane(title: "全国 China", timeline: empty, events: [], range: F.range,
                             cursor: F.day("2025-02-17"))
        assertGolden(render(p, 40, 8), named: "timeline-empty-40x8")
    }

    /// Cost follows points and area: 20,000 distinct days drawn into a 200x50 pane.
    func testManyPointsDrawQuickly() {
        var deployments: [Deployment] = []
        let start = F.day("1970-01-01")
        for i in 0..<20_000 {
            deployments.append(Deployment(id: "d\(i)", region: F.futian, organization: "o",
                                          date: start.adding(days: i), status: .deployed, sector: .government))
        }
        let store = Store(snapshots: [Snapshot(file: "big", asOf: start.adding(days: 20_000),
                                               deployments: deployments)])
        let p = TimelinePane(title: "big", timeline: store.timeline(of: .country), events: [],
                             range: start...start.adding(days: 20_000), cursor: start.adding(days: 10_000))
        let clock = ContinuousClock()
        var grid = Grid(width: 200, height: 50)
        let elapsed = clock.measure {
            for _ in 0..<10 { p.draw(into: &grid, in: Rect(row: 0, column: 0, width: 200, height: 50)) }
        }
        print("timeline: 10 draws of 20000 points at 200x50 took \(elapsed)")
        XCTAssertTrue(grid.lines[1].hasPrefix("│per 4 months"), grid.lines[1])
    }
}

/// Clicks on the chart map back to days with the geometry used to draw it.
final class TimelineClickTests: XCTestCase {
    func testColumnsMapToTheDaysDrawnThere() {
        let d = { (s: String) in Day(s)! }
        let pane = TimelinePane(title: "t", timeline: Timeline(points: [
            Timeline.Point(day: d("2025-02-03"), added: 2, cumulative: 2)]),
            range: d("2025-02-01")...d("2025-02-10"), cursor: d("2025-02-10"))
        let area = Rect(row: 0, column: 0, width: 40, height: 10)
        // Inside the box (column 1), a gutter of "2".count + 1 = 2 columns, then 10 days in
        // 38 - 2 = 36 columns: 3 columns a day (the slot is capped at 3).
        XCTAssertNil(pane.day(atColumn: 2, in: area), "the gutter is not the chart")
        XCTAssertEqual(pane.day(atColumn: 3, in: area), d("2025-02-01"))
        XCTAssertEqual(pane.day(atColumn: 5, in: area), d("2025-02-01"))
        XCTAssertEqual(pane.day(atColumn: 6, in: area), d("2025-02-02"))
        XCTAssertEqual(pane.day(atColumn: 3 + 9 * 3, in: area), d("2025-02-10"))
        XCTAssertNil(pane.day(atColumn: 3 + 10 * 3, in: area), "past the last day")
        XCTAssertNil(pane.day(atColumn: 5, in: Rect(row: 0, column: 0, width: 2, height: 2)))
    }
}

final class TimelineClickKeyFlowTests: XCTestCase {
    func testAClickOnTheTimelineSetsTheDateUnderThePointer() {
        var app = TestStore.app(width: 100, height: 30)
        let area = app.screenLayout.timeline
        let column = area.column + area.width / 2
        let expected = app.timelinePane(focused: true).day(atColumn: column, in: area)
        XCTAssertNotNil(expected)
        XCTAssertNotEqual(expected, app.date, "the middle of the chart is not the snapshot date")
        app.handle(.click(row: area.row + 2, column: column))
        XCTAssertEqual(app.focus, .timeline)
        XCTAssertEqual(app.date, expected)
    }
}
