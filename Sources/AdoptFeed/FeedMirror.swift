import AdoptCore
import Foundation

/// Keeps a cache directory equal to what a feed publishes, one verified file at a time.
///
/// Why a directory: everything adopt does with local files (startup, live reload, fallback,
/// history, `export`) then works on a feed unchanged. A file enters the directory only after
/// its size and SHA-256 match the index, by a rename, so the reloader never sees half a
/// download; a failed download leaves the file it would have replaced. Files the index no
/// longer names are removed. The last index and its validators are kept beside the files
/// (`index.json`, `.feed.json`), so a dashboard started offline opens on the last good data.
public final class FeedMirror: @unchecked Sendable {
    public let feed: FeedURL
    /// The cache directory of this feed; snapshots at its top, tours in `tours/`.
    public let directory: String
    private let client: FeedClient
    private let lock = NSLock()
    private var state: SavedState
    private var status_: FeedStatus

    /// What is kept between runs in `.feed.json`.
    struct SavedState: Codable {
        var validators: FeedClient.Validators?
        /// The SHA-256 of each file in the directory (so a poll does not hash 250 MB again).
        var files: [String: String] = [:]
        var lastSuccess: Date?
    }

    /// What one sync did.
    public struct Outcome: Sendable {
        /// Files were added, replaced or removed.
        public var changed: Bool
        /// Every problem of this sync, each naming its URL.
        public var problems: [Problem]
        /// When to poll next at the earliest (`Cache-Control: max-age`, `Retry-After`).
        public var notBefore: Date?
        /// The index could not be read at all (offline, HTTP error, bad index).
        public var indexFailed: Bool
    }

