import AdoptCore

/// A window drawn over the panes that takes all keys while open.
public enum Overlay: Equatable, Sendable {
    /// The key list; the first line shown.
    case help(scroll: Int)
    case search(SearchState)
    case filter(FilterMenu)
    /// `!`: every problem with the snapshot files; the first row shown.
    case problems(scroll: Int)
    /// `d`: what changed between two snapshots.
    case diff(DiffView)
    /// `c`: the outside claims beside what is tracked.
    case claims(ClaimsBrowser)
    /// Enter on the timeline: the milestone at the cursor in full.
    case event(EventDetail)
    /// `:`: the command lines that reproduce the view.
    case commandLine
}

/// The `/` prompt: what was typed, what matches, which match is selected.
public struct SearchState: Equatable, Sendable {
    public var query: String = ""
    public var matches: [SearchMatch] = []
    public var selection: Int = 0
    /// Set while the query's matches are searched in the background (`BackgroundSearch`):
    /// `matches` are still the previous query's, and the overlay says "searching…".
    var pending: SearchRequest?

    /// The matches on screen belong to an earlier query.
    public var isSearching: Bool { pending != nil }

    /// What the matches lead to, best first.
    public var results: [SearchResult] { matches.map(\.result) }

    public init() {}
}

/// The `d` pane's state: which two snapshots are compared and the diff between them, worked
/// out when the pair was chosen (never while drawing).
public struct DiffView: Equatable, Sendable {
    /// Indexes into `store.snapshots` (oldest first): compared from, compared to.
    public let from: Int
    public let to: Int
    /// The first body row shown.
    public internal(set) var scroll: Int
    /// nil when fewer than two snapshots are loaded.
    public let diff: SnapshotDiff?
    let rows: DiffRows
    /// A side is a light older snapshot being read again in the background (`HistoryLoads`).
    public internal(set) var loading = false

    init(from: Int, to: Int, diff: SnapshotDiff?, scroll: Int = 0) {
        self.from = from; self.to = to; self.diff = diff; self.scroll = scroll
        rows = DiffRows(diff)
    }
}
