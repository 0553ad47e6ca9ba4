import AdoptUI
import XCTest

final class GridTests: XCTestCase {
    func testWideCharactersTakeTwoColumnsAndAreNeverSplit() {
        var g = Grid(width: 7, height: 1)
        g.put("广东 Guangdong", row: 0, column: 0)
        XCTAssertEqual(g.lines, ["广东 Gu"])
        var h = Grid(width: 5, height: 1)
        g = h
        h.put("ab深圳", row: 0, column: 0)   // 深 fits (columns 2-3), 圳 would need 4-5
        XCTAssertEqual(h.lines, ["ab深 "])
        XCTAssertEqual(DisplayWidth.of("察布查尔"), 8)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 8, height: 1)
        g.put("abcdef深", row: 0, column: 0)
        g.put("x深", row: 0, column: 5, limit: 2)
        XCTAssertEqual(g.lines.map { DisplayWidth.of($0) }, [8])
        XCTAssertEqual(g.lines, ["abcdex  "])
        g.put("z", row: 0, column: 3)
        var h = Grid(width: 4, height: 1)
        h.put("深圳", row: 0, column: 0)
        h.put("x", row: 0, column: 1)
        XCTAssertEqual(h.lines, [" x圳"])
    }

    func testFillAndRestyleClampOutsideTheGrid() {
        var g = Grid(width: 3, height: 2)
        g.fill(row: 5, column: 9, width: 4, height: 4)
        g.fill(row: -3, column: -3, width: 2, height: 2)
        g.restyle(row: 0, column: 7, width: 3) { $0.bold = true }
        g.restyle(row: 1, column: -5, width: 2) { $0.bold = true }
        XCTAssertEqual(g.lines, ["   ", "   "])
    }
}
