#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte buffer that is written to a file descriptor in chunks of about 1 MB, so a 250 MB
/// file is produced without ever holding it whole (or building it from Strings). With no
/// file descriptor it simply accumulates, for tests.
struct ChunkWriter {
    static let chunkBytes = 1 << 20

    private(set) var buffer: [UInt8] = []
    /// Bytes written out so far.
    private(set) var written = 0
    /// Told `written` after each chunk goes out (progress on stderr).
    var onFlush: ((Int) -> Void)?
    private let fd: Int32?
    /// The path, for error messages.
    private let path: String

    /// Collects everything in memory (`buffer`).
    init() {
        fd = nil
        path = ""
        buffer.reserveCapacity(1 << 16)
    }

    /// Writes to an open file descriptor (not closed here).
    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(ChunkWriter.chunkBytes + (1 << 16))
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// A string written as a JSON string literal, escaped.
    mutating func appendJSONString(_ text: String) { buffer.append(contentsOf: JSONBytes.quoted(text)) }

    /// A non-negative integer, zero-padded to `width` digits.
    mutating func append(_ value: Int, width: Int = 1) {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(0x30 + v % 10))
            v /= 10
        } while v > 0
        while digits.count < width { digits.append(0x30) }
        buffer.append(contentsOf: digits.reversed())
    }

    /// Writes out the buffer once it holds a chunk; call between records.
    mutating func flushIfFull() throws(SyntheticGenerator.WriteError) {
        if fd != nil && buffer.count >= ChunkWriter.chunkBytes { try flush() }
    }

    /// Writes out whatever is buffered.
    mutating func flush() throws(SyntheticGenerator.WriteError) {
        guard let fd else { return }
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure != 0 {
            throw .init(path: path, message: String(cString: strerror(failure)))
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
        onFlush?(written)
    }
}
