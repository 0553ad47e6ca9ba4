/// The bytes a frame sends around ncurses' own: the synchronized-output bracket (DEC private
/// mode 2026) and the OSC 8 rewrites of `HyperlinkWriter`.
///
/// ncurses 6.4 sends a frame in many writes (it flushes its buffer at cursor movements, so a
/// full 120x40 frame is about a hundred writes of 10-100 bytes), and the links must follow its
/// last one, so a frame cannot leave in one write; the bracket makes that harmless, as the
/// terminal shows nothing of the frame until the end arrives:
///
///     before ncurses:  CSI ? 2026 h             one write; ncurses has nothing waiting,
///                                               since every doupdate ends with a flush
///     ncurses:         the changed cells        its own writes, ending at doupdate
///     after ncurses:   links…  CSI ? 2026 l     one write
///
/// (Not `putp`: in ncurses 6.4 it goes through stdio's `stdout` buffer, which ncurses never
/// flushes, so the begin arrived at exit.) After a resize, ncurses itself repaints the old
/// screen (a clear and every line) inside the next `get_wch`, before the dashboard has drawn
/// the new size: the terminal layer opens the bracket as soon as `KEY_RESIZE` arrives, and the
/// next frame only closes it. A frame with no cell to draw but links to rewrite
/// sends `CSI ? 2026 h`, the links and `CSI ? 2026 l` in one write. A frame with nothing to
/// send sends nothing at all: an empty bracket is not written.
struct FrameWrites: Equatable {
    /// Begin synchronized update (BSU, DECSET 2026).
    static let begin: [UInt8] = Array("\u{1B}[?2026h".utf8)
    /// End synchronized update (ESU, DECRST 2026).
    static let end: [UInt8] = Array("\u{1B}[?2026l".utf8)

    /// Written before ncurses' cells (empty when ncurses draws nothing).
    let beforeCurses: [UInt8]
    /// Written straight to the terminal once `doupdate` has returned.
    let afterCurses: [UInt8]

    /// - Parameters:
    ///   - cursesDraws: whether ncurses will send cells for this frame.
    ///   - links: the OSC 8 rewrites to send after ncurses' cells.
    ///   - synchronized: whether frames are bracketed (`--sync-output`).
    ///   - opened: the bracket was opened already, when a resize arrived (ncurses repaints
    ///     the old screen inside `get_wch` after one): this frame only closes it, and must,
    ///     even with nothing of its own to send.
    init(cursesDraws: Bool, links: [UInt8], synchronized: Bool, opened: Bool = false) {
        guard synchronized, opened || cursesDraws || !links.isEmpty else {
            beforeCurses = []
            afterCurses = links
            return
        }
        if opened {
            beforeCurses = []
            afterCurses = links + FrameWrites.end
        } else if cursesDraws {
            beforeCurses = FrameWrites.begin
            afterCurses = links + FrameWrites.end
        } else {
            beforeCurses = []
            afterCurses = FrameWrites.begin + links + FrameWrites.end
        }
    }
}
