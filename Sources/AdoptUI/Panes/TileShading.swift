/// A tile's shade as characters, for screens without colour: its level's character from
/// `Theme.shadeGlyphs` in the tile's empty cells, so a monochrome map (NO_COLOR, a terminal
/// without colour, `dump --no-color`) still reads as a heat map.
///
/// The shading never touches what the tile says: a blank cell is shaded only when the cells
/// either side of it are blank too, which keeps one blank column around the name and the
/// count and keeps the single spaces inside "广东 Guangdong" or "*12" clear.
struct TileShading {
    var level: Int
    /// Underlined as the tile's text is (changed in a live reload, marked during playback).
    var underline = false

    /// Shades the blank cells of `rect` (already drawn), never reversed, the selected tile's
    /// neither (`░` reversed reads as `▓`); cells in `keepClear` (block digits)
    /// count as text, so the shading keeps off them and one column around them.
    func apply(to rect: Rect, keepClear: [Rect] = [], in grid: inout Grid) {
        guard level > 0, level < Theme.shadeGlyphs.count else { return }
        var style = Theme.heat[level]
        style.bold = style.bold || underline
        style.underline = underline
        let glyph = String(Theme.shadeGlyphs[level])
        let top = max(0, rect.row), bottom = min(grid.height, rect.bottom)
        let left = max(0, rect.column), right = min(grid.width, rect.right)
        guard top < bottom, left < right else { return }
        for row in top..<bottom {
            func isText(_ column: Int) -> Bool {
                guard column >= left, column < right else { return false }
                if keepClear.contains(where: { $0.contains(row: row, column: column) }) { return true }
                return grid[row, column].text != " "
            }
            // Decided from the tile as drawn, before any shading goes in.
            let text = (left - 1...right).map(isText)
            for column in left..<right where !text[column - left + 1] {
                if text[column - left] || text[column - left + 2] { continue }
                grid[row, column] = Cell(text: glyph, style: style)
            }
        }
    }
}
