import AdoptCore

extension DrillDownPane {
    /// A region's children as a table: name, deployments, coverage ("3/21": children of the
    /// child with any deployment, of all its children; "—" for counties, which have none) and
    /// the first date, with the parent's totals in a footer. The first row counts the
    /// deployments recorded at the parent itself, so the rows always add up to the footer.
    /// A `?` marks a count resting only on uncertain records, or a first date resting only on
    /// uncertain or approximately dated ones.
    ///
    /// ```
    ///   prefecture          count cov   first
    /// › (province-wide)         1       2025-03-10
    ///   深圳 Shenzhen           3 2/9   2025-02-17
    ///   珠海 Zhuhai             0 0/3   —
    /// 广东 Guangdong: 4 deployments, 2/21 prefectures covered
    /// ```
    struct RegionRows {
        let parent: RegionSummary
        let children: [RegionSummary]
        let own: RegionSummary?
        let selection: Int
        let focused: Bool

        /// The list's rows: the own-level row first, then the children.
        private var rows: [(summary: RegionSummary, name: String, own: Bool)] {
            let label = DrillDownPane.ownLabel(of: parent.region.level)
            return (own.map { [($0, label, true)] } ?? [])
                + children.map { ($0, DrillDownPane.name(of: $0.region), false) }
        }

        func draw(into grid: inout Grid, in area: Rect) {
            let noun = DrillDownPane.childNoun(of: parent.region.level)
            let wide = area.width >= 64
            let rows = self.rows
            let counts = rows.map { DrillDownPane.countText($0.summary) }
            let coverage = rows.map { $0.own ? "" : coverageText($0.summary) }
            let coverageWidth = coverage.map { DisplayWidth.of($0) }.max() ?? 0
            let nameHeader = DrillDownPane.childNoun(of: parent.region.level, plural: false)
            let countHeader = wide ? "deployments" : "count"
            let coverageHeader = wide ? "covered" : "cov"
            let columns = Column.fit(
                leading: [],
                flex: Column(header: nameHeader, width: 0),
                trailing: [
                    Column(header: countHeader, width: max(countHeader.count, counts.map(\.count).max() ?? 0),
                           alignRight: true),
                    Column(header: coverageHeader, width: max(coverageHeader.count, coverageWidth)),
                    Column(header: wide ? "first date" : "first",
                           width: rows.contains { $0.summary.firstDateIsSoft } ? 11 : 10),
                ],
                width: area.width, flexMinimum: 12,
                flexMaximum: rows.reduce(DisplayWidth.of(nameHeader)) { max($0, DisplayWidth.of($1.name)) })

            // Rows: header, the children, footer; with little height the children come first.
            let list = DrillDownList(height: area.height, selection: selection, count: rows.count)
            let (hasFooter, visible, first) = (list.hasFooter, list.visible, list.first)
            var row = list.drawTop(into: &grid, area: area, columns: columns, focused: focused,
                                   isEmpty: rows.isEmpty, emptyText: "no \(noun)")
            let selected = list.selected
            // The own row's label in the longest form that fits the name column.
            let nameWidth = columns.first?.width ?? 0
            let ownLabel = DrillDownPane.ownLabels(of: parent.region.level).first { DisplayWidth.of($0) <= nameWidth } ?? "(own)"
            for i in list.shown(count: rows.count) {
                let r = rows[i]
                let cells = [r.own ? ownLabel : r.name, counts[i], coverage[i], DrillDownPane.firstDateText(r.summary)]
                DrillDownPane.drawRow(into: &grid, row: row, column: area.column, width: area.width,
                                      cells: cells, columns: columns, selected: i == selected,
                                      focused: focused, style: r.summary.count == 0 ? Theme.dim : Theme.text)
                row += 1
            }
            if hasFooter {
                let name = DrillDownPane.name(of: parent.region)
                let n = DrillDownPane.count(parent.count, "deployment")
                let covered = "\(parent.covered)/\(parent.childCount)"
                let texts = parent.childCount > 0
                    ? ["\(name): \(n), \(covered) \(noun) covered · D lists all",
                       "\(name): \(n), \(covered) \(noun) covered", "\(name): \(n), \(covered) covered",
                       "\(name): \(parent.count) · \(covered)", "\(parent.count) · \(covered)"]
                    : ["\(name): \(n)", "\(parent.count)"]
                DrillDownPane.drawFooter(into: &grid, area: area, texts: texts, first: first,
                                         visible: visible, count: rows.count)
            }
        }

        private func coverageText(_ s: RegionSummary) -> String {
            s.childCount == 0 ? "—" : "\(s.covered)/\(s.childCount)"
        }
    }
}
