import AdoptCore

/// Deployments added per period for one region, with the current date and milestones marked:
/// what a presenter plays back and an analyst reads values per period from.
///
/// ```
/// ┌ 全国 China ──────────────────────────┐
/// │per week · +4 in 02-17…02-19 · total 5│
/// │6┤            ██                      │
/// │ │            ██                      │
/// │ │            ██    ▅▅                │
/// │ │         ▇▇ ██    ██                │
/// │0└┬───────────┴─────┬────────┬─────   │
/// │  01-20       02-19 03-03    03-24    │
/// │  ◆                 ◆                 │
/// │01-20 DeepSeek-R1 released            │
/// └──────────────────────────────────────┘
/// ```
/// Rows, top to bottom: a header with the figures for the cursor's period (readable without
/// colour), the bars (block characters give eighths of a row), the axis, date labels, event
/// markers and the caption of the latest event at or before the cursor. When the pane is short,
/// the caption, markers, labels and axis go first, in that order; the bars keep one row.
/// Bars after the cursor are dimmed: they are the future relative to the current date.
///
/// For presenters, two optional extras: the playback state (▶ or ❚❚ and the speed) at the
/// header's right end, and a `caption` that replaces the latest event's: an event the date
/// has just passed, or a tour step, drawn prominently and wrapped over up to three rows.
public struct TimelinePane: Sendable {
    public var title: String
    public var timeline: Timeline
    public var events: [Event]
    public var range: ClosedRange<Day>
    public var cursor: Day
    public var focused: Bool
    /// Shown at the header's right end; nil hides it (playback never used).
    public var playback: Playback?
    /// Replaces the latest event's caption; nil keeps it.
    public var caption: Caption?
    /// Bars show the cumulative count at each period's end (an area), not what the period
    /// added (`t`). The title says which.
    public var cumulative = false

    /// Whether playback runs, and how fast.
    public struct Playback: Sendable, Equatable {
        public var playing: Bool
        public var speed: PlaybackSpeed

        public init(playing: Bool, speed: PlaybackSpeed) { self.playing = playing; self.speed = speed }

        /// Longest first: "▶ 4 days/s", "▶ 4d/s", "▶".
        var forms: [String] {
            let symbol = playing ? "▶" : "❚❚"
            return ["\(symbol) \(speed.long)", "\(symbol) \(speed.short)", symbol]
        }
    }

    /// A prominent caption: a short lead in reverse video ("◆ 03-05", "3/10") and the text.
    public struct Caption: Sendable, Equatable {
        public var lead: String
        public var text: String

        public init(lead: String, text: String) { self.lead = lead; self.text = text }

        /// The text's rows for a caption `width` columns wide, each beside or under the text's
        /// start (after the lead); at most `limit` rows, the last cut with "…".
        func rows(width: Int, limit: Int) -> [String] {
            let room = width - DisplayWidth.of(lead) - 1
            guard room >= 1, limit > 0 else { return [""] }
            var wrapped = TextLayout.wrap(text, width: room)
            if wrapped.count > limit {
                let rest = wrapped[(limit - 1)...].joined(separator: " ")
                wrapped = Array(wrapped.prefix(limit - 1)) + [TextLayout.clip(rest, width: room)]
            }
            return wrapped
        }
    }

    /// The most caption rows the pane gives (after one bar row, the axis, labels and markers).
    static let maxCaptionRows = 3

    public init(title: String, timeline: Timeline, events: [Event] = [],
                range: ClosedRange<Day>, cursor: Day, focused: Bool = false) {
        self.title = title; self.timeline = timeline; self.events = events
        self.range = range; self.cursor = cursor; self.focused = focused
    }

    /// Eighths of a cell, index 0 to 8.
    static let blocks = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// Costs O(points + events + area): one pass to sum points into columns, one over events,
    /// and one write per cell.
    /// The day under a screen column of the chart drawn in `area` (mouse clicks), using the
    /// geometry `draw` uses: the end of the period under it, clamped to the range; nil off
    /// the chart.
    public func day(atColumn column: Int, in area: Rect) -> Day? {
        let inner = Rect(row: area.row + 1, column: area.column + 1, width: area.width - 2, height: area.height - 2)
        guard !inner.isEmpty else { return nil }
        let gutter = self.gutter
        let chartWidth = inner.width - gutter
        guard chartWidth >= 1 else { return nil }
        let buckets = TimeBuckets(fitting: range, columns: chartWidth)
        let chart = Chart(buckets: buckets, totals: [], left: inner.column + gutter, width: chartWidth, cursor: cursor)
        guard column >= chart.left else { return nil }
        let index = (column - chart.left) / chart.slot
        guard index < buckets.count else { return nil }
        let end = min(buckets.endOrdinal(of: index), Int(range.upperBound.ordinal))
        return Day(ordinal: Int32(clamping: max(end, Int(range.lowerBound.ordinal))))
    }

