#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells the watcher thread to end: one byte into a pipe the thread polls next to inotify, so
/// the thread can block without a timeout and still be stopped at once.
///
/// Shared by the watcher and its thread; closed when both have let go, so a late `signal`
/// never writes into a descriptor reused for something else.
final class StopPipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init() throws(WatchError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw WatchError(message: "cannot create a pipe", code: errno) }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    func signal() {
        var byte: UInt8 = 0
        _ = write(writeFD, &byte, 1) // a full pipe is already a pending stop
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}

/// Why a watcher could not start.
public struct WatchError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The C `errno`.
    public let code: Int32

    public var description: String { "\(message) (errno \(code))" }
}
