import AdoptCore

extension DrillDownPane {
    /// A region's children as a table: name, deployments, coverage ("3/21": children of the
    /// child with any deployment, of all its children; "—" for counties, which have none) and
    /// the first date, with the parent's totals in a footer.
    ///
    /// ```
    ///   prefecture          count cov   first
    /// › 深圳 Shenzhen           3 2/9   2025-02-17
    ///   珠海 Zhuhai             0 0/3   —
    /// 广东 Guangdong: 4 deployments, 2/21 prefectures covered
    /// ```
    struct RegionRows {
        let parent: RegionSummary
        let children: [RegionSummary]
        let selection: Int
        let focused: Bool

        func draw(into grid: inout Grid, in area: Rect) {
            let noun = DrillDownPane.childNoun(of: parent.region.level)
            let wide = area.width >= 64
            let maxCount = children.map(\.count).max() ?? 0
            let coverage = children.map(coverageText)
            let coverageWidth = coverage.map { DisplayWidth.of($0) }.max() ?? 0
            let nameHeader = DrillDownPane.childNoun(of: parent.region.level, plural: false)
            let countHeader = wide ? "deployments" : "count"
            let coverageHeader = wide ? "covered" : "cov"
            let columns = Column.fit(
                leading: [],
                flex: Column(header: nameHeader, width: 0),
                trailing: [
                    Column(header: countHeader, width: max(countHeader.count, String(maxCount).count),
                           alignRight: true),
                    Column(header: coverageHeader, width: max(coverageHeader.count, coverageWidth)),
                    Column(header: wide ? "first date" : "first", width: 10),
                ],
                width: area.width, flexMinimum: 12,
                flexMaximum: children.reduce(DisplayWidth.of(nameHeader)) {
                    max($0, DisplayWidth.of(DrillDownPane.name(of: $1.region)))
                })

            // Rows: header, the children, footer; with little height the children come first.
            let list = DrillDownList(height: area.height, selection: selection, count: children.count)
            let (hasFooter, visible, first) = (list.hasFooter, list.visible, list.first)
            var row = list.drawTop(into: &grid, area: area, columns: columns, focused: focused,
                                   isEmpty: children.isEmpty, emptyText: "no \(noun)")
            let selected = list.selected
            for i in list.shown(count: children.count) {
                let child = children[i]
                let cells = [DrillDownPane.name(of: child.region), String(child.count), coverage[i],
                             child.firstDate.map(\.description) ?? "—"]
                DrillDownPane.drawRow(into: &grid, row: row, column: area.column, width: area.width,
                                      cells: cells, columns: columns, selected: i == selected,
                                      focused: focused, style: child.count == 0 ? Theme.dim : Theme.text)
                row += 1
            }
            if hasFooter {
                let name = DrillDownPane.name(of: parent.region)
                let n = DrillDownPane.count(parent.count, "deployment")
                let covered = "\(parent.covered)/\(parent.childCount)"
                // Deployments at the parent's own level (city-wide, province-wide) appear in no
                // child row: say how many, and that `D` lists them all.
                let own = parent.count - children.reduce(0) { $0 + $1.count }
                let hint = own > 0 ? " · \(own) \(parent.region.level == .province ? "province" : "city")-wide, D lists all" : ""
                let texts = parent.childCount > 0
                    ? ["\(name): \(n), \(covered) \(noun) covered\(hint)", "\(name): \(n), \(covered) covered\(hint)",
                       "\(name): \(n), \(covered) \(noun) covered", "\(name): \(n), \(covered) covered",
                       "\(name): \(parent.count) · \(covered)", "\(parent.count) · \(covered)"]
                    : ["\(name): \(n)", "\(parent.count)"]
                DrillDownPane.drawFooter(into: &grid, area: area, texts: texts, first: first,
                                         visible: visible, count: children.count)
            }
        }

        private func coverageText(_ s: RegionSummary) -> String {
            s.childCount == 0 ? "—" : "\(s.covered)/\(s.childCount)"
        }
    }
}
