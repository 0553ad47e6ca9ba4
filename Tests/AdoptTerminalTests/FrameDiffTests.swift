import AdoptUI
@testable import AdoptTerminal
import XCTest

final class FrameDiffTests: XCTestCase {
    private func grid(_ text: String, width: Int = 4, style: Style = .plain) -> Grid {
        var g = Grid(width: width, height: 1)
        g.put(text, row: 0, column: 0, style: style)
        return g
    }

    private func columns(_ placements: [FrameDiff.Placement]) -> [Int] { placements.map(\.column) }
    private func texts(_ placements: [FrameDiff.Placement]) -> [String] { placements.map(\.cell.text) }

    func testFirstFrameDrawsEveryCellAndWideCharactersOnce() {
        var diff = FrameDiff()
        let placements = diff.placements(for: grid("广ab"))
        XCTAssertEqual(columns(placements), [0, 2, 3])
        XCTAssertEqual(texts(placements), ["广", "a", "b"])
    }

    func testUnchangedFrameDrawsNothing() {
        var diff = FrameDiff()
        _ = diff.placements(for: grid("广ab"))
        XCTAssertEqual(diff.placements(for: grid("广ab")), [])
    }

    func testOnlyChangedCellsAreDrawn() {
        var diff = FrameDiff()
        _ = diff.placements(for: grid("abcd"))
        let placements = diff.placements(for: grid("abXd"))
        XCTAssertEqual(columns(placements), [2])
        XCTAssertEqual(texts(placements), ["X"])
    }

    func testNarrowToWideAndBack() {
        var diff = FrameDiff()
        _ = diff.placements(for: grid("abcd"))
        var wide = Grid(width: 4, height: 1)
        wide.put("a广d", row: 0, column: 0)
        XCTAssertEqual(texts(diff.placements(for: wide)), ["广"])             // its right half is covered
        XCTAssertEqual(texts(diff.placements(for: grid("abcd"))), ["b", "c"])
    }

    /// A style change on the right half alone redraws the character from its first cell.
    func testRestyledContinuationRedrawsItsCharacter() {
        var diff = FrameDiff()
        let before = grid("广ab")
        _ = diff.placements(for: before)
        var after = before
        after.restyle(row: 0, column: 1, width: 1) { $0.bold = true }
        let placements = diff.placements(for: after)
        XCTAssertEqual(columns(placements), [0])
        XCTAssertEqual(texts(placements), ["广"])
    }

    func testNewSizeOrInvalidateRedrawsEverything() {
        var diff = FrameDiff()
        _ = diff.placements(for: grid("abcd"))
        XCTAssertEqual(columns(diff.placements(for: grid("abcd", width: 5))), [0, 1, 2, 3, 4])
        diff.invalidate()
        XCTAssertEqual(columns(diff.placements(for: grid("abcd", width: 5))), [0, 1, 2, 3, 4])
    }

    func testEmptyAndOneCellGrids() {
        var diff = FrameDiff()
        XCTAssertEqual(diff.placements(for: Grid(width: 0, height: 0)), [])
        XCTAssertEqual(columns(diff.placements(for: grid("广", width: 1))), [0])  // put pads: " "
    }
}
