import Foundation

/// Values computed once per key, safe from several threads. With a `limit`, only that many
/// of the most recently made are kept (per-date arrays must not pile up as the date moves).
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var values: [Key: Value] = [:]
    /// Keys oldest first, when limited.
    private var order: [Key] = []

    init(limit: Int = .max) { self.limit = limit }

    /// The value for `key` if it has been made (and not dropped).
    func peek(_ key: Key) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = values[key] { return v }
        let v = make()
        values[key] = v
        if limit != .max {
            order.append(key)
            if order.count > limit { values[order.removeFirst()] = nil }
        }
        return v
    }
}
