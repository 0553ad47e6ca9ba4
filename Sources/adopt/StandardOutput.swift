#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as a `TextOutputStream` that writes in chunks of about 1 MB: a million-row
/// export goes out as it is produced, never held whole (nor written a line per system call).
/// Call `flush()` at the end.
struct StandardOutput: TextOutputStream {
    static let chunkBytes = 1 << 20
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(Self.chunkBytes + (1 << 16)) }

    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.chunkBytes { flush() }
    }

    /// Writes out what is buffered; a closed pipe (`| head`) ends the process quietly, as
    /// other tools do.
    mutating func flush() {
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = systemWrite(1, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    exit(errno == EPIPE ? 0 : 1)
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `write(2)`, under a name the stream's own `write` does not hide.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
