/// Fitting text into columns by display width: clipping with an ellipsis, padding and word
/// wrapping. Every function measures with `DisplayWidth` and never splits a two-column
/// character, so CJK names line up in tables and never spill into the neighbouring pane.
public enum TextLayout {
    /// `text` cut to at most `width` columns; when it does not fit, the last column is "…".
    /// A wide character that would straddle the cut is dropped whole (the result may then be
    /// one column narrower than `width`).
    public static func clip(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` cut from the left to at most `width` columns, starting with "…" when cut, so the
    /// end (the deepest level of a breadcrumb, say) stays visible.
    public static func clipLeft(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var kept: [Character] = []
        var used = 0
        for ch in text.reversed() {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            kept.append(ch)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// `text` clipped to `width` and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, width: Int, alignRight: Bool = false) -> String {
        let clipped = clip(text, width: width)
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
        return alignRight ? gap + clipped : clipped + gap
    }

    /// Lines of at most `width` columns. Breaks at spaces; between any two CJK characters (which
    /// have no spaces between words); and inside a word only when the word alone is wider than
    /// the line. Closing punctuation stays with the character before it. A line break in the
    /// text starts a new line. Empty text gives one empty line; `width <= 0` gives none.
    /// `firstWidth`, when given, is the first line's width (a hanging indent: the caller
    /// indents the others).
    public static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let first = lines.isEmpty ? max(1, firstWidth ?? width) : width
            lines += wrapParagraph(Substring(paragraph), width: width, firstWidth: first)
        }
        return lines
    }

    /// A unit the wrapper never breaks (unless it alone is wider than a line).
    private struct Piece {
        var text: String
        var width: Int
        /// Whether a space preceded it in the source (kept as one space when on the same line).
        var spaceBefore: Bool
    }

    private static func wrapParagraph(_ paragraph: Substring, width rest: Int, firstWidth: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var width = firstWidth

        func flush() {
            lines.append(line)
            line = ""
            lineWidth = 0
            width = rest
        }

        for piece in pieces(of: paragraph) {
            let gap = (piece.spaceBefore && lineWidth > 0) ? 1 : 0
            if lineWidth + gap + piece.width <= width {
                if gap == 1 { line += " " }
                line += piece.text
                lineWidth += gap + piece.width
                continue
            }
            if lineWidth > 0 { flush() }
            if piece.width <= width {
                line = piece.text
                lineWidth = piece.width
                continue
            }
            // A word wider than the line (a URL, a long romanised name): break it anywhere.
            for ch in piece.text {
                let w = DisplayWidth.of(ch)
                if lineWidth + w > width, lineWidth > 0 { flush() }
                if w > width { continue }  // a wide character in a one-column line: cannot show
                line.append(ch)
                lineWidth += w
            }
        }
        if lineWidth > 0 || lines.isEmpty { flush() }
        return lines
    }

    /// Splits a paragraph into words, single wide characters, with closing punctuation glued
    /// to what it follows.
    private static func pieces(of paragraph: Substring) -> [Piece] {
        var out: [Piece] = []
        var word = ""
        var wordWidth = 0
        var space = false

        func endWord() {
            guard !word.isEmpty else { return }
            out.append(Piece(text: word, width: wordWidth, spaceBefore: space))
            word = ""
            wordWidth = 0
            space = false
        }

        for ch in paragraph {
            if ch == " " || ch == "\t" || ch == "\u{3000}" {
                endWord()
                space = true
                continue
            }
            let w = DisplayWidth.of(ch)
            if closingPunctuation.contains(ch) {
                if !word.isEmpty {
                    word.append(ch); wordWidth += w
                } else if !out.isEmpty, !space {
                    out[out.count - 1].text.append(ch)
                    out[out.count - 1].width += w
                } else {
                    word.append(ch); wordWidth += w
                }
                continue
            }
            if w == 2 {
                endWord()
                word = String(ch)
                wordWidth = 2
                endWord()
                continue
            }
            word.append(ch)
            wordWidth += w
        }
        endWord()
        return out
    }

    /// Punctuation that should not begin a line (a light form of the kinsoku rule).
    private static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "】", "”", "’",
    ]
}
