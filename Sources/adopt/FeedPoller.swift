import AdoptCore
import AdoptFeed
import Foundation

/// Polls the dashboard's feeds on a thread of its own: every `--poll` (or later when the
/// server asks, by `Cache-Control: max-age` or `Retry-After`), each mirror syncs its cache
/// directory. New files arrive there by rename, so the reloader's watcher picks them up like
/// any local change; the poller hands on only the feeds' problems and status.
final class FeedPoller: @unchecked Sendable {
    private let mirrors: [FeedMirror]
    private let interval: TimeInterval
    private var onPolled: @Sendable ([Problem]) -> Void = { _ in }
    private let lock = NSLock()
    private var stopped = false
    private let wake = DispatchSemaphore(value: 0)

    init(mirrors: [FeedMirror], interval: TimeInterval) {
        self.mirrors = mirrors
        self.interval = interval
    }

    /// Starts polling. `initialProblems`: those of the sync before the first frame.
    /// `onPolled`: every problem of every feed after each round (empty when all is well).
    /// `now`: the first round at once (the start opened on the cache without syncing).
    func start(initialProblems: [Problem], now: Bool = false, onPolled: @escaping @Sendable ([Problem]) -> Void) {
        self.onPolled = onPolled
        onPolled(initialProblems)
        let thread = Thread { [self] in run(first: now ? Date() : Date().addingTimeInterval(interval)) }
        thread.name = "adopt.feed-poller"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        wake.signal()
    }

    /// "feed live, checked 09:14:05" (one feed) or each feed's state; nil without feeds.
    var statusText: (text: String, trouble: Bool)? {
        guard !mirrors.isEmpty else { return nil }
        let states = mirrors.map(\.status)
        return (states.map { $0.text() }.joined(separator: "; "), states.contains { $0.isTrouble })
    }

    private func run(first: Date) {
        var next = first
        while true {
            _ = wake.wait(timeout: .now() + max(0, next.timeIntervalSinceNow))
            if lock.withLock({ stopped }) { return }
            let started = Date()
            var problems: [Problem] = []
            var notBefore = started.addingTimeInterval(interval)
            for mirror in mirrors {
                let outcome = mirror.sync()
                problems += outcome.problems
                if let later = outcome.notBefore, later > notBefore { notBefore = later }
            }
            if lock.withLock({ stopped }) { return }
            onPolled(problems)
            next = notBefore
        }
    }
}
