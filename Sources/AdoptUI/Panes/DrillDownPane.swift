import AdoptCore

/// The analyst's way down: a region's children as a table, the deployments in a region, or one
/// deployment's full record with its sources. A breadcrumb on top says where one is.
///
/// The pane holds no scroll state: the rows shown follow from `selection` alone, so the App
/// only moves the selection (clamped to `rowCount`).
public struct DrillDownPane: Sendable {
    public enum Content: Sendable, Equatable {
        /// A region's children: a province's prefectures, a prefecture's counties; `own`, the
        /// deployments recorded at the region itself, is the first row ("(city-wide) 6"), so
        /// the rows add up to the parent (nil for the country, which cannot have any).
        case regions(parent: RegionSummary, children: [RegionSummary], own: RegionSummary? = nil)
        /// Deployments in or below a region.
        case deployments(region: Region, items: DeploymentList)
        /// One deployment, every field, sources resolved; `shownAt`, the dashboard's date, so
        /// a record dated after it (reached by search, or the date moved back) says so.
        case record(DeploymentRecord, shownAt: Day? = nil)
    }

    /// E.g. ["全国 China", "广东 Guangdong", "深圳 Shenzhen"].
    public var breadcrumb: [String]
    public var content: Content
    /// The selected row; for a record, the first visible line. Clamped when drawing.
    public var selection: Int
    public var focused: Bool
    /// Names the regions of deployments.
    public var gazetteer: Gazetteer
    /// A source id's publisher, for the deployment list's "first source" column.
    public var publisher: @Sendable (String) -> String? = { _ in nil }

    public init(breadcrumb: [String], content: Content, selection: Int = 0, focused: Bool = false,
                gazetteer: Gazetteer = .shared) {
        self.breadcrumb = breadcrumb; self.content = content; self.selection = selection
        self.focused = focused; self.gazetteer = gazetteer
    }

    /// Selectable rows: children, deployments, or a record's entries (a field, a source's
    /// publisher, its date and title, its URL; see `RecordLines`), counted before layout so the
    /// count does not depend on the pane's width.
    public var rowCount: Int {
        switch content {
        case .regions(_, let children, let own): return children.count + (own == nil ? 0 : 1)
        case .deployments(_, let items): return items.count
        case .record(let record, let shownAt): return RecordLines(record: record, shownAt: shownAt).entries.count
        }
    }

