import AdoptCore

extension DrillDownPane {
    /// The deployments in or below a region, one per row: date ("~" when approximate), "(?)"
    /// when the report is uncertain, organisation, then as width allows region, status,
    /// sector, models and the first source's publisher. The organisation gets the room first
    /// (`organizationMinimum` columns before any of the others is shown); the others drop from
    /// the end.
    struct DeploymentRows {
        let region: Region
        let items: DeploymentList
        let selection: Int
        let focused: Bool
        let gazetteer: Gazetteer
        let publisher: @Sendable (String) -> String?

        /// Room an organisation keeps before a narrow pane shows another column: most names
        /// ("广州市政务服务和数据管理局", "Guangzhou Internet Court") fit.
        static let organizationMinimum = 28

        static func columns(width: Int) -> [Column] {
            var columns = Column.fit(
                leading: [Column(header: "date", width: 11), Column(header: "", width: 3)],
                flex: Column(header: "organization", width: 0),
                trailing: [Column(header: "region", width: width >= 100 ? 24 : 18),
                           Column(header: "status", width: 9), Column(header: "sector", width: 14),
                           Column(header: "models", width: 24), Column(header: "first source", width: 22)],
                width: width, flexMinimum: organizationMinimum, flexMaximum: 56)
            // Room left over once the organisation has its widest goes to the publishers and
            // models ("South China Morning Post", "DeepSeek-R1, Qwen2.5-72B").
            var spare = width - 2 - columns.reduce(0) { $0 + $1.width + 1 } + 1
            for header in ["first source", "models"] {
                guard spare > 0, let k = columns.firstIndex(where: { $0.header == header }) else { continue }
                let more = min(spare, 24)
                columns[k].width += more
                spare -= more
            }
            return columns
        }

        func draw(into grid: inout Grid, in area: Rect) {
            let columns = DeploymentRows.columns(width: area.width)

            let list = DrillDownList(height: area.height, selection: selection, count: items.count)
            let (hasFooter, visible, first) = (list.hasFooter, list.visible, list.first)
            var row = list.drawTop(into: &grid, area: area, columns: columns, focused: focused,
                                   isEmpty: items.isEmpty, emptyText: "no deployments")
            let selected = list.selected
            for i in list.shown(count: items.count) {
                let d = items[i]
                let cells = [(d.approximate ? "~" : "") + d.date.description,
                             d.uncertain ? "(?)" : "",
                             d.organization,
                             gazetteer.region(d.region).map(DrillDownPane.name(of:)) ?? d.region.description,
                             d.status.rawValue,
                             d.sector.rawValue,
                             d.models.isEmpty ? "—" : d.models.joined(separator: ", "),
                             d.sources.first.map { publisher($0) ?? $0 } ?? "—"]
                DrillDownPane.drawRow(into: &grid, row: row, column: area.column, width: area.width,
                                      cells: cells, columns: columns, selected: i == selected,
                                      focused: focused, style: Theme.text)
                if d.uncertain, !(i == selected && focused), area.width > 14 {
                    // The "(?)" cell: after the marker (2) and the date (11) and a space.
                    grid.restyle(row: row, column: area.column + 14,
                                 width: min(3, area.width - 14)) { $0 = Theme.warning }
                }
                row += 1
            }
            if hasFooter {
                let uncertain = items.uncertainCount
                let name = DrillDownPane.name(of: region)
                let n = DrillDownPane.count(items.count, "deployment")
                let texts = uncertain > 0
                    ? ["\(name): \(n), \(uncertain) uncertain (?)", "\(name): \(items.count), \(uncertain) (?)",
                       "\(items.count), \(uncertain) (?)"]
                    : ["\(name): \(n)", "\(items.count)"]
                DrillDownPane.drawFooter(into: &grid, area: area, texts: texts, first: first,
                                         visible: visible, count: items.count)
            }
        }
    }
}
