import AdoptUI

/// What the painter sends to ncurses for one grid cell, so that the screen advances exactly as
/// far as the grid does.
///
/// Why this is needed: ncurses sizes a cell by the C library's `wcwidth` of its first scalar
/// and keeps at most `CCHARW_MAX` (5) scalars per cell, while the grid sizes a whole grapheme
/// cluster (`DisplayWidth`). Where the two disagree, ncurses and the terminal lose track of
/// the cursor and everything to the right, borders included, moves. So each cell becomes one
/// or two `pieces`, drawn at the cell's column and the next, each one a scalar list whose first
/// scalar the C library gives exactly the piece's width:
/// - a cluster that fits and agrees (ASCII, CJK, 😀, 👍🏽, e + combining accent) is sent as
///   it is;
/// - a flag becomes its two letters (🇨🇳 → `CN`): the C library counts a regional indicator
///   as one column while terminals draw the pair as one two-column flag or as two boxed
///   letters, so the letters are what every terminal shows at the same width;
/// - a keycap becomes the fullwidth character (1️⃣ → `１`), two columns everywhere;
/// - a VS16 emoji whose base the C library counts as one column (☀️, ❤️) is sent as its text
///   form plus a space: terminals disagree on whether VS16 widens, none on the bare base;
/// - a ZWJ sequence becomes its first emoji (👨‍👩‍👧‍👦 → 👨, 👩‍💻 → 👩): ncurses cuts one
///   longer than `CCHARW_MAX` mid-sequence, and terminals that do not join sequences (tmux
///   3.3 among them) draw even a short one as several pictures, moving the border; the first
///   emoji is two columns everywhere and still says what it was;
/// - anything else whose width the C library does not confirm becomes U+FFFD (padded with a
///   space when the cell is two columns wide).
enum TerminalGlyph {
    /// Scalars one ncurses cell holds (`CCHARW_MAX` in curses.h).
    static let cellCapacity = 5

    /// The pieces for a cell holding `text` (one grapheme cluster, already passed through
    /// `FramePainter.scalars(of:)`) that takes `width` grid columns. `libraryWidth` is the C
    /// library's `wcwidth`, passed in so that tests do not depend on the machine's tables.
    static func pieces(_ scalars: [UInt32], width: Int, libraryWidth: (UInt32) -> Int) -> [[UInt32]] {
        guard let first = scalars.first else { return [[0x20]] }
        if width <= 1 {
            // Extra combining marks beyond a cell's capacity are dropped; they take no column.
            return libraryWidth(first) == 1 ? [Array(scalars.prefix(cellCapacity))] : [[0xFFFD]]
        }
        if isRegionalIndicator(first) {
            let letters = scalars.filter(isRegionalIndicator).prefix(2).map { $0 - 0x1F1E6 + 0x41 }
            return letters.count == 2 ? [[letters[0]], [letters[1]]] : [[letters[0]], [0x20]]
        }
        if scalars.contains(0x20E3), let full = fullwidth(first) { return [[full]] }
        var kept = scalars
        if let joiner = kept.firstIndex(of: 0x200D) { kept = Array(kept[..<joiner]) }
        switch libraryWidth(first) {
        case 2:
            return kept.count <= cellCapacity ? [kept] : [Array(kept.prefix(cellCapacity))]
        case 1:
            return [[first], [0x20]]
        default:
            return [[0xFFFD], [0x20]]
        }
    }

    private static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    /// The fullwidth form of a keycap's base: 0-9, # and *.
    private static func fullwidth(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x30...0x39, 0x23, 0x2A: return v - 0x20 + 0xFF00
        default: return nil
        }
    }
}
