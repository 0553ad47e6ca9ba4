/// One screen position. A wide (two-column) character lives in its first cell; the cell to its
/// right holds an empty `text` as a continuation, so columns always line up.
public struct Cell: Hashable, Sendable {
    /// One grapheme (already made safe), or "" for the right half of a wide character.
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) { self.text = text; self.style = style }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A width-aware grid of cells: what every pane draws into and what tests compare.
///
/// Why a grid and not direct ncurses calls: the same frame goes to the terminal, to
/// `adopt dump` and to golden tests, and the terminal layer can copy it in one refresh.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The URLs cells link to. The terminal layer turns them into OSC 8 hyperlinks; tests and
    /// `adopt dump` see only the text.
    public private(set) var links: [String] = []
    /// Which cells link where: cell index → index into `links`. Kept beside the cells, not in
    /// them, so a cell stays 24 bytes and a frame without links pays one `isEmpty` per write.
    /// Writing a cell takes its link off, so text drawn over a link is no longer linked.
    private var linked: [Int: Int] = [:]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set {
            cells[row * width + column] = newValue
            if !linked.isEmpty { linked[row * width + column] = nil }
        }
    }

    /// Writes `text` from (row, column), clipped at `limit` columns from the start (default: the
    /// grid's right edge). A wide character that would not fit whole is replaced by a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain,
                             limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(width, limit.map { column + $0 } ?? width)
        var col = column
        for ch in text {
            if col >= end { break }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col < 0 { col += w; continue }
            if col + w > end {
                // Never split a two-column character: pad the remaining column instead.
                clearWide(row: row, column: col)
                self[row, col] = Cell(text: " ", style: style)
                col += 1
                break
            }
            clearWide(row: row, column: col)
            self[row, col] = Cell(text: String(ch), style: style)
            if w == 2 {
                clearWide(row: row, column: col + 1)
                self[row, col + 1] = Cell(text: "", style: style)
            }
            col += w
        }
        return col
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, style: Style = .plain) {
        let rows = max(0, row)..<max(max(0, row), min(height, row + h))
        let columns = max(0, column)..<max(max(0, column), min(width, column + w))
        for r in rows {
            for c in columns {
                clearWide(row: r, column: c)
                self[r, c] = Cell(text: " ", style: style)
            }
        }
    }

    /// Changes the style of existing cells without touching their text.
    public mutating func restyle(row: Int, column: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard row >= 0, row < height else { return }
        for c in max(0, column)..<max(max(0, column), min(width, column + w)) { change(&cells[row * width + c].style) }
    }

    /// Makes `w` cells from (row, column) one hyperlink to `url` (a URL wrapped over several
    /// lines is marked on each, with the same URL, and stays one link). Ignored once 65535
    /// different URLs are linked in one frame (no screen holds that many).
    public mutating func link(_ url: String, row: Int, column: Int, width w: Int) {
        guard row >= 0, row < height else { return }
        let index: Int
        if let known = links.firstIndex(of: url) {
            index = known
        } else {
            guard links.count < Int(UInt16.max) else { return }
            links.append(url)
            index = links.count - 1
        }
        for c in max(0, column)..<max(max(0, column), min(width, column + w)) {
            linked[row * width + c] = index
        }
    }

    /// The index into `links` of the URL a cell links to, if any.
    public func linkIndex(row: Int, column: Int) -> Int? { linked[row * width + column] }

    /// The URL a cell links to, if any.
    public func url(row: Int, column: Int) -> String? { linkIndex(row: row, column: column).map { links[$0] } }

    /// Overwriting half of a wide character would leave the other half dangling: blank it.
    private mutating func clearWide(row: Int, column: Int) {
        let cell = self[row, column]
        if cell.isContinuation, column > 0 {
            self[row, column - 1].text = " "
        } else if column + 1 < width, self[row, column + 1].isContinuation,
                  DisplayWidth.of(cell.text) == 2 {
            self[row, column + 1].text = " "
        }
    }

    /// The grid as plain text lines, trailing spaces kept (golden tests and `adopt dump`).
    public var lines: [String] {
        (0..<height).map { r in
            var s = ""
            for c in 0..<width { s += self[r, c].text }
            return s
        }
    }

    /// Plain text with trailing spaces trimmed, one line per row.
    public var text: String {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }.joined(separator: "\n")
    }
}
