@testable import AdoptTerminal
import XCTest

final class FramePainterTests: XCTestCase {
    /// Whatever reaches the screen is printable: controls and bidi overrides become U+FFFD.
    func testScalarsNeutraliseControls() {
        XCTAssertEqual(FramePainter.scalars(of: "广"), [0x5E7F])
        XCTAssertEqual(FramePainter.scalars(of: "\u{1B}"), [0xFFFD])
        XCTAssertEqual(FramePainter.scalars(of: "\u{9B}"), [0xFFFD])
        XCTAssertEqual(FramePainter.scalars(of: "\u{202E}"), [0xFFFD])
        XCTAssertEqual(FramePainter.scalars(of: "e\u{301}"), [0x65, 0x301])
        XCTAssertEqual(FramePainter.scalars(of: ""), [0x20])
    }
}
