import AdoptCore
import Foundation

/// Reads light older snapshots (see `Snapshot.resident`) in the background when a history
/// view needs one: a known-by date, or a diff pair. Reading a million-row file again takes
/// seconds, so the input thread never does it: the frame says "loading history…" and the
/// run loop is woken when the read is done (`takeArrived`). Only the newest request runs.
/// Nil in the App (dump, tests): the views read at once.
public final class HistoryLoads: @unchecked Sendable {
    enum Request: Equatable, Sendable {
        case store(ObjectIdentifier, Int)
        case diff(DiffCacheKey)
    }

    /// Internal so that a test can hold it (`suspend`) and look at the frame before the read ends.
    let queue = DispatchQueue(label: "adopt.history-loads", qos: .userInitiated)
    private let ready: @Sendable () -> Void
    private let lock = NSLock()
    private var arrived = false
    private var diffs: [DiffCacheKey: SnapshotDiff] = [:]
    /// The newest request not yet done: an older one still queued is skipped, and asking
    /// again for this one schedules nothing. Cleared when done, so a store dropped from the
    /// store's keep-two is read again when asked again.
    private var wanted: Request?

    public init(ready: @escaping @Sendable () -> Void) { self.ready = ready }

    /// Has `store(upTo: k)` made in the background.
    func load(_ store: Store, upTo k: Int) {
        run(.store(ObjectIdentifier(store), k)) { _ = store.store(upTo: k) }
    }

    /// The diff of two snapshots of `store`, if made; else has it made in the background.
    func diff(_ key: DiffCacheKey, store: Store, from: Int, to: Int) -> SnapshotDiff? {
        lock.lock()
        if let d = diffs[key] { lock.unlock(); return d }
        lock.unlock()
        run(.diff(key)) { [self] in
            let d = SnapshotDiff(from: store.resolved(from), to: store.resolved(to))
            lock.lock()
            if diffs.count >= 4 { diffs = [:] }
            diffs[key] = d
            lock.unlock()
        }
        return nil
    }

    /// Whether a read is being waited for ("loading history…").
    var isLoading: Bool {
        lock.lock()
        defer { lock.unlock() }
        return wanted != nil
    }

    /// Whether a read finished since the last call (the App then recomputes its figures).
    func takeArrived() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { arrived = false }
        return arrived
    }

    private func run(_ request: Request, _ work: @escaping @Sendable () -> Void) {
        lock.lock()
        let isNew = wanted != request
        wanted = request
        lock.unlock()
        guard isNew else { return }
        queue.async { [self] in
            guard lock.withLock({ wanted == request }) else { return }
            work()
            lock.withLock {
                arrived = true
                if wanted == request { wanted = nil }
            }
            ready()
        }
    }
}
