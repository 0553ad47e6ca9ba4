import AdoptCore

/// Mouse: a click selects the tile or row under it (a click on what is already selected opens
/// it, like Enter) and focuses its pane; a click on the timeline's chart sets the date; the wheel moves the selection of the pane under the
/// pointer, or the date over the timeline. Hits use the same geometry as drawing.
extension App {
    mutating func handleMouse(_ key: Key) {
        let layout = screenLayout
        switch key {
        case .click(let row, let column):
            if layout.regions.contains(row: row, column: column) {
                focus = .regions
                guard let code = province(atRow: row, column: column, in: layout.regions) else { return }
                if code == selectedProvince && !wholeCountry { openSelection() } else { selectProvince(code) }
            } else if layout.drillDown.contains(row: row, column: column) {
                focus = .drillDown
                guard let index = drillRow(atRow: row) else { return }
                if index == drillSelection { openDrillRow() } else { drill[drill.count - 1].selection = index }
            } else if layout.timeline.contains(row: row, column: column) {
                focus = .timeline
                let day = comparisonChart().map { $0.day(atColumn: column, in: layout.timeline) }
                    ?? timelinePane(focused: true).day(atColumn: column, in: layout.timeline)
                if let day { _ = setDate(day) }
            }
        case .wheelUp(let row, let column), .wheelDown(let row, let column):
            let step: Int
            if case .wheelUp = key { step = -1 } else { step = 1 }
            if layout.regions.contains(row: row, column: column) {
                if regionsView == .table { moveInTable(by: 3 * step) }
            } else if layout.drillDown.contains(row: row, column: column) {
                moveDrillSelection(by: 3 * step)
            } else if layout.timeline.contains(row: row, column: column) {
                moveDate(days: step)
            }
        default:
            break
        }
    }

    /// The province under a screen cell of the map or table.
    private func province(atRow row: Int, column: Int, in area: Rect) -> RegionCode? {
        switch regionsView {
        case .map:
            return MapPane.geometry(in: area, countWidth: mapCountWidth)?.province(atRow: row, column: column)
        case .table:
            let rows = tableRows
            let selection = rows.firstIndex { $0.region.code == selectedProvince } ?? 0
            let body = TablePane.body(in: area, rowCount: rows.count, selection: selection, withTotal: true)
            return body.index(atRow: row, rowCount: rows.count).map { rows[$0].region.code }
        }
    }

    /// The drill-down row under a screen row (regions and deployments lists; a record has none).
    private func drillRow(atRow row: Int) -> Int? {
        guard let content = figures.drillContent else { return nil }
        let pane = DrillDownPane(breadcrumb: [], content: content, selection: drillSelection)
        return pane.row(atScreenRow: row, in: screenLayout.drillDown)
    }
}
