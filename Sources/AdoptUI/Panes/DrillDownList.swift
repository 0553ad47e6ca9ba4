/// How a drill-down list uses its body's rows: a header when the body has 3 rows or more, a
/// footer at 4 or more, and the rows between scrolled to keep the selection in view. Drawing
/// (regions and deployments) and mouse hits all read it from here, so they cannot disagree.
struct DrillDownList {
    let hasHeader: Bool
    let hasFooter: Bool
    /// List rows that fit between header and footer.
    let visible: Int
    /// The selection clamped to the list, and the first row shown.
    let selected: Int
    let first: Int

    init(height: Int, selection: Int, count: Int) {
        hasHeader = height >= 3
        hasFooter = height >= 4
        visible = height - (hasHeader ? 1 : 0) - (hasFooter ? 1 : 0)
        selected = min(max(0, selection), count - 1)
        first = DrillDownPane.firstVisible(selection: selected, visible: visible, count: count)
    }

    /// The offset of the first list row from the top of the body.
    var bodyOffset: Int { hasHeader ? 1 : 0 }

    /// Draws the header (when there is room) and, for an empty list, what is missing; returns
    /// the row where the list's first row goes.
    func drawTop(into grid: inout Grid, area: Rect, columns: [DrillDownPane.Column], focused: Bool,
                 isEmpty: Bool, emptyText: String) -> Int {
        var row = area.row
        if hasHeader {
            DrillDownPane.drawRow(into: &grid, row: row, column: area.column, width: area.width,
                                  cells: columns.map(\.header), columns: columns,
                                  selected: false, focused: focused, style: Theme.title)
            row += 1
        }
        if isEmpty, visible > 0 {
            grid.put(emptyText, row: row, column: area.column + 2, style: Theme.dim, limit: area.width - 2)
        }
        return row
    }

    /// The list rows shown.
    func shown(count: Int) -> Range<Int> { first..<max(first, min(count, first + max(0, visible))) }
}