    /// The frame's title: what kind of rows the pane lists.
    public var title: String {
        switch content {
        case .regions(let parent, let children, _):
            return "\(DrillDownPane.childNoun(of: parent.region.level).capitalizedFirst) (\(children.count))"
        case .deployments(_, let items): return "Deployments (\(items.count))"
        case .record: return "Deployment record"
        }
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let inner = grid.drawBox(area, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        drawBreadcrumb(into: &grid, row: inner.row, column: inner.column, width: inner.width)
        let body = Rect(row: inner.row + 1, column: inner.column, width: inner.width,
                        height: inner.height - 1)
        guard !body.isEmpty else { return }
        switch content {
        case .regions(let parent, let children, let own):
            RegionRows(parent: parent, children: children, own: own, selection: selection, focused: focused)
                .draw(into: &grid, in: body)
        case .deployments(let region, let items):
            DeploymentRows(region: region, items: items, selection: selection, focused: focused,
                           gazetteer: gazetteer, publisher: publisher)
                .draw(into: &grid, in: body)
        case .record(let record, let shownAt):
            RecordLines(record: record, shownAt: shownAt).draw(into: &grid, in: body, firstEntry: selection)
        }
    }

    /// "全国 China › 广东 Guangdong › 深圳 Shenzhen", cut from the left so the deepest level,
    /// in bold, stays visible.
    private func drawBreadcrumb(into grid: inout Grid, row: Int, column: Int, width: Int) {
        let full = breadcrumb.joined(separator: " › ")
        let shown = TextLayout.clipLeft(full, width: width)
        grid.put(shown, row: row, column: column, style: Theme.dim, limit: width)
        let shownWidth = DisplayWidth.of(shown)
        let lastWidth = min(shownWidth, DisplayWidth.of(breadcrumb.last ?? ""))
        grid.restyle(row: row, column: column + shownWidth - lastWidth, width: lastWidth) {
            $0 = Theme.title
        }
    }

    /// What a region's children are called.
    static func childNoun(of level: RegionLevel, plural: Bool = true) -> String {
        switch level {
        case .country: return plural ? "provinces" : "province"
        case .province: return plural ? "prefectures" : "prefecture"
        case .prefecture: return plural ? "counties" : "county"
        case .county: return plural ? "subdivisions" : "subdivision"
        }
    }

    /// "深圳 Shenzhen".
    static func name(of region: Region) -> String { "\(region.shortName) \(region.english)" }

    /// The own-level row's name: "(province-wide)", "(city-wide)", "(county-wide)".
    public static func ownLabel(of level: RegionLevel) -> String {
        switch level {
        case .country: return "(nationwide)"
        case .province: return "(province-wide)"
        case .prefecture: return "(city-wide)"
        case .county: return "(county-wide)"
        }
    }

    /// The own-level row's name, longest first: "(province-wide)", "(prov-wide)", "(own)".
    static func ownLabels(of level: RegionLevel) -> [String] {
        switch level {
        case .province: return ["(province-wide)", "(prov-wide)", "(own)"]
        case .prefecture: return ["(city-wide)", "(own)"]
        default: return [ownLabel(of: level), "(own)"]
        }
    }

    /// A count with its uncertainty mark: "3?" when every deployment behind it is uncertain.
    static func countText(_ s: RegionSummary) -> String { s.countIsUncertain ? "\(s.count)?" : String(s.count) }

    /// A first date with its mark: "2025-02-14?" when only uncertain or approximately dated
    /// records give it; "—" for none.
    static func firstDateText(_ s: RegionSummary) -> String {
        guard let d = s.firstDate else { return "—" }
        return s.firstDateIsSoft ? "\(d)?" : d.description
    }

    /// "1 deployment", "3 deployments".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The first row to show so that `selection` is visible in `visible` rows: the window
    /// moves only as far as needed (the selection sits on the last row when scrolled).
    static func firstVisible(selection: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return min(max(0, selection - visible + 1), count - visible)
    }

    /// The last row of `area`: the first of `texts` (longest first) that fits, and, when not
    /// every row fits, the rows shown ("6–12/21") on the right, which win the room so
    /// scrolling is never a secret.
    static func drawFooter(into grid: inout Grid, area: Rect, texts: [String], first: Int,
                           visible: Int, count: Int) {
        let row = area.bottom - 1
        var room = area.width
        if count > visible, visible > 0 {
            let position = "\(first + 1)–\(first + visible)/\(count)"
            let width = DisplayWidth.of(position)
            if width < area.width {
                grid.put(position, row: row, column: area.right - width, style: Theme.dim)
                room = area.width - width - 1
            }
        }
        let text = texts.first { DisplayWidth.of($0) <= room } ?? texts.last ?? ""
        grid.put(TextLayout.clip(text, width: room), row: row, column: area.column,
                 style: Theme.text, limit: room)
    }

    /// Draws one table row: marker, cells padded to their widths, the row's style across the
    /// full width (reverse video when selected in a focused pane).
    static func drawRow(into grid: inout Grid, row: Int, column: Int, width: Int,
                        cells: [String], columns: [Column], selected: Bool, focused: Bool,
                        style: Style) {
        let marker = selected ? "› " : "  "
        var line = marker
        for (i, col) in columns.enumerated() {
            if i > 0 { line += " " }
            line += TextLayout.pad(cells[i], width: col.width, alignRight: col.alignRight)
        }
        let rowStyle = selected && focused ? Theme.selected : style
        grid.fill(row: row, column: column, width: width, height: 1, style: rowStyle)
        grid.put(line, row: row, column: column, style: rowStyle, limit: width)
        if selected && !focused {
            grid.put("›", row: row, column: column, style: Theme.title, limit: width)
        }
    }
}

extension DrillDownPane {
    /// One column of a drill-down table.
    struct Column {
        var header: String
        var width: Int
        var alignRight = false

        /// Widths for a row of `leading` columns, one `flex` column that takes what is left, and
        /// `trailing` columns, all after a two-column marker with one space between columns.
        /// Trailing columns are dropped from the end while the flexible one would be narrower
        /// than `flexMinimum`; it grows no wider than `flexMaximum`, so on a wide screen the
        /// figures stay next to the names they belong to.
        static func fit(leading: [Column], flex: Column, trailing: [Column], width: Int,
                        flexMinimum: Int, flexMaximum: Int = .max) -> [Column] {
            var trailing = trailing
            while true {
                let fixed = leading + trailing
                let used = 2 + fixed.reduce(0) { $0 + $1.width + 1 }
                let flexWidth = width - used
                if flexWidth >= flexMinimum || trailing.isEmpty {
                    var f = flex
                    f.width = max(1, min(flexWidth, flexMaximum))
                    return leading + [f] + trailing
                }
                trailing.removeLast()
            }
        }
    }
}

fileprivate extension String {
    /// "prefectures" → "Prefectures".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
