import Foundation

/// A pseudo-terminal for running the real dashboard (`adopt PATH`) as a user would: the child
/// gets the slave side as stdin, stdout and stderr, with a window size; this side reads and
/// throws away everything it draws (a terminal that never reads would stop the child once the
/// kernel's buffer filled) and types keys into it.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slavePath: String
    private let drained = DispatchSemaphore(value: 0)

    /// Linux's pseudo-terminal master, unlocked, and its slave's path. (posix_openpt, grantpt,
    /// unlockpt and ptsname are not in Swift's Glibc module; these are what they do on Linux.)
    init?(width: Int, height: Int) {
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(fd, PseudoTerminal.setLock, &unlock) == 0, ioctl(fd, PseudoTerminal.getNumber, &number) == 0 else {
            close(fd)
            return nil
        }
        master = fd
        slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
    }

    /// TIOCSPTLCK and TIOCGPTN (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`):
    /// function-like macros in C, so not imported.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430

    deinit { close(master) }

    /// Opens the slave side for a child (the caller closes its copy once the child runs).
    func openSlave() -> FileHandle? {
        let fd = open(slavePath, O_RDWR | O_NOCTTY)
        return fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
    }

    /// Reads the child's output until the slave side is closed everywhere (EIO), on a thread.
    func startDraining() {
        let fd = master
        let done = drained
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { continue }
                if n < 0 && errno == EINTR { continue }
                break
            }
            done.signal()
        }
    }

    /// Waits (at most `seconds`) for the drain to see the end of the child's output.
    func waitForDrain(seconds: Double) {
        _ = drained.wait(timeout: .now() + seconds)
    }

    /// Types `bytes` as if from the keyboard.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }
}

/// CLOCK_MONOTONIC in nanoseconds: the clock `ADOPT_BENCH_PROBE` lines are written in, shared
/// by every process on the machine.
enum MonotonicClock {
    static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}
