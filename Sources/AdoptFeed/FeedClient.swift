import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOSSL

/// The HTTP side of a feed: conditional GETs with limits, on AsyncHTTPClient (see README,
/// "Publishing a feed", for why this client).
///
/// Redirects are followed here rather than by the library, because the rules are the feed's
/// own: at most 5, never from HTTPS to HTTP, and the bearer token or URL credentials go only
/// to the feed's own origin. Transient failures (no answer, 408, 429, 5xx) are retried with
/// exponential backoff and jitter; a `Retry-After` longer than a retry is worth waiting for is
/// handed back so the poller waits that long instead.
public final class FeedClient: Sendable {
    public struct Options: Sendable {
        /// `--ca-file`: a PEM file of extra trust roots, added to the system's.
        public var caFile: String?
        /// A bearer token (from `ADOPT_FEED_TOKEN`); never shown or logged.
        public var token: String?
        public var connectTimeout: TimeInterval = 5
        /// `--timeout`: how long a transfer may go without a byte before it is given up.
        public var stallTimeout: TimeInterval = 30
        /// Tries after the first for a transient failure.
        public var retries = 3
        /// The first backoff; each retry doubles it (with jitter of ±50 %).
        public var backoff: TimeInterval = 0.5

        public init(caFile: String? = nil, token: String? = nil) { self.caFile = caFile; self.token = token }
    }

    /// What makes a request conditional: the last answer's ETag and Last-Modified.
    public struct Validators: Codable, Equatable, Sendable {
        public var etag: String?
        public var lastModified: String?
    }

    public struct Response: Sendable {
        /// 200, or 304 (not modified: `body` empty).
        public var status: Int
        public var body: Data
        public var validators: Validators
        /// `Cache-Control: max-age`, seconds.
        public var maxAge: TimeInterval?
    }

    /// A failure, with how long the server asked to be left alone (`Retry-After`), if it did.
    public struct Failure: Error, Sendable {
        public var error: FeedError
        public var retryAfter: TimeInterval?
    }

    private let http: HTTPClient
    private let options: Options

