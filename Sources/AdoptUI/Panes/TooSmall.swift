/// What a terminal below the minimum size shows instead of squashed panes: the size needed
/// and the size there is, and how to quit, centred and clipped (so even a 1x1 terminal gets
/// something sane). The one such screen: the dashboard and presentation mode both draw it.
public struct TooSmall: Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) { self.width = width; self.height = height }

    public static func applies(width: Int, height: Int) -> Bool {
        width < minimumWidth || height < minimumHeight
    }

    /// One line when it fits ("terminal too small: need 60x16, have 50x10"), else the same in
    /// short lines so the numbers survive a narrow window.
    func lines(fitting columns: Int) -> [String] {
        let need = "need \(TooSmall.minimumWidth)x\(TooSmall.minimumHeight)", have = "have \(width)x\(height)"
        let whole = "terminal too small: \(need), \(have)"
        if whole.count <= columns { return [whole, "enlarge the window · q quits"] }
        return ["too small", need, have, "q quits"]
    }

    public func draw(into grid: inout Grid) {
        // Drop trailing lines that do not fit; the first says the most.
        let shown = Array(lines(fitting: grid.width).prefix(max(0, grid.height)))
        let top = max(0, (grid.height - shown.count) / 2)
        for (i, line) in shown.enumerated() {
            let text = TextLayout.clip(line, width: grid.width)
            let left = max(0, (grid.width - DisplayWidth.of(text)) / 2)
            grid.put(text, row: top + i, column: left, style: i == 0 ? Theme.warning : Theme.text)
        }
    }
}
