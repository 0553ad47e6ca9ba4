import AdoptCore

/// The timeline with pinned regions: their counts on ONE axis (one y scale for all), each
/// series with its own glyph and colour, and a legend that names them. The glyphs differ, not
/// only the colours, so it reads the same under `NO_COLOR` and on a monochrome terminal.
///
/// ```
/// ┌ Compare 3 · cumulative · U clears ───┐
/// │cumulative 2025-01-20…2025-03-15      │
/// │● 广东 3  ▲ 北京 1  ■ 浙江 1          │
/// │3┤                  ●●●●●●●●●●●●●●●●●●│
/// │ │             ●●●●●                  │
/// │ │             ▲▲▲▲▲▲■▲■■▲■▲■▲■▲■■▲■▲■│
/// │0└───────────────────────────────┴────│
/// │  01-20                          03-15│
/// └──────────────────────────────────────┘
/// ```
/// Cumulative (the default) draws each region's count of deployments dated on or before the
/// end of every period; per period (`t`) draws what each added in the period. A period's mark
/// sits at the height of its value, rounded up to a whole row, so any non-zero value shows
/// above the axis (the zero line). Periods after the cursor are not drawn: the series run
/// through the date, as the map does. The legend's figure is always the total at the date.
public struct ComparisonChart: Sendable {
    /// How a series is named in the legend: in full when there is room, else short.
    public struct Label: Sendable, Equatable {
        public var full: String
        public var short: String
        public init(full: String, short: String) { self.full = full; self.short = short }
    }

    public var title: String
    /// Daily cumulative counts from the day before `range` starts through at least the
    /// cursor (later days are ignored).
    public var series: Series
    public var labels: [Label]
    public var range: ClosedRange<Day>
    public var cursor: Day
    public var cumulative: Bool
    public var focused: Bool

    /// Glyphs in pin order; distinct in shape so colour is never needed to tell them apart.
    public static let glyphs = ["●", "▲", "■", "◆", "✚", "○"]
    /// Colours in pin order (dropped under NO_COLOR).
    static let inks: [Ink] = [.cyan, .yellow, .green, .magenta, .red, .blue]

    public init(title: String, series: Series, labels: [Label], range: ClosedRange<Day>, cursor: Day,
                cumulative: Bool = true, focused: Bool = false) {
        self.title = title; self.series = series; self.labels = labels; self.range = range
        self.cursor = cursor; self.cumulative = cumulative; self.focused = focused
    }

    static func style(_ index: Int) -> Style { Style(foreground: inks[index % inks.count], bold: true) }
    static func glyph(_ index: Int) -> String { glyphs[index % glyphs.count] }

    // MARK: Figures

    /// A region's cumulative count through `day` (the series' last value on or before it;
    /// 0 before the series starts).
    func value(_ r: Int, through day: Day) -> Int {
        guard let first = series.dates.first, day >= first, r < series.values.count else { return 0 }
        let k = min(Int(day.ordinal - first.ordinal), series.dates.count - 1)
        return series.values[r].indices.contains(k) ? series.values[r][k] : (series.values[r].last ?? 0)
    }

    /// The last day drawn: the cursor, within the range.
    var lastDay: Day { min(max(cursor, range.lowerBound), range.upperBound) }

    /// The value of each region in each period up to the cursor's (nil after it).
    func points(buckets: TimeBuckets) -> [[Int?]] {
        series.regions.indices.map { r in
            (0..<buckets.count).map { b -> Int? in
                let start = Day(ordinal: Int32(clamping: buckets.startOrdinal(of: b)))
                guard start <= lastDay else { return nil }
                let end = min(Day(ordinal: Int32(clamping: buckets.endOrdinal(of: b))), lastDay)
                let through = value(r, through: end)
                return cumulative ? through : through - value(r, through: start.adding(days: -1))
            }
        }
    }

    /// The top of the shared scale: the largest value drawn (at least 1).
    func scaleMaximum(_ points: [[Int?]]) -> Int {
        max(1, points.joined().compactMap { $0 }.max() ?? 0)
    }

    /// Each legend entry, "● 广东 Guangdong 45" (or short, "● 广东 45"): the total at the date.
    func legendEntries(full: Bool) -> [String] {
        series.regions.indices.map { r in
            let label = r < labels.count ? (full ? labels[r].full : labels[r].short) : series.regions[r].description
            return "\(ComparisonChart.glyph(r)) \(label) \(value(r, through: lastDay))"
        }
    }

    /// The entries packed into rows of `width` columns, two spaces apart; entries in order.
    static func pack(_ entries: [String], width: Int) -> [[String]] {
        var rows: [[String]] = []
        var used = 0
        for e in entries {
            let w = DisplayWidth.of(e)
            if let last = rows.indices.last, used + 2 + w <= width {
                rows[last].append(e); used += 2 + w
            } else {
                rows.append([e]); used = w
            }
        }
        return rows
    }

    /// "cumulative" or "new per week": what the bars or marks count.
    func modeLabel(buckets: TimeBuckets) -> String { cumulative ? "cumulative" : "new " + buckets.label }

