@testable import AdoptTerminal
import XCTest

final class ColorPairsTests: XCTestCase {
    private final class Recorder {
        var defined: [[Int]] = []
        var refuse = false
    }

    private func pairs(limit: Int, _ recorder: Recorder) -> ColorPairs {
        ColorPairs(limit: limit) { number, fg, bg in
            if recorder.refuse { return false }
            recorder.defined.append([number, fg, bg])
            return true
        }
    }

    func testAllocatesLazilyAndReuses() {
        let recorder = Recorder()
        var p = pairs(limit: 64, recorder)
        XCTAssertEqual(p.number(for: .init(foreground: -1, background: -1)), 0)  // default pair
        XCTAssertEqual(p.number(for: .init(foreground: 1, background: -1)), 1)
        XCTAssertEqual(p.number(for: .init(foreground: 0, background: 7)), 2)
        XCTAssertEqual(p.number(for: .init(foreground: 1, background: -1)), 1)
        XCTAssertEqual(recorder.defined, [[1, 1, -1], [2, 0, 7]])
        XCTAssertEqual(p.allocated, 2)
    }

    func testFallsBackToDefaultPairWhenFull() {
        let recorder = Recorder()
        var p = pairs(limit: 3, recorder)  // pairs 1 and 2 only
        XCTAssertEqual(p.number(for: .init(foreground: 1, background: 0)), 1)
        XCTAssertEqual(p.number(for: .init(foreground: 2, background: 0)), 2)
        XCTAssertEqual(p.number(for: .init(foreground: 3, background: 0)), 0)
        XCTAssertEqual(p.number(for: .init(foreground: 1, background: 0)), 1)
        XCTAssertEqual(recorder.defined.count, 2)
    }

    func testFallsBackWhenNcursesRefuses() {
        let recorder = Recorder()
        recorder.refuse = true
        var p = pairs(limit: 64, recorder)
        XCTAssertEqual(p.number(for: .init(foreground: 4, background: 0)), 0)
    }
}
