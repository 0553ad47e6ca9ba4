import AdoptUI

/// The bytes that make linked cells clickable: OSC 8 hyperlinks, which ncurses cannot send.
///
/// ncurses has no notion of a link (a `cchar_t` has no room for one, and an escape given to
/// `addstr` is drawn as `^[`), so the frame is drawn by ncurses first and the linked cells
/// are then written again with the link around them, straight to the terminal:
///
///     ESC 7                         save the cursor and attributes (DECSC)
///     CSI row;col H                 to the run's first cell
///     OSC 8 ; id=adopt-N ; URI ST   link on (one id for every line of a wrapped URL)
///     SGR …  the same text …        exactly what ncurses drew there
///     OSC 8 ; ; ST                  link off
///     ESC 8                         cursor and attributes back (DECRC)
///
/// so ncurses' idea of the cursor and attributes stays true and its next update is right.
/// The text is the grid's (already made safe at load), with the same last-line filter as
/// `FramePainter`; the URI is sent only when it is http(s) and made of printable ASCII
/// (anything else percent-encoded), so nothing from a snapshot can end the sequence early.
/// The same idea as tcell's `Style.Url` (a cell carries its link; the screen emits OSC 8 as it
/// writes the cell) and the per-cell escapes of ratatui's hyperlink example, placed after
/// ncurses' refresh because ncurses does the writing here.
enum HyperlinkWriter {
    static let esc: UInt8 = 0x1B

    /// Longer URIs are not linked: VTE ignores links over 2083 bytes, as do others.
    static let maximumURILength = 2083

    /// The URI to put in OSC 8 for a URL shown on screen, or nil when it must not be a link:
    /// not http or https; or carrying the visible stand-ins TextSafety put in place of control
    /// characters or bidirectional overrides (the original was hostile). Spaces, non-ASCII
    /// (an IRI's Chinese path) and any other byte outside printable ASCII are percent-encoded
    /// as UTF-8, so the URI is bytes 0x21-0x7E only, as the OSC 8 specification asks.
    static func uri(for url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        for scalar in url.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return nil }
            if (0x2400...0x2426).contains(v) { return nil }   // ␛ ␇ …: pictures of controls
            if v == 0x27E8 { return nil }                     // ⟨U+202E⟩ and the like
        }
        var out = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out.utf8.count <= maximumURILength ? out : nil
    }

    /// One run of cells written again: with a link when `uri` is given, without (to take a
    /// link off cells ncurses did not redraw) when nil. `sgr` gives the attribute sequence
    /// for a cell's style (the terminal's colour depth decides it).
    static func bytes(row: Int, column: Int, cells: ArraySlice<Cell>, uri: String?, id: Int,
                      sgr: (Style) -> String) -> [UInt8] {
        var out: [UInt8] = [esc, UInt8(ascii: "7")]
        out += cursorTo(row: row, column: column)
        if let uri { out += Array("\u{1B}]8;id=adopt-\(id);\(uri)\u{1B}\\".utf8) }
        var style: Style?
        var column = column
        var needsPlacing = false
        for cell in cells {
            defer { column += 1 }
            if cell.isContinuation { continue }
            if needsPlacing { out += cursorTo(row: row, column: column) }
            if cell.style != style {
                out += Array(sgr(cell.style).utf8)
                style = cell.style
            }
            let scalars = FramePainter.scalars(of: cell.text)
            for v in scalars { out += Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8) }
            // The terminal may measure a non-ASCII cluster differently from the grid: place
            // the next cell explicitly rather than trust the cursor.
            needsPlacing = scalars.count != 1 || scalars[0] >= 0x7F
        }
        if uri != nil { out += Array("\u{1B}]8;;\u{1B}\\".utf8) }
        out += [esc, UInt8(ascii: "8")]
        return out
    }

    /// CUP, one-based.
    static func cursorTo(row: Int, column: Int) -> [UInt8] {
        Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
    }

    /// What to write after a frame: every linked run with a cell that changed (ncurses redrew
    /// it without its link), all of them when nothing was on screen before, and the cells that
    /// lost a link but look the same (ncurses left them, link and all). A run that did not
    /// change keeps the link the terminal already has.
    static func runs(old: Grid?, new: Grid) -> [(row: Int, column: Int, width: Int, link: Int?)] {
        let old = old.flatMap { $0.width == new.width && $0.height == new.height ? $0 : nil }
        var result: [(row: Int, column: Int, width: Int, link: Int?)] = []
        for run in new.linkRuns {
            let changed = old.map { old in
                (run.column..<run.column + run.width).contains { c in
                    old[run.row, c] != new[run.row, c] || old.url(row: run.row, column: c) != run.url
                }
            } ?? true
            // (A cell whose text, style and URL are as before was not redrawn: its link stands.)
            if changed { result.append((run.row, run.column, run.width, run.index)) }
        }
        guard let old, !old.links.isEmpty else { return result }
        for row in 0..<new.height {
            var column = 0
            while column < new.width {
                guard unlinkedButUnchanged(old, new, row, column) else { column += 1; continue }
                var end = column + 1
                while end < new.width, unlinkedButUnchanged(old, new, row, end) { end += 1 }
                // Start and end on whole characters.
                let start = column > 0 && new[row, column].isContinuation ? column - 1 : column
                if end < new.width, new[row, end].isContinuation { end += 1 }
                result.append((row, start, end - start, nil))
                column = end
            }
        }
        return result
    }

    private static func unlinkedButUnchanged(_ old: Grid, _ new: Grid, _ row: Int, _ column: Int) -> Bool {
        old.linkIndex(row: row, column: column) != nil && new.linkIndex(row: row, column: column) == nil
            && old[row, column] == new[row, column]
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
