/// The key to the map's shading: each bin of the `HeatScale` with the counts it stands for,
/// then what the counts are, e.g. ` 0   1   2-4   5-9  10+   deployments per province, ...`.
/// In colour each bin is drawn in its shade; without colour (`shading`) each bin has the
/// shade's character before it as a swatch, `0  · 1  ░ 2-4  ▒ 5-9`, as the tiles carry it.
public struct HeatLegend: Sendable, Equatable {
    public let scale: HeatScale
    /// Swatches as characters (`Theme.shadeGlyphs`) rather than colours.
    public let shading: Bool

    public init(scale: HeatScale, shading: Bool = false) {
        self.scale = scale; self.shading = shading
    }

    /// What the numbers are, longest first; the first that fits is drawn after the bins.
    static let captions = [
        "deployments per province, scale for the whole data set",
        "per province, whole data set",
        "per province, all data",
        "per province",
    ]

    /// The text of each bin as drawn: " 2-4 " in colour, "░ 2-4" with shading ("0" for none).
    var pieces: [(text: String, level: Int)] {
        scale.bins.map { bin in
            guard shading else { return (" \(bin.label) ", bin.level) }
            return (bin.level == 0 ? bin.label : "\(Theme.shadeGlyphs[bin.level]) \(bin.label)", bin.level)
        }
    }

    /// The columns between the bins.
    var gap: Int { shading ? 2 : 1 }

    /// The width of the bins alone.
    public var binsWidth: Int {
        let p = pieces
        return p.reduce(0) { $0 + DisplayWidth.of($1.text) } + gap * max(0, p.count - 1)
    }

    /// Draws the bins, then the caption and the note on `?` that fit in `width`; returns the
    /// column after the last thing drawn. With a `spareRow` (a free row below), a caption that
    /// does not fit beside the bins goes there, so the legend always says what it counts.
    @discardableResult
    public func draw(into grid: inout Grid, row: Int, column: Int, width: Int, notes: Bool = true,
                     spareRow: Int? = nil) -> Int {
        let end = column + width
        var col = column
        for (i, piece) in pieces.enumerated() {
            let gap = i > 0 ? self.gap : 0
            if col + gap + DisplayWidth.of(piece.text) > end { break }
            col += gap
            let style = shading ? Theme.text : Theme.heat[piece.level]
            col = grid.put(piece.text, row: row, column: col, style: style, limit: end - col)
        }
        guard notes else { return col }
        // Three columns between the parts (a coloured bin's own trailing space counts).
        let after = String(repeating: " ", count: shading ? 3 : 2)
        let fitsBeside = HeatLegend.captions.contains { col + after.count + DisplayWidth.of($0) <= end }
        if !fitsBeside, let spareRow {
            return captionAndNote(into: &grid, row: spareRow, column: column + (shading ? 0 : 1), end: end, space: "")
        }
        return captionAndNote(into: &grid, row: row, column: col, end: end, space: after)
    }

    /// The longest caption that fits from `column`, then the note on `?` if there is room.
    private func captionAndNote(into grid: inout Grid, row: Int, column: Int, end: Int, space: String) -> Int {
        var col = column, space = space
        for caption in HeatLegend.captions where col + space.count + DisplayWidth.of(caption) <= end {
            col = grid.put(space + caption, row: row, column: col, style: Theme.dim, limit: end - col)
            space = "   "
            break
        }
        // What the tiles' `?` means, when there is room after the scale.
        for note in ["? only uncertain records", "? uncertain"] where col + space.count + DisplayWidth.of(note) <= end {
            col = grid.put(space + note, row: row, column: col, style: Theme.dim, limit: end - col)
            break
        }
        return col
    }
}
