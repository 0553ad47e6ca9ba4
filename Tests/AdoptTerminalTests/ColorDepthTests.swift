@testable import AdoptTerminal
import XCTest

final class ColorDepthTests: XCTestCase {
    func testDetect() {
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: nil), .palette256)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 65536, noColor: nil), .palette256)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 88, noColor: nil), .sixteen)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 16, noColor: nil), .sixteen)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 8, noColor: nil), .eight)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 2, noColor: nil), .none)
        XCTAssertEqual(ColorDepth.detect(hasColors: false, colors: 256, noColor: nil), .none)
    }

    /// no-color.org: present and not empty turns colour off; empty means unset.
    func testNoColor() {
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: "1"), .none)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: "0"), .none)
        XCTAssertEqual(ColorDepth.detect(hasColors: true, colors: 256, noColor: ""), .palette256)
    }

    func testColorForPalette() {
        XCTAssertNil(ColorDepth.none.color(forPalette: 33))
        XCTAssertEqual(ColorDepth.palette256.color(forPalette: 33), 33)
        XCTAssertEqual(ColorDepth.sixteen.color(forPalette: 75), 12)
        XCTAssertEqual(ColorDepth.eight.color(forPalette: 75), 6)     // (95,175,255): cyan
        XCTAssertEqual(ColorDepth.eight.color(forPalette: 3), 3)
    }
}
