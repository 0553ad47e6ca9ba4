import AdoptCore
@testable import AdoptUI
import XCTest

/// The `!` pane: each problem with file, line, column, field and message (wrapped), the
/// summary, scrolling, and the golden.
final class ProblemsPaneTests: XCTestCase {
    let truncated = Problem(file: "数据/2025-04-01.json", line: 116, column: 20, path: "",
                            message: "unterminated string (the file ends inside it)")
    let region = Problem(file: "数据/2025-04-01.json", line: 57, column: 17, path: "deployments[3].region",
                         message: "\"460199\" is not a region code in the gazetteer (GB/T 2260): check the code, or use the prefecture's code when the county is not known")
    let lastGood = Problem(file: "数据/2025-04-01.json", line: 0, column: 0, path: "",
                           message: "showing the last good version loaded at 14:03:12", severity: .warning)

    func testRowsGiveLocationFieldAndWrappedMessage() {
        let rows = ProblemsPane.rows([truncated, region, lastGood], width: 60).map { $0.pieces.map(\.text).joined() }
        XCTAssertEqual(rows, [
            "✗ error    数据/2025-04-01.json:116:20",
            "           unterminated string (the file ends inside it)",
            "✗ error    数据/2025-04-01.json:57:17  deployments[3].region",
            "           \"460199\" is not a region code in the gazetteer",
            "           (GB/T 2260): check the code, or use the",
            "           prefecture's code when the county is not known",
            "⚠ warning  数据/2025-04-01.json",
            "           showing the last good version loaded at 14:03:12",
        ])
        XCTAssertEqual(ProblemsPane.rows([truncated], width: 60)[0].pieces[0].style, Theme.error)
        XCTAssertEqual(ProblemsPane.rows([lastGood], width: 60)[0].pieces[0].style, Theme.warning)
    }

    func testSummary() {
        XCTAssertEqual(ProblemsPane.summary([]), "No problems: every snapshot file loaded cleanly.")
        XCTAssertEqual(ProblemsPane.summary([truncated, region, lastGood]),
                       "2 errors · 1 warning in 1 file · a broken file keeps its last good data on screen")
        XCTAssertEqual(ProblemsPane.summary([lastGood, Problem(file: "b.json", line: 0, column: 0, path: "", message: "x",
                                                               severity: .warning)]),
                       "2 warnings in 2 files")
    }

    func testFileNamesFromTheDirectoryAreMadeSafe() {
        let hostile = Problem(file: "evil\u{1B}[2J.json", line: 1, column: 1, path: "", message: "bad\u{1B}]0;title\u{07}")
        let text = ProblemsPane.rows([hostile], width: 60).flatMap { $0.pieces.map(\.text) }.joined()
        XCTAssertFalse(text.contains("\u{1B}"), text)
    }

    func testGolden() {
        var grid = Grid(width: 80, height: 16)
        ProblemsPane(problems: [truncated, region, lastGood])
            .draw(into: &grid, over: Rect(row: 0, column: 0, width: 80, height: 16))
        assertGolden(grid, named: "problems-80x16")
    }

    func testKeysOpenScrollAndClose() {
        var app = TestStore.app(width: 80, height: 24)
        let t = WallTime(seconds: 1_743_573_792)
        let many = (1...30).map { Problem(file: "b.json", line: $0, column: 1, path: "", message: "problem \($0)") }
        app.apply(live: LiveUpdate(store: nil, problems: many, loadedAt: t, checkedAt: t))
        app.handle(.character("!"))
        XCTAssertEqual(app.overlay, .problems(scroll: 0))
        app.handle(.down)
        XCTAssertEqual(app.overlay, .problems(scroll: 1))
        // 60 rows (two a problem); at 80x24 the pane is 21 rows high: 17 body rows.
        XCTAssertEqual(ProblemsPane.layout(many, screenWidth: 80, screenHeight: 24).visible, 17)
        app.handle(.end)
        // The head (data path, current file, freshness) scrolls with the list: 4 lines and a gap.
        XCTAssertEqual(app.overlay, .problems(scroll: 47))
        app.handle(.pageDown)
        XCTAssertEqual(app.overlay, .problems(scroll: 47), "clamped")
        let last = app.render(width: 80, height: 24).text
        XCTAssertTrue(last.contains("problem 30"), last)
        XCTAssertFalse(last.contains("problem 21\n"), "scrolled past")
        // Fewer problems after a reload: the scroll is clamped to what is left.
        app.apply(live: LiveUpdate(store: nil, problems: Array(many.prefix(3)), loadedAt: t, checkedAt: t))
        XCTAssertEqual(app.overlay, .problems(scroll: 0))
        app.handle(.character("r"))
        XCTAssertTrue(app.live.reloadRequested, "r works from the pane")
        app.handle(.escape)
        XCTAssertNil(app.overlay)
        let status = app.render(width: 80, height: 24).lines.last!
        // At 80 columns the count stays, in its short form, and so does the claim with what
        // it counts; "? help" and the age give way, "reloading…" (r was pressed) shortens to
        // "↻". Three lines of one file are one problem.
        XCTAssertEqual(status, " 2025-03-15 │ ⚠ 1 (!) │ ↻ │ 6 dep · 4 prov │ tracked 5 / claimed 72 deployments ")
        XCTAssertTrue(app.render(width: 120, height: 24).lines.last!.contains(" │ ⚠ 1 problem (!) │ "))
    }
}
