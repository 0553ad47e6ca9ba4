import Foundation

/// A background queue that runs only the newest of the requests given to it: the filter
/// menu's counts and `/` search both start a long pass per key, and typing or toggling five
/// times quickly should cost one pass, not five. A request that is no longer the newest when
/// its turn comes is dropped; asking again for the newest request schedules nothing.
public final class NewestOnly<Request: Equatable & Sendable>: @unchecked Sendable {
    /// Public so that a test can hold it (`suspend`) and look at the frame before the work ends.
    public let queue: DispatchQueue
    private let lock = NSLock()
    private var newest: Request?

    public init(label: String) { queue = DispatchQueue(label: label, qos: .userInitiated) }

    /// Makes `request` the newest and, unless it already was, schedules `work`, which runs
    /// only if `request` is still the newest when the queue reaches it.
    public func submit(_ request: Request, _ work: @escaping @Sendable () -> Void) {
        lock.lock()
        let isNew = newest != request
        newest = request
        lock.unlock()
        guard isNew else { return }
        queue.async { [self] in
            lock.lock()
            let current = newest == request
            lock.unlock()
            if current { work() }
        }
    }
}