    /// The y labels' width and the axis: the labels can never be wider than the range's
    /// total (per period) or the total at its end (cumulative).
    var gutter: Int {
        let end = timeline.cumulative(at: range.upperBound)
        let before = timeline.cumulative(at: Day(ordinal: Int32(clamping: Int(range.lowerBound.ordinal) - 1)))
        return String(cumulative ? end : end - before).count + 1
    }

    /// What the bars are: "new per week" or "cumulative".
    func modeLabel(_ buckets: TimeBuckets) -> String { cumulative ? "cumulative" : "new " + buckets.label }

    /// Per period, what each added; cumulative, the count at each period's end.
    func barTotals(_ buckets: TimeBuckets) -> [Int] {
        let added = buckets.totals(of: timeline)
        guard cumulative else { return added }
        var running = timeline.cumulative(at: Day(ordinal: Int32(clamping: Int(range.lowerBound.ordinal) - 1)))
        return added.map { running += $0; return running }
    }

    public func draw(into grid: inout Grid, in area: Rect) {
        let gutter = self.gutter
        // The title names the period, which depends on the inner width (the area cut to the grid).
        let visible = min(area.right, grid.width) - max(area.column, 0) - 2
        let titled = title + " · " + modeLabel(TimeBuckets(fitting: range, columns: visible - gutter))
        let inner = grid.drawBox(area, title: titled, focused: focused)
        guard !inner.isEmpty else { return }
        let chartWidth = inner.width - gutter
        let buckets = TimeBuckets(fitting: range, columns: chartWidth)

        let headerWidth = drawPlayback(into: &grid, row: inner.row, column: inner.column, width: inner.width)
        drawHeader(into: &grid, row: inner.row, column: inner.column, width: headerWidth,
                   buckets: buckets)
        guard chartWidth >= 1, inner.height >= 2 else { return }

        let wanted = caption?.rows(width: inner.width, limit: TimelinePane.maxCaptionRows).count
        let layout = Layout(height: inner.height - 1,
                            hasEvents: events.contains { range.contains($0.date) },
                            captionRows: wanted)
        let chart = Chart(buckets: buckets, totals: barTotals(buckets),
                          left: inner.column + gutter, width: chartWidth, cursor: cursor)
        var row = inner.row + 1
        drawBars(into: &grid, chart: chart, top: row, rows: layout.barRows,
                 gutterColumn: inner.column, gutter: gutter)
        row += layout.barRows
        var labelled: [Int] = []
        if layout.axis {
            labelled = labelColumns(chart: chart)
            drawAxis(into: &grid, chart: chart, row: row, gutterColumn: inner.column,
                     gutter: gutter, ticks: labelled)
            row += 1
        }
        if layout.labels {
            drawLabels(into: &grid, chart: chart, row: row, columns: labelled)
            row += 1
        }
        let latest = latestEvent()
        if layout.markers {
            drawMarkers(into: &grid, chart: chart, row: row, latest: latest)
            row += 1
        }
        if let caption, layout.captionRows > 0 {
            // Wrapped again to the rows it got, so a cut caption ends in "…".
            drawCaption(caption, rows: caption.rows(width: inner.width, limit: layout.captionRows), into: &grid,
                        row: row, column: inner.column, width: inner.width)
        } else if layout.captionRows > 0, let event = latest {
            let date = monthDay(event.date) + " "
            let end = grid.put(date, row: row, column: inner.column, style: Theme.event,
                               limit: inner.width)
            let room = inner.right - end
            grid.put(TextLayout.clip(event.title, width: room), row: row, column: end,
                     style: Theme.text, limit: max(0, room))
        }
    }

    /// The playback state at the header's right end; returns the width left for the header.
    private func drawPlayback(into grid: inout Grid, row: Int, column: Int, width: Int) -> Int {
        guard let playback else { return width }
        // The longest form that leaves the header 24 columns ("+0 in 03-10…03-15 · total 3").
        guard let text = playback.forms.first(where: { DisplayWidth.of($0) + 1 + 24 <= width })
                ?? playback.forms.last.flatMap({ DisplayWidth.of($0) < width ? $0 : nil }) else { return width }
        let w = DisplayWidth.of(text)
        var style = Theme.cursor
        style.reverse = playback.playing
        grid.put(text, row: row, column: column + width - w, style: style)
        return width - w - 1
    }

    /// The lead in reverse video, the text bold beside it and wrapped under it.
    private func drawCaption(_ caption: Caption, rows: [String], into grid: inout Grid, row: Int,
                             column: Int, width: Int) {
        var lead = Theme.event
        lead.reverse = true
        let end = grid.put(caption.lead, row: row, column: column, style: lead, limit: width)
        let indent = end + 1 - column
        for (i, text) in rows.enumerated() {
            grid.put(text, row: row + i, column: column + indent, style: Theme.title, limit: max(0, width - indent))
        }
    }

