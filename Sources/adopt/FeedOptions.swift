import AdoptCore
import AdoptFeed
import ArgumentParser
import Foundation

/// Options for PATHs that are feed URLs (`https://host/path/` or its `index.json`).
struct FeedOptions: ParsableArguments {
    @Option(name: .customLong("poll"), help: "For a feed URL: how often the dashboard checks its index (e.g. 60s, 5m; default 60s).")
    var poll: String = "60s"

    @Option(name: .customLong("cache-dir"), help: "For a feed URL: where verified downloads are kept (default $XDG_CACHE_HOME/adopt, else ~/.cache/adopt).")
    var cacheDir: String?

    @Option(name: .customLong("ca-file"), help: "For an HTTPS feed: a PEM file of trust roots added to the system's.")
    var caFile: String?

    @Option(name: .customLong("timeout"), help: "For a feed URL: seconds a transfer may stall before it is given up (default 30).")
    var timeout: Double = 30

    /// `--poll` in seconds.
    func pollSeconds() throws -> TimeInterval {
        guard let seconds = parseDuration(poll), seconds >= 1 else {
            throw ValidationError("--poll must be a duration of at least 1s such as 30s, 5m or 1h, got \"\(poll)\"")
        }
        return seconds
    }

    /// The mirror of a feed URL: its cache directory, synced by the caller. The bearer token
    /// comes from `ADOPT_FEED_TOKEN`, never from the command line (where `ps` would show it).
    func mirror(for text: String) throws -> FeedMirror {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        let feed: FeedURL
        do { feed = try FeedURL(text) } catch let error as FeedError { throw ValidationError(error.description) }
        var options = FeedClient.Options(caFile: caFile, token: ProcessInfo.processInfo.environment["ADOPT_FEED_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        options.stallTimeout = timeout
        options.connectTimeout = min(5, timeout)
        let client: FeedClient
        do { client = try FeedClient(options: options) } catch let error as FeedError { throw ValidationError(error.description) }
        let root = cacheDir ?? FeedMirror.defaultCacheRoot()
        do {
            return try FeedMirror(feed: feed, cacheRoot: root, client: client)
        } catch {
            throw ValidationError("cannot use the cache directory \(root): \(error)")
        }
    }
}

/// `30s`, `5m`, `2h`, `1d` or plain seconds.
func parseDuration(_ text: String) -> TimeInterval? {
    let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
    if let last = text.last, let unit = units[last], let n = Double(text.dropLast()) { return n * unit }
    return Double(text)
}

/// The feeds a command read, and whether each was read completely, so that its exit status
/// can say when the figures come from the cache rather than the feed as it is now.
enum FeedRun {
    nonisolated(unsafe) static var mirrors: [FeedMirror] = []
    /// Feeds whose last sync left something unread (the index, or a file).
    nonisolated(unsafe) static var incomplete: [String] = []
    /// The problems of those syncs (the dashboard lists them under `!`).
    nonisolated(unsafe) static var problems: [Problem] = []

    /// A tour named by `--tour NAME` in a synced feed's `tours/`; NAME itself when none has it.
    static func tourPath(_ name: String) -> String {
        for mirror in mirrors {
            let path = ((mirror.directory as NSString).appendingPathComponent("tours") as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return name
    }

    /// Whether some feed was left for the poller's first round (`deferIfCached`).
    nonisolated(unsafe) static var deferred = false

    /// Syncs a feed once for a command: problems to stderr, the cache directory returned.
    /// `deferIfCached`: with verified files in the cache, no sync now (the dashboard's poller
    /// makes it at once).
    static func syncForCommand(_ mirror: FeedMirror, deferIfCached: Bool = false) -> String {
        if deferIfCached && mirror.hasCachedData {
            mirrors.append(mirror)
            deferred = true
            return mirror.directory
        }
        let outcome = withStderrProgress(verb: "Fetching") { mirror.sync(progress: $0) }
        for p in outcome.problems { printError(p.description) }
        problems += outcome.problems
        mirrors.append(mirror)
        if !outcome.problems.isEmpty { incomplete.append(mirror.feed.description) }
        return mirror.directory
    }

    /// A command's exit status with its feeds taken into account: a feed that could not be
    /// read completely means the figures come from the cache (exit 3, as for a fallback to an
    /// older file, unless `--allow-fallback`).
    static func status(_ status: Freshness.ExitStatus, command: String, allowFallback: Bool) -> Freshness.ExitStatus {
        guard !incomplete.isEmpty, status == .success else { return status }
        for feed in incomplete {
            printError("\(command): the feed \(FeedURL.redact(feed)) could not be read completely; the figures come from the cache (\(mirrors.first { $0.feed.description == feed }?.directory ?? "?"))")
        }
        if allowFallback { return status }
        printError("\(command): exit status 3: the figures may be older than the feed (--allow-fallback accepts this)")
        return .fallback
    }
}
