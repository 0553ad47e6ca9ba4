import AdoptCore

/// A window drawn over the panes that takes all keys while open.
public enum Overlay: Equatable, Sendable {
    /// The key list; the first line shown.
    case help(scroll: Int)
    case search(SearchState)
    case filter(FilterMenu)
}

/// The `/` prompt: what was typed, what matches, which match is selected.
public struct SearchState: Equatable, Sendable {
    public var query: String = ""
    public var results: [SearchResult] = []
    public var selection: Int = 0

    public init() {}
}