    /// The header in the longest form that fits: what is drawn, over which dates, and what the
    /// legend's figures are.
    func header(buckets: TimeBuckets, width: Int) -> String {
        let from = range.lowerBound, to = lastDay
        let md = { (d: Day) in String(d.description.dropFirst(5)) }
        let mode = modeLabel(buckets: buckets)
        let forms = [
            "\(mode) \(from)…\(to) · legend: total by \(to)",
            "\(mode) \(from)…\(to) · legend: total",
            "\(mode) \(from)…\(to)",
            "\(mode) \(md(from))…\(md(to))",
            mode,
        ]
        return forms.first { DisplayWidth.of($0) <= width } ?? TextLayout.clip(mode, width: width)
    }

    // MARK: Layout

    /// Which rows the pane can afford, in order of priority: two plot rows, the axis, the
    /// legend (short), the date labels, the header, the legend in full (if two more plot rows
    /// are left); the rest plots.
    struct Layout: Equatable {
        var header = false, labels = false, axis = false
        var legendFull = false
        var legendRows = 0
        var plotRows = 0

        init(height: Int, shortRows: Int, fullRows: Int) {
            var rest = height
            guard rest >= 1 else { return }
            plotRows = min(2, rest); rest -= plotRows
            if rest >= 1 { axis = true; rest -= 1 }
            if rest >= shortRows { legendRows = shortRows; rest -= shortRows }
            else { legendRows = rest; rest = 0 }
            if rest >= 1 { labels = true; rest -= 1 }
            if rest >= 1 { header = true; rest -= 1 }
            // Full names when they take no more rows, or the plot keeps four rows after
            // them: heights matter more than names.
            let extra = fullRows - shortRows
            if legendRows == shortRows, extra <= rest, extra == 0 || rest - extra >= 2 {
                legendFull = true; rest -= fullRows - shortRows; legendRows = fullRows
            }
            plotRows += rest
        }
    }

    /// The gutter's width: the scale's largest label and its tick.
    static func gutter(maximum: Int) -> Int { String(maximum).count + 1 }

    // MARK: Drawing

    /// The periods, their values and the scale for a chart `width` columns wide inside the
    /// frame. The gutter holds the scale's top, which depends on the periods, which depend on
    /// the width left beside the gutter: one guess from the largest total, corrected once.
    struct Geometry {
        let gutter: Int
        let buckets: TimeBuckets
        let points: [[Int?]]
        let maximum: Int
    }

    func geometry(width: Int) -> Geometry {
        let totals = series.regions.indices.map { value($0, through: lastDay) }
        var gutter = ComparisonChart.gutter(maximum: max(1, totals.max() ?? 1))
        var buckets = TimeBuckets(fitting: range, columns: width - gutter)
        var points = self.points(buckets: buckets)
        var maximum = scaleMaximum(points)
        if ComparisonChart.gutter(maximum: maximum) != gutter {
            gutter = ComparisonChart.gutter(maximum: maximum)
            buckets = TimeBuckets(fitting: range, columns: width - gutter)
            points = self.points(buckets: buckets)
            maximum = scaleMaximum(points)
        }
        return Geometry(gutter: gutter, buckets: buckets, points: points, maximum: maximum)
    }

    /// The day under a screen column of the chart drawn in `area` (mouse clicks): the end of
    /// the period under it, within the range; nil off the chart.
    public func day(atColumn column: Int, in area: Rect) -> Day? {
        let innerWidth = area.width - 2
        let g = geometry(width: innerWidth)
        let chartWidth = innerWidth - g.gutter
        guard chartWidth >= 1 else { return nil }
        let columns = Columns(left: area.column + 1 + g.gutter, width: chartWidth, count: g.buckets.count)
        guard column >= columns.left, column < columns.left + chartWidth else { return nil }
        guard let b = (0..<g.buckets.count).last(where: { columns.start($0) <= column }) else { return nil }
        return Day(ordinal: Int32(clamping: g.buckets.endOrdinal(of: b)))
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        // The title names the period, which needs the inner width (the area cut to the grid).
        let visible = min(area.right, grid.width) - max(area.column, 0) - 2
        let g = geometry(width: visible)
        // The mode before the hint: a narrow frame cuts the title from the right.
        let inner = grid.drawBox(area, title: "\(title) · \(modeLabel(buckets: g.buckets)) · U clears", focused: focused)
        guard !inner.isEmpty else { return }

        let gutter = g.gutter
        let chartWidth = inner.width - gutter
        let buckets = g.buckets
        let drawn = g.points
        let top = g.maximum

        let full = ComparisonChart.pack(legendEntries(full: true), width: inner.width)
        let short = ComparisonChart.pack(legendEntries(full: false), width: inner.width)
        let layout = Layout(height: inner.height, shortRows: short.count, fullRows: full.count)
        var row = inner.row
        if layout.header {
            grid.put(header(buckets: buckets, width: inner.width), row: row, column: inner.column,
                     style: Theme.text, limit: inner.width)
            row += 1
        }
        row = drawLegend(layout.legendFull ? full : short, rows: layout.legendRows, into: &grid,
                         row: row, column: inner.column, width: inner.width)
        guard chartWidth >= 1 else { return }
        let columns = Columns(left: inner.column + gutter, width: chartWidth, count: buckets.count)
        drawPlot(drawn, maximum: top, into: &grid, top: row, rows: layout.plotRows, columns: columns,
                 gutterColumn: inner.column, gutter: gutter)
        row += layout.plotRows
        let cursorIndex = buckets.index(of: lastDay)
        let left = columns.left
        if layout.axis {
            let zero = TextLayout.pad("0", width: gutter - 1, alignRight: true)
            grid.put(zero + "└" + String(repeating: "─", count: chartWidth),
                     row: row, column: inner.column, style: Theme.dim)
            if let i = cursorIndex { grid.put("┴", row: row, column: columns.start(i), style: Theme.cursor) }
            row += 1
        }
        if layout.labels {
            // The range's first day at the left, the date (where the series stop) under its
            // period, pulled left near the edge.
            let md = { (d: Day) in String(d.description.dropFirst(5)) }
            let right = left + chartWidth
            let at = max(left, min(columns.start(cursorIndex ?? 0), right - 5))
            if at >= left + 6 { grid.put(md(range.lowerBound), row: row, column: left, style: Theme.dim) }
            grid.put(md(lastDay), row: row, column: at, style: Theme.cursor, limit: max(0, right - at))
        }
    }