    /// - Parameter cacheRoot: `--cache-dir`, else `$XDG_CACHE_HOME/adopt`, else `~/.cache/adopt`.
    public init(feed: FeedURL, cacheRoot: String, client: FeedClient) throws {
        self.feed = feed
        self.client = client
        directory = (cacheRoot as NSString).appendingPathComponent(feed.cacheKey)
        try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("tours"),
                                                withIntermediateDirectories: true)
        let saved = (try? Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(".feed.json"))))
            .flatMap { try? FeedMirror.decoder.decode(SavedState.self, from: $0) }
        state = saved ?? SavedState()
        status_ = .unchecked(lastSuccess: state.lastSuccess)
    }

    /// The default cache root.
    public static func defaultCacheRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return (xdg as NSString).appendingPathComponent("adopt") }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/adopt")
    }

    /// The feed's state as of the last sync (for the status bar).
    public var status: FeedStatus { lock.withLock { status_ } }

    /// Whether the cache holds any verified snapshot (a start offline can show something).
    public var hasCachedData: Bool { lock.withLock { state.files.keys.contains { !$0.hasPrefix("tours/") } } }

    /// Reads the index (conditionally) and brings the directory up to date with it.
    /// `progress`: told each download (its URL and bytes so far), for `Fetching` on stderr.
    @discardableResult
    public func sync(now: @autoclosure () -> Date = Date(), progress: LoadProgress? = nil) -> Outcome {
        defer { progress?.finish() }
        let shown = FeedURL.redact(feed.index.absoluteString)
        let started = now()
        let validators = lock.withLock { state.validators }
        let cachedIndexPath = (directory as NSString).appendingPathComponent("index.json")
        let haveCachedIndex = FileManager.default.fileExists(atPath: cachedIndexPath)
        let index: FeedIndex
        var notBefore: Date?
        var freshIndex: (data: Data, validators: FeedClient.Validators)?
        switch client.get(feed.index, origin: feed, validators: haveCachedIndex ? validators : nil, limit: FeedIndex.maxBytes) {
        case .failure(let failure):
            return failed(failure.error, at: started, notBefore: failure.retryAfter.map { started.addingTimeInterval($0) })
        case .success(let response):
            notBefore = response.maxAge.map { started.addingTimeInterval($0) }
            let data: Data
            if response.status == 304, let cached = try? Data(contentsOf: URL(fileURLWithPath: cachedIndexPath)) {
                data = cached
            } else {
                data = response.body
                freshIndex = (data, response.validators)
            }
            do {
                index = try FeedIndex.decode(data, from: shown)
            } catch let error as FeedError {
                return failed(error, at: started, notBefore: notBefore)
            } catch {
                return failed(.badIndex(url: shown, message: "\(error)"), at: started, notBefore: notBefore)
            }
        }

        var problems: [Problem] = []
        var changed = false
        var files = lock.withLock { state.files }
        let wanted = index.snapshots.map { ($0, false) } + index.tours.map { ($0, true) }
        progress?.start(totalBytes: wanted.filter { files[$0.1 ? "tours/\($0.0.file)" : $0.0.file] != $0.0.sha256 }.reduce(0) { $0 + $1.0.size })
        for (entry, tour) in index.snapshots.map({ ($0, false) }) + index.tours.map({ ($0, true) }) {
            let key = tour ? "tours/\(entry.file)" : entry.file
            let path = (directory as NSString).appendingPathComponent(key)
            if files[key] == entry.sha256, FileManager.default.fileExists(atPath: path) { continue }
            let url = feed.file(entry.file, tour: tour)
            let shownFile = FeedURL.redact(url.absoluteString)
            // The download goes to a hidden temp file (never read as a snapshot) and is
            // renamed into place only once its size and checksum match the index.
            let temp = (directory as NSString).appendingPathComponent(tour ? "tours/.\(entry.file).partial" : ".\(entry.file).partial")
            let download = DownloadFile(path: temp, progress: progress)
            progress?.begin(file: shownFile, bytes: entry.size)
            defer { progress?.finishFile() }
            switch client.get(url, origin: feed, limit: entry.size, into: download) {
            case .failure(let failure):
                download.discard()
                problems.append(failure.error.problem)
                if let after = failure.retryAfter { notBefore = max(notBefore ?? .distantPast, started.addingTimeInterval(after)) }
            case .success:
                let digest: String
                do { digest = try download.finish() } catch {
                    download.discard()
                    problems.append(FeedError.rejected(url: shownFile, message: "cannot write the cache (\(directory)): \(error)").problem)
                    continue
                }
                guard download.size == entry.size else {
                    download.discard()
                    problems.append(FeedError.rejected(url: shownFile, message: "got \(download.size) bytes, the index says \(entry.size); not used").problem)
                    continue
                }
                guard digest == entry.sha256 else {
                    download.discard()
                    problems.append(FeedError.rejected(url: shownFile, message: "SHA-256 \(digest.prefix(12))… does not match the index (\(entry.sha256.prefix(12))…); not used").problem)
                    continue
                }
                guard rename(temp, path) == 0 else {
                    let code = errno
                    download.discard()
                    problems.append(FeedError.rejected(url: shownFile, message: "cannot write the cache (\(directory)): \(String(cString: strerror(code)))").problem)
                    continue
                }
                files[key] = entry.sha256
                changed = true
            }
        }
        // Files the feed no longer publishes leave the cache, as they would leave a directory.
        let listed = Set(index.snapshots.map(\.file) + index.tours.map { "tours/\($0.file)" })
        for key in Array(files.keys) where !listed.contains(key) {
            unlink((directory as NSString).appendingPathComponent(key))
            files[key] = nil
            changed = true
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where DataSet.isSnapshotName(name) && files[name] == nil {
            unlink((directory as NSString).appendingPathComponent(name))
            changed = true
        }
        if let fresh = freshIndex {
            try? AtomicFile.write(fresh.data, to: cachedIndexPath, via: (directory as NSString).appendingPathComponent(".index.json.partial"))
        }
        lock.withLock {
            state.files = files
            if let fresh = freshIndex { state.validators = fresh.validators }
            state.lastSuccess = started
            status_ = problems.isEmpty ? .live(checked: started) : .stale(since: status_.troubleSince ?? started, checked: started)
        }
        save()
        return Outcome(changed: changed, problems: problems, notBefore: notBefore, indexFailed: false)
    }

    private func failed(_ error: FeedError, at time: Date, notBefore: Date?) -> Outcome {
        lock.withLock {
            if case .transport = error {
                status_ = .offline(since: status_.offlineSince ?? time, lastSuccess: state.lastSuccess)
            } else {
                status_ = .stale(since: status_.troubleSince ?? time, checked: time)
            }
        }
        return Outcome(changed: false, problems: [error.problem], notBefore: notBefore, indexFailed: true)
    }

    private func save() {
        let data = lock.withLock { try? FeedMirror.encoder.encode(state) }
        guard let data else { return }
        try? AtomicFile.write(data, to: (directory as NSString).appendingPathComponent(".feed.json"),
                              via: (directory as NSString).appendingPathComponent(".feed.json.partial"))
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys]
        return e
    }()
    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

/// What the status bar says of a feed.
public enum FeedStatus: Equatable, Sendable {
    /// Not polled yet in this run.
    case unchecked(lastSuccess: Date?)
    /// The last poll read the index and every file.
    case live(checked: Date)
    /// The server answers, but with errors (an HTTP error, a bad index, a file that failed).
    case stale(since: Date, checked: Date)
    /// No answer since `since`.
    case offline(since: Date, lastSuccess: Date?)

    var offlineSince: Date? { if case .offline(let s, _) = self { return s }; return nil }
    var troubleSince: Date? {
        switch self {
        case .offline(let s, _), .stale(let s, _): return s
        default: return nil
        }
    }

    /// "feed live, checked 09:14:05", "feed stale since 09:14", "feed offline since 09:14".
    public func text(timeZone: TimeZone = .current) -> String {
        switch self {
        case .unchecked: return "feed not checked yet"
        case .live(let t): return "feed live, checked \(FeedStatus.clock(t, timeZone, seconds: true))"
        case .stale(let s, _): return "feed stale since \(FeedStatus.clock(s, timeZone, seconds: false))"
        case .offline(let s, _): return "feed offline since \(FeedStatus.clock(s, timeZone, seconds: false))"
        }
    }

    /// Whether the status bar should warn (stale or offline).
    public var isTrouble: Bool { troubleSince != nil }

    private static func clock(_ date: Date, _ zone: TimeZone, seconds: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        let hm = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return seconds ? hm + String(format: ":%02d", c.second ?? 0) : hm
    }
}
