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

    private func number(_ ink: Ink, standard: Int) -> Int {
        switch ink {
        case .standard: return hasDefaultColors ? -1 : standard
        case .palette(let index): return depth.color(forPalette: index) ?? -1
        }
    }
}
