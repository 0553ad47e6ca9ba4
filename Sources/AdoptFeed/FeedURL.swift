import Foundation

/// A feed's address as given on the command line: `https://host/path/` (the directory) or
/// `https://host/path/index.json`. Only `http` and `https`. Credentials in the URL
/// (`https://user:secret@host/`) are sent as Basic authorization to that host only and never
/// shown: `redacted` replaces the password wherever the URL is printed or logged.
public struct FeedURL: Equatable, Sendable, CustomStringConvertible {
    /// The directory, ending in `/`, credentials removed.
    public let base: URL
    /// `user:password` from the URL, if any.
    let credentials: String?

    /// Whether a command-line path names a feed rather than a local file or directory.
    public static func isFeed(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    public init(_ text: String) throws {
        guard var parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            throw FeedError.badURL(FeedURL.redact(text), message: "not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw FeedError.badURL(FeedURL.redact(text), message: "only http and https feeds are read")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw FeedError.badURL(FeedURL.redact(text), message: "the URL has no host")
        }
        credentials = parts.user.map { user in "\(user):\(parts.password ?? "")" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        parts.fragment = nil
        parts.scheme = scheme
        var path = parts.path
        if path.hasSuffix("/index.json") { path.removeLast("index.json".count) }
        if !path.hasSuffix("/") { path += "/" }
        parts.path = path
        guard let url = parts.url else { throw FeedError.badURL(FeedURL.redact(text), message: "not a URL") }
        base = url
    }

    public var index: URL { base.appendingPathComponent("index.json") }

    /// The URL of a snapshot (`tours`: of a tour) named in the index: a plain file name.
    public func file(_ name: String, tour: Bool = false) -> URL {
        (tour ? base.appendingPathComponent("tours") : base).appendingPathComponent(name)
    }

    public var description: String { base.absoluteString }

    /// A stable folder name for this feed in the cache: host, port and path, made safe.
    public var cacheKey: String {
        let raw = "\(base.host ?? "")\(base.port.map { "_\($0)" } ?? "")\(base.path)"
        let safe = raw.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" ? Character($0) : "_" }
        return String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "_"))
    }

    /// The URL with any password replaced by `***` (and a user name kept, so it can be told apart).
    public static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userinfo = authority[..<at]
        let user = userinfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return String(text[..<scheme.upperBound]) + (user.isEmpty ? "***" : "\(user):***") + String(rest[at...])
    }
}
