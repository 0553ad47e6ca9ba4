import Foundation

/// How far a load has got, shared between the thread that parses and the one that shows it:
/// the file being read, the bytes read of the files so far and of them all, and when it began.
///
/// Why a counter behind a lock and not a callback to the UI: the parser only bumps a number
/// every few thousand rows (about every 2 MB per core), and whoever shows it reads it at its
/// own pace (several times a second), so parsing never waits for drawing. Safe from any number
/// of threads at once (the pieces of a parallel parse each report their own part).
public final class LoadProgress: @unchecked Sendable {
    /// What a reader of the progress sees at one instant.
    public struct Reading: Sendable, Equatable {
        /// The file being read, as given (messages show its last path component).
        public var file: String
        /// Bytes parsed so far, over every file of this load.
        public var bytesDone: Int
        /// The size of every file of this load (0 when it is not known).
        public var totalBytes: Int
        /// Seconds since the load began.
        public var elapsed: Double

        public init(file: String, bytesDone: Int, totalBytes: Int, elapsed: Double) {
            self.file = file; self.bytesDone = bytesDone; self.totalBytes = totalBytes; self.elapsed = elapsed
        }
    }

    private let lock = NSLock()
    private var running = false
    private var file = ""
    /// Bytes of the files already finished in this load.
    private var before = 0
    /// Bytes into the current file.
    private var current = 0
    private var currentSize = 0
    private var total = 0
    /// Whether `total` is known (a writer does not know its size in advance).
    private var totalKnown = false
    private var began = ContinuousClock.now
    private var startHandler: (@Sendable () -> Void)?

    public init() {}

    /// Called (on the loading thread) each time a load starts: a screen asleep until its next
    /// key wakes to show the progress.
    public func onStart(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        startHandler = handler
    }

    /// A load of `totalBytes` in all begins (several files: their sizes added up).
    public func start(totalBytes: Int) {
        lock.lock()
        let handler = startHandler
        defer { handler?() }
        defer { lock.unlock() }
        running = true
        file = ""
        before = 0
        current = 0
        currentSize = 0
        total = max(0, totalBytes)
        totalKnown = totalBytes > 0
        began = .now
    }

    /// One file of `bytes` bytes begins (0: its size is not known, as when writing it).
    /// Without `start`, the load is this one file.
    public func begin(file: String, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        if !running {
            running = true
            before = 0
            total = max(0, bytes)
            totalKnown = bytes > 0
            began = .now
        } else {
            before += max(current, currentSize)
        }
        self.file = file
        current = 0
        currentSize = max(0, bytes)
        // A file grew since the total was taken: the total grows with it.
        if totalKnown { total = max(total, before + currentSize) }
    }

    /// The parser (or writer) got to `offset` in the current file (never moves back).
    public func advance(to offset: Int) {
        lock.lock()
        defer { lock.unlock() }
        current = max(current, currentSize > 0 ? min(offset, currentSize) : offset)
    }

    /// The current file has been read to its end (what follows is checking and indexing).
    public func finishFile() {
        lock.lock()
        defer { lock.unlock() }
        current = max(current, currentSize)
    }

    /// The load is over: `reading` is nil until the next one starts.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        running = false
    }

    /// Where the load is now; nil when no load is running.
    public var reading: Reading? {
        lock.lock()
        defer { lock.unlock() }
        guard running else { return nil }
        let (seconds, attoseconds) = (ContinuousClock.now - began).components
        return Reading(file: file, bytesDone: before + current, totalBytes: total,
                       elapsed: Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// The size of a file on disk, 0 when it cannot be read.
    public static func size(of path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return Int(st.st_size)
    }
}
