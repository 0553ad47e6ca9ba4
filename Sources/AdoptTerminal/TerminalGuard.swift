import CNcursesw

/// Restores the terminal on every way out: the run loop's own exit, SIGINT/SIGTERM/SIGHUP
/// (a second one restores and exits at once from the handler), `exit()` (atexit) and crashes
/// (SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT, SIGFPE, and SIGQUIT: restore, then hand on to
/// the previous handler and end the process; see `adopt_guard_on_crash`).
///
/// The handlers and their state are C in the shim header (`adopt_guard_*`); this is the one
/// place Swift talks to them.
enum TerminalGuard {
    /// Installed before ncurses starts, so ncurses does not put in its own SIGINT/SIGTERM
    /// handlers (it only does when the disposition is the default).
    static func installBeforeScreen(wakeFD: Int32) {
        adopt_guard_set_wake_fd(wakeFD)
        adopt_guard_install_quit_handlers()
        adopt_guard_install_crash_handlers()
    }

    /// Installed after ncurses starts, chaining to the SIGWINCH handler ncurses put in.
    static func installAfterScreen() {
        adopt_guard_install_winch_handler()
        adopt_guard_set_active(1)
    }

    /// Ends curses mode (once) and puts the previous signal dispositions back.
    static func restore() {
        adopt_guard_restore()
        adopt_guard_uninstall_all()
        adopt_guard_set_wake_fd(-1)
    }

    /// The SIGINT, SIGTERM or SIGHUP that asked the loop to stop, if any.
    static var quitSignal: Int32? {
        let signo = adopt_guard_quit_signal_value()
        return signo == 0 ? nil : signo
    }
}