    public init(options: Options) throws {
        self.options = options
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = options.caFile {
            guard let roots = try? NIOSSLCertificate.fromPEMFile(ca), !roots.isEmpty else {
                throw FeedError.badURL(ca, message: "--ca-file: not a readable PEM file of certificates")
            }
            tls.additionalTrustRoots = [.certificates(roots)]
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeout * 1000)),
                           read: .milliseconds(Int64(options.stallTimeout * 1000))),
            decompression: .enabled(limit: .ratio(100)))
        configuration.httpVersion = .http1Only
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit { try? http.syncShutdown() }

    /// GETs `url` (with `validators`, conditionally), following redirects and retrying
    /// transient failures. The body may be at most `limit` bytes (checked as it arrives).
    /// With `file`, the body goes there (and `body` stays empty) instead of into memory.
    /// Blocks the calling thread: callers are the poller's thread and the commands.
    func get(_ url: URL, origin: FeedURL, validators: Validators? = nil, limit: Int,
             into file: DownloadFile? = nil) -> Result<Response, Failure> {
        var attempt = 0
        while true {
            if let file {
                do { try file.reset() } catch {
                    return .failure(Failure(error: .rejected(url: FeedURL.redact(url.absoluteString), message: "cannot write the cache (\(file.path)): \(error)")))
                }
            }
            let result = once(url, origin: origin, validators: validators, limit: limit, into: file)
            guard case .failure(let failure) = result, failure.error.isTransient, attempt < options.retries else { return result }
            let wait = options.backoff * pow(2, Double(attempt)) * Double.random(in: 0.5...1.5)
            if let asked = failure.retryAfter, asked > max(wait, 5) { return result }
            Thread.sleep(forTimeInterval: max(wait, failure.retryAfter ?? 0))
            attempt += 1
        }
    }

    private func once(_ start: URL, origin: FeedURL, validators: Validators?, limit: Int, into file: DownloadFile?) -> Result<Response, Failure> {
        let shown = FeedURL.redact(start.absoluteString)
        var url = start
        for _ in 0...5 {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .GET
            request.headers.add(name: "Accept-Encoding", value: "gzip")
            request.headers.add(name: "User-Agent", value: "adopt-feed/1")
            if FeedClient.sameOrigin(url, origin.base) {
                if let token = options.token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
                else if let c = origin.credentials { request.headers.add(name: "Authorization", value: "Basic \(Data(c.utf8).base64EncodedString())") }
            }
            if let etag = validators?.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lm = validators?.lastModified { request.headers.add(name: "If-Modified-Since", value: lm) }
            let step: Step
            let prepared = request
            do {
                step = try blocking { [http] in try await FeedClient.exchange(http, prepared, limit: limit, into: file) }
            } catch let error as FeedError {
                return .failure(Failure(error: FeedError.withURL(error, shown)))
            } catch {
                return .failure(Failure(error: .transport(url: shown, message: FeedClient.describe(error))))
            }
            switch step {
            case .done(let response):
                return .success(response)
            case .redirect(let location):
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL,
                      let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                    return .failure(Failure(error: .rejected(url: shown, message: "redirect to an unusable location")))
                }
                if url.scheme?.lowercased() == "https" && scheme == "http" {
                    return .failure(Failure(error: .rejected(url: shown, message: "redirect from HTTPS to HTTP refused (\(FeedURL.redact(next.absoluteString)))")))
                }
                url = next
            case .failed(let status, let retryAfter):
                return .failure(Failure(error: .http(url: shown, status: status), retryAfter: retryAfter))
            }
        }
        return .failure(Failure(error: .rejected(url: shown, message: "more than 5 redirects")))
    }

    private enum Step: Sendable {
        case done(Response)
        case redirect(String)
        case failed(Int, retryAfter: TimeInterval?)
    }

    private static func exchange(_ http: HTTPClient, _ request: HTTPClientRequest, limit: Int, into file: DownloadFile?) async throws -> Step {
        // The deadline bounds the whole transfer generously (a 1 GB file at 2 MB/s); a stall is
        // caught sooner by the read timeout.
        let response = try await http.execute(request, timeout: .seconds(900))
        let status = Int(response.status.code)
        if [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "Location") {
            return .redirect(location)
        }
        if status == 304 {
            return .done(Response(status: 304, body: Data(), validators: validators(response.headers), maxAge: maxAge(response.headers)))
        }
        guard status == 200 else {
            return .failed(status, retryAfter: retryAfter(response.headers))
        }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limit,
           response.headers.first(name: "Content-Encoding") == nil {
            throw FeedError.rejected(url: "", message: "the server announces \(length) bytes; the limit is \(limit)")
        }
        var body = Data()
        var received = 0
        for try await chunk in response.body {
            guard received + chunk.readableBytes <= limit else {
                throw FeedError.rejected(url: "", message: "more than \(limit) bytes; download stopped")
            }
            received += chunk.readableBytes
            if let file {
                do { try file.append(chunk) } catch {
                    throw FeedError.rejected(url: "", message: "cannot write the cache (\(file.path)): \(error)")
                }
            } else {
                body.append(contentsOf: chunk.readableBytesView)
            }
        }
        return .done(Response(status: 200, body: body, validators: validators(response.headers), maxAge: maxAge(response.headers)))
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && a.port == b.port
    }

    private static func validators(_ headers: HTTPHeaders) -> Validators {
        Validators(etag: headers.first(name: "ETag"), lastModified: headers.first(name: "Last-Modified"))
    }

    /// `Cache-Control: max-age=N` (no-cache and no-store mean 0).
    static func maxAge(_ headers: HTTPHeaders) -> TimeInterval? {
        guard let value = headers.first(name: "Cache-Control")?.lowercased() else { return nil }
        for part in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if part == "no-cache" || part == "no-store" { return 0 }
            if part.hasPrefix("max-age="), let n = TimeInterval(part.dropFirst(8)) { return max(0, n) }
        }
        return nil
    }

    /// `Retry-After`: seconds, or an HTTP date.
    static func retryAfter(_ headers: HTTPHeaders) -> TimeInterval? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = TimeInterval(value) { return max(0, seconds) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    private static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("ConnectTimeout") { return "no answer: connect timed out" }
        if text.contains("readTimeout") || text.contains("deadlineExceeded") { return "no answer: the transfer stalled (timed out)" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "no answer: connection refused" }
        if text.contains("remoteConnectionClosed") || text.contains("bodyLength") || text.contains("uncleanShutdown") {
            return "the transfer was cut short"
        }
        if text.contains("NIOSSL") || text.contains("handshake") || text.contains("certificate") { return "TLS failed: \(text)" }
        return "no answer: \(text)"
    }
}

extension FeedError {
    /// The same error naming `url` (errors made inside a transfer do not know it).
    static func withURL(_ e: FeedError, _ url: String) -> FeedError {
        switch e {
        case .rejected(_, let m): return .rejected(url: url, message: m)
        case .transport(_, let m): return .transport(url: url, message: m)
        case .http(_, let s): return .http(url: url, status: s)
        case .badIndex(_, let m): return .badIndex(url: url, message: m)
        case .badURL(_, let m): return .badURL(url, message: m)
        }
    }
}

/// Runs async work to completion from a plain thread (the poller's, or a command's).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

private func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}
