import AdoptCore
import AdoptLive
import AdoptOpsLog
import AdoptTerminal
import AdoptUI
import Foundation

/// The dashboard's side of live reloading: a `Reloader` over the opened paths, and a mailbox
/// that carries its states from the reloader's background queue to the input thread.
///
/// The reloader calls back on its own queue; the state is converted there, left in the
/// mailbox (merged with any the screen has not taken yet, so no change is lost), and the run
/// loop is woken. The run loop takes it in `tick` and applies it to the App in one step.
final class LiveSession: Sendable {
    private let reloader: Reloader
    private let mailbox: Mailbox
    private let progress = LoadProgress()

    /// - Parameters:
    ///   - initial: the state of the startup load (already on screen); refreshes compare with it.
    ///   - waker: wakes the run loop when a state arrives.
    ///   - log: `--log`: each state is recorded there as a reload (on the reloader's queue).
    init(paths: [String], initial: LiveState, waker: Waker, timeZone: TimeZone = .current, log: OpsLog? = nil) {
        let mailbox = Mailbox(initial: LiveUpdate(initial, timeZone: timeZone))
        self.mailbox = mailbox
        // A reload that starts wakes the loop, which then redraws its progress until it ends.
        progress.onStart { waker.wakeUp() }
        reloader = Reloader(paths: paths, initial: initial, timeZone: timeZone, progress: progress) { state in
            if state.historyOnly { log?.historyRead(state) } else { log?.reloaded(state) }
            mailbox.put(LiveUpdate(state, timeZone: timeZone))
            waker.wakeUp()
        }
    }

    /// Starts watching. A watcher that cannot start is not fatal: `r` still reloads, and a
    /// warning saying so joins every update's problems (and is returned for the first frame).
    @discardableResult
    func start() -> Problem? {
        do {
            try reloader.start(history: false)
            return nil
        } catch {
            let problem = Problem(file: reloader.paths.joined(separator: " "), line: 0, column: 0, path: "",
                                  message: "not watching for changes (\(error)); press r to reload",
                                  severity: .warning)
            mailbox.setStanding([problem], for: .watcher)
            return problem
        }
    }

    /// The update waiting for the screen, if any (taking it empties the mailbox).
    func take() -> LiveUpdate? { mailbox.take() }

    func reloadNow() { reloader.reloadNow() }

    /// A feed's problems as of its last poll (`FeedPoller`): they join every update, and a
    /// change in them reaches the screen at once, without reading any file again.
    func setFeedProblems(_ problems: [Problem]) { mailbox.setStanding(problems, for: .feed) }

    /// How far the running reload has got; nil when none runs.
    var reloadProgress: LoadProgress.Reading? { progress.reading }

    /// Reads the older files in the background from now on (after the first frame).
    func startHistory() { reloader.startHistory() }

    func stop() { reloader.stop() }
}

/// The latest update not yet on screen, behind a lock.
private final class Mailbox: @unchecked Sendable {
    enum Source { case watcher, feed }
    private let lock = NSLock()
    private var pending: LiveUpdate?
    /// The last update taken (without standing problems): re-sent, data-free, when only the
    /// standing problems change.
    private var last: LiveUpdate
    /// Problems added to every update: the watcher could not start; a feed's last poll.
    private var standing: [Source: [Problem]] = [:]

    init(initial: LiveUpdate) { last = initial }

    func setStanding(_ problems: [Problem], for source: Source) {
        lock.lock()
        defer { lock.unlock() }
        guard standing[source] ?? [] != problems else { return }
        standing[source] = problems
        if pending == nil {
            // The screen's data stays (no store); only the problems change.
            pending = LiveUpdate(store: nil, problems: last.problems, loadedAt: last.loadedAt, checkedAt: last.checkedAt,
                                 generation: last.generation, history: last.history)
        }
    }

    func put(_ update: LiveUpdate) {
        lock.lock()
        defer { lock.unlock() }
        var update = update
        if let older = pending { update.absorb(older) }
        pending = update
    }

    func take() -> LiveUpdate? {
        lock.lock()
        defer { lock.unlock() }
        defer { pending = nil }
        guard var update = pending else { return nil }
        last = update
        last.store = nil
        last.changedRegions = []
        update.problems += (standing[.watcher] ?? []) + (standing[.feed] ?? [])
        return update
    }
}
