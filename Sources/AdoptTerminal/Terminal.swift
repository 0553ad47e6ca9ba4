#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AdoptUI
import CNcursesw

/// The ncurses screen: copies finished frames to it and reads keys from it. Nothing else.
///
/// Only one may be open at a time (ncurses has one screen), and it must stay on the thread
/// that opened it; other threads reach the run loop through `waker`.
public final class Terminal {
    /// Wakes `run` from another thread (a file watcher, a timer).
    public var waker: Waker { pipe.waker }
    public let colorDepth: ColorDepth
    /// Whether URLs go out as OSC 8 hyperlinks (`--hyperlinks`, decided once at start).
    public let hyperlinksEnabled: Bool
    /// Whether each frame is one synchronized update, DEC mode 2026 (`--sync-output`,
    /// decided once at start).
    public let synchronizedOutput: Bool

    let pipe: WakePipe
    private var painter: FramePainter
    private var isOpen = true
    private var painted = false

    /// Takes over the terminal: raw mode, no echo, keypad and mouse on, cursor hidden.
    ///
    /// Throws before touching the screen if stdin/stdout is not a terminal or TERM is unknown.
    /// - Parameters:
    ///   - environment: looks up `NO_COLOR`, `TERM` and what `HyperlinkMode.auto` and
    ///     `SyncOutputMode.auto` read (injectable for tests).
    ///   - hyperlinks: whether a record's URLs are sent as OSC 8 hyperlinks.
    ///   - syncOutput: whether each frame is bracketed as one synchronized update.
    public init(environment: (String) -> String? = Terminal.processEnvironment,
                hyperlinks: HyperlinkMode = .auto, syncOutput: SyncOutputMode = .auto) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let pipe = WakePipe() else { throw .noWakePipe(errno: errno) }
        self.pipe = pipe
        TerminalGuard.installBeforeScreen(wakeFD: pipe.writeFD)
        switch adopt_open_screen() {
        case OK:
            break
        case ADOPT_NO_CURSOR_ADDRESSING:
            TerminalGuard.restore()
            throw .cannotAddressCursor(environment("TERM") ?? "")
        default:
            TerminalGuard.restore()
            throw .unknownTerminal(environment("TERM"))
        }
        raw()          // Ctrl-C arrives as a key; signals from outside still come as signals
        noecho()
        nonl()         // Enter arrives as \r and the screen is not translated
        adopt_keypad(true)
        adopt_nodelay(true) // reads never block: poll(2) does the waiting
        adopt_leaveok(true)
        set_escdelay(25)    // a lone Esc is the Esc key after 25 ms, not 1 s
        curs_set(0)
        adopt_enable_mouse()

        var depth = ColorDepth.none
        var defaults = false
        let noColor = environment("NO_COLOR")
        // start_color() only when colour will be used: under NO_COLOR the terminal's own
        // colours stay untouched.
        if has_colors(), (noColor ?? "").isEmpty {
            start_color()
            defaults = use_default_colors() == OK
            depth = ColorDepth.detect(hasColors: has_colors(), colors: Int(adopt_colors()),
                                      noColor: noColor)
        }
        colorDepth = depth
        let linksOn = hyperlinks.isEnabled(environment: environment)
        self.hyperlinksEnabled = linksOn
        if linksOn { adopt_idcok(false) }
        let syncOn = syncOutput.isEnabled(environment: environment)
        self.synchronizedOutput = syncOn
        painter = FramePainter(styles: CursesStyles(
            depth: depth, hasDefaultColors: defaults, pairLimit: Int(adopt_color_pairs())),
            links: linksOn, synchronized: syncOn, write: { Terminal.writeToScreen($0) })
        TerminalGuard.installAfterScreen()
    }

    deinit { close() }

    /// Gives the terminal back: ends curses mode and restores the signal handlers. Safe to
    /// call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        painter.closeBracket()
        TerminalGuard.restore()
    }

    /// The screen size in cells.
    public var size: (width: Int, height: Int) {
        (Int(adopt_cols()), Int(adopt_lines()))
    }

    /// Shows a frame, sending only the cells that changed since the last one.
    public func draw(_ grid: Grid) {
        painter.paint(grid)
        if !painted {
            painted = true
            BenchProbe.mark(.firstPaint)
        }
    }

    /// Repaints everything on the next frame (after something else wrote to the terminal).
    public func invalidate() {
        painter.invalidate()
        adopt_clearok(true)
    }

    /// Everything waiting on the keyboard, without blocking.
    func readBurst() -> [RawInput] {
        var burst: [RawInput] = []
        var value: UInt32 = 0
        // A bound, so a terminal spewing input cannot keep the loop from ever rendering.
        while burst.count < 4096 {
            let result = adopt_get_wch(&value)
            if result == ERR { break }
            guard result == KEY_CODE_YES else {
                burst.append(.scalar(value))
                continue
            }
            switch Int32(bitPattern: value) {
            case KEY_RESIZE:
                // ncurses repaints the old screen in the next get_wch: inside the next frame's
                // bracket, so the terminal never shows it.
                painter.openBracket()
                let (width, height) = size
                burst.append(.resize(width: width, height: height))
            case KEY_MOUSE:
                burst.append(.mouse(readMouse()))
            default:
                burst.append(.keyCode(Int32(bitPattern: value)))
            }
        }
        return burst
    }

    private func readMouse() -> MouseReport {
        var row: Int32 = 0, column: Int32 = 0, buttons: UInt32 = 0
        guard adopt_get_mouse(&row, &column, &buttons) == OK else {
            return MouseReport(action: .other, row: 0, column: 0)
        }
        let action: MouseReport.Action
        if buttons & adopt_mouse_wheel_up() != 0 {
            action = .wheelUp
        } else if buttons & adopt_mouse_wheel_down() != 0 {
            action = .wheelDown
        } else if buttons & (adopt_mouse_button1_pressed() | adopt_mouse_button1_clicked()) != 0 {
            action = .press
        } else {
            action = .other
        }
        return MouseReport(action: action, row: Int(row), column: Int(column))
    }

    /// Bytes straight to the terminal, after ncurses has flushed its own (it writes to the
    /// same descriptor and has nothing buffered once `doupdate` returns).
    static func writeToScreen(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
