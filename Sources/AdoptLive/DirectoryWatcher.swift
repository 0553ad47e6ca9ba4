import Dispatch
import Foundation

/// Notices added, changed and removed snapshot files under the paths the program opened and
/// reports them, settled, from a background thread.
///
/// Directories are watched for their `*.json` files; a single file is watched through its
/// parent directory, filtered by name, so replacing it by rename is seen too. On Linux this
/// uses inotify and blocks while idle; elsewhere, if inotify fails, or with `polling: true`,
/// it compares a listing of each directory every `pollInterval`. A directory that disappears
/// is reported and then looked for every `pollInterval` until it is back; the watcher never
/// traps on it.
///
/// Reported paths are spelled as `DataSet.files(in:)` spells them: a directory's file as the
/// directory path joined with the name, a single file as given. A path given to `init` is
/// itself reported when anything under it may have changed (its directory vanished or came
/// back, or the kernel dropped events): re-list it.
public final class DirectoryWatcher: Sendable {
    /// True when the kernel reports changes (inotify), false when polling.
    public let usesNotifications: Bool

    private let stopPipe: StopPipe
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Locked(false)
    private let thread: Locked<Thread?> = Locked(nil)

    /// Starts watching at once; changes made after this returns are reported.
    ///
    /// - Parameters:
    ///   - debounce: how long a directory must be quiet before its changes are reported.
    ///   - onChange: called on the watcher's own thread with the changed paths; keep it short
    ///     (hand the work to a queue). It is not called after `stop()` returns.
    public init(paths: [String], debounce: Duration = .milliseconds(150),
                pollInterval: Duration = .milliseconds(500), polling: Bool = false,
                onChange: @escaping @Sendable (Set<String>) -> Void) throws {
        stopPipe = try StopPipe()
        let loop = WatchLoop(
            targets: paths.map(WatchTarget.init(path:)),
            inotify: polling ? nil : Inotify(),
            quiet: DirectoryWatcher.nanoseconds(debounce), pollInterval: DirectoryWatcher.nanoseconds(pollInterval),
            stop: stopPipe, onChange: onChange)
        usesNotifications = loop.usesNotifications
        let finished = self.finished
        let thread = Thread {
            loop.run()
            finished.signal()
        }
        thread.name = "adopt.watcher"
        self.thread.withLock { $0 = thread }
        thread.start()
    }

    /// Stops watching and waits for the watcher thread to end (unless called from it, from
    /// within `onChange`). Calling it again does nothing.
    public func stop() {
        let first = stopped.withLock { s in
            defer { s = true }
            return !s
        }
        guard first else { return }
        stopPipe.signal()
        let watcherThread = thread.withLock { $0 }
        if Thread.current !== watcherThread { finished.wait() }
    }

    deinit { stop() }

    private static func nanoseconds(_ d: Duration) -> UInt64 {
        let (seconds, attoseconds) = d.components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds)) / 1_000_000_000
    }
}
