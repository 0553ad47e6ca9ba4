import AdoptCore
import Crypto
import Foundation
import NIOCore

/// Where a snapshot download goes as it arrives: a temp file beside its final name, hashed on
/// the way, so a 250 MB snapshot never sits whole in memory. The file is renamed into place
/// only after its size and SHA-256 match the index (`FeedMirror`); otherwise it is removed.
final class DownloadFile: @unchecked Sendable {
    let path: String
    private var fd: Int32 = -1
    private var hasher = SHA256()
    private(set) var size = 0
    private(set) var failed: Int32 = 0

    private let progress: LoadProgress?

    init(path: String, progress: LoadProgress? = nil) { self.path = path; self.progress = progress }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Starts (again: a retry starts from an empty file).
    func reset() throws {
        if fd >= 0 { close(fd) }
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        hasher = SHA256()
        size = 0
        failed = 0
    }

    func append(_ chunk: ByteBuffer) throws {
        try chunk.withUnsafeReadableBytes { raw in
            hasher.update(bufferPointer: raw)
            var done = 0
            while done < raw.count {
                let r = write(fd, raw.baseAddress! + done, raw.count - done)
                if r < 0 && errno == EINTR { continue }
                guard r > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                done += r
            }
        }
        size += chunk.readableBytes
        progress?.advance(to: size)
    }

    /// Flushes and closes the file; the SHA-256 of what was written.
    func finish() throws -> String {
        defer { close(fd); fd = -1 }
        guard fsync(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return Checksum.hex(hasher.finalize())
    }

    /// Removes the temp file (a failed or rejected download).
    func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(path)
    }
}
