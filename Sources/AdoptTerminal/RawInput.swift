/// What one `get_wch` (plus `getmouse` / the new size) produced, before decoding into `Key`.
/// Plain Swift values so the decoder can be tested without a terminal.
enum RawInput: Equatable {
    /// A character as typed (may be a control character, ESC or DEL).
    case scalar(UInt32)
    /// A key ncurses recognised (`KEY_UP`, `KEY_F0 + n`...).
    case keyCode(Int32)
    case mouse(MouseReport)
    /// `KEY_RESIZE`, with the size ncurses now reports.
    case resize(width: Int, height: Int)
}

/// A mouse event reduced to what the dashboard uses.
struct MouseReport: Equatable {
    enum Action: Equatable { case press, wheelUp, wheelDown, other }
    var action: Action
    var row: Int
    var column: Int
}
