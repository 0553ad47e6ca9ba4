import AdoptUI
import CNcursesw

/// Copies a finished `Grid` to the screen: the cells `FrameDiff` says changed, then one
/// `wnoutrefresh` + `doupdate`. Never clears the screen (that flickers). With links on, the
/// linked cells follow ncurses' bytes inside OSC 8; with synchronized output on, the whole
/// frame goes inside DEC mode 2026's bracket (`FrameWrites`).
struct FramePainter {
    private var styles: CursesStyles
    private var diff = FrameDiff()
    /// The size of the last frame drawn; nil when the screen's contents are unknown.
    private var drawnSize: (width: Int, height: Int)?
    /// Whether linked cells are written again inside OSC 8 after each refresh.
    private let linksEnabled: Bool
    /// Whether each frame is bracketed by `CSI ? 2026 h` ... `CSI ? 2026 l`.
    private let synchronized: Bool
    /// Bytes straight to the terminal, after ncurses has flushed its own.
    private let write: (_ bytes: [UInt8]) -> Void
    /// The last frame, as the links on screen were written for it (only kept with links on).
    private var linkedFrame: Grid?
    /// A bracket was opened ahead of the frame (`openBracket`), for it to close.
    private var bracketOpen = false

    /// - Parameters:
    ///   - links: linked cells are written again with OSC 8 around them after each refresh
    ///     (`HyperlinkWriter`).
    ///   - synchronized: each frame, ncurses' bytes and the links', is sent as one
    ///     synchronized update (`--sync-output`).
    ///   - write: where the bytes after ncurses' go.
    init(styles: CursesStyles, links: Bool = false, synchronized: Bool = false,
         write: @escaping (_ bytes: [UInt8]) -> Void) {
        self.styles = styles
        self.linksEnabled = links
        self.synchronized = synchronized
        self.write = write
    }

    /// With synchronized output on, begins the next frame's update now, before ncurses writes
    /// anything of its own (it repaints after a resize inside `get_wch`); the next `paint`
    /// ends it. Once per frame.
    mutating func openBracket() {
        guard synchronized, !bracketOpen else { return }
        bracketOpen = true
        write(FrameWrites.begin)
    }

    /// Ends a bracket `openBracket` began and no frame closed (the terminal is being given
    /// back), so the terminal does not hold what follows.
    mutating func closeBracket() {
        guard bracketOpen else { return }
        bracketOpen = false
        write(FrameWrites.end)
    }

    /// Forgets what is on screen, so the next frame repaints every cell.
    mutating func invalidate() {
        diff.invalidate()
        drawnSize = nil
        linkedFrame = nil
    }

    mutating func paint(_ grid: Grid) {
        if drawnSize.map({ $0 != (grid.width, grid.height) }) ?? true {
            // A new size repaints every cell anyway; erasing first also blanks whatever a
            // smaller grid would not cover. Nothing reaches the terminal before doupdate, which
            // sends only the real differences, so this does not flicker.
            adopt_erase()
            diff.invalidate()
            linkedFrame = nil
            drawnSize = (grid.width, grid.height)
        }
        let placements = diff.placements(for: grid)
        // Links too may have changed where the text did not.
        let links = linksEnabled ? linkBytes(grid) : []
        let writes = FrameWrites(cursesDraws: !placements.isEmpty, links: links, synchronized: synchronized,
                                 opened: bracketOpen)
        bracketOpen = false
        if !placements.isEmpty {
            // ncurses has nothing waiting (the last doupdate flushed it all), so this goes out
            // ahead of the frame's first byte.
            if !writes.beforeCurses.isEmpty { write(writes.beforeCurses) }
            for placement in placements {
                let drawn = styles.drawn(placement.cell.style)
                let width = DisplayWidth.of(placement.cell.text)
                let pieces = TerminalGlyph.pieces(Self.scalars(of: placement.cell.text), width: width,
                                                  libraryWidth: { Int(adopt_wcwidth($0)) })
                // Each piece goes to its own column, so the cursor is placed again after a cluster
                // that ncurses would otherwise measure differently from the grid.
                for (offset, var piece) in pieces.enumerated() {
                    adopt_put_cell(Int32(placement.row), Int32(placement.column + offset), &piece,
                                   Int32(piece.count), drawn.attributes, drawn.pair)
                }
            }
            adopt_flush_frame()
        }
        if !writes.afterCurses.isEmpty { write(writes.afterCurses) }
    }

    /// The linked runs ncurses redraws this frame (and so unlinks), to be written again inside
    /// OSC 8 after its refresh, as one piece.
    private mutating func linkBytes(_ grid: Grid) -> [UInt8] {
        defer { linkedFrame = grid }
        let runs = HyperlinkWriter.runs(old: linkedFrame, new: grid)
        var bytes: [UInt8] = []
        for run in runs {
            let uri = run.link.flatMap { HyperlinkWriter.uri(for: grid.links[$0]) }
            // A URL that may not be linked is left as ncurses drew it.
            if run.link != nil && uri == nil { continue }
            let start = run.row * grid.width + run.column
            bytes += HyperlinkWriter.bytes(row: run.row, column: run.column,
                                           cells: grid.cells[start..<start + run.width], uri: uri,
                                           id: run.link ?? 0, sgr: { styles.sgr($0) })
        }
        return bytes
    }

    /// The scalars to draw for a cell's text. Grids hold text already made safe, but a control
    /// character reaching the terminal would move the cursor or start an escape sequence, so
    /// anything that is not printable becomes U+FFFD here as a last line of defence.
    static func scalars(of text: String) -> [UInt32] {
        var result: [UInt32] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = v < 0x20 || (v >= 0x7F && v < 0xA0)
            let bidiOverride = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            result.append(control || bidiOverride ? 0xFFFD : v)
        }
        return result.isEmpty ? [0x20] : result
    }
}
