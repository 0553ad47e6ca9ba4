import AdoptCore
@testable import AdoptUI
import XCTest

/// Pins, the comparison chart and the command line (`P`, `U`, `t`, `:`), against the numbers
/// of `TestStore`: by 2025-03-15 Guangdong has 3 deployments (02-10, 02-15, 02-20), Beijing 1
/// (02-12), Zhejiang 1 (02-17), Shenzhen 2 (02-10, 02-15).
final class ComparisonTests: XCTestCase {
    let d = TestStore.day

    // MARK: Pins

    func testPinsToggleInOrderAndStopAtSix() {
        var pins = Pins()
        let codes = [110000, 120000, 130000, 140000, 150000, 210000, 220000].map { RegionCode(value: $0) }
        for c in codes.prefix(6) { pins.update(.toggle(c)) }
        XCTAssertEqual(pins.regions, Array(codes.prefix(6)))
        XCTAssertNil(pins.notice)
        pins.update(.toggle(codes[6]))
        XCTAssertEqual(pins.count, 6, "a seventh is refused")
        XCTAssertEqual(pins.notice, "at most 6 pinned; U clears")
        pins.update(.dismissNotice)
        XCTAssertNil(pins.notice)
        pins.update(.toggle(codes[2]))
        XCTAssertEqual(pins.regions, [codes[0], codes[1], codes[3], codes[4], codes[5]], "unpinned, order kept")
        pins.update(.toggle(codes[6]))
        XCTAssertEqual(pins.regions.last, codes[6])
        pins.update(.clear)
        XCTAssertTrue(pins.isEmpty)
        XCTAssertEqual(Pins(codes).count, 6, "the initialiser keeps the limit too")
    }

    func testPKeyPinsTheRegionShownAtAnyLevel() {
        var app = TestStore.app()
        app.type("P")  // the selected province
        app.jump(to: .shenzhen)
        app.type("P")  // a prefecture
        app.jump(to: .futian)
        app.type("P")  // a county
        app.jump(to: .country)
        app.type("P")  // the whole country
        XCTAssertEqual(app.comparison.pins.regions, [.guangdong, .shenzhen, .futian, .country])
        app.jump(to: .shenzhen)
        app.type("P")
        XCTAssertEqual(app.comparison.pins.regions, [.guangdong, .futian, .country], "P again unpins")
        XCTAssertEqual(app.statusBar.pinned, 3)
        app.type("U")
        XCTAssertTrue(app.comparison.pins.isEmpty)
        XCTAssertNil(app.comparisonChart(), "without pins the timeline is the single region's")
    }

    func testSeventhPinSaysSoInTheStatusBarUntilTheNextKey() {
        var app = TestStore.app(width: 120, height: 30)
        app.setPins([110000, 120000, 130000, 140000, 150000, 210000].map { RegionCode(value: $0) })
        app.type("P")  // Guangdong: one too many
        XCTAssertEqual(app.comparison.pins.count, 6)
        XCTAssertTrue(app.render(width: 120, height: 30).text.contains("at most 6 pinned; U clears"))
        app.type("[")
        XCTAssertFalse(app.render(width: 120, height: 30).text.contains("at most 6 pinned"))
    }

    // MARK: The chart

    func chart(cursor: String = "2025-03-15", cumulative: Bool = true) -> ComparisonChart {
        var app = TestStore.app()
        app.setPins([.guangdong, .beijing, .zhejiang])
        app.setDate(d(cursor))
        app.setTimelineCumulative(cumulative)
        return app.comparisonChart()!
    }

    func testLegendNamesEachSeriesWithItsGlyphAndTotalAtTheDate() {
        XCTAssertEqual(chart().legendEntries(full: true), ["● 广东 Guangdong 3", "▲ 北京 Beijing 1", "■ 浙江 Zhejiang 1"])
        XCTAssertEqual(chart(cursor: "2025-02-15").legendEntries(full: false), ["● 广东 2", "▲ 北京 1", "■ 浙江 0"])
        XCTAssertEqual(chart(cumulative: false).legendEntries(full: false), ["● 广东 3", "▲ 北京 1", "■ 浙江 1"],
                       "per period, the legend still gives the total at the date")
        XCTAssertEqual(Set(ComparisonChart.glyphs).count, Pins.limit, "a distinct glyph per pin: NO_COLOR reads it")
        for g in ComparisonChart.glyphs { XCTAssertEqual(DisplayWidth.of(g), 1, g) }
    }

