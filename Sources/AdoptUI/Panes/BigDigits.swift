/// Digits (and the date's dashes) drawn large with block characters, for presentation mode:
/// a 3x5 pixel font, readable across a room and on a terminal with no colour at all.
///
/// Scale 1 packs two pixel rows into one text row with half blocks (▀ ▄ █): a glyph is 3
/// columns by 3 rows. Scale 2 draws each pixel as "██": 6 columns by 5 rows.
public enum BigDigits {
    /// Five rows of three pixels per glyph ("#" set).
    static let font: [Character: [String]] = [
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        "-": ["...", "...", "###", "...", "..."],
    ]

    /// Text rows per glyph.
    public static func height(scale: Int) -> Int { scale >= 2 ? 5 : 3 }

    /// Columns `text` takes, gaps between glyphs included.
    public static func width(of text: String, scale: Int) -> Int {
        let n = text.count
        guard n > 0 else { return 0 }
        let glyph = scale >= 2 ? 6 : 3, gap = scale >= 2 ? 2 : 1
        return n * glyph + (n - 1) * gap
    }

    /// Whether every character has a glyph.
    public static func canDraw(_ text: String) -> Bool { text.allSatisfy { font[$0] != nil } }

    /// The text rows, each exactly `width(of:scale:)` columns; characters without a glyph
    /// are left blank.
    public static func rows(_ text: String, scale: Int) -> [String] {
        let blank = Array(repeating: "...", count: 5)
        let glyphs: [[String]] = text.map { font[$0] ?? blank }
        let gap = String(repeating: " ", count: scale >= 2 ? 2 : 1)
        var out: [String] = []
        for row in 0..<height(scale: scale) {
            var parts: [String] = []
            for glyph in glyphs {
                if scale >= 2 {
                    parts.append(glyph[row].map { $0 == "#" ? "██" : "  " }.joined())
                } else {
                    let bottom = 2 * row + 1 < glyph.count ? glyph[2 * row + 1] : "..."
                    parts.append(halfBlocks(top: glyph[2 * row], bottom: bottom))
                }
            }
            out.append(parts.joined(separator: gap))
        }
        return out
    }

    /// Two pixel rows as one text row.
    private static func halfBlocks(top: String, bottom: String) -> String {
        String(zip(top, bottom).map { t, b -> Character in
            switch (t == "#", b == "#") {
            case (true, true): return "█"
            case (true, false): return "▀"
            case (false, true): return "▄"
            case (false, false): return " "
            }
        })
    }
}
