/// Which row a click in the drill-down lands on: the frame and breadcrumb take three rows, and
/// the body is laid out by `DrillDownList`, as when drawing.
extension DrillDownPane {
    /// The list row under `screenRow` for a pane drawn in `area`; nil for a record, the
    /// breadcrumb, the header, the footer or empty space.
    public func row(atScreenRow screenRow: Int, in area: Rect) -> Int? {
        if case .record = content { return nil }
        let count = rowCount
        let bodyTop = area.row + 2, bodyHeight = area.height - 3
        guard bodyHeight > 0, count > 0 else { return nil }
        let list = DrillDownList(height: bodyHeight, selection: selection, count: count)
        let firstRow = bodyTop + list.bodyOffset
        guard screenRow >= firstRow, screenRow < firstRow + list.visible else { return nil }
        let index = list.first + screenRow - firstRow
        return index < count ? index : nil
    }
}
