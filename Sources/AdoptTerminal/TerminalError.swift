/// Why the dashboard could not take over the terminal. Nothing was changed on screen when
/// these are thrown, so the caller can print the message and exit (status 2).
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is a pipe or a file (ncurses would abort).
    case notATerminal
    /// ncurses does not know `TERM` (or it is unset).
    case unknownTerminal(String?)
    /// The terminal cannot move the cursor (TERM=dumb), so it cannot show a dashboard.
    case cannotAddressCursor(String)
    /// The wake-up pipe could not be made (out of file descriptors).
    case noWakePipe(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal; use `adopt dump` or `adopt export` for scripts"
        case .unknownTerminal(let name):
            if let name, !name.isEmpty { return "unknown terminal type TERM=\(name); try TERM=xterm-256color" }
            return "TERM is not set; set it (e.g. TERM=xterm-256color) or use `adopt dump` for scripts"
        case .cannotAddressCursor(let name):
            return "TERM=\(name) cannot move the cursor; use `adopt dump` or `adopt export` for plain text"
        case .noWakePipe(let errno):
            return "cannot create the wake-up pipe (errno \(errno))"
        }
    }
}
