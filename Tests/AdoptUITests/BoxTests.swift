import AdoptUI
import XCTest

final class BoxTests: XCTestCase {
    func testFrameAndInnerRect() {
        var grid = Grid(width: 12, height: 4)
        let inner = grid.drawBox(Rect(row: 0, column: 0, width: 12, height: 4), title: "Map", focused: false)
        XCTAssertEqual(inner, Rect(row: 1, column: 1, width: 10, height: 2))
        XCTAssertEqual(grid.lines, [
            "┌ Map ─────┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    func testCJKTitleIsClippedWholeWithEllipsis() {
        // Room for the title is width - 4 = 6 columns: "广东 …" (2 + 2 + 1 + 1).
        var grid = Grid(width: 10, height: 3)
        grid.drawBox(Rect(row: 0, column: 0, width: 10, height: 3), title: "广东 Guangdong", focused: false)
        XCTAssertEqual(grid.lines[0], "┌ 广东 … ┐")
        // Room 4: "广东省" needs 6; "广…" is 3 columns, the 4th is not enough for 东.
        var narrow = Grid(width: 8, height: 3)
        narrow.drawBox(Rect(row: 0, column: 0, width: 8, height: 3), title: "广东省", focused: false)
        XCTAssertEqual(narrow.lines[0], "┌ 广… ─┐")
        XCTAssertEqual(narrow[0, 7].text, "┐")
    }

    func testFocusIsShownByStyleNotByShape() {
        var focused = Grid(width: 12, height: 3)
        var plain = Grid(width: 12, height: 3)
        let area = Rect(row: 0, column: 0, width: 12, height: 3)
        focused.drawBox(area, title: "Map", focused: true)
        plain.drawBox(area, title: "Map", focused: false)
        XCTAssertEqual(focused.lines, plain.lines)
        XCTAssertEqual(focused[0, 0].style, Theme.borderFocused)
        XCTAssertEqual(plain[0, 0].style, Theme.border)
        XCTAssertTrue(focused[0, 2].style.bold, "focused title is bold")
        XCTAssertFalse(plain[0, 2].style.bold)
    }

    func testTinyAreasDrawNothingAndReturnEmpty() {
        for (w, h) in [(0, 0), (1, 1), (1, 5), (5, 1)] {
            var grid = Grid(width: 6, height: 6)
            let inner = grid.drawBox(Rect(row: 1, column: 1, width: w, height: h), title: "T", focused: true)
            XCTAssertTrue(inner.isEmpty, "\(w)x\(h)")
            XCTAssertEqual(grid, Grid(width: 6, height: 6), "\(w)x\(h) drew something")
        }
        var grid = Grid(width: 2, height: 2)
        let inner = grid.drawBox(Rect(row: 0, column: 0, width: 2, height: 2), title: "Title", focused: false)
        XCTAssertTrue(inner.isEmpty)
        XCTAssertEqual(grid.lines, ["┌┐", "└┘"])
        var three = Grid(width: 3, height: 3)
        XCTAssertEqual(three.drawBox(Rect(row: 0, column: 0, width: 3, height: 3), title: "广东", focused: false),
                       Rect(row: 1, column: 1, width: 1, height: 1))
        XCTAssertEqual(three.lines, ["┌─┐", "│ │", "└─┘"])
    }

    func testAreaIsCutToTheGrid() {
        var grid = Grid(width: 10, height: 5)
        let inner = grid.drawBox(Rect(row: -1, column: 5, width: 100, height: Int.max), title: "", focused: false)
        XCTAssertEqual(inner, Rect(row: 1, column: 6, width: 3, height: 3))
        XCTAssertEqual(grid.lines[0], "     ┌───┐")
        XCTAssertEqual(grid.lines[4], "     └───┘")
    }

    func testInnerAreaIsCleared() {
        var grid = Grid(width: 6, height: 4)
        for r in 0..<4 { grid.put("xxxxxx", row: r, column: 0) }
        grid.drawBox(Rect(row: 0, column: 0, width: 6, height: 4), title: "", focused: false)
        XCTAssertEqual(grid.lines, ["┌────┐", "│    │", "│    │", "└────┘"])
    }

    /// The guarantee every pane relies on: `put` with a limit never splits a wide character
    /// and never writes past the limit (here the right border would be overwritten).
    func testPutNeverSplitsWideCharacterAtLimit() {
        var grid = Grid(width: 8, height: 3)
        grid.drawBox(Rect(row: 0, column: 0, width: 8, height: 3), title: "", focused: false)
        // Inner width 6 from column 1: "ab" + 深圳 (4) would need 6, "ab深圳市" needs 8.
        let end = grid.put("ab深圳市", row: 1, column: 1, limit: 6)
        XCTAssertEqual(end, 7)
        XCTAssertEqual(grid.lines[1], "│ab深圳│")
        let odd = grid.put("a深圳市", row: 1, column: 1, limit: 6)
        XCTAssertEqual(odd, 7)
        XCTAssertEqual(grid.lines[1], "│a深圳 │", "the half-fitting 市 becomes a space")
        XCTAssertEqual(grid[1, 7].text, "│")
    }

    func testTextLayoutClipAndPad() {
        XCTAssertEqual(TextLayout.clip("广东 Guangdong", width: 6), "广东 …")
        XCTAssertEqual(TextLayout.clip("广东省", width: 4), "广…")
        XCTAssertEqual(TextLayout.clip("广东省", width: 6), "广东省")
        XCTAssertEqual(TextLayout.clip("abc", width: 0), "")
        XCTAssertEqual(TextLayout.clip("abc", width: 1), "…")
        XCTAssertEqual(TextLayout.clipLeft("全国 China › 广东 Guangdong › 深圳 Shenzhen", width: 20),
                       "…ong › 深圳 Shenzhen")
        XCTAssertEqual(TextLayout.clipLeft("深圳市", width: 4), "…市")
        XCTAssertEqual(TextLayout.pad("深圳", width: 6), "深圳  ")
        XCTAssertEqual(TextLayout.pad("深圳", width: 6, alignRight: true), "  深圳")
        XCTAssertEqual(TextLayout.pad("深圳市", width: 4), "深… ")
    }

    func testWrapBreaksAtSpacesBetweenCJKAndInsideOverlongWords() {
        XCTAssertEqual(TextLayout.wrap("DeepSeek helps draft documents", width: 10),
                       ["DeepSeek", "helps", "draft", "documents"])
        XCTAssertEqual(TextLayout.wrap("DeepSeek helps draft documents", width: 14),
                       ["DeepSeek helps", "draft", "documents"])
        XCTAssertEqual(TextLayout.wrap("深圳市福田区政务", width: 6), ["深圳市", "福田区", "政务"])
        XCTAssertEqual(TextLayout.wrap("深圳市", width: 5), ["深圳", "市"])
        // Closing punctuation stays with the character before it.
        XCTAssertEqual(TextLayout.wrap("用DeepSeek写公文，效率高", width: 8),
                       ["用", "DeepSeek", "写公文，", "效率高"])
        XCTAssertEqual(TextLayout.wrap("see https://example.org/abc", width: 10),
                       ["see", "https://ex", "ample.org/", "abc"])
        XCTAssertEqual(TextLayout.wrap("a\nb c", width: 10), ["a", "b c"])
        XCTAssertEqual(TextLayout.wrap("", width: 10), [""])
        XCTAssertEqual(TextLayout.wrap("abc", width: 0), [])
        XCTAssertEqual(TextLayout.wrap("深圳", width: 1), [""], "a wide character cannot fit one column")
        for line in TextLayout.wrap(String(repeating: "深圳 Shenzhen，", count: 20), width: 7) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 7, line)
        }
    }
}
