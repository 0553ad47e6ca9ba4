import AdoptUI
@testable import AdoptTerminal
import XCTest

/// Every cell reaches ncurses as pieces whose C-library width adds up to the grid's width, so
/// no cluster moves the cursor, and no border, further than the grid says.
final class TerminalGlyphTests: XCTestCase {
    /// glibc's answers for the scalars used here (regional indicators and ☀ are one column).
    static func glibc(_ v: UInt32) -> Int {
        switch v {
        case 0x300...0x36F, 0x200D, 0xFE0E, 0xFE0F, 0x20E3: return 0
        case 0x1F468...0x1F469, 0x1F467, 0x1F466, 0x1F4BB, 0x1F600, 0x4E00...0x9FFF, 0xFF01...0xFF60: return 2
        case 0x1F1E6...0x1F1FF, 0x20...0x7E, 0x2600, 0x2764, 0xFFFD: return 1
        default: return -1
        }
    }

    func pieces(_ text: String) -> [[UInt32]] {
        TerminalGlyph.pieces(FramePainter.scalars(of: text), width: DisplayWidth.of(text),
                             libraryWidth: Self.glibc)
    }

    /// What ncurses advances: the C-library width of each piece's first scalar.
    func advance(_ text: String) -> Int {
        pieces(text).reduce(0) { $0 + Self.glibc($1[0]) }
    }

    func testEachClusterKeepsItsGridWidth() {
        for text in ["a", "中", "😀", "e\u{301}", "🇨🇳", "☀️", "❤️", "☀︎", "1️⃣", "#️⃣",
                     "👨‍👩‍👧‍👦", "👩‍💻", "\u{1F1E8}", "\u{1B}"] {
            XCTAssertEqual(advance(text), max(1, DisplayWidth.of(text)), text)
            for piece in pieces(text) {
                XCTAssertLessThanOrEqual(piece.count, TerminalGlyph.cellCapacity, text)
            }
        }
    }

    func testReplacements() {
        XCTAssertEqual(pieces("a"), [[0x61]])
        XCTAssertEqual(pieces("中"), [[0x4E2D]])
        XCTAssertEqual(pieces("e\u{301}"), [[0x65, 0x301]])
        XCTAssertEqual(pieces("🇨🇳"), [[0x43], [0x4E]], "a flag becomes its letters")
        XCTAssertEqual(pieces("\u{1F1E8}"), [[0x43], [0x20]], "a lone regional indicator")
        XCTAssertEqual(pieces("1️⃣"), [[0xFF11]], "a keycap becomes the fullwidth digit")
        XCTAssertEqual(pieces("#️⃣"), [[0xFF03]])
        XCTAssertEqual(pieces("☀️"), [[0x2600], [0x20]], "VS16 on a narrow base: text form and a space")
        XCTAssertEqual(pieces("☀︎"), [[0x2600, 0xFE0E]], "VS15 is one column everywhere")
        XCTAssertEqual(pieces("👩‍💻"), [[0x1F469]], "a ZWJ sequence: its first emoji")
        XCTAssertEqual(pieces("👨‍👩‍👧‍👦"), [[0x1F468]], "too long for a cchar_t too")
        XCTAssertEqual(pieces("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"), [[0x65, 0x301, 0x302, 0x303, 0x304]])
    }
}
