/// The key to the map's shading: each shade with the counts it stands for, e.g.
/// ` 0  1  2-3  4-7  8+ `, drawn in the shades themselves.
public struct HeatLegend: Sendable, Equatable {
    /// The top of the scale (`Theme.heatLevel`'s `maximum`).
    public let maximum: Int

    public init(maximum: Int) { self.maximum = maximum }

    /// (label, heat level) for every level that some whole count falls in.
    public var entries: [(label: String, level: Int)] {
        var out: [(String, Int)] = [("0", 0)]
        guard maximum > 0 else { return out }
        let top = Theme.heat.count - 1
        // The first count at each level, found by bisection (levels grow with the count).
        func firstCount(atLeast level: Int) -> Int {
            var lo = 1, hi = maximum + 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if Theme.heatLevel(mid, maximum: maximum) >= level { hi = mid } else { lo = mid + 1 }
            }
            return lo
        }
        for level in 1...top {
            let first = firstCount(atLeast: level)
            let last = level == top ? maximum : firstCount(atLeast: level + 1) - 1
            guard first <= last, Theme.heatLevel(first, maximum: maximum) == level else { continue }
            if level == top {
                out.append(("\(first)+", level))
            } else {
                out.append((first == last ? "\(first)" : "\(first)-\(last)", level))
            }
        }
        return out
    }

    public func draw(into grid: inout Grid, row: Int, column: Int, width: Int) {
        let end = column + width
        var col = column
        for (i, entry) in entries.enumerated() {
            let text = " \(entry.label) "
            let gap = i > 0 ? 1 : 0
            if col + gap + text.count > end { break }
            col += gap
            col = grid.put(text, row: row, column: col, style: Theme.heat[entry.level], limit: end - col)
        }
        // What the tiles' `?` means, when there is room after the scale.
        for note in ["  ? only uncertain records", "  ? uncertain"] where col + DisplayWidth.of(note) <= end {
            grid.put(note, row: row, column: col, style: Theme.dim, limit: end - col)
            break
        }
    }
}
