/// The frame every pane sits in.
///
/// Both states use light lines (─│┌┐└┘) so a pane's inner size never changes with focus; the
/// focused frame is drawn in `Theme.borderFocused` (colour and bold) and its title in bold, so
/// focus is visible on a monochrome terminal too.
extension Grid {
    /// Draws a frame around `area` with `title` in its top edge and returns the inner rectangle.
    ///
    /// The area is first cut to the grid, so a pane given a rectangle larger than the screen
    /// does work proportional to the screen, not the rectangle. Below 2x2 nothing is drawn and
    /// the inner rectangle is empty. The inner area is cleared, so a frame drawn over older
    /// content (an overlay) shows nothing of it.
    @discardableResult
    public mutating func drawBox(_ area: Rect, title: String, focused: Bool) -> Rect {
        let box = visiblePart(of: area)
        guard box.width >= 2, box.height >= 2 else {
            return Rect(row: box.row, column: box.column, width: 0, height: 0)
        }
        let style = focused ? Theme.borderFocused : Theme.border
        let inner = Rect(row: box.row + 1, column: box.column + 1,
                         width: box.width - 2, height: box.height - 2)
        let horizontal = String(repeating: "─", count: inner.width)

        fill(row: inner.row, column: inner.column, width: inner.width, height: inner.height)
        put("┌" + horizontal + "┐", row: box.row, column: box.column, style: style)
        put("└" + horizontal + "┘", row: box.bottom - 1, column: box.column, style: style)
        for r in inner.row..<inner.bottom {
            put("│", row: r, column: box.column, style: style)
            put("│", row: r, column: box.right - 1, style: style)
        }

        // " title " between the corners: the title gets width - 4 columns, "…" when cut.
        let room = box.width - 4
        if room >= 1, !title.isEmpty {
            let shown = TextLayout.clip(title, width: room)
            put(" ", row: box.row, column: box.column + 1, style: style)
            let end = put(shown, row: box.row, column: box.column + 2,
                          style: focused ? Theme.title : Theme.text)
            put(" ", row: box.row, column: end, style: style)
        }
        return inner
    }

    /// The part of `area` that lies on the grid.
    private func visiblePart(of area: Rect) -> Rect {
        let top = max(0, area.row), left = max(0, area.column)
        let bottom = min(height, saturatingSum(area.row, area.height))
        let right = min(width, saturatingSum(area.column, area.width))
        return Rect(row: top, column: left, width: right - left, height: bottom - top)
    }
}

/// `a + b` without trapping on overflow (a caller may pass `Int.max` as "as big as possible").
private func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int.max : Int.min) : sum
}
