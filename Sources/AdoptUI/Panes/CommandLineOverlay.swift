import AdoptCore

/// `:`: the exact commands that reproduce what is on screen, for notes and slides (k9s's
/// command line, the other way round). A command too long for the window is broken between
/// shell words with a trailing ` \`, so the lines copied as they stand still run in a shell.
///
/// ```
/// ┌ : command line · Esc closes ────────────────────────┐
/// │this view in the dashboard                           │
/// │adopt --region 440000 --date 2025-03-15 --view map   │
/// │                                                     │
/// │the screen as text                                   │
/// │adopt dump screen --region 440000 --date 2025-03-15  │
/// └─────────────────────────────────────────────────────┘
/// ```
public struct CommandLineOverlay: Sendable {
    /// One command: what it gives, and its arguments after the program name (unquoted).
    public struct Entry: Sendable, Equatable {
        public var caption: String
        public var words: [String]
        public init(caption: String, words: [String]) { self.caption = caption; self.words = words }

        /// The command as one shell line.
        public var commandLine: String { (["adopt"] + words).map(ViewSpec.shellQuoted).joined(separator: " ") }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// A command's rows at `width` columns: shell words packed greedily, every row but the
    /// last ending in " \", the rest indented two columns. A single word wider than a row is
    /// cut into pieces (it cannot be copied as it stands; the window is too narrow).
    static func rows(_ words: [String], width: Int) -> [String] {
        let quoted = (["adopt"] + words).map(ViewSpec.shellQuoted)
        guard width >= 8 else { return [quoted.joined(separator: " ")] }
        var rows: [String] = []
        var line = ""
        for word in quoted {
            let indent = rows.isEmpty ? "" : "  "
            let candidate = line.isEmpty ? indent + word : line + " " + word
            // Room for " \" on every row: any might be followed by another.
            if DisplayWidth.of(candidate) + 2 <= width || (line.isEmpty && DisplayWidth.of(candidate) <= width) {
                line = candidate
                continue
            }
            if !line.isEmpty { rows.append(line + " \\") }
            var rest = "  " + word
            while DisplayWidth.of(rest) + 2 > width {
                let piece = TextLayout.clip(rest, width: width - 2)
                let cut = piece.hasSuffix("…") ? String(piece.dropLast()) : piece
                rows.append(cut)
                rest = "  " + String(rest.dropFirst(cut.count))
            }
            line = rest
        }
        if !line.isEmpty { rows.append(line) }
        return rows
    }

    func lines(width: Int) -> [(text: String, style: Style)] {
        var out: [(text: String, style: Style)] = []
        for (k, entry) in entries.enumerated() {
            if k > 0 { out.append(("", Theme.text)) }
            out.append((entry.caption, Theme.dim))
            for row in CommandLineOverlay.rows(entry.words, width: width) { out.append((row, Theme.title)) }
        }
        return out
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let width = min(110, max(0, screen.width - 4))
        let all = lines(width: max(1, width - 2))
        let area = OverlayFrame.centred(width: width, height: all.count + 2, over: screen)
        let inner = grid.drawBox(area, title: ": command line · Esc closes", focused: true)
        guard !inner.isEmpty else { return }
        for (k, line) in all.prefix(inner.height).enumerated() {
            grid.put(line.text, row: inner.row + k, column: inner.column, style: line.style, limit: inner.width)
        }
        if all.count > inner.height { grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim) }
    }
}
