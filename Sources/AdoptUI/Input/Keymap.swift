/// The keys that work everywhere in the dashboard, each with its help text: one table drives
/// both dispatch (`App.handleMain`) and the "Everywhere" part of the `?` overlay, so help can
/// never be missing a key or describe one that does something else (as in bubbles'
/// `key.Binding`).
public enum Keymap {
    /// What a global key does.
    public enum Action: Equatable, Sendable {
        case quit, help, search, filter, claims, toggleCountingMode, toggleView
        case nextPane, previousPane
        case dayBack, dayForward, weekBack, weekForward
        case deployments, playPause, faster, slower, presentation
        case problems, diff, acknowledge, reload
        case sortNext, sortReverse
        case breakdown, export
        case pin, unpinAll, toggleTimelineScale, commandLine
        case cycleLabels
        case zoom
    }

    public struct Binding: Sendable {
        public let keys: [Key]
        /// How the keys are written in help, e.g. "[  ]".
        public let label: String
        public let help: String
        public let action: Action
    }

    static func chars(_ s: String) -> [Key] { s.map(Key.character) }

    /// In the order help lists them. A binding sharing its label with the previous one (a
    /// pair such as `[` and `]`) is shown on the previous one's line.
    public static let global: [Binding] = [
        Binding(keys: chars("q"), label: "q  Ctrl-C", help: "quit", action: .quit),
        Binding(keys: chars("?"), label: "?", help: "this help (Esc closes)", action: .help),
        Binding(keys: [.tab], label: "Tab  Shift-Tab", help: "next / previous pane (map → drill-down → timeline)", action: .nextPane),
        Binding(keys: [.backTab], label: "Tab  Shift-Tab", help: "", action: .previousPane),
        Binding(keys: chars("z"), label: "z", help: "zoom the focused pane (z or Esc restores)",
                action: .zoom),
        Binding(keys: chars("m"), label: "m", help: "switch map / table (leaves the breakdown)", action: .toggleView),
        Binding(keys: chars("b"), label: "b", help: "breakdown of the region by model, use case, sector and more",
                action: .breakdown),
        Binding(keys: chars("e"), label: "e", help: "export the focused pane to a new CSV file", action: .export),
        Binding(keys: chars("["), label: "[  ]", help: "current date one day back / forward", action: .dayBack),
        Binding(keys: chars("]"), label: "[  ]", help: "", action: .dayForward),
        Binding(keys: chars("{"), label: "{  }", help: "one week back / forward", action: .weekBack),
        Binding(keys: chars("}"), label: "{  }", help: "", action: .weekForward),
        Binding(keys: chars("K"), label: "K", help: "count what is dated by the date / what was known by it",
                action: .toggleCountingMode),
        Binding(keys: chars(" "), label: "Space", help: "play the timeline a day at a time / pause", action: .playPause),
        Binding(keys: chars("+="), label: "+  -", help: "play faster / slower", action: .faster),
        Binding(keys: chars("-"), label: "+  -", help: "", action: .slower),
        Binding(keys: chars("p"), label: "p", help: "presentation mode: large map, date and caption", action: .presentation),
        Binding(keys: chars("L"), label: "L", help: "map labels: auto / en / both / zh / letters (GD)",
                action: .cycleLabels),
        Binding(keys: chars("c"), label: "c", help: "claims beside what is tracked, and who is tracked", action: .claims),
        Binding(keys: chars("!"), label: "!", help: "problems with the snapshot files", action: .problems),
        Binding(keys: chars("d"), label: "d", help: "what changed between snapshots", action: .diff),
        Binding(keys: chars("a"), label: "a", help: "acknowledge the highlighted changes", action: .acknowledge),
        Binding(keys: chars("r"), label: "r", help: "reload the snapshot files now", action: .reload),
        Binding(keys: chars("/"), label: "/", help: "search regions (中文, pinyin, English, code), organisations, sources, models, uses, notes", action: .search),
        Binding(keys: chars("f"), label: "f", help: "filter: certainty, sector, status, body, model, use", action: .filter),
        Binding(keys: chars("D"), label: "D", help: "deployments in the region the drill-down shows", action: .deployments),
        Binding(keys: chars("s"), label: "s  S", help: "table (m, focused): sort by the next column / reverse the order", action: .sortNext),
        Binding(keys: chars("S"), label: "s  S", help: "", action: .sortReverse),
        Binding(keys: chars("P"), label: "P  U", help: "pin / unpin the region shown (up to 6) to compare; U unpins all",
                action: .pin),
        Binding(keys: chars("U"), label: "P  U", help: "", action: .unpinAll),
        Binding(keys: chars("t"), label: "t", help: "timeline: new per period / cumulative", action: .toggleTimelineScale),
        Binding(keys: chars(":"), label: ":", help: "the command line that reproduces this view", action: .commandLine),
    ]

    /// The global action of a key, if it has one.
    public static func action(for key: Key) -> Action? {
        global.first { $0.keys.contains(key) }?.action
    }

    /// Help lines for the global keys: one per label, the first binding's text.
    static var helpLines: [(keys: String, action: String)] {
        var out: [(keys: String, action: String)] = []
        for b in global where !b.help.isEmpty { out.append((b.label, b.help)) }
        return out
    }
}
