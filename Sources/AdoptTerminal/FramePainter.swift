import AdoptUI
import CNcursesw

/// Copies a finished `Grid` to the screen: the cells `FrameDiff` says changed, then one
/// `wnoutrefresh` + `doupdate`. Never clears the screen (that flickers).
struct FramePainter {
    private var styles: CursesStyles
    private var diff = FrameDiff()
    /// The size of the last frame drawn; nil when the screen's contents are unknown.
    private var drawnSize: (width: Int, height: Int)?
    /// Where OSC 8 hyperlinks go once ncurses has drawn a frame; nil when they are off.
    private let links: ((_ bytes: [UInt8]) -> Void)?
    /// The last frame, as the links on screen were written for it (only kept with links on).
    private var linkedFrame: Grid?

    /// - Parameter links: when given, linked cells are written again with OSC 8 around them
    ///   after each refresh (`HyperlinkWriter`), through this.
    init(styles: CursesStyles, links: ((_ bytes: [UInt8]) -> Void)? = nil) {
        self.styles = styles
        self.links = links
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
        defer { writeLinks(grid) }
        guard !placements.isEmpty else { return }
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

    /// After ncurses' refresh: the linked runs it redrew (and so unlinked), written again
    /// inside OSC 8, in one write.
    private mutating func writeLinks(_ grid: Grid) {
        guard let links else { return }
        defer { linkedFrame = grid }
        let runs = HyperlinkWriter.runs(old: linkedFrame, new: grid)
        guard !runs.isEmpty else { return }
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
        if !bytes.isEmpty { links(bytes) }
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
