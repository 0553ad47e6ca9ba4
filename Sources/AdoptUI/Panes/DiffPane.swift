import AdoptCore

/// `d`: what changed between two snapshots: deployments added, removed and changed (by id,
/// field by field), under the pair compared and the keys that pick another pair.
///
/// ```
/// ┌ What changed · [ ] from · < > to · ↑↓ scroll · Esc ──────────────────┐
/// │2025-03-10 → 2025-03-31 · Data/2025-03-10.json → Data/2025-03-31.json   │
/// │1 added · 0 removed · 1 changed                      snapshots 2 → 3 of 3│
/// │────────────────────────────────────────────────────────────────────────│
/// │Added (1)                                                               │
/// │+ qh-xining-gov  2025-04-01  西宁 Xining    青海省西宁市政务服务局        │
/// │Changed (1)                                                             │
/// │~ sz-futian-hospital                                                    │
/// │    status:      piloting → deployed                                    │
/// └────────────────────────────────────────────────────────────────────────┘
/// ```
/// Drawing reads only the rows on screen (`DiffRows`); the diff itself was computed when the
/// pair was chosen.
public struct DiffPane {
    public var view: DiffView
    /// `store.snapshots`, oldest first (for the pair's dates and files).
    public var snapshots: [SnapshotIdentity]
    public var gazetteer: Gazetteer

    /// The older files still being read: the pane says so instead of "only one snapshot".
    public var history: HistoryProgress?
    /// A side of the pair is a light older snapshot being read again.
    public var loading = false

    public init(view: DiffView, snapshots: [SnapshotIdentity], gazetteer: Gazetteer, history: HistoryProgress? = nil,
                loading: Bool = false) {
        self.view = view; self.snapshots = snapshots; self.gazetteer = gazetteer; self.history = history
        self.loading = loading
    }

    static let title = "What changed · [ ] from · < > to · ↑↓ scroll · Esc"
    static let added = Style(foreground: .green, bold: true)
    static let removed = Style(foreground: .red, bold: true)

    /// Where the pane goes over the panes: wide, and the full height.
    static func area(over screen: Rect) -> Rect {
        OverlayFrame.centred(width: 124, height: screen.height, over: screen)
    }

    /// Body rows on screen for a terminal of this size (the status bar is the last row).
    static func bodyHeight(screenWidth: Int, screenHeight: Int) -> Int {
        let screen = Rect(row: 0, column: 0, width: screenWidth, height: max(0, screenHeight - 1))
        return max(0, area(over: screen).height - 2 - 3)
    }

    /// The first body row to show: `scroll`, kept so the last screenful is full.
    static func firstRow(scroll: Int, count: Int, visible: Int) -> Int {
        max(0, min(scroll, count - visible))
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let inner = grid.drawBox(DiffPane.area(over: screen), title: DiffPane.title, focused: true)
        guard !inner.isEmpty else { return }
        func line(_ text: String, _ r: Int, _ style: Style) {
            guard r < inner.bottom else { return }
            grid.put(TextLayout.clip(text, width: inner.width), row: r, column: inner.column, style: style,
                     limit: inner.width)
        }
        if let history {
            line("Loading history (\(history.text)): the older snapshot files are being read…", inner.row, Theme.title)
            line("The comparison shows when every file has been read; keys work meanwhile.", inner.row + 1, Theme.dim)
            return
        }
        if loading {
            line("Loading history: reading the older snapshot file again…", inner.row, Theme.title)
            line("The comparison shows when it has been read; keys work meanwhile.", inner.row + 1, Theme.dim)
            return
        }
        guard let diff = view.diff, snapshots.indices.contains(view.from), snapshots.indices.contains(view.to) else {
            line("Only one snapshot is loaded: there is nothing to compare it with.", inner.row, Theme.title)
            line("Add another snapshot file (an earlier or later asOf) to see what changed.", inner.row + 1, Theme.dim)
            return
        }
        let from = snapshots[view.from], to = snapshots[view.to]
        line("\(from.asOf) → \(to.asOf) · \(from.file) → \(to.file)", inner.row, Theme.title)
        let counts = "\(diff.added.count) added · \(diff.removed.count) removed · \(diff.changed.count) changed"
        let position = "snapshots \(view.from + 1) → \(view.to + 1) of \(snapshots.count)"
        line(counts, inner.row + 1, Theme.text)
        if DisplayWidth.of(counts) + 2 + DisplayWidth.of(position) <= inner.width {
            grid.put(position, row: inner.row + 1, column: inner.right - DisplayWidth.of(position), style: Theme.dim)
        }
        line(String(repeating: "─", count: inner.width), inner.row + 2, Theme.border)

        let top = inner.row + 3
        let visible = max(0, inner.bottom - top)
        guard visible > 0 else { return }
        if diff.isEmpty {
            line("No differences: the same deployments, field for field.", top, Theme.dim)
            return
        }
        let first = DiffPane.firstRow(scroll: view.scroll, count: view.rows.count, visible: visible)
        for k in 0..<visible {
            guard let row = view.rows.row(first + k) else { break }
            drawRow(row, diff: diff, into: &grid, row: top + k, inner: inner)
        }
        if first > 0 { grid.put("▲", row: top, column: inner.right - 1, style: Theme.dim) }
        if first + visible < view.rows.count { grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim) }
    }

    private func drawRow(_ row: DiffRows.Row, diff: SnapshotDiff, into grid: inout Grid, row r: Int, inner: Rect) {
        func put(_ marker: String, _ markerStyle: Style, _ text: String, _ style: Style = Theme.text) {
            let end = grid.put(marker, row: r, column: inner.column, style: markerStyle, limit: inner.width)
            let room = max(0, inner.right - end)
            grid.put(TextLayout.clip(text, width: room), row: r, column: end, style: style, limit: room)
        }
        switch row {
        case .heading(let text):
            put("", Theme.title, text, Theme.title)
        case .added(let i):
            put("+ ", DiffPane.added, deploymentLine(diff.added[i]))
        case .removed(let i):
            put("- ", DiffPane.removed, deploymentLine(diff.removed[i]))
        case .changed(let i):
            let change = diff.changed[i]
            let names = change.fields.map(\.field).joined(separator: ", ")
            put("~ ", Theme.warning, change.id + "  (" + names + ")")
        case .field(let c, let f):
            let field = diff.changed[c].fields[f]
            let old = describe(field.old, field: field.field), new = describe(field.new, field: field.field)
            put("    ", Theme.text, TextLayout.pad(field.field + ":", width: 13) + " " + old + " → " + new)
        }
    }

    /// "qh-xining-gov  2025-04-01  西宁 Xining          青海省西宁市政务服务局".
    func deploymentLine(_ d: Deployment) -> String {
        TextLayout.pad(d.id, width: view.rows.idWidth) + "  " + d.date.description + "  "
            + TextLayout.pad(regionName(d.region), width: 20) + "  " + d.organization
    }

    /// "西宁 Xining"; the code when the gazetteer does not know it.
    func regionName(_ code: RegionCode) -> String {
        gazetteer.region(code).map { "\($0.shortName) \($0.english)" } ?? code.description
    }

    /// A field's display text; a region code gets its name beside it.
    private func describe(_ value: String, field: String) -> String {
        guard field == "region", let code = RegionCode(value), let region = gazetteer.region(code) else { return value }
        return "\(value) \(region.shortName) \(region.english)"
    }
}
