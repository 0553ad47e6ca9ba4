import AdoptCore
import Foundation

/// What went wrong reading a feed, always naming the URL (credentials redacted, see
/// `FeedURL.redacted`). Each becomes a problem in the `!` pane and on standard error; none
/// replaces data already verified.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL itself is not usable (scheme, form).
    case badURL(String, message: String)
    /// The index could be read but is not a valid feed index.
    case badIndex(url: String, message: String)
    /// The server answered with an error status.
    case http(url: String, status: Int)
    /// No answer: refused, unreachable, timed out, TLS failure.
    case transport(url: String, message: String)
    /// A download that does not match its index entry, or breaks a limit or a rule.
    case rejected(url: String, message: String)

    public var url: String {
        switch self {
        case .badURL(let u, _): return u
        case .badIndex(let u, _), .http(let u, _), .transport(let u, _), .rejected(let u, _): return u
        }
    }

    public var description: String {
        switch self {
        case .badURL(let u, let m): return "\(u): \(m)"
        case .badIndex(let u, let m): return "\(u): bad feed index: \(m)"
        case .http(let u, let s): return "\(u): HTTP \(s)\(FeedError.reason(s).map { " (\($0))" } ?? "")"
        case .transport(let u, let m): return "\(u): \(m)"
        case .rejected(let u, let m): return "\(u): \(m)"
        }
    }

    /// As a problem for the `!` pane and `validate`: the URL stands where a file would.
    public var problem: Problem {
        Problem(file: url, line: 0, column: 0, path: "", message: TextSafety.clean(String(description.dropFirst(url.count + 2))))
    }

    /// Worth trying again soon: no answer, a timeout, or a server error or throttle.
    var isTransient: Bool {
        switch self {
        // Refused: the client has already retried the connection until its connect timeout.
        case .transport(_, let m): return !m.contains("connection refused")
        case .http(_, let s): return s == 408 || s == 429 || s >= 500
        default: return false
        }
    }

    private static func reason(_ status: Int) -> String? {
        switch status {
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not found"
        case 408: return "request timeout"
        case 429: return "too many requests"
        case 500: return "internal server error"
        case 502: return "bad gateway"
        case 503: return "service unavailable"
        case 504: return "gateway timeout"
        default: return nil
        }
    }
}