    func testOneScaleForAllSeries() {
        // Weeks from Monday 2025-01-20 (the range's first day): 11 weeks through 03-15.
        let weeks = TimeBuckets(fitting: d("2025-01-20")...d("2025-03-15"), columns: 11)
        XCTAssertEqual(weeks.period, .week)
        let cumulative = chart().points(buckets: weeks)
        XCTAssertEqual(cumulative[0], [0, 0, 0, 2, 3, 3, 3, 3].map { Optional($0) })
        XCTAssertEqual(cumulative[1], [0, 0, 0, 1, 1, 1, 1, 1].map { Optional($0) })
        XCTAssertEqual(chart().scaleMaximum(cumulative), 3)
        // Per week: Guangdong 2 in 02-10…02-16 and 1 in 02-17…02-23; the largest is 2.
        let added = chart(cumulative: false).points(buckets: weeks)
        XCTAssertEqual(added[0], [0, 0, 0, 2, 1, 0, 0, 0].map { Optional($0) })
        XCTAssertEqual(added[2], [0, 0, 0, 0, 1, 0, 0, 0].map { Optional($0) })
        XCTAssertEqual(chart(cumulative: false).scaleMaximum(added), 2)
        // Through 02-15 only: the later weeks are not drawn.
        let early = chart(cursor: "2025-02-15").points(buckets: weeks)
        XCTAssertEqual(early[0].compactMap { $0 }, [0, 0, 0, 2])
        XCTAssertEqual(early[0].count, 8, "the axis keeps the whole range")
        XCTAssertEqual(ComparisonChart.rowsFor(1, maximum: 3, rows: 4), 2, "rounded up: any count shows")
        XCTAssertEqual(ComparisonChart.rowsFor(3, maximum: 3, rows: 4), 4)
        XCTAssertEqual(ComparisonChart.rowsFor(0, maximum: 3, rows: 4), 0)
    }

    func testCSVRowsForExport() {
        let rows = chart().csvRows()
        XCTAssertEqual(rows.first, ["date", "440000", "110000", "330000"])
        XCTAssertEqual(rows.count, 1 + 55, "a row per day, 2025-01-20 through 03-15")
        XCTAssertEqual(rows.first { $0[0] == "2025-02-15" }, ["2025-02-15", "2", "1", "0"])
        XCTAssertEqual(rows.last, ["2025-03-15", "3", "1", "1"])
        let added = chart(cumulative: false).csvRows()
        XCTAssertEqual(added.first { $0[0] == "2025-02-15" }, ["2025-02-15", "1", "0", "0"])
        XCTAssertEqual(added.dropFirst().map { Int($0[1])! }.reduce(0, +), 3)
    }

    func testLegendPacksIntoRows() {
        XCTAssertEqual(ComparisonChart.pack(["● aaaa 1", "▲ bb 2", "■ c 3"], width: 16), [["● aaaa 1", "▲ bb 2"], ["■ c 3"]])
    }

    func testSeriesAreCountedOncePerPinsStoreAndFilter() {
        var app = TestStore.app()
        app.setPins([.guangdong, .beijing])
        let n = app.comparison.computations
        app.type("[[[{]")
        XCTAssertEqual(app.comparison.computations, n, "the date is a cut, not a recount")
        app.setFilter(Filter(sectors: [.government]))
        XCTAssertEqual(app.comparison.computations, n + 1)
        XCTAssertEqual(app.comparisonChart()?.legendEntries(full: false), ["● 广东 1", "▲ 北京 1"])
        let counted = app.comparison.regionsCounted
        app.type("P")  // Guangdong again: unpinned, Beijing's row kept
        XCTAssertEqual(app.comparison.computations, n + 2)
        XCTAssertEqual(app.comparison.regionsCounted, counted, "an unpin counts nothing")
        app.jump(to: .zhejiang)
        app.type("P")
        XCTAssertEqual(app.comparison.regionsCounted, counted + 1, "a new pin counts only itself")
        XCTAssertEqual(app.comparisonChart()?.legendEntries(full: false), ["● 北京 1", "▲ 浙江 0"],
                       "government deployments only: Ningbo's port is an enterprise")
    }

    func testTSwitchesTheTimelineOnScreen() {
        var app = TestStore.app()
        XCTAssertFalse(app.timelinePane(focused: false).cumulative)
        app.type("t")
        XCTAssertTrue(app.timelinePane(focused: false).cumulative)
        app.type("P")
        XCTAssertEqual(app.comparisonChart()?.cumulative, true, "the comparison is cumulative by default")
        app.type("t")
        XCTAssertEqual(app.comparisonChart()?.cumulative, false)
        app.type("U")
        XCTAssertTrue(app.timelinePane(focused: false).cumulative, "each kind keeps its own setting")
    }

