import Foundation

/// A load started on its own thread at once, with its progress, so that the caller can wait
/// a moment for it and, if it takes longer, show how it goes and keep answering keys.
///
/// Why a thread of its own and not a dispatch queue: it starts at once whatever else is
/// queued, and it gets the main thread's stack size for deeply nested (but allowed) JSON.
public final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    /// Fed by the work while it runs; read by whoever shows it.
    public let progress: LoadProgress
    private let condition = NSCondition()
    private var value: Value?
    private var onDone: (@Sendable () -> Void)?

    /// Starts `work` now, on a new thread. `work` is given `progress` to feed.
    public init(progress: LoadProgress = LoadProgress(), _ work: @escaping @Sendable (LoadProgress) -> Value) {
        self.progress = progress
        let thread = Thread { [self] in
            let result = work(progress)
            progress.finish()
            condition.lock()
            value = result
            let done = onDone
            onDone = nil
            condition.broadcast()
            condition.unlock()
            done?()
        }
        thread.name = "adopt.load"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result if the work has finished, without waiting.
    public var result: Value? {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    /// Waits at most `seconds` for the result; nil if the work is still running then.
    public func wait(seconds: Double) -> Value? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while value == nil {
            if !condition.wait(until: deadline) { break }
        }
        return value
    }

    /// Waits for the result, however long it takes.
    public func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }

    /// Calls `action` (on the loading thread) when the work ends, or now if it has ended.
    public func whenDone(_ action: @escaping @Sendable () -> Void) {
        condition.lock()
        if value != nil {
            condition.unlock()
            action()
            return
        }
        onDone = action
        condition.unlock()
    }
}
