import Foundation

/// A value shared between the input thread and the background queues, guarded by a lock.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
