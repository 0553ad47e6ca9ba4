/// The styles panes draw with, in one place so the look is consistent and the terminal's
/// colour depth can be honoured in one mapping (see AdoptTerminal). Every meaning shown by a
/// colour is also shown by text, a symbol or an attribute (bold, reverse, underline).
public enum Theme {
    public static let text = Style()
    public static let dim = Style(dim: true)
    public static let title = Style(bold: true)
    public static let border = Style(foreground: .gray)
    public static let borderFocused = Style(foreground: .cyan, bold: true)
    /// The selected row or tile: reverse video works even with no colour at all.
    public static let selected = Style(reverse: true)
    /// Reverse video rather than colours, so the bar stands out under NO_COLOR and in monochrome.
    public static let statusBar = Style(reverse: true)
    public static let key = Style(bold: true, reverse: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let error = Style(foreground: .red, bold: true)
    public static let event = Style(foreground: .magenta, bold: true)
    public static let cursor = Style(foreground: .yellow, bold: true)
    /// A URL: underlined, as links are, and a hyperlink where the terminal supports OSC 8.
    public static let link = Style(underline: true)
    public static let changed = Style(foreground: .green, bold: true, underline: true)
    /// The SYNTHETIC marker: generated data must never pass for real data, even without colour.
    public static let synthetic = Style(foreground: .red, bold: true, reverse: true)

    /// Shades for counts, from none to most: xterm-256 blues (mapped down by the terminal).
    public static let heat: [Style] = [
        Style(foreground: .gray),
        Style(foreground: .standard, background: .palette(153)),
        Style(foreground: .standard, background: .palette(117)),
        Style(foreground: .black, background: .palette(75)),
        Style(foreground: .white, background: .palette(33), bold: true),
        Style(foreground: .white, background: .palette(19), bold: true),
    ]

    /// The shades as characters, for terminals without colour (NO_COLOR, monochrome) and
    /// `dump --no-color`: a tile's empty cells carry its level's character (level 0 stays
    /// blank), lightest to darkest like the colours, so the map still reads as a heat map.
    public static let shadeGlyphs: [Character] = [" ", "·", "░", "▒", "▓", "█"]
}
