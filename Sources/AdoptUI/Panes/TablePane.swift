import AdoptCore

/// The provinces as a sortable table: name, deployments, coverage of their prefectures, first
/// date; a country total at the bottom. Shows the same selection as the map. A row whose count
/// changed in a live reload (not yet acknowledged) is drawn in `Theme.changed` with its count
/// marked `*`. A `?` after a count says every deployment behind it is marked uncertain; after
/// a first date, that only uncertain or approximately dated records give it: a ranking read
/// off this table shows what rests on thin evidence.
public struct TablePane {
    public var title: String
    /// Rows already in `sort` order.
    public var rows: [RegionSummary]
    public var total: RegionSummary?
    public var sort: TableSort
    public var selected: RegionCode
    /// False when the whole country is selected (the cursor row is marked, not reversed).
    public var cursorSelected: Bool
    public var focused: Bool
    /// Regions whose counts changed in a live reload (the country marks the total row).
    public var changed: Set<RegionCode>

    public init(title: String, rows: [RegionSummary], total: RegionSummary?, sort: TableSort,
                selected: RegionCode, cursorSelected: Bool = true, focused: Bool,
                changed: Set<RegionCode> = []) {
        self.title = title; self.rows = rows; self.total = total; self.sort = sort
        self.selected = selected; self.cursorSelected = cursorSelected; self.focused = focused
        self.changed = changed
    }

    /// Where the body rows are in a pane drawn in `area`: the first screen row, how many fit,
    /// and the first data row shown (the selection is kept in the middle once it scrolls).
    public struct Body: Equatable, Sendable {
        public let row: Int
        public let visible: Int
        public let top: Int

        /// The data row under a screen row.
        public func index(atRow r: Int, rowCount: Int) -> Int? {
            guard r >= row, r < row + visible else { return nil }
            let i = top + (r - row)
            return i < rowCount ? i : nil
        }
    }

    public static func body(in area: Rect, rowCount: Int, selection: Int, withTotal: Bool) -> Body {
        let innerHeight = area.height - 2
        let footer = withTotal && innerHeight >= 4 ? 1 : 0
        let visible = max(0, innerHeight - 1 - footer)
        let top = visible >= rowCount ? 0 : max(0, min(rowCount - visible, selection - visible / 2))
        return Body(row: area.row + 2, visible: visible, top: top)
    }

    struct Columns {
        let name: Int, count: Int, coverage: Int, first: Int
        let longDates: Bool

        /// - Parameter marked: some first date carries a `?`, which needs a column more.
        init(width: Int, marked: Bool = false) {
            count = 6; coverage = 7
            let rest = width - 1 - count - coverage - 3
            let mark = marked ? 1 : 0
            longDates = rest - 10 - mark >= 18
            first = (longDates ? 10 : 5) + mark
            name = max(0, rest - first)
        }
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let inner = grid.drawBox(area, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        let columns = Columns(width: inner.width, marked: rows.contains { $0.firstDateIsSoft })
        let selection = rows.firstIndex { $0.region.code == selected } ?? 0
        let body = TablePane.body(in: area, rowCount: rows.count, selection: selection, withTotal: total != nil)

        grid.put(header(columns), row: inner.row, column: inner.column, style: Theme.title, limit: inner.width)
        for i in 0..<body.visible {
            let index = body.top + i
            guard index < rows.count else { break }
            let row = rows[index]
            let isCursor = row.region.code == selected
            let isChanged = changed.contains(row.region.code)
            var style = isCursor && cursorSelected ? Theme.selected : (isChanged ? Theme.changed : Theme.text)
            if isChanged { style.underline = true; style.bold = true }
            let line = TablePane.line(row, columns, marker: isCursor ? "▶" : " ", changed: isChanged)
            if isCursor { grid.fill(row: body.row + i, column: inner.column, width: inner.width, height: 1, style: style) }
            grid.put(line, row: body.row + i, column: inner.column, style: style, limit: inner.width)
        }
        if let total, inner.height >= 4 {
            let isChanged = changed.contains(total.region.code)
            let line = TablePane.line(total, columns, marker: " ", changed: isChanged)
            var style = Theme.title
            if isChanged { style.underline = true }
            grid.put(line, row: inner.bottom - 1, column: inner.column, style: style, limit: inner.width)
        }
    }

    /// "  Province        Count▼  Cover  First".
    func header(_ c: Columns) -> String {
        func label(_ text: String, _ column: TableSort.Column) -> String {
            column == sort.column ? text + (sort.descending ? "▼" : "▲") : text
        }
        return " " + TextLayout.pad(label("Province 省份", .name), width: c.name) + " "
            + TextLayout.pad(label("Count", .deployments), width: c.count, alignRight: true) + " "
            + TextLayout.pad(label("Cover", .coverage), width: c.coverage, alignRight: true) + " "
            + TextLayout.pad(label(c.longDates ? "First" : "1st", .firstDate), width: c.first)
    }

    /// One row, e.g. "▶广东   Guangdong      16   4/21  2025-02-08" (the count "*16" when it
    /// changed in a live reload).
    static func line(_ s: RegionSummary, _ c: Columns, marker: String, changed: Bool = false) -> String {
        let region = s.region
        let name = TextLayout.pad(region.shortName, width: 6) + " " + region.english
        let soft = s.firstDateIsSoft ? "?" : ""
        let first = s.firstDate.map { (c.longDates ? $0.description : String($0.description.dropFirst(5))) + soft } ?? "—"
        return marker + TextLayout.pad(name, width: c.name) + " "
            + TextLayout.pad((changed ? "*" : "") + DrillDownPane.countText(s), width: c.count, alignRight: true) + " "
            + TextLayout.pad("\(s.covered)/\(s.childCount)", width: c.coverage, alignRight: true) + " "
            + TextLayout.pad(first, width: c.first)
    }
}
