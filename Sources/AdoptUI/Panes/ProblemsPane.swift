import AdoptCore

/// `!`: every problem with the snapshot files, each with its file, line and column, the field
/// it concerns and the message (wrapped), errors and warnings marked in words as well as colour.
///
/// ```
/// ┌ Problems · ↑↓ scroll · Esc closes ─────────────────────────────────┐
/// │1 error · 1 warning · a broken file keeps its last good data on screen│
/// │────────────────────────────────────────────────────────────────────│
/// │✗ error    Data/2025-04-01.json:57:1                                  │
/// │           unexpected end of file (the file is truncated or incomplete)│
/// │⚠ warning  Data/2025-04-01.json                                        │
/// │           showing the last good version loaded at 14:03:12           │
/// └────────────────────────────────────────────────────────────────────┘
/// ```
public struct ProblemsPane {
    public var problems: [Problem]
    /// The first body row shown (kept so the last screenful is full).
    public var scroll: Int
    /// Freshness first, whether or not anything is wrong: the data path, the current file, its
    /// asOf and age, the last load and change, and why the data is stale (`App.opsLines`).
    public var header: [String]

    public init(problems: [Problem], scroll: Int = 0, header: [String] = []) {
        self.problems = problems; self.scroll = scroll; self.header = header
    }

    static let title = "Problems · ↑↓ scroll · Esc closes"
    /// Where messages start: after "⚠ warning ".
    static let indent = 11

    /// One screen row: pieces of text, each in its style.
    struct Row: Equatable {
        var pieces: [(text: String, style: Style)]
        static func == (a: Row, b: Row) -> Bool {
            a.pieces.map(\.text) == b.pieces.map(\.text) && a.pieces.map(\.style) == b.pieces.map(\.style)
        }
    }

    /// Where the pane goes: wide, and as tall as its rows (summary, rule, body), at most the screen.
    static func area(rowCount: Int, over screen: Rect) -> Rect {
        OverlayFrame.centred(width: 110, height: max(6, rowCount + 4), over: screen)
    }

    /// The body rows for a pane `width` columns wide inside.
    static func rows(_ problems: [Problem], width: Int, header: [String] = []) -> [Row] {
        var rows: [Row] = header.flatMap { line in
            TextLayout.wrap(line, width: max(1, width)).map { Row(pieces: [($0, Theme.dim)]) }
        }
        if !header.isEmpty, !problems.isEmpty { rows.append(Row(pieces: [("", Theme.text)])) }
        let messageWidth = max(1, width - indent)
        for p in problems {
            let isError = p.severity == .error
            var head: [(text: String, style: Style)] = [
                (isError ? "✗ error    " : "⚠ warning  ", isError ? Theme.error : Theme.warning),
                (location(p), Theme.title),
            ]
            if !p.path.isEmpty { head.append(("  " + TextSafety.clean(p.path), Theme.text)) }
            rows.append(Row(pieces: head))
            for piece in TextLayout.wrap(TextSafety.clean(p.message), width: messageWidth) {
                rows.append(Row(pieces: [(String(repeating: " ", count: indent) + piece, Theme.text)]))
            }
        }
        return rows
    }

    /// `FILE:LINE:COL`, or the file alone when the whole file is meant (line 0).
    static func location(_ p: Problem) -> String {
        let file = TextSafety.clean(p.file)
        return p.line > 0 ? "\(file):\(p.line):\(p.column)" : file
    }

    /// "1 error · 1 warning in 1 file".
    static func summary(_ problems: [Problem]) -> String {
        guard !problems.isEmpty else { return "No problems: every snapshot file loaded cleanly." }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        let files = Set(problems.map(\.file)).count
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        var text = parts.joined(separator: " · ") + (files == 1 ? " in 1 file" : " in \(files) files")
        if errors > 0 { text += " · a broken file keeps its last good data on screen" }
        return text
    }

    /// The body rows and how many of them fit, for a terminal of this size (the status bar
    /// is the last row).
    static func layout(_ problems: [Problem], header: [String] = [], screenWidth: Int, screenHeight: Int) -> (rows: [Row], visible: Int) {
        let screen = Rect(row: 0, column: 0, width: screenWidth, height: max(0, screenHeight - 1))
        let width = max(0, area(rowCount: 0, over: screen).width - 2)
        let rows = ProblemsPane.rows(problems, width: width, header: header)
        return (rows, max(0, area(rowCount: rows.count, over: screen).height - 4))
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let width = max(0, ProblemsPane.area(rowCount: 0, over: screen).width - 2)
        let rows = ProblemsPane.rows(problems, width: width, header: header)
        let inner = grid.drawBox(ProblemsPane.area(rowCount: rows.count, over: screen), title: ProblemsPane.title,
                                 focused: true)
        guard !inner.isEmpty else { return }
        grid.put(TextLayout.clip(ProblemsPane.summary(problems), width: inner.width), row: inner.row,
                 column: inner.column, style: problems.isEmpty ? Theme.text : Theme.warning, limit: inner.width)
        guard inner.height > 1 else { return }
        grid.put(String(repeating: "─", count: inner.width), row: inner.row + 1, column: inner.column, style: Theme.border)
        let top = inner.row + 2
        let visible = max(0, inner.bottom - top)
        let first = max(0, min(scroll, rows.count - visible))
        for (k, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            var column = inner.column
            for piece in row.pieces {
                let room = max(0, inner.right - column)
                column = grid.put(TextLayout.clip(piece.text, width: room), row: top + k, column: column,
                                  style: piece.style, limit: room)
            }
        }
        if first > 0 { grid.put("▲", row: top, column: inner.right - 1, style: Theme.dim) }
        if first + visible < rows.count { grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim) }
    }
}
