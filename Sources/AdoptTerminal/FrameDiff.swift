import AdoptUI

/// Which cells of a new frame must be sent to the screen: those that differ from the frame
/// already there (all of them after a resize or `invalidate`). Pure, so it is tested directly.
///
/// Wide characters: the character is drawn once, from its first cell (it covers the next one
/// too); continuation cells are never drawn. When only a continuation cell changed (its style),
/// the whole character is drawn again from its first cell.
struct FrameDiff {
    struct Placement: Equatable {
        var row: Int
        var column: Int
        var cell: Cell
    }

    /// The frame on screen; nil means the screen's contents are unknown.
    private var previous: Grid?

    mutating func invalidate() { previous = nil }

    mutating func placements(for grid: Grid) -> [Placement] {
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        var result: [Placement] = []
        for row in 0..<grid.height {
            // Columns before this one are already covered by what was placed in this row.
            var coveredUpTo = 0
            for column in 0..<grid.width {
                let cell = grid[row, column]
                if let old, old[row, column] == cell { continue }
                if column < coveredUpTo { continue }
                if cell.isContinuation {
                    let lead = column > 0 ? grid[row, column - 1] : nil
                    if let lead, DisplayWidth.of(lead.text) == 2 {
                        result.append(Placement(row: row, column: column - 1, cell: lead))
                    } else {
                        // An orphaned right half (should not happen): show a blank.
                        result.append(Placement(row: row, column: column, cell: Cell(text: " ", style: cell.style)))
                    }
                    coveredUpTo = column + 1
                    continue
                }
                result.append(Placement(row: row, column: column, cell: cell))
                coveredUpTo = column + max(1, DisplayWidth.of(cell.text))
            }
        }
        previous = grid
        return result
    }
}
