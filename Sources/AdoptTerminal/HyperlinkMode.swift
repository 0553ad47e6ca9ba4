/// When the dashboard sends OSC 8 hyperlinks (`--hyperlinks`), which make a record's URLs
/// clickable. A terminal that does not know OSC 8 should ignore it, but some print it, and
/// tmux 3.3 and older drop it, so `auto` sends links only to terminals known to show them.
public enum HyperlinkMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// Whether links are sent, given the environment.
    public func isEnabled(environment: (String) -> String?) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return HyperlinkMode.terminalSupportsLinks(environment: environment)
        }
    }

    /// Terminals that draw OSC 8 links, recognised by what they put in the environment (the
    /// list follows Alhadis/OSC8-Adoption and egmontkob's OSC 8 specification):
    ///
    /// - inside tmux (`TMUX`): only tmux 3.4 or later (`TERM_PROGRAM=tmux`,
    ///   `TERM_PROGRAM_VERSION`), which passes links on to a terminal that supports them;
    ///   tmux 3.3 strips them. Inside GNU screen (`STY`, `TERM=screen*`): off.
    /// - `TERM_PROGRAM`: iTerm.app (iTerm2 3.1+), WezTerm, vscode (xterm.js 5+), ghostty.
    /// - `VTE_VERSION` 5000 or more (VTE 0.50: GNOME Terminal, Tilix, Terminator, xfce4).
    /// - `WT_SESSION` (Windows Terminal 1.4+), `KITTY_WINDOW_ID` or `TERM=xterm-kitty`,
    ///   `KONSOLE_VERSION` 201200 or more, `ALACRITTY_WINDOW_ID` (Alacritty 0.11+),
    ///   `TERM` foot, foot-extra, alacritty, xterm-ghostty, wezterm, contour.
    ///
    /// Anything else (xterm, the Linux console, Apple Terminal, unknown) is off.
    public static func terminalSupportsLinks(environment: (String) -> String?) -> Bool {
        func value(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        let term = value("TERM") ?? ""
        if value("TMUX") != nil {
            guard value("TERM_PROGRAM") == "tmux", let version = value("TERM_PROGRAM_VERSION") else { return false }
            return atLeast(version, major: 3, minor: 4)
        }
        if value("STY") != nil || term.hasPrefix("screen") || term == "dumb" || term == "linux" { return false }
        switch value("TERM_PROGRAM") {
        case "iTerm.app", "WezTerm", "vscode", "ghostty": return true
        default: break
        }
        if let vte = value("VTE_VERSION").flatMap(Int.init), vte >= 5000 { return true }
        if let konsole = value("KONSOLE_VERSION").flatMap(Int.init), konsole >= 201200 { return true }
        if value("WT_SESSION") != nil || value("KITTY_WINDOW_ID") != nil || value("ALACRITTY_WINDOW_ID") != nil {
            return true
        }
        return ["xterm-kitty", "foot", "foot-extra", "alacritty", "xterm-ghostty", "wezterm", "contour"].contains(term)
    }

    /// "3.4", "3.5a", "next-3.6": whether the version is at least major.minor.
    static func atLeast(_ version: String, major: Int, minor: Int) -> Bool {
        let digits = version.drop { !$0.isNumber }
        let parts = digits.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        guard let first = parts.first else { return false }
        let second = parts.count > 1 ? parts[1] : 0
        return (first, second) >= (major, minor)
    }
}
