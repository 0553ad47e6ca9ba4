#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file that log lines are appended to, each with one `write(2)`: nothing is buffered in the
/// process, so a line is in the file (and visible to `tail -f`) as soon as `append` returns,
/// and lines from several threads, or from several processes sharing the file, never
/// interleave within a line (`O_APPEND`).
///
/// Never a terminal: the log must not draw over the dashboard, so a tty is refused at open.
public final class LogFile: @unchecked Sendable {
    /// Why the file could not be opened: the path as given and the system's reason.
    public struct OpenError: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let reason: String
        public var description: String { "cannot open log file \(path): \(reason)" }
    }

    /// The path as given.
    public let path: String
    private let lock = NSLock()
    private var fd: Int32
    private var failureCount = 0
    private var lastFailure: String?

    /// Opens (creating it if needed, mode 0644 less the umask) `path` for appending.
    ///
    /// - Throws: `OpenError` when the file cannot be opened for writing (a missing directory,
    ///   no permission, a directory) or is a terminal.
    public init(appendingTo path: String) throws {
        self.path = path
        // O_NONBLOCK only for the open itself: a FIFO with no reader fails (ENXIO) instead of
        // hanging before the dashboard starts.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw OpenError(path: path, reason: Self.reason(errno)) }
        if isatty(fd) != 0 {
            _ = closeDescriptor(fd)
            throw OpenError(path: path, reason: "it is a terminal (the log never goes to the screen)")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var info = stat()
        if fstat(fd, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            // A pipe whose reader has gone must cost a line, not the process.
            if kind == S_IFIFO || kind == S_IFSOCK { signal(SIGPIPE, SIG_IGN) }
        }
        self.fd = fd
    }

    deinit { close() }

    /// Appends `line` and a newline in one write (retried on a short write or EINTR). A failed
    /// write is counted, not thrown: the dashboard goes on (see `writeFailures`).
    public func append(_ line: String) {
        append { line }
    }

    /// Appends the line `make` returns, made while no other line is being written, so lines
    /// stamped with the time in `make` are in the file in the order of their times.
    public func append(_ make: () -> String) {
        lock.lock()
        defer { lock.unlock() }
        var bytes = Array(make().utf8)
        bytes.append(0x0A)
        guard fd >= 0 else { return note("the log file was closed") }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return note(Self.reason(errno))
                }
                offset += n
            }
        }
    }

    /// How many lines could not be written, and the last reason; (0, nil) when all were.
    public var writeFailures: (count: Int, lastReason: String?) {
        lock.lock()
        defer { lock.unlock() }
        return (failureCount, lastFailure)
    }

    /// Closes the file; later lines count as failures.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 {
            _ = closeDescriptor(fd)
            fd = -1
        }
    }

    private func note(_ reason: String) {
        failureCount += 1
        lastFailure = reason
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
