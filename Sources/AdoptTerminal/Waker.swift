#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes the run loop from another thread (a file watcher, a playback timer) or from a signal
/// handler: one byte into a self-pipe that the loop polls next to the keyboard.
///
/// Sendable and cheap to copy. It keeps the pipe open, so waking a loop that has already
/// ended writes into a pipe nobody reads, never into a file descriptor reused for something else.
public struct Waker: Sendable {
    let pipe: WakePipe

    /// Asks the loop to call its `tick` and render once more. Many wake-ups before the loop
    /// gets to them count as one.
    public func wakeUp() {
        var byte: UInt8 = 0
        _ = write(pipe.writeFD, &byte, 1) // a full pipe is already a pending wake-up
    }
}

/// The self-pipe behind `Waker`: non-blocking on both ends, closed on exec.
final class WakePipe: Sendable {
    let readFD: Int32
    let writeFD: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    var waker: Waker { Waker(pipe: self) }

    /// Empties the pipe so the next poll blocks again.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}
