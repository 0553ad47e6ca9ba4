import AdoptUI
@testable import AdoptTerminal
import XCTest

/// ncurses key codes, written out (octal, from curses.h) so the tests need no C.
private enum Code {
    static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
    static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
    static let delete: Int32 = 0o512, pageDown: Int32 = 0o522, pageUp: Int32 = 0o523
    static let enter: Int32 = 0o527, backTab: Int32 = 0o541, end: Int32 = 0o550
}

final class KeyDecoderTests: XCTestCase {
    private func decode(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.decode(text.unicodeScalars.map { .scalar($0.value) })
    }

    func testTypedCharacters() {
        XCTAssertEqual(decode("q?广"), [.character("q"), .character("?"), .character("广")])
        XCTAssertEqual(decode("\r\n\t"), [.enter, .enter, .tab])
        XCTAssertEqual(decode("\u{7F}\u{08}"), [.backspace, .backspace])
        XCTAssertEqual(decode("\u{03}\u{01}\u{1A}"), [.control("c"), .control("a"), .control("z")])
        XCTAssertEqual(decode("\u{00}\u{1C}\u{85}"), [])  // NUL, Ctrl-\, C1 NEL: nothing
    }

    func testKeyCodes() {
        var decoder = KeyDecoder()
        let codes = [Code.up, Code.down, Code.left, Code.right, Code.pageUp, Code.pageDown,
                     Code.home, Code.end, Code.enter, Code.backspace, Code.delete, Code.backTab,
                     Code.f0 + 1, Code.f0 + 12]
        XCTAssertEqual(decoder.decode(codes.map { .keyCode($0) }),
                       [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter,
                        .backspace, .delete, .backTab, .function(1), .function(12)])
        XCTAssertEqual(decoder.decode([.keyCode(0o777)]), [])  // unknown code
    }

    func testLoneEscapeAtEndOfBurstIsEscKey() {
        XCTAssertEqual(decode("\u{1B}"), [.escape])
        XCTAssertEqual(decode("j\u{1B}"), [.character("j"), .escape])
        XCTAssertEqual(decode("\u{1B}\u{1B}"), [.escape, .escape])
    }

    func testEscapeBeforeDecodedKeyIsEscKey() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.decode([.scalar(27), .keyCode(Code.up)]), [.escape, .up])
    }

    /// Terminal replies must never become commands (a cursor position report ends in R,
    /// which would otherwise be typed text; an OSC reply carries letters too).
    func testTerminalRepliesAreSwallowed() {
        XCTAssertEqual(decode("\u{1B}[12;5Rq"), [.character("q")])           // CPR
        XCTAssertEqual(decode("\u{1B}[?1;2c"), [])                           // DA1
        XCTAssertEqual(decode("\u{1B}]11;rgb:0000/0000/0000\u{07}x"), [.character("x")])  // OSC, BEL
        XCTAssertEqual(decode("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\x"), [.character("x")]) // OSC, ST
        XCTAssertEqual(decode("\u{1B}P1$r0m\u{1B}\\"), [])                   // DCS
        XCTAssertEqual(decode("\u{1B}OPk"), [.character("k")])              // SS3 (unknown F1)
        XCTAssertEqual(decode("\u{1B}q"), [])                                // Alt+q: not a quit
    }

    /// Alt+[ or Alt+] (ESC [ / ESC ]) must not swallow the keys typed after it.
    func testSequenceEndsWithItsBurst() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.decode("\u{1B}[".unicodeScalars.map { .scalar($0.value) }), [])
        XCTAssertEqual(decoder.decode("q".unicodeScalars.map { .scalar($0.value) }), [.character("q")])
        XCTAssertEqual(decoder.decode("\u{1B}]".unicodeScalars.map { .scalar($0.value) }), [])
        XCTAssertEqual(decoder.decode("j".unicodeScalars.map { .scalar($0.value) }), [.character("j")])
    }

    func testUnterminatedStringStopsSwallowing() {
        var decoder = KeyDecoder()
        let long = "\u{1B}]" + String(repeating: "a", count: KeyDecoder.longestString) + "bq"
        XCTAssertEqual(decoder.decode(long.unicodeScalars.map { .scalar($0.value) }), [.character("q")])
    }

    func testMouseAndResize() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.decode([
            .mouse(MouseReport(action: .press, row: 3, column: 7)),
            .mouse(MouseReport(action: .wheelUp, row: 1, column: 2)),
            .mouse(MouseReport(action: .wheelDown, row: 4, column: 5)),
            .mouse(MouseReport(action: .other, row: 0, column: 0)),
            .resize(width: 100, height: 30),
        ]), [.click(row: 3, column: 7), .wheelUp(row: 1, column: 2), .wheelDown(row: 4, column: 5),
             .resize(width: 100, height: 30)])
    }
}
