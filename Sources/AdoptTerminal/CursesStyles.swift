import AdoptUI
import CNcursesw

/// Turns a `Style` into ncurses attributes and a colour pair for the terminal's colour depth,
/// remembering each answer (a frame uses a handful of styles over and over).
struct CursesStyles {
    struct Drawn {
        var attributes: UInt32
        var pair: Int32
    }

    let depth: ColorDepth
    /// Whether -1 means "the terminal's own colour" (`use_default_colors` worked); if not,
    /// `.standard` is drawn as white on black.
    let hasDefaultColors: Bool
    private var pairs: ColorPairs
    private var known: [Style: Drawn] = [:]

    init(depth: ColorDepth, hasDefaultColors: Bool, pairLimit: Int) {
        self.depth = depth
        self.hasDefaultColors = hasDefaultColors
        pairs = ColorPairs(limit: pairLimit) { number, foreground, background in
            init_extended_pair(Int32(number), Int32(foreground), Int32(background)) != ERR
        }
    }

    mutating func drawn(_ style: Style) -> Drawn {
        if let hit = known[style] { return hit }
        var attributes = adopt_attr_normal()
        if style.bold { attributes |= adopt_attr_bold() }
        if style.dim { attributes |= adopt_attr_dim() }
        if style.underline { attributes |= adopt_attr_underline() }
        if style.reverse { attributes |= adopt_attr_reverse() }
        var pair: Int32 = 0
        if depth != .none {
            let combination = ColorPairs.Combination(
                foreground: number(style.foreground, standard: 7),
                background: number(style.background, standard: 0))
            pair = Int32(pairs.number(for: combination))
        }
        let result = Drawn(attributes: attributes, pair: pair)
        known[style] = result
        return result
    }

    /// The SGR sequence that draws `style` as `drawn` does, for text written past ncurses
    /// (`HyperlinkWriter`): reset, attributes, then the same colour numbers.
    func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if depth != .none {
            codes += Self.colorCodes(number(style.foreground, standard: 7), base: 30)
            codes += Self.colorCodes(number(style.background, standard: 0), base: 40)
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// 30-37 / 90-97 (foreground, `base` 30) or 40-47 / 100-107 (background, 40) for the
    /// sixteen colours, 38;5;N / 48;5;N above; nothing for the terminal's default (-1).
    static func colorCodes(_ number: Int, base: Int) -> [String] {
        switch number {
        case ..<0: return []
        case 0..<8: return [String(base + number)]
        case 8..<16: return [String(base + 60 + number - 8)]
        default: return [String(base + 8), "5", String(number)]
        }
    }

    private func number(_ ink: Ink, standard: Int) -> Int {
        switch ink {
        case .standard: return hasDefaultColors ? -1 : standard
        case .palette(let index): return depth.color(forPalette: index) ?? -1
        }
    }
}
