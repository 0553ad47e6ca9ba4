/// When the dashboard wraps each frame in synchronized output (`--sync-output`, DEC private
/// mode 2026): the terminal holds what it receives between `CSI ? 2026 h` and `CSI ? 2026 l`
/// and shows it at once, so a slow link never shows half a frame. A terminal that does not
/// know the mode ignores it (an unknown DECSET changes nothing), but `auto`, as with
/// hyperlinks, turns it on only where it is known to work.
public enum SyncOutputMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// Whether frames are wrapped, given the environment.
    public func isEnabled(environment: (String) -> String?) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return SyncOutputMode.terminalSupportsSync(environment: environment)
        }
    }

    /// Terminals that honour mode 2026, recognised by what they put in the environment (the
    /// list follows the mode's specification, contour-terminal's "synchronized-output", and
    /// each terminal's release notes):
    ///
    /// - inside tmux (`TMUX`) or GNU screen (`STY`, `TERM=screen*`): off. tmux before 3.7
    ///   ignores the mode (3.3a logs it as unknown); 3.7's first releases lost text written
    ///   after a clear inside the bracket (tmux issue 5340) and redrew the whole pane on every
    ///   frame (tmux PR 5612), which is worse than no bracket over a slow link. tmux already
    ///   wraps its own redraws for the outer terminal. `always` still sends it.
    /// - `TERM_PROGRAM`: WezTerm, ghostty, iTerm.app (iTerm2's synchronized-updates page
    ///   documents the DECSET form), mintty (3.5.1+). Older versions ignore the mode.
    /// - `KITTY_WINDOW_ID` or `TERM=xterm-kitty`, `TERM` foot or foot-extra, xterm-ghostty,
    ///   wezterm, contour, `ALACRITTY_WINDOW_ID` or `TERM=alacritty` (0.13+: older versions
    ///   ignore the mode, which costs 16 bytes a frame), `WT_SESSION` (Windows Terminal 1.24+;
    ///   older ignore it).
    ///
    /// Anything else is off: xterm, the Linux console, Apple Terminal, VTE (GNOME Terminal:
    /// no release notes of it), Konsole, VS Code, unknown.
    public static func terminalSupportsSync(environment: (String) -> String?) -> Bool {
        func value(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        let term = value("TERM") ?? ""
        if value("TMUX") != nil || value("STY") != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
            return false
        }
        if term == "dumb" || term == "linux" { return false }
        switch value("TERM_PROGRAM") {
        case "WezTerm", "ghostty", "iTerm.app", "mintty": return true
        default: break
        }
        if value("KITTY_WINDOW_ID") != nil || value("ALACRITTY_WINDOW_ID") != nil || value("WT_SESSION") != nil {
            return true
        }
        return ["xterm-kitty", "foot", "foot-extra", "alacritty", "xterm-ghostty", "wezterm", "contour"].contains(term)
    }
}