    // MARK: Layout

    /// Which rows the pane can afford below the header, in order of priority.
    /// A given caption (`captionRows` not nil) comes right after the first bar row, before
    /// the axis, and takes its further rows after the markers.
    struct Layout {
        var barRows = 0
        var axis = false, labels = false, markers = false
        var captionRows = 0

        init(height: Int, hasEvents: Bool, captionRows given: Int? = nil) {
            var rest = height
            guard rest >= 1 else { return }
            barRows = 1; rest -= 1
            if let given, given > 0, rest >= 1 { captionRows = 1; rest -= 1 }
            if rest >= 1 { axis = true; rest -= 1 }
            if rest >= 1 { labels = true; rest -= 1 }
            if hasEvents, rest >= 1 { markers = true; rest -= 1 }
            if let given {
                let more = min(rest, max(0, given - captionRows))
                captionRows += more; rest -= more
            } else if hasEvents, rest >= 1 {
                captionRows = 1; rest -= 1
            }
            barRows += rest
        }
    }

    /// Where each column's bar sits and how tall it is.
    struct Chart {
        let buckets: TimeBuckets
        let totals: [Int]
        let left: Int
        let width: Int
        /// Columns per period: wider slots when the range is short, capped so bars stay bars.
        let slot: Int
        let barWidth: Int
        let maximum: Int
        /// The column holding the cursor's date, if it is in the range.
        let cursorIndex: Int?
        let cursorOrdinal: Int

        init(buckets: TimeBuckets, totals: [Int], left: Int, width: Int, cursor: Day) {
            self.buckets = buckets; self.totals = totals; self.left = left; self.width = width
            slot = max(1, min(3, width / max(1, buckets.count)))
            barWidth = slot == 1 ? 1 : slot - 1
            maximum = totals.max() ?? 0
            cursorIndex = buckets.index(of: cursor)
            cursorOrdinal = Int(cursor.ordinal)
        }

        func column(of index: Int) -> Int { left + index * slot }

        /// A bar's height in eighths of a row; any addition shows at least one eighth.
        func eighths(_ index: Int, rows: Int) -> Int {
            let total = totals[index]
            guard total > 0, maximum > 0 else { return 0 }
            let scaled = (Double(total) * Double(rows * 8) / Double(maximum)).rounded()
            return max(1, Int(scaled))
        }

        func isFuture(_ index: Int) -> Bool { buckets.startOrdinal(of: index) > cursorOrdinal }
    }

    // MARK: Drawing

    /// The figures for the cursor's period so far (from the period's first day through the
    /// cursor) and the cumulative count at the cursor, in the longest wording that fits:
    /// "per week · added 4 in 2025-02-17…02-19 · cumulative 5 by 2025-02-19" down to "+4 Σ5".
    func headerVariants(buckets: TimeBuckets) -> [[(String, Style)]] {
        let c = Int(cursor.ordinal)
        var start = c
        if buckets.period != .day, let i = buckets.index(of: cursor) {
            start = buckets.startOrdinal(of: i)
        }
        let before = timeline.cumulative(at: Day(ordinal: Int32(clamping: start - 1)))
        let total = timeline.cumulative(at: cursor)
        let added = String(total - before), cumulative = String(total)
        let startDay = Day(ordinal: Int32(clamping: start))
        let longWhen = start == c ? "on \(cursor)" : "in \(startDay)…\(monthDay(cursor))"
        let shortWhen = start == c ? "on \(monthDay(cursor))"
            : "in \(monthDay(startDay))…\(monthDay(cursor))"
        let per = buckets.label + " · "
        let t = Theme.text, n = Theme.title
        return [
            [(per + "added ", t), (added, n), (" \(longWhen) · cumulative ", t), (cumulative, n),
             (" by \(cursor)", t)],
            [(per + "added ", t), (added, n), (" \(shortWhen) · cumulative ", t), (cumulative, n)],
            [(per + "+", t), (added, n), (" \(shortWhen) · total ", t), (cumulative, n)],
            [("+", t), (added, n), (" \(shortWhen) · total ", t), (cumulative, n)],
            [("+", t), (added, n), (" · total ", t), (cumulative, n)],
            [("+", t), (added, n), (" Σ", t), (cumulative, n)],
        ]
    }

    private func drawHeader(into grid: inout Grid, row: Int, column: Int, width: Int,
                            buckets: TimeBuckets) {
        let variants = headerVariants(buckets: buckets)
        let parts = variants.first { parts in
            parts.reduce(0) { $0 + DisplayWidth.of($1.0) } <= width
        } ?? variants[variants.count - 1]
        var col = column
        for (text, style) in parts {
            col = grid.put(text, row: row, column: col, style: style, limit: column + width - col)
        }
    }