    func testClickOnTheComparisonSetsTheDate() {
        var app = compareApp(width: 80, height: 24)
        let area = app.screenLayout.timeline
        // The chart's last column is the range's last period: the snapshot's date.
        app.handle(.click(row: area.row + 4, column: area.right - 2))
        XCTAssertEqual(app.date, d("2025-03-15"))
        XCTAssertEqual(app.focus, .timeline)
        let chart = app.comparisonChart()!
        let first = chart.day(atColumn: area.column + 1 + chart.geometry(width: area.width - 2).gutter, in: area)
        XCTAssertNotNil(first)
        XCTAssertLessThan(first!, d("2025-01-27"), "the first column is the first period")
        XCTAssertNil(chart.day(atColumn: area.column, in: area), "the frame is off the chart")
    }

    // MARK: Goldens

    func compareApp(width: Int, height: Int) -> App {
        var app = TestStore.app(width: width, height: height)
        app.setPins([.guangdong, .beijing, .zhejiang])
        return app
    }

    func testComparisonGoldens() {
        var small = compareApp(width: 80, height: 24)
        assertGolden(small.render(width: 80, height: 24), named: "compare-3-80x24")
        assertGolden(compareApp(width: 200, height: 60).render(width: 200, height: 60), named: "compare-3-200x60")
        small.type("t")
        assertGolden(small.render(width: 80, height: 24), named: "compare-3-per-period-80x24")
        assertGolden(small.renderPane(.timeline, width: 100, height: 14), named: "compare-3-per-period-pane-100x14")
        small.type("t")
        assertGolden(small.renderPane(.timeline, width: 100, height: 14), named: "compare-3-pane-100x14")
    }

    func testSingleTimelinePerPeriodAndCumulativeGoldens() {
        var app = TestStore.app()
        assertGolden(app.renderPane(.timeline, width: 70, height: 12), named: "timeline-per-period-70x12")
        app.type("t")
        assertGolden(app.renderPane(.timeline, width: 70, height: 12), named: "timeline-cumulative-70x12")
    }

    // MARK: The command line

    func testCommandLinesReproduceTheView() {
        var app = TestStore.app()
        XCTAssertEqual(app.viewSpec.commandLine(), "adopt --region 440000 --date 2025-03-15 --view map")
        app.jump(to: .futian)
        app.type("mK")
        app.setFilter(Filter(sectors: [.government]))
        app.setCommandPaths(["my data/2025.json"])
        let lines = app.commandLines.map(\.commandLine)
        XCTAssertEqual(lines, [
            "adopt --region 440304 --known-by 2025-03-15 --filter sector=government --view table 'my data/2025.json'",
            "adopt dump screen --region 440304 --known-by 2025-03-15 --filter sector=government 'my data/2025.json'",
            "adopt export --deployments --region 440304 --known-by 2025-03-15 --filter sector=government 'my data/2025.json'",
        ])
        app.setPins([.guangdong, .beijing])
        app.type("t")
        XCTAssertEqual(app.commandLines.last?.commandLine,
                       "adopt dump timeline --per-period --compare 440000,110000 --known-by 2025-03-15 --filter sector=government 'my data/2025.json'")
    }

    func testLongCommandsWrapBetweenWordsWithContinuations() {
        let words = ["export", "--deployments", "--region", "440304", "--date", "2025-03-15", "--filter",
                     "sector=government,use-case=12345 hotline", "/data/snapshots"]
        let rows = CommandLineOverlay.rows(words, width: 50)
        for row in rows { XCTAssertLessThanOrEqual(DisplayWidth.of(row), 50, row) }
        XCTAssertTrue(rows.dropLast().allSatisfy { $0.hasSuffix(" \\") })
        let joined = rows.map { $0.hasSuffix(" \\") ? String($0.dropLast(2)) : $0 }
            .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }.joined(separator: " ")
        XCTAssertEqual(joined, CommandLineOverlay.Entry(caption: "", words: words).commandLine,
                       "the rows, continuations removed, are the command")
    }

    func testCommandLineOverlayGoldenAndEsc() {
        var app = TestStore.app()
        app.setPins([.guangdong, .beijing, .zhejiang])
        app.type(":")
        XCTAssertEqual(app.overlay, .commandLine)
        assertGolden(app.render(width: 80, height: 24), named: "overlay-commandline-80x24")
        app.handle(.escape)
        XCTAssertNil(app.overlay)
    }
}
