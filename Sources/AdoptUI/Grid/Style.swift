/// A colour as the panes ask for it: the terminal's default, or an xterm-256 palette index.
/// The terminal layer maps palette indexes down to 16 or 8 colours, or drops them under
/// `NO_COLOR` and on monochrome terminals, so panes never carry meaning by colour alone.
public enum Ink: Hashable, Sendable {
    case standard
    case palette(UInt8)

    public static let black = Ink.palette(0), red = Ink.palette(1), green = Ink.palette(2)
    public static let yellow = Ink.palette(3), blue = Ink.palette(4), magenta = Ink.palette(5)
    public static let cyan = Ink.palette(6), white = Ink.palette(7), gray = Ink.palette(8)
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var foreground: Ink = .standard
    public var background: Ink = .standard
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false

    public init(foreground: Ink = .standard, background: Ink = .standard, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background; self.bold = bold
        self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()
}
