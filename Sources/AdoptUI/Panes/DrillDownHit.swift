/// Which row a click in the drill-down lands on. Kept beside the pane's drawing rules it
/// mirrors (frame, breadcrumb, header when the body has 3 rows, footer when it has 4, and
/// `firstVisible` scrolling); if those change, this must change with them.
extension DrillDownPane {
    /// The list row under `screenRow` for a pane drawn in `area`; nil for a record, the
    /// breadcrumb, the header, the footer or empty space.
    public func row(atScreenRow screenRow: Int, in area: Rect) -> Int? {
        let count: Int
        switch content {
        case .regions(_, let children): count = children.count
        case .deployments(_, let items): count = items.count
        case .record: return nil
        }
        let bodyTop = area.row + 2, bodyHeight = area.height - 3
        guard bodyHeight > 0, count > 0 else { return nil }
        let hasHeader = bodyHeight >= 3, hasFooter = bodyHeight >= 4
        let visible = bodyHeight - (hasHeader ? 1 : 0) - (hasFooter ? 1 : 0)
        let firstRow = bodyTop + (hasHeader ? 1 : 0)
        guard screenRow >= firstRow, screenRow < firstRow + visible else { return nil }
        let selected = min(max(0, selection), count - 1)
        let first = DrillDownPane.firstVisible(selection: selected, visible: visible, count: count)
        let index = first + screenRow - firstRow
        return index < count ? index : nil
    }
}
