import AdoptCore

/// The provinces as a sortable table: name, deployments, coverage of their prefectures, first
/// date; a country total at the bottom. A wider pane adds, as room allows and in this order,
/// the change since the previous snapshot, the uncertain count, the top sector, the top model
/// family and the latest date (`Field`); names never get more room than the longest needs. Shows the same selection as the map. A row whose count
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
    /// The wide columns' figures; nil draws the four base columns only.
    public var extras: TableExtras?

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

    /// A column a wide table adds, in the order it adds them.
    public enum Field: CaseIterable, Sendable {
        case change, uncertain, topSector, topFamily, latest

        var width: Int {
            switch self {
            case .change: return 12
            case .uncertain: return 9
            case .topSector: return 19
            case .topFamily: return 20
            case .latest: return 10
            }
        }

        /// The sort column behind it, if it has one.
        var sortColumn: TableSort.Column? {
            switch self {
            case .change: return .change
            case .uncertain: return .uncertain
            case .latest: return .latest
            case .topSector, .topFamily: return nil
            }
        }
    }

    /// The widest a name gets: "内蒙古 Inner Mongolia" and a space.
    static let nameWidth = 22

    struct Columns {
        var name: Int, count: Int, coverage: Int, first: Int
        let longDates: Bool
        /// Added columns, in order.
        var fields: [Field] = []
        /// Room for the long headers ("Deployments", "Prefs covered", "First deployment").
        var longHeaders = false

        /// - Parameters:
        ///   - marked: some first date carries a `?`, which needs a column more.
        ///   - available: the columns that may be added, in order; each is added while the
        ///     name keeps `nameWidth`, and leftover room stays at the right.
        init(width: Int, marked: Bool = false, available: [Field] = []) {
            count = 6; coverage = 7
            let rest = width - 1 - count - coverage - 3
            let mark = marked ? 1 : 0
            longDates = rest - 10 - mark >= 18
            first = (longDates ? 10 : 5) + mark
            name = max(0, rest - first)
            guard !available.isEmpty, name > TablePane.nameWidth else { return }
            var spare = name - TablePane.nameWidth
            for field in available where spare >= field.width + 1 {
                fields.append(field)
                spare -= field.width + 1
            }
            guard !fields.isEmpty else { return }
            name = TablePane.nameWidth
            // "Deployments▼" (+6), "Prefs covered▼" (+7), "First deployment▲" (+7 over a long date).
            let widen = 6 + 7 + (longDates ? 7 : 12)
            if spare >= widen {
                longHeaders = true
                count = 12; coverage = 14; first = 17 + mark
                spare -= widen
            }
            // What is left widens the model families (long names such as "China Unicom Yuanjing").
            if fields.contains(.topFamily) {
                familyWidth = Field.topFamily.width + min(spare, 12)
            }
        }

        /// The top model family's width (it grows with room to spare).
        var familyWidth = Field.topFamily.width

        func width(of field: Field) -> Int { field == .topFamily ? familyWidth : field.width }

        /// The columns in use, the sort columns they stand for, in screen order.
        var sortColumns: [TableSort.Column] {
            [.name, .deployments, .coverage, .firstDate] + fields.compactMap(\.sortColumn)
        }
    }

    /// The columns for a pane drawn `width` columns wide (inside its frame).
    func columns(width: Int) -> Columns {
        Columns(width: width, marked: rows.contains { $0.firstDateIsSoft }, available: extras?.fields ?? [])
    }

    /// The sort columns shown in a pane of this width (frame included): `s` cycles these.
    public func sortColumns(paneWidth: Int) -> [TableSort.Column] {
        columns(width: paneWidth - 2).sortColumns
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let inner = grid.drawBox(area, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        let columns = self.columns(width: inner.width)
        let selection = rows.firstIndex { $0.region.code == selected } ?? 0
        let body = TablePane.body(in: area, rowCount: rows.count, selection: selection, withTotal: total != nil)
        if body.visible < rows.count, body.visible > 0 {
            // Where the rows shown sit among all of them, on the bottom border (the title has
            // no room for it at 80 columns), so scrolling is never a secret.
            let position = " \(body.top + 1)–\(min(rows.count, body.top + body.visible)) of \(rows.count) "
            let column = area.right - 2 - DisplayWidth.of(position)
            if column > area.column {
                grid.put(position, row: area.bottom - 1, column: column, style: focused ? Theme.borderFocused : Theme.border)
            }
        }

        grid.put(header(columns), row: inner.row, column: inner.column, style: Theme.title, limit: inner.width)
        for i in 0..<body.visible {
            let index = body.top + i
            guard index < rows.count else { break }
            let row = rows[index]
            let isCursor = row.region.code == selected
            let isChanged = changed.contains(row.region.code)
            var style = isCursor && cursorSelected ? Theme.selected : (isChanged ? Theme.changed : Theme.text)
            if isChanged { style.underline = true; style.bold = true }
            let line = TablePane.line(row, columns, marker: isCursor ? "▶" : " ", changed: isChanged, extras: extras)
            if isCursor { grid.fill(row: body.row + i, column: inner.column, width: inner.width, height: 1, style: style) }
            grid.put(line, row: body.row + i, column: inner.column, style: style, limit: inner.width)
        }
        if let total, inner.height >= 4 {
            let isChanged = changed.contains(total.region.code)
            let line = TablePane.line(total, columns, marker: " ", changed: isChanged, extras: extras, isTotal: true)
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
        let long = c.longHeaders
        var out = " " + TextLayout.pad(label("Province 省份", .name), width: c.name) + " "
            + TextLayout.pad(label(long ? "Deployments" : "Count", .deployments), width: c.count, alignRight: true) + " "
            + TextLayout.pad(label(long ? "Prefs covered" : "Cover", .coverage), width: c.coverage, alignRight: true) + " "
            + TextLayout.pad(label(long ? "First deployment" : (c.longDates ? "First" : "1st"), .firstDate), width: c.first)
        for field in c.fields {
            let text: String, right: Bool
            switch field {
            case .change:
                text = label("±since " + (extras?.historyPending == true ? "…"
                    : extras?.since.map { String($0.description.dropFirst(5)) } ?? "prev"), .change)
                right = true
            case .uncertain: text = label("Uncertain", .uncertain); right = true
            case .topSector: text = "Top sector"; right = false
            case .topFamily: text = "Top model family"; right = false
            case .latest: text = label("Latest", .latest); right = false
            }
            out += " " + TextLayout.pad(text, width: c.width(of: field), alignRight: right)
        }
        return out
    }

    /// One row, e.g. "▶广东   Guangdong      16   4/21  2025-02-08" (the count "*16" when it
    /// changed in a live reload).
    static func line(_ s: RegionSummary, _ c: Columns, marker: String, changed: Bool = false,
                     extras: TableExtras? = nil, isTotal: Bool = false) -> String {
        let region = s.region
        let name = TextLayout.pad(region.shortName, width: 6) + " " + region.english
        let soft = s.firstDateIsSoft ? "?" : ""
        let first = s.firstDate.map { (c.longDates ? $0.description : String($0.description.dropFirst(5))) + soft } ?? "—"
        var out = marker + TextLayout.pad(name, width: c.name) + " "
            + TextLayout.pad((changed ? "*" : "") + DrillDownPane.countText(s), width: c.count, alignRight: true) + " "
            + TextLayout.pad("\(s.covered)/\(s.childCount)", width: c.coverage, alignRight: true) + " "
            + TextLayout.pad(first, width: c.first)
        for field in c.fields {
            out += " " + TextLayout.pad(cell(field, s, extras: extras, isTotal: isTotal, width: c.width(of: field)),
                                        width: c.width(of: field), alignRight: field == .change || field == .uncertain)
        }
        return out
    }

    /// One added cell: "+3", "2", "government 67%", "DeepSeek 100%", "2025-03-12"; the total
    /// row fills only the columns that add up (change, uncertain).
    static func cell(_ field: Field, _ s: RegionSummary, extras: TableExtras?, isTotal: Bool, width: Int) -> String {
        let code = s.region.code
        func share(_ n: Int) -> String { s.count > 0 ? " \(Int((Double(n) * 100 / Double(s.count)).rounded()))%" : "" }
        switch field {
        case .change:
            if extras?.pending == true || extras?.historyPending == true { return isTotal ? "" : "…" }
            return extras?.change(of: s).map(TableSort.signed) ?? ""
        case .uncertain:
            return String(s.count - s.firmCount)
        case .topSector, .topFamily, .latest:
            if extras?.pending == true { return isTotal ? "" : "…" }
            return figureCell(field, s, extras: extras, isTotal: isTotal, width: width)
        }
    }

    private static func figureCell(_ field: Field, _ s: RegionSummary, extras: TableExtras?, isTotal: Bool,
                                   width: Int) -> String {
        let code = s.region.code
        func share(_ n: Int) -> String { s.count > 0 ? " \(Int((Double(n) * 100 / Double(s.count)).rounded()))%" : "" }
        switch field {
        case .change, .uncertain:
            return ""
        case .topSector:
            guard !isTotal, let f = extras?.figures[code], let top = f.topSector else { return isTotal ? "" : "—" }
            return top.rawValue + share(f.topSectorCount)
        case .topFamily:
            guard !isTotal, let f = extras?.figures[code], let top = f.topFamily else { return isTotal ? "" : "—" }
            let tail = share(f.topFamilyCount)
            return TextLayout.clip(top, width: width - DisplayWidth.of(tail)) + tail
        case .latest:
            guard !isTotal else { return "" }
            return extras?.figures[code]?.latest?.description ?? "—"
        }
    }
}