    private func drawBars(into grid: inout Grid, chart: Chart, top: Int, rows: Int,
                          gutterColumn: Int, gutter: Int) {
        let label = TextLayout.pad(String(chart.maximum), width: gutter - 1, alignRight: true)
        for r in 0..<rows {
            grid.put((r == 0 ? label : String(repeating: " ", count: gutter - 1))
                     + (r == 0 ? "┤" : "│"), row: top + r, column: gutterColumn, style: Theme.dim)
        }
        for i in 0..<chart.totals.count {
            let x = chart.column(of: i)
            let height = chart.eighths(i, rows: rows)
            let style = i == chart.cursorIndex ? Theme.cursor
                : chart.isFuture(i) ? Theme.dim : Theme.text
            for r in 0..<rows {
                let level = rows - 1 - r
                let fill = min(8, max(0, height - level * 8))
                if fill > 0 {
                    let block = String(repeating: TimelinePane.blocks[fill], count: chart.barWidth)
                    grid.put(block, row: top + r, column: x, style: style, limit: chart.barWidth)
                } else if i == chart.cursorIndex {
                    grid.put(r == 0 ? "▼" : "│", row: top + r, column: x, style: Theme.cursor, limit: 1)
                }
            }
        }
    }

    private func drawAxis(into grid: inout Grid, chart: Chart, row: Int, gutterColumn: Int,
                          gutter: Int, ticks: [Int]) {
        let zero = TextLayout.pad("0", width: gutter - 1, alignRight: true)
        let used = chart.totals.count * chart.slot
        grid.put(zero + "└" + String(repeating: "─", count: min(used, chart.width)),
                 row: row, column: gutterColumn, style: Theme.dim)
        for i in ticks { grid.put("┬", row: row, column: chart.column(of: i), style: Theme.dim) }
        if let i = chart.cursorIndex {
            grid.put("┴", row: row, column: chart.column(of: i), style: Theme.cursor)
        }
    }

    /// Periods that get a date label: the first, and then "round" starts (the 1st, 8th, 15th
    /// and 22nd of a month per day; every week or month otherwise) wherever a label fits
    /// without touching its neighbour or the cursor's label.
    func labelColumns(chart: Chart) -> [Int] {
        let right = chart.left + chart.width
        let reserved = cursorLabelSpan(chart: chart)
        var out: [Int] = []
        var free = chart.left
        for i in 0..<chart.totals.count {
            let x = chart.column(of: i)
            guard x >= free, x + 5 <= right else { continue }
            if let span = reserved, x + 5 + 1 > span.lowerBound, x < span.upperBound + 1 { continue }
            if chart.buckets.period == .day, i > 0 {
                let day = chart.buckets.start(of: i).parts.day
                guard [1, 8, 15, 22].contains(day) else { continue }
            }
            out.append(i)
            free = x + 7
        }
        return out
    }

    /// Where the cursor's "MM-DD" goes: under its column, pulled left near the right edge.
    private func cursorLabelSpan(chart: Chart) -> Range<Int>? {
        guard let i = chart.cursorIndex else { return nil }
        let right = chart.left + chart.width
        let start = max(chart.left, min(chart.column(of: i), right - 5))
        return start..<min(right, start + 5)
    }

    private func drawLabels(into grid: inout Grid, chart: Chart, row: Int, columns: [Int]) {
        for i in columns {
            grid.put(monthDay(chart.buckets.start(of: i)), row: row, column: chart.column(of: i),
                     style: Theme.dim)
        }
        if let span = cursorLabelSpan(chart: chart) {
            grid.put(monthDay(cursor), row: row, column: span.lowerBound, style: Theme.cursor,
                     limit: span.count)
        }
    }

    private func drawMarkers(into grid: inout Grid, chart: Chart, row: Int, latest: Event?) {
        for event in events {
            guard let i = chart.buckets.index(of: event.date), i < chart.totals.count else { continue }
            grid.put("◆", row: row, column: chart.column(of: i), style: Theme.event)
        }
        // The captioned event's marker in reverse, so caption and marker pair up without colour.
        if let event = latest, let i = chart.buckets.index(of: event.date), i < chart.totals.count {
            var style = Theme.event
            style.reverse = true
            grid.put("◆", row: row, column: chart.column(of: i), style: style)
        }
    }

    /// The most recent event at or before the cursor (the later one in `events` on a tie).
    func latestEvent() -> Event? {
        var best: Event?
        for event in events where event.date <= cursor {
            if best.map({ event.date >= $0.date }) ?? true { best = event }
        }
        return best
    }

    private func monthDay(_ day: Day) -> String { String(day.description.dropFirst(5)) }
}
