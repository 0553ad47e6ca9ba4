/// Where an overlay window goes: centred over the panes, at most the screen less a margin.
enum OverlayFrame {
    static func centred(width: Int, height: Int, over screen: Rect) -> Rect {
        let w = min(width, max(0, screen.width - 4)), h = min(height, max(0, screen.height - 2))
        return Rect(row: screen.row + (screen.height - h) / 2, column: screen.column + (screen.width - w) / 2,
                    width: w, height: h)
    }

    /// The first item to show so `selection` stays visible in `visible` rows (scrolled just far
    /// enough, like the drill-down).
    static func firstVisible(selection: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return min(max(0, selection - visible + 1), count - visible)
    }
}
