import AdoptCore

/// One search match.
public enum SearchResult: Equatable, Sendable {
    case region(RegionCode)
    /// A deployment, by id.
    case deployment(String)
}

/// A match and, when what matched is not in the name the overlay shows, why it matched:
/// "source: China Daily (Ma Si)", "model: Qwen", "use: 12345 hotline", "code 440304".
public struct SearchMatch: Equatable, Sendable {
    public let result: SearchResult
    public let why: String?

    public init(_ result: SearchResult, why: String? = nil) { self.result = result; self.why = why }
}
