@testable import AdoptTerminal
import XCTest

final class XtermPaletteTests: XCTestCase {
    func testRGBOfCubeAndGrayRamp() {
        XCTAssert(XtermPalette.rgb(16) == (0, 0, 0))
        XCTAssert(XtermPalette.rgb(196) == (255, 0, 0))       // 16 + 36*5
        XCTAssert(XtermPalette.rgb(33) == (0, 135, 255))      // 16 + 6*2 + 5
        XCTAssert(XtermPalette.rgb(153) == (175, 215, 255))   // 16 + 36*3 + 6*4 + 5
        XCTAssert(XtermPalette.rgb(231) == (255, 255, 255))
        XCTAssert(XtermPalette.rgb(232) == (8, 8, 8))
        XCTAssert(XtermPalette.rgb(255) == (238, 238, 238))
        XCTAssert(XtermPalette.rgb(9) == (255, 0, 0))
    }

    func testBasicColoursMapToThemselves() {
        for i in UInt8(0)..<16 { XCTAssertEqual(XtermPalette.nearest(to: i, among: 16), i) }
        for i in UInt8(0)..<8 { XCTAssertEqual(XtermPalette.nearest(to: i, among: 8), i) }
    }

    func testNearestOfSixteen() {
        XCTAssertEqual(XtermPalette.nearest(to: 196, among: 16), 9)   // exact bright red
        XCTAssertEqual(XtermPalette.nearest(to: 19, among: 16), 4)    // (0,0,175): blue, distance 63²
        XCTAssertEqual(XtermPalette.nearest(to: 33, among: 16), 6)    // (0,135,255): cyan 70²+50² < bright blue 92²+43²
        XCTAssertEqual(XtermPalette.nearest(to: 75, among: 16), 12)   // (95,175,255): bright blue 3²+83²
        XCTAssertEqual(XtermPalette.nearest(to: 153, among: 16), 7)   // (175,215,255): white 3788
        XCTAssertEqual(XtermPalette.nearest(to: 244, among: 16), 8)   // (128,128,128) ≈ (127,127,127)
        XCTAssertEqual(XtermPalette.nearest(to: 232, among: 16), 0)   // (8,8,8): black
    }

    func testNearestOfEight() {
        // Gray looks only at grays: by RGB alone (127,127,127) is nearer yellow (28297) than
        // white (31212).
        XCTAssertEqual(XtermPalette.nearest(to: 8, among: 8), 7)      // white 3·102² < black 3·127²
        XCTAssertEqual(XtermPalette.nearest(to: 240, among: 8), 0)    // (88,88,88): black 3·88² < white 3·141²
        XCTAssertEqual(XtermPalette.nearest(to: 240, among: 16), 8)   // bright black (127,127,127)
        XCTAssertEqual(XtermPalette.nearest(to: 9, among: 8), 1)      // bright red → red
        XCTAssertEqual(XtermPalette.nearest(to: 12, among: 8), 4)     // (92,92,255) → blue
        XCTAssertEqual(XtermPalette.nearest(to: 75, among: 8), 6)     // (95,175,255): cyan 12425
        XCTAssertEqual(XtermPalette.nearest(to: 33, among: 8), 6)     // (0,135,255): cyan 7400 < blue 18514
        XCTAssertEqual(XtermPalette.nearest(to: 196, among: 8), 1)
        XCTAssertEqual(XtermPalette.nearest(to: 244, among: 8), 7)    // (128,128,128): white 3·101²
    }
}
