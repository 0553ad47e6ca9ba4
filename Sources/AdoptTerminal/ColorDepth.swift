/// How many colours the screen gets, decided once at start.
public enum ColorDepth: Equatable, Sendable {
    /// Monochrome terminal or `NO_COLOR`: attributes (bold, reverse, underline, dim) only.
    case none
    /// The eight ANSI colours.
    case eight
    /// The eight ANSI colours and their bright variants.
    case sixteen
    /// xterm-256 palette indexes are used as they are.
    case palette256

    /// - Parameters:
    ///   - hasColors: ncurses' `has_colors()`.
    ///   - colors: ncurses' `COLORS` after `start_color()`.
    ///   - noColor: the `NO_COLOR` environment variable; any non-empty value turns colour off
    ///     (https://no-color.org).
    public static func detect(hasColors: Bool, colors: Int, noColor: String?) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        switch colors {
        case 256...: return .palette256
        case 16...: return .sixteen
        case 8...: return .eight
        default: return .none
        }
    }

    /// The colour number to hand ncurses for an xterm-256 index, or nil when there is no colour.
    public func color(forPalette index: UInt8) -> Int? {
        switch self {
        case .none: return nil
        case .eight: return Int(XtermPalette.nearest(to: index, among: 8))
        case .sixteen: return Int(XtermPalette.nearest(to: index, among: 16))
        case .palette256: return Int(index)
        }
    }
}
