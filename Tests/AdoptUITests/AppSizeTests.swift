import AdoptCore
@testable import AdoptUI
import XCTest

/// Every terminal size draws without crashing and without broken wide characters.
final class AppSizeTests: XCTestCase {
    /// A continuation cell must follow a two-column character, and a two-column character must
    /// be followed by its continuation: otherwise CJK names are split or columns slip.
    func assertWellFormed(_ grid: Grid, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for r in 0..<grid.height {
            for c in 0..<grid.width {
                let cell = grid[r, c]
                // Only characters from U+1100 up can be wide (UTF-8 lead byte 0xE1 or more).
                guard cell.isContinuation || (cell.text.utf8.first ?? 0) >= 0xE1 else { continue }
                if cell.isContinuation {
                    guard c > 0, DisplayWidth.of(grid[r, c - 1].text) == 2 else {
                        return XCTFail("\(what): dangling continuation at \(r),\(c)", file: file, line: line)
                    }
                } else if DisplayWidth.of(cell.text) == 2 {
                    guard c + 1 < grid.width, grid[r, c + 1].isContinuation else {
                        return XCTFail("\(what): wide character without its right half at \(r),\(c)", file: file, line: line)
                    }
                }
            }
        }
    }

    /// Apps in different states: plain, drilled into a record, table with the whole country,
    /// and each overlay open.
    func apps() -> [(String, App)] {
        var drilled = TestStore.app()
        drilled.jump(toDeployment: "gd-futian")
        var table = TestStore.app()
        table.handle([.character("m"), .escape])
        var help = TestStore.app()
        help.handle(.character("?"))
        var search = TestStore.app()
        search.handle(.character("/"))
        search.type("shen")
        var filter = TestStore.app()
        filter.handle([.character("f"), .down, .enter])
        return [("plain", TestStore.app()), ("drilled", drilled), ("table", table),
                ("help", help), ("search", search), ("filter", filter)]
    }

    /// Every 9th width and 4th height for the plain and drilled states, coarser for the rest
    /// (a debug-build frame costs a few milliseconds; the sweep stays at a few seconds).
    func testEverySizeFrom0x0To200x60() {
        let apps = apps()
        let start = ContinuousClock.now
        var frames = 0
        for (i, (name, app)) in apps.enumerated() {
            let (wStep, hStep) = i < 2 ? (9, 4) : (17, 7)
            for w in stride(from: 0, through: 200, by: wStep) {
                for h in stride(from: 0, through: 60, by: hStep) {
                    let grid = app.render(width: w, height: h)
                    XCTAssertEqual(grid.width, w)
                    XCTAssertEqual(grid.height, h)
                    assertWellFormed(grid, "\(name) \(w)x\(h)")
                    frames += 1
                }
            }
        }
        for (w, h) in [(1, 1), (60, 16), (59, 16), (60, 15), (61, 17), (80, 24), (200, 60), (400, 150), (400, 1), (1, 150)] {
            for (name, app) in apps {
                assertWellFormed(app.render(width: w, height: h), "\(name) \(w)x\(h)")
                frames += 1
            }
        }
        print("AppSizeTests: \(frames) frames in \(ContinuousClock.now - start)")
    }

    func testEverySizeAroundTheMinimum() {
        let app = TestStore.app()
        for w in 57...63 {
            for h in 14...18 {
                assertWellFormed(app.render(width: w, height: h), "\(w)x\(h)")
            }
        }
    }

    func testKeysAndClicksAtOddSizesDoNotCrash() {
        var app = TestStore.app()
        let keys: [Key] = [.enter, .down, .enter, .character("D"), .enter, .escape, .tab, .right,
                           .character("m"), .down, .character("/"), .character("a"), .enter,
                           .character("f"), .down, .enter, .escape, .character("]")]
        for (w, h) in [(0, 0), (1, 1), (60, 16), (80, 24), (133, 41), (400, 150)] {
            app.handle(.resize(width: w, height: h))
            for key in keys { app.handle(key) }
            for r in stride(from: 0, to: max(1, h), by: 3) {
                for c in stride(from: 0, to: max(1, w), by: 5) {
                    app.handle(.click(row: r, column: c))
                    app.handle(.wheelDown(row: r, column: c))
                }
            }
            assertWellFormed(app.render(width: w, height: h), "\(w)x\(h)")
        }
    }

    func testA400x150FrameIsQuick() {
        let app = TestStore.app()
        _ = app.render(width: 400, height: 150)
        let start = ContinuousClock.now
        for _ in 0..<5 { _ = app.render(width: 400, height: 150) }
        let each = (ContinuousClock.now - start) / 5
        print("AppSizeTests: one 400x150 frame in \(each)")
        XCTAssertLessThan(each, .milliseconds(500), "a frame must not take long even in a debug build")
    }
}