    /// The legend rows (each entry's glyph in its colour, the rest plain); returns the next row.
    private func drawLegend(_ rows: [[String]], rows limit: Int, into grid: inout Grid, row: Int,
                            column: Int, width: Int) -> Int {
        var index = 0
        var r = row
        for entries in rows.prefix(limit) {
            var col = column
            for entry in entries {
                if col > column { col += 2 }
                let glyph = String(entry.prefix(1))
                let end = grid.put(glyph, row: r, column: col, style: ComparisonChart.style(index),
                                   limit: max(0, column + width - col))
                col = grid.put(String(entry.dropFirst()), row: r, column: end, style: Theme.text,
                               limit: max(0, column + width - end))
                index += 1
            }
            r += 1
        }
        return r
    }

    /// Each series' mark per period at the height of its value on the shared scale. Series
    /// that meet in a cell take turns over the period's columns (and over periods), "▲■▲■",
    /// so a tie hides no one.
    private func drawPlot(_ points: [[Int?]], maximum: Int, into grid: inout Grid, top: Int, rows: Int,
                          columns: Columns, gutterColumn: Int, gutter: Int) {
        guard rows >= 1 else { return }
        let label = TextLayout.pad(String(maximum), width: gutter - 1, alignRight: true)
        for r in 0..<rows {
            grid.put((r == 0 ? label : String(repeating: " ", count: gutter - 1)) + (r == 0 ? "┤" : "│"),
                     row: top + r, column: gutterColumn, style: Theme.dim)
        }
        let periods = points.first?.count ?? 0
        var here: [Int: [Int]] = [:]  // row → series, per period
        for b in 0..<periods {
            here.removeAll(keepingCapacity: true)
            for s in points.indices {
                guard let value = points[s][b], value > 0 else { continue }
                here[ComparisonChart.rowsFor(value, maximum: maximum, rows: rows), default: []].append(s)
            }
            let span = columns.start(b)..<columns.start(b + 1)
            for (height, series) in here {
                for (k, column) in span.enumerated() {
                    let s = series[(b + k) % series.count]
                    grid.put(ComparisonChart.glyph(s), row: top + rows - height, column: column,
                             style: ComparisonChart.style(s))
                }
            }
        }
    }

    /// The periods spread over the whole chart width: period `b` takes the columns from
    /// `start(b)` up to `start(b + 1)`, so a long range at a coarse period still fills the pane.
    struct Columns {
        let left: Int
        let width: Int
        let count: Int
        func start(_ b: Int) -> Int { left + b * width / max(1, count) }
    }

    /// Rows above the axis for a value: 1...rows, rounded up so any addition shows.
    static func rowsFor(_ value: Int, maximum: Int, rows: Int) -> Int {
        guard value > 0, maximum > 0 else { return 0 }
        return min(rows, max(1, (value * rows + maximum - 1) / maximum))
    }

    // MARK: Export

    /// The comparison as a table for `e` (export to CSV): a header `date,<code>,<code>...`,
    /// then one row per day of the range through the date, each region's cumulative count
    /// (or, per period, what it added that day).
    public func csvRows() -> [[String]] {
        var rows = [["date"] + series.regions.map(\.description)]
        var day = range.lowerBound
        while day <= lastDay {
            rows.append([day.description] + series.regions.indices.map { r in
                String(cumulative ? value(r, through: day) : value(r, through: day) - value(r, through: day.adding(days: -1)))
            })
            day = day.adding(days: 1)
        }
        return rows
    }
}
