import XCTest
import AdoptCore
@testable import AdoptUI

/// Issue 12: help that fits at 80 columns and explains every symbol; `s` only sorts a table
/// on screen; the presentation hint says what Space does now; one "too small" screen.
final class HelpLegendTests: XCTestCase {
    func testHelpAt80x24CutsNoLine() {
        var app = TestStore.app(width: 80, height: 24)
        app.handle(.character("?"))
        var seen: [String] = []
        for _ in 0...HelpOverlay.maxScroll(screenWidth: 80, screenHeight: 23) {
            let lines = app.render(width: 80, height: 24).lines
            for line in lines.dropLast() {
                XCTAssertFalse(line.contains("…│"), "cut: \(line)")
            }
            seen += lines
            app.handle(.down)
        }
        // Every help text appears whole once its wrapped rows are joined.
        let rows = HelpOverlay.rows(width: 80)
        var joined: [String] = []
        for row in rows where !row.isHeading {
            if row.keys.isEmpty, let last = joined.popLast() { joined.append(last + " " + row.text) } else { joined.append(row.text) }
        }
        // Wrapping keeps one space between words.
        func words(_ s: String) -> String { s.split(separator: " ").joined(separator: " ") }
        joined = joined.map(words)
        for binding in Keymap.global where !binding.help.isEmpty {
            XCTAssertTrue(joined.contains(words(binding.help)), "help for \(binding.label) not whole: \(binding.help)")
        }
        for line in HelpOverlay.lines where !line.keys.isEmpty {
            XCTAssertTrue(joined.contains(words(line.action)), "not whole: \(line.action)")
        }
        XCTAssertTrue(seen.contains { $0.contains("↓ more") }, "a taller help says there is more")
        XCTAssertTrue(seen.contains { $0.contains("searching…") }, "scrolling reaches the end of the legend")
    }

    func testHelpScrollsToTheEndWithG() {
        var app = TestStore.app(width: 80, height: 24)
        app.handle([.character("?"), .character("G")])
        let last = HelpOverlay.maxScroll(screenWidth: 80, screenHeight: 23)
        XCTAssertGreaterThan(last, 0)
        XCTAssertEqual(app.overlay, .help(scroll: last))
        let text = app.render(width: 80, height: 24).text
        XCTAssertTrue(text.contains("searching…"), text)
        XCTAssertFalse(text.contains("↓ more"))
        app.handle(.character("g"))
        XCTAssertEqual(app.overlay, .help(scroll: 0))
        app.handle(.pageDown)
        if case .help(let s)? = app.overlay { XCTAssertGreaterThan(s, 1) } else { XCTFail("help closed") }
    }

    func testLegendListsEverySymbol() {
        let keys = HelpOverlay.legend.map(\.keys).joined(separator: " ")
        for symbol in ["cov", "~", "?", "(?)", "*", "◆", "▼", "[ ]", "[x]", "↻", "⚠", "…", "↩", "not yet", "counting…", "searching…"] {
            XCTAssertTrue(keys.contains(symbol), "legend lacks \(symbol)")
        }
        for glyph in ComparisonChart.glyphs { XCTAssertTrue(keys.contains(glyph), "legend lacks \(glyph)") }
        for shade in Theme.shadeGlyphs where shade != " " {
            XCTAssertTrue(keys.contains(shade), "legend lacks the shade \(shade)")
        }
    }

    func testSortLeavesAHiddenTableAlone() {
        var app = TestStore.app()
        XCTAssertEqual(app.regionsView, .map)
        let before = app.tableSort
        app.handle(.character("s"))
        XCTAssertEqual(app.tableSort, before, "the map is shown: the table is not sorted")
        XCTAssertEqual(app.message?.contains("table view"), true)
        app.handle([.character("m"), .tab])
        app.handle(.character("S"))
        XCTAssertEqual(app.tableSort, before, "focus is elsewhere: the table is not sorted")
        app.handle(.backTab)
        app.handle(.character("S"))
        XCTAssertNotEqual(app.tableSort, before, "the table, shown and focused, is sorted")
    }

    func testPresentationHintSaysWhatSpaceDoes() {
        var app = TestStore.app(width: 100, height: 30)
        app.handle(.character("p"))
        XCTAssertTrue(app.presentationPane.hints.contains("Space play"))
        app.handle(.character(" "))
        XCTAssertTrue(app.presentationPane.hints.contains("Space pause"), app.presentationPane.hints)
        app.handle(.character(" "))
        XCTAssertTrue(app.presentationPane.hints.contains("Space play"))
    }

    func testTooSmallSaysHowToQuitEverywhere() {
        var app = TestStore.app()
        for (w, h) in [(59, 16), (30, 10)] {
            XCTAssertTrue(app.render(width: w, height: h).text.contains("q quits"), "dashboard \(w)x\(h)")
        }
        app.handle(.character("p"))
        XCTAssertTrue(app.presentation.isOn)
        for (w, h) in [(59, 16), (30, 10)] {
            let text = app.render(width: w, height: h).text
            XCTAssertTrue(text.contains("q quits") && text.contains("need 60x16"), "presentation \(w)x\(h): \(text)")
        }
        // The presentation map fits wherever the dashboard accepts the size.
        for w in 60...90 { for h in 16...24 { XCTAssertNotNil(PresentationLayout(width: w, height: h).geometry, "\(w)x\(h)") } }
    }
}

/// Issue 12: on a day with a national event and one with no place, the caption leads with
/// (and explains) the national one.
final class CaptionOrderTests: XCTestCase {
    func testNationalEventLeadsTheCaption() throws {
        let day = TestStore.day("2025-03-12")
        let events = [
            Event(date: day, title: "Industry forum", analysis: EventAnalysis(whyItMatters: "placeless")),
            Event(date: day, title: "State Council notice", region: .country,
                  analysis: EventAnalysis(whyItMatters: "national")),
        ]
        let snapshot = Snapshot(file: "t.json", asOf: TestStore.day("2025-03-15"), title: "t", synthetic: false,
                                sources: TestStore.sources, deployments: TestStore.deployments, events: events,
                                claims: [])
        let app = App(store: Store(snapshots: [snapshot]), dataPath: "t", width: 80, height: 24)
        let caption = try XCTUnwrap(app.caption)
        XCTAssertTrue(caption.text.hasPrefix("State Council notice · Industry forum"), caption.text)
        XCTAssertTrue(caption.text.hasSuffix("Why it matters: national"), caption.text)
        XCTAssertEqual(App.nationalFirst(events).map(\.title), ["State Council notice", "Industry forum"])
    }
}
